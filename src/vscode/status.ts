/**
 * The status bar item: what VS Code's own problem counter does not say, the
 * current sprint's load against its capacity and its strategic share
 * ("$(graph) Sprint 15: 28/30 · 61% strategic"), else the next sprint's, else
 * when the last one ended ("$(history) Sprint 15 ended 11 Dec"); the tooltip has
 * the target split and the problem counts; a click opens the Strategy Board on
 * that sprint. With no dated sprint at all it says "Strategy Docs".
 */
import * as vscode from "vscode";
import { clip, offTarget, sprintAtAGlance, type SprintGlance } from "../core/index";
import { plural } from "./commands";
import type { DiagnosticsPublisher } from "./diagnostics";
import { today } from "./folder";
import type { StrategyFolder, StrategyHost } from "./host";

/** What the item shows (the extension's API returns it, for tests). */
export interface StatusSnapshot {
  visible: boolean;
  text: string;
  tooltip: string;
  /** The sprint a click opens the board on; none when the item names no sprint. */
  sprint?: string;
  /** What a click runs. */
  command?: { command: string; arguments: unknown[] };
  /** Whether the item has the warning background: over capacity, or the share off target beyond the tolerance. */
  warning: boolean;
}

/** The folder the item speaks of: the active editor's, else the first with strategy items. */
function shownFolder(host: StrategyHost): StrategyFolder | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  const active = uri && host.folderOf(uri);
  if (active?.loaded && active.workspace.index.itemCount > 0) return active;
  return host.all().find((folder) => folder.loaded && folder.workspace.index.itemCount > 0);
}

/** The sentences of the tooltip about a sprint. */
function sprintLines(glance: SprintGlance, tolerance: number): string[] {
  const { load, capacity, target, strategicShare } = glance;
  const ended = glance.state === "ended";
  const planned = `${load.total} of ${capacity ?? "no"} units of capacity${ended ? " were" : ""} planned, ${load.strategic} strategic and ${load.tactical} tactical${strategicShare === null ? "" : ` (${strategicShare}% strategic)`}.`;
  const lines = [
    ended ? `${glance.name} (${clip(glance.item.id)}) ended${glance.endedOn ? ` ${glance.endedOn}` : ""} and no sprint is current or next (New Sprint… makes one): ${planned}` : `${glance.name} (${clip(glance.item.id)}) is the ${glance.state} sprint: ${planned}`,
    `Target split: ${target.strategic}% strategic, ${target.tactical}% tactical (tolerance ${tolerance} points).`,
  ];
  if (!ended && capacity !== null && load.total > capacity) lines.push(`Over capacity by ${load.total - capacity}: move items to a later sprint.`);
  return lines;
}

/** The item's text: the open sprint's load and share, or when the last one ended. */
function sprintText(glance: SprintGlance): string {
  if (glance.state === "ended") return `$(history) ${glance.name} ended${glance.endedOn ? ` ${glance.endedOn}` : ""}`;
  return `$(graph) ${glance.name}: ${glance.load.total}/${glance.capacity ?? "?"}${glance.strategicShare === null ? "" : ` · ${glance.strategicShare}% strategic`}`;
}

/** Whether the sprint needs a look: over capacity, or its share off the target by more than the tolerance. */
function needsLook(glance: SprintGlance, tolerance: number): boolean {
  if (glance.state === "ended") return false;
  const over = glance.capacity !== null && glance.load.total > glance.capacity;
  return over || offTarget(glance.load, glance.target, tolerance);
}

/** Creates the item; `snapshot()` reads what it shows. */
export function createStatusItem(host: StrategyHost, diagnostics: DiagnosticsPublisher): vscode.Disposable & { snapshot(): StatusSnapshot } {
  // The id stays "strategyDocs.problems" (what the item first showed): users' hide choices and the vsix test find it by it.
  const item = vscode.window.createStatusBarItem("strategyDocs.problems", vscode.StatusBarAlignment.Left, 10);
  item.name = "Strategy Docs sprint";
  let shown: StatusSnapshot = { visible: false, text: "", tooltip: "", warning: false };
  const update = () => {
    const folder = shownFolder(host);
    if (!folder) {
      shown = { ...shown, visible: false };
      return item.hide();
    }
    const { errors, warnings, infos } = diagnostics.totals();
    const problems = `Problems in the strategy: ${plural(errors, "error")}, ${plural(warnings, "warning")}, ${plural(infos, "info")}.`;
    const config = folder.workspace.getConfig();
    const glance = sprintAtAGlance(folder.workspace.index, config.capacity.split, today());
    const where = host.all().length > 1 ? ` in ${folder.folder.name}` : "";
    const lines = glance
      ? sprintLines(glance, config.capacity.tolerance)
      : [`No sprint is current, next or ended${where}: New Sprint… makes one.`];
    const text = glance ? sprintText(glance) : "$(graph) Strategy Docs";
    const tooltip = [...lines, problems, `Click to open the Strategy Board${glance ? " on this sprint" : ""}.`].join("\n");
    const warning = glance !== null && needsLook(glance, config.capacity.tolerance);
    item.text = text;
    item.tooltip = tooltip;
    item.backgroundColor = warning ? new vscode.ThemeColor("statusBarItem.warningBackground") : undefined;
    const command = { command: "strategyDocs.openBoard", arguments: glance ? [{ sprint: glance.item.id, folder: folder.folder.name }] : [] };
    item.command = { title: "Open Strategy Board", ...command };
    shown = { visible: true, text, tooltip, warning, command, ...(glance ? { sprint: glance.item.id } : {}) };
    item.show();
  };
  const subscriptions = [diagnostics.onDidPublish(update), vscode.window.onDidChangeActiveTextEditor(update)];
  return {
    snapshot: () => shown,
    dispose: () => {
      for (const subscription of subscriptions) subscription.dispose();
      item.dispose();
    },
  };
}
