/**
 * Sprint states in the editor (issue 9; SPEC §8), on the suites' day 2026-11-30
 * (STRATEGY_DOCS_TODAY): Sprint 14 (16–27 Nov) has ended, Sprint 15 (30 Nov–11 Dec)
 * is current. The tree marks each sprint's state and lists the ended one after the
 * open one; the status bar item shows the current sprint's load and split (not the
 * problem counts VS Code shows itself) and opens the board on it.
 */
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { extensionApi, open, positionOf, restoreAll, waitFor, waitForExampleDiagnostics } from "./util";

describe("sprint states in the editor", () => {
  before(() => waitForExampleDiagnostics());
  after(async () => {
    await restoreAll();
    await waitForExampleDiagnostics();
  });

  it("marks each sprint's state in the tree, the current one first and the ended one after it", async () => {
    const api = await extensionApi();
    const sprints = await waitFor(() => api.tree().find((node) => node.label === "Sprints"), "the tree has no Sprints group");
    const shown = sprints.children.map((node) => `${node.id}: ${node.description} (${node.icon})`);
    assert.equal(sprints.children.length, 4, shown.join("; "));
    assert.deepEqual(sprints.children.map((node) => node.id), ["2026-s15", "2026-s14", "2026-s13", "2026-s12"], shown.join("; "));
    assert.equal(sprints.children[0].description, "current · 33/30 · 2026-s15", shown.join("; "));
    assert.equal(sprints.children[1].description, "ended · 30/40 · 2026-s14", shown.join("; "));
    // Sprint 13 has no problem (the load rules judge open sprints only; split-drift is on Sprint 14), so it shows the "history" icon.
    assert.equal(sprints.children[2].icon, "history", shown.join("; "));
  });

  it("shows the current sprint's load and strategic share in the status bar, with the target split in the tooltip", async () => {
    const api = await extensionApi();
    const status = await waitFor(() => (api.status().visible ? api.status() : undefined), "the status bar item stays hidden");
    assert.equal(status.text, "$(graph) Sprint 15: 33/30 · 79% strategic");
    assert.equal(status.sprint, "2026-s15");
    // 33 of 30 is over capacity, and 79% is off the 60% target by more than the 10-point tolerance.
    assert.equal(status.warning, true);
    assert.match(status.tooltip, /Sprint 15 \(2026-s15\) is the current sprint: 33 of 30 units of capacity planned, 26 strategic and 7 tactical/);
    assert.match(status.tooltip, /Target split: 60% strategic, 40% tactical \(tolerance 10 points\)/);
    assert.match(status.tooltip, /Over capacity by 3/);
    assert.match(status.tooltip, /Problems in the strategy: \d+ errors?, \d+ warnings?, \d+ infos?\./);
    // Not VS Code's own problem counter.
    assert.doesNotMatch(status.text, /\$\((warning|error)\)/);
  });

  it("follows an edit to a sprint's item", async () => {
    const api = await extensionApi();
    const editor = await open("tactics/ai-builder-launch-webinar.md");
    const at = positionOf(editor.document, "estimate: ");
    assert.ok(await editor.edit((builder) => builder.replace(new vscode.Range(at, at.translate(0, 1)), "0")));
    await waitFor(() => /: 30\/30 · \d+% strategic$/.test(api.status().text) && api.status(), () => `the status bar still says ${api.status().text}`);
    assert.doesNotMatch(api.status().tooltip, /Over capacity/);
    await restoreAll();
    await waitFor(() => api.status().text.includes(": 33/30 "), () => `after the revert the status bar says ${api.status().text}`);
  });

  it("says when the last sprint ended once no sprint is current or next, and lists every sprint as ended", async () => {
    const api = await extensionApi();
    const editor = await open("sprints/2026-s15.md");
    const at = positionOf(editor.document, "status: planned", true);
    assert.ok(await editor.edit((builder) => builder.replace(new vscode.Range(at, at.translate(0, "status: planned".length)), "status: done")));
    await waitFor(() => api.status().text === "$(history) Sprint 15 ended 11 Dec", () => `the status bar says ${api.status().text}`);
    assert.equal(api.status().warning, false);
    assert.match(api.status().tooltip, /no sprint is current or next \(New Sprint… makes one\)/);
    const described = () => api.tree().find((node) => node.label === "Sprints")?.children.map((node) => node.description).join("; ");
    // The tree is rebuilt 300 ms after the diagnostics.
    await waitFor(() => described() === "ended · 33/30 · 2026-s15; ended · 30/40 · 2026-s14; ended · 16/40 · 2026-s13; ended · 28/40 · 2026-s12", () => `the tree's sprints: ${described()}`);
    await restoreAll();
    await waitFor(() => api.status().text.startsWith("$(graph) Sprint 15: 33/30"), () => `after the revert the status bar says ${api.status().text}`);
  });

  it("opens the Strategy Board on the current sprint when the item's command runs", async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
    // The command and arguments the item has (the status bar cannot be clicked from here).
    const command = api.status().command;
    assert.ok(command);
    assert.equal(command.command, "strategyDocs.openBoard");
    await vscode.commands.executeCommand(command.command, ...command.arguments);
    const model = await waitFor(() => api.board(), "the board did not open");
    assert.equal(model.sprint, "2026-s15");
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
  });
});
