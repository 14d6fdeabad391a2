// Keyboard use of a backlog grid: arrows, Home/End and PageUp/PageDown move the
// selection (aria-selected), the score breakdown follows it, Enter opens.
import { strict as assert } from "node:assert";
import { assertClean, clearPosted, postModel, posted, sendHost, visibleRanks, waitForPosted } from "./harness/board.mjs";
import { useBoard } from "./harness/fixture.mjs";
import { bigModel, breakdownsOf, exampleModel } from "./models.mjs";

/** The uids of the rows marked selected in a grid. */
const selectedIn = (page, label) =>
  page.getByRole("grid", { name: label, exact: true }).evaluate((grid) => [...grid.querySelectorAll('[role="row"][aria-selected="true"]')].map((row) => row.dataset.uid));

const breakdown = (page) => page.getByRole("region", { name: "Score breakdown", exact: true });

describe("keyboard navigation in a backlog", () => {
  const board = useBoard();

  it("arrows, Home and End move aria-selected and the score breakdown follows", async () => {
    const { page } = board();
    const model = exampleModel();
    await postModel(page, model);
    const tactical = model.items.filter((item) => item.track === "tactical");
    const grid = page.getByRole("grid", { name: "Tactical backlog", exact: true });
    await grid.focus();
    const expectSelected = async (item, why) => {
      assert.deepEqual(await selectedIn(page, "Tactical backlog"), [item.uid], why);
      assert.deepEqual(await selectedIn(page, "Strategic backlog"), [], `${why}: nothing selected in the other grid`);
      const text = await breakdown(page).textContent();
      assert.ok(text.includes(item.title), `${why}: the breakdown names ${item.title}: ${text}`);
      assert.ok(text.includes(item.explanation), `${why}: the breakdown shows ${item.explanation}: ${text}`);
      // The terms come from the host on request, as VS Code's side answers `explain`.
      await waitForPosted(page, (m) => m.type === "explain" && m.uid === item.uid);
      const terms = breakdownsOf.get(model).get(item.uid);
      await sendHost(page, { type: "breakdown", uid: item.uid, generation: model.generation, terms });
      const table = page.getByRole("table", { name: `Score terms of ${item.id}`, exact: true });
      await table.waitFor();
      const tableText = await table.textContent();
      for (const term of terms) assert.ok(tableText.includes(term.field) && tableText.includes(String(term.weight)), `${why}: the breakdown has the term ${term.field} with its weight`);
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("aria-label")), "Tactical backlog", `${why}: focus stays on the grid`);
    };
    await page.keyboard.press("ArrowDown");
    await expectSelected(tactical[0], "first ArrowDown selects the first row");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await expectSelected(tactical[2], "two more ArrowDown");
    await page.keyboard.press("ArrowUp");
    await expectSelected(tactical[1], "ArrowUp");
    await page.keyboard.press("End");
    await expectSelected(tactical.at(-1), "End");
    await page.keyboard.press("ArrowDown");
    await expectSelected(tactical.at(-1), "ArrowDown at the end stays");
    await page.keyboard.press("Home");
    await expectSelected(tactical[0], "Home");
    await page.keyboard.press("ArrowUp");
    await expectSelected(tactical[0], "ArrowUp at the start stays");
    await clearPosted(page);
    await page.keyboard.press("Enter");
    assert.deepEqual(await waitForPosted(page, (m) => m.type === "open"), { type: "open", file: tactical[0].file, line: tactical[0].line });
    await assertClean(board());
  });

  it("PageDown and PageUp move by a page and keep the selected row in view", async () => {
    const { page } = board();
    const model = bigModel(400);
    await postModel(page, model);
    const strategic = model.items.filter((item) => item.track === "strategic");
    const grid = page.getByRole("grid", { name: "Strategic backlog", exact: true });
    await grid.focus();
    await page.keyboard.press("Home");
    await page.keyboard.press("PageDown");
    const [afterDown] = await selectedIn(page, "Strategic backlog");
    const index = strategic.findIndex((item) => item.uid === afterDown);
    assert.ok(index >= 5, `PageDown moves several rows (to #${index})`);
    await page.keyboard.press("PageDown");
    await page.keyboard.press("PageDown");
    const [further] = await selectedIn(page, "Strategic backlog");
    const index3 = strategic.findIndex((item) => item.uid === further);
    assert.ok(index3 > index * 2, `three PageDowns go further (#${index3})`);
    const { ranks, where } = await visibleRanks(page, "Strategic backlog");
    assert.ok(ranks.includes(index3 + 1), `the selected row (rank ${index3 + 1}) is scrolled into view: on screen ${ranks.join(",") || "none"}; ${where}`);
    await page.keyboard.press("PageUp");
    const [back] = await selectedIn(page, "Strategic backlog");
    assert.equal(strategic.findIndex((item) => item.uid === back), index3 - index);
    await page.keyboard.press("End");
    const [last] = await selectedIn(page, "Strategic backlog");
    assert.equal(last, strategic.at(-1).uid, "End reaches the last of 200 rows (rendered on demand)");
    await assertClean(board());
  });

  it("keys typed into the filter box do not move the grid's selection", async () => {
    const { page } = board();
    await postModel(page, exampleModel());
    await page.getByRole("searchbox", { name: "Filter items" }).focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    assert.deepEqual(await selectedIn(page, "Strategic backlog"), []);
    assert.deepEqual(await selectedIn(page, "Tactical backlog"), []);
    assert.deepEqual(await posted(page, "open"), []);
    await assertClean(board());
  });
});
