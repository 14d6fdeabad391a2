import { strict as assert } from "node:assert";
import { buildReview, reviewableSprints, type SprintReview } from "../../src/core/index";
import { median, quarterOf, relativeChange } from "../../src/core/review/delivery";
import { issuesOf, workspaceOf } from "./helpers";

const sprint = (id: string, start: string, end: string, extra = "") => `---\ntype: sprint\nid: ${id}\ncapacity: 40\nstart: ${start}\nend: ${end}\n${extra}---\n`;
const item = (type: "initiative" | "tactic", fields: Record<string, string | number>) =>
  `---\ntype: ${type}\n${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join("\n")}\n---\n`;

/** The SPEC §8 example: 2026-s13 committed 24/12, did 16/12, carried abm-pilot (8). */
function specWorkspace(config?: string) {
  return workspaceOf(
    {
      "sprints/s12.md": sprint("2026-s12", "2026-10-19", "2026-10-30"),
      "sprints/s13.md": sprint("2026-s13", "2026-11-02", "2026-11-13"),
      "sprints/s14.md": sprint("2026-s14", "2026-11-16", "2026-11-27"),
      "i/brand.md": item("initiative", { sprint: "2026-s13", estimate: 16, status: "done", started: "2026-10-20", done: "2026-11-12" }),
      "i/abm-pilot.md": item("initiative", { sprint: "2026-s14", carried: "[2026-s13]", estimate: 8, status: "in-progress", started: "2026-11-03" }),
      "i/old.md": item("initiative", { sprint: "2026-s12", estimate: 5, status: "done", started: "2026-09-01", done: "2026-10-29" }),
      "t/a.md": item("tactic", { sprint: "2026-s13", estimate: 7, status: "done", started: "2026-11-02", done: "2026-11-06" }),
      "t/b.md": item("tactic", { sprint: "2026-s13", estimate: 5, status: "done", started: "2026-11-02", done: "2026-11-10" }),
      "t/dropped.md": item("tactic", { sprint: "2026-s13", estimate: 9, status: "dropped" }),
      "t/s12.md": item("tactic", { sprint: "2026-s12", estimate: 5, status: "done", started: "2026-09-28", done: "2026-09-30" }),
    },
    config,
  );
}

function reviewOf(workspace: ReturnType<typeof workspaceOf>, options: { sprint?: string; today?: string } = {}): SprintReview {
  const result = buildReview(workspace, options);
  assert.ok(result.ok, result.ok ? "" : result.error);
  return result.review;
}

describe("sprint review (SPEC §8)", () => {
  it("reviews the latest ended sprint by default, with the SPEC example's numbers", () => {
    const review = reviewOf(specWorkspace(), { today: "2026-11-16" });
    assert.equal(review.sprint, "2026-s13");
    assert.equal(review.ended, true);
    assert.deepEqual(review.target, { strategic: 70, tactical: 30 });
    assert.deepEqual(review.committed, { strategic: 24, tactical: 12 });
    assert.deepEqual(review.done, { strategic: 16, tactical: 12 });
    assert.deepEqual(review.carriedOver, { strategic: 8, tactical: 0, items: ["abm-pilot"] });
    assert.deepEqual(review.completion, { strategic: 66.7, tactical: 100 });
    assert.deepEqual(review.realisedShare, { strategic: 57.1, tactical: 42.9 });
    assert.equal(review.velocity, 28);
    assert.deepEqual(Object.keys(review), ["sprint", "ended", "target", "committed", "done", "carriedOver", "completion", "realisedShare", "velocity", "trend", "drift", "quarters"]);
  });

  it("counts an open item still in a sprint after it ended as carried over, and a dropped one nowhere", () => {
    const workspace = workspaceOf({
      "s.md": sprint("s1", "2026-10-01", "2026-10-14"),
      "a.md": item("tactic", { sprint: "s1", estimate: 3, status: "in-progress" }),
      "b.md": item("tactic", { sprint: "s1", estimate: 2, status: "done" }),
      "c.md": item("initiative", { sprint: "s1", estimate: 9, status: "dropped" }),
    });
    const review = reviewOf(workspace);
    assert.deepEqual(review.committed, { strategic: 0, tactical: 5 });
    assert.deepEqual(review.carriedOver, { strategic: 0, tactical: 3, items: ["a"] });
    assert.deepEqual(review.completion, { strategic: null, tactical: 40 });
    assert.deepEqual(review.realisedShare, { strategic: 0, tactical: 100 });
  });

  it("has null completion and share when nothing was committed or done", () => {
    const workspace = workspaceOf({ "s.md": sprint("s1", "2026-10-01", "2026-10-14") });
    const review = reviewOf(workspace);
    assert.deepEqual(review.completion, { strategic: null, tactical: null });
    assert.deepEqual(review.realisedShare, { strategic: null, tactical: null });
    assert.equal(review.velocity, 0);
  });

  it("takes the sprint's own split as its target", () => {
    const workspace = workspaceOf({ "s.md": sprint("s1", "2026-10-01", "2026-10-14", "split: {strategic: 60, tactical: 40}\n") });
    assert.deepEqual(reviewOf(workspace).target, { strategic: 60, tactical: 40 });
  });

  it("reviews a named sprint, case-insensitively, even one that has not ended", () => {
    const workspace = specWorkspace();
    assert.equal(reviewOf(workspace, { sprint: "2026-S12", today: "2026-11-16" }).sprint, "2026-s12");
    const current = reviewOf(workspace, { sprint: "2026-s14", today: "2026-11-16" });
    assert.equal(current.ended, false);
    assert.deepEqual(current.carriedOver.items, [], "an unfinished item of a running sprint is not carried over yet");
    assert.deepEqual(current.trend.map((p) => p.sprint), ["2026-s12", "2026-s13"]);
  });

  it("says why there is no review, in words", () => {
    const none = buildReview(workspaceOf({ "s.md": sprint("s1", "2026-12-01", "2026-12-14") }));
    assert.ok(!none.ok && /No sprint has ended yet/.test(none.error));
    const unknown = buildReview(specWorkspace(), { sprint: "nope", today: "2026-11-16" });
    assert.ok(!unknown.ok && unknown.error.includes("`nope`") && unknown.error.includes("2026-s12, 2026-s13"));
    const notSprint = buildReview(specWorkspace(), { sprint: "brand", today: "2026-11-16" });
    assert.ok(!notSprint.ok && notSprint.error.includes("no sprint `brand`"));
  });

  it("lists the ended sprints oldest first for the board's picker", () => {
    assert.deepEqual(reviewableSprints(specWorkspace(), "2026-11-30").map((s) => s.id), ["2026-s12", "2026-s13", "2026-s14"]);
    assert.deepEqual(reviewableSprints(specWorkspace(), "2026-10-31").map((s) => s.end), ["2026-10-30"]);
  });

  it("keeps the last trendSprints ended sprints up to the reviewed one, oldest first", () => {
    const files: Record<string, string> = {};
    for (let n = 1; n <= 9; n++) {
      const day = String(n).padStart(2, "0");
      files[`s${n}.md`] = sprint(`s${n}`, `2026-09-${day}`, `2026-10-${day}`);
      files[`t${n}.md`] = item("tactic", { sprint: `s${n}`, estimate: n, status: "done" });
    }
    const workspace = workspaceOf(files);
    assert.deepEqual(reviewOf(workspace).trend.map((p) => p.sprint), ["s4", "s5", "s6", "s7", "s8", "s9"]);
    assert.deepEqual(reviewOf(workspace, { sprint: "s5" }).trend.map((p) => p.sprint), ["s1", "s2", "s3", "s4", "s5"]);
    const three = workspaceOf(files, "review: {trendSprints: 3}\n");
    const trend = reviewOf(three).trend;
    assert.deepEqual(trend.map((p) => [p.sprint, p.end, p.velocity, p.target]), [["s7", "2026-10-07", 7, 70], ["s8", "2026-10-08", 8, 70], ["s9", "2026-10-09", 9, 70]]);
  });

  it("names the drift over the ended sprints up to the reviewed one, skipping sprints with nothing done", () => {
    const workspace = workspaceOf({
      "s1.md": sprint("s1", "2026-09-01", "2026-09-14"),
      "s2.md": sprint("s2", "2026-09-15", "2026-09-28"),
      "s3.md": sprint("s3", "2026-09-29", "2026-10-12"),
      "s4.md": sprint("s4", "2026-10-13", "2026-10-26"),
      "a.md": item("tactic", { sprint: "s1", estimate: 4, status: "done" }),
      "b.md": item("tactic", { sprint: "s2", estimate: 4, status: "done" }),
      "c.md": item("initiative", { sprint: "s2", estimate: 4, status: "done" }),
      "d.md": item("tactic", { sprint: "s4", estimate: 4, status: "done" }),
    });
    // s4 0% and s2 50% (s3 did nothing): both more than 10 under 70.
    assert.deepEqual(reviewOf(workspace).drift, { sprints: ["s2", "s4"], target: 70 });
    assert.deepEqual(reviewOf(workspace, { sprint: "s2" }).drift, { sprints: ["s1", "s2"], target: 70 });
    assert.equal(reviewOf(workspace, { sprint: "s1" }).drift, null, "one sprint is not yet a drift");
  });
});

describe("delivery metrics per quarter", () => {
  it("computes completion, cycle time and throughput with their change against the previous quarter", () => {
    const quarters = reviewOf(specWorkspace(), { today: "2026-11-16" }).quarters;
    assert.deepEqual(quarters.map((q) => q.quarter), ["2026-Q3", "2026-Q4"]);
    const [q3, q4] = quarters;
    // Q3: no sprint ended; t/s12 done 2026-09-30 after 2 days.
    assert.deepEqual(q3, { quarter: "2026-Q3", strategicCompletion: null, cycleTimeDays: { strategic: null, tactical: 2 }, throughput: { strategic: 0, tactical: 1 }, change: null });
    // Q4: s12 (5 of 5 strategic) and s13 (16 of 24): 21 / 29.
    assert.equal(q4.strategicCompletion, 72.4);
    // Strategic: old 58 days, brand 23 days → 40.5; tactical: a 4, b 8 → 6.
    assert.deepEqual(q4.cycleTimeDays, { strategic: 40.5, tactical: 6 });
    assert.deepEqual(q4.throughput, { strategic: 2, tactical: 2 });
    assert.deepEqual(q4.change, { strategicCompletion: null, cycleTimeDays: { strategic: null, tactical: 200 }, throughput: { strategic: null, tactical: 100 } });
  });

  it("lists every quarter between the first with data and the reviewed sprint's, empty ones too", () => {
    const workspace = workspaceOf({
      "s.md": sprint("s1", "2026-10-01", "2026-10-14"),
      "t.md": item("tactic", { estimate: 1, status: "done", done: "2026-02-10" }),
    });
    assert.deepEqual(reviewOf(workspace).quarters.map((q) => [q.quarter, q.throughput.tactical]), [["2026-Q1", 1], ["2026-Q2", 0], ["2026-Q3", 0], ["2026-Q4", 0]]);
  });

  it("bounds the quarters to a century and ignores a start after the finish", () => {
    const workspace = workspaceOf({
      "s.md": sprint("s1", "2026-10-01", "2026-10-14"),
      "t.md": item("tactic", { status: "done", done: "0026-02-10" }),
      "u.md": item("tactic", { status: "done", started: "2026-10-09", done: "2026-10-02" }),
    });
    const quarters = reviewOf(workspace).quarters;
    assert.equal(quarters.length, 400);
    assert.equal(quarters[0].quarter, "1927-Q1");
    assert.deepEqual(quarters[quarters.length - 1].cycleTimeDays, { strategic: null, tactical: null });
    assert.equal(quarters[quarters.length - 1].throughput.tactical, 1);
  });

  it("has the median, quarter and change at their edges", () => {
    assert.equal(median([]), null);
    assert.equal(median([5]), 5);
    assert.equal(median([9, 1, 4, 6]), 5);
    assert.equal(quarterOf("2026-03-31"), "2026-Q1");
    assert.equal(quarterOf("2026-04-01"), "2026-Q2");
    assert.equal(quarterOf("2026-12-31"), "2026-Q4");
    assert.equal(relativeChange(71.4, 50.7), 40.8);
    assert.equal(relativeChange(18, 24.5), -26.5);
    assert.equal(relativeChange(3, 0), null);
    assert.equal(relativeChange(null, 2), null);
    assert.equal(relativeChange(2, null), null);
    assert.equal(relativeChange(2 / 3, 1 / 3), 100, "from unrounded values");
  });
});

describe("review rules", () => {
  it("split-drift fires once, on the latest ended sprint, naming each sprint's share", () => {
    const workspace = workspaceOf({
      "s1.md": sprint("s1", "2026-09-01", "2026-09-14"),
      "s2.md": sprint("s2", "2026-09-15", "2026-09-28"),
      "s3.md": sprint("s3", "2026-11-20", "2026-12-03"),
      "a.md": item("tactic", { sprint: "s1", estimate: 6, status: "done" }),
      "b.md": item("initiative", { sprint: "s1", estimate: 4, status: "done" }),
      "c.md": item("tactic", { sprint: "s2", estimate: 5, status: "done" }),
      "d.md": item("initiative", { sprint: "s3", estimate: 5, status: "done" }),
    });
    const found = issuesOf(workspace, "split-drift");
    assert.equal(found.length, 1);
    assert.equal(found[0].file, "s2.md");
    assert.match(found[0].message, /`?s1`? 40%, `?s2`? 0%/);
    assert.equal(found[0].range.start.line, 5, "on the `end` key");
  });

  it("split-drift follows an edit of another sprint's item", () => {
    const workspace = workspaceOf({
      "s1.md": sprint("s1", "2026-09-01", "2026-09-14"),
      "s2.md": sprint("s2", "2026-09-15", "2026-09-28"),
      "a.md": item("tactic", { sprint: "s1", estimate: 6, status: "done" }),
      "c.md": item("tactic", { sprint: "s2", estimate: 5, status: "done" }),
    });
    assert.equal(issuesOf(workspace, "split-drift").length, 1);
    const affected = workspace.setFile("a.md", item("initiative", { sprint: "s1", estimate: 6, status: "done" }));
    assert.ok(affected.includes("s2.md"), `s2.md is republished (got ${affected.join(", ")})`);
    assert.equal(issuesOf(workspace, "split-drift").length, 0);
  });

  it("chronic-carry-over counts distinct sprints and honours review.maxCarries", () => {
    const files = { "t.md": item("tactic", { sprint: "s3", carried: "[s1, S1]", status: "planned" }) };
    assert.equal(issuesOf(workspaceOf(files), "chronic-carry-over").length, 0);
    assert.equal(issuesOf(workspaceOf(files, "review: {maxCarries: 1}\n"), "chronic-carry-over").length, 1);
  });
});

describe("split-drift as files come and go", () => {
  it("republishes the sprint that held the drift when a sprint file is deleted", () => {
    const workspace = workspaceOf({
      "s1.md": sprint("s1", "2026-09-01", "2026-09-14"),
      "s2.md": sprint("s2", "2026-09-15", "2026-09-28"),
      "s3.md": sprint("s3", "2026-09-29", "2026-10-12"),
      "a.md": item("tactic", { sprint: "s1", estimate: 6, status: "done" }),
      "b.md": item("tactic", { sprint: "s2", estimate: 5, status: "done" }),
      "c.md": item("tactic", { sprint: "s3", estimate: 5, status: "done" }),
    });
    assert.equal(issuesOf(workspace, "split-drift")[0].file, "s3.md");
    const affected = workspace.deleteFile("s3.md");
    assert.ok(affected.includes("s2.md"), `the new holder is republished (got ${affected.join(", ")})`);
    assert.equal(issuesOf(workspace, "split-drift")[0].file, "s2.md");
    const back = workspace.setFile("s3.md", sprint("s3", "2026-09-29", "2026-10-12"));
    assert.ok(back.includes("s2.md") && back.includes("s3.md"));
    assert.equal(issuesOf(workspace, "split-drift")[0].file, "s3.md");
  });
});

describe("review and KPI reports on hostile workspaces", () => {
  it("3,000 ended sprints: the review, the drift and an edit stay bounded", async () => {
    const H = await import("../hostile-inputs.mjs");
    const { buildKpiReport } = await import("../../src/core/index");
    const workspace = workspaceOf(H.manySprints(3000));
    let start = performance.now();
    const review = reviewOf(workspace);
    const ms = performance.now() - start;
    assert.equal(review.sprint, "s2999");
    assert.equal(review.trend.length, 6);
    assert.ok(review.quarters.length === 33);
    assert.ok(ms < 3000, `${ms.toFixed(0)} ms`);
    assert.equal(issuesOf(workspace, "split-drift").length, 1);
    start = performance.now();
    workspace.setFile("x.md", item("tactic", { sprint: "s4998", estimate: 1, status: "done" }));
    assert.ok(performance.now() - start < 3000);
    assert.ok(buildKpiReport(workspace).objectives.length === 0);
  });

  it("a KPI with 100,000 readings: sorted history, a pace, a bounded cost", async () => {
    const H = await import("../hostile-inputs.mjs");
    const { buildKpiReport } = await import("../../src/core/index");
    const text = H.longHistory(100000);
    const newest = [...text.matchAll(/date: ([\d-]+),/g)].map((m) => m[1]).sort().at(-1);
    const workspace = workspaceOf({ "kpi.md": text });
    const start = performance.now();
    const report = buildKpiReport(workspace, { today: "2026-11-24" });
    const ms = performance.now() - start;
    const kpi = report.unattached[0];
    assert.equal(kpi.history.length, 100000);
    assert.ok(kpi.history.every((r, i) => i === 0 || kpi.history[i - 1].date <= r.date));
    assert.equal(kpi.measured, newest);
    assert.equal(kpi.pace !== null, true);
    assert.ok(ms < 3000, `${ms.toFixed(0)} ms`);
  });
});
