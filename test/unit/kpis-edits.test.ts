import { strict as assert } from "node:assert";
import { applyEdits, disjointEdits, parseStrategyFile, recordReading, type FileChange, type Item } from "../../src/core/index";
import { appendToList } from "../../src/core/rules/list-edits";
import { applyChanges, issuesOf, workspaceOf } from "./helpers";

/** The item `id` of a one-file workspace. */
function itemOf(text: string, id = "k", path = "k.md"): Item {
  return parseStrategyFile(path, text).items.find((item) => item.id === id)!;
}

/** Applies one edit change to the text and reparses it; the edits must be disjoint. */
function applied(text: string, change: FileChange | undefined, id = "k"): { text: string; data: Record<string, unknown> } {
  assert.ok(change && change.kind === "edit", "no change");
  assert.equal(disjointEdits(change.edits).length, change.edits.length, "overlapping edits");
  const out = applyEdits(text, change.edits);
  const file = parseStrategyFile("k.md", out);
  assert.deepEqual(file.findings, [], out);
  return { text: out, data: file.items.find((item) => item.id === id)!.data };
}

const reading = (date: string, value: number) => ({ date, value });

describe("recordReading", () => {
  it("appends to a block list in its style, sets current and measured, keeps comments and key order", () => {
    const text = "---\ntype: kpi # the KPI\nid: k\ncurrent: 2.3 # last month\nhistory:\n  - date: 2026-09-01\n    value: 2.3 # first\n# after the list\nmeasured: 2026-09-01\ntarget: 1.6\n---\nBody\n";
    const { text: out, data } = applied(text, recordReading(itemOf(text), 2.1, "2026-11-30"));
    assert.equal(out, "---\ntype: kpi # the KPI\nid: k\ncurrent: 2.1 # last month\nhistory:\n  - date: 2026-09-01\n    value: 2.3 # first\n  - date: 2026-11-30\n    value: 2.1\n# after the list\nmeasured: 2026-11-30\ntarget: 1.6\n---\nBody\n");
    assert.deepEqual(data.history, [reading("2026-09-01", 2.3), reading("2026-11-30", 2.1)]);
  });

  it("keeps `- {…}` entries flow, and a flow list flow (a trailing comma too)", () => {
    const block = "---\ntype: kpi\nid: k\nhistory:\n- {date: 2026-09-01, value: 1}\n---\n";
    assert.match(applied(block, recordReading(itemOf(block), 3, "2026-11-30")).text, /\n- \{date: 2026-09-01, value: 1\}\n- \{date: 2026-11-30, value: 3\}\ncurrent: 3\nmeasured: 2026-11-30\n---/);
    const flow = "---\ntype: kpi\nid: k\nhistory: [{date: 2026-09-01, value: 1}]  # readings\ncurrent: 1\n---\n";
    const out = applied(flow, recordReading(itemOf(flow), -0.5, "2026-11-30"));
    assert.match(out.text, /history: \[\{date: 2026-09-01, value: 1\}, \{date: 2026-11-30, value: -0\.5\}\] {2}# readings\ncurrent: -0\.5\n/);
    const trailing = "---\ntype: kpi\nid: k\nhistory: [\n  {date: 2026-09-01, value: 1},  # one\n]\n---\n";
    assert.deepEqual(applied(trailing, recordReading(itemOf(trailing), 2, "2026-11-30")).data.history, [reading("2026-09-01", 1), reading("2026-11-30", 2)]);
  });

  it("creates the history as a block list when there is none, or fills an empty one", () => {
    const none = "---\ntype: kpi\nid: k\ntarget: 5\n---\n";
    const out = applied(none, recordReading(itemOf(none), 4, "2026-11-30"));
    assert.equal(out.text, "---\ntype: kpi\nid: k\ntarget: 5\nhistory:\n  - date: 2026-11-30\n    value: 4\ncurrent: 4\nmeasured: 2026-11-30\n---\n");
    const empty = "---\ntype: kpi\nid: k\nhistory:   # none yet\ncurrent: 1\n---\n";
    const filled = applied(empty, recordReading(itemOf(empty), 4, "2026-11-30"));
    assert.match(filled.text, /history: \[\{date: 2026-11-30, value: 4\}\] {3}# none yet\n/);
    assert.deepEqual(filled.data.history, [reading("2026-11-30", 4)]);
  });

  it("edits a KPI in an items: list, block or flow, and leaves its neighbours alone", () => {
    const text = "---\nitems:\n  - type: kpi\n    id: k\n    history:\n      - {date: 2026-09-01, value: 1}\n  - type: kpi\n    id: other\n  - {type: kpi, id: flowy}\n---\n";
    const out = applied(text, recordReading(itemOf(text), 2, "2026-11-30"));
    assert.deepEqual(out.data, { type: "kpi", id: "k", history: [reading("2026-09-01", 1), reading("2026-11-30", 2)], current: 2, measured: "2026-11-30" });
    assert.match(out.text, /\n {4}history:\n {6}- \{date: 2026-09-01, value: 1\}\n {6}- \{date: 2026-11-30, value: 2\}\n {4}current: 2\n {4}measured: 2026-11-30\n {2}- type: kpi\n {4}id: other\n/);
    const flowy = applied(text, recordReading(itemOf(text, "flowy"), 7, "2026-11-30"), "flowy");
    assert.deepEqual(flowy.data, { type: "kpi", id: "flowy", history: [reading("2026-11-30", 7)], current: 7, measured: "2026-11-30" });
  });

  it("keeps CRLF line ends", () => {
    const text = "---\r\ntype: kpi\r\nid: k\r\nhistory:\r\n  - date: 2026-09-01\r\n    value: 1\r\n---\r\nBody\r\n";
    const out = applied(text, recordReading(itemOf(text), 2, "2026-11-30"));
    assert.equal(out.text, "---\r\ntype: kpi\r\nid: k\r\nhistory:\r\n  - date: 2026-09-01\r\n    value: 1\r\n  - date: 2026-11-30\r\n    value: 2\r\ncurrent: 2\r\nmeasured: 2026-11-30\r\n---\r\nBody\r\n");
  });

  it("refuses what it cannot write: no number, no day, a history that is not a list, an alias", () => {
    const text = "---\ntype: kpi\nid: k\n---\n";
    assert.equal(recordReading(itemOf(text), Number.NaN, "2026-11-30"), undefined);
    assert.equal(recordReading(itemOf(text), 1, "2026-02-31"), undefined);
    const map = "---\ntype: kpi\nid: k\nhistory: {a: 1}\n---\n";
    assert.equal(recordReading(itemOf(map), 1, "2026-11-30"), undefined);
    const alias = "---\nitems:\n  - {type: kpi, id: a, history: &h [{date: 2026-09-01, value: 1}]}\n  - {type: kpi, id: k, history: *h}\n---\n";
    assert.equal(recordReading(itemOf(alias), 1, "2026-11-30"), undefined);
  });
});

describe("appendToList", () => {
  it("turns a lone id into a list, adds a missing key as a flow list, and keeps a list's comments", () => {
    const lone = "---\ntype: tactic\nid: k\nkpis: ctr # one\n---\n";
    assert.match(applied(lone, appendToList(itemOf(lone), "kpis", "nrr")).text, /kpis: \[ctr, nrr\] # one\n/);
    const none = "---\ntype: tactic\nid: k\nkpi: ctr\n---\n";
    assert.match(applied(none, appendToList(itemOf(none), "kpis", "nrr")).text, /kpi: ctr\nkpis: \[nrr\]\n/);
    const empty = "---\ntype: tactic\nid: k\nkpis: []\n---\n";
    assert.deepEqual(applied(empty, appendToList(itemOf(empty), "kpis", "nrr")).data.kpis, ["nrr"]);
    const block = "---\ntype: tactic\nid: k\nkpis:\n    - ctr   # click-through\n    # more later\nstatus: idea\n---\n";
    assert.match(applied(block, appendToList(itemOf(block), "kpis", "nrr")).text, /\n {4}- ctr {3}# click-through\n {4}# more later\n {4}- nrr\nstatus: idea/);
  });
});

describe("rule fixes: kpi-stale and strategic-work-tactical-kpi", () => {
  it("kpi-stale: says how old, on the measured value, and sets measured to today", () => {
    const ws = workspaceOf({ "k.md": "---\ntype: kpi\nid: nrr\ntarget: 110\nmeasured: 2026-06-30 # June review\n---\n" });
    const [issue] = issuesOf(ws, "kpi-stale");
    assert.equal(issue.message, "KPI `nrr` was last measured 147 days ago, on 2026-06-30 (the limit is 45): measure it again, then update `current:` and `measured:`");
    assert.deepEqual([issue.range.start.line, issue.range.start.character, issue.range.end.character], [4, 10, 20]);
    assert.equal(issue.fixes[0].title, "Set `measured:` to today (2026-11-24)");
    assert.match(applyChanges(ws, issue.fixes[0].changes)["k.md"], /measured: 2026-11-24 # June review/);
    assert.deepEqual(issuesOf(ws, "kpi-stale"), []);
  });

  it("kpi-stale: on the history when the KPI has no measured, on the id when it has neither", () => {
    const ws = workspaceOf({
      "a.md": "---\ntype: kpi\nid: a\ntarget: 1\nhistory: [{date: 2026-01-05, value: 1}]\n---\n",
      "b.md": "---\ntype: kpi\nid: b\ntarget: 1\n---\n",
    });
    const [a, b] = issuesOf(ws, "kpi-stale");
    assert.deepEqual([a.file, a.range.start.line, a.range.start.character, a.range.end.character], ["a.md", 4, 0, 7]);
    assert.deepEqual([b.file, b.range.start.line, b.message], ["b.md", 2, "KPI `b` has a target but no measurement: measure it, then set `current:` and `measured: 2026-11-24`"]);
  });

  const kpis = "---\nitems:\n  - {type: kpi, id: ctr, level: tactical, pillar: growth}\n  - {type: kpi, id: nrr, pillar: growth}\n  - {type: kpi, id: arr, pillar: growth, level: strategic}\n---\n";
  it("strategic-work-tactical-kpi: offers each strategic KPI of the pillar, appended to kpis:", () => {
    const ws = workspaceOf({
      "p.md": "---\ntype: pillar\nid: growth\n---\n",
      "k.md": kpis,
      "i.md": "---\ntype: initiative\nid: plg\npillar: growth\nkpis:\n  - ctr\nstatus: planned\n---\n",
      "t.md": "---\ntype: tactic\nid: t\ntrack: strategic\ninitiative: plg\n---\n",
      "d.md": "---\ntype: initiative\nid: d\npillar: growth\nkpi: ctr\nstatus: dropped\n---\n",
      "q.md": "---\ntype: tactic\nid: q\nkpi: ctr\n---\n",
    });
    const found = issuesOf(ws, "strategic-work-tactical-kpi");
    assert.deepEqual(found.map((i) => [i.file, i.range.start.line, i.message]), [
      ["i.md", 4, "Initiative `plg` is strategic work, but its KPI, `ctr`, is tactical: add a strategic KPI of pillar `growth` to `kpis:`"],
      ["t.md", 4, "Tactic `t` is strategic work, but the KPI it inherits from initiative `plg`, `ctr`, is tactical: add a strategic KPI of pillar `growth` to `kpis:`"],
    ]);
    assert.deepEqual(found[0].fixes.map((f) => f.title), ["Add strategic KPI `arr` (arr)", "Add strategic KPI `nrr` (nrr)"]);
    assert.match(applyChanges(ws, found[0].fixes[1].changes)["i.md"], /kpis:\n {2}- ctr\n {2}- nrr\nstatus: planned/);
    assert.match(applyChanges(ws, found[1].fixes[0].changes)["t.md"], /initiative: plg\nkpis: \[arr\]\n/);
    assert.deepEqual(issuesOf(ws, "strategic-work-tactical-kpi"), []);
  });

  it("strategic-work-tactical-kpi: a kpi: and kpis: both count; no choice and the advice to create one when the pillar has no strategic KPI", () => {
    const ws = workspaceOf({
      "p.md": "---\ntype: pillar\nid: growth\n---\n",
      "k.md": "---\nitems:\n  - {type: kpi, id: ctr, level: tactical, pillar: growth}\n  - {type: kpi, id: cpc, level: tactical}\n  - {type: kpi, id: nrr}\n---\n",
      "mixed.md": "---\ntype: initiative\nid: mixed\npillar: growth\nkpi: nrr\nkpis: [ctr]\n---\n",
      "both.md": "---\ntype: initiative\nid: both\npillar: growth\nkpi: cpc\nkpis: [ctr]\n---\n",
    });
    const [issue] = issuesOf(ws, "strategic-work-tactical-kpi");
    assert.equal(issue.file, "both.md");
    assert.equal(issue.message, "Initiative `both` is strategic work, but its KPIs (`cpc`, `ctr`) are all tactical: pillar `growth` has no strategic KPI yet: create one (`pillar: growth`, `level: strategic`) and add it to `kpis:`");
    assert.deepEqual(issue.fixes, []);
  });
});
