// Money on the Plan tab (SPEC §9): per track and per pillar beside capacity, the sprint's
// budget as a marker, what is over it said in words; nothing about money where the plan has none.
import { strict as assert } from "node:assert";
import { assertClean, postModel, tableOf } from "./harness/board.mjs";
import { useBoard } from "./harness/fixture.mjs";
import { bigModel, buildBoard, workspaceOf } from "./models.mjs";
import { campaignBoard, TIME_DAY } from "./time-models.mjs";

/** `EUR 12,000` as a person writes it (here, not the webview's formatter). */
const eur = (value) => `EUR ${value.toLocaleString("en-US", { maximumFractionDigits: 2 })}`;

describe("money on the Plan tab", () => {
  const board = useBoard();

  it("shows the sprint's money per track and per pillar as the core summed it, against its budget, and what is over it", async () => {
    const { page } = board();
    const model = campaignBoard();
    const { plan } = model;
    const { money } = plan;
    const total = money.planned.strategic + money.planned.tactical + money.proposed.strategic + money.proposed.tactical;
    assert.ok(money.cap !== null && total > money.cap, "the fixture's sprint is over its budget");
    await postModel(page, model);
    const rows = await tableOf(page, "Money by track");
    assert.deepEqual(rows[0], ["Track", "Planned", "Proposed", "Total"]);
    for (const [i, track] of [[1, "strategic"], [2, "tactical"]]) assert.deepEqual(rows[i].slice(1), [eur(money.planned[track]), eur(money.proposed[track]), eur(money.planned[track] + money.proposed[track])], track);
    assert.deepEqual(rows[3], ["Sprint", eur(money.planned.strategic + money.planned.tactical), eur(money.proposed.strategic + money.proposed.tactical), eur(total)]);
    assert.deepEqual(rows[4], ["Sprint budget", "", "", eur(money.cap)]);
    assert.deepEqual(rows[5], ["Over budget", "", "", eur(total - money.cap)]);
    assert.equal(await page.locator('table[aria-label="Money by track"] td.over').count(), 2, "the total and the excess in the error colour");
    const pillars = await tableOf(page, "Share by pillar");
    assert.equal(pillars[0].at(-1), "Money");
    for (const [key, value] of Object.entries(money.byPillar)) {
      const title = model.pillars.find((pillar) => pillar.id.toLowerCase() === key)?.title ?? key;
      assert.equal(pillars.find((row) => row[0] === title)?.at(-1), eur(value), `${key}'s money`);
    }
    const chart = await page.locator("svg.chart.money").getAttribute("aria-label");
    for (const text of [eur(money.planned.strategic), eur(money.planned.tactical), `In all ${eur(total)}`, `${eur(total - money.cap)} over the sprint's ${eur(money.cap)} budget`]) assert.ok(chart.includes(text), `${text} in: ${chart}`);
    assert.equal(await page.locator("svg.chart.money line.budget-cap").count(), 1, "the budget as a marker");
    assert.equal(await page.locator("svg.chart.money rect.over-mark").count(), 1, "the part past it marked");
    const summary = page.locator("#panel-plan .summary");
    assert.ok((await summary.textContent()).endsWith(`${eur(total)} of ${eur(money.cap)} (${eur(total - money.cap)} over budget)`), await summary.textContent());
    assert.ok(await summary.evaluate((el) => el.classList.contains("over")));
    assert.equal(await page.locator("#panel-plan .money-h").textContent(), "Money (EUR)");
    await assertClean(board());
  });

  it("shows planned and proposed money within a budget, with the marker past them", async () => {
    const { page } = board();
    const files = {
      "s.md": "---\ntype: sprint\nid: s1\nstart: 2026-11-30\nend: 2026-12-11\ncapacity: 10\nbudget: 10000\n---\n",
      "p.md": "---\ntype: pillar\nid: growth\ntitle: Growth\n---\n",
      "a.md": "---\ntype: initiative\nid: planned-one\npillar: growth\nsprint: s1\nestimate: 3\nbudget: 2000\nimpact: 3\nurgency: 3\neffort: 3\n---\n",
      "b.md": "---\ntype: initiative\nid: proposed-one\npillar: growth\nestimate: 3\nbudget: 3000\nimpact: 5\nurgency: 5\neffort: 1\n---\n",
    };
    const model = buildBoard(workspaceOf(files), { today: TIME_DAY, generation: 1 });
    assert.deepEqual([model.plan.money.planned.strategic, model.plan.money.proposed.strategic, model.plan.money.cap], [2000, 3000, 10000]);
    await postModel(page, model);
    const rows = await tableOf(page, "Money by track");
    assert.deepEqual(rows.map((row) => row[0]), ["Track", "Strategic", "Tactical", "Sprint", "Sprint budget"], "no over-budget row");
    assert.deepEqual(rows[1].slice(1), ["2,000", "3,000", "5,000"], "no currency configured: bare amounts");
    assert.equal(await page.locator("svg.chart.money rect.over-mark").count(), 0);
    const marker = await page.locator("svg.chart.money line.budget-cap").getAttribute("x1");
    const bars = await page.locator("svg.chart.money rect.fill-strategic").evaluateAll((rects) => rects.map((r) => Number(r.getAttribute("x")) + Number(r.getAttribute("width"))));
    assert.ok(bars.every((end) => end < Number(marker)), "the money stays left of the budget marker");
    assert.ok((await page.locator("svg.chart.money").getAttribute("aria-label")).includes("within the sprint's 10,000 budget"));
    await assertClean(board());
  });

  it("says nothing about money when no planned or proposed item and not the sprint has a budget", async () => {
    const { page } = board();
    await postModel(page, bigModel(40));
    assert.equal(await page.locator('table[aria-label="Money by track"]').count(), 0);
    assert.equal(await page.locator("svg.chart.money").count(), 0);
    assert.ok(!(await tableOf(page, "Share by pillar"))[0].includes("Money"));
    await assertClean(board());
  });
});
