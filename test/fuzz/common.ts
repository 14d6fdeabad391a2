/**
 * What the fuzz invariants share: the case, the violation, the time budget,
 * fresh workspaces, and the check that changes (fixes, renames, assignments)
 * keep every item of the files they touch and their YAML valid.
 */
import { applyEdits, parseStrategyFile, StrategyWorkspace, type FileChange, type ParsedFile } from "../../src/core/index";

/** One fuzz case: the workspace's files, the first version it is loaded with, the files under test and positions to probe. */
export interface FuzzCase {
  files: Record<string, string>;
  /** The texts loaded first; the workspace then reaches `files` by `setFile`/`deleteFile`. */
  before?: Record<string, string>;
  /** Files whose fixes and positions are checked (the others are context). */
  subjects: string[];
  /** Offsets (taken modulo the text length) for the language service. */
  probes: number[];
  config?: string;
  /** The example workspace lies under `files` and `before`, with its config when "with config": cases print short. */
  examples?: boolean | "with config";
  /** Per-operation budget (ms) when not {@link BUDGET_MS}: large hostile files. */
  budget?: number;
}

/** A broken invariant. `kind` names it; `time` ones are re-checked once before they count. */
export class Violation extends Error {
  constructor(readonly kind: string, message: string) {
    super(`${kind}: ${message}`);
  }
}

/** Per-operation time budget (ms) for one document's workspace. */
export const BUDGET_MS = 200;
/** The slowest time seen per operation, and the time spent in each, for the run's summary. */
export const slowest = new Map<string, number>();
export const spent = new Map<string, number>();

let budget = BUDGET_MS;

/** Sets the budget of the case about to run (its own, or {@link BUDGET_MS}). */
export function useBudget(c: FuzzCase): void {
  budget = c.budget ?? BUDGET_MS;
}

/**
 * Runs `fn`, records its time under `label` (marked for a case with its own
 * budget), and fails when it took longer than the budget. The time is the
 * smaller of the wall clock and this process's CPU time: on a shared machine
 * the other processes do not count, a loop that never ends still does (with
 * two workers the CPU time may count the other one's work: at most twice).
 */
export function timed<T>(label: string, fn: () => T): T {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = fn();
  const used = process.cpuUsage(cpu);
  const ms = Math.min(performance.now() - start, (used.user + used.system) / 1000);
  const key = budget === BUDGET_MS ? label : `${label} (large, budget ${budget})`;
  if (ms > (slowest.get(key) ?? 0)) slowest.set(key, ms);
  spent.set(label, (spent.get(label) ?? 0) + ms);
  if (ms > budget) throw new Violation("time", `${label} took ${ms.toFixed(0)} ms (budget ${budget} ms)`);
  return value;
}

export const TODAY = new Date("2026-11-24T12:00:00Z");

/** A fresh workspace over the files (the config, if any, set first). */
export function freshWorkspace(files: Record<string, string>, config?: string): StrategyWorkspace {
  const ws = new StrategyWorkspace({ today: () => TODAY });
  if (config !== undefined) ws.setConfigText(config);
  ws.load(Object.entries(files));
  return ws;
}

/** The text of a parsed file as it was given, BOM included. */
export function rawText(file: ParsedFile): string {
  return (file.bom ? "\uFEFF" : "") + file.text;
}

/** `kind:id` of every item of a parsed file and its count of YAML errors: what a fix must keep. */
export function itemsOf(file: ParsedFile): { items: string[]; yamlErrors: number } {
  return { items: file.items.map((item) => `${item.kind}:${item.id}`), yamlErrors: file.findings.filter((f) => f.rule === "yaml-syntax").length };
}

/** Entries of `before` missing from `after` (multisets). */
export function lost(before: readonly string[], after: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const entry of after) left.set(entry, (left.get(entry) ?? 0) + 1);
  return before.filter((entry) => {
    const n = left.get(entry) ?? 0;
    left.set(entry, n - 1);
    return n <= 0;
  });
}

/** The texts after applying changes (a fix, a rename, an assignment) to the workspace's files; edits of unknown files and creations over existing ones are violations. */
export function applyToTexts(ws: StrategyWorkspace, changes: readonly FileChange[], what: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const change of changes) {
    const file = ws.index.files.get(change.file);
    if (change.kind === "create") {
      if (file) throw new Violation("fix", `${what} creates ${change.file}, which exists`);
      out.set(change.file, change.text);
      continue;
    }
    if (!file) throw new Violation("fix", `${what} edits ${change.file}, which does not exist`);
    const text = out.get(change.file) ?? rawText(file);
    const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
    out.set(change.file, bom + applyEdits(text.slice(bom.length), change.edits));
  }
  return out;
}

/** Each changed file keeps valid YAML and its items (by id only where `kindMayChange`); a created file holds an item. */
export function checkItemsKept(ws: StrategyWorkspace, texts: Map<string, string>, what: string, kindMayChange = false): void {
  for (const [path, text] of texts) {
    const file = ws.index.files.get(path);
    const after = itemsOf(parseStrategyFile(path, text));
    if (!file) {
      if (!after.items.length || after.yamlErrors) throw new Violation("fix", `${what} creates ${path} without a valid item: ${JSON.stringify(text)}`);
      continue;
    }
    const before = itemsOf(file);
    const strip = (list: string[]) => (kindMayChange ? list.map((entry) => entry.slice(entry.indexOf(":") + 1)) : list);
    const missing = lost(strip(before.items), strip(after.items));
    if (missing.length) throw new Violation("fix", `${what} loses ${missing.join(", ")} in ${path}: ${JSON.stringify(text)}`);
    if (after.yamlErrors > before.yamlErrors) throw new Violation("fix", `${what} breaks the YAML of ${path}: ${JSON.stringify(text)}`);
  }
}
