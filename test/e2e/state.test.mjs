// The webview keeps its view state with setState, so when VS Code recreates it
// (hidden and shown again, or a reload) and the host posts the model again, the
// filters, the selection and the scroll positions come back.
import { strict as assert } from "node:assert";
import { assertClean, nextFrame, postModel, reload, visibleRanks } from "./harness/board.mjs";
import { useBoard } from "./harness/fixture.mjs";
import { bigModel } from "./models.mjs";

/** What the user sees of the view state. */
const viewOf = (page) =>
  page.evaluate(() => {
    const value = (label) => document.querySelector(`[aria-label="${label}"]`)?.value;
    const grid = (label) => {
      const el = document.querySelector(`[role="grid"][aria-label="${label}"]`);
      return { scrollTop: Math.round(el.scrollTop), rowcount: el.getAttribute("aria-rowcount"), selected: [...el.querySelectorAll('[aria-selected="true"]')].map((row) => row.dataset.uid) };
    };
    return {
      text: value("Filter items"),
      pillar: value("Pillar filter"),
      status: value("Status filter"),
      strategic: grid("Strategic backlog"),
      tactical: grid("Tactical backlog"),
      breakdown: document.querySelector('[role="region"][aria-label="Score breakdown"]')?.textContent,
    };
  });

describe("view state across a reload", () => {
  const board = useBoard();

  it("restores filters, selection and scroll from the saved state when the model comes again", async () => {
    const { page } = board();
    const model = bigModel(2000, 1);
    await postModel(page, model);
    const pillar = page.getByRole("combobox", { name: "Pillar filter" });
    const growth = (await pillar.locator("option").evaluateAll((os) => os.map((o) => [o.value, o.textContent]))).find(([, text]) => text === "Pillar growth");
    assert.ok(growth, "a growth pillar option");
    await pillar.selectOption(growth[0]);
    await page.getByRole("combobox", { name: "Status filter" }).selectOption("idea");
    await page.getByRole("searchbox", { name: "Filter items" }).fill("number 1");
    // Select a row down the tactical grid by keyboard, and scroll the strategic grid.
    const tactical = page.getByRole("grid", { name: "Tactical backlog", exact: true });
    await tactical.focus();
    for (let i = 0; i < 12; i++) await page.keyboard.press("ArrowDown");
    await page.getByRole("grid", { name: "Strategic backlog", exact: true }).evaluate((el) => {
      el.scrollTop = 26 * 37;
    });
    await nextFrame(page);
    await page.waitForTimeout(400); // the webview saves text and scroll a moment after the last change
    const before = await viewOf(page);
    assert.equal(before.text, "number 1");
    assert.equal(before.status, "idea");
    assert.equal(before.pillar, growth[0]);
    assert.equal(before.tactical.selected.length, 1);
    assert.ok(before.strategic.scrollTop > 500, `the strategic grid scrolled: ${before.strategic.scrollTop}`);
    assert.ok(Number(before.strategic.rowcount) < model.items.length / 2, "the filters cut the rows");
    const saved = await page.evaluate(() => window.__getState());
    assert.ok(saved && typeof saved === "object", "the webview saved its state");

    await page.evaluate(() => {
      window.__beforeReload = true;
    });
    await reload(page);
    assert.equal(await page.evaluate(() => window.__beforeReload), undefined, "a fresh page");
    await postModel(page, model);
    await nextFrame(page);
    const after = await viewOf(page);
    assert.deepEqual(after, before);
    // And the user sees the rows there: the strategic grid's rows at its restored scroll offset, the selected tactical row.
    const strategic = await visibleRanks(page, "Strategic backlog");
    assert.ok(strategic.ranks.length > 5, `rows are on screen in the restored strategic grid: ${strategic.where}`);
    const selectedRank = await page.locator(`[role="row"][data-uid="${after.tactical.selected[0]}"] [role="gridcell"]`).first().textContent();
    const shown = await visibleRanks(page, "Tactical backlog");
    assert.ok(shown.ranks.includes(Number(selectedRank)), `the restored selection (rank ${selectedRank}) is on screen: ${shown.ranks.join(",") || "none"}; ${shown.where}`);
    await assertClean(board());
  });

  it("drops a saved selection that the new model no longer has", async () => {
    const { page } = board();
    const model = bigModel(50, 1);
    await postModel(page, model);
    model.generation = 2;
    const grid = page.getByRole("grid", { name: "Strategic backlog", exact: true });
    await grid.focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    const { uid } = await grid.evaluate((el) => el.querySelector('[aria-selected="true"]').dataset);
    await reload(page);
    await postModel(page, model);
    assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('[role="row"][aria-selected="true"]')].map((row) => row.dataset.uid)), [uid], "restored first");
    const next = structuredClone(model);
    next.generation = 3;
    next.items = next.items.filter((item) => item.uid !== uid);
    await postModel(page, next);
    const selected = await page.evaluate(() => [...document.querySelectorAll('[role="row"][aria-selected="true"]')].length);
    assert.equal(selected, 0);
    await assertClean(board());
  });
});
