/**
 * The full YAML parser (`yaml`), for front matter outside the fast reader's
 * subset and for `strategy.config.yaml`. Converts yaml's document into the
 * core's YNode tree with absolute offsets, and its errors into plain records.
 *
 * Every cost is bounded (see budgets.ts): the source size, the nesting depth
 * (checked on yaml's token tree before anything recursive runs), and what
 * aliases expand to. An alias becomes the very node of its anchor (the tree is
 * a DAG, never copied), and the expanded size and height of every node are
 * counted as it is built, so a "billion laughs" bomb costs what its text costs.
 */
import type { CST, Node } from "yaml";
import { BUDGET_MESSAGES, MAX_ALIAS_NODES, MAX_DEPTH, MAX_FULL_PARSE_BYTES, OverBudget } from "./budgets";
import type { YMap, YNode, YPair } from "./yaml-node";

export interface YamlError {
  message: string;
  start: number;
  end: number;
  /** A budget was exceeded (the text was not read, though it may be valid YAML). */
  budget?: boolean;
}

/** yaml's own words for a key given twice (the converter finds them, in linear time). */
export const DUPLICATE_KEY = "Map keys must be unique";

export interface FullParse {
  /** The root node; null for an empty document, or when a budget was exceeded. */
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

/** Throws when yaml's token tree nests collections deeper than the budget (walked without recursion). */
function checkDepth(tokens: readonly CST.Token[], base: number): void {
  const stack: Array<[CST.Token, number]> = tokens.map((token) => [token, 0]);
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [token, depth] = next;
    if (token.type === "document") {
      if (token.value) stack.push([token.value, depth]);
    } else if (token.type === "block-map" || token.type === "block-seq" || token.type === "flow-collection") {
      if (depth + 1 > MAX_DEPTH) throw new OverBudget(BUDGET_MESSAGES.depth(), base + token.offset);
      for (const item of token.items) {
        if ("key" in item && item.key) stack.push([item.key, depth + 1]);
        if (item.value) stack.push([item.value, depth + 1]);
      }
    }
  }
}

/**
 * yaml's token tree of `source`, lexeme by lexeme, stopping as soon as the parser's
 * stack of open nodes is far past the nesting budget (yaml's parser costs ~10× more
 * per byte on deep nesting: a 1 MB `[[[…]]]` would take seconds). The exact depth
 * is then checked on the tree.
 */
function parseTokens(lib: Yaml, source: string, base: number): CST.Token[] {
  const parser = new lib.Parser();
  const tokens: CST.Token[] = [];
  for (const lexeme of new lib.Lexer().lex(source)) {
    for (const token of parser.next(lexeme)) tokens.push(token);
    if (parser.stack.length > 2 * MAX_DEPTH + 4) throw new OverBudget(BUDGET_MESSAGES.depth(), base + parser.offset);
  }
  for (const token of parser.end()) tokens.push(token);
  return tokens;
}

/** A converted node with the size and height it has once its aliases are expanded. */
interface Converted {
  node: YNode;
  size: number;
  height: number;
}

/** Duplicate keys are found with a set past this many pairs (a scan below it). */
const SCAN_KEYS = 8;

class Converter {
  private readonly anchors = new Map<string, Converted>();
  private aliasNodes = 0;
  readonly errors: YamlError[] = [];

  constructor(
    private readonly lib: Yaml,
    private readonly base: number,
    private readonly text: string,
  ) {}

  convert(node: unknown): Converted | null {
    const { isAlias, isMap, isScalar, isSeq } = this.lib;
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      const target = this.anchors.get(node.source);
      if (!target) return null; // yaml reports the missing anchor
      this.aliasNodes += target.size;
      if (this.aliasNodes > MAX_ALIAS_NODES) throw new OverBudget(BUDGET_MESSAGES.aliases(), this.base + (node.range?.[0] ?? 0));
      return target;
    }
    const yamlNode = node as Node;
    const [start, end] = yamlNode.range ?? [0, 0];
    let converted: Converted | null = null;
    if (isScalar(node)) {
      const value = typeof node.value === "bigint" ? Number(node.value) : node.value;
      // A block scalar (`|`, `>`) ends after its line break(s): its content ends before them,
      // so that an edit "after the last field" goes on the next line, not one further down.
      let last = this.base + end;
      if (node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED") while (last > this.base + start && (this.text[last - 1] === "\n" || this.text[last - 1] === "\r")) last--;
      converted = { node: { kind: "scalar", value: value === undefined ? null : value, start: this.base + start, end: last }, size: 1, height: 0 };
    } else if (isSeq(node)) {
      const items: YNode[] = [];
      let size = 1;
      let height = 0;
      for (const item of node.items) {
        const child = this.convert(item);
        items.push(child?.node ?? { kind: "scalar", value: null, start: this.base + start, end: this.base + start });
        size += child?.size ?? 1;
        height = Math.max(height, child?.height ?? 0);
      }
      converted = this.collection({ kind: "seq", items, start: this.base + start, end: this.base + end, flow: node.flow === true }, size, height);
    } else if (isMap(node)) {
      converted = this.map(node.items, start, end, node.flow === true);
    }
    if (converted && yamlNode.anchor) this.anchors.set(yamlNode.anchor, converted);
    return converted;
  }

  private map(items: ReadonlyArray<{ key: unknown; value: unknown }>, start: number, end: number, flow: boolean): Converted {
    const { isScalar } = this.lib;
    const pairs: YPair[] = [];
    let keys: Set<string> | undefined;
    let size = 1;
    let height = 0;
    for (const pair of items) {
      const key = pair.key as Node | null;
      const keyRange = key?.range ?? [start, start];
      const keyText = String(isScalar(key) ? key.value : key === null ? "" : key);
      if (pairs.length === SCAN_KEYS) keys = new Set(pairs.map((p) => p.key));
      if (keys ? keys.has(keyText) : pairs.some((p) => p.key === keyText)) {
        this.errors.push({ message: DUPLICATE_KEY, start: this.base + keyRange[0], end: this.base + keyRange[1] });
      }
      keys?.add(keyText);
      const child = this.convert(pair.value);
      const value = child?.node ?? null;
      size += 1 + (child?.size ?? 0);
      height = Math.max(height, child?.height ?? 0);
      pairs.push({
        key: keyText,
        keyStart: this.base + keyRange[0],
        keyEnd: this.base + keyRange[1],
        value: value && value.kind === "scalar" && value.value === null && value.start === value.end ? null : value,
      });
    }
    const map: YMap = { kind: "map", pairs, start: this.base + start, end: this.base + end, flow };
    return this.collection(map, size, height);
  }

  private collection(node: YNode, size: number, childHeight: number): Converted {
    const height = childHeight + 1;
    if (height > MAX_DEPTH) throw new OverBudget(BUDGET_MESSAGES.depth(), node.start);
    return { node, size, height };
  }
}

/** Parses `text.slice(start, end)` with the full YAML 1.2 parser, within the budgets. */
export function fullParse(text: string, start: number, end: number): FullParse {
  try {
    if (end - start > MAX_FULL_PARSE_BYTES) throw new OverBudget(BUDGET_MESSAGES.fullParse(end - start), start);
    const lib = load();
    const source = text.slice(start, end);
    const tokens = parseTokens(lib, source, start);
    checkDepth(tokens, start);
    // Duplicate keys are found by the converter in linear time (yaml's `uniqueKeys` compares each key with every other).
    let doc: import("yaml").Document.Parsed | undefined;
    for (const next of new lib.Composer({ keepSourceTokens: false, prettyErrors: false, uniqueKeys: false }).compose(tokens, true, source.length)) {
      if (doc) {
        doc.errors.push(new lib.YAMLParseError([next.range[0], next.range[1]], "MULTIPLE_DOCS", "Source contains multiple documents"));
        break;
      }
      doc = next;
    }
    if (!doc) return { root: null, errors: [] };
    const errors = doc.errors.map((error) => ({
      message: error.message.split("\n")[0],
      start: start + error.pos[0],
      end: start + Math.max(error.pos[1], error.pos[0] + 1),
    }));
    const converter = new Converter(lib, start, text);
    const root = converter.convert(doc.contents)?.node ?? null;
    return { root, errors: errors.concat(converter.errors).sort((a, b) => a.start - b.start) };
  } catch (error) {
    if (!(error instanceof OverBudget)) throw error;
    return { root: null, errors: [{ message: error.message, start: error.offset, end: error.offset, budget: true }] };
  }
}
