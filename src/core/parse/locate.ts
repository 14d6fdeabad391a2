/** Where a validation issue points in the YAML: the value at fault, else its key, else the item's `type`. */
import { nodeAtPath, type YMap, type YScalar } from "./yaml-node";

export interface Located {
  start: number;
  end: number;
  /** The offending value, when there is one. */
  value?: unknown;
}

export function locate(map: YMap, path: readonly PropertyKey[], typeNode: YScalar): Located {
  const found = nodeAtPath(map, path);
  if (!found.exact || (found.pair === undefined && found.node === map)) return { start: typeNode.start, end: typeNode.end };
  if (found.pair && !found.pair.value) return { start: found.pair.keyStart, end: found.pair.keyEnd, value: null };
  const node = found.node;
  if (node.kind === "scalar") return { start: node.start, end: node.end, value: node.value };
  if (found.pair && found.pair.value === node) return { start: found.pair.keyStart, end: found.pair.keyEnd, value: node.kind === "seq" ? [] : {} };
  return { start: node.start, end: node.start + 1 };
}

/** A short quote of a value for messages: `"high"`, `7`, `a list`. */
export function describeValue(value: unknown): string {
  if (value === null) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  return String(value);
}
