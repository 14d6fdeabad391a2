/**
 * KPIs as key results in the editor, in the real VS Code (issue 10), on the
 * fixture under `inspect-it/` (baseline 10, current 12, target 20, read on
 * 1 Nov 2026): the Strategy tree shows the KPI's progress beside it as the core
 * labels it, a hover on the KPI's id where it is referenced says how far it has
 * come and when it was last measured, "Record KPI Reading…" (also a code action on the
 * KPI's lines) appends today's reading to `history` and sets `current` and
 * `measured` with the comments kept, the tree follows, and one undo restores it.
 */
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { keyResultOf, kpiProgressLabel } from "../../../src/core/index";
import type { StrategyDocsApi } from "../../../src/vscode/extension";
import type { RecordedReading } from "../../../src/vscode/record-reading";
import { coreWorkspace, DIR, FILES, flatten, itemIn, removeFixture, textOf, TODAY, writeFixture } from "./inspect-fixture";
import { extensionApi, open, positionOf, waitFor } from "./util";

const KPI = `${DIR}/it-kpi.md`;

/** The KPI's node description as the core labels the KPI in `text`: `20% · it-kpi`. */
function expectedDescription(text: string): string {
  const workspace = coreWorkspace({ ...FILES, [KPI]: text });
  return `${kpiProgressLabel(keyResultOf(workspace, workspace.index.find("it-kpi", ["kpi"])!, TODAY))} · it-kpi`;
}

/** The description of the KPI's node under its pillar in the tree. */
function shownDescription(api: StrategyDocsApi): string | undefined {
  const pillar = api.tree().find((node) => node.id === "it-pillar");
  return pillar && flatten(pillar.children).find((node) => node.id === "it-kpi")?.description;
}

describe("KPIs in the editor (issue 10)", () => {
  let outside: string[] = [];
  before(async () => {
    outside = await writeFixture();
  });
  after(() => removeFixture(outside));

  it("shows the KPI's progress in the tree, as the core labels it", async () => {
    const expected = expectedDescription(FILES[KPI]);
    assert.equal(expected, "20% · it-kpi");
    const api = await extensionApi();
    await waitFor(() => shownDescription(api) === expected, () => `the KPI's node says ${shownDescription(api)}`);
  });

  it("says on hover over a reference to the KPI how far it has come and when it was last measured", async () => {
    const editor = await open(`${DIR}/it-open-b.md`);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", editor.document.uri, positionOf(editor.document, "kpi: it-k"));
    // The markdown as read: the core escapes punctuation (`20\\%`, `\\(now`).
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === "string" ? content : content.value))).join("\n").replace(/\\([!-/:-@[-`{-~])/g, "$1");
    assert.match(text, /20% of the way from 10 to 20 \(now 12, measured 1 Nov 2026\)/, text);
  });

  it("offers Record a reading on the KPI's current line, running the command on that KPI", async () => {
    const editor = await open(KPI);
    const position = positionOf(editor.document, "current: ");
    const answer = (await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>("vscode.executeCodeActionProvider", editor.document.uri, new vscode.Range(position, position))) ?? [];
    const action = answer.find((entry): entry is vscode.CodeAction => "kind" in entry && entry.title === "Record a reading of 'it-kpi'…");
    assert.ok(action, JSON.stringify(answer.map((entry) => entry.title)));
    assert.ok(action.kind && vscode.CodeActionKind.RefactorRewrite.contains(action.kind));
    assert.equal(action.command?.command, "strategyDocs.recordKpiReading");
    assert.deepEqual(action.command?.arguments, [{ kpi: "it-kpi", folder: vscode.workspace.workspaceFolders![0].name }]);
    // Not on the body.
    const body = positionOf(editor.document, "The KPI of");
    const none = (await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>("vscode.executeCodeActionProvider", editor.document.uri, new vscode.Range(body, body))) ?? [];
    assert.ok(!none.some((entry) => entry.title.startsWith("Record a reading")));
  });

  it("records a reading of the active file's KPI: history gets today's value, current and measured change, comments stay, the tree follows", async () => {
    // Run in the KPI's file (the cursor on its first line, before the front matter): the file's only KPI is the one.
    const editor = await open(KPI);
    const recorded = await vscode.commands.executeCommand<RecordedReading>("strategyDocs.recordKpiReading", { value: 15 });
    assert.deepEqual(recorded, { kpi: "it-kpi", value: 15, date: TODAY, file: KPI });
    const text = editor.document.getText();
    const kpi = itemIn(KPI, text, "it-kpi");
    assert.equal(kpi.data.current, 15);
    assert.equal(String(kpi.data.measured).slice(0, 10), TODAY);
    assert.deepEqual((kpi.data.history as Array<{ date: unknown; value: number }>).map((reading) => [String(reading.date).slice(0, 10), reading.value]), [
      ["2026-10-01", 11],
      ["2026-11-01", 12],
      [TODAY, 15],
    ]);
    assert.match(text, /^current: 15 +# read from the dashboard$/m);
    assert.match(text, /- date: 2026-10-01 +# first reading/);
    assert.match(text, /\n---\nThe KPI of the fixture\.\n$/);
    const expected = expectedDescription(text);
    assert.equal(expected, "50% · it-kpi");
    const api = await extensionApi();
    await waitFor(() => shownDescription(api) === expected, () => `the KPI's node says ${shownDescription(api)}`);
  });

  it("undoes the reading in one step", async () => {
    const editor = await open(KPI);
    await vscode.commands.executeCommand("undo");
    await waitFor(() => editor.document.getText() === FILES[KPI], () => `after one undo the KPI reads:\n${editor.document.getText()}`);
    assert.equal(await textOf(KPI), FILES[KPI]);
  });

  it("refuses an unknown KPI and changes nothing", async () => {
    const recorded = await vscode.commands.executeCommand<RecordedReading | undefined>("strategyDocs.recordKpiReading", { kpi: "no-such-kpi", value: 3 });
    assert.equal(recorded, undefined);
    assert.equal(await textOf(KPI), FILES[KPI]);
    await vscode.commands.executeCommand("notifications.clearAll");
  });
});
