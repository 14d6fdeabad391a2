/**
 * "Strategy Docs: Score Item…" (SPEC §9): on the initiative or tactic at the
 * cursor (or the active file's only one), else one picked among the open
 * backlog items, it asks impact, urgency and effort — quick picks saying what
 * each number means, the person's previous value and the team's current mean —
 * and writes them under the scorer's name in the item's `scores:` with the
 * core's `setPersonScores`: one undoable edit, comments kept. Also a code
 * action on an item's `scores`, `impact`, `urgency` and `effort` lines.
 * Trusted workspaces only (see extension.ts).
 */
import * as vscode from "vscode";
import { clip, isClosed, setPersonScores, shortTitle, type Item, type Kind, type ScoreAggregate } from "../core/index";
import { toWorkspaceEdit } from "./convert";
import type { StrategyFolder, StrategyHost } from "./host";
import { commandTarget, itemAt, KeyLines } from "./item-at";
import { givenScores, itemPickDetail, personScores, SCORE_FIELDS, scorePicks, scorePlaceholder, scoresText, type ScoreField, type ScorePick } from "./score-prompt";
import { whoScores } from "./scorer";

/** The command, in the palette as "Strategy Docs: Score Item…". */
export const SCORE_ITEM_COMMAND = "strategyDocs.scoreItem";

/** The code action's kind (it rewrites the item's `scores:`). */
export const SCORE_ITEM_KIND = vscode.CodeActionKind.RefactorRewrite.append("strategy-docs.scoreItem");

const BACKLOG: readonly Kind[] = ["initiative", "tactic"];
const SCORE_KEYS = ["scores", ...SCORE_FIELDS];

/** The lines of a backlog item that offer the action (the same keys for both kinds). */
export const SCORE_ITEM_LINES = BACKLOG.map((kind) => new KeyLines(kind, SCORE_KEYS));

/** Items a pick lists, at most (a hostile file may hold 25,000). */
const MAX_PICKS = 500;

/** What the command wrote (it resolves with it, for scripts and tests). */
export interface ScoredItem {
  item: string;
  scorer: string;
  scores: Partial<Record<ScoreField, number>>;
  /** The item's file (workspace path). */
  file: string;
}

/** "Score this item…" on a backlog item's `scores`, `impact`, `urgency` or `effort` line. */
export function scoreItemAction(state: StrategyFolder, path: string, range: vscode.Range): vscode.CodeAction | undefined {
  const item = SCORE_ITEM_LINES.map((lines) => lines.itemAt(state, path, range.start)).find(Boolean);
  if (!item) return undefined;
  const action = new vscode.CodeAction("Score this item…", SCORE_ITEM_KIND);
  action.command = { title: "Score Item…", command: SCORE_ITEM_COMMAND, arguments: [{ item: item.id, folder: state.folder.name }] };
  return action;
}

/** The backlog item at the active editor's cursor, else the active file's only one; the file's backlog items when it has several. */
async function fromEditor(host: StrategyHost, state: StrategyFolder): Promise<{ item?: Item; candidates: Item[] }> {
  const editor = vscode.window.activeTextEditor;
  const resolved = editor && (await host.resolve(editor.document));
  if (!editor || resolved?.state !== state) return { candidates: [] };
  const item = BACKLOG.map((kind) => itemAt(state, resolved.path, editor.selection.active, kind)).find(Boolean);
  if (item) return { item, candidates: [] };
  const own = state.workspace.index.files.get(resolved.path)?.items.filter((entry) => BACKLOG.includes(entry.kind)) ?? [];
  return own.length === 1 ? { item: own[0], candidates: [] } : { candidates: own.filter((entry) => !isClosed(entry)) };
}

/** An item picked from `candidates` (default: the folder's open backlog items), those the scorer has not scored first. */
async function pickItem(state: StrategyFolder, candidates: readonly Item[], scorer: string): Promise<Item | undefined> {
  const items = candidates.length ? candidates : BACKLOG.flatMap((kind) => state.workspace.index.sortedOfKind(kind)).filter((item) => !isClosed(item));
  if (!items.length) {
    void vscode.window.showInformationMessage("Strategy Docs: there is no open initiative or tactic to score (New Initiative… or New Tactic… makes one).");
    return undefined;
  }
  const scored = (item: Item) => SCORE_FIELDS.some((field) => personScores(item.data, scorer)[field] !== undefined);
  const ordered = [...items.filter((item) => !scored(item)), ...items.filter(scored)];
  const picks = ordered.slice(0, MAX_PICKS).map((item) => ({ label: clip(shortTitle(item), 80), description: `${clip(item.id, 60)} · ${item.kind}`, detail: itemPickDetail(item.data, scorer), item }));
  const more = ordered.length > MAX_PICKS ? ` (the first ${MAX_PICKS} of ${ordered.length}; run it from an item's file for the others)` : "";
  const picked = await vscode.window.showQuickPick(picks, { title: `Score an item as ${clip(scorer, 40)}`, placeHolder: `Initiative or tactic to score${more}`, matchOnDescription: true });
  return picked?.item;
}

/** One step of the prompts: the field's number, Back, or undefined when the person gave up. */
function askScore(item: Item, field: ScoreField, step: number, scorer: string, aggregate: ScoreAggregate): Promise<number | "back" | undefined> {
  const pick = vscode.window.createQuickPick<ScorePick>();
  pick.title = `Score '${clip(shortTitle(item), 60)}' as ${clip(scorer, 40)}: ${field}`;
  pick.step = step + 1;
  pick.totalSteps = SCORE_FIELDS.length;
  pick.placeholder = scorePlaceholder(field, item.data, scorer, aggregate);
  pick.items = scorePicks(field, personScores(item.data, scorer)[field]);
  pick.matchOnDescription = true;
  const previous = pick.items.find((entry) => entry.description.endsWith("your score now"));
  if (previous) pick.activeItems = [previous];
  if (step > 0) pick.buttons = [vscode.QuickInputButtons.Back];
  return new Promise((resolve) => {
    let answer: number | "back" | undefined;
    pick.onDidAccept(() => {
      answer = pick.selectedItems[0]?.value;
      if (answer !== undefined) pick.hide();
    });
    pick.onDidTriggerButton((button) => {
      if (button !== vscode.QuickInputButtons.Back) return;
      answer = "back";
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(answer);
    });
    pick.show();
  });
}

/** Impact, urgency and effort asked in turn (Back returns to the one before); undefined when the person gave up. */
async function askScores(state: StrategyFolder, item: Item, scorer: string): Promise<Partial<Record<ScoreField, number>> | undefined> {
  const aggregate = state.workspace.getConfig().scoring.aggregate;
  const scores: Partial<Record<ScoreField, number>> = {};
  for (let step = 0; step < SCORE_FIELDS.length; ) {
    const answer = await askScore(item, SCORE_FIELDS[step], step, scorer, aggregate);
    if (answer === undefined) return undefined;
    if (answer === "back") step = Math.max(0, step - 1);
    else scores[SCORE_FIELDS[step++]] = answer;
  }
  return scores;
}

/**
 * "Score Item…": `{ item, folder, scores, scorer }` may be given (scripts, keybindings, the code
 * action, the tree's `{ initiative | tactic, folder }`); what is not given is asked. With scores
 * given, only those are written. Resolves with what was written, or undefined.
 */
export async function scoreItem(host: StrategyHost, args?: unknown): Promise<ScoredItem | undefined> {
  const target = await commandTarget(host, args);
  if (!target) return undefined;
  const { given, state } = target;
  let scores: Partial<Record<ScoreField, number>> | undefined;
  if (given.scores !== undefined) {
    const checked = givenScores(given.scores);
    if ("problem" in checked) {
      void vscode.window.showWarningMessage(`Strategy Docs: nothing was scored: ${checked.problem}.`);
      return undefined;
    }
    scores = checked.scores;
  }
  const id = [given.item, given.initiative, given.tactic].find((value): value is string => typeof value === "string");
  let item: Item | undefined;
  let candidates: Item[] = [];
  if (id !== undefined) {
    item = state.workspace.index.find(id, BACKLOG);
    if (!item || !BACKLOG.includes(item.kind)) {
      void vscode.window.showWarningMessage(`Strategy Docs: no initiative or tactic has the id '${clip(id, 60)}'.`);
      return undefined;
    }
  } else ({ item, candidates } = await fromEditor(host, state));

  const scorer = await whoScores(state, given.scorer);
  if (!scorer) return undefined;
  item ??= await pickItem(state, candidates, scorer);
  if (!item) return undefined;
  scores ??= await askScores(state, item, scorer);
  if (!scores) return undefined;

  // The item's file may have been edited while the picks were open: its item is read again from the text as it is now.
  host.syncPending();
  const { file, key, kind } = item;
  item = state.workspace.index.files.get(file)?.items.find((entry) => entry.kind === kind && entry.key === key);
  if (!item) {
    void vscode.window.showWarningMessage(`Strategy Docs: the item is no longer in ${clip(file, 80)}; nothing was written.`);
    return undefined;
  }
  const change = setPersonScores(item, scorer, scores as Record<string, number>);
  if (!change || !(await vscode.workspace.applyEdit(toWorkspaceEdit(state.root, [change])))) {
    void vscode.window.showErrorMessage(`Strategy Docs: the scores could not be written into ${clip(item.file, 80)} (is scores: a map of people?); nothing was changed.`);
    return undefined;
  }
  vscode.window.setStatusBarMessage(`$(check) ${clip(item.id, 40)} scored by ${clip(scorer, 40)}: ${scoresText(scores)}`, 5000);
  return { item: item.id, scorer, scores, file: item.file };
}
