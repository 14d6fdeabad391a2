// The toolbar: filters act in the webview only; sprint, scoring model and the
// what-if split ask the host for a new view; a click on a title or Enter opens
// an item; "Apply proposal" names the sprint and the generation the user saw.
import { strict as assert } from "node:assert";
import { assertClean, clearPosted, postModel, posted, rowsOf, waitForPosted } from "./harness/board.mjs";
import { useBoard } from "./harness/fixture.mjs";
import { exampleModel } from "./models.mjs";

const grid = (page, label) => page.getByRole("grid", { name: label, exact: true });
const allRows = async (page) => [...(await rowsOf(page, "Strategic backlog")), ...(await rowsOf(page, "Tactical backlog"))];
const rowCount = async (page, label) => Number(await grid(page, label).getAttribute("aria-rowcount"));

describe("filters (in the webview, no message to the host)", () => {
  const board = useBoard();

  it("the text filter keeps the items whose title, id or pillar contains it, case-insensitively", async () => {
    const { page } = board();
    const model = exampleModel();
    await postModel(page, model);
    await clearPosted(page);
    await page.getByRole("searchbox", { name: "Filter items" }).fill("WEBINAR");
    const expected = model.items.filter((item) => `${item.title} ${item.id} ${item.pillar}`.toLowerCase().includes("webinar"));
    assert.ok(expected.length >= 2 && expected.length < model.items.length);
    await page.waitForFunction((n) => document.querySelectorAll('[role="grid"] [role="row"][data-uid]').length === n, expected.length);
    assert.deepEqual((await allRows(page)).map((row) => row.uid).sort(), expected.map((item) => item.uid).sort());
    for (const [track, label] of [["strategic", "Strategic backlog"], ["tactical", "Tactical backlog"]]) {
      assert.equal(await rowCount(page, label), expected.filter((item) => item.track === track).length + 1, `${label} aria-rowcount`);
    }
    await page.getByRole("searchbox", { name: "Filter items" }).fill("no such item anywhere");
    await page.waitForFunction(() => document.querySelectorAll('[role="grid"] [role="row"][data-uid]').length === 0);
    assert.equal(await rowCount(page, "Strategic backlog"), 1);
    assert.deepEqual(await posted(page), [], "filtering posts nothing");
    await assertClean(board());
  });

  it("the pillar filter keeps one pillar's items, with their ranks unchanged", async () => {
    const { page } = board();
    const model = exampleModel();
    await postModel(page, model);
    await clearPosted(page);
    const pillar = page.getByRole("combobox", { name: "Pillar filter" });
    const options = await pillar.locator("option").evaluateAll((os) => os.map((o) => [o.value, o.textContent]));
    for (const p of model.pillars) assert.ok(options.some(([, text]) => text.includes(p.title)), `an option for ${p.title}: ${JSON.stringify(options)}`);
    const value = options.find(([, text]) => text.includes("Retention and advocacy"))[0];
    await pillar.selectOption(value);
    const expected = model.items.filter((item) => item.pillar === "retention");
    assert.ok(expected.length >= 2);
    const rows = await allRows(page);
    assert.deepEqual(rows.map((row) => row.uid).sort(), expected.map((item) => item.uid).sort());
    for (const row of rows) assert.equal(row.cells[0], String(model.items.find((item) => item.uid === row.uid).rank), "ranks stay the model's");
    assert.deepEqual(await posted(page), []);
    await assertClean(board());
  });

  it("the status filter shows open items by default, one status, or all with the closed ones", async () => {
    const { page } = board();
    const model = exampleModel();
    await postModel(page, model);
    await clearPosted(page);
    const status = page.getByRole("combobox", { name: "Status filter" });
    assert.equal(await status.inputValue(), "open");
    assert.equal((await allRows(page)).length, model.items.length);

    await status.selectOption("planned");
    const planned = model.items.filter((item) => item.status === "planned");
    assert.deepEqual((await allRows(page)).map((row) => row.uid).sort(), planned.map((item) => item.uid).sort());

    await status.selectOption("all");
    const all = [...model.items, ...model.closed];
    const shown = await allRows(page);
    assert.deepEqual(shown.map((row) => row.uid).sort(), all.map((item) => item.uid).sort());
    for (const item of model.closed) assert.equal(shown.find((row) => row.uid === item.uid).cells[6], item.status);

    await status.selectOption("done");
    // Each track's grid lists its own: compared as sets.
    assert.deepEqual((await allRows(page)).map((row) => row.id).sort(), model.closed.filter((item) => item.status === "done").map((item) => item.id).sort());
    assert.deepEqual(await posted(page), []);
    await assertClean(board());
  });

  it("the filters combine", async () => {
    const { page } = board();
    const model = exampleModel();
    await postModel(page, model);
    const pillar = page.getByRole("combobox", { name: "Pillar filter" });
    const value = (await pillar.locator("option").evaluateAll((os) => os.map((o) => [o.value, o.textContent]))).find(([, text]) => text.includes("Automated self-serve"))[0];
    await pillar.selectOption(value);
    await page.getByRole("combobox", { name: "Status filter" }).selectOption("idea");
    await page.getByRole("searchbox", { name: "Filter items" }).fill("test");
    const expected = model.items.filter((item) => item.pillar === "automation" && item.status === "idea" && `${item.title} ${item.id}`.toLowerCase().includes("test"));
    assert.ok(expected.length >= 1, "the example has an automation idea with 'test' in it");
    await page.waitForFunction((n) => document.querySelectorAll('[role="grid"] [role="row"][data-uid]').length === n, expected.length);
    assert.deepEqual((await allRows(page)).map((row) => row.uid), expected.map((item) => item.uid));
    await assertClean(board());
  });
});

describe("what-if controls (a view request to the host)", () => {
  const board = useBoard();

  it("choosing a sprint posts {type: view, sprint}", async () => {
    const { page } = board();
    await postModel(page, exampleModel());
    await clearPosted(page);
    const sprint = page.getByRole("combobox", { name: "Sprint" });
    assert.equal(await sprint.inputValue(), "2026-s14");
    await sprint.selectOption("2026-s15");
    const view = await waitForPosted(page, (m) => m.type === "view");
    assert.deepEqual(view, { type: "view", sprint: "2026-s15" });
    await assertClean(board());
  });

  it("choosing a scoring model posts it; choosing the configured one posts model: null", async () => {
    const { page } = board();
    await postModel(page, exampleModel());
    await clearPosted(page);
    const select = page.getByRole("combobox", { name: "Scoring model" });
    assert.equal(await select.inputValue(), "weighted");
    await select.selectOption("wsjf");
    assert.deepEqual(await waitForPosted(page, (m) => m.type === "view"), { type: "view", model: "wsjf" });
    // The host answers with the what-if model; going back to the configured model clears the what-if.
    await postModel(page, exampleModel({ generation: 2, model: "wsjf" }));
    assert.equal(await select.inputValue(), "wsjf");
    await clearPosted(page);
    await select.selectOption("weighted");
    assert.deepEqual(await waitForPosted(page, (m) => m.type === "view"), { type: "view", model: null });
    await assertClean(board());
  });

  it("the split slider posts a split that sums to 100 (step 5), once it settles", async () => {
    const { page } = board();
    await postModel(page, exampleModel());
    await clearPosted(page);
    const slider = page.getByRole("slider", { name: "What-if strategic share" });
    assert.deepEqual(await slider.evaluate((el) => [el.min, el.max, el.step, el.value]), ["0", "100", "5", "70"]);
    await slider.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowLeft");
    assert.equal(await slider.inputValue(), "50");
    await waitForPosted(page, (m) => m.type === "view");
    await page.waitForTimeout(300);
    const views = await posted(page, "view");
    assert.deepEqual(views.at(-1), { type: "view", split: { strategic: 50, tactical: 50 } });
    assert.ok(views.length <= 2, `the slider's key presses are debounced: ${JSON.stringify(views)}`);
    for (const view of views) assert.equal(view.split.strategic + view.split.tactical, 100);
    await assertClean(board());
  });

  it("a what-if model shows as such, and Reset posts model: null and split: null", async () => {
    const { page } = board();
    const model = exampleModel({ generation: 5, model: "wsjf", split: { strategic: 50, tactical: 50 } });
    assert.ok(model.scoring.whatIf && model.plan.whatIf);
    await postModel(page, model);
    assert.equal(await page.getByRole("slider", { name: "What-if strategic share" }).inputValue(), "50");
    assert.equal(await page.getByRole("combobox", { name: "Scoring model" }).inputValue(), "wsjf");
    const table = await page.locator('table[aria-label="Capacity by track"]').textContent();
    assert.ok(table.includes("50%"), `the target is the what-if's: ${table}`);
    // The ranking is the what-if model's: the grid follows the model's order.
    const rows = await rowsOf(page, "Strategic backlog");
    assert.deepEqual(rows.map((row) => row.uid), model.items.filter((item) => item.track === "strategic").map((item) => item.uid));
    await clearPosted(page);
    const reset = page.getByRole("button", { name: "Reset what-if" });
    assert.ok(await reset.isEnabled());
    await reset.click();
    assert.deepEqual(await waitForPosted(page, (m) => m.type === "view"), { type: "view", model: null, split: null });
    await assertClean(board());
  });
});

describe("opening items and applying the proposal", () => {
  const board = useBoard();

  it("a click on a title posts {type: open} with the item's file and line", async () => {
    const { page } = board();
    const model = exampleModel();
    await postModel(page, model);
    await clearPosted(page);
    const item = model.items.filter((i) => i.track === "tactical")[2];
    await grid(page, "Tactical backlog").locator(`[role="row"][data-uid="${item.uid}"] button.open`).click();
    assert.deepEqual(await waitForPosted(page, (m) => m.type === "open"), { type: "open", file: item.file, line: item.line });
    assert.equal((await posted(page, "open")).length, 1, "one click, one open");
    await assertClean(board());
  });

  it("a click on a row elsewhere selects it without opening; Enter then opens it", async () => {
    const { page } = board();
    const model = exampleModel();
    await postModel(page, model);
    await clearPosted(page);
    const item = model.items.filter((i) => i.track === "strategic")[1];
    const row = grid(page, "Strategic backlog").locator(`[role="row"][data-uid="${item.uid}"]`);
    await row.locator('[role="gridcell"]').nth(3).click();
    assert.equal(await row.getAttribute("aria-selected"), "true");
    assert.deepEqual(await posted(page, "open"), []);
    await page.keyboard.press("Enter");
    assert.deepEqual(await waitForPosted(page, (m) => m.type === "open"), { type: "open", file: item.file, line: item.line });
    await assertClean(board());
  });

  it("Apply proposal posts {type: apply} with the sprint and the generation of the model shown", async () => {
    const { page } = board();
    const model = exampleModel({ generation: 42 });
    assert.ok(model.plan.proposed.items.length > 0);
    await postModel(page, model);
    await clearPosted(page);
    const apply = page.getByRole("button", { name: "Apply proposal" });
    assert.ok(await apply.isEnabled());
    await apply.click();
    assert.deepEqual(await waitForPosted(page, (m) => m.type === "apply"), { type: "apply", sprint: "2026-s14", generation: 42 });
    await assertClean(board());
  });

  it("Apply proposal is disabled in a read-only workspace and when nothing is proposed", async () => {
    const { page } = board();
    const apply = page.getByRole("button", { name: "Apply proposal" });
    await postModel(page, exampleModel({ generation: 1, readOnly: true }));
    assert.ok(await apply.isDisabled(), "read-only");
    const empty = exampleModel({ generation: 2, sprint: "2026-s15" });
    assert.deepEqual(empty.plan.proposed.items, [], "the core proposes nothing for 2026-s15");
    await postModel(page, empty);
    assert.ok(await apply.isDisabled(), "nothing proposed");
    await clearPosted(page);
    await apply.click({ force: true });
    await page.waitForTimeout(100);
    assert.deepEqual(await posted(page, "apply"), []);
    await postModel(page, exampleModel({ generation: 3 }));
    assert.ok(await apply.isEnabled(), "enabled again with a proposal");
    await assertClean(board());
  });
});
