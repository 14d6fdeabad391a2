import { strict as assert } from "node:assert";
import fc from "fast-check";
import { caseArb } from "../fuzz/generators";
import { checkCase, runCase, warmUp } from "../fuzz/invariants";
import { applyToTexts, checkItemsKept, Violation } from "../fuzz/common";
import type { FileChange } from "../../src/core/index";
import { issuesOf, workspaceOf } from "./helpers";

describe("fuzz: a fixed-seed slice of `npm run fuzz`", function () {
  this.timeout(120_000);

  it("keeps every invariant on 400 generated and mutated workspaces", () => {
    warmUp();
    fc.assert(fc.property(caseArb, runCase), { seed: 20261124, numRuns: 400 });
  });

  it("its invariants fail on a change that loses an item, breaks the YAML or overwrites a file", () => {
    const ws = workspaceOf({ "q.md": "---\nitems:\n  - type: tactic\n    id: a\n  - type: kpi\n    id: b\n---\n" });
    const edit = (line: number, from: number, to: number, newText: string): FileChange => ({ kind: "edit", file: "q.md", edits: [{ range: { start: { line, character: from }, end: { line, character: to } }, newText }] });
    const check = (change: FileChange) => () => checkItemsKept(ws, applyToTexts(ws, [change], "the change"), "the change");
    assert.throws(check(edit(4, 4, 14, "kind: kpi")), /loses kpi:b/);
    assert.throws(check(edit(3, 4, 9, "id: [")), (error: Error) => error instanceof Violation && /loses|breaks/.test(error.message));
    assert.throws(check({ kind: "create", file: "q.md", text: "" }), /creates q.md, which exists/);
    assert.doesNotThrow(check(edit(3, 9, 9, "\n    impact: 2")));
  });

  it("offers no insert fix where yaml accepts no second key line (a BOM, then spaces, before the first key)", () => {
    const bom = { files: { "p.md": "---\n\uFEFF  type: pillar\n---\n" }, subjects: ["p.md"], probes: [0] };
    assert.doesNotThrow(() => checkCase(bom));
    assert.deepEqual(issuesOf(workspaceOf(bom.files), "pillar-without-kpi")[0].fixes.map((fix) => fix.changes[0].kind), ["create"]);
  });
});

describe("fuzz findings, kept as regressions", () => {
  it("a tactic's hint names the pillars its KPIs write, so deleting that pillar changes no unreported file", () => {
    const files = {
      "p.md": "---\ntype: pillar\nid: automation\nkpis: [k]\n---\n",
      "k.md": "---\ntype: kpi\nid: k\npillar: automation\ntarget: 1\n---\n",
      "t.md": "---\ntype: tactic\nid: t\nkpi: k\n---\n",
    };
    const ws = workspaceOf(files);
    const before = issuesOf(ws, "tactic-missing-pillar").map((issue) => issue.message);
    assert.deepEqual(before, ["Tactic `t` serves no pillar: add `pillar:` (its KPIs belong to `automation`)"]);
    const affected = ws.deleteFile("p.md");
    assert.ok(!affected.includes("t.md"));
    assert.deepEqual(issuesOf(ws, "tactic-missing-pillar").map((issue) => issue.message), before);
  });
});
