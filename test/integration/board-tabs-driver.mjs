/**
 * Uses the Strategy Board's Review and KPIs tabs inside code-server's workbench
 * as a person would, for the tabs suite (test/integration/suite/board-tabs.test.ts),
 * which cannot see the webview's page. The suite writes `board-tabs.signal`:
 *   phase 1 — the review, locations and KPI report it computed from the documents:
 *             read the Review tab's numbers and compare, screenshot it
 *             (test-results/vscode-board-review.png), switch to KPIs by keyboard,
 *             compare and screenshot (vscode-board-kpis.png), go back, click the
 *             first carried-over item;
 *   phase 2 — a KPI: on the KPIs tab, click it.
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
      else await kpiPhase(page, expected);
      log(`board tabs driver: phase ${expected.phase} done`);
    } catch (error) {
      check(`drives the board's tabs (phase ${expected.phase})`, false, error instanceof Error ? error.message : String(error));
      await page.screenshot({ path: path.join(resultsDir, "vscode-board-tabs-failed.png") }).catch(() => {});
    }
    writeFileSync(path.join(workspace, TABS_DONE_FILE), String(expected.phase));
  };
}
