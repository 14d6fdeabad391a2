/**
 * Helpers of the integration suites: the workspace (a copy of `examples/`),
 * its files, our diagnostics by rule id, and polling with a timeout. The
 * suites share one VS Code session and one workspace copy, so each suite
 * uses files of its own or restores what it changes (see `restoreAll`).
 */
import * as assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import * as vscode from "vscode";
import type { StrategyDocsApi } from "../../../src/vscode/extension";

export const EXTENSION_ID = "strategy-docs.strategy-docs";

/** The timeout of `waitFor` unless a test gives one: edits are debounced 150 ms, file watchers take up to a second or two. */
export const WAIT_MS = 15_000;

/** The opened workspace folder (the copy of `examples/`). */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, "no workspace folder is open");
  return folder.uri;
}

/** The URI of a workspace path such as `tactics/queue.md`. */
export function uriOf(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split("/"));
}

/** The workspace path of a URI. */
export function pathOf(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}

/** The activated extension's API (activating it if needed). */
export async function extensionApi(): Promise<StrategyDocsApi> {
  const extension = vscode.extensions.getExtension<StrategyDocsApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed in this VS Code`);
  return extension.activate();
}

/** The `code` of a diagnostic as a string (VS Code allows `{ value, target }`). */
export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === "object" ? String(code.value) : String(code);
}

/** Our diagnostics (source `strategy-docs`) of a file, optionally of one rule. */
export function diagnosticsOf(relativePath: string, rule?: string): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uriOf(relativePath))
    .filter((d) => d.source === "strategy-docs" && (rule === undefined || codeOf(d) === rule));
}

/** Every diagnostic of ours in the workspace as `path rule` lines, sorted. */
export function allDiagnostics(): string[] {
  const lines: string[] = [];
  for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
    for (const d of diagnostics) if (d.source === "strategy-docs") lines.push(`${pathOf(uri)} ${codeOf(d)}`);
  }
  return lines.sort();
}

/** A file's diagnostics as `rule: message` lines, for assertion messages. */
export function describeDiagnostics(relativePath: string): string {
  return JSON.stringify(diagnosticsOf(relativePath).map((d) => `${codeOf(d)}: ${d.message}`));
}

/**
 * Polls `probe` every 50 ms until it returns something truthy (which is
 * returned), or fails after `timeoutMs` with `message` (a function is called then, to describe the state).
 */
export async function waitFor<T>(probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, message: string | (() => string), timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) assert.fail(`after ${timeoutMs / 1000} s: ${typeof message === "function" ? message() : message}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until a file has a diagnostic of `rule`, and returns it. */
export function waitForDiagnostic(relativePath: string, rule: string, timeoutMs = WAIT_MS): Promise<vscode.Diagnostic> {
  return waitFor(() => diagnosticsOf(relativePath, rule)[0], () => `no ${rule} diagnostic on ${relativePath}; it has ${describeDiagnostics(relativePath)}`, timeoutMs);
}

/** Waits until a file has no diagnostic of `rule` (of any rule, without one). */
export async function waitForNoDiagnostic(relativePath: string, rule?: string, timeoutMs = WAIT_MS): Promise<void> {
  await waitFor(() => diagnosticsOf(relativePath, rule).length === 0, () => `${relativePath} still has ${rule ?? "diagnostics"}: ${describeDiagnostics(relativePath)}`, timeoutMs);
}

/** Opens a workspace file in an editor (not a preview) and returns the editor. */
export async function open(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uriOf(relativePath));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** The position just after the first occurrence of `text` in a document (at its start with `atStart`). */
export function positionOf(document: vscode.TextDocument, text: string, atStart = false): vscode.Position {
  const offset = document.getText().indexOf(text);
  assert.ok(offset >= 0, `${pathOf(document.uri)} has no ${JSON.stringify(text)}`);
  return document.positionAt(atStart ? offset : offset + text.length);
}

/** Writes a file through the file system provider (VS Code's watcher reports it as made outside the editor). */
export async function writeFile(relativePath: string, text: string): Promise<vscode.Uri> {
  const uri = uriOf(relativePath);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/** The file system path of a workspace path. */
export function fsPath(relativePath: string): string {
  return join(workspaceRoot().fsPath, ...relativePath.split("/"));
}

/** Writes a workspace file with node's fs, behind VS Code's back (its file watcher reports it). */
export function writeOutside(relativePath: string, content: string | Uint8Array): void {
  mkdirSync(dirname(fsPath(relativePath)), { recursive: true });
  writeFileSync(fsPath(relativePath), content);
}

/** Deletes a file if it exists. */
export async function deleteFile(relativePath: string): Promise<void> {
  try {
    await vscode.workspace.fs.delete(uriOf(relativePath));
  } catch (error) {
    if (!(error instanceof vscode.FileSystemError && error.code === "FileNotFound")) throw error;
  }
}

/**
 * Puts the workspace back as the suite found it: every dirty document
 * reverted to its disk text, every editor closed, then the given files deleted.
 */
export async function restoreAll(created: readonly string[] = []): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty || document.isClosed) continue;
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand("workbench.action.files.revert");
  }
  await vscode.commands.executeCommand("workbench.action.closeAllEditors");
  for (const file of created) await deleteFile(file);
}

/**
 * The diagnostics of the unchanged example workspace (what `strategy-docs check examples` prints):
 * each warning rule fires once, and the infos `unscored-item`, `chronic-carry-over`, `kpi-stale`,
 * `strategic-work-tactical-kpi` and `score-disagreement` (`split-drift` and `kpi-stale` as of the suites' day, 2026-11-30).
 * `stale-strategy` is left out: which items are stale depends on today's date (see `stableDiagnostics`).
 */
export const EXAMPLE_DIAGNOSTICS = [
  "initiatives/roi-calculator.md score-disagreement",
  "initiatives/template-gallery-seo.md strategic-work-tactical-kpi",
  "initiatives/trial-nurture-rebuild.md chronic-carry-over",
  "kpis/partner-sourced-pipeline.md kpi-stale",
  "kpis/workflow-activation.md kpi-without-target",
  "pillars/automation.md tactic-called-strategy",
  "pillars/partner-ecosystem.md pillar-without-execution",
  "pillars/retention.md pillar-without-kpi",
  "sprints/2026-s14.md split-drift",
  "sprints/2026-s15.md capacity-split-off-target",
  "sprints/2026-s15.md over-budget",
  "sprints/2026-s15.md sprint-over-capacity",
  "tactics/competitor-comparison-ads.md tactic-missing-pillar",
  "tactics/customer-roundtable-dinners.md tactic-missing-kpi",
  "tactics/queue.md unscored-item",
];

/** `allDiagnostics()` without `stale-strategy`, whose findings depend on the date. */
export function stableDiagnostics(): string[] {
  return allDiagnostics().filter((line) => !line.endsWith(" stale-strategy"));
}

/** `stableDiagnostics()` of the files outside a suite's folder `dir` (the examples'). */
export function diagnosticsOutside(dir: string): string[] {
  return stableDiagnostics().filter((line) => !line.startsWith(`${dir}/`));
}

/**
 * Runs `work` while a 10 ms timer measures the extension host's event loop: returns the
 * longest gap between ticks beyond the 10 ms (how long the host could not answer anything)
 * and how long `work` took, in ms.
 */
export async function measureStall<T>(work: () => Promise<T>): Promise<{ result: T; maxStallMs: number; ms: number }> {
  const started = performance.now();
  let last = started;
  let maxStallMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxStallMs = Math.max(maxStallMs, now - last - 10);
    last = now;
  }, 10);
  try {
    const result = await work();
    const now = performance.now();
    // The gap since the last tick counts too (work that ends blocked never lets the timer run).
    maxStallMs = Math.max(maxStallMs, now - last - 10);
    return { result, maxStallMs: Math.round(maxStallMs), ms: Math.round(now - started) };
  } finally {
    clearInterval(timer);
  }
}

/** Waits until the workspace's diagnostics are those of the unchanged examples (the suites left no trace). */
export async function waitForExampleDiagnostics(timeoutMs = WAIT_MS): Promise<void> {
  const expected = JSON.stringify(EXAMPLE_DIAGNOSTICS);
  await waitFor(() => JSON.stringify(stableDiagnostics()) === expected, () => `the diagnostics are ${JSON.stringify(allDiagnostics(), null, 1)}`, timeoutMs);
}
