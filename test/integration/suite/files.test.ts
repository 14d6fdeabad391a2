/**
 * Files created, changed and deleted outside the editor (node's fs, seen only
 * through the file watcher), and a broken front matter that does not stop the
 * other diagnostics (acceptance 7 and 8).
 */
import * as assert from "node:assert/strict";
import { mkdirSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import * as vscode from "vscode";
import { diagnosticsOf, stableDiagnostics, EXAMPLE_DIAGNOSTICS, restoreAll, waitFor, waitForDiagnostic, waitForExampleDiagnostics, waitForNoDiagnostic, workspaceRoot } from "./util";

/** Writes a workspace file with node's fs, behind VS Code's back. */
function writeOutside(relativePath: string, text: string): void {
  const file = join(workspaceRoot().fsPath, ...relativePath.split("/"));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function deleteOutside(relativePath: string): void {
  rmSync(join(workspaceRoot().fsPath, ...relativePath.split("/")), { force: true, recursive: true });
}

/** A tactic with every field its rules want, so that the only diagnostic is about its pillar. */
const tactic = (title: string, pillar: string) => `---\ntype: tactic\ntitle: ${title}\npillar: ${pillar}\nkpi: pql-volume\nimpact: 2\nurgency: 2\neffort: 2\n---\n`;

const DANGLING = "tactics/outside-dangling.md";
const WAITING = "tactics/outside-waiting.md";
const NEW_PILLAR = "pillars/outside-pillar.md";
const BROKEN = "tactics/broken-front-matter.md";
const NESTED = "outside-folder/nested/tactic.md";

describe("files changed outside the editor", () => {
  before(function () {
    if (workspaceRoot().scheme !== "file") this.skip();
  });
  after(async () => {
    for (const file of [DANGLING, WAITING, NEW_PILLAR, BROKEN, "outside-folder"]) deleteOutside(file);
    await restoreAll();
    await waitForExampleDiagnostics();
  });

  it("reports an unknown pillar in a tactic file created outside the editor", async () => {
    writeOutside(DANGLING, tactic("Created outside", "no-such-pillar"));
    const diagnostic = await waitForDiagnostic(DANGLING, "unknown-reference");
    assert.match(diagnostic.message, /no-such-pillar/);
    assert.equal(diagnostic.range.start.line, 3);
  });

  it("follows a change made outside the editor", async () => {
    writeOutside(DANGLING, tactic("Created outside", "automation"));
    await waitForNoDiagnostic(DANGLING);
    writeOutside(DANGLING, tactic("Created outside", "no-such-pillar"));
    await waitForDiagnostic(DANGLING, "unknown-reference");
  });

  it("drops the diagnostics of a file deleted outside the editor", async () => {
    await waitForDiagnostic(DANGLING, "unknown-reference");
    unlinkSync(join(workspaceRoot().fsPath, ...DANGLING.split("/")));
    await waitForNoDiagnostic(DANGLING);
  });

  it("resolves a dangling reference once a pillar file with that id is created outside", async () => {
    writeOutside(WAITING, tactic("Waiting for its pillar", "outside-pillar"));
    await waitForDiagnostic(WAITING, "unknown-reference");
    writeOutside(NEW_PILLAR, "---\ntype: pillar\ntitle: Created outside\nkpis: [pql-volume]\n---\n");
    await waitForNoDiagnostic(WAITING, "unknown-reference");
    assert.deepEqual(diagnosticsOf(WAITING), []);
    // Deleting the pillar makes the reference dangle again.
    deleteOutside(NEW_PILLAR);
    await waitForDiagnostic(WAITING, "unknown-reference");
    deleteOutside(WAITING);
    await waitForNoDiagnostic(WAITING);
  });

  it("reads a folder created outside and forgets it when deleted", async () => {
    writeOutside(NESTED, tactic("Nested outside", "nested-missing"));
    await waitForDiagnostic(NESTED, "unknown-reference");
    deleteOutside("outside-folder");
    await waitForNoDiagnostic(NESTED);
  });

  it("reports yaml-syntax for a broken front matter and keeps every other diagnostic", async () => {
    writeOutside(BROKEN, "---\ntype: tactic\ntitle: Broken\nkpis: [a\n---\nBody.\n");
    const diagnostic = await waitForDiagnostic(BROKEN, "yaml-syntax");
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    const others = stableDiagnostics().filter((line) => !line.startsWith(`${BROKEN} `));
    assert.deepEqual(others, EXAMPLE_DIAGNOSTICS);
    // Fixed outside, it is an ordinary tactic again.
    writeOutside(BROKEN, "---\ntype: tactic\ntitle: Broken\npillar: automation\nkpis: [pql-volume]\nimpact: 2\nurgency: 2\neffort: 2\n---\nBody.\n");
    await waitForNoDiagnostic(BROKEN);
    deleteOutside(BROKEN);
  });
});
