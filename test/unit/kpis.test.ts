import { strict as assert } from "node:assert";
import { buildKpiReport, hover, keyResultOf, kpiProgressLabel, StrategyWorkspace, type Issue, type KeyResult } from "../../src/core/index";
import { issuesOf, workspaceOf } from "./helpers";

const kpiFile = (fields: string) => `---\ntype: kpi\nid: k\n${fields}\n---\n`;
/** The key result of a one-KPI workspace (`id: k`) on a given day. */
function resultOf(fields: string, today = "2026-11-30", config?: string): KeyResult {
  const ws = workspaceOf({ "k.md": kpiFile(fields) }, config);
  return keyResultOf(ws, ws.index.find("k")!, today);
}

describe("KPIs: progress (SPEC §8)", () => {
  it("goes from baseline to target, direction down by itself", () => {
    const down = resultOf("baseline: 2.4\ncurrent: 2.1\ntarget: 1.6\ndirection: down");
    assert.equal(down.progress, 37.5);
    assert.equal(down.direction, "down");
    assert.equal(down.progressNote, null);
    // No `direction:`: a target under the baseline says it.
    assert.equal(resultOf("baseline: 2.4\ncurrent: 2.1\ntarget: 1.6").direction, "down");
    assert.equal(resultOf("baseline: 98\ncurrent: 104\ntarget: 110").direction, "up");
    assert.equal(resultOf("baseline: 98\ncurrent: 104\ntarget: 110").progress, 50);
  });

  it("is not clamped: beyond the target is over 100, the wrong way under 0", () => {
    assert.equal(resultOf("baseline: 100\ncurrent: 125\ntarget: 120").progress, 125);
    assert.equal(resultOf("baseline: 2.4\ncurrent: 2.6\ntarget: 1.6").progress, -25);
    assert.equal(resultOf("baseline: 10\ncurrent: 10\ntarget: 20").progress, 0);
  });

  it("is null with the reason when a value is missing or target equals baseline", () => {
    const missing = resultOf("current: 5\ntarget: 10");
    assert.equal(missing.progress, null);
    assert.equal(missing.progressNote, "no baseline");
    assert.equal(missing.baseline, null);
    assert.equal(resultOf("baseline: 5").progressNote, "no current value, no target");
    assert.equal(resultOf("baseline: 5\ncurrent:\ntarget: 9").progressNote, "no current value");
    const flat = resultOf("baseline: 5\ncurrent: 6\ntarget: 5");
    assert.equal(flat.progress, null);
    assert.equal(flat.progressNote, "target equals baseline");
  });

  it("reads numeric text, and counts other text as missing", () => {
    const text = resultOf('baseline: "12"\ncurrent: " 15 "\ntarget: "2.5e1"');
    assert.deepEqual([text.baseline, text.current, text.target, text.progress], [12, 15, 25, 23.1]);
    const words = resultOf('baseline: 1\ncurrent: about 3\ntarget: "110%"');
    assert.equal(words.current, null);
    assert.equal(words.target, null);
    assert.equal(words.progress, null);
    assert.equal(words.progressNote, "current is not a number, target is not a number");
  });

  it("rounds to one decimal and reports level, unit, confidence and due", () => {
    const result = resultOf("baseline: 0\ncurrent: 1\ntarget: 3\nlevel: tactical\nunit: '%'\nconfidence: 70\ndue: 2027-03-31");
    assert.equal(result.progress, 33.3);
    assert.deepEqual([result.level, result.unit, result.confidence, result.due], ["tactical", "%", 70, "2027-03-31"]);
    assert.deepEqual([resultOf("target: 1").level, resultOf("target: 1").unit, resultOf("target: 1").confidence], ["strategic", null, null]);
  });
});

describe("KPIs: pace, readings and staleness", () => {
  // First reading 2026-10-01, due 2026-12-31 (91 days); on 2026-11-30, 60 days in: 65.9% expected.
  const paced = (current: number, extra = "") => resultOf(`baseline: 0\ncurrent: ${current}\ntarget: 100\nmeasured: 2026-11-20\nhistory: [{date: 2026-10-01, value: 0}]\ndue: 2026-12-31${extra}`);

  it("is ahead, on pace or behind by more than 10 points against the line from the first reading to due", () => {
    assert.equal(paced(77).pace, "ahead");
    assert.equal(paced(75).pace, "on-pace");
    assert.equal(paced(56).pace, "on-pace");
    assert.equal(paced(55).pace, "behind");
  });

  it("expects 0 before the first reading and 100 after due", () => {
    const early = resultOf("baseline: 0\ncurrent: 5\ntarget: 100\nmeasured: 2026-12-10\ndue: 2027-06-30", "2026-11-30");
    assert.equal(early.pace, "on-pace");
    const late = resultOf("baseline: 0\ncurrent: 95\ntarget: 100\nmeasured: 2026-10-01\ndue: 2026-11-01", "2026-11-30");
    assert.equal(late.pace, "on-pace");
    assert.equal(resultOf("baseline: 0\ncurrent: 80\ntarget: 100\nmeasured: 2026-10-01\ndue: 2026-11-01", "2026-11-30").pace, "behind");
  });

  it("has no pace without progress, without a reading, without due, or when due is not after the first reading", () => {
    assert.equal(resultOf("current: 5\ntarget: 100\nmeasured: 2026-10-01\ndue: 2026-12-31").pace, null);
    assert.equal(resultOf("baseline: 0\ncurrent: 5\ntarget: 100\ndue: 2026-12-31").pace, null);
    assert.equal(resultOf("baseline: 0\ncurrent: 5\ntarget: 100\nmeasured: 2026-10-01").pace, null);
    assert.equal(resultOf("baseline: 0\ncurrent: 5\ntarget: 100\nmeasured: 2026-10-01\ndue: 2026-10-01").pace, null);
    assert.equal(resultOf("baseline: 0\ncurrent: 5\ntarget: 100\nmeasured: 2026-10-01\ndue: 2026-09-01").pace, null);
  });

  it("lists the history sorted by date (readings of one day in file order), and measures by the newest of measured and history", () => {
    const result = resultOf("target: 1\nmeasured: 2026-10-02\nhistory:\n  - {date: 2026-11-01, value: 3}\n  - {date: 2026-09-01, value: 1}\n  - {date: 2026-11-01, value: 4}\n  - {date: 2026-10-01, value: 2}");
    assert.deepEqual(result.history, [
      { date: "2026-09-01", value: 1 },
      { date: "2026-10-01", value: 2 },
      { date: "2026-11-01", value: 3 },
      { date: "2026-11-01", value: 4 },
    ]);
    assert.equal(result.measured, "2026-11-01");
    assert.equal(resultOf("target: 1\nmeasured: 2026-11-20\nhistory: [{date: 2026-09-01, value: 1}]").measured, "2026-11-20");
    assert.equal(resultOf("target: 1").measured, null);
    assert.deepEqual(resultOf("target: 1").history, []);
  });

  it("is stale with a target and no measurement, or a latest measurement older than review.kpiMaxAgeDays", () => {
    assert.equal(resultOf("target: 1").stale, true);
    assert.equal(resultOf("baseline: 1").stale, false, "no target: nothing to be stale about");
    assert.equal(resultOf("target: 1\nmeasured: 2026-10-16").stale, false, "45 days");
    assert.equal(resultOf("target: 1\nmeasured: 2026-10-15").stale, true, "46 days");
    assert.equal(resultOf("target: 1\nmeasured: 2026-06-01\nhistory: [{date: 2026-11-01, value: 1}]").stale, false);
    assert.equal(resultOf("target: 1\nmeasured: 2026-10-15", "2026-11-30", "review:\n  kpiMaxAgeDays: 60\n").stale, false);
  });
});

describe("KPIs: the work that moves them", () => {
  const ws = workspaceOf({
    "k.md": "---\nitems:\n  - {type: kpi, id: nrr, target: 1}\n  - {type: kpi, id: arr, target: 1}\n---\n",
    "p.md": "---\ntype: pillar\nid: growth\nkpis: [nrr]\n---\n",
    "plg.md": "---\ntype: initiative\nid: plg\nkpis: [nrr, arr]\n---\n",
    "old.md": "---\ntype: initiative\nid: old\nkpi: nrr\nstatus: dropped\n---\n",
    "t.md": [
      "---",
      "items:",
      "  - {type: tactic, id: t-inherits, initiative: plg}",
      "  - {type: tactic, id: t-own-other, initiative: plg, kpi: arr}",
      "  - {type: tactic, id: t-dropped, kpi: nrr, status: dropped}",
      "  - {type: tactic, id: t-dropped-child, initiative: plg, status: dropped}",
      "  - {type: tactic, id: t-under-dropped, initiative: old}",
      "  - {type: tactic, id: a-direct, kpis: [NRR], status: done}",
      "---",
      "",
    ].join("\n"),
  });

  it("lists initiatives and tactics whose own or inherited KPIs name it, any status but dropped, by id", () => {
    assert.deepEqual(keyResultOf(ws, ws.index.find("nrr")!, "2026-11-30").movedBy, ["a-direct", "plg", "t-inherits", "t-under-dropped"]);
    assert.deepEqual(keyResultOf(ws, ws.index.find("arr")!, "2026-11-30").movedBy, ["plg", "t-inherits", "t-own-other"]);
  });
});

describe("KPIs: the report (objectives and key results)", () => {
  const files = {
    "p/retention.md": "---\ntype: pillar\nid: retention\ntitle: Retention and advocacy\n---\n",
    "p/growth.md": "---\ntype: pillar\nid: growth\nkpis: [b-kpi, a-kpi]\n---\n# Growth engine\n",
    "p/zz-dup.md": "---\ntype: pillar\nid: growth\ntitle: A second growth\nkpis: [lost]\n---\n",
    "k/logo-churn.md": "---\ntype: kpi\nid: logo-churn\ntitle: Monthly logo churn\npillar: retention\nunit: '%'\ndirection: down\nbaseline: 2.4\ncurrent: 2.1\ntarget: 1.6\nmeasured: 2026-11-02\nhistory:\n  - {date: 2026-09-01, value: 2.3}\n---\n",
    "k/set.md": [
      "---",
      "items:",
      "  - {type: kpi, id: a-kpi, baseline: 0, current: 150, target: 100}",
      "  - {type: kpi, id: b-kpi, baseline: 0, current: -20, target: 100, pillar: retention}",
      "  - {type: kpi, id: c-kpi, baseline: 0, current: 50, target: 100, pillar: growth}",
      "  - {type: kpi, id: d-kpi, pillar: growth}",
      "  - {type: kpi, id: z-loose, baseline: 1, current: 2, target: 3}",
      "  - {type: kpi, id: lost}",
      "---",
      "",
    ].join("\n"),
    "i/renewal.md": "---\ntype: initiative\nid: renewal-playbook\npillar: retention\nkpi: logo-churn\n---\n",
  };
  const report = buildKpiReport(workspaceOf(files), { today: "2026-11-24" });

  it("gives every pillar by id (of one id, the first in document order), with its listed and naming KPIs by id", () => {
    assert.deepEqual(report.objectives.map((o) => [o.pillar, o.title, o.keyResults.map((k) => k.id)]), [
      ["growth", "Growth engine", ["a-kpi", "b-kpi", "c-kpi", "d-kpi"]],
      ["retention", "Retention and advocacy", ["b-kpi", "logo-churn"]],
    ]);
    assert.deepEqual(report.unattached.map((k) => k.id), ["lost", "z-loose"]);
  });

  it("averages its key results' progress, each capped to 0..100, over those that have one", () => {
    // growth: 150 → 100, −20 → 0, 50; d-kpi has none: (100 + 0 + 50) / 3.
    assert.equal(report.objectives[0].progress, 50);
    // retention: −20 → 0 and 37.5.
    assert.equal(report.objectives[1].progress, 18.8);
    const none = buildKpiReport(workspaceOf({ "p.md": "---\ntype: pillar\nid: p\n---\n", "k.md": "---\ntype: kpi\nid: k\npillar: p\n---\n" }), { today: "2026-11-24" });
    assert.equal(none.objectives[0].progress, null);
  });

  it("has the JSON shape of SPEC §8", () => {
    const churn = report.objectives[1].keyResults[1];
    assert.deepEqual(churn, {
      id: "logo-churn", title: "Monthly logo churn", level: "strategic", unit: "%", direction: "down",
      baseline: 2.4, current: 2.1, target: 1.6, progress: 37.5, confidence: null, measured: "2026-11-02", stale: false,
      due: null, pace: null, progressNote: null, history: [{ date: "2026-09-01", value: 2.3 }], movedBy: ["renewal-playbook"],
    });
    assert.deepEqual(JSON.parse(JSON.stringify(report)), report);
  });

  it("takes the workspace's today by default, and an empty workspace gives an empty report", () => {
    // 45 days before the workspace's 2026-11-24: not yet stale; on 2026-11-30 it is.
    const ws = workspaceOf({ "k.md": kpiFile("target: 1\nmeasured: 2026-10-10") });
    assert.equal(buildKpiReport(ws).unattached[0].stale, false);
    assert.equal(buildKpiReport(ws, { today: "2026-11-30" }).unattached[0].stale, true);
    assert.deepEqual(buildKpiReport(workspaceOf({})), { objectives: [], unattached: [] });
  });
});

describe("KPIs: the tree's label and the hover", () => {
  it("labels progress, pace and staleness in one short line", () => {
    assert.equal(kpiProgressLabel(resultOf("baseline: 2.4\ncurrent: 2.1\ntarget: 1.6\nmeasured: 2026-11-02")), "37.5%");
    assert.equal(kpiProgressLabel(resultOf("baseline: 0\ncurrent: 60\ntarget: 100\nmeasured: 2026-10-01\nhistory: [{date: 2026-10-01, value: 0}]\ndue: 2026-12-31", "2026-11-20")), "60% · on pace · stale");
    assert.equal(kpiProgressLabel(resultOf("current: 5\ntarget: 10\nmeasured: 2026-11-20")), "no baseline");
  });

  const ws = workspaceOf({
    "k.md": "---\ntype: kpi\nid: logo-churn\ntitle: Monthly logo churn\nbaseline: 2.4\ncurrent: 2.1\ntarget: 1.6\nmeasured: 2026-11-02\nconfidence: 70\ndue: 2027-03-31\nhistory: [{date: 2026-09-01, value: 2.3}, {date: 2026-11-02, value: 2.1}]\n---\n",
    "old.md": "---\ntype: kpi\nid: nps\nbaseline: 30\ncurrent: 35\ntarget: 50\nmeasured: 2026-05-01\n---\n",
    "t.md": "---\ntype: tactic\nid: t\nkpis: [logo-churn, nps]\n---\n",
  });
  const text = (markdown: string) => markdown.replace(/\\(.)/g, "$1");

  it("shows progress, pace, confidence and the last reading on a KPI's id and on a reference to it", () => {
    const own = text(hover(ws, "k.md", { line: 2, character: 6 })!.markdown);
    assert.match(own, /37\.5% of the way from 2\.4 to 1\.6 \(now 2\.1, measured 2 Nov 2026\)/);
    assert.match(own, /On pace for 31 Mar 2027 · confidence 70%/);
    assert.match(own, /History: 2 readings since 1 Sep 2026/);
    assert.doesNotMatch(own, /Stale/);
    const ref = text(hover(ws, "t.md", { line: 3, character: 8 })!.markdown);
    assert.match(ref, /\*\*KPI\*\* logo-churn/);
    assert.match(ref, /37\.5% of the way/);
  });

  it("says when a KPI is stale", () => {
    const stale = text(hover(ws, "t.md", { line: 3, character: 21 })!.markdown);
    assert.match(stale, /25% of the way from 30 to 50 \(now 35, measured 1 May 2026\)/);
    assert.match(stale, /Stale: last measured 207 days ago/);
    assert.doesNotMatch(stale, /History|Last reading/);
    const behind = workspaceOf({ "k.md": kpiFile("baseline: 0\ncurrent: 1\ntarget: 10\nhistory: [{date: 2026-10-01, value: 1}, {date: 2026-11-01, value: 2}]") });
    assert.match(text(hover(behind, "k.md", { line: 2, character: 4 })!.markdown), /10% of the way from 0 to 10 \(now 1, measured 1 Nov 2026\)\n\nLast reading: 2 on 1 Nov 2026/);
  });
});

describe("KPIs: incremental diagnostics", () => {
  const key = (issues: readonly Issue[]) => issues.map((i) => `${i.file}:${i.range.start.line}:${i.rule}:${i.message}`).sort();
  const files: Record<string, string> = {
    "p.md": "---\ntype: pillar\nid: growth\nkpis: [ctr]\n---\n",
    "k.md": "---\ntype: kpi\nid: ctr\nlevel: tactical\ntarget: 1\nmeasured: 2026-11-20\n---\n",
    "nrr.md": "---\ntype: kpi\nid: nrr\npillar: growth\nlevel: tactical\ntarget: 1\nmeasured: 2026-11-20\n---\n",
    "i.md": "---\ntype: initiative\nid: plg\npillar: growth\nkpi: ctr\n---\n",
    "t.md": "---\ntype: tactic\nid: t\ntrack: strategic\ninitiative: plg\n---\n",
    "other.md": "---\ntype: initiative\nid: other\npillar: growth\nkpi: arr\n---\n",
    "arr.md": "---\ntype: kpi\nid: arr\nlevel: tactical\n---\n",
  };
  const steps: Array<[string, string]> = [
    ["k.md", files["k.md"].replace("level: tactical", "level: strategic")],
    ["k.md", files["k.md"]],
    ["nrr.md", files["nrr.md"].replace("level: tactical", "level: strategic")],
    ["nrr.md", files["nrr.md"].replace("pillar: growth", "pillar: elsewhere")],
    ["nrr.md", files["nrr.md"]],
    ["i.md", files["i.md"].replace("kpi: ctr", "kpis: [ctr, nrr]")],
    ["k.md", files["k.md"].replace("measured: 2026-11-20", "measured: 2026-01-01")],
    ["arr.md", "---\ntype: kpi\nid: arr\n---\n"],
  ];

  it("re-checks the work of a KPI (directly and through its initiative) and of its pillar when its level changes, as a fresh check does", () => {
    const ws = workspaceOf(files);
    const current = { ...files };
    for (const [path, text] of steps) {
      current[path] = text;
      const before = new Map(Object.keys(current).map((p) => [p, key(ws.issues(p))]));
      const changed = new Set(ws.setFile(path, text));
      for (const p of Object.keys(current)) if (!changed.has(p)) assert.deepEqual(key(ws.issues(p)), before.get(p), `${p} changed after an edit of ${path}, but was not reported`);
      const fresh = new StrategyWorkspace({ today: () => new Date("2026-11-24T12:00:00Z") });
      fresh.load(Object.entries(current));
      assert.deepEqual(key(ws.allIssues()), key(fresh.allIssues()), `after ${path}: ${text}`);
    }
    assert.ok(issuesOf(ws, "strategic-work-tactical-kpi").length > 0);
  });
});
