import { strict as assert } from "node:assert";
import { applyEdits, disjointEdits, safeEdits, type Fix, type Issue, type StrategyWorkspace } from "../../src/core/index";
import { applyChanges, issuesOf, workspaceOf } from "./helpers";

/** Applies every safe fix until none is left, like `check --fix`; returns the texts. */
function fixAll(ws: StrategyWorkspace, files: Record<string, string>): Record<string, string> {
  const texts = { ...files };
  for (let pass = 0; pass < 10; pass++) {
    const edits = safeEdits(ws.allIssues());
    if (!edits.size) break;
    for (const [path, list] of edits) {
      const parsed = ws.index.files.get(path)!;
      texts[path] = (parsed.bom ? "\uFEFF" : "") + applyEdits(parsed.text, list);
      ws.setFile(path, texts[path]);
    }
  }
  return texts;
}

/** Applies one fix's edits to the workspace's texts (the workspace keeps its own). */
const apply = (ws: StrategyWorkspace, fix: Fix) => applyChanges(ws, fix.changes, false);

const only = (issues: Issue[]) => {
  assert.equal(issues.length, 1);
  return issues[0];
};

describe("fixes", () => {
  it("--fix corrects a misspelt kind and keeps comments, CRLF and the BOM; twice equals once", () => {
    const files = { "t.md": "\uFEFF---\r\n# owner: dana\r\ntype: tactc   # was a typo\r\nimpact: 4 # 1..5\r\n---\r\nBody\r\n" };
    const once = fixAll(workspaceOf(files), files);
    assert.equal(once["t.md"], "\uFEFF---\r\n# owner: dana\r\ntype: tactic   # was a typo\r\nimpact: 4 # 1..5\r\n---\r\nBody\r\n");
    const twice = fixAll(workspaceOf(once), once);
    assert.deepEqual(twice, once);
  });

  it("--fix corrects a reference with exactly one close match, and re-checking leaves no such issue", () => {
    const files = {
      "p.md": "---\ntype: pillar\nid: automation\n---\n",
      "t.md": "---\ntype: tactic\npillar: automaton # sic\n---\n",
    };
    const ws = workspaceOf(files);
    const fixed = fixAll(ws, files);
    assert.equal(fixed["t.md"], "---\ntype: tactic\npillar: automation # sic\n---\n");
    assert.deepEqual(issuesOf(ws, "unknown-reference"), []);
  });

  it("does not guess when two ids are equally close", () => {
    const files = { "a.md": "---\ntype: pillar\nid: growth-a\n---\n", "b.md": "---\ntype: pillar\nid: growth-b\n---\n", "t.md": "---\ntype: tactic\npillar: growth-c\n---\n" };
    const ws = workspaceOf(files);
    const issue = only(issuesOf(ws, "unknown-reference"));
    assert.equal(issue.fixes.filter((f) => f.safe).length, 0);
    assert.deepEqual(issue.fixes.map((f) => f.title), ["Change to `growth-a`", "Change to `growth-b`", "Create pillar `growth-c`"]);
    assert.deepEqual(fixAll(ws, files), files);
  });

  it("adds a field after a final block scalar on the next line, not in the body", () => {
    const files = { "k.md": "---\ntype: kpi\nid: k\nnotes: |\n  line one\n  line two\n---\nBody\n" };
    const ws = workspaceOf(files);
    const issue = only(issuesOf(ws, "kpi-without-target"));
    assert.equal(apply(ws, issue.fixes[0])["k.md"], "---\ntype: kpi\nid: k\nnotes: |\n  line one\n  line two\ntarget: 0  # the value to reach: set me\n---\nBody\n");
  });

  it("quotes a title that plain YAML would misread in a created file", () => {
    const ws = workspaceOf({ "p.md": "---\ntype: pillar\nid: emea\ntitle: \"Growth: EMEA #2\"\n---\n" });
    const issue = only(issuesOf(ws, "pillar-without-kpi"));
    const created = apply(ws, issue.fixes[0]);
    const [file, text] = Object.entries(created)[0];
    assert.ok(text.includes('title: "Growth: EMEA #2 KPI"'), text);
    const after = workspaceOf({ "p.md": "---\ntype: pillar\nid: emea\n---\n", [file]: text });
    assert.deepEqual(issuesOf(after, "yaml-syntax"), []);
  });

  it("offers each pillar as a choice, the pillar of the tactic's KPI first, inserted at the item's indentation", () => {
    const files = {
      "a.md": "---\ntype: pillar\nid: alpha\n---\n",
      "z.md": "---\ntype: pillar\nid: zeta\n---\n",
      "k.md": "---\ntype: kpi\nid: nrr\npillar: zeta\ntarget: 1\n---\n",
      "q.md": "---\nitems:\n  - type: tactic\n    id: t1\n    kpi: nrr   # keep me\n  - type: tactic\n    id: t2\n    pillar: alpha\n    kpi: nrr\n---\n",
    };
    const ws = workspaceOf(files);
    const issue = only(issuesOf(ws, "tactic-missing-pillar"));
    assert.deepEqual(issue.fixes.map((f) => f.title), ["Add `pillar: zeta` (zeta)", "Add `pillar: alpha` (alpha)"]);
    const out = apply(ws, issue.fixes[0]);
    assert.equal(out["q.md"], "---\nitems:\n  - type: tactic\n    id: t1\n    kpi: nrr   # keep me\n    pillar: zeta\n  - type: tactic\n    id: t2\n    pillar: alpha\n    kpi: nrr\n---\n");
    ws.setFile("q.md", out["q.md"]);
    assert.deepEqual(issuesOf(ws, "tactic-missing-pillar"), []);
  });

  it("offers the pillar's KPIs first for a missing KPI", () => {
    const files = {
      "p.md": "---\ntype: pillar\nid: growth\nkpis: [nrr]\n---\n",
      "k1.md": "---\ntype: kpi\nid: arr\ntarget: 1\n---\n",
      "k2.md": "---\ntype: kpi\nid: nrr\ntarget: 1\n---\n",
      "t.md": "---\r\ntype: tactic\r\npillar: growth\r\n---\r\n",
    };
    const ws = workspaceOf(files);
    const issue = only(issuesOf(ws, "tactic-missing-kpi"));
    assert.deepEqual(issue.fixes.map((f) => f.title.split(" (")[0]), ["Add `kpi: nrr`", "Add `kpi: arr`"]);
    assert.equal(apply(ws, issue.fixes[0])["t.md"], "---\r\ntype: tactic\r\npillar: growth\r\nkpi: nrr\r\n---\r\n");
  });

  it("creates an initiative stub for a pillar without execution, which clears the warning", () => {
    const files = { "pillars/growth.md": "---\ntype: pillar\ntitle: Growth\nkpis: [nrr]\n---\n", "kpis/nrr.md": "---\ntype: kpi\npillar: growth\ntarget: 1\n---\n" };
    const ws = workspaceOf(files);
    const issue = only(issuesOf(ws, "pillar-without-execution"));
    const [change] = issue.fixes[0].changes;
    assert.equal(change.kind, "create");
    assert.equal(change.file, "initiatives/growth-initiative.md");
    if (change.kind === "create") ws.setFile(change.file, change.text);
    assert.deepEqual(issuesOf(ws, "pillar-without-execution"), []);
    assert.deepEqual(issuesOf(ws, "schema"), []);
  });

  it("converts a pillar with execution fields to a tactic; marks stale strategy reviewed today", () => {
    const ws = workspaceOf({ "p.md": "---\ntype: pillar\nchannel: email\nreviewed: 2020-01-01 # old\n---\n" });
    const called = only(issuesOf(ws, "tactic-called-strategy"));
    assert.match(apply(ws, called.fixes[0])["p.md"], /^---\ntype: tactic\n/);
    const stale = only(issuesOf(ws, "stale-strategy"));
    assert.match(apply(ws, stale.fixes[0])["p.md"], /reviewed: 2026-11-24 # old/);
  });

  it("inserts the missing scoring fields and a KPI target; never as --fix", () => {
    const files = { "t.md": "---\ntype: tactic\nimpact: 4\n---\n", "k.md": "---\ntype: kpi\nid: nrr\n---\n" };
    const ws = workspaceOf(files);
    const unscored = only(issuesOf(ws, "unscored-item"));
    const out = apply(ws, unscored.fixes[0])["t.md"];
    assert.equal(out, "---\ntype: tactic\nimpact: 4\nurgency: 3  # 1..5: set me\neffort: 3  # 1..5 (bigger = more work): set me\n---\n");
    assert.ok(only(issuesOf(ws, "kpi-without-target")).fixes[0].changes.length === 1);
    assert.deepEqual(fixAll(ws, files), files);
  });

  it("skips overlapping edits instead of corrupting the text", () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };
    assert.equal(applyEdits("abcdef", [{ range, newText: "X" }, { range, newText: "Y" }]).length, 4);
  });
});

describe("disjointEdits", () => {
  const edit = (line: number, from: number, to: number, newText: string) => ({ range: { start: { line, character: from }, end: { line, character: to } }, newText });

  it("keeps edits in position order, drops one that overlaps an earlier one, keeps inserts at one point", () => {
    const kept = disjointEdits([edit(1, 5, 9, "b"), edit(0, 0, 4, "a"), edit(1, 7, 8, "x"), edit(2, 0, 0, "i1"), edit(2, 0, 0, "i2")]);
    assert.deepEqual(kept.map((e) => e.newText), ["a", "b", "i1", "i2"]);
  });
});
