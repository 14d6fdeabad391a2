/**
 * Commands under the "Strategy Docs" category and the status bar item with the
 * count of strategy problems. The commands that write (new items) are
 * registered only in trusted workspaces (see extension.ts).
 */
import * as vscode from "vscode";
import { newItemFile, type Kind, type NewItemFields } from "../core/index";
import type { DiagnosticsPublisher } from "./diagnostics";
import type { StrategyFolder, StrategyHost } from "./host";
import { plainText, toWorkspaceEdit } from "./convert";
import { today } from "./folder";
import { NEW_ITEM_COMMANDS } from "./new-item-commands";
import { askNewItemFields } from "./new-item-prompts";
import { folderForKind } from "./settings";
import { CARRY_OVER_COMMAND, carryUnfinishedItems } from "./carry-over";
import { RECORD_READING_COMMAND, recordKpiReading } from "./record-reading";
import { SCORE_ITEM_COMMAND, scoreItem } from "./score-item";
import { nodeArguments } from "./tree";

/** `1 error`, `2 errors`. */
export const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** Registers the commands that only read. `strategyDocs.checkWorkspace` resolves with the counts it shows, once the folders are read again. */
export function registerReadCommands(host: StrategyHost, diagnostics: DiagnosticsPublisher, output: vscode.OutputChannel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand("strategyDocs.checkWorkspace", async () => {
      await host.reloadAll();
      const folders = host.all();
      const files = folders.reduce((sum, state) => sum + state.workspace.index.files.size, 0);
      const items = folders.reduce((sum, state) => sum + state.workspace.index.itemCount, 0);
      const { errors, warnings, infos } = diagnostics.totals();
      const summary = `Strategy Docs: ${plural(files, "file")}, ${plural(items, "item")}: ${plural(errors, "error")}, ${plural(warnings, "warning")}, ${plural(infos, "info")}`;
      output.appendLine(summary);
      // Not awaited: the command is done when the check is (the message stays until dismissed).
      void vscode.window.showInformationMessage(summary, ...(errors + warnings + infos ? ["Show Problems"] : [])).then((choice) => {
        if (choice) void vscode.commands.executeCommand("workbench.actions.view.problems");
      });
      return { files, items, errors, warnings, infos };
    }),
    vscode.commands.registerCommand("strategyDocs.showOutput", () => output.show()),
  ];
}

/** The folder to create in: the active editor's, else the only one, else the user's choice. */
async function pickFolder(host: StrategyHost): Promise<StrategyFolder | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const fromEditor = active && host.folderOf(active);
  if (fromEditor) return fromEditor;
  const folders = host.all();
  if (folders.length <= 1) return folders[0];
  const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: "Folder for the new item" });
  return picked && folders.find((state) => state.folder === picked);
}

/**
 * What a script or a keybinding may pass to a New … command instead of being asked:
 * `{ title, pillar, kpi, impact, urgency, effort }` (any subset; with any field given, the
 * others are not asked either). Values of the wrong type are ignored.
 */
function givenFields(args: unknown): { title?: string; fields?: NewItemFields } {
  if (typeof args !== "object" || args === null) return {};
  const record = args as Record<string, unknown>;
  const text = (key: string) => (typeof record[key] === "string" ? (record[key] as string) : undefined);
  const score = (key: string) => (typeof record[key] === "number" ? (record[key] as number) : undefined);
  const fields: NewItemFields = { pillar: text("pillar"), kpi: text("kpi"), impact: score("impact"), urgency: score("urgency"), effort: score("effort") };
  const any = Object.values(fields).some((value) => value !== undefined);
  return { title: text("title"), ...(any ? { fields } : {}) };
}

/** Makes a new item's file and opens it; resolves with its path (relative to the folder), or undefined. */
async function newItem(host: StrategyHost, kind: Kind, args?: unknown): Promise<string | undefined> {
  const given = givenFields(args);
  const state = await pickFolder(host);
  if (!state) {
    void vscode.window.showErrorMessage("Strategy Docs: open a folder first");
    return;
  }
  await state.ready;
  const title = given.title ?? await vscode.window.showInputBox({
    title: `New ${kind}`,
    prompt: `Title of the new ${kind} (its id is made from it)`,
    validateInput: (value) => {
      const made = newItemFile(state.workspace, kind, value, { folder: folderForKind(state.root, kind), today: today() });
      return "error" in made && value.trim() ? plainText(made.error) : undefined;
    },
  });
  if (title === undefined) return;
  // An initiative or tactic is born aligned and scored: pillar, KPI and scores are asked (Escape leaves one out).
  const fields = kind === "tactic" || kind === "initiative" ? (given.fields ?? (await askNewItemFields(state.workspace, kind))) : undefined;
  const made = newItemFile(state.workspace, kind, title, { folder: folderForKind(state.root, kind), today: today(), fields });
  if ("error" in made) {
    void vscode.window.showErrorMessage(`Strategy Docs: ${plainText(made.error)}`);
    return;
  }
  // The file is written with its text; VS Code refuses the edit when it exists already.
  if (!(await vscode.workspace.applyEdit(toWorkspaceEdit(state.root, [made.change])))) {
    void vscode.window.showErrorMessage(`Strategy Docs: could not create ${made.change.file} (does it exist already?)`);
    return;
  }
  await vscode.window.showTextDocument(state.uriOf(made.change.file));
  return made.change.file;
}

/**
 * Registers the commands that write (trusted workspaces only). Carry Unfinished Items…,
 * Record KPI Reading… and Score Item… also run from a sprint's, a KPI's or a backlog item's
 * context menu in the tree.
 */
export function registerWriteCommands(host: StrategyHost): vscode.Disposable[] {
  return [
    ...NEW_ITEM_COMMANDS.map(([command, kind]) => vscode.commands.registerCommand(command, (args?: unknown) => newItem(host, kind, args))),
    vscode.commands.registerCommand(CARRY_OVER_COMMAND, (args?: unknown) => carryUnfinishedItems(host, nodeArguments(args) ?? args)),
    vscode.commands.registerCommand(RECORD_READING_COMMAND, (args?: unknown) => recordKpiReading(host, nodeArguments(args) ?? args)),
    vscode.commands.registerCommand(SCORE_ITEM_COMMAND, (args?: unknown) => scoreItem(host, nodeArguments(args) ?? args)),
  ];
}
