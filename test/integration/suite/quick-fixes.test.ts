/**
 * Diagnostics of a tactic without pillar or KPI, the quick fixes that offer
 * each choice, and the diagnostic going once a fix is applied (acceptance 1 and 2).
 */
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { open, restoreAll, waitFor, waitForDiagnostic, waitForExampleDiagnostics, waitForNoDiagnostic } from "./util";

const NO_PILLAR = "tactics/competitor-comparison-ads.md";
const NO_KPI = "tactics/customer-roundtable-dinners.md";

/**
 * The quick fixes at a diagnostic whose title starts with `prefix` (the markdown
 * extension adds refactorings of its own; `vscode.executeCodeActionProvider`
 * does not return an action's diagnostics, so the title tells ours).
 */
async function quickFixes(uri: vscode.Uri, diagnostic: vscode.Diagnostic, prefix: string): Promise<vscode.CodeAction[]> {
  const actions = (await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>("vscode.executeCodeActionProvider", uri, diagnostic.range)) ?? [];
  return actions.filter(
    (action): action is vscode.CodeAction => "kind" in action && !!action.kind && vscode.CodeActionKind.QuickFix.contains(action.kind) && action.title.startsWith(prefix),
  );
}

describe("quick fixes", () => {
  after(async () => {
    await restoreAll();
    await waitForExampleDiagnostics();
  });

  it("reports tactic-missing-pillar and tactic-missing-kpi as warnings on the tactic's type", async () => {
    const pillar = await waitForDiagnostic(NO_PILLAR, "tactic-missing-pillar");
    assert.equal(pillar.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(pillar.message, /serves no pillar/);
    assert.deepEqual([pillar.range.start.line, pillar.range.start.character], [1, 6]);
    const kpi = await waitForDiagnostic(NO_KPI, "tactic-missing-kpi");
    assert.equal(kpi.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(kpi.message, /has no KPI/);
  });

  it("offers each pillar as a choice for a tactic without pillar, the pillar of its KPI first", async () => {
    const editor = await open(NO_PILLAR);
    const diagnostic = await waitForDiagnostic(NO_PILLAR, "tactic-missing-pillar");
    const titles = (await quickFixes(editor.document.uri, diagnostic, "Add 'pillar: ")).map((action) => action.title);
    assert.equal(titles.length, 4, JSON.stringify(titles));
    assert.match(titles[0], /^Add 'pillar: automation'/, JSON.stringify(titles));
    for (const pillar of ["automation", "customer-expansion", "partner-ecosystem", "retention"]) {
      assert.ok(titles.some((title) => title.startsWith(`Add 'pillar: ${pillar}'`)), `no choice for ${pillar}: ${JSON.stringify(titles)}`);
    }
  });

  it("clears tactic-missing-pillar once a pillar is inserted by its quick fix", async () => {
    const editor = await open(NO_PILLAR);
    const diagnostic = await waitForDiagnostic(NO_PILLAR, "tactic-missing-pillar");
    const [first] = await quickFixes(editor.document.uri, diagnostic, "Add 'pillar: ");
    assert.ok(first?.edit, "the first quick fix has no edit");
    assert.ok(await vscode.workspace.applyEdit(first.edit), "the edit was not applied");
    assert.match(editor.document.getText(), /^pillar: automation$/m);
    await waitForNoDiagnostic(NO_PILLAR, "tactic-missing-pillar");
  });

  it("offers the pillar's KPIs for a tactic without KPI and clears tactic-missing-kpi once one is inserted", async () => {
    const editor = await open(NO_KPI);
    const diagnostic = await waitForDiagnostic(NO_KPI, "tactic-missing-kpi");
    const actions = await quickFixes(editor.document.uri, diagnostic, "Add 'kpi: ");
    const titles = actions.map((action) => action.title);
    assert.ok(actions.length >= 2, JSON.stringify(titles));
    // The pillar's KPIs (customer-expansion: expansion-mrr, seats-per-account) come first.
    assert.deepEqual(titles.slice(0, 2).map((title) => title.match(/^Add 'kpi: ([^']+)'/)?.[1]).sort(), ["expansion-mrr", "seats-per-account"], JSON.stringify(titles));
    assert.ok(actions[0].edit, "the first quick fix has no edit");
    assert.ok(await vscode.workspace.applyEdit(actions[0].edit));
    await waitForNoDiagnostic(NO_KPI, "tactic-missing-kpi");
    assert.match(editor.document.getText(), /^kpi: (expansion-mrr|seats-per-account)$/m);
  });

  it("reports the warning again when the fix is reverted", async () => {
    await restoreAll();
    await waitForDiagnostic(NO_PILLAR, "tactic-missing-pillar");
    await waitForDiagnostic(NO_KPI, "tactic-missing-kpi");
    await waitFor(() => vscode.workspace.textDocuments.every((document) => !document.isDirty), "a document is still dirty");
  });
});
