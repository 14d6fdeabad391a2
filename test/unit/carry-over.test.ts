import { strict as assert } from "node:assert";
import { applyEdits, carryOver, carryOverFix, StrategyWorkspace } from "../../src/core/index";

const sprint = (id: string, start: string, end: string, extra = "") => `---\ntype: sprint\nid: ${id}\ncapacity: 40\nstart: ${start}\nend: ${end}\n${extra}---\n`;

function workspace(files: Record<string, string>, today = "2026-11-24"): StrategyWorkspace {
  const ws = new StrategyWorkspace({ today: () => new Date(`${today}T12:00:00Z`) });
  ws.load(Object.entries(files));
  return ws;
}

/** The files after applying a fix. */
function applied(ws: StrategyWorkspace, fix: NonNullable<ReturnType<typeof carryOverFix>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const change of fix.changes) {
    assert.equal(change.kind, "edit");
    if (change.kind === "edit") out[change.file] = applyEdits(ws.index.files.get(change.file)!.text, change.edits);
  }
  return out;
}

const SPRINTS = {
  "s12.md": sprint("s12", "2026-10-19", "2026-10-30"),
  "s13.md": sprint("s13", "2026-11-02", "2026-11-13"),
  "s14.md": sprint("s14", "2026-11-16", "2026-11-27"),
  "s15.md": sprint("s15", "2026-11-30", "2026-12-11"),
};

describe("carry unfinished items over", () => {
  it("moves every open item of an ended sprint to the current one and appends the old sprint to carried, comments kept", () => {
    const ws = workspace({
      ...SPRINTS,
      "a.md": "---\ntype: tactic\nsprint: s13 # moved twice already\nestimate: 3\nstatus: in-progress\ncarried:\n  - s12 # from October\n---\nBody\n",
      "b.md": "---\ntype: initiative\nsprint: s13\nstatus: planned\n---\n",
      "c.md": "---\ntype: tactic\nsprint: s13\nstatus: done\n---\n",
      "d.md": "---\ntype: tactic\nsprint: s13\nstatus: dropped\n---\n",
      "q.md": "---\nitems:\n  - type: tactic\n    id: q1\n    sprint: s13\n    carried: [s11]\n  - type: tactic\n    id: q2\n    sprint: s14\n---\n",
    });
    const result = carryOver(ws, ws.index.find("s13")!)!;
    assert.equal(result.target.id, "s14");
    assert.deepEqual(result.items.map((i) => i.id), ["a", "b", "q1"]);
    assert.equal(result.fix.title, "Carry 3 unfinished items to s14");
    const files = applied(ws, result.fix);
    assert.deepEqual(Object.keys(files).sort(), ["a.md", "b.md", "q.md"]);
    assert.equal(files["a.md"], "---\ntype: tactic\nsprint: s14 # moved twice already\nestimate: 3\nstatus: in-progress\ncarried:\n  - s12 # from October\n  - s13\n---\nBody\n");
    assert.equal(files["b.md"], "---\ntype: initiative\nsprint: s14\nstatus: planned\ncarried: [s13]\n---\n");
    assert.equal(files["q.md"], "---\nitems:\n  - type: tactic\n    id: q1\n    sprint: s14\n    carried: [s11, s13]\n  - type: tactic\n    id: q2\n    sprint: s14\n---\n");
    // The result reads back: the items now sit in s14 and name s13 as carried.
    const after = workspace({ ...SPRINTS, ...files });
    for (const id of ["a", "b", "q1"]) {
      const item = after.index.find(id)!;
      assert.ok(item.refs.some((r) => r.field === "sprint" && r.key === "s14"), id);
      assert.ok(item.refs.some((r) => r.field === "carried" && r.key === "s13"), id);
    }
  });

  it("goes to the next sprint when none is current, never to an ended one", () => {
    const files = { ...SPRINTS, "a.md": "---\ntype: tactic\nsprint: s12\n---\n" };
    const ws = workspace(files, "2026-11-29");
    assert.equal(carryOver(ws, ws.index.find("s12")!)!.target.id, "s15");
    const late = workspace(files, "2026-12-20");
    assert.equal(carryOver(late, late.index.find("s12")!), undefined, "every sprint has ended: nowhere to carry to");
  });

  it("offers nothing for a sprint that has not ended or has no open item, and keeps a carried list that already names it", () => {
    const ws = workspace({ ...SPRINTS, "a.md": "---\ntype: tactic\nsprint: s14\n---\n", "b.md": "---\ntype: tactic\nsprint: s13\nstatus: done\n---\n" });
    assert.equal(carryOverFix(ws, ws.index.find("s14")!), undefined);
    assert.equal(carryOverFix(ws, ws.index.find("s13")!), undefined);
    const named = workspace({ ...SPRINTS, "a.md": "---\ntype: tactic\nsprint: s13\ncarried: [S13]\n---\n" });
    const files = applied(named, carryOverFix(named, named.index.find("s13")!)!);
    assert.equal(files["a.md"], "---\ntype: tactic\nsprint: s14\ncarried: [S13]\n---\n");
  });

  it("keeps CRLF line ends", () => {
    const ws = workspace({ ...SPRINTS, "a.md": "---\r\ntype: tactic\r\nsprint: s13\r\n---\r\n" });
    assert.equal(applied(ws, carryOverFix(ws, ws.index.find("s13")!)!)["a.md"], "---\r\ntype: tactic\r\nsprint: s14\r\ncarried: [s13]\r\n---\r\n");
  });
});

describe("`carried` as a sprint reference in the editor", () => {
  it("completes sprint ids in a carried list, and a sprint's rename updates it", async () => {
    const { completions, rename } = await import("../../src/core/index");
    const ws = workspace({ ...SPRINTS, "a.md": "---\ntype: tactic\nsprint: s14\ncarried: [s12, ]\n---\n" });
    const labels = completions(ws, "a.md", { line: 3, character: 14 }).map((c) => c.label);
    assert.ok(labels.includes("s13") && !labels.includes("a"), labels.join(", "));
    const renamed = rename(ws, "s12.md", { line: 2, character: 5 }, "2026-s12");
    assert.ok(!("error" in renamed));
    if (!("error" in renamed)) {
      const edit = renamed.changes.find((c) => c.file === "a.md");
      assert.ok(edit && edit.kind === "edit");
      if (edit?.kind === "edit") assert.equal(applyEdits(ws.index.files.get("a.md")!.text, edit.edits), "---\ntype: tactic\nsprint: s14\ncarried: [2026-s12, ]\n---\n");
    }
  });
});
