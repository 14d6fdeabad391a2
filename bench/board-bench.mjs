#!/usr/bin/env node
// npm run bench:board  (node bench/board-bench.mjs [--items 10000] [--runs 9] [--warmup 2] [--no-build])
// The Strategy Board webview on a generated workspace (shared/tools/gen-corpus.mjs, dated by
// bench/gen-review.mjs: ended sprints, done and carried work, KPI histories), in headless Debian
// chromium through the e2e harness (test/e2e/harness: boardHtml(), the stub acquireVsCodeApi,
// the real media/dist/board.js), on the generator's day (REVIEW_TODAY):
//   first render  = from window.postMessage({type: "model"}) in a freshly loaded board until
//                   body.dataset.generation shows it and the next animation frame has run;
//   update        = the patch the host sends after an edit (one item's title and score changed, generation+1),
//                   posted to the board already showing the previous one, measured the same way;
//   Review, KPIs  = the same for the Review tab's model (the latest ended sprint; update: another
//                   sprint picked) and the KPIs tab's model (update: one KPI's reading changed), each
//                   posted to a freshly loaded board showing that tab (body.dataset.reviewGeneration / kpisGeneration);
//   Roadmap       = the roadmap by quarter in pillar lanes (update: by month in channel lanes); also
//                   a workspace where every one of the items is dated (test/e2e/time-models.mjs);
//   Calendar      = today's month of campaigns (update: the next month).
// Medians and p95 over the runs after a warm-up. Targets: first render ≤ 100 ms, update ≤ 50 ms,
// Review, KPIs, Roadmap and Calendar tabs ≤ 100 ms each.
// Not a test: nothing fails, it prints figures (and writes bench/results/board-<items>.json).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadBoardHtml, registerTsx, startHarness } from "../test/e2e/harness/page.mjs";
import { build } from "../test/integration/common.mjs";
import { arg, BENCH as here, median, quantile, REPO as repo } from "./common.mjs";
import { generateDatedCorpus, REVIEW_TODAY as TODAY } from "./gen-review.mjs";

const items = Number(arg("items", 10000));
const runs = Math.max(7, Number(arg("runs", 9)));
const warmup = Number(arg("warmup", 2));
const TARGET = { first: 100, update: 50, tab: 100 };

const ms = (value) => `${value.toFixed(1)} ms`.padStart(10);

// ---- The workspace and its model (the real core, through tsx) ----------------

if (!process.argv.includes("--no-build")) build();
if (!existsSync(join(repo, "media", "dist", "board.js"))) throw new Error("media/dist/board.js is missing: npm run build");

registerTsx();
const { readTree } = await import("../test/unit/helpers.ts").then((mod) => (mod.readTree ? mod : mod.default));
const { buildBoard, buildKpiTab, buildReviewTab, diffBoard, encodeModel, workspaceOf } = await import("../test/e2e/models.mjs");
const { buildCalendarTab, buildRoadmapTab, datedModels } = await import("../test/e2e/time-models.mjs");

const dir = mkdtempSync(join(tmpdir(), `strategy-board-bench-${items}-`));
generateDatedCorpus({ items, out: dir, today: TODAY });
const files = Object.fromEntries(readTree(dir));
const configPath = join(dir, "strategy.config.yaml");
const configText = existsSync(configPath) ? readFileSync(configPath, "utf8") : undefined;
rmSync(dir, { recursive: true, force: true });

const workspace = workspaceOf(files, configText);
const buildTimes = [];
let model;
for (let i = 0; i < 5; i++) {
  const start = performance.now();
  model = buildBoard(workspace, { today: TODAY, generation: 1 });
  buildTimes.push(performance.now() - start);
}
const json = JSON.stringify(model);
const wireJson = JSON.stringify(encodeModel(model));

/** Builds a tab model five times in node: the last model and the times. */
function timedBuild(build) {
  const times = [];
  let built;
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    built = build();
    times.push(performance.now() - start);
  }
  return { model: built, times };
}
const reviewBuild = timedBuild(() => buildReviewTab(workspace, { today: TODAY, generation: 1 }));
const review = reviewBuild.model;
if (!review.review) throw new Error(`the dated workspace has no review: ${review.message}`);
const otherSprint = review.sprints.find((sprint) => sprint.id !== review.sprint)?.id;
const reviewOther = buildReviewTab(workspace, { today: TODAY, generation: 2, sprint: otherSprint });
const kpiBuild = timedBuild(() => buildKpiTab(workspace, { today: TODAY, generation: 1 }));
const kpis = kpiBuild.model;
/** The KPIs model after a new reading of its first key result (as the host sends it after an edit). */
const kpisEdited = structuredClone(kpis);
const firstKr = [...kpisEdited.report.objectives.flatMap((objective) => objective.keyResults), ...kpisEdited.report.unattached][0];
if (firstKr) Object.assign(firstKr, { current: (firstKr.current ?? 0) + 1, progress: firstKr.progress === null ? null : firstKr.progress + 1 });
kpisEdited.generation = 2;
const roadmapBuild = timedBuild(() => buildRoadmapTab(workspace, { today: TODAY, generation: 1 }));
const roadmapOther = buildRoadmapTab(workspace, { today: TODAY, generation: 2, by: "month", lanes: "channel" });
const allDated = datedModels(items);
const allDatedBuild = timedBuild(() => allDated.roadmap({ generation: 1 }));
const allDatedOther = allDated.roadmap({ generation: 2, by: "month", lanes: "channel" });
const calendarBuild = timedBuild(() => buildCalendarTab(workspace, { today: TODAY, generation: 1 }));
const calendarNext = buildCalendarTab(workspace, { today: TODAY, generation: 2, month: calendarBuild.model.calendar.next });

// ---- The board in chromium ------------------------------------------------------

const { launchChromium } = await import("../test/e2e/harness/browser.mjs");
const { session, openBoard } = await import("../test/e2e/harness/board.mjs");
session.harness = await startHarness(loadBoardHtml);
session.browser = await launchChromium({ log: (line) => console.log(`[board-bench] ${line}`) });


/**
 * In the page: posts `window.__message` (parsed beforehand, outside the timing) and
 * resolves with the times from the post to the generation showing and to the next
 * animation frame (plus the webview's own render time).
 */
const timedPost = (page, generation, key = "generation", completeKey = undefined) =>
  page.evaluate(
    ([generation, key, completeKey]) =>
      new Promise((resolve) => {
        const want = String(generation);
        const attribute = `data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
        const start = performance.now();
        // A tab that adds a long list in slices, one per frame, says when the last is in (`completeKey`).
        const complete = new Promise((whole) => {
          if (!completeKey) return whole(NaN);
          const poll = () => (document.body.dataset[completeKey] === want ? whole(performance.now() - start) : requestAnimationFrame(poll));
          poll();
        });
        const done = (shown) =>
          requestAnimationFrame(() => {
            const frame = performance.now();
            // After the frame's callbacks, the frame is painted: a task later is after it.
            setTimeout(() => {
              const painted = performance.now() - start;
              void complete.then((all) => resolve({ shown: shown - start, frame: frame - start, painted, own: Number(document.body.dataset.renderMs ?? NaN), complete: all }));
            }, 0);
          });
        const observer = new MutationObserver(() => {
          if (document.body.dataset[key] === want) {
            observer.disconnect();
            done(performance.now());
          }
        });
        observer.observe(document.body, { attributes: true, attributeFilter: [attribute] });
        window.postMessage(window.__message, "*");
      }),
    [generation, key, completeKey],
  );

/** Puts a host message into the page, parsed (the copy into the page is not what is measured). */
const stage = (page, message) => page.evaluate((text) => {
  window.__message = JSON.parse(text);
}, JSON.stringify(message));

/** The model after an edit of item `index`: its title and score change, so its rank may move (as the host would send). */
function edited(previous, generation, index) {
  const items = previous.items.map((item) => item);
  const at = index % items.length;
  items[at] = { ...items[at], title: `${items[at].title.replace(/ \(edited \d+\)$/, "")} (edited ${generation})`, score: Math.round((items[at].score + 0.01) * 100) / 100 };
  return { ...previous, generation, items };
}

const first = [];
const update = [];
const tabs = { review: { first: [], update: [] }, kpis: { first: [], update: [] }, roadmap: { first: [], update: [] }, calendar: { first: [], update: [] }, allDated: { first: [], update: [] } };
let domRows = 0;
let patchBytes = 0;
const board = await openBoard({ viewport: { width: 1400, height: 900 } });
try {
  const { page } = board;
  const whole = { type: "model", model: encodeModel(model) };
  for (let round = 0; round < warmup + runs; round++) {
    await page.reload();
    await page.waitForFunction(() => (window.__posted ?? []).some((m) => m.type === "ready"));
    await stage(page, whole);
    const f = await timedPost(page, model.generation);
    if (round >= warmup) first.push(f);
  }
  let shown = model;
  for (let round = 0; round < warmup + runs; round++) {
    const next = edited(shown, shown.generation + 1, round * 37);
    const patch = diffBoard(shown, next);
    patchBytes = JSON.stringify(patch).length;
    await stage(page, patch ? { type: "patch", patch } : { type: "model", model: encodeModel(next) });
    const u = await timedPost(page, next.generation);
    if (round >= warmup) update.push(u);
    shown = next;
    await page.waitForTimeout(50);
  }
  domRows = await page.evaluate(() => document.querySelectorAll('[role="grid"] [role="row"][data-uid]').length);

  // The Review and KPIs tabs: a fresh board on that tab (the saved state brings it back on reload), then an update.
  const tabRuns = [
    ["review", "Review", review, reviewOther],
    ["kpis", "KPIs", kpis, kpisEdited],
    ["roadmap", "Roadmap", roadmapBuild.model, roadmapOther],
    ["calendar", "Calendar", calendarBuild.model, calendarNext],
    ["roadmap", "Roadmap", allDatedBuild.model, allDatedOther, "allDated"],
  ];
  for (const [tab, name, shown, next, as = tab] of tabRuns) {
    const key = `${tab}Generation`;
    await page.getByRole("tab", { name, exact: true }).click();
    for (let round = 0; round < warmup + runs; round++) {
      await page.reload();
      await page.waitForFunction(() => (window.__posted ?? []).some((m) => m.type === "ready"));
      const completeKey = tab === "kpis" ? "kpisComplete" : undefined;
      await stage(page, { type: tab, model: shown });
      const f = await timedPost(page, shown.generation, key, completeKey);
      await stage(page, { type: tab, model: next });
      const u = await timedPost(page, next.generation, key, completeKey);
      if (round >= warmup) {
        tabs[as].first.push(f);
        tabs[as].update.push(u);
      }
    }
  }
  if (board.problems.length) console.log(`page problems:\n  ${board.problems.join("\n  ")}`);
} finally {
  await board.close();
  await session.browser.close();
  await session.harness.close();
}

// ---- Report -------------------------------------------------------------------------

const counts = { items: model.items.length, unranked: model.unranked.length, closed: model.closed.length };
console.log(`\nStrategy Board, ${items}-item generated workspace: ${counts.items} ranked + ${counts.unranked} unranked + ${counts.closed} closed backlog items, sprint ${model.sprint}`);
console.log(`model: ${(json.length / 1024 / 1024).toFixed(2)} MB as objects, ${(wireJson.length / 1024 / 1024).toFixed(2)} MB as sent (columns); a patch after an edit: ${(patchBytes / 1024).toFixed(0)} KB; buildBoard in node: median ${median(buildTimes).toFixed(0)} ms of ${buildTimes.length}`);
console.log(`headless chromium, 1400×900, ${runs} runs after ${warmup} warm-up, ${domRows} row elements in the DOM\n`);
const row = (label, samples, key, target) => {
  const values = samples.map((s) => s[key]);
  const m = median(values);
  const verdict = target === undefined ? "" : m <= target ? `  ≤ ${target} ms target: ok` : `  ≤ ${target} ms target: MISSED`;
  console.log(`${label.padEnd(44)} median ${ms(m)}   p95 ${ms(quantile(values, 0.95))}${verdict}`);
};
console.log("what                                          (from window.postMessage)");
row("first render: generation shown", first, "shown");
row("first render: + next animation frame", first, "painted", TARGET.first);
row("  of which the webview's own render", first, "own");
row("update after an edit (patch): generation shown", update, "shown");
row("update after an edit: + next animation frame", update, "painted", TARGET.update);
row("  of which the webview's own render", update, "own");
const keyResults = kpis.report.objectives.reduce((sum, objective) => sum + objective.keyResults.length, kpis.report.unattached.length);
console.log(`\nReview tab: sprint ${review.sprint} (${review.review.trend.length} in the trend, ${review.review.quarters.length} quarters, ${review.review.carriedOver.items.length} carried over), ${(JSON.stringify(review).length / 1024).toFixed(0)} KB; buildReviewTab in node: median ${median(reviewBuild.times).toFixed(1)} ms`);
console.log(`KPIs tab: ${kpis.report.objectives.length} objectives, ${keyResults} key results, ${(JSON.stringify(kpis).length / 1024).toFixed(0)} KB; buildKpiTab in node: median ${median(kpiBuild.times).toFixed(1)} ms`);
row("Review tab: first render + next frame", tabs.review.first, "painted", TARGET.tab);
row("  of which the webview's own render", tabs.review.first, "own");
row(`Review tab: another sprint (${otherSprint}) + next frame`, tabs.review.update, "painted", TARGET.tab);
row("KPIs tab: first render + next frame", tabs.kpis.first, "painted", TARGET.tab);
row("  of which the webview's own render", tabs.kpis.first, "own");
row("  every objective in (one slice a frame)", tabs.kpis.first, "complete");
row("KPIs tab: after a new reading + next frame", tabs.kpis.update, "painted", TARGET.tab);
row("  every objective in", tabs.kpis.update, "complete");
const { roadmap } = roadmapBuild.model;
const bars = roadmap.rows.reduce((sum, lane) => sum + lane.items.length, 0);
console.log(`\nRoadmap tab: ${roadmap.periods.length} quarters, ${roadmap.rows.length} lanes, ${bars} bars, ${roadmap.milestones.length} milestones, ${roadmap.unscheduled.length} unscheduled, ${(JSON.stringify(roadmapBuild.model).length / 1024).toFixed(0)} KB; buildRoadmapTab in node: median ${median(roadmapBuild.times).toFixed(1)} ms`);
const { calendar } = calendarBuild.model;
console.log(`Calendar tab: ${calendar.title}, ${calendar.channels.length} channels, ${calendar.channels.reduce((sum, channel) => sum + channel.campaigns.length, 0)} campaigns, ${(JSON.stringify(calendarBuild.model).length / 1024).toFixed(0)} KB; buildCalendarTab in node: median ${median(calendarBuild.times).toFixed(1)} ms`);
row("Roadmap tab: first render + next frame", tabs.roadmap.first, "painted", TARGET.tab);
row("  of which the webview's own render", tabs.roadmap.first, "own");
row("Roadmap tab: by month, channel lanes + next frame", tabs.roadmap.update, "painted", TARGET.tab);
const dated = allDatedBuild.model.roadmap;
console.log(`Roadmap tab, every item dated: ${dated.periods.length} quarters, ${dated.rows.reduce((sum, lane) => sum + lane.items.length, 0)} bars, ${dated.milestones.length} milestones, ${(JSON.stringify(allDatedBuild.model).length / 1024).toFixed(0)} KB; buildRoadmapTab in node: median ${median(allDatedBuild.times).toFixed(1)} ms`);
row("  every item dated: first render + next frame", tabs.allDated.first, "painted", TARGET.tab);
row("  of which the webview's own render", tabs.allDated.first, "own");
row("  every item dated: by month, channels + frame", tabs.allDated.update, "painted", TARGET.tab);
row("Calendar tab: first render + next frame", tabs.calendar.first, "painted", TARGET.tab);
row("  of which the webview's own render", tabs.calendar.first, "own");
row(`Calendar tab: next month (${calendarNext.calendar.month}) + next frame`, tabs.calendar.update, "painted", TARGET.tab);

mkdirSync(join(here, "results"), { recursive: true });
writeFileSync(join(here, "results", `board-${items}.json`), JSON.stringify({ date: new Date().toISOString(), items, runs, warmup, jsonBytes: json.length, wireBytes: wireJson.length, patchBytes, buildBoardMs: buildTimes, first, update, domRows, tabs, buildReviewTabMs: reviewBuild.times, buildKpiTabMs: kpiBuild.times, buildRoadmapTabMs: roadmapBuild.times, buildCalendarTabMs: calendarBuild.times, buildRoadmapTabAllDatedMs: allDatedBuild.times }, null, 2));
