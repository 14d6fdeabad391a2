/**
 * "Strategy Docs: Record KPI Reading…" (SPEC §8): on the KPI at the cursor (or
 * the active file's only KPI), else one picked from a list of the KPIs with
 * their current values, it asks for today's value and applies the core's
 * `recordReading` — `{date, value}` appended to `history`, `current` and
 * `measured` set — as one undoable edit. Also a code action on a KPI's front
 * matter. Trusted workspaces only (see extension.ts).
 */
import * as vscode from "vscode";
import { clip, keyResultOf, recordReading, shortTitle, type Item } from "../core/index";
import { toWorkspaceEdit } from "./convert";
import type { StrategyFolder, StrategyHost } from "./host";
import { commandTarget, itemAt, KeyLines } from "./item-at";
import { kpiPickDetail, parseReading, readingProblem, readingPrompt, withUnit } from "./reading-value";

/** The command, in the palette as "Strategy Docs: Record KPI Reading…". */
export const RECORD_READING_COMMAND = "strategyDocs.recordKpiReading";

/** The code action's kind (it rewrites `history`, `current` and `measured`). */
export const RECORD_READING_KIND = vscode.CodeActionKind.RefactorRewrite.append("strategy-docs.recordKpiReading");

/** KPIs a pick lists, at most (a hostile file may hold 25,000). */
const MAX_PICKS = 500;

/** The lines of a KPI that offer the action. */
export const RECORD_READING_LINES = new KeyLines("kpi", ["type", "id", "current", "measured", "history"]);

/** What the command recorded (it resolves with it, for scripts and tests). */
export interface RecordedReading {
  kpi: string;
  value: number;
  date: string;
  /** The KPI's file (workspace path). */
  file: string;
}

/** "Record KPI reading…" on a KPI's `type`, `id`, `current`, `measured` or `history` line. */
export function recordReadingAction(state: StrategyFolder, path: string, range: vscode.Range): vscode.CodeAction | undefined {
  const kpi = RECORD_READING_LINES.itemAt(state, path, range.start);
  if (!kpi) return undefined;
  const action = new vscode.CodeAction(`Record a reading of '${clip(kpi.id, 60)}'…`, RECORD_READING_KIND);
  action.command = { title: "Record KPI Reading…", command: RECORD_READING_COMMAND, arguments: [{ kpi: kpi.id, folder: state.folder.name }] };
  return action;
}

/** The KPI at the active editor's cursor, else the active file's only KPI; the file's KPIs when it has several. */
async function fromEditor(host: StrategyHost, state: StrategyFolder): Promise<{ kpi?: Item; candidates: Item[] }> {
  const editor = vscode.window.activeTextEditor;
  const resolved = editor && (await host.resolve(editor.document));
  if (!editor || resolved?.state !== state) return { candidates: [] };
  const kpi = itemAt(state, resolved.path, editor.selection.active, "kpi");
  if (kpi) return { kpi, candidates: [] };
  const own = state.workspace.index.files.get(resolved.path)?.items.filter((item) => item.kind === "kpi") ?? [];
  return own.length === 1 ? { kpi: own[0], candidates: [] } : { candidates: own };
}

/** A KPI picked from `candidates` (default: every KPI of the folder), each with its values and progress. */
async function pickKpi(state: StrategyFolder, candidates: readonly Item[]): Promise<Item | undefined> {
  const { workspace } = state;
  const kpis = candidates.length ? candidates : workspace.index.sortedOfKind("kpi");
  if (!kpis.length) {
    void vscode.window.showInformationMessage("Strategy Docs: there is no KPI yet (New KPI… makes one).");
    return undefined;
  }
  const today = workspace.todayIso();
  const picks = kpis.slice(0, MAX_PICKS).map((kpi) => ({ label: clip(shortTitle(kpi), 80), description: clip(kpi.id, 60), detail: kpiPickDetail(keyResultOf(workspace, kpi, today)), kpi }));
  const more = kpis.length > MAX_PICKS ? ` (the first ${MAX_PICKS} of ${kpis.length}; run it from a KPI's file for the others)` : "";
  const picked = await vscode.window.showQuickPick(picks, { title: "Record KPI reading", placeHolder: `KPI to record today's value of${more}`, matchOnDescription: true });
  return picked?.kpi;
}

/**
 * "Record KPI Reading…": `{ kpi, folder, value }` may be given (scripts, keybindings, the
 * code action); what is not given is asked. Resolves with what was recorded, or undefined.
 */
export async function recordKpiReading(host: StrategyHost, args?: unknown): Promise<RecordedReading | undefined> {
  const target = await commandTarget(host, args);
  if (!target) return undefined;
  const { given, state } = target;
  const { workspace } = state;
  let kpi: Item | undefined;
  if (typeof given.kpi === "string") {
    const found = workspace.index.find(given.kpi, ["kpi"]);
    kpi = found?.kind === "kpi" ? found : undefined; // `find` falls back to an item of another kind
    if (!kpi) {
      void vscode.window.showWarningMessage(`Strategy Docs: no KPI has the id '${clip(given.kpi, 60)}'.`);
      return undefined;
    }
  } else {
    const near = await fromEditor(host, state);
    kpi = near.kpi ?? (await pickKpi(state, near.candidates));
  }
  if (!kpi) return undefined;

  const today = workspace.todayIso();
  const result = keyResultOf(workspace, kpi, today);
  let value = typeof given.value === "number" && Number.isFinite(given.value) ? given.value : undefined;
  if (value === undefined) {
    const typed = await vscode.window.showInputBox({
      title: `Record a reading of ${clip(shortTitle(kpi), 60)}`,
      prompt: readingPrompt(result, today),
      placeHolder: result.current !== null ? String(result.current) : "e.g. 2.1",
      validateInput: (text) => readingProblem(text, result.unit),
    });
    value = typed === undefined ? undefined : parseReading(typed, result.unit);
  }
  if (value === undefined) return undefined;

  // The KPI's file may have been edited while the box was open: its item is read again from the text as it is now.
  host.syncPending();
  const { file, key } = kpi;
  kpi = workspace.index.files.get(file)?.items.find((item) => item.kind === "kpi" && item.key === key);
  if (!kpi) {
    void vscode.window.showWarningMessage(`Strategy Docs: the KPI is no longer in ${clip(file, 80)}; nothing was written.`);
    return undefined;
  }
  const change = recordReading(kpi, value, today);
  if (!change || !(await vscode.workspace.applyEdit(toWorkspaceEdit(state.root, [change])))) {
    void vscode.window.showErrorMessage(`Strategy Docs: the reading could not be written into ${clip(kpi.file, 80)} (is its history a list?); nothing was changed.`);
    return undefined;
  }
  vscode.window.setStatusBarMessage(`$(check) ${clip(kpi.id, 40)}: ${withUnit(value, result.unit)} recorded for ${today}`, 5000);
  return { kpi: kpi.id, value, date: today, file: kpi.file };
}
