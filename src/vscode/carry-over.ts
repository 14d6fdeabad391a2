/**
 * Carrying an ended sprint's unfinished work over (SPEC §8): the code action
 * "Carry N unfinished items to <sprint>" on an ended sprint's front matter (on
 * its `type`, `id`, `status` or `end` line), and "Strategy Docs: Carry
 * Unfinished Items…", which asks for the sprint unless it runs on one. Both
 * apply the core's carry-over: one undoable WorkspaceEdit across the items'
 * files, comments kept. Trusted workspaces only (see extension.ts).
 */
import * as vscode from "vscode";
import { carryOver, clip, reviewableSprints, shortTitle, type CarryOver, type Item } from "../core/index";
import { plainText, toWorkspaceEdit } from "./convert";
import type { StrategyFolder, StrategyHost } from "./host";
import { commandTarget, itemAt, KeyLines } from "./item-at";

/** The action's kind: a rewrite of the items (no problem is fixed), offered in the light bulb and the Refactor… menu. */
export const CARRY_OVER_KIND = vscode.CodeActionKind.RefactorRewrite.append("strategy-docs.carryOver");

/** The command, in the palette as "Strategy Docs: Carry Unfinished Items…". */
export const CARRY_OVER_COMMAND = "strategyDocs.carryOver";

/** The lines of a sprint that offer the action. */
export const CARRY_OVER_LINES = new KeyLines("sprint", ["type", "id", "status", "end"]);

/** What the command did (it resolves with it, for scripts and tests). */
export interface CarryResult {
  sprint: string;
  target: string;
  /** Ids of the items moved. */
  items: string[];
  /** The files changed (workspace paths). */
  files: string[];
}

/** The code action on an ended sprint's `type`, `id`, `status` or `end` line, when it has unfinished items and a sprint to take them. */
export function carryOverAction(state: StrategyFolder, path: string, range: vscode.Range): vscode.CodeAction | undefined {
  const sprint = CARRY_OVER_LINES.itemAt(state, path, range.start);
  const carry = sprint && carryOver(state.workspace, sprint);
  if (!carry) return undefined;
  const action = new vscode.CodeAction(plainText(carry.fix.title), CARRY_OVER_KIND);
  action.edit = toWorkspaceEdit(state.root, carry.fix.changes);
  return action;
}

/** An ended sprint and what carrying its unfinished items over does. */
interface SprintCarry {
  sprint: Item;
  carry: CarryOver;
}

/** The carry-over of a sprint, with the sprint. */
function carryOf(state: StrategyFolder, sprint: Item | undefined): SprintCarry | undefined {
  const carry = sprint && carryOver(state.workspace, sprint);
  return sprint && carry ? { sprint, carry } : undefined;
}

/** The carry-over of the sprint at the active editor's cursor, if it has one. */
async function fromEditor(host: StrategyHost, state: StrategyFolder): Promise<SprintCarry | undefined> {
  const editor = vscode.window.activeTextEditor;
  const resolved = editor && (await host.resolve(editor.document));
  if (!editor || resolved?.state !== state) return undefined;
  return carryOf(state, itemAt(state, resolved.path, editor.selection.active, "sprint"));
}

/** One of the ended sprints with unfinished items (the latest first), picked by the user. */
async function pickCarry(state: StrategyFolder): Promise<SprintCarry | undefined> {
  const { workspace } = state;
  const choices = reviewableSprints(workspace, workspace.todayIso())
    .reverse()
    .flatMap((ended) => {
      const found = carryOf(state, workspace.index.find(ended.id, ["sprint"]));
      return found ? [{ ended, found }] : [];
    });
  if (!choices.length) {
    void vscode.window.showInformationMessage("Strategy Docs: no ended sprint has unfinished items to carry over.");
    return undefined;
  }
  const picks = choices.map(({ ended, found: { carry } }, index) => ({
    label: clip(ended.title || ended.id, 80),
    description: [ended.title && ended.title !== ended.id ? clip(ended.id, 60) : "", ended.end ? `ended ${ended.end}` : "ended"].filter(Boolean).join(" · "),
    detail: `${plainText(carry.fix.title)}: ${carry.items.slice(0, 5).map((item) => clip(item.id, 40)).join(", ")}${carry.items.length > 5 ? ` and ${carry.items.length - 5} more` : ""}`,
    index,
  }));
  const picked = await vscode.window.showQuickPick(picks, { title: "Carry unfinished items", placeHolder: "Ended sprint whose open items move to the current sprint, else the next", matchOnDescription: true, matchOnDetail: true });
  return picked && choices[picked.index].found;
}

/**
 * "Carry Unfinished Items…": the sprint given (`{ sprint, folder }`, for scripts and
 * keybindings), else the one at the cursor, else one picked among the ended sprints
 * with unfinished items. Resolves with what moved, or undefined when nothing did.
 */
export async function carryUnfinishedItems(host: StrategyHost, args?: unknown): Promise<CarryResult | undefined> {
  const target = await commandTarget(host, args);
  if (!target) return undefined;
  const { given, state } = target;
  let found: SprintCarry | undefined;
  if (typeof given.sprint === "string") {
    const sprint = state.workspace.index.find(given.sprint, ["sprint"]);
    found = carryOf(state, sprint);
    if (!found) {
      const why = sprint?.kind === "sprint" ? "it has not ended, has no unfinished item, or no sprint is current or next to take them" : "no sprint has that id";
      void vscode.window.showWarningMessage(`Strategy Docs: nothing to carry over from '${clip(given.sprint, 60)}': ${why}.`);
      return undefined;
    }
  } else {
    found = (await fromEditor(host, state)) ?? (await pickCarry(state));
  }
  if (!found) return undefined;
  // The pick may have taken a while: edits typed meanwhile are in the model before the edit is computed again.
  host.syncPending();
  found = carryOf(state, state.workspace.index.find(found.sprint.id, ["sprint"]));
  if (!found) return undefined;
  const { sprint, carry } = found;
  if (!(await vscode.workspace.applyEdit(toWorkspaceEdit(state.root, carry.fix.changes)))) {
    void vscode.window.showErrorMessage(`Strategy Docs: the items of '${clip(sprint.id, 60)}' could not be changed, so nothing was written (was a file changed meanwhile?).`);
    return undefined;
  }
  const count = carry.items.length;
  void vscode.window.showInformationMessage(
    `Strategy Docs: ${count === 1 ? "1 unfinished item" : `${count} unfinished items`} of '${clip(sprint.id, 60)}' moved to '${clip(carry.target.id, 60)}' (${clip(shortTitle(carry.target), 60)}), each with '${clip(sprint.id, 60)}' added to its carried list. Undo puts them back.`,
  );
  return { sprint: sprint.id, target: carry.target.id, items: carry.items.map((item) => item.id), files: carry.fix.changes.map((change) => change.file) };
}
