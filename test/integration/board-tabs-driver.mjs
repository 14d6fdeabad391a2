/**
 * Uses the Strategy Board's Review and KPIs tabs inside code-server's workbench
 * as a person would, for the tabs suite (test/integration/suite/board-tabs.test.ts),
 * which cannot see the webview's page. The suite writes `board-tabs.signal`:
 *   phase 1 — the review, locations and KPI report it computed from the documents:
 *             read the Review tab's numbers and compare, screenshot it
 *             (test-results/vscode-board-review.png), switch to KPIs by keyboard,
 *             compare and screenshot (vscode-board-kpis.png), go back, click the
 *             first carried-over item;
 *   phase 2 — a KPI: on the KPIs tab, click it;
 *   phase 3 — the roadmap, locations and calendar it computed: read the Roadmap tab's
 *             lanes and rows and compare, screenshot (vscode-board-roadmap.png),
 *             switch to the Calendar by keyboard, compare its bars and today,
 *             screenshot (vscode-board-calendar.png), click the campaign named.
 * After each phase the driver writes the phase's number into `board-tabs.done`;
 * the suite then checks that the click opened the document. What the driver
 * checked goes to the returned list; a failed check fails the run.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sleep } from "../../scripts/code-server.mjs";

export const TABS_SIGNAL_FILE = "board-tabs.signal";
export const TABS_DONE_FILE = "board-tabs.done";

/** A figure as the board shows it ("14.3%", "30% (−40 pts)", "48,000") as a number, or null. */
const numberOf = (text) => {
  const n = parseFloat(String(text ?? "").replace(/,/g, ""));
  return Number.isFinite(n) ? n : null;
};

async function until(probe, timeoutMs, what) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > end) throw new Error(`board tabs driver: timed out waiting for ${what}`);
    await sleep(150);
  }
}

/** The frame of the board showing `key` (`reviewGeneration`, `kpisComplete`) set. */
async function tabsFrame(page, key) {
  for (const frame of page.frames()) {
    try {
      if (await frame.evaluate((key) => Boolean(document.querySelector('main#board [role="tablist"]') && document.body.dataset[key]), key)) return frame;
    } catch {
      // A frame that went away or is not ready: look at the others.
    }
  }
  return undefined;
}

const selectedTab = (frame) => frame.locator('[role="tab"][aria-selected="true"]').textContent();

/** Phase 1: the Review tab's numbers, the KPIs tab by keyboard, screenshots, a carried-over item opened. */
async function reviewPhase(page, expected, { resultsDir, check }) {
  const { review, locations, kpis } = expected;
  const frame = await until(() => tabsFrame(page, "reviewGeneration"), 20_000, "the board on its Review tab");
  check("the command opened the board on the Review tab", (await selectedTab(frame)) === "Review");
  const picked = await frame.locator('select[aria-label="Sprint to review"]').inputValue();
  check("reviews the latest ended sprint", picked === review.sprint, `${picked}, expected ${review.sprint}`);
  const rows = await frame.locator('table[aria-label="Review by track"] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("th, td")].map((cell) => cell.textContent.trim())));
  for (const [i, track] of [[0, "strategic"], [1, "tactical"]]) {
    const shown = rows[i]?.slice(1).map(numberOf);
    const wanted = [review.target[track], review.committed[track], review.done[track], review.completion[track], review.realisedShare[track], review.carriedOver[track]];
    check(`shows the ${track} track's target, committed, done, completion, realised share and carry-over`, JSON.stringify(shown) === JSON.stringify(wanted), `${JSON.stringify(shown)} vs ${JSON.stringify(wanted)}`);
  }
  const summary = await frame.locator("#panel-review .summary").textContent();
  check("shows the sprint's velocity", summary?.includes(`velocity ${review.velocity}`), summary ?? "");
  if (review.drift) {
    const note = (await frame.locator("#panel-review .drift-note").textContent()) ?? "";
    check("calls out the split drift, naming its sprints", review.drift.sprints.every((id) => note.includes(id)), note);
  }
  const trend = await frame.locator('table[aria-label="Trend by sprint"] tbody tr').count();
  const quarters = await frame.locator('table[aria-label="Delivery by quarter"] tbody tr').count();
  check("shows the trend and the quarters", trend === review.trend.length && quarters === review.quarters.length, `${trend} trend rows, ${quarters} quarters`);

  // Taller for the screenshots, as the board suite's.
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 1400, height: 1250 });
  await sleep(700);
  await page.screenshot({ path: path.join(resultsDir, "vscode-board-review.png") });

  // The KPIs tab by keyboard: focus the selected tab, then Right.
  await frame.locator('[role="tab"][aria-selected="true"]').focus();
  await page.keyboard.press("ArrowRight");
  await until(() => frame.evaluate(() => document.getElementById("tab-kpis")?.getAttribute("aria-selected") === "true" && document.body.dataset.kpisComplete), 20_000, "the KPIs tab");
  const objectives = await frame.locator("#panel-kpis section.objective").count();
  check("ArrowRight shows the KPIs tab with every objective", objectives === kpis.objectives.length + (kpis.unattached.length ? 1 : 0), `${objectives} sections for ${kpis.objectives.length} objectives`);
  const results = [...kpis.objectives.flatMap((objective) => objective.keyResults), ...kpis.unattached];
  const progress = await frame.locator("#panel-kpis .kr").evaluateAll((lis) => lis.map((li) => [li.dataset.id, li.querySelector(".progress")?.textContent ?? ""]));
  const wrong = results.filter((kr) => {
    const shown = progress.find(([id]) => id === kr.id)?.[1];
    return kr.progress === null ? shown !== kr.progressNote : numberOf(shown) !== kr.progress;
  });
  check("shows each key result's progress as the core computed it", progress.length === results.length && !wrong.length, wrong.map((kr) => kr.id).join(", "));
  await sleep(500);
  await page.screenshot({ path: path.join(resultsDir, "vscode-board-kpis.png") });
  if (viewport) await page.setViewportSize(viewport);

  await page.keyboard.press("ArrowLeft");
  await until(() => frame.evaluate(() => document.getElementById("tab-review")?.getAttribute("aria-selected") === "true"), 10_000, "the Review tab again");
  check("ArrowLeft goes back to the Review tab", (await selectedTab(frame)) === "Review");
  const first = locations.find((location) => location.id === review.carriedOver.items[0]);
  await frame.getByRole("list", { name: "Carried over" }).getByRole("button", { name: first.title, exact: true }).click();
}

/** Phase 2: a click on a KPI. */
async function kpiPhase(page, expected) {
  const frame = await until(() => tabsFrame(page, "kpisComplete"), 20_000, "the board on its KPIs tab");
  await until(() => frame.evaluate(() => document.getElementById("tab-kpis")?.getAttribute("aria-selected") === "true"), 10_000, "the KPIs tab selected");
  await frame.locator(`#panel-kpis .kr[data-id="${expected.kpi.id}"] .kr-title button.link`).click();
}

/** The roadmap's rows as the tab lists them: per lane its header, its items, then milestones with no bar there. */
function roadmapRowIds(roadmap) {
  const rows = [];
  for (const lane of roadmap.rows) {
    rows.push(`lane:${lane.lane}`);
    const ids = lane.items.map((item) => item.id);
    for (const milestone of roadmap.milestones) if (milestone.lane === lane.lane && !ids.includes(milestone.id)) ids.push(milestone.id);
    rows.push(...ids);
  }
  return rows;
}

/** Phase 3: the Roadmap tab's rows, the Calendar by keyboard, screenshots, a campaign opened. */
async function timePhase(page, expected, { resultsDir, check }) {
  const { roadmap, calendar } = expected;
  const frame = await until(() => tabsFrame(page, "roadmapGeneration"), 20_000, "the board on its Roadmap tab");
  check("the command opened the board on the Roadmap tab", (await selectedTab(frame)) === "Roadmap");
  const wanted = roadmapRowIds(roadmap);
  const count = Number(await frame.locator('#panel-roadmap [role="grid"]').getAttribute("aria-rowcount")) - 1;
  check("the roadmap grid has a row per lane, item and lone milestone", count === wanted.length, `${count} rows, expected ${wanted.length}`);
  // The grid draws the rows in view (and a few more): those must be the first of the core's.
  const shown = await frame.locator("#panel-roadmap .rm-body [role='row']").evaluateAll((rows) => rows.map((row) => row.dataset.id ?? `lane:${row.dataset.lane ?? null}`));
  check("shows the lanes and items in the core's order", shown.length > 5 && JSON.stringify(shown) === JSON.stringify(wanted.slice(0, shown.length)), `${JSON.stringify(shown.slice(0, 8))}… vs ${JSON.stringify(wanted.slice(0, 8))}…`);
  const bars = await frame.locator("#panel-roadmap .rm-bar").count();
  const dashed = await frame.locator("#panel-roadmap .rm-bar.from-sprint").count();
  check("draws bars, dashed where the dates are the sprint's", bars > 0 && dashed > 0 && dashed < bars, `${bars} bars, ${dashed} dashed`);
  check("draws the today line", (await frame.locator("#panel-roadmap .rm-today").count()) === 1);
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 1400, height: 1250 });
  await sleep(700);
  await page.screenshot({ path: path.join(resultsDir, "vscode-board-roadmap.png") });

  await frame.locator('[role="tab"][aria-selected="true"]').focus();
  await page.keyboard.press("ArrowRight");
  await until(() => frame.evaluate(() => document.getElementById("tab-calendar")?.getAttribute("aria-selected") === "true" && document.body.dataset.calendarGeneration), 20_000, "the Calendar tab");
  await until(async () => (await frame.locator("#panel-calendar .cal-title").textContent()) === calendar.title, 20_000, `the calendar of ${calendar.title}`);
  const onBars = new Set(await frame.locator("#panel-calendar .cal-bar").evaluateAll((els) => els.map((el) => el.dataset.id)));
  const campaigns = new Set(calendar.channels.flatMap((channel) => channel.campaigns.map((campaign) => campaign.id)));
  check("ArrowRight shows the Calendar with every campaign of the month on a bar", onBars.size === campaigns.size && [...campaigns].every((id) => onBars.has(id)), `${[...onBars]} vs ${[...campaigns]}`);
  const today = await frame.locator('#panel-calendar [aria-current="date"]').getAttribute("data-day").catch(() => null);
  check("marks today", today === calendar.today, String(today));
  await sleep(500);
  await page.screenshot({ path: path.join(resultsDir, "vscode-board-calendar.png") });
  if (viewport) await page.setViewportSize(viewport);
  await frame.locator(`#panel-calendar .cal-bar[data-id="${expected.campaign}"]`).first().click();
}

/**
 * Returns a poller for the board driver's loop: each call acts on a new phase the suite
 * signalled (once), records checks through `check`, and answers in the done file.
 */
export function tabsDriver(page, { workspace, resultsDir, log, check }) {
  const signal = path.join(workspace, TABS_SIGNAL_FILE);
  let handled = 0;
  return async () => {
    if (!existsSync(signal)) return;
    let expected;
    try {
      expected = JSON.parse(readFileSync(signal, "utf8"));
    } catch {
      return; // Still being written.
    }
    if (expected.phase <= handled) return;
    handled = expected.phase;
    try {
      if (expected.phase === 1) await reviewPhase(page, expected, { resultsDir, check });
      else if (expected.phase === 2) await kpiPhase(page, expected);
      else await timePhase(page, expected, { resultsDir, check });
      log(`board tabs driver: phase ${expected.phase} done`);
    } catch (error) {
      check(`drives the board's tabs (phase ${expected.phase})`, false, error instanceof Error ? error.message : String(error));
      await page.screenshot({ path: path.join(resultsDir, "vscode-board-tabs-failed.png") }).catch(() => {});
    }
    writeFileSync(path.join(workspace, TABS_DONE_FILE), String(expected.phase));
  };
}
