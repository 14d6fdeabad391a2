/**
 * Carrying an ended sprint's unfinished items over, in the real VS Code (issue
 * 10), on the fixture under `inspect-it/`: the light bulb on an ended sprint's
 * `end` line offers "Carry 2 unfinished items to <sprint>" (a refactor.rewrite
 * action); applying it moves the open items — in an `items:` file and in a file
 * of their own — to the sprint the tree shows as current (else next), appends
 * the old sprint to `carried`, keeps every comment and leaves done and dropped
 * work alone, as one edit: one undo restores both files. The command does the
 * same for a sprint given (or picked, or at the cursor).
 */
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import type { CarryResult } from "../../../src/vscode/carry-over";
import { DIR, FILES, flatten, itemIn, removeFixture, textOf, writeFixture } from "./inspect-fixture";
import { extensionApi, open, positionOf, uriOf, waitFor } from "./util";

const WORK = `${DIR}/work.md`;
const OPEN_B = `${DIR}/it-open-b.md`;

/** The code actions VS Code offers at a position, as the light bulb asks for them. */
async function actionsAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CodeAction[]> {
  const answer = (await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>("vscode.executeCodeActionProvider", uri, new vscode.Range(position, position))) ?? [];
  return answer.filter((action): action is vscode.CodeAction => "kind" in action && !!action.kind);
}

const carryActions = (actions: readonly vscode.CodeAction[]) => actions.filter((action) => /^Carry \d+ unfinished items? to /.test(action.title));

/** The sprint unfinished work goes to, as the tree shows the sprints: the current one, else the next. */
async function openSprint(): Promise<string> {
  const api = await extensionApi();
  const sprints = api.tree().find((node) => node.label === "Sprints")?.children ?? [];
  const shown = sprints.map((node) => `${node.id}: ${node.description}`).join("; ");
  const target = sprints.find((node) => node.description?.startsWith("current ")) ?? sprints.find((node) => node.description?.startsWith("next "));
  assert.ok(target?.id, `no current or next sprint in the tree: ${shown}`);
  return target.id;
}

describe("carry unfinished items over (issue 10)", () => {
  let outside: string[] = [];
  before(async () => {
    outside = await writeFixture();
  });
  after(() => removeFixture(outside));

  it("offers the rewrite on an ended sprint's end line, not on a sprint with nothing open", async () => {
    const editor = await open(`${DIR}/it-s1.md`);
    const target = await openSprint();
    // The light bulb asks again as the model settles after the fixture's files arrived: so does this test, for a few seconds.
    let offered: vscode.CodeAction[] = [];
    await waitFor(async () => (offered = carryActions(await actionsAt(editor.document.uri, positionOf(editor.document, "end: ")))).length > 0, "no carry-over action on it-s1's end line", 10_000).catch(() => undefined);
    assert.deepEqual(offered.map((action) => action.title), [`Carry 2 unfinished items to ${target}`]);
    assert.ok(offered[0].kind && vscode.CodeActionKind.RefactorRewrite.contains(offered[0].kind), offered[0].kind?.value);
    // Not on the body's lines, nor on it-s0 (only carried work names it, none is planned in it).
    assert.deepEqual(carryActions(await actionsAt(editor.document.uri, positionOf(editor.document, "capacity: "))), []);
    const s0 = await open(`${DIR}/it-s0.md`);
    assert.deepEqual(carryActions(await actionsAt(s0.document.uri, positionOf(s0.document, "end: "))), []);
  });

  it("moves the open items of both files, appends the sprint to carried, keeps comments and leaves done and dropped work", async () => {
    const editor = await open(`${DIR}/it-s1.md`);
    const target = await openSprint();
    const [action] = carryActions(await actionsAt(editor.document.uri, positionOf(editor.document, "end: ")));
    assert.ok(action?.edit, "no carry-over action with an edit");
    assert.deepEqual(action.edit.entries().map(([uri]) => vscode.workspace.asRelativePath(uri, false)).sort(), [OPEN_B, WORK]);
    assert.ok(await vscode.workspace.applyEdit(action.edit));

    const work = await textOf(WORK);
    const moved = itemIn(WORK, work, "it-open-a");
    assert.equal(moved.data.sprint, target);
    assert.deepEqual(moved.data.carried, ["it-s1"]);
    for (const id of ["it-done", "it-dropped"]) assert.equal(itemIn(WORK, work, id).data.sprint, "it-s1", `${id} was moved`);
    for (const id of ["it-late-a", "it-late-b"]) assert.equal(itemIn(WORK, work, id).data.sprint, "it-s2", `${id} of another sprint was moved`);
    assert.equal((work.match(/# planned at kickoff/g) ?? []).length, 5, work);
    assert.match(work, /^# Work of the fixture sprints\.$/m);
    assert.match(work, new RegExp(`sprint: ${target} +# planned at kickoff`));

    const openB = await textOf(OPEN_B);
    const initiative = itemIn(OPEN_B, openB, "it-open-b");
    assert.equal(initiative.data.sprint, target);
    assert.deepEqual(initiative.data.carried, ["it-s0", "it-s1"]);
    assert.match(openB, /- it-s0 +# first planned here/);

    // The tree follows: nothing is left open in it-s1.
    const api = await extensionApi();
    await waitFor(() => {
      const s1 = flatten(api.tree()).find((node) => node.id === "it-s1" && node.kind === "sprint");
      return s1 && !s1.children.some((child) => child.id === "it-open-a" || child.id === "it-open-b");
    }, "it-s1 still lists its open items in the tree");
  });

  it("is one edit: one undo in one of the files restores both", async () => {
    const editor = await open(WORK);
    await vscode.commands.executeCommand("undo");
    const openB = await vscode.workspace.openTextDocument(uriOf(OPEN_B));
    await waitFor(() => editor.document.getText() === FILES[WORK] && openB.getText() === FILES[OPEN_B], () => `after one undo:\n${editor.document.getText()}\n${openB.getText()}`);
  });

  it("carries a given sprint's items with the command, and one undo restores them", async () => {
    await open(WORK);
    const target = await openSprint();
    const result = await vscode.commands.executeCommand<CarryResult>("strategyDocs.carryOver", { sprint: "it-s2" });
    assert.deepEqual(result, { sprint: "it-s2", target, items: ["it-late-a", "it-late-b"], files: [WORK] });
    const work = await textOf(WORK);
    assert.deepEqual(itemIn(WORK, work, "it-late-b").data.carried, ["it-s0", "it-s2"]);
    assert.match(work, /carried: \[it-s0, it-s2\] +# slipped once/);
    assert.equal(itemIn(WORK, work, "it-late-a").data.sprint, target);
    await vscode.commands.executeCommand("undo");
    const document = await vscode.workspace.openTextDocument(uriOf(WORK));
    await waitFor(() => document.getText() === FILES[WORK], () => `after one undo work.md is:\n${document.getText()}`);
  });

  it("carries the items of the sprint at the cursor when run without a sprint", async () => {
    const sprint = await open(`${DIR}/it-s1.md`);
    sprint.selection = new vscode.Selection(positionOf(sprint.document, "capacity: "), positionOf(sprint.document, "capacity: "));
    const result = await vscode.commands.executeCommand<CarryResult>("strategyDocs.carryOver");
    assert.deepEqual(result && { sprint: result.sprint, items: result.items, files: [...result.files].sort() }, { sprint: "it-s1", items: ["it-open-a", "it-open-b"], files: [OPEN_B, WORK] });
    assert.deepEqual(itemIn(OPEN_B, await textOf(OPEN_B), "it-open-b").data.carried, ["it-s0", "it-s1"]);
    const work = await open(WORK);
    await vscode.commands.executeCommand("undo");
    const openB = await vscode.workspace.openTextDocument(uriOf(OPEN_B));
    await waitFor(() => work.document.getText() === FILES[WORK] && openB.getText() === FILES[OPEN_B], "one undo did not restore both files");
  });

  it("says so when a sprint has nothing to carry, and changes nothing", async () => {
    const result = await vscode.commands.executeCommand<CarryResult | undefined>("strategyDocs.carryOver", { sprint: "it-s0" });
    assert.equal(result, undefined);
    assert.equal(await textOf(WORK), FILES[WORK]);
    await vscode.commands.executeCommand("notifications.clearAll");
  });
});
