// The board in VS Code's Light+, Dark+ and High Contrast themes: colours come
// from the theme variables only, text stays readable (WCAG contrast), and
// screenshots of the example board go to test-results/e2e/ for a human look.
// The other tabs' themes: tab-themes.test.mjs.
import { strict as assert } from "node:assert";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { assertClean, nextFrame, openBoard, postModel } from "./harness/board.mjs";
import { contrasts, literalColours } from "./harness/contrast.mjs";
import { RESULTS } from "./harness/fixture.mjs";
import { ROOT } from "./harness/page.mjs";
import { exampleModel } from "./models.mjs";


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
