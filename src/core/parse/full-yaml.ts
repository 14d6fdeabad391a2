/**
 * The full YAML parser (`yaml`), for front matter outside the fast reader's
 * subset and for `strategy.config.yaml`. Converts yaml's document into the
 * core's YNode tree with absolute offsets, and its errors into plain records.
 */
import type { Document, Node } from "yaml";
import type { YMap, YNode, YPair } from "./yaml-node";

export interface YamlError {
  message: string;
  start: number;
  end: number;
}

export interface FullParse {
  /** The root node; null for an empty document. */
  root: YNode | null;
  errors: YamlError[];
}

type Yaml = typeof import("yaml");
let yaml: Yaml | undefined;
/** `yaml`, loaded on first need: the fast reader answers for nearly every file. */
function load(): Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose (esbuild keeps it lazy)
  return (yaml ??= require("yaml") as Yaml);
}

function convert(node: unknown, base: number, doc: Document, depth: number, text: string): YNode | null {
  const { isAlias, isMap, isScalar, isSeq } = load();
  if (node === null || node === undefined) return null;
  if (depth > 64) return null; // alias chains and deep nesting: nothing of ours is this deep
  if (isAlias(node)) return convert(node.resolve(doc), base, doc, depth + 1, text);
  const yamlNode = node as Node;
  const [start, end] = yamlNode.range ?? [0, 0];
  if (isScalar(node)) {
    const value = typeof node.value === "bigint" ? Number(node.value) : node.value;
    // A block scalar (`|`, `>`) ends after its line break(s): its content ends before them,
    // so that an edit "after the last field" goes on the next line, not one further down.
    let last = base + end;
    if (node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED") while (last > base + start && (text[last - 1] === "\n" || text[last - 1] === "\r")) last--;
    return { kind: "scalar", value: value === undefined ? null : value, start: base + start, end: last };
  }
  if (isSeq(node)) {
    const items: YNode[] = [];
    for (const item of node.items) {
      items.push(convert(item, base, doc, depth + 1, text) ?? { kind: "scalar", value: null, start: base + start, end: base + start });
    }
    return { kind: "seq", items, start: base + start, end: base + end, flow: node.flow === true };
  }
  if (isMap(node)) {
    const pairs: YPair[] = [];
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      const keyRange = key?.range ?? [start, start];
      const keyValue = isScalar(key) ? key.value : key === null ? "" : String(key);
      const value = convert(pair.value, base, doc, depth + 1, text);
      pairs.push({
        key: String(keyValue),
        keyStart: base + keyRange[0],
        keyEnd: base + keyRange[1],
        value: value && value.kind === "scalar" && value.value === null && value.start === value.end ? null : value,
      });
    }
    const map: YMap = { kind: "map", pairs, start: base + start, end: base + end, flow: node.flow === true };
    return map;
  }
  return null;
}

/** Parses `text.slice(start, end)` with the full YAML 1.2 parser. */
export function fullParse(text: string, start: number, end: number): FullParse {
  const source = text.slice(start, end);
  const doc = load().parseDocument(source, { keepSourceTokens: false, prettyErrors: false, uniqueKeys: true });
  const errors = doc.errors.map((error) => ({
    message: error.message.split("\n")[0],
    start: start + error.pos[0],
    end: start + Math.max(error.pos[1], error.pos[0] + 1),
  }));
  return { root: convert(doc.contents, start, doc, 0, text), errors };
}
