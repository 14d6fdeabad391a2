// Layout at the widths a lead meets: with VS Code's sidebar open the board is about
// 1,000 px wide (two backlogs side by side), beside an editor about 420 px. Columns
// collapse by priority (Status, then Est.), Pillar and Sprint stay, titles carry their
// full text in a tooltip; selecting a row brings the score breakdown into view.
import { strict as assert } from "node:assert";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { assertClean, nextFrame, postModel } from "./harness/board.mjs";
import { RESULTS, useBoard } from "./harness/fixture.mjs";
import { exampleModel } from "./models.mjs";

/** The header cells of a grid that are shown, and whether any shown cell of it overflows its row. */
function columns(page, label) {
  return page.evaluate((label) => {
    const grid = document.querySelector(`[role="grid"][aria-label="${label}"]`);
    const shown = [...grid.querySelectorAll('[role="columnheader"]')].filter((cell) => cell.getBoundingClientRect().width > 0);
    const row = grid.querySelector(".row.header").getBoundingClientRect();
    return { names: shown.map((cell) => cell.textContent), overflow: shown.some((cell) => cell.getBoundingClientRect().right > row.right + 1) || grid.scrollWidth > grid.clientWidth };
  }, label);
}

describe("layout at sidebar widths", () => {
  for (const [width, dropped] of [[1400, []], [1000, ["Status"]], [900, ["Est.", "Status"]], [700, []], [520, ["Status"]], [420, ["Est.", "Status"]]]) {
    describe(`${width} px`, () => {
      const board = useBoard({ viewport: { width, height: 800 } });

      it(`keeps Pillar and Sprint${dropped.length ? `, drops ${dropped.join(" and ")}` : ""}, titles have their full text as a tooltip`, async () => {
        const { page } = board();
        const model = exampleModel();
        await postModel(page, model);
        mkdirSync(RESULTS, { recursive: true });
        await page.screenshot({ path: join(RESULTS, `layout-${width}.png`), fullPage: true });
        for (const label of ["Strategic backlog", "Tactical backlog"]) {
          const { names, overflow } = await columns(page, label);
          assert.deepEqual(names, ["#", "Title", "Pillar", "Score", "Est.", "Sprint", "Status"].filter((name) => !dropped.includes(name)), `${label} at ${width} px`);
          assert.equal(overflow, false, `${label} at ${width} px: no cell runs past its row`);
        }
        const item = model.items[0];
        const tooltip = await page.locator(`[role="row"][data-uid="${item.uid}"] button.open`).getAttribute("title");
        assert.ok(tooltip.startsWith(`${item.title}\n`), tooltip);
        await assertClean(board());
      });
    });
  }

  describe("selecting a row", () => {
    const board = useBoard({ viewport: { width: 1000, height: 700 } });

    it("brings the score breakdown into view, focus staying on the grid", async () => {
      const { page } = board();
      const model = exampleModel();
      await postModel(page, model);
      const before = await page.evaluate(() => document.querySelector('[aria-label="Score breakdown"]').getBoundingClientRect().top);
      assert.ok(before > 700, `the breakdown starts below the fold (${before} px)`);
      const item = model.items.find((entry) => entry.track === "tactical");
      await page.locator(`[role="row"][data-uid="${item.uid}"] [role="gridcell"]`).nth(3).click();
      await nextFrame(page);
      const box = await page.evaluate(() => {
        const rect = document.querySelector('[aria-label="Score breakdown"]').getBoundingClientRect();
        return { top: rect.top, heading: document.querySelector('[aria-label="Score breakdown"] h3')?.getBoundingClientRect().bottom };
      });
      assert.ok(box.heading !== undefined && box.heading <= 700, `the breakdown's heading is in view (${JSON.stringify(box)})`);
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("aria-label")), "Tactical backlog");
      await assertClean(board());
    });
  });
});
