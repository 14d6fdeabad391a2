// A 10,000-item backlog: the grids render only the rows in view (virtualised),
// say how many rows there are, and show later rows when scrolled.
import { strict as assert } from "node:assert";
import { assertClean, nextFrame, postModel, postPatch, rowsOf, sendHost, visibleRanks } from "./harness/board.mjs";
import { useBoard } from "./harness/fixture.mjs";
import { bigModel, diffBoard } from "./models.mjs";

describe("a 10,000-item backlog", () => {
  const board = useBoard();
  let model;
  before(function () {
    this.timeout(30_000);
    model = bigModel(10_000, 1);
  });

  it("renders only the visible rows, and scrolling shows later rows in rank order", async () => {
    const { page } = board();
    const started = Date.now();
    await postModel(page, model);
    const elapsed = Date.now() - started;
    const strategic = model.items.filter((item) => item.track === "strategic");
    assert.equal(strategic.length, 5000);
    const label = "Strategic backlog";
    const grid = page.getByRole("grid", { name: label, exact: true });
    assert.equal(await grid.getAttribute("aria-rowcount"), "5001");
    const counts = await page.evaluate(() => ({
      rows: document.querySelectorAll('[role="grid"] [role="row"][data-uid]').length,
      elements: document.getElementsByTagName("*").length,
    }));
    assert.ok(counts.rows > 10 && counts.rows <= 120, `only the visible rows of both grids are in the DOM: ${counts.rows}`);
    assert.ok(counts.elements < 3000, `the whole DOM stays small: ${counts.elements} elements`);

    let rows = await rowsOf(page, label);
    assert.deepEqual(rows.slice(0, 3).map((row) => row.uid), strategic.slice(0, 3).map((item) => item.uid));

    // Scroll to the middle, then to the end: the rows there appear, in rank order, still few.
    for (const fraction of [0.5, 1]) {
      await grid.evaluate((el, f) => {
        el.scrollTop = (el.scrollHeight - el.clientHeight) * f;
      }, fraction);
      await nextFrame(page);
      await nextFrame(page);
      rows = await rowsOf(page, label);
      assert.ok(rows.length > 5 && rows.length <= 60, `${rows.length} rows rendered at ${fraction}`);
      const ranks = rows.map((row) => Number(row.cells[0]));
      assert.deepEqual(ranks, ranks.map((_, i) => ranks[0] + i), "consecutive ranks");
      rows.forEach((row) => assert.equal(row.uid, strategic[Number(row.cells[0]) - 1].uid));
      const { ranks: visible, where } = await visibleRanks(page, label);
      const expectedTop = Math.floor(5000 * fraction * 0.97);
      assert.ok(visible.length > 5 && visible.some((rank) => rank >= expectedTop), `rows around rank ${expectedTop} are on screen: ${visible.join(",") || "none"}; ${where}`);
      if (fraction === 1) assert.ok(visible.includes(5000), `the last rank is visible at the end: ${visible}`);
    }
    // The other grid did not move.
    const tacticalTop = (await rowsOf(page, "Tactical backlog"))[0];
    assert.equal(tacticalTop.cells[0], "1");
    console.log(`      (10,000 items: model posted and rendered in ${elapsed} ms, ${JSON.stringify(model).length} bytes of JSON)`);
    await assertClean(board());
  });

  it("takes an edit as a patch: the edited item moves to its new rank and the rest follow", async () => {
    const { page } = board();
    await postModel(page, model);
    // Item ranked 100th gets the top score: it becomes 1st, the 99 above it move down one.
    const strategic = model.items.filter((item) => item.track === "strategic");
    const moved = { ...strategic[99], title: `${strategic[99].title} (edited)`, score: strategic[0].score + 1, rank: 1 };
    const items = [moved, ...model.items.filter((item) => item.uid !== moved.uid)];
    const next = { ...model, generation: model.generation + 1, items };
    const patch = await postPatch(page, model, next);
    assert.equal(patch.changed.id.length, 1, "only the edited item travels");
    assert.ok(JSON.stringify(patch).length < JSON.stringify(model).length / 20, "the patch is a small fraction of the model");
    const label = "Strategic backlog";
    await page.getByRole("grid", { name: label, exact: true }).evaluate((el) => {
      el.scrollTop = 0;
    });
    await nextFrame(page);
    const rows = await rowsOf(page, label);
    assert.equal(rows[0].uid, moved.uid);
    assert.equal(rows[0].cells[0], "1");
    assert.ok(rows[0].cells[1].includes("(edited)"), rows[0].cells[1]);
    assert.equal(rows[1].uid, strategic[0].uid);
    assert.equal(rows[1].cells[0], "2", "ranks follow the new order");
    // A patch on a model the webview does not hold asks for the whole model.
    const stale = { ...next, generation: next.generation + 5 };
    const orphan = diffBoard({ ...model, generation: 999 }, stale);
    await sendHost(page, { type: "patch", patch: orphan });
    await page.waitForFunction(() => window.__posted.some((message) => message.type === "refresh"));
    await assertClean(board());
  });
});
