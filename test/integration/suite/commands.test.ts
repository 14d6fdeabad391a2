/**
 * The commands: "Strategy Docs: Check Workspace" reads the folder again and
 * returns the same counts as the CLI on examples/ (acceptance 9).
 */
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import manifest from "../../../package.json";
import { allDiagnostics, deleteFile, diagnosticsOf, open, restoreAll, waitForDiagnostic, waitForExampleDiagnostics, uriOf, waitForNoDiagnostic, writeFile } from "./util";

const DELETED = "tactics/deleted-while-open.md";

interface Counts {
  files: number;
  items: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** What `strategy-docs check examples` counts: its infos are the five of EXAMPLE_DIAGNOSTICS and the `stale-strategy` findings of today. */
function exampleCounts(): Counts {
  const stale = allDiagnostics().filter((line) => line.endsWith(" stale-strategy")).length;
  return { files: 48, items: 62, errors: 0, warnings: 10, infos: 5 + stale };
}

describe("commands", () => {
  before(() => waitForExampleDiagnostics());
  after(async () => {
    await restoreAll([DELETED]);
    await vscode.commands.executeCommand("notifications.clearAll");
    await waitForExampleDiagnostics();
  });

  it("registers every command of the manifest", async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const commands = manifest.contributes.commands.map((entry) => entry.command);
    assert.ok(commands.length >= 9, commands.join(", "));
    for (const command of commands) assert.ok(registered.has(command), command);
  });

  it("Check Workspace reads the workspace again and counts what the CLI counts", async () => {
    const result = await vscode.commands.executeCommand<Counts>("strategyDocs.checkWorkspace");
    assert.deepEqual(result, exampleCounts());
    await waitForExampleDiagnostics();
  });

  it("Check Workspace leaves out a file deleted while its editor is open", async () => {
    await writeFile(DELETED, "---\ntype: tactic\ntitle: Deleted while open\npillar: nowhere\n---\n");
    await open(DELETED);
    await waitForDiagnostic(DELETED, "unknown-reference");
    await deleteFile(DELETED);
    await waitForNoDiagnostic(DELETED);
    // Asking about the orphaned document (the editor still shows it) does not read it again.
    await vscode.commands.executeCommand("vscode.executeDocumentSymbolProvider", uriOf(DELETED));
    await vscode.commands.executeCommand("vscode.executeHoverProvider", uriOf(DELETED), new vscode.Position(3, 10));
    assert.deepEqual(diagnosticsOf(DELETED), []);
    const result = await vscode.commands.executeCommand<Counts>("strategyDocs.checkWorkspace");
    assert.deepEqual(result, exampleCounts());
    assert.deepEqual(diagnosticsOf(DELETED), []);
  });

  it("New Tactic… with the guided answers given (as a script or keybinding does) writes a tactic born aligned and scored: no diagnostic", async () => {
    const partialFile = "tactics/guided-control-tactic.md";
    const madeFile = "tactics/guided-webinar-series.md";
    try {
      const before = await vscode.commands.executeCommand<Counts>("strategyDocs.checkWorkspace");
      // The control: answers left out are missing fields, and the extension says so on the new file.
      const partial = await vscode.commands.executeCommand<string>("strategyDocs.newTactic", { title: "Guided control tactic", pillar: "automation" });
      assert.equal(partial, partialFile);
      await waitForDiagnostic(partial, "tactic-missing-kpi");
      const made = await vscode.commands.executeCommand<string>("strategyDocs.newTactic", { title: "Guided webinar series", pillar: "automation", kpi: "trial-conversion", impact: 4, urgency: 3, effort: 2 });
      assert.equal(made, madeFile);
      const text = (await vscode.workspace.openTextDocument(uriOf(made))).getText();
      const frontMatter = text.split("---\n")[1];
      assert.equal(frontMatter, "type: tactic\ntitle: Guided webinar series\nstatus: idea\npillar: automation\nkpi: trial-conversion\nimpact: 4\nurgency: 3\neffort: 2\n");
      const after = await vscode.commands.executeCommand<Counts>("strategyDocs.checkWorkspace");
      assert.equal(after.items, before.items + 2);
      assert.deepEqual(diagnosticsOf(made), []);
    } finally {
      await vscode.commands.executeCommand("workbench.action.closeAllEditors");
      for (const file of [partialFile, madeFile]) await deleteFile(file);
      await waitForExampleDiagnostics();
    }
  });

  it("Show Output runs", async () => {
    await vscode.commands.executeCommand("strategyDocs.showOutput");
  });
});
