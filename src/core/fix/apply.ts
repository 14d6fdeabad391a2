/**
 * Applying fixes: the same code serves `check --fix`, VS Code's fix-all and
 * the tests. An edit that overlaps an earlier one is skipped (the next pass
 * picks it up); VS Code gets the same disjoint list.
 */
import type { Fix, Issue, TextEdit } from "../model/issue";
import { LineIndex } from "../model/range";

/** Applies edits to a text; an edit that overlaps an earlier one is skipped (see `disjointEdits`). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  let out = "";
  let at = 0;
  for (const edit of disjointEdits(edits)) {
    const start = lines.offsetAt(edit.range.start);
    out += text.slice(at, start) + edit.newText;
    at = Math.max(start, lines.offsetAt(edit.range.end));
  }
  return out + text.slice(at);
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

/**
 * The edits of a list that do not overlap an earlier one (in position order), for
 * editors that reject overlapping edits in one change. Inserts at one point are all kept.
 */
export function disjointEdits(edits: readonly TextEdit[]): TextEdit[] {
  const before = (a: TextEdit["range"]["start"], b: TextEdit["range"]["start"]) => a.line - b.line || a.character - b.character;
  const sorted = edits.map((edit, order) => ({ edit, order })).sort((a, b) => before(a.edit.range.start, b.edit.range.start) || a.order - b.order);
  const out: TextEdit[] = [];
  let end: TextEdit["range"]["end"] | undefined;
  for (const { edit } of sorted) {
    if (end && before(edit.range.start, end) < 0) continue;
    out.push(edit);
    end = edit.range.end;
  }
  return out;
}
