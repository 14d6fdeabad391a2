/**
 * Quick fixes from the core's fixes (one action per fix, preferred when it is
 * the issue's one safe fix) and `source.fixAll.strategy-docs` (every safe fix
 * of the document). Every action is one undoable WorkspaceEdit of exact spans,
 * so comments and key order stay as written.
 */
import * as vscode from "vscode";
import { autoFix, safeEdits, type FileChange } from "../core/index";
import { ruleOf, toRange, toUri, toWorkspaceEdit } from "./convert";
import type { StrategyHost } from "./host";

/** The kind of the fix-all action (for `editor.codeActionsOnSave`). */
export const FIX_ALL = vscode.CodeActionKind.SourceFixAll.append("strategy-docs");

export class StrategyCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL] };

  constructor(private readonly host: StrategyHost) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const resolved = await this.host.resolve(document);
    if (!resolved) return [];
    const { state, path } = resolved;
    const issues = state.workspace.issues(path, true);
    const actions: vscode.CodeAction[] = [];
    const only = context.only;

    if (!only || only.contains(vscode.CodeActionKind.QuickFix) || vscode.CodeActionKind.QuickFix.contains(only)) {
      for (const issue of issues) {
        const issueRange = toRange(issue.range);
        if (!issueRange.intersection(range) || !issue.fixes.length) continue;
        const diagnostic = context.diagnostics.find((d) => ruleOf(d) === issue.rule && d.range.isEqual(issueRange));
        const preferred = autoFix(issue);
        for (const fix of issue.fixes) {
          const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
          action.edit = toWorkspaceEdit(state.root, fix.changes);
          if (diagnostic) action.diagnostics = [diagnostic];
          action.isPreferred = fix === preferred;
          const created = fix.changes.find((change) => change.kind === "create");
          if (created) action.command = { title: "Open the new file", command: "vscode.open", arguments: [toUri(state.root, created.file)] };
          actions.push(action);
        }
      }
    }

    if (only && (only.contains(FIX_ALL) || FIX_ALL.contains(only))) {
      const edits = safeEdits(issues);
      if (edits.size) {
        const changes: FileChange[] = [...edits].map(([file, list]) => ({ kind: "edit", file, edits: list }));
        const action = new vscode.CodeAction("Fix all safe Strategy Docs problems", FIX_ALL);
        action.edit = toWorkspaceEdit(state.root, changes);
        actions.push(action);
      }
    }
    return actions;
  }
}
