/**
 * Fixes are text edits computed from the YAML offsets, so they touch only the
 * characters they change: comments, key order and line endings stay as the
 * user wrote them.
 */
import type { FileChange, Fix } from "../model/issue";

/** A change that edits an existing file. */
export type EditChange = Extract<FileChange, { kind: "edit" }>;
import type { Item } from "../model/item";
import type { StrategyIndex } from "../model/strategy-index";
import { itemTitle } from "../parse/title";
import type { YNode } from "../parse/yaml-node";

/** Offset just past the last character of a node's content. */
function lastOffset(node: YNode): number {
  if (node.kind === "scalar" || node.flow) return node.end;
  if (node.kind === "seq") return node.items.length ? lastOffset(node.items[node.items.length - 1]) : node.start + 1;
  const last = node.pairs[node.pairs.length - 1];
  if (!last) return node.start;
  return last.value ? lastOffset(last.value) : last.keyEnd + 1;
}

/** An edit that adds `key: value` as a new line after the item's last field; undefined for a flow map item. */
export function insertField(item: Item, key: string, value: string, comment = ""): EditChange | undefined {
  const { node, doc } = item;
  if (node.flow || !node.pairs.length) return undefined;
  const lines = doc.lines();
  const indent = lines.positionAt(node.pairs[0].keyStart).character;
  const at = lines.positionAt(lastOffset(node));
  const end = { line: at.line, character: lines.lineEnd(at.line) - lines.lineStart(at.line) };
  const text = `${doc.eol}${" ".repeat(indent)}${key}: ${value}${comment ? `  # ${comment}` : ""}`;
  return { kind: "edit", file: item.file, edits: [{ range: { start: end, end }, newText: text }] };
}

/** An edit that replaces the span `start..end` of the item's file. */
export function replaceSpan(item: Item, start: number, end: number, newText: string): EditChange {
  return { kind: "edit", file: item.file, edits: [{ range: item.doc.lines().rangeOf(start, end), newText }] };
}

/** A fix made of one change, or undefined when the change cannot be made. */
export function fixOf(title: string, change: FileChange | undefined, safe = false): Fix[] {
  return change ? [{ title, safe, changes: [change] }] : [];
}

/** Where items of a kind go when nothing says otherwise: `<kind>s`, the root for `strategy`. */
export function defaultFolder(kind: Item["kind"]): string {
  return kind === "strategy" ? "" : `${kind}s`;
}

/** The folder most items of a kind live in (default {@link defaultFolder}), for new files. */
export function folderFor(index: StrategyIndex, kind: Item["kind"]): string {
  const counts = new Map<string, number>();
  for (const item of index.ofKind(kind)) {
    if (item.index !== -1) continue;
    const dir = item.file.includes("/") ? item.file.slice(0, item.file.lastIndexOf("/")) : "";
    counts.set(dir, (counts.get(dir) ?? 0) + 1);
  }
  let best = defaultFolder(kind);
  let bestCount = 0;
  for (const [dir, count] of counts) if (count > bestCount) [best, bestCount] = [dir, count];
  return best;
}

/** Plain scalars that YAML would read as something other than the same string (numbers, booleans, null, YAML 1.1 words). */
const NOT_A_STRING = /^(?:[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|0x[\da-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N)$/;

/** Text as a YAML scalar: plain when that reads back as the same string, else double-quoted. */
export function yamlScalar(text: string): string {
  const plain = /^[A-Za-z0-9][^:#"'\n\r\t[\]{},&*!|>%@`]*$/.test(text) && !/\s$/.test(text) && !NOT_A_STRING.test(text);
  return plain ? text : JSON.stringify(text);
}

/** The offset just after the `:` that ends a key (`sprint :` is valid YAML too). */
export function afterColon(text: string, keyEnd: number): number {
  const colon = text.indexOf(":", keyEnd);
  return colon < 0 ? keyEnd : colon + 1;
}

/** A new file for an item of `kind` with the given id, title and further front matter lines. */
export function createItemFile(index: StrategyIndex, kind: Item["kind"], id: string, title: string, fields: string[], body: string): FileChange {
  const folder = folderFor(index, kind);
  const base = `${folder ? `${folder}/` : ""}${id}`;
  let path = `${base}.md`;
  for (let n = 2; index.files.has(path); n++) path = `${base}-${n}.md`;
  const idLine = path === `${base}.md` ? [] : [`id: ${id}`];
  return { kind: "create", file: path, text: ["---", `type: ${kind}`, ...idLine, `title: ${yamlScalar(title)}`, ...fields, "---", body, ""].join("\n") };
}

/**
 * One fix per candidate, each inserting `key: <value of the candidate>` —
 * the choices of a quick fix ("each existing pillar as a choice").
 */
export function insertChoices(item: Item, key: string, candidates: readonly Item[], valueOf: (candidate: Item) => string = (c) => c.id): Fix[] {
  const fixes: Fix[] = [];
  for (const candidate of candidates) {
    const value = valueOf(candidate);
    const change = insertField(item, key, value);
    if (change) fixes.push({ title: `Add \`${key}: ${value}\` (${itemTitle(candidate)})`, safe: false, changes: [change] });
  }
  return fixes;
}
