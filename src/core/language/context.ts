/**
 * What is at a position of a file: outside the front matter, on a key, on a
 * value (of which field, which list element), or where a new key could go —
 * and which item (entry of an `items:` list) the position belongs to. The
 * syntax comes from a tolerant line reading (so half-typed YAML still
 * answers); ids and references come from the parser's exact offsets.
 */
import type { StrategyConfig } from "../config/types";
import type { Item, ParsedFile, Ref } from "../model/item";
import { isKind, REFERENCE_FIELDS, type Kind, type ReferenceField } from "../model/kinds";
import { itemTitle } from "../parse/title";
import type { Position } from "../model/range";
import type { StrategyIndex } from "../model/strategy-index";
import { valueTokenAt, type FrontMatterLine } from "./lines";
import { lineOf, MAX_BLOCK_LINES, MAX_ENTRIES, MAX_LINE_CHARS, skeletonOf, type Skeleton } from "./skeleton";


/** What the language features need of a workspace (a `StrategyWorkspace` is one). */
export interface StrategySource {
  readonly index: StrategyIndex;
  getConfig(): StrategyConfig;
}

/** A place in the workspace: a file and a 0-based range. */
export interface Location {
  file: string;
  range: import("../model/range").Range;
}

/** The map a position belongs to: the whole front matter, or one entry of `items:`. */
export interface Block {
  /** Entry number in `items:`, -1 for the front matter itself. */
  index: number;
  /** Column of the block's keys. */
  keyIndent: number;
  /** The block's keys and the line of each. */
  keys: Map<string, FrontMatterLine>;
  /** The kind its `type:` names, if a known one. */
  kind?: Kind;
  /** The parsed item, when the parser made one of this block. */
  item?: Item;
}

export type Where =
  /** Not in the front matter, or in a comment or flow map. */
  | "outside"
  /** On an existing key. */
  | "key"
  /** On a value: a scalar, an element of a `[…]` list, or a `- ` entry under a key. */
  | "value"
  /** Where a key could go: a blank line, or a word with no colon yet. */
  | "newKey";

export interface PositionContext {
  where: Where;
  offset: number;
  block?: Block;
  /** The key (on a key) or the field the value belongs to. */
  key?: string;
  /** The word at the position: a key, a value token (inside any quotes) or the word being typed. */
  start: number;
  end: number;
  /** The text of the token before the position. */
  prefix: string;
  /** The value is an element of a list (`[…]` or `- `). */
  inList: boolean;
  /** The other elements of the same list. */
  siblings: string[];
  /** The position is right after a `:` with no space: an inserted value needs one. */
  needsSpace: boolean;
}

/** Splits the front matter into blocks and returns the one holding `line`: reads at most `MAX_BLOCK_LINES` of its lines. */
function blockOf(file: ParsedFile, skeleton: Skeleton, at: number): Block | undefined {
  const { itemsLine, entryIndent, listEnd, entries } = skeleton;
  if (itemsLine !== -1 && entryIndent !== -1 && at > itemsLine && at < listEnd) {
    // The last entry starting at or above the line.
    let low = 0;
    let high = entries.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (entries[mid] <= at) low = mid + 1;
      else high = mid;
    }
    const entry = low - 1;
    // Above the first entry, or past the entries placed (a list longer than the parser reads).
    if (entry === -1 || (entry === MAX_ENTRIES - 1 && at > entries[entry])) return undefined;
    const first = entries[entry];
    const last = Math.min(entries[entry + 1] ?? listEnd, first + MAX_BLOCK_LINES);
    const head = lineOf(file, skeleton, first);
    const keyIndent = head.col - head.start;
    const keys = new Map<string, FrontMatterLine>();
    for (let i = first; i < last; i++) {
      const l = i === first ? head : lineOf(file, skeleton, i);
      if (l.key && l.col - l.start === keyIndent && (i === first || !l.dash)) keys.set(l.key, l);
    }
    return makeBlock(file, entry, keyIndent, keys);
  }
  const keys = new Map<string, FrontMatterLine>();
  for (const i of skeleton.top) {
    const l = lineOf(file, skeleton, i);
    if (l.key) keys.set(l.key, l);
  }
  return makeBlock(file, -1, 0, keys);
}

function makeBlock(file: ParsedFile, index: number, keyIndent: number, keys: Map<string, FrontMatterLine>): Block {
  const typeLine = keys.get("type");
  const word = typeLine ? file.text.slice(typeLine.valueStart, typeLine.valueEnd).replace(/^["']|["']$/g, "").toLowerCase() : "";
  const block: Block = { index, keyIndent, keys, ...(isKind(word) ? { kind: word } : {}) };
  const item = itemAt(file.items, index);
  if (item) block.item = item;
  return block;
}

/** The item of entry `index` (-1: the file's own), by binary search: items are in entry order. */
function itemAt(items: readonly Item[], index: number): Item | undefined {
  let low = 0;
  let high = items.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const found = items[mid].index;
    if (found === index) return items[mid];
    if (found < index) low = mid + 1;
    else high = mid - 1;
  }
  return undefined;
}

/** The `key:` a `- value` line belongs to: the nearest line above that opens a block value (within `MAX_BLOCK_LINES`). */
function parentKey(file: ParsedFile, skeleton: Skeleton, line: FrontMatterLine): FrontMatterLine | undefined {
  const indent = line.indent;
  const stop = Math.max(skeleton.first, line.line - MAX_BLOCK_LINES);
  for (let i = line.line - 1; i >= stop; i--) {
    const l = lineOf(file, skeleton, i);
    if (l.blank || (l.dash && !l.key && l.indent === indent)) continue;
    const keyColumn = l.keyStart - l.start;
    return l.key && l.valueStart === l.valueEnd && keyColumn <= indent ? l : undefined;
  }
  return undefined;
}

const OUTSIDE = (offset: number): PositionContext => ({ where: "outside", offset, start: offset, end: offset, prefix: "", inList: false, siblings: [], needsSpace: false });

/** What is at `position` of `file`: reads the position's line and at most `MAX_BLOCK_LINES` lines around it. */
export function contextAt(file: ParsedFile, position: Position): PositionContext {
  const lineIndex = file.lines();
  const offset = lineIndex.offsetAt(position);
  const skeleton = skeletonOf(file);
  // A closed front matter ends where its closing `---` line starts.
  if (!skeleton || offset < skeleton.start || offset > skeleton.end || (file.frontMatter && offset === skeleton.end)) return OUTSIDE(offset);
  if (position.line < skeleton.first || position.line > skeleton.last) return OUTSIDE(offset);
  // A line this long is not one a person types into: its value is not split.
  if (lineIndex.lineEnd(position.line) - lineIndex.lineStart(position.line) > MAX_LINE_CHARS) return OUTSIDE(offset);
  const line = lineOf(file, skeleton, position.line, true);
  const block = blockOf(file, skeleton, position.line);
  const base = { offset, inList: false, siblings: [] as string[], needsSpace: false, ...(block ? { block } : {}) };
  const { text } = file;

  if (line.commentStart !== -1 && offset > line.commentStart) return OUTSIDE(offset);
  if (line.key && offset <= line.keyEnd && offset >= line.keyStart) {
    return { ...base, where: "key", key: line.key, start: line.keyStart, end: line.keyEnd, prefix: text.slice(line.keyStart, offset) };
  }
  if (line.key && offset > line.colon) return valueContext(file, line, line.key, offset, base);
  if (line.key) return OUTSIDE(offset);
  if (line.dash) {
    const parent = parentKey(file, skeleton, line);
    // `- ty` in an `items:` list starts a new entry: a key, not a value.
    if (!parent || parent.key === "items") return newKeyContext(text, line, offset, base);
    return valueContext(file, line, parent.key!, offset, { ...base, inList: true, siblings: siblingsOf(file, skeleton, line) });
  }
  return newKeyContext(text, line, offset, base);
}

type Base = Pick<PositionContext, "offset" | "inList" | "siblings" | "needsSpace" | "block">;

/** A key can go at the block's key column: on a blank line, or over a word typed there with no colon yet. */
function newKeyContext(text: string, line: FrontMatterLine, offset: number, base: Base): PositionContext {
  const blank = line.valueStart === line.valueEnd && !line.dash;
  const start = blank ? offset : line.col;
  const end = blank ? offset : line.valueEnd;
  if (offset < start || offset > end || !/^[A-Za-z_]*$/.test(text.slice(start, end))) return OUTSIDE(offset);
  if (blank && /[^ ]/.test(text.slice(line.start, offset))) return OUTSIDE(offset);
  if (base.block && start - line.start !== base.block.keyIndent) return OUTSIDE(offset);
  return { ...base, where: "newKey", start, end, prefix: text.slice(start, offset) };
}

function valueContext(file: ParsedFile, line: FrontMatterLine, key: string, offset: number, base: Base): PositionContext {
  const token = valueTokenAt(file.text, line, offset);
  if (!token) return OUTSIDE(offset);
  const inside = offset >= token.start && offset <= token.end;
  const start = inside ? token.start : offset;
  const end = inside ? token.end : offset;
  return {
    ...base,
    where: "value",
    key,
    start,
    end,
    prefix: file.text.slice(start, offset),
    inList: base.inList || token.inList,
    siblings: token.inList ? token.siblings : base.siblings,
    needsSpace: line.colon !== -1 && offset === line.colon + 1 && !token.inList,
  };
}

/** The values of the other `- ` entries of the block list a line is in (`MAX_BLOCK_LINES` each way, at most). */
function siblingsOf(file: ParsedFile, skeleton: Skeleton, line: FrontMatterLine): string[] {
  const out: string[] = [];
  const { text } = file;
  const same = (l: FrontMatterLine) => l.dash && !l.key && l.indent === line.indent;
  const walk = (step: 1 | -1) => {
    for (let i = line.line + step, n = 0; i >= skeleton.first && i <= skeleton.last && n < MAX_BLOCK_LINES; i += step, n++) {
      const l = lineOf(file, skeleton, i);
      if (!same(l) && !l.blank) return;
      if (!l.blank) out.push(text.slice(l.valueStart, l.valueEnd));
    }
  };
  walk(-1);
  walk(1);
  return out.filter(Boolean);
}

/** Characters of user text (a title, an id) that a hover, completion or symbol shows, at most. */
export const MAX_SHOWN_CHARS = 200;

/** Text cut to `MAX_SHOWN_CHARS` with an ellipsis (a title or an id may be megabytes long). */
export function clip(text: string, max = MAX_SHOWN_CHARS): string {
  if (text.length <= max) return text;
  // Not between the two halves of a surrogate pair.
  const cut = text.charCodeAt(max - 2) >= 0xd800 && text.charCodeAt(max - 2) <= 0xdbff ? max - 2 : max - 1;
  return `${text.slice(0, cut)}…`;
}

/** An item's title as the editor shows it: cut to `MAX_SHOWN_CHARS`. */
export function shortTitle(item: Item): string {
  return clip(itemTitle(item));
}

/** The field of a value context when it holds references, for the block's kind. */
export function referenceField(context: PositionContext): ReferenceField | undefined {
  const key = context.key;
  if (context.where !== "value" || !key || !Object.hasOwn(REFERENCE_FIELDS, key)) return undefined;
  return key as ReferenceField;
}

/** An id at a position: a reference to an item, or an item's own id. */
export interface IdAt {
  id: string;
  /** Lower-case id. */
  key: string;
  /** The id's offsets (inside quotes). */
  start: number;
  end: number;
  /** The item the id is written in. */
  holder: Item;
  /** Set when the id is a reference. */
  ref?: Ref;
  /** True when the id comes from the file name: the span is the `type` value, not an id. */
  fromFileName: boolean;
}

/** The offsets of a scalar's content: inside its quotes, if quoted. */
export function innerSpan(text: string, start: number, end: number): [number, number] {
  const first = text.charCodeAt(start);
  if ((first === 34 || first === 39) && end - start >= 2 && text.charCodeAt(end - 1) === first) return [start + 1, end - 1];
  return [start, end];
}

/** Whether an item's id comes from its file name (it has no `id:`). */
export function idFromFileName(item: Item): boolean {
  return typeof item.data.id !== "string" && typeof item.data.id !== "number";
}

/** The id (reference or own id) at a position, from the parser's offsets. */
export function idAt(file: ParsedFile, position: Position): IdAt | undefined {
  const offset = file.lines().offsetAt(position);
  for (const item of file.items) {
    for (const ref of item.refs) {
      if (offset >= ref.start && offset <= ref.end) {
        const [start, end] = innerSpan(file.text, ref.start, ref.end);
        return { id: ref.id, key: ref.key, start, end, holder: item, ref, fromFileName: false };
      }
    }
    if (offset >= item.idStart && offset <= item.idEnd) {
      const [start, end] = innerSpan(file.text, item.idStart, item.idEnd);
      return { id: item.id, key: item.key, start, end, holder: item, fromFileName: idFromFileName(item) };
    }
  }
  return undefined;
}
