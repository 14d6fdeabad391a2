/**
 * Collaborative scoring in the editor, in the real VS Code (issue 11 "Editor"),
 * on a fixture of its own under `score-it/`: "Score Item…" writes
 * `scores: { <scorer>: {…} }` into an initiative with the comments kept, a
 * second run replaces the person's values, each run is one undo; in an
 * `items:` file it adds or replaces one person's entry and leaves the others;
 * the scorer comes from `strategyDocs.scorer` (or git's user.name) and the item from the cursor;
 * the picks start on the person's previous values; the code action runs it on
 * a `scores:` line; hover shows the team's table; the scoring settings reach
 * the hover and `score-disagreement`; completion after `due: ` offers today and
 * the sprint's start and end.
 */
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as vscode from "vscode";
import type { ScoredItem } from "../../../src/vscode/score-item";
import { gitUserName } from "../../../src/vscode/scorer";
import { itemIn, removeFixture, textOf, TODAY, writeFixture } from "./inspect-fixture";
import { open, positionOf, waitFor, waitForDiagnostic, waitForNoDiagnostic } from "./util";

const DIR = "score-it";
const LAUNCH = `${DIR}/sc-launch.md`;
const QUEUE = `${DIR}/sc-queue.md`;

const FILES: Record<string, string> = {
  [`${DIR}/sc-pillar.md`]: "---\ntype: pillar\nid: sc-pillar\ntitle: Scoring fixture pillar\nkpis: [sc-kpi]\n---\n",
  [`${DIR}/sc-kpi.md`]: "---\ntype: kpi\nid: sc-kpi\ntitle: Scoring fixture KPI\npillar: sc-pillar\nbaseline: 10\ncurrent: 12\ntarget: 20\nmeasured: 2026-11-20\n---\n",
  [`${DIR}/sc-s1.md`]: "---\ntype: sprint\nid: sc-s1\ntitle: Scoring fixture sprint\nstart: 2026-10-05\nend: 2026-10-16\ncapacity: 20\nstatus: done\n---\n",
  [LAUNCH]: `---
type: initiative
id: sc-launch
title: Fixture launch campaign
pillar: sc-pillar
kpi: sc-kpi   # the fixture's only KPI
# scored by the team, not here
estimate: 5
sprint: sc-s1
status: planned
---
The launch of the fixture.
`,
  [QUEUE]: `---
# The fixture's tactics.
items:
  - type: tactic
    id: sc-nurture
    title: Fixture nurture emails
    pillar: sc-pillar
    kpi: sc-kpi
    estimate: 2
    scores:   # the team's votes
      dana: {impact: 2, urgency: 2, effort: 4}   # before the launch
      li: {impact: 5, urgency: 4, effort: 2}
    status: idea
---
`,
};

const folder = () => vscode.workspace.workspaceFolders![0].name;
const score = (args: Record<string, unknown>) => vscode.commands.executeCommand<ScoredItem | undefined>("strategyDocs.scoreItem", { folder: folder(), ...args });
const scoresIn = (path: string, text: string, id: string) => itemIn(path, text, id).data.scores;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The hover's text at a position, without the core's markdown escapes. */
async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", uri, position);
  return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === "string" ? content : content.value))).join("\n").replace(/\\([!-/:-@[-`{-~])/g, "$1");
}

describe("Score Item, team hover and date completion (issue 11)", () => {
  let outside: string[] = [];
  before(async () => {
    outside = await writeFixture(FILES, DIR, "sc-");
  });
  after(async () => {
    await vscode.workspace.getConfiguration("strategyDocs").update("scorer", undefined, vscode.ConfigurationTarget.Global);
    await removeFixture(outside, DIR);
  });

  let first = "";
  it("writes the given scores under the scorer's name as scores: { dana: {…} }, comments and body kept", async () => {
    const editor = await open(LAUNCH);
    const scored = await score({ item: "sc-launch", scorer: "dana", scores: { impact: 4, urgency: 3, effort: 2 } });
    assert.deepEqual(scored, { item: "sc-launch", scorer: "dana", scores: { impact: 4, urgency: 3, effort: 2 }, file: LAUNCH });
    first = editor.document.getText();
    assert.deepEqual(scoresIn(LAUNCH, first, "sc-launch"), { dana: { impact: 4, urgency: 3, effort: 2 } });
    assert.match(first, /^kpi: sc-kpi {3}# the fixture's only KPI$/m);
    assert.match(first, /^# scored by the team, not here$/m);
    assert.match(first, /\n---\nThe launch of the fixture\.\n$/);
    assert.equal(first.replace(/^scores:\n {2}dana: \{impact: 4, urgency: 3, effort: 2\}\n/m, ""), FILES[LAUNCH]);
  });

  it("replaces the person's values on a second run", async () => {
    const editor = await open(LAUNCH);
    await score({ item: "sc-launch", scorer: "dana", scores: { impact: 5, urgency: 3, effort: 1 } });
    const text = editor.document.getText();
    assert.deepEqual(scoresIn(LAUNCH, text, "sc-launch"), { dana: { impact: 5, urgency: 3, effort: 1 } });
    assert.equal(text.match(/dana:/g)?.length, 1, text);
  });

  it("undoes each run in one step", async () => {
    const editor = await open(LAUNCH);
    await vscode.commands.executeCommand("undo");
    await waitFor(() => editor.document.getText() === first, () => `after one undo the initiative reads:\n${editor.document.getText()}`);
    await vscode.commands.executeCommand("undo");
    await waitFor(() => editor.document.getText() === FILES[LAUNCH], () => `after two undos the initiative reads:\n${editor.document.getText()}`);
  });

  it("adds a person to an items: entry's flow scores and replaces one, leaving the others and the comments", async () => {
    const editor = await open(QUEUE);
    await score({ item: "sc-nurture", scorer: "Sam Lee", scores: { impact: 3, urgency: 5, effort: 3 } });
    await score({ item: "sc-nurture", scorer: "dana", scores: { impact: 4 } });
    const text = editor.document.getText();
    assert.deepEqual(scoresIn(QUEUE, text, "sc-nurture"), {
      dana: { impact: 4, urgency: 2, effort: 4 },
      li: { impact: 5, urgency: 4, effort: 2 },
      "Sam Lee": { impact: 3, urgency: 5, effort: 3 },
    });
    assert.match(text, /^ {4}scores: {3}# the team's votes$/m);
    assert.match(text, /^ {6}dana: \{impact: 4, urgency: 2, effort: 4\} {3}# before the launch$/m);
    assert.match(text, /^# The fixture's tactics\.$/m);
    await vscode.commands.executeCommand("workbench.action.files.revert");
    assert.equal(await textOf(QUEUE), FILES[QUEUE]);
  });

  it("scores the item at the cursor as strategyDocs.scorer says", async () => {
    await vscode.workspace.getConfiguration("strategyDocs").update("scorer", "Robin Q.", vscode.ConfigurationTarget.Global);
    try {
      const editor = await open(QUEUE);
      const at = positionOf(editor.document, "title: Fixture nurture");
      editor.selection = new vscode.Selection(at, at);
      const scored = await score({ scores: { impact: 1, urgency: 1, effort: 5 } });
      assert.deepEqual(scored, { item: "sc-nurture", scorer: "Robin Q.", scores: { impact: 1, urgency: 1, effort: 5 }, file: QUEUE });
      assert.deepEqual((scoresIn(QUEUE, editor.document.getText(), "sc-nurture") as Record<string, unknown>)["Robin Q."], { impact: 1, urgency: 1, effort: 5 });
    } finally {
      await vscode.commands.executeCommand("workbench.action.files.revert");
      await vscode.workspace.getConfiguration("strategyDocs").update("scorer", undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it("reads git's user.name of the folder's repository, and none outside the file system", async () => {
    const repo = mkdtempSync(join(tmpdir(), "score-it-git-"));
    try {
      execFileSync("git", ["init", "-q"], { cwd: repo });
      execFileSync("git", ["config", "user.name", "  Fixture Person "], { cwd: repo });
      assert.equal(await gitUserName(vscode.Uri.file(repo)), "Fixture Person");
      assert.equal(await gitUserName(vscode.Uri.parse("untitled:/nowhere")), undefined);
      assert.equal(await gitUserName(vscode.Uri.file(join(repo, "no-such-folder"))), undefined);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  it("refuses scores out of range and an id that is not a backlog item, changing nothing", async () => {
    assert.equal(await score({ item: "sc-launch", scorer: "dana", scores: { impact: 9 } }), undefined);
    assert.equal(await score({ item: "sc-kpi", scorer: "dana", scores: { impact: 3 } }), undefined);
    assert.equal(await score({ item: "sc-launch", scorer: "two\nlines", scores: { impact: 3 } }), undefined);
    assert.equal(await textOf(LAUNCH), FILES[LAUNCH]);
    await vscode.commands.executeCommand("notifications.clearAll");
  });

  it("asks impact, urgency and effort with picks that start on the person's previous values", async () => {
    const editor = await open(QUEUE);
    const running = score({ item: "sc-nurture", scorer: "li" });
    // li said 5, 4, 2: one up on impact, keep urgency, one down on effort.
    for (const moves of [["quickInput.previous"], [], ["quickInput.next"]]) {
      await sleep(700);
      for (const move of moves) await vscode.commands.executeCommand(move);
      await sleep(150);
      await vscode.commands.executeCommand("workbench.action.acceptSelectedQuickOpenItem");
    }
    const scored = await running;
    assert.deepEqual(scored?.scores, { impact: 4, urgency: 4, effort: 3 });
    assert.deepEqual((scoresIn(QUEUE, editor.document.getText(), "sc-nurture") as Record<string, unknown>).li, { impact: 4, urgency: 4, effort: 3 });
    await vscode.commands.executeCommand("workbench.action.files.revert");
  });

  it("offers Score this item… on a backlog item's scores: line, not on its estimate", async () => {
    const editor = await open(QUEUE);
    const actionsAt = async (text: string) => {
      const at = positionOf(editor.document, text);
      return (await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>("vscode.executeCodeActionProvider", editor.document.uri, new vscode.Range(at, at))) ?? [];
    };
    const action = (await actionsAt("    scores:")).find((entry): entry is vscode.CodeAction => "kind" in entry && entry.title === "Score this item…");
    assert.ok(action);
    assert.ok(action.kind && vscode.CodeActionKind.RefactorRewrite.contains(action.kind));
    assert.deepEqual(action.command?.arguments, [{ item: "sc-nurture", folder: folder() }]);
    assert.ok(!(await actionsAt("estimate: ")).some((entry) => entry.title === "Score this item…"));
  });

  it("shows the team's scores, the spread and the value used on hover", async () => {
    const editor = await open(QUEUE);
    for (const at of [positionOf(editor.document, "    scores", false), positionOf(editor.document, "id: sc-nurt")]) {
      const text = await hoverText(editor.document.uri, at);
      assert.match(text, /\*\*Team scores\*\* \(2 people; a field the item states itself wins, else the mean\)/, text);
      assert.match(text, /\| Person \| impact \| urgency \| effort \|/);
      assert.match(text, /\| dana \| 2 \| 2 \| 4 \|/);
      assert.match(text, /\| li \| 5 \| 4 \| 2 \|/);
      assert.match(text, /\| \*Spread\* \| 3 \| 2 \| 2 \|/);
      assert.match(text, /\| \*Used\* \| 3\.5 \(mean\) \| 3 \(mean\) \| 3 \(mean\) \|/);
    }
  });

  it("takes scoring.aggregate and scoring.disagreement from the settings (strategy.config.yaml says neither)", async () => {
    const settings = () => vscode.workspace.getConfiguration("strategyDocs");
    await waitForDiagnostic(QUEUE, "score-disagreement");
    const editor = await open(QUEUE);
    const at = positionOf(editor.document, "id: sc-nurt");
    try {
      await settings().update("scoring.aggregate", "median", vscode.ConfigurationTarget.Global);
      await settings().update("scoring.disagreement", 4, vscode.ConfigurationTarget.Global);
      await waitForNoDiagnostic(QUEUE, "score-disagreement");
      await waitFor(async () => /else the median\)[\s\S]*\| \*Used\* \| 3\.5 \(median\) \|/.test(await hoverText(editor.document.uri, at)), "the hover does not say median");
    } finally {
      await settings().update("scoring.aggregate", undefined, vscode.ConfigurationTarget.Global);
      await settings().update("scoring.disagreement", undefined, vscode.ConfigurationTarget.Global);
    }
    await waitForDiagnostic(QUEUE, "score-disagreement");
  });

  it("completes today and the sprint's start and end after due: ", async () => {
    const editor = await open(LAUNCH);
    const line = positionOf(editor.document, "status: planned\n").line;
    await editor.edit((edit) => edit.insert(new vscode.Position(line, 0), "due: \n"));
    const at = new vscode.Position(line, 5);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>("vscode.executeCompletionItemProvider", editor.document.uri, at, " ");
    const dates = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Value).sort((a, b) => String(a.sortText).localeCompare(String(b.sortText)));
    assert.deepEqual(dates.map((item) => [typeof item.label === "string" ? item.label : item.label.label, item.insertText]), [
      ["today", TODAY],
      ["start of sc-s1", "2026-10-05"],
      ["end of sc-s1", "2026-10-16"],
    ]);
    assert.equal(dates[2].detail, "2026-10-16 (Friday) · the last day of sprint sc-s1 (Scoring fixture sprint)");
    await vscode.commands.executeCommand("workbench.action.files.revert");
  });
});
