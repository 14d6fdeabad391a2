/**
 * Fix-all (`source.fixAll`): a misspelt kind and a misspelt reference with one
 * close match are fixed in place, YAML comments survive, and `undo` restores
 * the text (acceptance 3).
 */
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { open, restoreAll, waitFor, waitForDiagnostic, waitForExampleDiagnostics, waitForNoDiagnostic, writeFile } from "./util";

const KIND_FILE = "tactics/fix-all-kind.md";
const KIND_TEXT = [
  "---",
  "# Probe of the fix-all test: this comment must survive.",
  "type: tactc  # misspelt on purpose",
  "title: Fix-all probe (kind)",
  "pillar: automation",
  "kpi: trial-conversion",
  "impact: 3",
  "urgency: 3",
  "effort: 3",
  "---",
  "Body text.",
  "",
].join("\n");

const REFERENCE_FILE = "tactics/fix-all-reference.md";
const REFERENCE_TEXT = [
  "---",
  "type: tactic",
  "title: Fix-all probe (reference)",
  "pillar: automaton   # one letter short",
  "kpi: pql-volume",
  "impact: 3",
  "urgency: 3",
  "effort: 3",
  "---",
  "",
].join("\n");

/** Our fix-all action for a document, from the code action providers of kind `source.fixAll`. */
async function fixAllAction(uri: vscode.Uri, document: vscode.TextDocument): Promise<vscode.CodeAction> {
  const whole = new vscode.Range(new vscode.Position(0, 0), document.lineAt(document.lineCount - 1).range.end);
  const actions = (await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>("vscode.executeCodeActionProvider", uri, whole, vscode.CodeActionKind.SourceFixAll.value)) ?? [];
  const ours = actions.filter((action): action is vscode.CodeAction => "kind" in action && !!action.kind && action.kind.value === "source.fixAll.strategy-docs");
  assert.equal(ours.length, 1, `fix-all actions: ${JSON.stringify(actions.map((action) => action.title))}`);
  return ours[0];
}

describe("fix-all", () => {
  after(async () => {
    await restoreAll([KIND_FILE, REFERENCE_FILE]);
    await waitForExampleDiagnostics();
  });

  it("fixes a misspelt kind through source.fixAll, keeps the comments, and undo restores the text", async () => {
    await writeFile(KIND_FILE, KIND_TEXT);
    const diagnostic = await waitForDiagnostic(KIND_FILE, "schema");
    assert.match(diagnostic.message, /tactic/);
    const editor = await open(KIND_FILE);
    const action = await fixAllAction(editor.document.uri, editor.document);
    assert.ok(action.edit);
    assert.ok(await vscode.workspace.applyEdit(action.edit));
    const fixed = editor.document.getText();
    assert.equal(fixed, KIND_TEXT.replace("type: tactc  #", "type: tactic  #"));
    await waitForNoDiagnostic(KIND_FILE);

    await vscode.window.showTextDocument(editor.document, { preview: false });
    await vscode.commands.executeCommand("undo");
    await waitFor(() => editor.document.getText() === KIND_TEXT, () => `undo did not restore the text: ${JSON.stringify(editor.document.getText())}`);
    await waitForDiagnostic(KIND_FILE, "schema");
    assert.equal(editor.document.isDirty, false);
  });

  it("fixes a misspelt reference with one close match through editor.action.fixAll", async () => {
    await writeFile(REFERENCE_FILE, REFERENCE_TEXT);
    const diagnostic = await waitForDiagnostic(REFERENCE_FILE, "unknown-reference");
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    const editor = await open(REFERENCE_FILE);
    await vscode.commands.executeCommand("editor.action.fixAll");
    await waitFor(() => editor.document.getText() === REFERENCE_TEXT.replace("automaton", "automation"), () => `not fixed: ${JSON.stringify(editor.document.getText())}`);
    await waitForNoDiagnostic(REFERENCE_FILE);
    await vscode.commands.executeCommand("undo");
    await waitFor(() => editor.document.getText() === REFERENCE_TEXT, () => `undo did not restore the text: ${JSON.stringify(editor.document.getText())}`);
    await waitForDiagnostic(REFERENCE_FILE, "unknown-reference");
  });
});
