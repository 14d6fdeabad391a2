/**
 * The language features through VS Code's own commands: completion of pillar
 * ids, hover, go to definition across files, and rename of a KPI id across
 * files (acceptance 4, 5 and 9).
 */
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { allDiagnostics, EXAMPLE_DIAGNOSTICS, open, pathOf, positionOf, restoreAll, stableDiagnostics, uriOf, waitForDiagnostic, waitForExampleDiagnostics, writeFile } from "./util";

const PILLARS = ["automation", "customer-expansion", "partner-ecosystem", "retention"];
const KPIS = ["expansion-mrr", "logo-churn", "partner-sourced-pipeline", "pql-volume", "seats-per-account", "trial-conversion", "workflow-activation"];
const COMPLETION_FILE = "tactics/completion-probe.md";

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === "string" ? item.label : item.label.label);

/** The target URIs of a definition answer (Locations or LocationLinks). */
function targets(answer: Array<vscode.Location | vscode.LocationLink> | undefined): string[] {
  return (answer ?? []).map((entry) => pathOf("targetUri" in entry ? entry.targetUri : entry.uri));
}

describe("language features", () => {
  after(async () => {
    await restoreAll([COMPLETION_FILE]);
    await waitForExampleDiagnostics();
  });

  it("completes pillar ids after `pillar: ` and offers no KPI id there", async () => {
    await writeFile(COMPLETION_FILE, "---\ntype: tactic\ntitle: Completion probe\npillar: \n---\n");
    await waitForDiagnostic(COMPLETION_FILE, "tactic-missing-pillar");
    const editor = await open(COMPLETION_FILE);
    const position = positionOf(editor.document, "pillar: ");
    const list = await vscode.commands.executeCommand<vscode.CompletionList>("vscode.executeCompletionItemProvider", editor.document.uri, position);
    // Word-based suggestions (kind Text) come from the editor, not from us.
    const labels = list.items.filter((item) => item.kind !== vscode.CompletionItemKind.Text).map(labelOf);
    for (const pillar of PILLARS) assert.ok(labels.includes(pillar), `no ${pillar} in ${JSON.stringify(labels)}`);
    for (const kpi of KPIS) assert.ok(!labels.includes(kpi), `KPI ${kpi} offered after pillar: ${JSON.stringify(labels)}`);
  });

  it("shows a pillar's title on hover over its id", async () => {
    const editor = await open("tactics/capterra-ppc-test.md");
    const position = positionOf(editor.document, "pillar: automa");
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", editor.document.uri, position);
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === "string" ? content : content.value))).join("\n");
    // Markdown escapes the hyphen.
    assert.match(text, /Automated self\\?-serve acquisition/);
  });

  it("goes to the definition of a pillar id in another file", async () => {
    const editor = await open("tactics/capterra-ppc-test.md");
    const position = positionOf(editor.document, "pillar: automa");
    const answer = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>("vscode.executeDefinitionProvider", editor.document.uri, position);
    assert.deepEqual(targets(answer), ["pillars/automation.md"]);
  });

  it("renames a KPI id in every file that names it, with no unknown reference left", async () => {
    const from = "tactics/g2-review-drive.md";
    const editor = await open(from);
    const position = positionOf(editor.document, "kpi: trial-con");
    const references = await vscode.commands.executeCommand<vscode.Location[]>("vscode.executeReferenceProvider", editor.document.uri, position);
    const files = [...new Set(references.map((location) => pathOf(location.uri)))].sort();
    assert.ok(files.length >= 7, `references in ${JSON.stringify(files)}`);

    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>("vscode.executeDocumentRenameProvider", editor.document.uri, position, "trial-to-paid");
    assert.ok(edit, "no rename edit");
    const edited = edit.entries().map(([uri]) => pathOf(uri)).sort();
    assert.deepEqual(edited, [...new Set([...files, "kpis/trial-conversion.md"])].sort());
    assert.ok(await vscode.workspace.applyEdit(edit), "the rename edit was not applied");

    for (const file of edited) {
      const document = await vscode.workspace.openTextDocument(uriOf(file));
      assert.ok(!/trial-conversion/.test(document.getText().split(/^---$/m)[1] ?? ""), `${file} still names trial-conversion: ${document.getText()}`);
      assert.match(document.getText(), /trial-to-paid/, file);
    }
    // The KPI's id came from its file name: it now says `id:`.
    assert.match((await vscode.workspace.openTextDocument(uriOf("kpis/trial-conversion.md"))).getText(), /^id: trial-to-paid$/m);
    // The new id resolves (the host has every renamed text), and nothing dangles.
    const definition = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>("vscode.executeDefinitionProvider", editor.document.uri, positionOf(editor.document, "kpi: trial-to"));
    assert.deepEqual(targets(definition), ["kpis/trial-conversion.md"]);
    // Answering it applied every pending edit, so the diagnostics are up to date: the same as before
    // (but for the completion test's file), also once the debounced updates (150 ms) have run.
    const examples = () => stableDiagnostics().filter((line) => !line.startsWith(`${COMPLETION_FILE} `));
    assert.deepEqual(allDiagnostics().filter((line) => line.endsWith(" unknown-reference")), []);
    assert.deepEqual(examples(), EXAMPLE_DIAGNOSTICS);
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.deepEqual(examples(), EXAMPLE_DIAGNOSTICS);
  });
});
