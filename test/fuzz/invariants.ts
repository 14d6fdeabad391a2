/**
 * The invariants every input must keep (issue 8): nothing throws, every
 * operation stays within its time budget, diagnostic ranges lie inside their
 * file in order, every fix applied alone keeps the file's items and its YAML
 * valid, all safe fixes together converge and keep comment lines and the body
 * byte for byte, `setFile` gives what a fresh workspace gives (and changes no
 * file it does not report), and the fast front-matter reader agrees with `yaml`.
 * A broken invariant throws a {@link Violation} that says which and where.
 */
import { applyEdits, autoFix, decodeFile, LineIndex, MAX_FILE_BYTES, safeEdits, type Issue, type ParsedFile, type StrategyWorkspace } from "../../src/core/index";
import { applyToTexts, checkItemsKept, freshWorkspace, itemsOf, lost, rawText, slowest, timed, useBudget, Violation, type FuzzCase } from "./common";
import { probeEntryPoints } from "./entry-points";
import { exampleFiles } from "./mutate";
import { checkReaders } from "./readers";

/** Ranges inside their file and ordered; fix edits inside theirs. */
function checkRanges(ws: StrategyWorkspace, issues: readonly Issue[], config?: string): void {
  const inside = (file: string, range: Issue["range"], what: string) => {
    // A diagnostic of the config file is measured on the config text.
    const lines = ws.index.files.get(file)?.lines() ?? new LineIndex(config ?? "");
    const last = lines.positionAt(Infinity).line;
    for (const at of [range.start, range.end]) {
      const width = lines.lineEnd(at.line) - lines.lineStart(at.line);
      if (at.line < 0 || at.line > last || at.character < 0 || at.character > width) throw new Violation("range", `${what} at ${JSON.stringify(range)} is outside ${file}`);
    }
    if (range.start.line > range.end.line || (range.start.line === range.end.line && range.start.character > range.end.character)) throw new Violation("range", `${what} ends before it starts: ${JSON.stringify(range)}`);
  };
  const previous = new Map<string, Issue["range"]["start"]>();
  for (const issue of issues) {
    if (!ws.index.files.has(issue.file) && config === undefined) throw new Violation("range", `${issue.rule} names ${issue.file}, which is not in the workspace`);
    inside(issue.file, issue.range, `${issue.rule} "${issue.message}"`);
    const before = previous.get(issue.file);
    if (before && (before.line > issue.range.start.line || (before.line === issue.range.start.line && before.character > issue.range.start.character))) throw new Violation("range", `${issue.file}: ${issue.rule} is out of position order`);
    previous.set(issue.file, issue.range.start);
    for (const fix of issue.fixes) for (const change of fix.changes) if (change.kind === "edit" && ws.index.files.has(change.file)) for (const edit of change.edits) inside(change.file, edit.range, `fix "${fix.title}"`);
  }
}

/** Comment lines of the front matter and the body: what safe fixes must keep. */
function kept(file: ParsedFile): { comments: string[]; body: string } {
  const fm = file.frontMatter ? file.text.slice(file.frontMatter.start, file.frontMatter.end) : "";
  return { comments: fm.split("\n").map((line) => line.replace(/\r$/, "")).filter((line) => /^[ \t]*#/.test(line)), body: file.text.slice(file.bodyStart) };
}

/** Every safe fix at once, pass after pass like `check --fix` (on `ws`, which it changes): converges, keeps items, comments and bodies, leaves nothing safe to fix. */
function checkSafeLoop(ws: StrategyWorkspace): void {
  // What each file held before its first fix.
  const first = new Map<string, ReturnType<typeof kept> & ReturnType<typeof itemsOf>>();
  for (let pass = 0; ; pass++) {
    const edits = timed("safe fixes", () => safeEdits(ws.allIssues()));
    if (!edits.size) break;
    if (pass === 6) throw new Violation("fix", `--fix does not converge: still fixing ${[...edits.keys()].join(", ")}`);
    for (const [path, list] of edits) {
      const file = ws.index.files.get(path)!;
      if (!first.has(path)) first.set(path, { ...kept(file), ...itemsOf(file) });
      ws.setFile(path, (file.bom ? "\uFEFF" : "") + applyEdits(file.text, list));
    }
  }
  for (const [path, was] of first) {
    const file = ws.index.files.get(path)!;
    const now = { ...kept(file), ...itemsOf(file) };
    const text = JSON.stringify(rawText(file));
    const gone = lost(was.items, now.items);
    if (now.body !== was.body) throw new Violation("fix", `--fix changed the body of ${path}: ${text}`);
    if (lost(was.comments, now.comments).length) throw new Violation("fix", `--fix lost a comment line of ${path}: ${text}`);
    if (gone.length) throw new Violation("fix", `--fix lost ${gone.join(", ")} in ${path}: ${text}`);
    if (now.yamlErrors > was.yamlErrors) throw new Violation("fix", `--fix broke the YAML of ${path}: ${text}`);
  }
}

const issueKey = (issue: Issue) => JSON.stringify([issue.file, issue.rule, issue.severity, issue.message, issue.range]);

/**
 * From the fresh workspace, `setFile` each changed file back to its first
 * version, then forward again: no file it does not report changes its
 * diagnostics, and the end equals the fresh load, file by file.
 */
function checkIncremental(c: FuzzCase, ws: StrategyWorkspace): void {
  const before = c.before!;
  const paths = [...new Set([...Object.keys(before), ...Object.keys(c.files)])].sort();
  const changed = paths.filter((path) => before[path] !== c.files[path]);
  if (!changed.length) return;
  const snapshot = () => new Map(paths.map((path) => [path, ws.issues(path, false).map(issueKey).join("\n")]));
  const fresh = snapshot();
  let was = fresh;
  const set = (path: string, texts: Record<string, string>) => {
    const affected = timed("setFile", () => (path in texts ? ws.setFile(path, texts[path]) : ws.deleteFile(path)));
    const now = snapshot();
    for (const other of paths) {
      if (!affected.includes(other) && was.get(other) !== now.get(other)) throw new Violation("incremental", `setFile(${path}) changed the diagnostics of ${other} but did not report it:\n${was.get(other)}\n→\n${now.get(other)}`);
    }
    was = now;
  };
  for (const path of changed) set(path, before);
  for (const path of changed) set(path, c.files);
  for (const path of paths) {
    if (was.get(path) !== fresh.get(path)) throw new Violation("incremental", `after setFile, ${path} has other diagnostics than in a fresh workspace:\n${fresh.get(path)}\n→\n${was.get(path)}`);
  }
}

/** Fixes checked one by one per issue (the first two and the last: choices differ only in their value), and per case (each one re-reads its file: fewer for a large one). */
const FIXES_PER_ISSUE = 3;
const MAX_FIXES = 60;
const MAX_FIXES_LARGE = 5;

/** The case with the example workspace spelt out (its config only where the case has it). */
function resolve(c: FuzzCase): FuzzCase {
  if (!c.examples) return c;
  const ex = exampleFiles();
  const base = Object.fromEntries([...ex].filter(([path]) => path.endsWith(".md")));
  const config = c.examples === "with config" ? { config: ex.get("strategy.config.yaml") } : {};
  return { ...c, ...config, files: { ...base, ...c.files }, before: { ...base, ...(c.before ?? c.files) } };
}

/** Checks every invariant on one case; throws a {@link Violation} (or whatever escaped the core). */
export function checkCase(short: FuzzCase): void {
  const c = resolve(short);
  useBudget(c);
  const ws = timed("load", () => freshWorkspace(c.files, c.config));
  // Fixes are built for the files under test only (the context's are checked in the --fix loop).
  const issues = timed("allIssues", () => ws.allIssues(false));
  const fixed = new Map(c.subjects.map((path) => [path, timed("fixes", () => ws.issues(path))]));
  checkRanges(ws, issues, c.config);
  for (const list of fixed.values()) checkRanges(ws, list);
  let budget = c.subjects.some((path) => (c.files[path]?.length ?? 0) > 50_000) ? MAX_FIXES_LARGE : MAX_FIXES;
  for (const issue of [...fixed.values()].flat()) {
    if (budget <= 0) break;
    const { fixes } = issue;
    const some = fixes.length > FIXES_PER_ISSUE ? [...fixes.slice(0, FIXES_PER_ISSUE - 1), fixes[fixes.length - 1]] : fixes;
    for (const fix of some) {
      budget--;
      const what = `fix "${fix.title}" of ${issue.rule} "${issue.message}"`;
      checkItemsKept(ws, applyToTexts(ws, fix.changes, what), what, issue.rule === "tactic-called-strategy");
    }
    if (autoFix(issue) && fixes.filter((fix) => fix.safe).length !== 1) throw new Violation("fix", "autoFix picked a fix of an issue with several safe ones");
  }
  for (const path of c.subjects) {
    if (!(path in c.files)) continue;
    checkReaders(path, c.files[path]);
    // What a host reads from disk is the text it was written from.
    const text = c.files[path];
    const decoded = decodeFile(new TextEncoder().encode(text), MAX_FILE_BYTES);
    if (decoded !== text && !(typeof decoded !== "string" && text.slice(0, 8000).includes("\0"))) throw new Violation("decode", `${path} reads back as ${JSON.stringify(decoded).slice(0, 200)}`);
  }
  probeEntryPoints(ws, c);
  if (c.before) checkIncremental(c, ws);
  checkSafeLoop(ws);
}

/**
 * {@link checkCase}, where a time violation counts only when it happens twice
 * in a row: on a shared machine one slow moment is not a finding.
 */
export function runCase(c: FuzzCase): void {
  const times = new Map(slowest);
  try {
    checkCase(c);
  } catch (error) {
    if (!(error instanceof Violation && error.kind === "time")) throw error;
    // The slow attempt's times are not kept: the figures are those of the runs that count.
    slowest.clear();
    for (const [label, ms] of times) slowest.set(label, ms);
    checkCase(c);
  }
}

/** Runs a case over the whole example workspace once, untimed in effect (first calls load zod and warm the JIT), then forgets the times. */
export function warmUp(): void {
  try {
    checkCase({ files: { "fuzz-warm-up.md": "---\ntype: tactc\nid: w\n---\n" }, subjects: ["fuzz-warm-up.md"], probes: [5], examples: "with config" });
  } catch {
    // A finding here is found again by the cases themselves, timed.
  }
  slowest.clear();
}
