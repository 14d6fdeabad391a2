// The KPIs tab: objectives and key results as the core's KPI report has them
// (examples/ on 30 Nov 2026), clicks opening a KPI or an item, the objective filter,
// a long report coming in slices, the empty state, and document text shown as text.
import { strict as assert } from "node:assert";
import { assertClean, clearPosted, numberOf, posted, postTab, sendHost, waitForPosted } from "./harness/board.mjs";
import { useBoard } from "./harness/fixture.mjs";
import { buildKpiTab, exampleKpiModel, HOSTILE, hostileKpiModel, manyKpisModel, REVIEW_DAY, workspaceOf } from "./models.mjs";

describe("KPIs tab", () => {
  const board = useBoard();

  async function showKpis(page, model) {
    await page.getByRole("tab", { name: "KPIs" }).click();
    await postTab(page, "kpis", model);
  }

  it("shows each pillar as an objective with its key results as the core computed them, then the KPIs of no pillar", async () => {
    const { page } = board();
    const model = exampleKpiModel();
    const { objectives, unattached } = model.report;
    await showKpis(page, model);
    const shown = await page.locator("#panel-kpis section.objective").evaluateAll((sections) =>
      sections.map((section) => ({
        heading: section.querySelector("h2").textContent,
        krs: [...section.querySelectorAll(".kr")].map((li) => ({
          id: li.dataset.id,
          title: li.querySelector(".kr-title button, .kr-title .unlinked").textContent,
          progress: li.querySelector(".progress").textContent,
          figures: li.querySelector(".kr-figures").textContent,
          stale: Boolean(li.querySelector(".tag.stale")),
          more: li.querySelector(".kr-more").textContent,
          movers: li.querySelectorAll(".kr-more button.link, .kr-more .unlinked").length,
          spark: li.querySelector("svg.spark")?.getAttribute("aria-label") ?? null,
          range: li.querySelector("svg.range").getAttribute("aria-label"),
        })),
      })),
    );
    assert.equal(shown.length, objectives.length + (unattached.length ? 1 : 0));
    const all = [...objectives.map((objective) => [objective.title, objective.progress, objective.keyResults]), ...(unattached.length ? [["KPIs of no pillar", undefined, unattached]] : [])];
    all.forEach(([title, progress, keyResults], i) => {
      const section = shown[i];
      assert.ok(section.heading.startsWith(title), `${section.heading}`);
      if (progress !== undefined && progress !== null) assert.ok(section.heading.endsWith(`${progress}%`), `${title}: objective progress ${progress}: ${section.heading}`);
      assert.deepEqual(section.krs.map((kr) => kr.id), keyResults.map((kr) => kr.id), `${title}: its key results`);
      keyResults.forEach((kr, j) => {
        const li = section.krs[j];
        assert.equal(li.title, kr.title);
        assert.equal(numberOf(li.progress), kr.progress, `${kr.id}: progress`);
        if (kr.progress === null) assert.equal(li.progress, kr.progressNote, `${kr.id}: why there is no progress`);
        if (kr.pace) assert.ok(li.figures.includes({ ahead: "ahead of pace", "on-pace": "on pace", behind: "behind pace" }[kr.pace]), `${kr.id}: pace in words: ${li.figures}`);
        if (kr.confidence !== null) assert.ok(li.figures.includes(`confidence ${kr.confidence}%`), li.figures);
        assert.equal(li.stale, kr.stale, `${kr.id}: stale marked`);
        assert.equal(li.more.startsWith("Stale:"), kr.stale, `${kr.id}: stale said in words: ${li.more}`);
        assert.equal(li.movers, Math.min(kr.movedBy.length, 12), `${kr.id}: the work that moves it`);
        if (kr.movedBy.length > 12) assert.ok(li.more.includes(`…and ${kr.movedBy.length - 12} more`));
        if (kr.history.length > 1) assert.ok(li.spark.includes(`${kr.history.length} readings`), `${kr.id}: sparkline of its history: ${li.spark}`);
        if (!kr.history.length) assert.equal(li.spark, null);
        if (kr.progress !== null) assert.ok(li.range.includes(`(${kr.progress}% of the way)`), li.range);
      });
    });
    const every = [...objectives.flatMap((objective) => objective.keyResults), ...unattached];
    assert.ok(every.some((kr) => kr.stale) && every.some((kr) => kr.pace === "behind") && every.some((kr) => kr.level === "tactical"), "the example shows stale, behind and tactical key results");
    const summary = await page.locator("#panel-kpis .summary").textContent();
    assert.equal(summary, `${objectives.length} objectives · ${every.length} key results · ${every.filter((kr) => kr.stale).length} stale · ${every.filter((kr) => kr.pace === "behind").length} behind pace`);
    await assertClean(board());
  });

  it("a click on a KPI opens its file, on an item that moves it opens that; the objective filter narrows the list", async () => {
    const { page } = board();
    const model = exampleKpiModel();
    await showKpis(page, model);
    const kr = model.report.objectives.find((objective) => objective.keyResults.some((entry) => entry.movedBy.length)).keyResults.find((entry) => entry.movedBy.length);
    const at = (id) => model.locations.find((location) => location.id === id);
    await clearPosted(page);
    await page.getByRole("button", { name: kr.title, exact: true }).click();
    assert.deepEqual(await waitForPosted(page, (m) => m.type === "open"), { type: "open", file: at(kr.id).file, line: at(kr.id).line });
    assert.equal(at(kr.id).kind, "kpi");
    assert.deepEqual(await page.locator("#panel-kpis .kr.selected").evaluateAll((els) => els.map((el) => el.dataset.id)), [kr.id]);
    await clearPosted(page);
    await page.locator(`#panel-kpis .kr[data-id="${kr.id}"] .kr-more button.link`).first().click();
    assert.deepEqual(await waitForPosted(page, (m) => m.type === "open"), { type: "open", file: at(kr.movedBy[0]).file, line: at(kr.movedBy[0]).line });

    const filter = page.getByRole("combobox", { name: "Objective filter" });
    await filter.selectOption("(none)");
    assert.deepEqual(await page.locator("#panel-kpis section.objective h2").allTextContents(), ["KPIs of no pillar"]);
    await filter.selectOption("");
    assert.equal(await page.locator("#panel-kpis section.objective").count(), model.report.objectives.length + 1);
    assert.deepEqual(await posted(page, "view"), [], "filtering is the webview's own");
    await assertClean(board());
  });

  it("a long report comes in slices until every objective is in; a new reading rebuilds only its objective", async () => {
    const { page } = board();
    const model = manyKpisModel(150, 1);
    await page.getByRole("tab", { name: "KPIs" }).click();
    await sendHost(page, { type: "kpis", model });
    await page.waitForFunction(() => document.body.dataset.kpisGeneration === "1");
    const first = await page.locator("#panel-kpis section.objective").count();
    assert.ok(first >= 1, "the first slice is on screen at once");
    await page.waitForFunction(() => document.body.dataset.kpisComplete === "1");
    const ids = await page.locator("#panel-kpis .kr").evaluateAll((els) => els.map((el) => el.dataset.id));
    assert.deepEqual(ids, model.report.objectives.flatMap((objective) => objective.keyResults.map((kr) => kr.id)), "every key result, in order");
    // Mark every section, then send the report with one new reading in the last objective.
    await page.locator("#panel-kpis section.objective").evaluateAll((els) => els.forEach((el, i) => (el.dataset.mark = String(i))));
    const next = structuredClone(model);
    next.generation = 2;
    const last = next.report.objectives.at(-1);
    Object.assign(last.keyResults[0], { current: 29, progress: 95 });
    await postTab(page, "kpis", next);
    const marks = await page.locator("#panel-kpis section.objective").evaluateAll((els) => els.map((el) => el.dataset.mark ?? null));
    assert.equal(marks.length, model.report.objectives.length);
    assert.deepEqual(marks.slice(0, -1), marks.slice(0, -1).map((_, i) => String(i)), "the unchanged objectives keep their elements");
    assert.equal(marks.at(-1), null, "the changed one is built again");
    assert.equal(await page.locator(`#panel-kpis .kr[data-id="${last.keyResults[0].id}"] .progress`).textContent(), "95%");
    await assertClean(board());
  });

  it("says so when there is no KPI, and shows hostile document text as text", async () => {
    const { page, dialogs } = board();
    const empty = buildKpiTab(workspaceOf({ "pillars/p.md": "---\ntype: pillar\nid: p\ntitle: Pillar\n---\n" }), { today: REVIEW_DAY, generation: 1 });
    await showKpis(page, empty);
    assert.ok((await page.locator("#panel-kpis").innerText()).includes("No KPI yet"));
    const before = await page.evaluate(() => document.scripts.length);
    const model = hostileKpiModel(2);
    await postTab(page, "kpis", model);
    const dom = await page.evaluate(() => ({
      made: document.querySelectorAll("img, b").length,
      scripts: document.scripts.length,
      handlers: [...document.querySelectorAll("*")].filter((el) => [...el.attributes].some((a) => a.name.startsWith("on"))).length,
      text: document.getElementById("panel-kpis").innerText,
      options: [...document.querySelectorAll('select[aria-label="Objective filter"] option')].map((o) => o.textContent),
    }));
    assert.deepEqual([dom.made, dom.scripts, dom.handlers], [0, before, 0]);
    for (const text of [" objective title", " kpi title", " unit", " note", " mover title", " unattached title"]) assert.ok(dom.text.includes(`${HOSTILE}${text}`), `shows ${HOSTILE}${text} literally`);
    assert.ok(dom.options.includes(`${HOSTILE} objective title`));
    assert.deepEqual(dialogs, []);
    await assertClean(board());
  });
});
