// The board's tabs (Plan, Review, KPIs, Roadmap, Calendar): an ARIA tablist driven by the keyboard,
// following the host's tab message, and the tab and each tab's own choices kept
// across a reload.
import { strict as assert } from "node:assert";
import { assertClean, clearPosted, postModel, posted, postTab, reload, sendHost, tabsOf, waitForPosted } from "./harness/board.mjs";
import { useBoard } from "./harness/fixture.mjs";
import { exampleKpiModel, exampleModel, exampleReviewModel } from "./models.mjs";

const selectedTab = async (page) => (await tabsOf(page)).filter((tab) => tab.selected === "true").map((tab) => tab.name);

describe("board tabs", () => {
  const board = useBoard();

  it("are an ARIA tablist: one tab stop, Left/Right/Home/End move and select, each tab shows its panel and asks the host for its model", async () => {
    const { page } = board();
    await postModel(page, exampleModel());
    const tabs = await tabsOf(page);
    assert.deepEqual(tabs.map((tab) => tab.name), ["Plan", "Review", "KPIs", "Roadmap", "Calendar"]);
    assert.deepEqual(tabs.map((tab) => [tab.selected, tab.tabindex, tab.panel?.role, tab.panel?.labelledBy, tab.panel?.shown]), [
      ["true", "0", "tabpanel", true, true],
      ...Array.from({ length: 4 }, () => ["false", "-1", "tabpanel", true, false]),
    ]);
    assert.equal(await page.getByRole("tablist", { name: "Board views" }).count(), 1);
    await clearPosted(page);
    await page.getByRole("tab", { name: "Plan" }).focus();
    const expect = async (key, name, why) => {
      await page.keyboard.press(key);
      const now = await tabsOf(page);
      assert.deepEqual(now.filter((tab) => tab.selected === "true").map((tab) => tab.name), [name], `${why}: selected`);
      const tab = now.find((entry) => entry.name === name);
      assert.ok(tab.focused && tab.tabindex === "0" && tab.panel.shown, `${why}: focused, the tab stop, its panel shown: ${JSON.stringify(tab)}`);
      assert.deepEqual(now.filter((entry) => entry.name !== name).map((entry) => [entry.tabindex, entry.panel.shown]), Array.from({ length: 4 }, () => ["-1", false]), `${why}: the others`);
    };
    await expect("ArrowRight", "Review", "Right from Plan");
    await expect("ArrowRight", "KPIs", "Right from Review");
    await expect("ArrowRight", "Roadmap", "Right from KPIs");
    await expect("ArrowRight", "Calendar", "Right from Roadmap");
    await expect("ArrowRight", "Plan", "Right from Calendar wraps");
    await expect("ArrowLeft", "Calendar", "Left from Plan wraps");
    await expect("Home", "Plan", "Home");
    await expect("End", "Calendar", "End");
    assert.deepEqual((await posted(page, "view")).map((message) => message.tab), ["review", "kpis", "roadmap", "calendar", "plan", "calendar", "plan", "calendar"], "every switch asks the host for that tab's model");
    // Tab leaves the tablist for the panel: the other tabs are not tab stops.
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("role")), null, "focus left the tabs");
    assert.ok(await page.evaluate(() => document.getElementById("panel-calendar").contains(document.activeElement)), "focus went into the Calendar panel");
    await assertClean(board());
  });

  it("follow the host's tab message (a command opened the board on a tab) without asking again", async () => {
    const { page } = board();
    await postModel(page, exampleModel());
    await clearPosted(page);
    await sendHost(page, { type: "tab", tab: "kpis" });
    await page.waitForFunction(() => document.getElementById("tab-kpis").getAttribute("aria-selected") === "true");
    assert.deepEqual(await selectedTab(page), ["KPIs"]);
    assert.deepEqual(await posted(page, "view"), []);
    await sendHost(page, { type: "tab", tab: "no-such-tab" });
    await page.waitForFunction(() => document.getElementById("tab-plan").getAttribute("aria-selected") === "true");
    // Tab messages without a model are ignored, not thrown on.
    for (const type of ["review", "kpis", "roadmap", "calendar"]) await sendHost(page, { type, model: null });
    for (const type of ["kpis", "roadmap", "calendar"]) await sendHost(page, { type });
    await sendHost(page, { type: "roadmap", model: { generation: 9, roadmap: null } });
    await page.waitForTimeout(50);
    const shown = await page.evaluate(() => ["reviewGeneration", "kpisGeneration", "roadmapGeneration", "calendarGeneration"].map((key) => document.body.dataset[key] ?? null));
    assert.deepEqual(shown, [null, null, null, null]);
    await assertClean(board());
  });

  it("keep the tab, the reviewed sprint, the objective filter and the KPI last opened across a reload", async () => {
    const { page } = board();
    await postModel(page, exampleModel());
    await page.getByRole("tab", { name: "Review" }).click();
    await postTab(page, "review", exampleReviewModel({ generation: 2 }));
    await page.getByRole("combobox", { name: "Sprint to review" }).selectOption("2026-s12");
    assert.deepEqual(await waitForPosted(page, (m) => m.type === "view" && "reviewSprint" in m), { type: "view", reviewSprint: "2026-s12" });
    await postTab(page, "review", exampleReviewModel({ generation: 3, sprint: "2026-s12" }));

    await reload(page);
    assert.deepEqual(await selectedTab(page), ["Review"], "the Review tab comes back before any message from the host");
    const saved = await page.evaluate(() => window.__getState());
    assert.equal(saved.tab, "review");
    assert.equal(saved.reviewSprint, "2026-s12", "the serializer reads the sprint to review from the saved state");
    assert.deepEqual(await posted(page, "view"), [], "a restored tab asks nothing: the host knows the view");

    const kpis = exampleKpiModel({ generation: 4 });
    const objective = kpis.report.objectives.find((entry) => entry.keyResults.length >= 2);
    const kr = objective.keyResults[1];
    await page.getByRole("tab", { name: "KPIs" }).click();
    await postTab(page, "kpis", kpis);
    await page.getByRole("combobox", { name: "Objective filter" }).selectOption(objective.pillar.toLowerCase());
    await page.getByRole("button", { name: kr.title, exact: true }).click();
    await reload(page);
    assert.deepEqual(await selectedTab(page), ["KPIs"]);
    await postTab(page, "kpis", { ...kpis, generation: 5 });
    assert.equal(await page.getByRole("combobox", { name: "Objective filter" }).inputValue(), objective.pillar.toLowerCase());
    const sections = await page.locator("#panel-kpis section.objective h2").allTextContents();
    assert.equal(sections.length, 1, `only the chosen objective: ${sections}`);
    assert.deepEqual(await page.locator("#panel-kpis .kr.selected").evaluateAll((els) => els.map((el) => el.dataset.id)), [kr.id], "the KPI last opened is marked");
    await assertClean(board());
  });
});
