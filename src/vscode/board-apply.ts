/**
 * "Apply proposal", from the board or the palette: asks (listing the items,
 * and under a what-if split whether the sprint takes that split), refuses a
 * sprint that has ended, writes `sprint:` (and the split) as one undoable
 * WorkspaceEdit, and keeps the record that undoes exactly that edit.
 */
import * as vscode from "vscode";
import { assignSprint, buildPlan, scoringFor, sprintsOf } from "../core/index";
import { setSprintSplit } from "../core/plan/assign";
import type { ScoringModel, Split } from "../protocol";
import { endedPhrase, openSprint } from "../webview/sprints";
import { ApplyUndo } from "./board-undo";
import { toWorkspaceEdit } from "./convert";
import { today } from "./folder";
import type { StrategyFolder } from "./host";

/** How Apply asks: a modal listing the items, a multi-select of them, or not at all (tests). */
export type ApplyMode = "confirm" | "choose" | "none";

/** What an Apply wrote: how many items, the split written to the sprint (if any), and how to undo it. */
export interface Applied {
  count: number;
  split: Split | null;
  /** The sprint's own split, when the proposal was made under another (what-if) split and the sprint keeps its own. */
  kept: Split | null;
  undo: ApplyUndo;
}

/** The record of the last Apply, from the board or the palette (one at a time; Undo reverts it). */
let lastApply: ApplyUndo | undefined;

/** Undoes the last Apply; the sentence to show. */
export async function undoLastApply(): Promise<{ ok: boolean; message: string }> {
  const record = lastApply;
  if (!record) return { ok: false, message: "Nothing to undo: no Apply of a proposal is left to revert (each Apply is undone once, the last one only)." };
  const result = await record.undo();
  if (!result.ok) return result;
  lastApply = undefined;
  return { ok: true, message: `Undone: ${record.summary}` };
}

/** Why a sprint cannot take a proposal (it ended), with where to go instead; undefined when it is open. */
export function endedSprintMessage(state: StrategyFolder, sprint: string): string | undefined {
  const sprints = sprintsOf(state.workspace, today());
  const found = sprints.find((entry) => entry.id.toLowerCase() === sprint.toLowerCase());
  if (found?.state !== "ended") return undefined;
  const open = openSprint(sprints);
  return `${endedPhrase(found)}, so nothing was written into it. ${open ? `Plan ${open.state === "current" ? "the current" : "the next"} sprint, ${open.id}, instead.` : "Add a sprint that has not ended to plan into."}`;
}

/**
 * Writes `sprint:` into the items a sprint's plan proposes (with what-ifs, if
 * any; `ids` when the caller showed the proposal already), after the user
 * confirms or chooses them; returns how many were written. Under a what-if
 * split the confirmation asks whether the sprint takes that split too
 * (`writeSplit` answers for "none"); an ended sprint is refused.
 */
export async function applyProposal(
  state: StrategyFolder,
  sprint: string,
  view: { model?: ScoringModel | null; split?: Split | null; ids?: readonly string[]; writeSplit?: boolean },
  mode: ApplyMode,
  done?: (applied: Applied) => void,
  /** Brings the model up to the documents' text (the host's pending edits); called before reading it and again before writing. */
  sync: () => void = () => {},
): Promise<number> {
  sync();
  const ended = endedSprintMessage(state, sprint);
  if (ended) {
    void vscode.window.showWarningMessage(`Strategy Docs: ${ended}`);
    return 0;
  }
  const scoring = scoringFor(state.workspace.getConfig(), view.model);
  const result = buildPlan(state.workspace, sprint, { scoring, ...(view.split ? { split: view.split } : {}) });
  if (!result) {
    void vscode.window.showErrorMessage(`Strategy Docs: there is no sprint ${sprint}`);
    return 0;
  }
  const { plan, items } = result;
  let ids: readonly string[] = view.ids ?? plan.proposed.items;
  if (!ids.length) {
    void vscode.window.showInformationMessage(`Strategy Docs: nothing to propose for ${plan.sprint}${plan.notes.length ? `: ${plan.notes[0]}` : ""}`);
    return 0;
  }
  const own = view.split ? buildPlan(state.workspace, sprint, { scoring })?.plan.target : undefined;
  const splitDiffers = Boolean(view.split && own && own.strategic !== plan.target.strategic);
  let writeSplit = splitDiffers && view.writeSplit === true;
  const detail = (id: string) => {
    const item = items.get(id.toLowerCase());
    return `${id}, ${item?.track ?? "?"}, estimate ${item?.estimate ?? "–"}`;
  };
  const titleOf = (id: string) => items.get(id.toLowerCase())?.title ?? id;
  if (mode === "choose") {
    const picks = ids.map((id) => ({ label: titleOf(id), description: detail(id), picked: true, id }));
    const chosen = await vscode.window.showQuickPick(picks, { canPickMany: true, title: `Add to sprint ${plan.sprint}`, placeHolder: "The proposal, in score order: uncheck what should not go in" });
    if (!chosen?.length) return 0;
    ids = chosen.map((pick) => pick.id);
  } else if (mode === "confirm" && vscode.workspace.getConfiguration("strategyDocs", state.root).get<boolean>("board.confirmApply", true)) {
    const lines = ids.map((id) => `• ${titleOf(id)} (${detail(id)})`);
    const whatIf = [scoring.model !== state.workspace.getConfig().scoring.model ? `scoring ${scoring.model}` : "", view.split ? `split ${plan.target.strategic}/${plan.target.tactical}` : ""].filter(Boolean).join(", ");
    const target = `${plan.target.strategic}/${plan.target.tactical}`;
    const withSplit = `Apply and set the sprint's split to ${target}`;
    const keepSplit = `Apply, keep the sprint's own split${own ? ` (${own.strategic}/${own.tactical})` : ""}`;
    const splitLine = splitDiffers ? `\n\nThe proposal was made with the what-if split ${target}; the sprint's own split is ${own!.strategic}/${own!.tactical}. Choose whether the sprint takes the what-if split (its capacity-split-off-target check then judges against it).` : "";
    // A dialog that cannot be shown (VS Code refuses them under test) counts as "no".
    const choice = await vscode.window.showWarningMessage(
      `Add ${ids.length} item${ids.length === 1 ? "" : "s"} to sprint ${plan.sprint}?`,
      { modal: true, detail: `${lines.join("\n")}\n\nWrites "sprint: ${plan.sprint}" into their front matter${whatIf ? ` (proposal with what-if ${whatIf})` : ""}.${splitLine}\n\nTo undo, click Undo on the board's status line after applying: it reverts exactly this edit.` },
      ...(splitDiffers ? [withSplit, keepSplit] : ["Apply proposal"]),
    ).then(undefined, () => undefined);
    if (choice === undefined) return 0;
    writeSplit = choice === withSplit;
  }
  sync(); // typed while the question was open: the edits must match the text as it is now
  const assignment = assignSprint(state.workspace, plan.sprint, ids);
  const splitChange = writeSplit ? setSprintSplit(state.workspace, plan.sprint, plan.target) : undefined;
  const changes = splitChange ? [...assignment.changes, splitChange] : assignment.changes;
  const count = assignment.assigned.length;
  const summary = `sprint: ${plan.sprint} taken out of ${count} item${count === 1 ? "" : "s"} again${splitChange ? `, and the sprint's split put back to ${own!.strategic}/${own!.tactical}` : ""}.`;
  const apply = await ApplyUndo.prepare(toWorkspaceEdit(state.root, changes), summary);
  const undo = await apply();
  if (!undo) {
    void vscode.window.showErrorMessage("Strategy Docs: the proposal could not be written (a document changed meanwhile?). Nothing was changed.");
    return 0;
  }
  lastApply?.dispose();
  lastApply = undo;
  if (assignment.skipped.length) {
    void vscode.window.showWarningMessage(`Strategy Docs: not written: ${assignment.skipped.map((entry) => `${entry.id} (${entry.reason})`).join(", ")}`);
  }
  const applied = { count, split: splitChange ? plan.target : null, kept: splitDiffers && !splitChange ? own! : null, undo };
  if (done) done(applied);
  else if (mode !== "none") {
    // From the palette: the notification offers the undo the board's status line would.
    void vscode.window.showInformationMessage(`Strategy Docs: wrote sprint: ${plan.sprint} into ${count} item${count === 1 ? "" : "s"}.`, "Undo").then(async (answer) => {
      if (answer !== "Undo") return;
      const result = await undoLastApply();
      void (result.ok ? vscode.window.showInformationMessage(`Strategy Docs: ${result.message}`) : vscode.window.showWarningMessage(`Strategy Docs: ${result.message}`));
    });
  }
  return count;
}
