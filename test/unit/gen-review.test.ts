/**
 * bench/gen-review.mjs: the dated workspace the benches run on. What it plants is what the core
 * reports (the §8 rules next to gen-corpus's own), the review and KPI reports have work, and the
 * same seed writes the same files.
 */
import { strict as assert } from "node:assert";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildKpiReport, buildReview, StrategyWorkspace } from "../../src/core/index";
import { readTree } from "./helpers";

interface Expected {
  files: number;
  items: number;
  rules: Record<string, number>;
  review: { today: string; sprints: Array<{ id: string; start: string; end: string }>; done: number; carried: number };
}

// The bench helper is plain ESM JavaScript without types.
const load = (): Promise<{ generateDatedCorpus(options: { items: number; out: string; today?: string; seed?: number }): Expected }> =>
  import("../../bench/gen-review.mjs" as string);

describe("bench/gen-review.mjs", function () {
  this.timeout(60_000);
  const dirs: string[] = [];
  const generate = async (today: string, seed = 1) => {
    const out = mkdtempSync(join(tmpdir(), "sd-gen-review-"));
    dirs.push(out);
    const expected = (await load()).generateDatedCorpus({ items: 1000, out, today, seed });
    return { out, expected, files: readTree(out) };
  };
  after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it("plants exactly what the core reports, and the review and KPI reports have work", async () => {
    const today = "2026-11-30";
    const { expected, files } = await generate(today);
    const workspace = new StrategyWorkspace({ today: () => new Date(`${today}T12:00:00Z`) });
    workspace.load(files);
    assert.equal(workspace.index.itemCount, expected.items);
    const counts: Record<string, number> = {};
    for (const issue of workspace.allIssues()) counts[issue.rule] = (counts[issue.rule] ?? 0) + 1;
    for (const [rule, count] of Object.entries(expected.rules)) assert.equal(counts[rule] ?? 0, count, rule);
    for (const rule of ["kpi-stale", "chronic-carry-over", "strategic-work-tactical-kpi"]) assert.ok(expected.rules[rule] > 0, `${rule} is planted`);
    for (const rule of ["yaml-syntax", "schema", "duplicate-id", "unreadable-file"]) assert.equal(counts[rule] ?? 0, 0, rule);

    // Six sprints ended, the seventh holds today.
    const [current] = expected.review.sprints.filter((sprint) => sprint.start <= today && today <= sprint.end);
    assert.equal(current?.id, "2026-s07");
    assert.equal(expected.review.sprints.filter((sprint) => sprint.end < today).length, 6);
    const result = buildReview(workspace, { today });
    assert.ok(result.ok, result.ok ? "" : result.error);
    const { review } = result;
    assert.equal(review.sprint, "2026-s06");
    assert.equal(review.trend.length, 6);
    assert.ok(review.velocity > 0 && review.carriedOver.items.length > 0, JSON.stringify(review.carriedOver));
    assert.deepEqual(review.quarters.map((quarter) => quarter.quarter), ["2026-Q2", "2026-Q3", "2026-Q4"]);
    assert.ok(review.quarters.slice(1).every((quarter) => quarter.change && quarter.cycleTimeDays.strategic !== null && quarter.throughput.tactical > 0));

    const kpis = buildKpiReport(workspace, { today });
    const results = kpis.objectives.flatMap((objective) => objective.keyResults);
    assert.ok(results.some((result) => result.pace === "ahead") && results.some((result) => result.pace === "behind"));
    assert.ok(results.some((result) => result.level === "tactical") && results.every((result) => result.history.length >= 2));
  });

  it("writes the same files for the same seed and day, and other dates for another day", async () => {
    const first = await generate("2026-11-30");
    const again = await generate("2026-11-30");
    const other = await generate("2026-03-02");
    assert.deepEqual([...again.files], [...first.files]);
    assert.notDeepEqual(other.files.get("sprints/2026-s07.md"), first.files.get("sprints/2026-s07.md"));
    assert.equal(other.expected.review.sprints[6].start, "2026-02-27");
  });
});
