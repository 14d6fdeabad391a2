import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildKpiReport, buildKpiTab, buildReview, buildReviewTab, reviewableSprints } from "../../src/core/index";
import { MAX_LISTED } from "../../src/core/board-tabs";
import { parseWebviewMessage } from "../../src/protocol";
import { readTree, workspaceOf } from "./helpers";

const EXAMPLES = readTree(join(__dirname, "..", "..", "examples"));
const examples = () => workspaceOf(Object.fromEntries(EXAMPLES), readFileSync(join(__dirname, "..", "..", "examples", "strategy.config.yaml"), "utf8"));
/** The examples' day: three sprints have ended (as in the integration tests). */
const DAY = "2026-11-30";

/** The line (1-based) of an item's id in a file of the examples: its `id:`, else its `type:` (the id is the file name). */
function idLine(file: string, id: string): number {
  const lines = new Map(EXAMPLES).get(file)!.split("\n");
  const at = lines.findIndex((line) => line.trim().replace(/^- /, "") === `id: ${id}`);
  return (at >= 0 ? at : lines.findIndex((line) => line.startsWith("type:"))) + 1;
}

describe("board tabs: Review model", () => {
  it("is the core's review of the latest ended sprint, with the ended sprints to pick from and the options it was given", () => {
    const workspace = examples();
    const model = buildReviewTab(workspace, { today: DAY, generation: 7, folder: "examples", folders: ["examples", "other"] });
    const review = buildReview(workspace, { today: DAY });
    assert.ok(review.ok);
    assert.deepEqual(model.review, review.review);
    assert.equal(model.sprint, review.review.sprint);
    assert.deepEqual(model.sprints, reviewableSprints(workspace, DAY));
    assert.deepEqual([model.generation, model.folder, model.folders, model.today, model.message], [7, "examples", ["examples", "other"], DAY, null]);
    assert.equal(model.tolerance, workspace.getConfig().capacity.tolerance);
  });

  it("reviews the sprint asked for (any case), and the latest when that one is unknown or has not ended", () => {
    const workspace = examples();
    const [first] = reviewableSprints(workspace, DAY);
    assert.equal(buildReviewTab(workspace, { today: DAY, sprint: first.id.toUpperCase() }).sprint, first.id);
    const latest = buildReviewTab(workspace, { today: DAY }).sprint;
    assert.equal(buildReviewTab(workspace, { today: DAY, sprint: "no-such-sprint" }).sprint, latest);
    assert.equal(buildReviewTab(workspace, { today: DAY, sprint: "2026-s15" }).sprint, latest, "a sprint that has not ended is not reviewed");
  });

  it("locates the reviewed sprint and the carried-over items it names (file and line of the id)", () => {
    const model = buildReviewTab(examples(), { today: DAY });
    const review = model.review!;
    assert.ok(review.carriedOver.items.length > 0, "the example carries work over");
    const sprint = model.locations.find((location) => location.id === review.sprint)!;
    assert.deepEqual(sprint, { id: review.sprint, title: "Sprint 14 (16-27 Nov)", kind: "sprint", file: "sprints/2026-s14.md", line: idLine("sprints/2026-s14.md", "2026-s14") });
    for (const id of review.carriedOver.items.slice(0, MAX_LISTED)) {
      const location = model.locations.find((entry) => entry.id === id);
      assert.ok(location, `${id} is located`);
      assert.ok(["initiative", "tactic"].includes(location.kind));
      assert.equal(location.line, idLine(location.file, id), `${id}: the line of its id in ${location.file}`);
    }
  });

  it("says why there is no review when no sprint has ended", () => {
    const workspace = workspaceOf({ "s1.md": "---\ntype: sprint\nid: s1\ncapacity: 10\nstart: 2026-11-23\nend: 2026-12-04\n---\n" });
    const model = buildReviewTab(workspace, { today: DAY });
    assert.deepEqual([model.review, model.sprint, model.sprints, model.locations], [null, null, [], []]);
    assert.match(model.message!, /No sprint has ended yet/);
  });
});

describe("board tabs: KPIs model", () => {
  it("is the core's KPI report, with the locations of its pillars, KPIs and the first items moving each", () => {
    const workspace = examples();
    const model = buildKpiTab(workspace, { today: DAY, generation: 3 });
    assert.deepEqual(model.report, buildKpiReport(workspace, { today: DAY }));
    assert.equal(model.maxAgeDays, workspace.getConfig().review.kpiMaxAgeDays);
    const at = (id: string) => model.locations.find((location) => location.id === id);
    for (const objective of model.report.objectives) assert.equal(at(objective.pillar)?.kind, "pillar", objective.pillar);
    for (const kr of [...model.report.objectives.flatMap((objective) => objective.keyResults), ...model.report.unattached]) {
      assert.equal(at(kr.id)?.kind, "kpi", kr.id);
      assert.equal(at(kr.id)?.line, idLine(at(kr.id)!.file, kr.id));
      for (const id of kr.movedBy.slice(0, MAX_LISTED)) assert.ok(at(id), `${id}, which moves ${kr.id}, is located`);
    }
    assert.equal(new Set(model.locations.map((location) => `${location.kind}:${location.id}`)).size, model.locations.length, "each item once");
  });

  it("locates only the first items of a KPI moved by many", () => {
    const files: Record<string, string> = { "k.md": "---\ntype: kpi\nid: k\nmetric: m\ntarget: 10\n---\n" };
    for (let i = 0; i < MAX_LISTED + 5; i++) files[`t${i}.md`] = `---\ntype: tactic\nid: t${String(i).padStart(2, "0")}\nkpi: k\n---\n`;
    const model = buildKpiTab(workspaceOf(files), { today: DAY });
    assert.equal(model.report.unattached[0].movedBy.length, MAX_LISTED + 5);
    assert.equal(model.locations.filter((location) => location.kind === "tactic").length, MAX_LISTED);
  });
});

describe("board tabs: protocol", () => {
  it("accepts a tab and a sprint to review in a view request, and nothing else", () => {
    for (const message of [{ type: "view", tab: "review" }, { type: "view", tab: "kpis" }, { type: "view", tab: "plan", reviewSprint: null }, { type: "view", reviewSprint: "2026-s13" }]) {
      assert.ok(parseWebviewMessage(message).ok, JSON.stringify(message));
    }
    for (const message of [{ type: "view", tab: "gantt" }, { type: "view", tab: 1 }, { type: "view", reviewSprint: "" }, { type: "view", reviewSprint: "x".repeat(201) }]) {
      assert.equal(parseWebviewMessage(message).ok, false, JSON.stringify(message));
    }
  });
});

describe("board tabs: a long KPI history", () => {
  it("sends a sparkline at most MAX_SPARK_READINGS readings, evenly spaced, the first and last kept", async () => {
    const { MAX_SPARK_READINGS, thinned } = await import("../../src/core/board-tabs");
    const H = await import("../hostile-inputs.mjs");
    const workspace = workspaceOf({ "kpi.md": H.longHistory(100000) });
    const full = buildKpiReport(workspace, { today: "2026-11-24" }).unattached[0].history;
    const sent = buildKpiTab(workspace, { today: "2026-11-24" }).report.unattached[0].history;
    assert.equal(full.length, 100000);
    assert.equal(sent.length, MAX_SPARK_READINGS);
    assert.deepEqual(sent[0], full[0]);
    assert.deepEqual(sent[sent.length - 1], full[full.length - 1]);
    assert.deepEqual(thinned([1, 2, 3], 5), [1, 2, 3]);
    assert.deepEqual(thinned([0, 1, 2, 3, 4, 5, 6, 7, 8], 5), [0, 2, 4, 6, 8]);
  });
});
