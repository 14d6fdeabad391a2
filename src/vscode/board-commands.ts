/**
 * Ways into the Strategy Board: the "Open Strategy Board" command (also on the
 * tree's title bar and the sprint status bar item), a "Preview allocation" CodeLens on
 * each sprint, the panel serializer that brings the board back after a
 * reload, and "Apply Sprint Proposal…" from the command palette.
 */
import * as vscode from "vscode";
import { BOARD_TABS, clip, defaultSprint, sprintsOf, type BoardTab } from "../core/index";
import { sprintLensTitle } from "../core/index";
import type { BoardSprint } from "../protocol";
import { applyProposal, undoLastApply, type ApplyMode } from "./board-apply";
import { BOARD_VIEW_TYPE, BoardPanel } from "./board";
import { today } from "./folder";
import { toRange } from "./convert";
import type { DiagnosticsPublisher } from "./diagnostics";
import type { StrategyFolder, StrategyHost } from "./host";
import { SELECTOR } from "./language-features";

/** Arguments of `strategyDocs.openBoard` (all optional). */
export interface OpenBoardArgs {
  /** The sprint to plan, or with `tab: "review"` the sprint to review. */
  sprint?: string;
  /** Workspace folder name. */
  folder?: string;
  /** The tab to show: `plan` (with a sprint, the default), `review`, `kpis`, `roadmap` or `calendar`. */
  tab?: BoardTab;
  /** With `tab: "calendar"`: the month to show, `YYYY-MM` (else today's). */
  month?: string;
}

/** What an `openBoard` call asks the board to show: a sprint alone opens the Plan tab on it. */
export function viewOfArgs(args: OpenBoardArgs): { folder?: string; tab?: BoardTab; sprint?: string; reviewSprint?: string; month?: string } {
  const tab = BOARD_TABS.find((name) => name === args.tab) ?? (args.sprint ? "plan" : undefined);
  const sprint = typeof args.sprint === "string" && args.sprint ? args.sprint : undefined;
  const month = typeof args.month === "string" && /^\d{4}-(0[1-9]|1[0-2])$/.test(args.month) ? args.month : undefined;
  return {
    ...(typeof args.folder === "string" && args.folder ? { folder: args.folder } : {}),
    ...(tab ? { tab } : {}),
    ...(month ? { month } : {}),
    ...(sprint ? (tab === "review" ? { reviewSprint: sprint } : { sprint }) : {}),
  };
}

/** Lenses one file gets, at most: they are asked again after every change in the workspace. */
const MAX_LENSES = 500;

/** "Preview allocation" above each sprint's id (the first `MAX_LENSES` sprints of a file). */
class SprintLenses implements vscode.CodeLensProvider {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly host: StrategyHost) {
    this.subscription = host.onDidChange(() => this.emitter.fire());
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const resolved = await this.host.resolve(document);
    const file = resolved && resolved.state.workspace.index.files.get(resolved.path);
    if (!resolved || !file) return [];
    const lenses: vscode.CodeLens[] = [];
    // The workspace's sprint states, read once a file, and only by a file with a sprint.
    let states: Map<string, BoardSprint> | undefined;
    for (const item of file.items) {
      if (item.kind !== "sprint") continue;
      const range = toRange(item.doc.lines().rangeOf(item.idStart, item.idEnd));
      states ??= new Map(sprintsOf(resolved.state.workspace, today()).map((sprint) => [sprint.id, sprint]));
      const sprint = states.get(item.id);
      // An ended sprint opens on its review (committed vs done, carried over, the trend); the others on their plan.
      const ended = sprint?.state === "ended";
      const args: OpenBoardArgs = { sprint: item.id, folder: resolved.state.folder.name, tab: ended ? "review" : "plan" };
      const tooltip = ended ? `Open the review of sprint ${clip(item.id)} on the Strategy Board: committed vs done per track, carried-over work, the trend` : `Open the Strategy Board on sprint ${clip(item.id)}: its capacity split and proposal`;
      lenses.push(new vscode.CodeLens(range, { title: `$(graph) ${sprintLensTitle(sprint?.state, sprint?.end ?? null)}`, tooltip, command: "strategyDocs.openBoard", arguments: [args] }));
      if (lenses.length === MAX_LENSES) break;
    }
    return lenses;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

/** A sprint to apply, chosen by the user when not given. */
async function pickSprint(state: StrategyFolder): Promise<string | undefined> {
  const sprints = sprintsOf(state.workspace, today());
  if (!sprints.length) {
    void vscode.window.showInformationMessage("Strategy Docs: there is no sprint yet (New Sprint… makes one)");
    return undefined;
  }
  const likely = defaultSprint(sprints, today());
  // An ended sprint takes no proposal: it is not offered (SPEC §8).
  const open = sprints.filter((sprint) => sprint.state !== "ended");
  if (!open.length) {
    void vscode.window.showInformationMessage(`Strategy Docs: every sprint has ended (the last, ${sprints[sprints.length - 1].id}), so there is none to apply a proposal to. New Sprint… makes the next one.`);
    return undefined;
  }
  const picks = open.map((sprint) => ({
    label: sprint.id,
    description: [sprint.title !== sprint.id ? sprint.title : "", sprint.state].filter(Boolean).join(" — "),
    detail: sprint.capacity === null ? "no capacity" : `capacity ${sprint.capacity}`,
  }));
  // The sprint a lead most likely plans comes first.
  picks.sort((a, b) => Number(b.label === likely) - Number(a.label === likely));
  return (await vscode.window.showQuickPick(picks, { title: "Apply sprint proposal", placeHolder: "Sprint to fill from the ranked backlog" }))?.label;
}

/** Registers the board's commands, CodeLens and serializer. */
export function registerBoard(extensionUri: vscode.Uri, host: StrategyHost, diagnostics: DiagnosticsPublisher): vscode.Disposable[] {
  const lenses = new SprintLenses(host);
  // The sprint status bar item (status.ts) opens the board: no second item for it.
  return [
    lenses,
    vscode.languages.registerCodeLensProvider(SELECTOR, lenses),
    vscode.commands.registerCommand("strategyDocs.openBoard", (args?: OpenBoardArgs) => {
      const view = args && typeof args === "object" && !(args instanceof vscode.Uri) ? args : {};
      BoardPanel.show(extensionUri, host, diagnostics, viewOfArgs(view));
    }),
    // Undo of the last Apply (the board's status line and the palette's notification call it; tests too).
    vscode.commands.registerCommand("strategyDocs.undoApply", async () => {
      const result = await undoLastApply();
      void (result.ok ? vscode.window.showInformationMessage(`Strategy Docs: ${result.message}`) : vscode.window.showWarningMessage(`Strategy Docs: ${result.message}`));
      return result;
    }),
    vscode.window.registerWebviewPanelSerializer(BOARD_VIEW_TYPE, {
      async deserializeWebviewPanel(panel, state) {
        BoardPanel.revive(panel, extensionUri, host, diagnostics, state);
      },
    }),
  ];
}

/**
 * "Apply Sprint Proposal…": pick a sprint, then the proposed items to write
 * (all picked at first), with the configured model and split. Trusted
 * workspaces only. Tests pass `{ sprint, folder, mode: "none" }` to skip the questions
 * (with `split` and `writeSplit` for a what-if split the sprint takes).
 */
export function registerApplyProposal(host: StrategyHost): vscode.Disposable {
  return vscode.commands.registerCommand("strategyDocs.applyProposal", async (args?: OpenBoardArgs & { mode?: ApplyMode; split?: { strategic: number; tactical: number }; writeSplit?: boolean }) => {
    const state = host.folderNamed(args?.folder);
    if (!state) return 0;
    await state.ready;
    const sprint = args?.sprint ?? (await pickSprint(state));
    if (!sprint) return 0;
    // A what-if split (as the board's), and whether the sprint takes it: for callers that asked already.
    const split = args?.split && Number.isFinite(args.split.strategic) && args.split.strategic >= 0 && args.split.strategic <= 100 ? { strategic: args.split.strategic, tactical: 100 - args.split.strategic } : undefined;
    return applyProposal(state, sprint, { split, writeSplit: args?.writeSplit === true }, args?.mode ?? "choose", undefined, () => host.syncPending());
  });
}
