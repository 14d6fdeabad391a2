/**
 * The VS Code adapter's entry. Activation only wires things up: the folders
 * are read in the background (see host.ts), so activation stays cheap; its
 * own duration is logged. In an untrusted workspace the extension is
 * read-only: diagnostics, navigation, hover and the tree, but no quick fixes,
 * rename or new-item commands.
 */
import * as vscode from "vscode";
import { BoardPanel } from "./board";
import { registerApplyProposal, registerBoard } from "./board-commands";
import { StrategyCodeActions } from "./code-actions";
import { registerReadCommands, registerWriteCommands } from "./commands";
import { DiagnosticsPublisher } from "./diagnostics";
import { StrategyHost } from "./host";
import { registerReadFeatures, registerRename, SELECTOR } from "./language-features";
import { registerRuleHelp, ruleHelpTarget } from "./rule-help";
import { createStatusItem, type StatusSnapshot } from "./status";
import { StrategyTree, type TreeSnapshot } from "./tree";
import type { BoardModel, TabModel } from "../protocol";

/** What `activate` returns (`vscode.extensions.getExtension(id).exports`): read-only views for tests and other extensions. */
export interface StrategyDocsApi {
  /** The "Strategy" tree as plain data, as the view shows it now. */
  tree(): TreeSnapshot[];
  /** The model the open Strategy Board shows now (undefined: no board open or nothing sent yet). */
  board(): BoardModel | undefined;
  /** The Review, KPIs, Roadmap or Calendar model the open Strategy Board sent last (undefined: none of those tabs shown yet). */
  boardTab(): TabModel | undefined;
  /** What the status bar item shows now (the current sprint's load and split). */
  status(): StatusSnapshot;
}

export function activate(context: vscode.ExtensionContext): StrategyDocsApi {
  const started = performance.now();
  const output = vscode.window.createOutputChannel("Strategy Docs");
  const log = (line: string) => output.appendLine(line);
  const host = new StrategyHost(log);
  // Rule links open the rule's help page (docs/rules/<id>.md, shipped with the extension) rendered.
  const diagnostics = new DiagnosticsPublisher(host, ruleHelpTarget);
  const tree = new StrategyTree(host, diagnostics);
  const status = createStatusItem(host, diagnostics);
  context.subscriptions.push(
    output,
    host,
    diagnostics,
    tree,
    vscode.window.registerTreeDataProvider("strategyDocs.tree", tree),
    ...registerReadFeatures(host),
    ...registerRuleHelp(context.extensionUri, log),
    ...registerReadCommands(host, diagnostics, output),
    status,
    ...registerBoard(context.extensionUri, host, diagnostics),
  );

  const registerWriters = () => {
    context.subscriptions.push(
      vscode.languages.registerCodeActionsProvider(SELECTOR, new StrategyCodeActions(host), StrategyCodeActions.metadata),
      registerRename(host),
      ...registerWriteCommands(host),
      registerApplyProposal(host),
    );
  };
  if (vscode.workspace.isTrusted) registerWriters();
  else {
    log("Untrusted workspace: read-only (no quick fixes, rename or new items until the workspace is trusted).");
    context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(registerWriters));
  }

  // The tree's welcome text waits for the first read (`strategyDocs.ready`).
  const ready = host.onDidChange(() => {
    ready.dispose();
    void vscode.commands.executeCommand("setContext", "strategyDocs.ready", true);
  });
  context.subscriptions.push(ready);
  // The first read runs after activation returns.
  setTimeout(() => host.start(), 0);
  log(`Strategy Docs activated in ${(performance.now() - started).toFixed(1)} ms`);
  return { tree: () => tree.snapshot(), board: () => BoardPanel.active?.lastModel, boardTab: () => BoardPanel.active?.lastTabModel, status: () => status.snapshot() };
}

export function deactivate(): void {}
