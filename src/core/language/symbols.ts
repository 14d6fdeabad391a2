/**
 * Document symbols for the outline: one per item of a file, named by its id,
 * with its kind and title as detail, spanning the item's front matter map
 * (names and titles cut to `MAX_SHOWN_CHARS`: an id may be megabytes long).
 */
import type { Kind } from "../model/kinds";
import type { Range } from "../model/range";
import { clip, innerSpan, shortTitle, type StrategySource } from "./context";

export interface ItemSymbol {
  name: string;
  detail: string;
  kind: Kind;
  /** The whole item: its map in the front matter. */
  range: Range;
  /** The item's id (or, for a file-named id, its `type` value). */
  selectionRange: Range;
}

/** The items of a file as symbols, in file order. */
export function documentSymbols(source: StrategySource, path: string): ItemSymbol[] {
  const file = source.index.files.get(path);
  if (!file) return [];
  const lines = file.lines();
  return file.items.map((item) => {
    const node = item.node;
    const [idStart, idEnd] = innerSpan(file.text, item.idStart, item.idEnd);
    const start = Math.min(node.start, idStart);
    let end = Math.max(node.end, idEnd);
    while (end > start && /\s/.test(file.text[end - 1])) end--;
    return { name: clip(item.id), detail: `${item.kind}: ${shortTitle(item)}`, kind: item.kind, range: lines.rangeOf(start, end), selectionRange: lines.rangeOf(idStart, idEnd) };
  });
}
