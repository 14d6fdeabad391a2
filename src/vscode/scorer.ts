/**
 * Who scores (SPEC §9, "Score Item…"): the name a script gives, else the
 * setting `strategyDocs.scorer`, else git's `user.name` in the folder, else
 * the person is asked once — the name is kept for the session and they are
 * offered to save it in the setting.
 */
import { execFile } from "node:child_process";
import * as vscode from "vscode";
import { clip } from "../core/index";
import type { StrategyFolder } from "./host";
import { scorerName, scorerProblem } from "./score-prompt";
import { saveScorer, scorerSetting } from "./settings";

/** How long `git config user.name` may take (a slow or hung git must not hold the command). */
const GIT_TIMEOUT_MS = 2000;

/** The name typed this session, when it was not saved in the setting. */
let typedName: string | undefined;

/**
 * git's `user.name` as seen from a folder (its repository's config, else the user's), or undefined:
 * no git, no name, not a local folder, or git took longer than 2 s. Runs git itself, no shell.
 */
export function gitUserName(root: vscode.Uri): Promise<string | undefined> {
  if (root.scheme !== "file") return Promise.resolve(undefined);
  return new Promise((resolve) => {
    try {
      execFile("git", ["config", "user.name"], { cwd: root.fsPath, timeout: GIT_TIMEOUT_MS, windowsHide: true, encoding: "utf8" }, (error, stdout) => {
        resolve(error ? undefined : scorerName(stdout));
      });
    } catch {
      resolve(undefined);
    }
  });
}

/** Asks the person's name once; offers to save it in `strategyDocs.scorer` (the command goes on meanwhile). */
async function askName(): Promise<string | undefined> {
  const typed = await vscode.window.showInputBox({
    title: "Your name for Score Item",
    prompt: "The name your scores go under in an item's scores: (neither strategyDocs.scorer nor git's user.name is set)",
    placeHolder: "e.g. dana",
    ignoreFocusOut: true,
    validateInput: scorerProblem,
  });
  const name = scorerName(typed);
  if (!name) return undefined;
  typedName = name;
  void vscode.window
    .showInformationMessage(`Strategy Docs: score as '${clip(name, 40)}' from now on? It is saved in your user setting strategyDocs.scorer.`, "Save", "Only This Session")
    .then(async (choice) => {
      if (choice !== "Save") return;
      try {
        await saveScorer(name);
      } catch (error) {
        void vscode.window.showErrorMessage(`Strategy Docs: strategyDocs.scorer could not be saved (${(error as Error).message}).`);
      }
    });
  return name;
}

/** The scorer's name: `given` (a script's), else the setting, else git's user.name, else asked; undefined when none is given. */
export async function whoScores(state: StrategyFolder, given: unknown): Promise<string | undefined> {
  if (given !== undefined) {
    const name = scorerName(given);
    if (!name) void vscode.window.showWarningMessage(`Strategy Docs: nothing was scored: the scorer should be a name on one line (${scorerProblem(String(given)) ?? "not text"}).`);
    return name;
  }
  return scorerSetting() ?? (await gitUserName(state.root)) ?? typedName ?? (await askName());
}
