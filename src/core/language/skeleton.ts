/**
 * The shape of a file's front matter that the language features need to place
 * a position — where the `items:` list is, where each of its entries starts,
 * which lines are top-level keys — read once per parsed file (a parsed file
 * never changes) by a light pass that looks only at each line's indentation
 * and first characters. A position's answer then reads a bounded number of
 * lines around it (`MAX_BLOCK_LINES`, each cut at `LINE_PEEK_CHARS`): however
 * many keys, entries or characters a file holds, a completion or hover costs
 * the same.
 */
import type { ParsedFile } from "../model/item";
import type { LineIndex } from "../model/range";
import { sliceFrontMatter } from "../parse/frontmatter";
import { readLine, type FrontMatterLine } from "./lines";

/** Lines of a block (an item's map, a list, the keys above a line) that one answer reads, at most. */
export const MAX_BLOCK_LINES = 1000;
/** A line longer than this has no completion or hover of its own: its value is not split into tokens. */
export const MAX_LINE_CHARS = 20_000;
/** How much of a line other than the position's is read: enough for its key and the start of its value. */
export const LINE_PEEK_CHARS = 1000;
/** Entries of an `items:` list that are placed, at most (the parser reads no more than 25,000 items). */
export const MAX_ENTRIES = 100_000;

/** A file's front matter, placed. Line numbers are 0-based lines of the file. */
export interface Skeleton {
  /** Content offsets of the front matter, also while it is not closed yet. */
  start: number;
  end: number;
  /** First and last line of the content (last < first when it is empty). */
  first: number;
  last: number;
  /** The top-level `items:` line with no value on it, -1 without one. */
  itemsLine: number;
  /** Column of the list's `- ` entries, -1 when the list has none. */
  entryIndent: number;
  /** First line after the list. */
  listEnd: number;
  /** The line of each entry's `- `, in order (the first `MAX_ENTRIES`). */
  entries: number[];
  /** Top-level lines outside the list that are not blank (their keys are the front matter's own), the first `MAX_BLOCK_LINES`. */
  top: number[];
}

const skeletons = new WeakMap<ParsedFile, Skeleton | null>();

/** The skeleton of a file's front matter (undefined: it has none), built on first use. */
export function skeletonOf(file: ParsedFile): Skeleton | undefined {
  let skeleton = skeletons.get(file);
  if (skeleton === undefined) skeletons.set(file, (skeleton = build(file) ?? null));
  return skeleton ?? undefined;
}

/** One line of the front matter read whole (the position's own line) or its first `LINE_PEEK_CHARS` characters. */
export function lineOf(file: ParsedFile, skeleton: Skeleton, line: number, whole = false): FrontMatterLine {
  const lines = file.lines();
  const start = lines.lineStart(line);
  const end = Math.min(lines.lineEnd(line), skeleton.end);
  return readLine(file.text, line, start, whole ? end : Math.min(end, start + LINE_PEEK_CHARS));
}

/** Whether a line's content from `at` to `end` is empty or a comment. */
function blankFrom(text: string, at: number, end: number): boolean {
  return at >= end || text.charCodeAt(at) === 35;
}

function build(file: ParsedFile): Skeleton | undefined {
  let fm: { start: number; end: number } | undefined = file.frontMatter;
  if (!fm) {
    const slice = sliceFrontMatter(file.text);
    if (slice.kind !== "unclosed") return undefined;
    fm = { start: slice.start, end: file.text.length };
  }
  const { text } = file;
  const lines: LineIndex = file.lines();
  const first = lines.positionAt(fm.start).line;
  const last = fm.end > fm.start ? lines.positionAt(fm.end - 1).line : first - 1;
  const skeleton: Skeleton = { ...fm, first, last, itemsLine: -1, entryIndent: -1, listEnd: last + 1, entries: [], top: [] };
  // -1: before `items:`; 0: after it, before its first entry; 1: in the list; 2: after it.
  let state = -1;
  for (let line = first; line <= last; line++) {
    const start = lines.lineStart(line);
    const end = Math.min(lines.lineEnd(line), fm.end);
    let col = start;
    while (col < end && (text.charCodeAt(col) === 32 || text.charCodeAt(col) === 9)) col++;
    const indent = col - start;
    const dash = text.charCodeAt(col) === 45 && (col + 1 === end || text.charCodeAt(col + 1) === 32 || text.charCodeAt(col + 1) === 9);
    // A blank line: nothing, or only a comment (a line with a key is never blank; a key starts with a letter, `_` or a quote).
    if (!dash && blankFrom(text, col, end)) continue;
    if (state === 0 || state === 1) {
      const ends = state === 0 ? !dash : indent < skeleton.entryIndent || (indent === skeleton.entryIndent && !dash) || (indent === 0 && !dash);
      if (ends) {
        skeleton.listEnd = line;
        state = 2;
      } else {
        if (state === 0) {
          skeleton.entryIndent = indent;
          state = 1;
        }
        if (dash && indent === skeleton.entryIndent && skeleton.entries.length < MAX_ENTRIES) skeleton.entries.push(line);
        continue;
      }
    }
    if (indent !== 0 || dash) continue;
    if (skeleton.top.length < MAX_BLOCK_LINES) skeleton.top.push(line);
    if (state === -1 && isItemsLine(text, line, start, end)) {
      skeleton.itemsLine = line;
      state = 0;
    }
  }
  return skeleton;
}

/** Whether a top-level line is `items:` with nothing after it but a comment. */
function isItemsLine(text: string, line: number, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  if (!text.startsWith("items", first === 34 || first === 39 ? start + 1 : start)) return false;
  const read = readLine(text, line, start, Math.min(end, start + LINE_PEEK_CHARS));
  return read.key === "items" && read.valueStart === read.valueEnd;
}
