/**
 * The fixes of `check` output: JSON edits (SPEC §6), SARIF 2.1.0 `fixes` and
 * the hint lines of the text format. Positions are 1-based and end-exclusive
 * like the diagnostics', in UTF-16 code units of the text without its BOM, and
 * each edit is placed exactly where `applyEdits` would apply it.
 */
import { autoFix, disjointEdits, type Fix, type Issue, type LineIndex, type Position, type TextEdit } from "../core/index";

/** One edit of a fix as `check --format json` prints it; `createFile` edits hold a whole new file. */
export interface JsonEdit {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  newText: string;
  createFile?: true;
}

/** One fix of a diagnostic as `check --format json` prints it. */
export interface JsonFix {
  title: string;
  safe: boolean;
  edits: JsonEdit[];
}

/** The line index of a workspace file, to place edits exactly; undefined for a file the workspace does not hold. */
export type LinesOf = (file: string) => LineIndex | undefined;

/** Hint lines under one diagnostic of the text output before the rest are counted. */
export const MAX_HINTS = 3;

/** A 0-based position as applyEdits reads it (clamped into its line, before a `\r\n`), made 1-based. */
function placed(position: Position, lines: LineIndex | undefined): { line: number; column: number } {
  const exact = lines ? lines.positionAt(lines.offsetAt(position)) : position;
  return { line: exact.line + 1, column: exact.character + 1 };
}

function jsonEdit(file: string, edit: TextEdit, lines: LineIndex | undefined): JsonEdit {
  const start = placed(edit.range.start, lines);
  const end = placed(edit.range.end, lines);
  return { file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, newText: edit.newText };
}

/**
 * A fix's edits in the order a tool applies them: per file, the edits that
 * `applyEdits` keeps (disjoint, in position order), each relative to the file
 * before the fix; a new file is one `createFile` edit at 1:1.
 */
export function toJsonFix(fix: Fix, linesOf: LinesOf): JsonFix {
  const edits: JsonEdit[] = [];
  const add = (file: string, list: readonly TextEdit[]) => {
    const lines = linesOf(file);
    for (const edit of list.length === 1 ? list : disjointEdits(list)) edits.push(jsonEdit(file, edit, lines));
  };
  // Most fixes are one change of one file (a choice among many): no grouping needed.
  if (fix.changes.length === 1 && fix.changes[0].kind === "edit") add(fix.changes[0].file, fix.changes[0].edits);
  else {
    const byFile = new Map<string, TextEdit[]>();
    for (const change of fix.changes) {
      if (change.kind === "create") edits.push({ file: change.file, line: 1, column: 1, endLine: 1, endColumn: 1, newText: change.text, createFile: true });
      else {
        const list = byFile.get(change.file) ?? [];
        for (const edit of change.edits) list.push(edit);
        byFile.set(change.file, list);
      }
    }
    for (const [file, list] of byFile) add(file, list);
  }
  return { title: fix.title, safe: fix.safe, edits };
}

/** The SARIF 2.1.0 `fix` objects of a result's fixes (one `artifactChange` per file), without duplicates. */
export function sarifFixes(fixes: readonly JsonFix[], uriOf: (file: string) => string): object[] {
  const out = new Map<string, object>();
  for (const fix of fixes) {
    const changes = new Map<string, { edits: JsonEdit[]; create: boolean }>();
    for (const edit of fix.edits) {
      const change = changes.get(edit.file) ?? { edits: [], create: false };
      change.edits.push(edit);
      change.create ||= edit.createFile === true;
      changes.set(edit.file, change);
    }
    const sarif = {
      description: { text: fix.title },
      artifactChanges: [...changes].map(([file, { edits, create }]) => ({
        artifactLocation: { uri: uriOf(file), uriBaseId: "%SRCROOT%" },
        replacements: edits.map((edit) => ({
          deletedRegion: { startLine: edit.line, startColumn: edit.column, endLine: edit.endLine, endColumn: edit.endColumn },
          insertedContent: { text: edit.newText },
        })),
        // SARIF has no word for a new file: an insertion at 1:1 into an artifact that does not exist yet, marked as such.
        ...(create ? { properties: { createFile: true } } : {}),
      })),
      properties: { safe: fix.safe },
    };
    if (sarif.artifactChanges.length) out.set(JSON.stringify(sarif), sarif);
  }
  return [...out.values()];
}

/** Control characters and line separators as escapes, so one hostile id cannot forge an output line or steer a terminal. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => (c === "\n" ? "\\n" : c === "\r" ? "\\r" : c === "\t" ? "\\t" : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
}

/** Whether `check --fix` applies this fix of the issue: its only safe fix, editing existing files only. */
export function appliedByFix(issue: Issue, fix: Fix): boolean {
  return autoFix(issue) === fix && fix.changes.every((change) => change.kind === "edit");
}

/** A title after "fix: " (`Change to …` → `change to …`; `KPI …` stays). */
function lowerFirst(title: string): string {
  return /^[A-Z][a-z]/.test(title) ? title[0].toLowerCase() + title.slice(1) : title;
}

/**
 * The hint lines under a diagnostic of the text output: the fix `--fix` applies
 * first, then the others in the rule's order, at most {@link MAX_HINTS} when
 * there are more, then how many more. A fix that creates a file names it.
 */
export function hintLines(issue: Issue): string[] {
  if (!issue.fixes.length) return [];
  const applied = issue.fixes.find((fix) => appliedByFix(issue, fix));
  const ordered = applied ? [applied, ...issue.fixes.filter((fix) => fix !== applied)] : issue.fixes;
  // "… and 1 more" would take the line the fix itself needs.
  const shown = ordered.length > MAX_HINTS + 1 ? MAX_HINTS : ordered.length;
  const lines = ordered.slice(0, shown).map((fix) => {
    const label = fix === applied ? "fix (safe, --fix applies it)" : fix.safe ? "fix (safe)" : "fix";
    const created = fix.changes.flatMap((change) => (change.kind === "create" ? [change.file] : []));
    return `  ${label}: ${oneLine(lowerFirst(fix.title) + (created.length ? ` (new file ${created.join(", ")})` : ""))}`;
  });
  if (shown < ordered.length) lines.push(`  … and ${ordered.length - shown} more fixes (--format json lists them all)`);
  return lines;
}
