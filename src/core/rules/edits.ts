/**
 * Fixes are text edits computed from the YAML offsets, so they touch only the
 * characters they change: comments, key order and line endings stay as the
 * user wrote them.
 */
import type { FileChange, Fix } from "../model/issue";
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
export function insertField(item: Item, key: string, value: string, comment = ""): FileChange | undefined {
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
export function replaceSpan(item: Item, start: number, end: number, newText: string): FileChange {
  return { kind: "edit", file: item.file, edits: [{ range: item.doc.lines().rangeOf(start, end), newText }] };
}

/** A fix made of one change, or undefined when the change cannot be made. */
export function fixOf(title: string, change: FileChange | undefined, safe = false): Fix[] {
  return change ? [{ title, safe, changes: [change] }] : [];
}

/** The folder most items of a kind live in (default `<kind>s`), for new files. */
export function folderFor(index: StrategyIndex, kind: Item["kind"]): string {
  const counts = new Map<string, number>();
  for (const item of index.ofKind(kind)) {
    if (item.index !== -1) continue;
    const dir = item.file.includes("/") ? item.file.slice(0, item.file.lastIndexOf("/")) : "";
    counts.set(dir, (counts.get(dir) ?? 0) + 1);
  }
  let best = kind === "strategy" ? "" : `${kind}s`;
  let bestCount = 0;
  for (const [dir, count] of counts) if (count > bestCount) [best, bestCount] = [dir, count];
  return best;
}

/** A new file for an item of `kind` with the given id and front matter lines. */
export function createItemFile(index: StrategyIndex, kind: Item["kind"], id: string, fields: string[], body: string): FileChange {
  const folder = folderFor(index, kind);
  const base = `${folder ? `${folder}/` : ""}${id}`;
  let path = `${base}.md`;
  for (let n = 2; index.files.has(path); n++) path = `${base}-${n}.md`;
  const idLine = path === `${base}.md` ? [] : [`id: ${id}`];
  return { kind: "create", file: path, text: ["---", `type: ${kind}`, ...idLine, ...fields, "---", body, ""].join("\n") };
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
