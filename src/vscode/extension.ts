/**
 * The VS Code adapter. This first version only proves the bundle loads the
 * core inside VS Code; diagnostics, fixes and views come with the extension issue.
 */
import * as vscode from "vscode";
import { RULES } from "../core/index";

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel("Strategy Docs");
  context.subscriptions.push(output);
  output.appendLine(`Strategy Docs activated (${RULES.length} rules).`);
}

export function deactivate(): void {}
