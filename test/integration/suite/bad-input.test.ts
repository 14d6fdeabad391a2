/**
 * Bad input (issue 3): a huge, a binary and an unreadable markdown file, and a
 * rename to an id another item already has. The extension reports what is
 * wrong (`unreadable-file`, a refused rename, `duplicate-id`), keeps every other
 * diagnostic, stays responsive (typing elsewhere still updates diagnostics, also
 * with the huge file open), and never changes or loses the user's text.
 *
 * Every file lives under `bad-input/` and the folder is deleted afterwards.
 */
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { chmodSync, closeSync, constants, mkdirSync, openSync, readFileSync, rmSync, statSync } from "node:fs";
import * as vscode from "vscode";
import { metrics } from "./metrics";
import {
  describeDiagnostics,
  diagnosticsOf,
  diagnosticsOutside,
  EXAMPLE_DIAGNOSTICS,
  extensionApi,
  fsPath,
  open,
  positionOf,
  measureStall,
  restoreAll,
  uriOf,
  waitForDiagnostic,
  waitForExampleDiagnostics,
  waitForNoDiagnostic,
  workspaceRoot,
  writeOutside,
} from "./util";

const DIR = "bad-input";
const HUGE = `${DIR}/huge.md`;
const BINARY = `${DIR}/logo.md`;
const BINARY_STRATEGY = `${DIR}/binary-tactic.md`;
const LOCKED = `${DIR}/locked.md`;
const PILLAR = `${DIR}/pillar.md`;
const TACTIC = `${DIR}/tactic.md`;
const PIPES = [1, 2, 3, 4, 5].map((n) => `${DIR}/pipe-${n}.md`);
const AFTER_PIPES = `${DIR}/after-pipes.md`;

/** The core's limit (MAX_FILE_BYTES in src/core/workspace.ts): 5 MB. */
const LIMIT = 5 * 1024 * 1024;

/** A tactic that names an unknown pillar: were it read, it would get `unknown-reference`. */
const DANGLING_TACTIC = "---\ntype: tactic\ntitle: Too big to check\npillar: no-such-pillar\nkpi: pql-volume\nimpact: 2\nurgency: 2\neffort: 2\n---\n";

/** A markdown file of about `bytes` bytes: a dangling tactic and a long body. */
function hugeText(bytes: number): string {
  const line = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt.\n";
  return DANGLING_TACTIC + "# Notes\n\n" + line.repeat(Math.ceil(bytes / line.length));
}

/** The diagnostics of the example files (ours filtered out), as `path rule` lines. */
const exampleLines = () => diagnosticsOutside(DIR);

/** Every text document of ours that is open, with its text, to prove nothing changed. */
function openTexts(): Map<string, string> {
  return new Map(vscode.workspace.textDocuments.filter((d) => d.uri.scheme === "file").map((d) => [d.uri.toString(), d.getText()]));
}

/** Whether a process has a named pipe open for reading (is waiting on it). */
function hasReader(pipe: string): boolean {
  try {
    closeSync(openSync(fsPath(pipe), constants.O_WRONLY | constants.O_NONBLOCK));
    return true;
  } catch {
    return false; // ENXIO: no reader
  }
}

/** Opens each named pipe for writing and closes it: a reader blocked on one gets an end of file. */
function unblockPipes(): void {
  for (const pipe of PIPES) {
    try {
      closeSync(openSync(fsPath(pipe), constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      /* gone, or nobody reads it */
    }
  }
}

describe("bad input", () => {
  before(async function () {
    if (workspaceRoot().scheme !== "file") this.skip();
    await waitForExampleDiagnostics();
  });
  after(async () => {
    try {
      chmodSync(fsPath(LOCKED), 0o644);
    } catch {
      /* not there */
    }
    unblockPipes();
    await restoreAll();
    rmSync(fsPath(DIR), { recursive: true, force: true });
    await waitForExampleDiagnostics();
  });

  it("reports a markdown file over 5 MB as unreadable-file and keeps every other diagnostic", async () => {
    writeOutside(HUGE, hugeText(LIMIT + 1024 * 1024));
    assert.ok(statSync(fsPath(HUGE)).size > LIMIT);
    const diagnostic = await waitForDiagnostic(HUGE, "unreadable-file");
    assert.match(diagnostic.message, /^The file is 6\.0 MB, over the 5 MB limit: this file was not checked$/);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    // It was not read: no finding about its content (its pillar dangles).
    assert.deepEqual(diagnosticsOf(HUGE).map((d) => d.code && (typeof d.code === "object" ? d.code.value : d.code)), ["unreadable-file"]);
    assert.deepEqual(exampleLines(), EXAMPLE_DIAGNOSTICS);
  });

  it("checks the file again once it is back under the limit", async () => {
    writeOutside(HUGE, DANGLING_TACTIC);
    await waitForNoDiagnostic(HUGE, "unreadable-file");
    await waitForDiagnostic(HUGE, "unknown-reference");
    writeOutside(HUGE, hugeText(LIMIT + 1024 * 1024));
    await waitForDiagnostic(HUGE, "unreadable-file");
    assert.deepEqual(diagnosticsOf(HUGE, "unknown-reference"), []);
  });

  it("reports a binary file named .md as unreadable-file, and nothing else breaks", async () => {
    // A PNG's first bytes, and a strategy front matter followed by NUL bytes.
    writeOutside(BINARY, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]));
    writeOutside(BINARY_STRATEGY, Buffer.concat([Buffer.from(DANGLING_TACTIC), Buffer.from([0, 0, 0xff, 0xfe, 0])]));
    for (const file of [BINARY, BINARY_STRATEGY]) {
      const diagnostic = await waitForDiagnostic(file, "unreadable-file");
      assert.match(diagnostic.message, /^The file is binary: this file was not checked$/);
      assert.equal(diagnosticsOf(file).length, 1, describeDiagnostics(file));
    }
    assert.deepEqual(exampleLines(), EXAMPLE_DIAGNOSTICS);
    // The extension still answers: its tree, and a hover in an example file.
    assert.ok((await extensionApi()).tree().length > 0);
    const editor = await open("tactics/capterra-ppc-test.md");
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", editor.document.uri, positionOf(editor.document, "pillar: automa"));
    assert.ok(hovers.length > 0, "no hover");
  });

  it("reports a file it may not read as unreadable-file", async function () {
    writeOutside(LOCKED, DANGLING_TACTIC);
    chmodSync(fsPath(LOCKED), 0o000);
    let readable = false;
    try {
      readFileSync(fsPath(LOCKED));
      readable = true;
    } catch {
      /* unreadable for this user, as wanted */
    }
    if (readable) {
      // The tests run as root (or with CAP_DAC_OVERRIDE): the file is readable anyway.
      rmSync(fsPath(LOCKED));
      await waitForNoDiagnostic(LOCKED);
      this.skip();
    }
    const diagnostic = await waitForDiagnostic(LOCKED, "unreadable-file");
    assert.match(diagnostic.message, /^The file cannot be read \(.+\): this file was not checked$/);
    assert.deepEqual(exampleLines(), EXAMPLE_DIAGNOSTICS);
    // Readable again, it is checked.
    chmodSync(fsPath(LOCKED), 0o644);
    writeOutside(LOCKED, DANGLING_TACTIC);
    await waitForDiagnostic(LOCKED, "unknown-reference");
    await waitForNoDiagnostic(LOCKED, "unreadable-file");
    rmSync(fsPath(LOCKED));
    await waitForNoDiagnostic(LOCKED);
  });

  it("does not read named pipes called .md (a read would wait for a writer forever)", async function () {
    mkdirSync(fsPath(DIR), { recursive: true });
    try {
      for (const pipe of PIPES) execFileSync("mkfifo", [fsPath(pipe)]);
    } catch {
      this.skip();
    }
    try {
      // More pipes than the extension host has threads for file reads (libuv's pool: 4): had they
      // been read, every later read would wait too, and this file would never be reported.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      writeOutside(AFTER_PIPES, DANGLING_TACTIC);
      await waitForDiagnostic(AFTER_PIPES, "unknown-reference");
      for (const pipe of PIPES) assert.deepEqual(diagnosticsOf(pipe), []);
      // Nobody waits on them: opening one for writing without blocking fails when no reader has it open.
      assert.deepEqual(PIPES.filter(hasReader), []);
      // Nor does reading the whole workspace again (its file search passes them over).
      const checked = vscode.commands.executeCommand("strategyDocs.checkWorkspace");
      const timeout = new Promise((resolve) => setTimeout(() => resolve("timed out"), 10_000));
      assert.notEqual(await Promise.race([checked, timeout]), "timed out", "Check Workspace did not finish within 10 s");
      assert.deepEqual(PIPES.filter(hasReader), []);
    } finally {
      // Whatever happened, no reader stays blocked (the other tests share this extension host).
      unblockPipes();
      for (const pipe of PIPES) rmSync(fsPath(pipe), { force: true });
    }
    rmSync(fsPath(AFTER_PIPES));
    await waitForNoDiagnostic(AFTER_PIPES);
  });

  describe("rename to an id that is taken", () => {
    const pillarText = "---\ntype: pillar\nid: bad-input-pillar\ntitle: Bad input pillar\nkpis: [pql-volume]\n---\n";
    const tacticText = "---\ntype: tactic\ntitle: Serves the bad input pillar\npillar: bad-input-pillar\nkpi: pql-volume\nimpact: 2\nurgency: 2\neffort: 2\n---\n";

    before(async () => {
      // The tactic's pillar dangles until the pillar's file is read.
      writeOutside(TACTIC, tacticText);
      await waitForDiagnostic(TACTIC, "unknown-reference");
      writeOutside(PILLAR, pillarText);
      await waitForNoDiagnostic(TACTIC);
      await open(TACTIC);
    });
    after(() => restoreAll());

    for (const [newId, taken] of [
      ["automation", /^The id 'automation' is taken by the pillar in pillars\/automation\.md$/m],
      ["Retention", /^The id 'Retention' is taken by the pillar in pillars\/retention\.md$/m],
      ["trial-conversion", /^The id 'trial-conversion' is taken by the kpi in kpis\/trial-conversion\.md$/m],
    ] as const) {
      it(`refuses to rename a pillar to ${newId}, and changes no text`, async () => {
        const editor = await open(PILLAR);
        const before = openTexts();
        const position = positionOf(editor.document, "id: bad-input");
        // VS Code joins the reasons of every rename provider (the markdown extension's says "No result.").
        const refused = (error: Error) => {
          assert.match(error.message, taken);
          return true;
        };
        await assert.rejects(async () => vscode.commands.executeCommand("vscode.executeDocumentRenameProvider", editor.document.uri, position, newId), refused);
        // The same from the reference in the tactic.
        const tactic = await vscode.workspace.openTextDocument(uriOf(TACTIC));
        await assert.rejects(async () => vscode.commands.executeCommand("vscode.executeDocumentRenameProvider", tactic.uri, positionOf(tactic, "pillar: bad-input"), newId), refused);
        assert.deepEqual(openTexts(), before);
        assert.deepEqual(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString()), []);
        assert.equal(readFileSync(fsPath(PILLAR), "utf8"), pillarText);
        assert.equal(readFileSync(fsPath(TACTIC), "utf8"), tacticText);
        assert.deepEqual(diagnosticsOf(PILLAR), []);
        assert.deepEqual(diagnosticsOf(TACTIC), []);
      });
    }

    it("renames it to a free id (the refusals above were about the id, not the position)", async () => {
      const editor = await open(PILLAR);
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>("vscode.executeDocumentRenameProvider", editor.document.uri, positionOf(editor.document, "id: bad-input"), "bad-input-pillar-2");
      assert.deepEqual(edit.entries().map(([uri]) => uri.toString()).sort(), [uriOf(PILLAR).toString(), uriOf(TACTIC).toString()].sort());
    });

    it("reports duplicate-id on both items when the id is typed in by hand, and keeps the typed text", async () => {
      const editor = await open(PILLAR);
      const range = new vscode.Range(positionOf(editor.document, "id: ", true).translate(0, 4), positionOf(editor.document, "id: bad-input-pillar"));
      assert.ok(await editor.edit((builder) => builder.replace(range, "automation")));
      const diagnostic = await waitForDiagnostic(PILLAR, "duplicate-id");
      assert.match(diagnostic.message, /automation/);
      await waitForDiagnostic("pillars/automation.md", "duplicate-id");
      // The tactic's pillar now dangles; nothing rewrote the typed text.
      await waitForDiagnostic(TACTIC, "unknown-reference");
      assert.match(editor.document.getText(), /^id: automation$/m);
      assert.equal(readFileSync(fsPath(PILLAR), "utf8"), pillarText);
      await restoreAll();
      await waitForNoDiagnostic("pillars/automation.md", "duplicate-id");
      await waitForNoDiagnostic(TACTIC);
    });
  });

  describe("with a huge file open", () => {
    const TYPED_IN = "tactics/capterra-ppc-test.md";
    after(() => restoreAll());

    /** Types an unknown pillar into an example tactic and back; returns how long until its diagnostic came (and went). */
    async function editToDiagnostic(): Promise<{ ms: number; maxStallMs: number }> {
      const editor = await open(TYPED_IN);
      const from = positionOf(editor.document, "pillar: ");
      const started = performance.now();
      const { maxStallMs } = await measureStall(async () => {
        assert.ok(await editor.edit((builder) => builder.insert(from, "zz-")));
        const diagnostic = await waitForDiagnostic(TYPED_IN, "unknown-reference");
        assert.match(diagnostic.message, /zz-automation/);
      });
      const ms = Math.round(performance.now() - started);
      // Put back by hand, it is clean again.
      assert.ok(await editor.edit((builder) => builder.delete(new vscode.Range(from, from.translate(0, 3)))));
      await waitForNoDiagnostic(TYPED_IN, "unknown-reference");
      return { ms, maxStallMs };
    }

    it("keeps the huge file unreadable-file while it is open and edited, and never changes its text", async () => {
      writeOutside(HUGE, hugeText(LIMIT + 1024 * 1024));
      const size = statSync(fsPath(HUGE)).size;
      await waitForDiagnostic(HUGE, "unreadable-file");
      // For comparison: an edit's diagnostics before the huge file is open.
      metrics.badInputEditToDiagnosticBeforeMs = (await editToDiagnostic()).ms;
      const { result: editor, maxStallMs } = await measureStall(async () => {
        const opened = await open(HUGE);
        // Give the host time to take in the open document.
        await new Promise((resolve) => setTimeout(resolve, 1000));
        return opened;
      });
      metrics.badInputOpenHugeStallMs = maxStallMs;
      assert.equal(editor.document.getText().length, size);
      assert.match(diagnosticsOf(HUGE, "unreadable-file")[0]?.message ?? describeDiagnostics(HUGE), /over the 5 MB limit/);
      assert.deepEqual(diagnosticsOf(HUGE, "unknown-reference"), []);
      // Typing into it: the text is the user's, the diagnostic stays.
      assert.ok(await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), "<!-- typed -->\n")));
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.ok(editor.document.getText().startsWith("<!-- typed -->\n---\ntype: tactic\n"));
      assert.equal(diagnosticsOf(HUGE).length, 1, describeDiagnostics(HUGE));
      assert.equal(diagnosticsOf(HUGE, "unreadable-file").length, 1, describeDiagnostics(HUGE));
      assert.equal(statSync(fsPath(HUGE)).size, size, "the file on disk changed");
    });

    it("updates another document's diagnostics when it is edited", async () => {
      const huge = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uriOf(HUGE).toString());
      assert.ok(huge && !huge.isClosed && huge.isDirty, "the huge file is not open with its edit");
      const { ms, maxStallMs } = await editToDiagnostic();
      metrics.badInputEditToDiagnosticMs = ms;
      metrics.badInputEditStallMs = maxStallMs;
      assert.equal(diagnosticsOf(HUGE, "unreadable-file").length, 1, describeDiagnostics(HUGE));
      assert.deepEqual(exampleLines(), EXAMPLE_DIAGNOSTICS);
    });
  });
});
