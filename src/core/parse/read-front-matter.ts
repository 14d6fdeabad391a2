/**
 * Reading a front matter: its YAML tree by the fast reader, else the full parser,
 * within the budgets; and whether text that cannot be read still looks like a
 * strategy document (so that its errors are ours to report).
 */
import { isKind, nearMissKind } from "../model/kinds";
import { MAX_FULL_PARSE_BYTES, OverBudget } from "./budgets";
import { fastRead } from "./fast-yaml";
import { DUPLICATE_KEY, fullParse, type FullParse } from "./full-yaml";

/** A `type:` line, also as the first key of a list entry (`- type:`, `- {type:`) or after a stray BOM. */
const TYPE_LINE = /^[ \t\uFEFF]*(?:-[ \t]+)?(?:\{[ \t]*)?["']?type["']?[ \t]*:[ \t]*["']?([A-Za-z][A-Za-z-]*)/gm;

/** Whether unparseable text still looks like a strategy document (so its errors are ours to report). */
export function looksLikeStrategy(text: string): boolean {
  TYPE_LINE.lastIndex = 0;
  for (let match = TYPE_LINE.exec(text); match; match = TYPE_LINE.exec(text)) {
    const word = match[1].toLowerCase();
    if (isKind(word) || nearMissKind(word)) return true;
  }
  return false;
}

/** The front matter's tree: the fast reader's, else the full parser's; a budget exceeded is an error marked `budget`. */
export function readFrontMatter(text: string, start: number, end: number): FullParse & { fast?: boolean } {
  try {
    const read = fastRead(text, start, end);
    if (read && "duplicate" in read) {
      // The full parser reports it with any other error, where it can afford to read the text.
      if (end - start > MAX_FULL_PARSE_BYTES) return { root: null, errors: [{ message: DUPLICATE_KEY, ...read.duplicate }] };
    } else if (read) return { root: read, errors: [], fast: true };
  } catch (error) {
    if (!(error instanceof OverBudget)) throw error;
    return { root: null, errors: [{ message: error.message, start: error.offset, end: error.offset, budget: true }] };
  }
  return fullParse(text, start, end);
}
