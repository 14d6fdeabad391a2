// Document text is untrusted: markup in a title, pillar, sprint id, note or
// explanation shows as literal text, creates no element and runs nothing.
import { strict as assert } from "node:assert";
import { assertClean, postModel, rowsOf, tableOf } from "./harness/board.mjs";
import { useBoard } from "./harness/fixture.mjs";
import { HOSTILE, hostileModel } from "./models.mjs";

describe("hostile document text", () => {
  const board = useBoard();

  it("shows markup as literal text everywhere and runs nothing", async () => {
    const { page, dialogs } = board();
    const scriptsBefore = await page.evaluate(() => document.scripts.length);
    const model = hostileModel(1);
    await postModel(page, model);
    const strategic = model.items.find((item) => item.track === "strategic");
    const tactical = model.items.find((item) => item.track === "tactical");

    // Select the hostile item so its breakdown (title, explanation, pillar) renders too.
    const row = page.locator(`[role="row"][data-uid="${strategic.uid}"]`);
    await row.locator('[role="gridcell"]').first().click();
    // Choose the hostile pillar in the filter, so its option and the filtered rows render.
    const pillar = page.getByRole("combobox", { name: "Pillar filter" });
    const hostileOption = (await pillar.locator("option").evaluateAll((os) => os.map((o) => [o.value, o.textContent]))).find(([, text]) => text.includes(HOSTILE));
    assert.ok(hostileOption, "the pillar filter lists the hostile pillar by its literal title");
    await pillar.selectOption(hostileOption[0]);
    await page.waitForTimeout(200);
    // Unfold the folded lists ("N more"), as a reader would.
    for (const summary of await page.locator("details > summary").all()) await summary.click();

    const dom = await page.evaluate(() => ({
      imgs: document.querySelectorAll("img").length,
      bold: [...document.querySelectorAll("b")].length,
      scripts: document.scripts.length,
      onerror: [...document.querySelectorAll("*")].filter((el) => [...el.attributes].some((a) => a.name.startsWith("on"))).map((el) => el.outerHTML.slice(0, 120)),
      text: document.body.innerText,
      sprintOptions: [...document.querySelectorAll('select[aria-label="Sprint"] option')].map((o) => `${o.textContent}\n${o.title}`),
      chart: document.querySelector('svg[role="img"]')?.getAttribute("aria-label") ?? "",
    }));
    assert.equal(dom.imgs, 0, "no <img> element");
    assert.equal(dom.bold, 0, "no <b> element from a title");
    assert.equal(dom.scripts, scriptsBefore, "no script element added");
    assert.deepEqual(dom.onerror, [], "no element carries an on* attribute");
    assert.deepEqual(dialogs, [], "no alert ran");

    const rows = await rowsOf(page, "Strategic backlog");
    const shown = rows.find((r) => r.uid === strategic.uid);
    assert.ok(shown, `the hostile-pillar filter keeps ${strategic.id}`);
    assert.equal(shown.title, strategic.title, "the title shows literally");
    assert.equal(shown.cells[2], strategic.pillar, "the pillar id shows literally");
    assert.equal(shown.cells[5], model.sprint, "the sprint id shows literally");
    assert.ok(dom.sprintOptions.some((text) => text.includes(model.sprint)), `the sprint picker shows the id literally (its tooltip): ${dom.sprintOptions}`);
    const sprintTitle = model.sprints.find((sprint) => sprint.id === model.sprint).title;
    assert.ok(dom.sprintOptions.some((text) => text.startsWith(`${sprintTitle} — `)), `the sprint picker shows the title literally: ${dom.sprintOptions}`);
    assert.ok(dom.chart.includes(model.sprint), "the chart's label names the sprint literally");
    for (const text of [strategic.explanation, model.plan.notes.at(-1), `${HOSTILE}-does-not-fit`, `${HOSTILE} pillar title`]) {
      assert.ok(dom.text.includes(text), `the page shows ${JSON.stringify(text)} literally`);
    }
    const pillars = await tableOf(page, "Share by pillar");
    assert.ok(pillars.some((cells) => cells[0] === `${HOSTILE} pillar title`), JSON.stringify(pillars));

    // The other hostile title (a <script> and a <b>) in the tactical grid.
    await pillar.selectOption("");
    const tacticalRows = await rowsOf(page, "Tactical backlog");
    assert.equal(tacticalRows.find((r) => r.uid === tactical.uid).title, tactical.title);
    assert.equal(await page.evaluate(() => document.querySelectorAll("img, b").length), 0);
    assert.deepEqual(dialogs, []);
    await assertClean(board());
  });

  it("ignores host messages that are not models, and unknown message types, without errors", async () => {
    const { page } = board();
    await postModel(page, hostileModel(1));
    await page.evaluate((hostile) => {
      window.postMessage(null, "*");
      window.postMessage("a string", "*");
      window.postMessage({ type: "no-such-type" }, "*");
      window.postMessage({ type: "error", message: hostile }, "*");
      window.postMessage({ type: "applied", sprint: hostile, count: 2 }, "*");
    }, HOSTILE);
    await page.waitForTimeout(100);
    const text = await page.evaluate(() => document.body.innerText);
    assert.ok(text.includes(`${HOSTILE} into 2`) || text.includes(HOSTILE), "the applied/error message shows the text literally");
    assert.equal(await page.evaluate(() => document.querySelectorAll("img").length), 0);
    assert.equal(await page.evaluate(() => document.body.dataset.generation), "1");
    await assertClean(board());
  });
});
