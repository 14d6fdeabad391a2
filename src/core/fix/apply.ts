/**
 * Applying fixes: the same code serves `check --fix`, VS Code's fix-all and
 * the tests. Edits are applied from the end of the text backwards; an edit
 * that overlaps one already applied is skipped (the next pass picks it up).
 */
import type { Fix, Issue, TextEdit } from "../model/issue";
import { LineIndex } from "../model/range";

/** Applies non-overlapping edits to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const spans = edits
    .map((edit, order) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), text: edit.newText, order }))
    // From the end backwards; inserts at one offset keep their list order.
    .sort((a, b) => b.start - a.start || b.end - a.end || b.order - a.order);
  let out = text;
  let limit = Infinity;
  for (const span of spans) {
    if (span.end > limit) continue;
    out = out.slice(0, span.start) + span.text + out.slice(span.end);
    limit = span.start;
  }
  return out;
}

/** The one fix `--fix` and fix-all apply to an issue: its only safe fix, if it has exactly one. */
export function autoFix(issue: Issue): Fix | undefined {
  let found: Fix | undefined;
  for (const fix of issue.fixes) {
    if (!fix.safe) continue;
    if (found) return undefined;
    found = fix;
  }
  return found;
}

/**
 * The edits of every issue that has exactly one safe fix (one that needs no
 * choice), grouped by file. New-file fixes are never applied automatically.
 */
export function safeEdits(issues: readonly Issue[]): Map<string, TextEdit[]> {
  const byFile = new Map<string, TextEdit[]>();
  for (const issue of issues) {
    const fix = autoFix(issue);
    if (!fix) continue;
    for (const change of fix.changes) {
      if (change.kind !== "edit") continue;
      const list = byFile.get(change.file) ?? [];
      list.push(...change.edits);
      byFile.set(change.file, list);
    }
  }
  return byFile;
}
