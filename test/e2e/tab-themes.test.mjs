// The Review, KPIs, Roadmap and Calendar tabs, and the Plan tab's money and team
// scores, in VS Code's Light+, Dark+, Dark Modern and both High Contrast themes:
// readable text and marks (WCAG contrast), screenshots in test-results/e2e/, and no
// sideways scrolling of the page beside an editor (760 px) or in a narrow group (420 px).
import { strict as assert } from "node:assert";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { assertClean, nextFrame, openBoard, postModel, postTab } from "./harness/board.mjs";
import { contrasts } from "./harness/contrast.mjs";
import { RESULTS } from "./harness/fixture.mjs";
import { exampleKpiModel, exampleModel, exampleReviewModel } from "./models.mjs";
import { calendarModel, campaignBoard, roadmapModel } from "./time-models.mjs";

/** The Review, KPIs, Roadmap and Calendar tabs, and money and team scores on Plan: text 4.5:1, links, tags and changes 3:1 (reported below 4.5), chart marks 3:1. Entries marked optional may be absent. */
const TAB_CHECKS = {
  review: {
    text: [
      ["selected tab", '[role="tab"][aria-selected="true"]'],
      ["other tab", '[role="tab"][aria-selected="false"]'],
      ["review picker", 'select[aria-label="Sprint to review"]'],
      ["review table cell", 'table[aria-label="Review by track"] tbody td'],
      ["drift note", "#panel-review .drift-note"],
      ["off-target share", "#panel-review td.off"],
      ["trend table cell", 'table[aria-label="Trend by sprint"] tbody td'],
      ["quarter figure", 'table[aria-label="Delivery by quarter"] .value'],
      ["trend chart text", "#panel-review svg.trend text.value"],
    ],
    accents: [
      ["carried-over link", '[aria-label="Carried over"] button.link'],
      ["better change", "#panel-review .change.better"],
      ["worse change", "#panel-review .change.worse", true],
      ["chart axis", "#panel-review svg.trend text.axis"],
    ],
    marks: [
      ["strategic share bar", "#panel-review svg.trend rect.fill-strategic", "fill"],
      ["velocity bar", "#panel-review svg.trend rect.fill-velocity", "fill"],
      ["target line", "#panel-review svg.trend polyline.marker", "stroke"],
      ["committed outline", "#panel-review svg.delivery rect.committed", "stroke"],
      ["done bar", "#panel-review svg.delivery rect.fill-tactical", "fill"],
    ],
  },
  kpis: {
    text: [
      ["objective filter", 'select[aria-label="Objective filter"]'],
      ["progress", "#panel-kpis .progress"],
      ["stale sentence", "#panel-kpis .stale-text"],
      ["behind pace", "#panel-kpis .pace.behind"],
      ["range figures", "#panel-kpis .kr-range .small"],
    ],
    accents: [
      ["key result link", "#panel-kpis .kr-title button.link"],
      ["stale tag", "#panel-kpis .tag.stale"],
      ["tactical tag", "#panel-kpis .tag:not(.stale)"],
      ["ahead of pace", "#panel-kpis .pace.ahead"],
    ],
    marks: [
      ["progress fill", "#panel-kpis svg.range rect.fill-progress", "fill"],
      ["current marker", "#panel-kpis svg.range line.marker.current", "stroke"],
      ["target marker", "#panel-kpis svg.range line.marker.target", "stroke"],
      ["sparkline", "#panel-kpis svg.spark polyline.spark-line", "stroke"],
    ],
  },
  roadmap: {
    text: [
      ["periods picker", 'select[aria-label="Roadmap periods"]'],
      ["lane title", "#panel-roadmap .rm-lane-title"],
      ["item name", "#panel-roadmap .rm-item:not(.selected) button.open"],
      ["period label", "#panel-roadmap .rm-period-name"],
      ["today label", "#panel-roadmap .rm-today-label"],
    ],
    accents: [
      ["unscheduled link", '[aria-label="Unscheduled"] button.link'],
      ["lane counts", "#panel-roadmap .rm-lane .muted"],
    ],
    marks: [
      ["initiative bar", "#panel-roadmap .rm-bar.initiative.from-item", "background-color"],
      ["tactic bar", "#panel-roadmap .rm-bar.tactic.from-item", "background-color"],
      ["sprint-dated outline", "#panel-roadmap .rm-bar.from-sprint", "border-top-color"],
      ["milestone", "#panel-roadmap .rm-diamond", "background-color"],
      ["today line", "#panel-roadmap .rm-today", "border-left-color"],
    ],
  },
  calendar: {
    text: [
      ["month title", "#panel-calendar .cal-title"],
      ["weekday", "#panel-calendar .cal-dow"],
      ["date", "#panel-calendar .cal-day:not(.out):not(.today) .cal-date"],
      ["today's date", "#panel-calendar .cal-day.today .cal-date"],
      ["campaign on a bar", "#panel-calendar .cal-bar"],
      ["channel band", "#panel-calendar .cal-band"],
      ["agenda heading", "#panel-calendar .cal-agenda h3"],
      ["channel table cell", 'table[aria-label="Campaigns by channel"] td'],
    ],
    accents: [
      ["agenda link", "#panel-calendar .cal-agenda button.link"],
      ["another month's date", "#panel-calendar .cal-day.out .cal-date"],
    ],
    marks: [["bar edge", "#panel-calendar .cal-bar:not(.open-start)", "border-left-color"]],
  },
  plan: {
    text: [
      ["money table cell", 'table[aria-label="Money by track"] tbody td.num:not(.over)'],
      ["over budget", 'table[aria-label="Money by track"] td.over'],
      ["team score", "table.team-scores tbody td.num:not(.disagree)"],
      ["disagreement", "#panel-plan .team p.disagree"],
    ],
    accents: [["money sentence", "#panel-plan .money-text"]],
    marks: [
      ["money bar", "svg.chart.money rect.fill-strategic", "fill"],
      ["budget marker", "svg.chart.money line.budget-cap", "stroke"],
      ["over-budget mark", "svg.chart.money rect.over-mark", "fill"],
    ],
  },
};

describe("the Review, KPIs, Roadmap and Calendar tabs and Plan's money in every theme", () => {
  for (const theme of ["light", "dark", "dark-modern", "high-contrast", "high-contrast-light"]) {
    it(`${theme}: readable text and marks, screenshots, no sideways scrolling of the page when narrow`, async function () {
      this.timeout(30_000);
      const board = await openBoard({ theme, viewport: { width: 1400, height: 900 } });
      try {
        const { page } = board;
        await postModel(page, exampleModel());
        mkdirSync(RESULTS, { recursive: true });
        const tabs = [
          ["review", "Review", exampleReviewModel({ generation: 2 })],
          ["kpis", "KPIs", exampleKpiModel({ generation: 3 })],
          ["roadmap", "Roadmap", roadmapModel({ generation: 4 })],
          ["calendar", "Calendar", calendarModel({ generation: 5 })],
          ["plan", "Plan", campaignBoard({ generation: 6 })],
        ];
        for (const [tab, name, model] of tabs) {
          await page.getByRole("tab", { name, exact: true }).click();
          if (tab === "plan") {
            // Money beside capacity, and the team's scores of a selected item.
            await postModel(page, model);
            const launch = model.items.find((item) => item.id === "launch");
            await page.locator(`[role="row"][data-uid="${launch.uid}"] [role="gridcell"]`).nth(3).click();
            await page.locator("table.team-scores").waitFor();
          } else await postTab(page, tab, model);
          await page.screenshot({ path: join(RESULTS, `${tab === "plan" ? "plan-money" : tab}-${theme}.png`), fullPage: true });
          const checks = TAB_CHECKS[tab];
          const optional = new Set([...checks.text, ...checks.accents].filter((entry) => entry[2] === true).map(([entryName]) => entryName));
          const text = await contrasts(page, checks.text.map(([a, b]) => [a, b]));
          const accents = await contrasts(page, checks.accents.map(([a, b]) => [a, b]));
          const marks = await contrasts(page, checks.marks);
          const missing = [...text, ...accents, ...marks].filter((c) => c.missing && !optional.has(c.name)).map((c) => `${c.name} (${c.selector})`);
          assert.deepEqual(missing, [], `${tab}: elements to check exist`);
          const low = [
            ...text.filter((c) => !c.missing && c.ratio < 4.5),
            ...accents.filter((c) => !c.missing && c.ratio < 3),
            ...marks.filter((c) => !c.missing && c.ratio < 3),
          ].map((c) => `${c.name}: ${c.ratio}:1 (${c.fg} on ${c.bg})`);
          console.log(`      (${theme} ${tab}: ${[...accents, ...marks].filter((c) => !c.missing).map((c) => `${c.name} ${c.ratio}:1`).join(", ")})`);
          assert.deepEqual(low, [], `${theme} ${tab}: below contrast`);
          if (theme === "light" || theme === "dark") {
            // Beside an editor (760 px) and in a narrow editor group (420 px).
            for (const width of [760, 420]) {
              await page.setViewportSize({ width, height: 900 });
              await nextFrame(page);
              await page.screenshot({ path: join(RESULTS, `${tab === "plan" ? "plan-money" : tab}-${theme}-${width}.png`), fullPage: true });
              const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
              assert.ok(overflow <= 0, `${theme} ${tab}: no horizontal scrolling of the page at ${width} px (${overflow} px too wide)`);
            }
            await page.setViewportSize({ width: 1400, height: 900 });
          }
        }
        await assertClean(board);
      } finally {
        await board.close();
      }
    });
  }
});
