/**
 * The YAML tree the core works on: values with the exact source offsets of
 * every key and value. Both the fast front-matter reader and the full `yaml`
 * parser produce it, so everything after parsing is independent of which ran.
 * Offsets are into the whole document text.
 */
export type YNode = YScalar | YSeq | YMap;

export interface YScalar {
  kind: "scalar";
  /** The resolved value (YAML 1.2 core schema): string, number, boolean or null. */
  value: unknown;
  start: number;
  end: number;
}

export interface YSeq {
  kind: "seq";
  items: YNode[];
  start: number;
  end: number;
  flow: boolean;
}

export interface YMap {
  kind: "map";
  pairs: YPair[];
  start: number;
  end: number;
  flow: boolean;
}

export interface YPair {
  key: string;
  keyStart: number;
  keyEnd: number;
  /** null for `key:` with nothing after it. */
  value: YNode | null;
}

/** The pair of `map` with this key (exact match), if any. */
export function pairOf(map: YMap, key: string): YPair | undefined {
  for (const pair of map.pairs) if (pair.key === key) return pair;
  return undefined;
}

/** Plain JavaScript value of a node, for validation. */
export function toPlain(node: YNode | null): unknown {
  if (node === null) return null;
  switch (node.kind) {
    case "scalar":
      return node.value;
    case "seq":
      return node.items.map(toPlain);
    case "map": {
      const out: Record<string, unknown> = {};
      for (const pair of node.pairs) {
        // A `__proto__` key must become a field, not the object's prototype.
        if (pair.key === "__proto__") Object.defineProperty(out, pair.key, { value: toPlain(pair.value), enumerable: true, writable: true, configurable: true });
        else out[pair.key] = toPlain(pair.value);
      }
      return out;
    }
  }
}

/** The node at a validation path (`["kpis", 1]`), or the deepest one found on the way. */
export function nodeAtPath(root: YMap, path: readonly PropertyKey[]): { node: YNode; pair?: YPair; exact: boolean } {
  let node: YNode = root;
  let pair: YPair | undefined;
  for (const step of path) {
    if (node.kind === "map" && typeof step === "string") {
      const found = pairOf(node, step);
      if (!found) return { node, pair, exact: false };
      pair = found;
      if (!found.value) return { node, pair, exact: true };
      node = found.value;
    } else if (node.kind === "seq" && typeof step === "number" && step < node.items.length) {
      node = node.items[step];
    } else {
      return { node, pair, exact: false };
    }
  }
  return { node, pair, exact: true };
}
