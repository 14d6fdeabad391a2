// npx tsx bench/language-hostile.ts [--runs 5] [--case name] [--small]
// The language service (and what the VS Code adapter asks of the core per keystroke, hover or
// cursor move) on hostile documents: each case is a workspace of the ordinary files and one
// hostile file at its largest, and every language function is timed at the places a user could
// be (the type line, the longest line, the last line, the first and last item's id and reference).
// Prints the worst time per function and case, in ms (median of --runs calls); `--small`: at the
// sizes of test/unit/language-hostile.test.ts, whose time limits are set from these.
import * as H from "../test/hostile-inputs.mjs";
import { completions, contextAt, definition, documentSymbols, hover, prepareRename, references, strategyOutline, StrategyWorkspace, type Position } from "../src/core/index";
import { arg, median } from "./common.mjs";
import { LANGUAGE_CASES } from "../test/unit/language-hostile-cases";

const runs = Number(arg("runs", 5));
const only = arg("case");
const full = !process.argv.includes("--small");
const TODAY = new Date("2026-11-24T12:00:00Z");

/** Median ms of `runs` calls of `work` (one call when the first takes over a second). */
function time(work: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
    if (times[0] > 1000) break;
  }
  return median(times);
}

/** Where a user could be in a file: the type line, the longest line's middle and end, the last front matter line, the ids and references of the first and last item. */
function probes(ws: StrategyWorkspace, path: string): Position[] {
  const file = ws.index.files.get(path)!;
  const lines = file.lines();
  const out: Position[] = [];
  const fm = file.frontMatter ?? { start: 0, end: file.text.length };
  const first = lines.positionAt(fm.start).line;
  const last = lines.positionAt(Math.max(fm.start, fm.end - 1)).line;
  out.push({ line: first, character: 7 });
  let longest = first;
  for (let line = first; line <= last; line++) if (lines.lineEnd(line) - lines.lineStart(line) > lines.lineEnd(longest) - lines.lineStart(longest)) longest = line;
  const longLength = lines.lineEnd(longest) - lines.lineStart(longest);
  out.push({ line: longest, character: Math.floor(longLength / 2) }, { line: longest, character: longLength });
  out.push({ line: last, character: lines.lineEnd(last) - lines.lineStart(last) });
  for (const item of [file.items[0], file.items[file.items.length - 1]]) {
    if (!item) continue;
    out.push(lines.positionAt(item.idStart + 1));
    for (const ref of item.refs.slice(0, 1)) out.push(lines.positionAt(ref.start + 1));
  }
  return out;
}

const results: Record<string, Record<string, number>> = {};
for (const [name, make] of Object.entries(LANGUAGE_CASES)) {
  if (only && !name.includes(String(only))) continue;
  const hostile = make(full);
  const ws = new StrategyWorkspace({ today: () => TODAY });
  const start = performance.now();
  ws.load([...Object.entries(H.PLAIN), ...Object.entries(hostile)]);
  const row: Record<string, number> = { load: performance.now() - start };
  const worst = (key: string, ms: number) => (row[key] = Math.max(row[key] ?? 0, ms));
  for (const path of Object.keys(hostile)) {
    worst("diagnostics", time(() => ws.issues(path, false)));
    worst("codeActions", time(() => ws.issues(path, true)));
    worst("documentSymbols", time(() => documentSymbols(ws, path)));
    const file = ws.index.files.get(path)!;
    for (const position of probes(ws, path)) {
      worst("contextAt", time(() => contextAt(file, position)));
      // The first answer after an edit: a new parsed file (same text), nothing read of it yet.
      worst("contextAtFresh", time(() => contextAt(Object.assign(Object.create(Object.getPrototypeOf(file)), file), position)));
      worst("completions", time(() => completions(ws, path, position)));
      worst("hover", time(() => hover(ws, path, position)));
      worst("definition", time(() => definition(ws, path, position)));
      worst("references", time(() => references(ws, path, position)));
      worst("prepareRename", time(() => prepareRename(ws, path, position)));
    }
  }
  // A hover right after an edit elsewhere (the backlog's ranking is computed again).
  const [plain, plainText] = Object.entries(H.PLAIN)[0];
  for (const path of Object.keys(hostile)) {
    const file = ws.index.files.get(path)!;
    const last = file.items[file.items.length - 1];
    if (last) worst("hoverAfterEdit", time(() => (ws.setFile(plain, plainText), hover(ws, path, file.lines().positionAt(last.idStart + 1)))));
  }
  worst("outline", time(() => strategyOutline(ws.index, "2026-11-30")));
  results[name] = Object.fromEntries(Object.entries(row).map(([key, ms]) => [key, Math.round(ms * 100) / 100]));
  console.log(`${name}: ${Object.entries(results[name]).map(([key, ms]) => `${key} ${ms}`).join(", ")}`);
}
