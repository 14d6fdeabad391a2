// The board in VS Code's Light+, Dark+ and High Contrast themes: colours come
// from the theme variables only, text stays readable (WCAG contrast), and
// screenshots of the example board go to test-results/e2e/ for a human look.
import { strict as assert } from "node:assert";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { assertClean, nextFrame, openBoard, postModel } from "./harness/board.mjs";
import { RESULTS } from "./harness/fixture.mjs";
import { ROOT } from "./harness/page.mjs";
import { exampleModel } from "./models.mjs";

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
    if (/#[0-9a-f]{3,8}\b|\b(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(/i.test(outside) || named.test(outside.replace(/url\([^)]*\)/g, ""))) {
      if (/^(grid-template|font|content|animation|transition)/.test(property)) continue;
      found.push(`${property}: ${value.trim()}`);
    }
  }
  return found;
}

/** WCAG contrast of the text of each selector against what is painted behind it (in the page). */
function contrasts(page, selectors) {
  return page.evaluate((selectors) => {
    const parse = (value) => {
      const m = value.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return { r, g, b, a };
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
    return selectors.map(([name, selector]) => {
      const el = document.querySelector(selector);
      if (!el) return { name, selector, missing: true };
      const style = getComputedStyle(el);
      const isSvg = el instanceof SVGElement;
      const bg = isSvg ? backdrop(el.ownerSVGElement.parentElement) : backdrop(el);
      const fg = over(parse(isSvg ? style.fill : style.color) ?? { r: 0, g: 0, b: 0, a: 1 }, bg);
      const [l1, l2] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
      return { name, selector, ratio: Math.round(((l1 + 0.05) / (l2 + 0.05)) * 100) / 100, fg: style.color, bg: `rgb(${bg.r},${bg.g},${bg.b})` };
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
/** Accents (badges, pills, links, warnings, muted text): at least 3:1, reported below 4.5. */
const ACCENT = [
  ["problem badge", ".badge"],
  ["proposed pill", '[role="row"] .proposed'],
  ["item link", '[aria-label="Does not fit"] button'],
  ["muted text", '[aria-label="Does not fit"] .muted'],
  ["off-target share", "td.off"],
  ["selected row (focused grid)", '[aria-label="Tactical backlog"] [aria-selected="true"] button.open'],
];

describe("themes, contrast and screenshots", () => {
  it("uses no colour literal outside var(--vscode-…) fallbacks in media/board.css", () => {
    const found = literalColours(readFileSync(join(ROOT, "media", "board.css"), "utf8"));
    assert.deepEqual(found, [], `colour literals:\n  ${found.join("\n  ")}`);
    // The check itself finds what it must.
    assert.deepEqual(literalColours("a { color: #fff; background: var(--vscode-x, #000); border: 1px solid rgba(0,0,0,.2) }"), ["color: #fff", "border: 1px solid rgba(0,0,0,.2)"]);
  });

  for (const theme of ["light", "dark", "high-contrast"]) {
    it(`${theme}: readable text, the theme's body class, and screenshots`, async function () {
      this.timeout(30_000);
      const board = await openBoard({ theme, viewport: { width: 1400, height: 900 } });
      try {
        const { page } = board;
        await postModel(page, exampleModel());
        const bodyClass = await page.evaluate(() => document.body.className);
        assert.ok(bodyClass.includes({ light: "vscode-light", dark: "vscode-dark", "high-contrast": "vscode-high-contrast" }[theme]), bodyClass);
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
        const missing = [...text, ...accents].filter((c) => c.missing).map((c) => `${c.name} (${c.selector})`);
        assert.deepEqual(missing, [], "elements to check exist");
        const low = text.filter((c) => c.ratio < 4.5).map((c) => `${c.name}: ${c.ratio}:1 (${c.fg} on ${c.bg})`);
        const lowAccent = accents.filter((c) => c.ratio < 3).map((c) => `${c.name}: ${c.ratio}:1 (${c.fg} on ${c.bg})`);
        const weak = accents.filter((c) => c.ratio >= 3 && c.ratio < 4.5).map((c) => `${c.name} ${c.ratio}:1`);
        if (weak.length) console.log(`      (${theme}: accents below 4.5:1 — ${weak.join(", ")})`);
        assert.deepEqual([...low, ...lowAccent], [], `${theme}: text below contrast`);

        if (theme !== "high-contrast") {
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
