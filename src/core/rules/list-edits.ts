/**
 * Appending to a list field of an item (`kpis: [nrr]`, a KPI's `history`) as a
 * text edit: the list keeps its style — a block list stays block and a flow
 * list flow — and comments, key order and line endings stay as written.
 * A sibling of edits.ts, built on its helpers.
 */
import type { Item, ParsedFile } from "../model/item";
import { pairOf, type YNode, type YPair, type YSeq } from "../parse/yaml-node";
import { addLine, lastLineOf, mapIndent, replaceValue, setField, type EditChange } from "./edits";

/** An entry to append: a scalar (YAML source), or a map as its pairs (key, YAML source) in order. */
export type ListEntry = string | ReadonlyArray<readonly [string, string]>;

/** `nrr`, or `{date: 2026-11-30, value: 2.1}`. */
function flowEntry(entry: ListEntry): string {
  return typeof entry === "string" ? entry : `{${entry.map(([key, value]) => `${key}: ${value}`).join(", ")}}`;
}

/** An entry as the lines of a block list: `- ` at `dash`, a map's keys at `keys` (the first on the dash's line). */
function blockEntry(doc: ParsedFile, entry: ListEntry, dash: number, keys: number, flowMap: boolean): string {
  const start = `${doc.eol}${" ".repeat(dash)}-`;
  if (typeof entry === "string" || flowMap) return `${start} ${flowEntry(entry)}`;
  return entry.map(([key, value], i) => `${i === 0 ? `${start}${" ".repeat(Math.max(1, keys - dash - 1))}` : `${doc.eol}${" ".repeat(keys)}`}${key}: ${value}`).join("");
}

/**
 * Appends `entry` to the list in `key` of an item: after the last entry of a
 * block list, in the style of that entry (a `- {…}` entry gets a flow map, a
 * block map's keys line up with its keys), or before the `]` of a flow list.
 * An empty value (`key:`, `key: ~`) becomes `[entry]` and a lone scalar
 * (`kpis: nrr`) the first of a flow list; an absent key is added as
 * `key: [entry]`, or as a block list when `block` is set and the item is a
 * block map. Undefined when the value is anything else (a map, a block
 * scalar, an alias): not ours to rewrite.
 */
export function appendToList(item: Item, key: string, entry: ListEntry, block = false): EditChange | undefined {
  const { node, doc } = item;
  const pair = pairOf(node, key);
  const value = pair?.value;
  if (!pair && block && !node.flow && node.pairs.length) {
    const indent = mapIndent(doc, node.pairs[0]);
    return indent === undefined ? undefined : addLine(doc, node.pairs, key, blockEntry(doc, entry, indent + 2, indent + 4, false), "");
  }
  if (!pair || !value || (value.kind === "scalar" && (value.value === null || value.value === ""))) return setField(item, key, `[${flowEntry(entry)}]`);
  // An alias's node lies at its anchor: an edit there would change every use of it.
  if (value.start < pair.keyEnd) return undefined;
  if (value.kind === "scalar") {
    const text = doc.text.slice(value.start, value.end);
    const quoted = /^["']/.test(text);
    if (/[\r\n]/.test(text) || /^[|>&!*]/.test(text) || (!quoted && /[,[\]{}]/.test(text))) return undefined;
    return replaceValue(doc, value.start, value.end, `[${text}, ${flowEntry(entry)}]`);
  }
  if (value.kind !== "seq") return undefined;
  return value.flow ? appendToFlowList(doc, value, entry) : appendToBlockList(item, pair, value, entry);
}

/** `, entry` after the last entry of `[…]` (or `entry` in an empty one); a trailing comma gets one of its own. */
function appendToFlowList(doc: ParsedFile, seq: YSeq, entry: ListEntry): EditChange | undefined {
  const { text } = doc;
  const close = seq.end - 1;
  if (text[seq.start] !== "[" || text[close] !== "]") return undefined;
  const last = seq.items[seq.items.length - 1];
  if (last && !inside(last, seq)) return undefined;
  const after = last ? last.end : seq.start + 1;
  // A comma after the last entry (outside a comment) needs no other.
  const comma = last ? text.slice(after, close).replace(/#[^\n]*/g, (c) => " ".repeat(c.length)).indexOf(",") : -1;
  const at = comma >= 0 ? after + comma + 1 : after;
  const newText = comma >= 0 ? ` ${flowEntry(entry)},` : `${last ? ", " : ""}${flowEntry(entry)}`;
  return { kind: "edit", file: doc.path, edits: [{ range: doc.lines().rangeOf(at, at), newText }] };
}

/** A new `- entry` line (or lines) after the last line of a block list, at the column of its dashes. */
function appendToBlockList(item: Item, pair: YPair, seq: YSeq, entry: ListEntry): EditChange | undefined {
  const { doc } = item;
  const lines = doc.lines();
  if (doc.text[seq.start] !== "-") return undefined;
  const column = (offset: number) => offset - lines.lineStart(lines.positionAt(offset).line);
  const dash = column(seq.start);
  const last = seq.items[seq.items.length - 1];
  const own = last && inside(last, seq) ? last : undefined;
  const keys = own?.kind === "map" && !own.flow && own.pairs.length ? column(own.pairs[0].keyStart) : dash + 2;
  const flowMap = own?.kind === "map" ? own.flow : own !== undefined && own.kind !== "scalar";
  const end = lines.lineEnd(lastLineOf(doc, lines.positionAt(pair.keyStart).line, mapIndent(doc, item.node.pairs[0]) ?? 0));
  const newText = blockEntry(doc, entry, dash, keys > dash ? keys : dash + 2, flowMap);
  return { kind: "edit", file: doc.path, edits: [{ range: lines.rangeOf(end, end), newText }] };
}

/** Whether a list's entry is written inside it (an alias's node lies at its anchor). */
function inside(node: YNode, seq: YSeq): boolean {
  return node.start >= seq.start && node.end <= seq.end;
}
