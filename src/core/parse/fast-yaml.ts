/**
 * A fast reader for the simple YAML that front matter nearly always is: block
 * maps and sequences, flow sequences and maps of scalars on one line, plain and
 * simple quoted scalars, comments. It gives up (returns null) on anything else
 * — anchors, tags, block scalars, multi-line scalars, escapes, odd indentation,
 * duplicate keys — and the caller falls back to the full `yaml` parser. Where it
 * answers, it answers exactly as `yaml` would (a differential test holds it to
 * that on every corpus we have). It is ~50× faster than `yaml.parseDocument`.
 */
import { BUDGET_MESSAGES, MAX_DEPTH, OverBudget } from "./budgets";
import type { YMap, YNode, YPair, YScalar, YSeq } from "./yaml-node";

class GiveUp extends Error {}

/** A key given twice in one map: the reader stops there (the full parser would report it, with any other error). */
class DuplicateKey extends GiveUp {
  constructor(
    readonly start: number,
    readonly end: number,
  ) {
    super();
  }
}

const giveUp = (): never => {
  throw new GiveUp();
};

const NULL_RE = /^(?:~|[Nn]ull|NULL)$/;
const BOOL_RE = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_RE = /^[-+]?[0-9]+$/;
const FLOAT_RE = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** Core-schema forms we leave to the full parser rather than re-implement. */
const EXOTIC_RE = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+)$/;
const KEY_RE = /[A-Za-z_][A-Za-z0-9_-]*/y;

/** Resolves a plain scalar as the YAML 1.2 core schema does. */
function resolvePlain(source: string): unknown {
  // Most values are words: only these first characters can start a null, a boolean or a number.
  const first = source.charCodeAt(0);
  const special =
    (first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46 || first === 126 || // 0-9 + - . ~
    first === 110 || first === 78 || first === 116 || first === 84 || first === 102 || first === 70; // n N t T f F
  if (!special) return source;
  if (NULL_RE.test(source)) return null;
  if (BOOL_RE.test(source)) return source[0] === "t" || source[0] === "T";
  if (INT_RE.test(source)) return source.length <= 15 ? Number(source) : giveUp();
  if (FLOAT_RE.test(source)) return source.length <= 15 ? Number(source) : giveUp();
  if (EXOTIC_RE.test(source)) giveUp();
  return source;
}

/**
 * The lines of the front matter being read, as parallel arrays reused from one
 * file to the next (the reader is not re-entrant): start, end of content (before
 * `\r\n`/`\n`), indentation, and whether the line is blank or a comment.
 */
let LINE_START = new Int32Array(256);
let LINE_END = new Int32Array(256);
let LINE_INDENT = new Int32Array(256);
let LINE_SKIP = new Uint8Array(256);

function growLines(): void {
  const grow = <T extends Int32Array | Uint8Array>(from: T): T => {
    const to = new (from.constructor as { new (n: number): T })(from.length * 2);
    to.set(from);
    return to;
  };
  LINE_START = grow(LINE_START);
  LINE_END = grow(LINE_END);
  LINE_INDENT = grow(LINE_INDENT);
  LINE_SKIP = grow(LINE_SKIP);
}

/** Keys are compared with a scan up to this many pairs, then with a set (a map of 80,000 keys stays linear; an item's dozen fields make no set). */
const SCAN_KEYS = 32;

/** Whether `key` is already one of `pairs`' keys; `keys` is the set kept once the map has grown past {@link SCAN_KEYS}. */
function hasKey(pairs: readonly YPair[], keys: Set<string> | undefined, key: string): boolean {
  return keys ? keys.has(key) : pairs.some((pair) => pair.key === key);
}

/** The set of keys of `pairs`, once it is worth keeping one. */
function keySet(pairs: readonly YPair[], keys: Set<string> | undefined): Set<string> | undefined {
  return keys ?? (pairs.length >= SCAN_KEYS ? new Set(pairs.map((pair) => pair.key)) : undefined);
}

class Reader {
  private count = 0;
  private i = 0;
  /** Collections open around the one being read (the nesting budget). */
  private depth = 0;
  /** Column at which the construct to read on line `i` starts (after a `- `). */
  private col = 0;

  constructor(private readonly text: string, start: number, end: number) {
    let at = start;
    while (at < end) {
      let nl = text.indexOf("\n", at);
      if (nl === -1 || nl > end) nl = end;
      const lineEnd = nl > at && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      let indent = 0;
      while (at + indent < lineEnd && text.charCodeAt(at + indent) === 32) indent++;
      const first = at + indent < lineEnd ? text.charCodeAt(at + indent) : -1;
      for (let c = at + indent; c < lineEnd; c++) {
        const code = text.charCodeAt(c);
        if (code === 9 || code === 13) giveUp(); // a tab, or a lone CR
      }
      if (this.count === LINE_START.length) growLines();
      LINE_START[this.count] = at;
      LINE_END[this.count] = lineEnd;
      LINE_INDENT[this.count] = indent;
      LINE_SKIP[this.count] = first === -1 || first === 35 ? 1 : 0;
      this.count++;
      at = nl + 1;
    }
  }

  parseRoot(): YMap {
    this.skipBlank();
    if (this.i >= this.count) return { kind: "map", pairs: [], start: 0, end: 0, flow: false };
    if (LINE_INDENT[this.i] !== 0) giveUp();
    this.col = 0;
    const map = this.parseBlockMap(0);
    this.skipBlank();
    if (this.i < this.count) giveUp();
    return map;
  }

  private skipBlank(): void {
    while (this.i < this.count && LINE_SKIP[this.i]) this.i++;
    if (this.i < this.count) this.col = LINE_INDENT[this.i];
  }

  private isDash(line: number, col: number): boolean {
    const at = LINE_START[line] + col;
    return this.text.charCodeAt(at) === 45 && (at + 1 === LINE_END[line] || this.text.charCodeAt(at + 1) === 32);
  }

  /** Enters a collection that starts at `offset`; throws past the nesting budget. */
  private enter(offset: number): void {
    if (++this.depth > MAX_DEPTH) throw new OverBudget(BUDGET_MESSAGES.depth(), offset);
  }

  private parseBlockMap(indent: number): YMap {
    this.enter(LINE_START[this.i] + indent);
    const pairs: YPair[] = [];
    let keys: Set<string> | undefined;
    let end = 0;
    while (this.i < this.count) {
      const line = this.i;
      if (this.col < indent) break;
      if (this.col > indent || this.isDash(line, this.col)) giveUp();
      const keyStart = LINE_START[line] + this.col;
      KEY_RE.lastIndex = keyStart;
      if (!KEY_RE.test(this.text) || KEY_RE.lastIndex > LINE_END[line]) giveUp();
      const keyEnd = KEY_RE.lastIndex;
      const afterColon = keyEnd + 1;
      if (this.text.charCodeAt(keyEnd) !== 58 || (afterColon < LINE_END[line] && this.text.charCodeAt(afterColon) !== 32)) giveUp();
      const key = this.text.slice(keyStart, keyEnd);
      if (hasKey(pairs, keys, key)) throw new DuplicateKey(keyStart, keyEnd);
      keys = keySet(pairs, keys)?.add(key);
      let valueAt = afterColon;
      while (valueAt < LINE_END[line] && this.text.charCodeAt(valueAt) === 32) valueAt++;
      let value: YNode | null;
      if (valueAt === LINE_END[line] || this.text.charCodeAt(valueAt) === 35) {
        this.i++;
        this.skipBlank();
        value = this.parseNested(indent);
      } else {
        value = this.parseInline(valueAt, LINE_END[line]);
        this.i++;
        this.skipBlank();
        if (this.i < this.count && this.col > indent) giveUp(); // a continuation line
      }
      pairs.push({ key, keyStart, keyEnd, value });
      end = value ? value.end : afterColon;
    }
    this.depth--;
    return { kind: "map", pairs, start: pairs.length ? pairs[0].keyStart : 0, end, flow: false };
  }

  /** The block value under a `key:` whose own line holds nothing else. */
  private parseNested(indent: number): YNode | null {
    if (this.i >= this.count) return null;
    const line = this.i;
    if (this.col === indent && this.isDash(line, this.col)) return this.parseBlockSeq(indent);
    if (this.col <= indent) return null;
    return this.isDash(line, this.col) ? this.parseBlockSeq(this.col) : this.parseBlockMap(this.col);
  }

  private parseBlockSeq(indent: number): YSeq {
    const items: YNode[] = [];
    const start = LINE_START[this.i] + indent;
    this.enter(start);
    while (this.i < this.count && this.col === indent) {
      const line = this.i;
      if (!this.isDash(line, this.col)) break;
      let at = LINE_START[line] + this.col + 1;
      while (at < LINE_END[line] && this.text.charCodeAt(at) === 32) at++;
      if (at === LINE_END[line] || this.text.charCodeAt(at) === 35) giveUp(); // nested block under a bare dash
      KEY_RE.lastIndex = at;
      const isKey =
        KEY_RE.test(this.text) &&
        KEY_RE.lastIndex < LINE_END[line] + 1 &&
        this.text.charCodeAt(KEY_RE.lastIndex) === 58 &&
        (KEY_RE.lastIndex + 1 >= LINE_END[line] || this.text.charCodeAt(KEY_RE.lastIndex + 1) === 32);
      if (isKey) {
        this.col = at - LINE_START[line];
        items.push(this.parseBlockMap(this.col));
      } else {
        items.push(this.parseInline(at, LINE_END[line]));
        this.i++;
        this.skipBlank();
        if (this.i < this.count && this.col > indent) giveUp();
      }
    }
    if (this.i < this.count && this.col > indent) giveUp();
    this.depth--;
    return { kind: "seq", items, start, end: items[items.length - 1].end, flow: false };
  }

  /** A value that starts at `at` and ends on this line (an optional comment may follow). */
  private parseInline(at: number, lineEnd: number): YNode {
    const c = this.text.charCodeAt(at);
    let node: YNode;
    if (c === 91 /* [ */ || c === 123 /* { */) node = this.parseFlow(at, lineEnd);
    else if (c === 34 || c === 39) node = this.parseQuoted(at, lineEnd);
    else return this.parsePlain(at, lineEnd, false);
    this.expectLineEnd(node.end, lineEnd);
    return node;
  }

  private expectLineEnd(from: number, lineEnd: number): void {
    let at = from;
    while (at < lineEnd && this.text.charCodeAt(at) === 32) at++;
    if (at < lineEnd && !(this.text.charCodeAt(at) === 35 && at > from)) giveUp();
  }

  private parseQuoted(at: number, lineEnd: number): YScalar {
    const quote = this.text[at];
    const close = this.text.indexOf(quote, at + 1);
    if (close === -1 || close >= lineEnd) giveUp();
    const inner = this.text.slice(at + 1, close);
    if (quote === '"' && inner.includes("\\")) giveUp();
    if (quote === "'" && this.text[close + 1] === "'") giveUp();
    return { kind: "scalar", value: inner, start: at, end: close + 1 };
  }

  /** A plain scalar; in flow context it also stops at `,` `]` `}`. */
  private parsePlain(at: number, lineEnd: number, flow: boolean): YScalar {
    const c = this.text[at];
    if ("?:,[]{}#&*!|>'\"%@`".includes(c)) giveUp();
    if (c === "-" && !/[0-9.]/.test(this.text[at + 1] ?? "")) giveUp();
    let end = at;
    while (end < lineEnd) {
      const ch = this.text.charCodeAt(end);
      if (ch === 35 && this.text.charCodeAt(end - 1) === 32) break;
      if (flow && (ch === 44 || ch === 93 || ch === 125 || ch === 91 || ch === 123)) break;
      end++;
    }
    while (end > at && this.text.charCodeAt(end - 1) === 32) end--;
    const source = this.text.slice(at, end);
    if (source.includes(": ") || source.endsWith(":") || source.includes(" #")) giveUp();
    if (flow && source.includes(":")) giveUp();
    return { kind: "scalar", value: resolvePlain(source), start: at, end };
  }

  private parseFlow(open: number, lineEnd: number): YSeq | YMap {
    const isSeq = this.text.charCodeAt(open) === 91;
    const closeChar = isSeq ? 93 : 125;
    const items: YNode[] = [];
    const pairs: YPair[] = [];
    let keys: Set<string> | undefined;
    let at = open + 1;
    const skipSpaces = () => {
      while (at < lineEnd && this.text.charCodeAt(at) === 32) at++;
    };
    for (;;) {
      skipSpaces();
      if (at >= lineEnd) giveUp();
      if (this.text.charCodeAt(at) === closeChar && (items.length === 0 && pairs.length === 0)) break;
      let keyStart = at;
      if (!isSeq) {
        KEY_RE.lastIndex = at;
        if (!KEY_RE.test(this.text) || this.text.charCodeAt(KEY_RE.lastIndex) !== 58) giveUp();
        keyStart = at;
        at = KEY_RE.lastIndex + 1;
        if (this.text.charCodeAt(at) !== 32) giveUp();
        skipSpaces();
      }
      const ch = this.text.charCodeAt(at);
      const value = ch === 34 || ch === 39 ? this.parseQuoted(at, lineEnd) : this.parsePlain(at, lineEnd, true);
      if (value.start === value.end) giveUp();
      if (isSeq) items.push(value);
      else {
        const key = this.text.slice(keyStart, this.text.indexOf(":", keyStart));
        if (hasKey(pairs, keys, key)) throw new DuplicateKey(keyStart, keyStart + key.length);
        keys = keySet(pairs, keys)?.add(key);
        pairs.push({ key, keyStart, keyEnd: keyStart + key.length, value });
      }
      at = value.end;
      skipSpaces();
      const sep = this.text.charCodeAt(at);
      if (sep === closeChar) break;
      if (sep !== 44) giveUp();
      at++;
      skipSpaces();
      if (this.text.charCodeAt(at) === closeChar) giveUp(); // trailing comma: leave to yaml
    }
    const end = at + 1;
    return isSeq
      ? { kind: "seq", items, start: open, end, flow: true }
      : { kind: "map", pairs, start: open, end, flow: true };
  }
}

/**
 * Reads the YAML between `start` and `end` of `text` as a block map: the map, or
 * where a key was given twice, or null when the text is outside the simple subset.
 */
export function fastRead(text: string, start: number, end: number): YMap | { duplicate: { start: number; end: number } } | null {
  try {
    return new Reader(text, start, end).parseRoot();
  } catch (error) {
    if (error instanceof DuplicateKey) return { duplicate: { start: error.start, end: error.end } };
    if (error instanceof GiveUp) return null;
    throw error;
  } finally {
    // A front matter of millions of lines grew the tables: let them go rather than keep ~100 MB for the next file.
    if (LINE_START.length > KEPT_LINES) {
      LINE_START = new Int32Array(256);
      LINE_END = new Int32Array(256);
      LINE_INDENT = new Int32Array(256);
      LINE_SKIP = new Uint8Array(256);
    }
  }
}

/**
 * Reads the YAML between `start` and `end` of `text` as a block map.
 * Returns null when the text is outside the simple subset (the caller then uses the full parser).
 */
export function fastParseFrontMatter(text: string, start: number, end: number): YMap | null {
  const read = fastRead(text, start, end);
  return read && "duplicate" in read ? null : read;
}

/** Line tables up to this size are kept from one file to the next. */
const KEPT_LINES = 1 << 16;
