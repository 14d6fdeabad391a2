// The board in VS Code's Light+, Dark+ and High Contrast themes: colours come
// from the theme variables only, text stays readable (WCAG contrast), and
// screenshots of the example board go to test-results/e2e/ for a human look.
import { strict as assert } from "node:assert";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { assertClean, nextFrame, openBoard, postModel, postTab } from "./harness/board.mjs";
import { RESULTS } from "./harness/fixture.mjs";
import { ROOT } from "./harness/page.mjs";
import { exampleKpiModel, exampleModel, exampleReviewModel } from "./models.mjs";
import { calendarModel, campaignBoard, roadmapModel } from "./time-models.mjs";

/**
 * Colour literals in a stylesheet that are not the fallback of a `var(--vscode-…)`:
 * each `prop: value` whose value holds #hex, rgb()/hsl() or a named colour outside var().
 */
function literalColours(css) {
  const named = /\b(white|black|red|green|blue|yellow|orange|purple|gray|grey|silver|navy|teal|maroon|olive|lime|aqua|fuchsia|pink|brown)\b/i;
  const found = [];
  const text = css.replace(/\/\*[\s\S]*?\*\//g, "");
  for (const match of text.matchAll(/([a-z-]+)\s*:\s*([^;{}]+)/gi)) {
    const [, property, value] = match;
    // Blank out every var(...) (with its fallback), innermost first.
    let outside = value;
    for (let previous; previous !== outside; ) {
      previous = outside;
      outside = outside.replace(/var\([^()]*(\([^()]*\))*[^()]*\)/g, " ");
    }
    // A relative colour made from a theme variable (`rgb(from var(--vscode-…) r g b)`) is the theme's colour.
    outside = outside.replace(/\b(rgb|hsl)\(from\s+ (r g b|h s l)( \/ 1)?\)/g, " ");
    if (/#[0-9a-f]{3,8}\b|\b(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(/i.test(outside) || named.test(outside.replace(/url\([^)]*\)/g, ""))) {
      if (/^(grid-template|font|content|animation|transition)/.test(property)) continue;
      found.push(`${property}: ${value.trim()}`);
    }
  }
  return found;
}

/**
 * WCAG contrast of each selector's paint against what is painted behind it (in the page):
 * its text colour, or `property` (`fill`, `stroke`, `background-color`) for a chart mark,
 * whose backdrop is the chart's track over the page.
 */
function contrasts(page, selectors) {
  return page.evaluate((selectors) => {
    const canvas = document.createElement("canvas").getContext("2d", { willReadFrequently: true });
    // Any CSS colour (rgb(), color(srgb …) from color-mix) as 8-bit RGBA, through a canvas.
    const parse = (value) => {
      if (!value || value === "none") return null;
      canvas.clearRect(0, 0, 1, 1);
      canvas.fillStyle = "#000";
      canvas.fillStyle = value;
      canvas.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = canvas.getImageData(0, 0, 1, 1).data;
      return { r, g, b, a: a / 255 };
    };
    const over = (top, bottom) => ({ r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a), b: top.b * top.a + bottom.b * (1 - top.a), a: 1 });
    const luminance = ({ r, g, b }) => {
      const c = [r, g, b].map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    };
    const backdrop = (el) => {
      const layers = [];
      for (let e = el; e; e = e.parentElement) {
        const bg = parse(getComputedStyle(e).backgroundColor);
        if (bg && bg.a > 0) layers.push(bg);
        if (bg && bg.a >= 1) break;
      }
      return layers.reverse().reduce((acc, layer) => over(layer, acc), { r: 255, g: 255, b: 255, a: 1 });
    };
    const track = document.querySelector("svg.chart rect.track-bg");
    return selectors.map(([name, selector, property]) => {
      const el = document.querySelector(selector);
      if (!el) return { name, selector, missing: true };
      const style = getComputedStyle(el);
      const svg = el.closest("svg");
      let bg = svg ? backdrop(svg.parentElement) : backdrop(property ? el.parentElement : el);
      if (property && svg?.classList.contains("chart") && track) bg = over(parse(getComputedStyle(track).fill), bg);
      const paint = property ? style.getPropertyValue(property) : svg ? style.fill : style.color;
      const fg = over(parse(paint) ?? { r: 0, g: 0, b: 0, a: 1 }, bg);
      const [l1, l2] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
      return { name, selector, ratio: Math.round(((l1 + 0.05) / (l2 + 0.05)) * 100) / 100, fg: paint, bg: `rgb(${bg.r},${bg.g},${bg.b})` };
    });
  }, selectors);
}

/** Text the user must read: WCAG AA 4.5:1. */
const TEXT = [
  ["row title", '[aria-label="Strategic backlog"] .rows [role="row"] button.open'],
  ["row score", '[aria-label="Strategic backlog"] .rows [role="row"] [role="gridcell"]:nth-child(4)'],
  ["column header", '[aria-label="Strategic backlog"] [role="columnheader"]'],
  ["sprint picker", 'select[aria-label="Sprint"]'],
  ["scoring picker", 'select[aria-label="Scoring model"]'],
  ["Apply proposal", "button:not([disabled]).primary"],
  ["capacity table cell", 'table[aria-label="Capacity by track"] tbody td'],
  ["pillar table title", 'table[aria-label="Share by pillar"] tbody th'],
  ["note", '[aria-label="Notes"] li'],
  ["breakdown hint", '[aria-label="Score breakdown"] p'],
  ["chart label", 'svg[role="img"] text'],
];
/** Warning and error text of a sprint over capacity and off its split (Sprint 15 on 30 Nov: 33 of 30, 78.8 % strategic against 60 ± 10). */
const OVER = [
  ["off-target share", "td.off"],
  ["over-capacity total", "td.over"],
  ["over-capacity summary", ".summary.over"],
];

/** Chart marks (WCAG 1.4.11, non-text contrast): at least 3:1 against what they are drawn on. */
const MARKS = [
  ["strategic planned bar", "svg.chart rect.fill-strategic", "fill"],
  ["tactical planned bar", "svg.chart rect.fill-tactical", "fill"],
  ["tactical hatching", "svg.chart pattern#hatch-tactical line", "stroke"],
  ["strategic hatching", "svg.chart pattern#hatch-strategic line", "stroke"],
  ["budget marker", "svg.chart line.marker", "stroke"],
  ["tactical legend swatch", ".track.tactical h2 .swatch", "background-color"],
  ["strategic legend swatch", ".track.strategic h2 .swatch", "background-color"],
];

/** Accents (badges, pills, links, warnings, muted text): at least 3:1, reported below 4.5. */
const ACCENT = [
  ["problem badge", ".badge"],
  ["proposed pill", '[role="row"] .proposed'],
  ["item link", '[aria-label="Does not fit"] button'],
  ["muted text", '[aria-label="Does not fit"] .muted'],
  ["selected row (focused grid)", '[aria-label="Tactical backlog"] [aria-selected="true"] button.open'],
];

describe("themes, contrast and screenshots", () => {
  it("uses no colour literal outside var(--vscode-…) fallbacks in media/board.css and media/board-time.css", () => {
    const found = ["board.css", "board-time.css"].flatMap((name) => literalColours(readFileSync(join(ROOT, "media", name), "utf8")).map((entry) => `${name}: ${entry}`));
    assert.deepEqual(found, [], `colour literals:\n  ${found.join("\n  ")}`);
    // The check itself finds what it must.
    assert.deepEqual(literalColours("a { color: #fff; background: var(--vscode-x, #000); border: 1px solid rgba(0,0,0,.2) }"), ["color: #fff", "border: 1px solid rgba(0,0,0,.2)"]);
    assert.deepEqual(literalColours("a { fill: rgb(from var(--vscode-x, #000) r g b / 1); color: rgb(from #fff r g b) }"), ["color: rgb(from #fff r g b)"], "a relative colour of a theme variable is the theme's");
  });

  for (const theme of ["light", "dark", "dark-modern", "high-contrast", "high-contrast-light"]) {
    it(`${theme}: readable text, the theme's body class, and screenshots`, async function () {
      this.timeout(30_000);
      const board = await openBoard({ theme, viewport: { width: 1400, height: 900 } });
      try {
        const { page } = board;
        await postModel(page, exampleModel());
        const bodyClass = await page.evaluate(() => document.body.className);
        assert.ok(bodyClass.includes({ light: "vscode-light", dark: "vscode-dark", "dark-modern": "vscode-dark", "high-contrast": "vscode-high-contrast", "high-contrast-light": "vscode-high-contrast-light" }[theme]), bodyClass);
        mkdirSync(RESULTS, { recursive: true });
        await page.screenshot({ path: join(RESULTS, `board-${theme}.png`), fullPage: true });
        // Select a row in the tactical grid (focused), as a user would before reading its breakdown.
        const grid = page.getByRole("grid", { name: "Tactical backlog", exact: true });
        await grid.focus();
        await page.keyboard.press("ArrowDown");
        await page.keyboard.press("ArrowDown");
        await grid.evaluate((el) => el.scrollIntoView({ block: "start" }));
        await nextFrame(page);
        await page.screenshot({ path: join(RESULTS, `board-${theme}-selected.png`) });

        const text = await contrasts(page, TEXT);
        const accents = await contrasts(page, ACCENT);
        const marks = await contrasts(page, MARKS);
        // Sprint 15 on 30 Nov is over capacity and off its split: the warning and error colours show.
        await postModel(page, exampleModel({ today: "2026-11-30", generation: 2 }));
        await page.screenshot({ path: join(RESULTS, `board-${theme}-over-capacity.png`) });
        const overText = await contrasts(page, OVER);
        assert.deepEqual(overText.filter((c) => c.missing).map((c) => c.name), [], "the over-capacity sprint shows its off-target share and its total in colour");
        assert.deepEqual(overText.filter((c) => c.ratio < 4.5).map((c) => `${c.name}: ${c.ratio}:1 (${c.fg} on ${c.bg})`), [], `${theme}: warning and error text below 4.5:1`);
        console.log(`      (${theme}: ${[...marks, ...overText].map((c) => `${c.name} ${c.ratio}:1`).join(", ")})`);
        await postModel(page, exampleModel({ generation: 3 }));
        const lowMarks = marks.filter((c) => c.missing || c.ratio < 3).map((c) => `${c.name}: ${c.missing ? "missing" : `${c.ratio}:1 (${c.fg} on ${c.bg})`}`);
        assert.deepEqual(lowMarks, [], `${theme}: chart marks below 3:1`);
        const missing = [...text, ...accents].filter((c) => c.missing).map((c) => `${c.name} (${c.selector})`);
        assert.deepEqual(missing, [], "elements to check exist");
        const low = text.filter((c) => c.ratio < 4.5).map((c) => `${c.name}: ${c.ratio}:1 (${c.fg} on ${c.bg})`);
        const lowAccent = accents.filter((c) => c.ratio < 3).map((c) => `${c.name}: ${c.ratio}:1 (${c.fg} on ${c.bg})`);
        const weak = accents.filter((c) => c.ratio >= 3 && c.ratio < 4.5).map((c) => `${c.name} ${c.ratio}:1`);
        if (weak.length) console.log(`      (${theme}: accents below 4.5:1 — ${weak.join(", ")})`);
        assert.deepEqual([...low, ...lowAccent], [], `${theme}: text below contrast`);

        if (theme === "light" || theme === "dark") {
          // A side-by-side editor: the board at 760 px wide.
          await page.setViewportSize({ width: 760, height: 900 });
          await page.evaluate(() => window.scrollTo(0, 0));
          await nextFrame(page);
          await page.screenshot({ path: join(RESULTS, `board-${theme}-narrow.png`), fullPage: true });
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert.ok(overflow <= 0, `${theme}: no horizontal scrolling of the page at 760 px (${overflow} px too wide)`);
        }
        await assertClean(board);
      } finally {
        await board.close();
      }
    });
  }
});

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
