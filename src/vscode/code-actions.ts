/**
 * Quick fixes from the core's fixes (one action per fix, preferred when it is
 * the issue's one safe fix), `source.fixAll.strategy-docs` (every safe fix
 * of the document), and three rewrites offered where they apply: "Carry N
 * unfinished items to <sprint>" on an ended sprint, "Record a reading of
 * '<kpi>'…" on a KPI and "Score this item…" on a backlog item's scores. Every edit is one undoable WorkspaceEdit of exact spans,
 * so comments and key order stay as written.
 */
import * as vscode from "vscode";
import { autoFix, safeEdits, type FileChange } from "../core/index";
import { CARRY_OVER_KIND, CARRY_OVER_LINES, carryOverAction } from "./carry-over";
import { fromRange, plainText, ruleOf, toRange, toUri, toWorkspaceEdit } from "./convert";
import type { StrategyHost } from "./host";
import { RECORD_READING_KIND, RECORD_READING_LINES, recordReadingAction } from "./record-reading";
import { SCORE_ITEM_KIND, SCORE_ITEM_LINES, scoreItemAction } from "./score-item";

/** The kind of the fix-all action (for `editor.codeActionsOnSave`). */
export const FIX_ALL = vscode.CodeActionKind.SourceFixAll.append("strategy-docs");

/** A diagnostic's rule and range as one key, to find the diagnostic of an issue without a search. */
function diagnosticKey(rule: string, range: vscode.Range): string {
  return `${rule}:${range.start.line}:${range.start.character}:${range.end.line}:${range.end.character}`;
}

export class StrategyCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL, CARRY_OVER_KIND, RECORD_READING_KIND, SCORE_ITEM_KIND] };

  constructor(private readonly host: StrategyHost) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const only = context.only;
    const asked = (kind: vscode.CodeActionKind) => !only || only.contains(kind) || kind.contains(only);
    const quickFixes = asked(vscode.CodeActionKind.QuickFix);
    const fixAll = !!only && (only.contains(FIX_ALL) || FIX_ALL.contains(only));
    // The rewrites are offered on a few key lines of a sprint, a KPI or a backlog item: the line's text says whether to look.
    const lineText = range.start.line < document.lineCount ? document.lineAt(range.start.line).text : "";
    const carry = asked(CARRY_OVER_KIND) && CARRY_OVER_LINES.mayHold(lineText);
    const reading = asked(RECORD_READING_KIND) && RECORD_READING_LINES.mayHold(lineText);
    const scoring = asked(SCORE_ITEM_KIND) && SCORE_ITEM_LINES[0].mayHold(lineText);
    // Asked on every cursor move: unless the cursor is on one of our diagnostics (or fix-all is asked), there is nothing to build.
    const ours = new Map<string, vscode.Diagnostic>();
    for (const diagnostic of context.diagnostics) {
      const rule = ruleOf(diagnostic);
      const key = rule && diagnosticKey(rule, diagnostic.range);
      if (key && !ours.has(key)) ours.set(key, diagnostic);
    }
    if (!fixAll && !carry && !reading && !scoring && (!quickFixes || !ours.size)) return [];
    const resolved = await this.host.resolve(document);
    if (!resolved) return [];
    const { state, path } = resolved;
    const actions: vscode.CodeAction[] = [];
    // After the quick fixes, which come first.
    const rewrite = (carry && carryOverAction(state, path, range)) || (reading && recordReadingAction(state, path, range)) || (scoring && scoreItemAction(state, path, range)) || undefined;
    if (!fixAll && (!quickFixes || !ours.size)) return rewrite ? [rewrite] : [];
    // Fixes are built for the issues at the cursor only (fix-all needs them all): a file may hold 64,000 issues.
    const issues = state.workspace.issues(path, fixAll ? true : fromRange(range));

    if (quickFixes) {
      for (const issue of issues) {
        const issueRange = toRange(issue.range);
        if (!issueRange.intersection(range) || !issue.fixes.length) continue;
        const diagnostic = ours.get(diagnosticKey(issue.rule, issueRange));
        const preferred = autoFix(issue);
        for (const fix of issue.fixes) {
          const action = new vscode.CodeAction(plainText(fix.title), vscode.CodeActionKind.QuickFix);
          action.edit = toWorkspaceEdit(state.root, fix.changes);
          if (diagnostic) action.diagnostics = [diagnostic];
          action.isPreferred = fix === preferred;
          const created = fix.changes.find((change) => change.kind === "create");
          if (created) action.command = { title: "Open the new file", command: "vscode.open", arguments: [toUri(state.root, created.file)] };
          actions.push(action);
        }
      }
    }

    if (fixAll) {
      const edits = safeEdits(issues);
      if (edits.size) {
        const changes: FileChange[] = [...edits].map(([file, list]) => ({ kind: "edit", file, edits: list }));
        const action = new vscode.CodeAction("Fix all safe Strategy Docs problems", FIX_ALL);
        action.edit = toWorkspaceEdit(state.root, changes);
        actions.push(action);
      }
    }
    if (rewrite) actions.push(rewrite);
    return actions;
  }
}
