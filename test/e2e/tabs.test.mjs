// The board's tabs (Plan, Review, KPIs): an ARIA tablist driven by the keyboard,
// the tab and each tab's own choices kept across a reload, the Review and KPIs
// tabs showing the numbers of the core's models (examples/ on 30 Nov 2026), a
// click opening what it names, and document text shown as text.
import { strict as assert } from "node:assert";
import { assertClean, clearPosted, listOf, postModel, posted, postTab, reload, sendHost, tableOf, tabsOf, waitForPosted } from "./harness/board.mjs";
import { useBoard } from "./harness/fixture.mjs";
import { buildKpiTab, buildReviewTab, exampleKpiModel, exampleModel, exampleReviewModel, HOSTILE, hostileKpiModel, hostileReviewModel, manyKpisModel, REVIEW_DAY, workspaceOf } from "./models.mjs";

/** A figure as shown ("14.3%", "30% (−40 pts)", "48,000", "–") as a number, or null. */
const numberOf = (text) => {
  const n = parseFloat(String(text).replace(/,/g, ""));
  return Number.isFinite(n) ? n : null;
};

const selectedTab = async (page) => (await tabsOf(page)).filter((tab) => tab.selected === "true").map((tab) => tab.name);

describe("board tabs", () => {
  const board = useBoard();

  it("are an ARIA tablist: one tab stop, Left/Right/Home/End move and select, each tab shows its panel and asks the host for its model", async () => {
    const { page } = board();
    await postModel(page, exampleModel());
    const tabs = await tabsOf(page);
    assert.deepEqual(tabs.map((tab) => tab.name), ["Plan", "Review", "KPIs"]);
    assert.deepEqual(tabs.map((tab) => [tab.selected, tab.tabindex, tab.panel?.role, tab.panel?.labelledBy, tab.panel?.shown]), [
      ["true", "0", "tabpanel", true, true],
      ["false", "-1", "tabpanel", true, false],
      ["false", "-1", "tabpanel", true, false],
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
      assert.deepEqual(now.filter((entry) => entry.name !== name).map((entry) => [entry.tabindex, entry.panel.shown]), [["-1", false], ["-1", false]], `${why}: the others`);
    };
    await expect("ArrowRight", "Review", "Right from Plan");
    await expect("ArrowRight", "KPIs", "Right from Review");
    await expect("ArrowRight", "Plan", "Right from KPIs wraps");
    await expect("ArrowLeft", "KPIs", "Left from Plan wraps");
    await expect("Home", "Plan", "Home");
    await expect("End", "KPIs", "End");
    assert.deepEqual((await posted(page, "view")).map((message) => message.tab), ["review", "kpis", "plan", "kpis", "plan", "kpis"], "every switch asks the host for that tab's model");
    // Tab leaves the tablist for the panel: the other tabs are not tab stops.
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("role")), null, "focus left the tabs");
    assert.ok(await page.evaluate(() => document.getElementById("panel-kpis").contains(document.activeElement)), "focus went into the KPIs panel");
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
    for (const type of ["review", "kpis"]) await sendHost(page, { type, model: null });
    await sendHost(page, { type: "kpis" });
    await page.waitForTimeout(50);
    assert.equal(await page.evaluate(() => document.body.dataset.reviewGeneration ?? document.body.dataset.kpisGeneration ?? null), null);
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

describe("Review tab", () => {
  const board = useBoard();

  async function showReview(page, model) {
    await page.getByRole("tab", { name: "Review" }).click();
    await postTab(page, "review", model);
  }

  it("shows the reviewed sprint's numbers as the core computed them: per track, the trend, the drift and the quarters", async () => {
    const { page } = board();
    const model = exampleReviewModel();
    const { review } = model;
    assert.equal(model.sprint, "2026-s14", "on 30 Nov the latest ended sprint is reviewed");
    await showReview(page, model);

    const picker = page.getByRole("combobox", { name: "Sprint to review" });
    assert.equal(await picker.inputValue(), review.sprint);
    const values = await picker.locator("option").evaluateAll((os) => os.map((o) => o.value));
    assert.deepEqual(values, model.sprints.map((sprint) => sprint.id).reverse(), "the ended sprints, newest first");

    const byTrack = await tableOf(page, "Review by track");
    assert.deepEqual(byTrack[0], ["Track", "Target", "Committed", "Done", "Completion", "Realised share", "Carried over"]);
    for (const [i, track] of [[1, "strategic"], [2, "tactical"]]) {
      const cells = byTrack[i];
      assert.equal(cells[0].toLowerCase(), track);
      assert.deepEqual(cells.slice(1).map(numberOf), [review.target[track], review.committed[track], review.done[track], review.completion[track], review.realisedShare[track], review.carriedOver[track]], `${track}: ${cells}`);
    }
    const gap = review.target.strategic - review.realisedShare.strategic;
    assert.ok(gap > model.tolerance, "the example's latest sprint is under its target");
    assert.ok(byTrack[1][5].includes(`−${gap} pts`), `the drift is said in words, not only coloured: ${byTrack[1][5]}`);
    assert.deepEqual(byTrack[3].map(numberOf).slice(2, 4), [review.committed.strategic + review.committed.tactical, review.velocity], "the sprint's committed units and its velocity");

    const trend = await tableOf(page, "Trend by sprint");
    assert.equal(trend.length - 1, review.trend.length);
    review.trend.forEach((point, i) => {
      const cells = trend[i + 1];
      assert.equal(cells[0], point.sprint);
      assert.deepEqual([cells[2], cells[3], cells[4], cells[5], cells[6]].map(numberOf), [point.realisedShare.strategic, point.target, point.velocity, point.completion.strategic, point.completion.tactical], `${point.sprint}: ${cells}`);
    });
    const chart = await page.locator('#panel-review svg.trend[role="img"]').getAttribute("aria-label");
    for (const point of review.trend) assert.ok(chart.includes(`${point.sprint}: ${point.realisedShare.strategic}% strategic (target ${point.target}%), velocity ${point.velocity}`), chart);
    const delivery = await page.locator('#panel-review svg.delivery[role="img"]').getAttribute("aria-label");
    assert.ok(delivery.includes(`Strategic: ${review.done.strategic} of ${review.committed.strategic} committed units done`), delivery);

    assert.ok(review.drift, "split-drift fires on the example's latest ended sprint");
    const note = await page.locator("#panel-review").getByRole("note").textContent();
    for (const id of review.drift.sprints) {
      const share = review.trend.find((point) => point.sprint === id).realisedShare.strategic;
      assert.ok(note.includes(`${id} (${share}%)`), `the drift names ${id} and its share: ${note}`);
    }
    assert.ok(note.includes(`${review.drift.target}% target`), note);

    const quarters = await page.locator('table[aria-label="Delivery by quarter"] tbody tr').evaluateAll((rows) =>
      rows.map((row) => ({ quarter: row.querySelector("th").textContent, cells: [...row.querySelectorAll("td")].map((td) => ({ value: td.querySelector(".value").textContent, change: td.querySelector(".change")?.getAttribute("title") ?? null, arrow: td.querySelector(".change [aria-hidden]")?.textContent ?? null, verdict: td.querySelector(".change")?.classList[1] ?? null })) })),
    );
    assert.deepEqual(quarters.map((q) => q.quarter), review.quarters.map((q) => q.quarter));
    review.quarters.forEach((quarter, i) => {
      const shown = quarters[i].cells;
      const values = [quarter.strategicCompletion, quarter.cycleTimeDays.strategic, quarter.cycleTimeDays.tactical, quarter.throughput.strategic, quarter.throughput.tactical];
      assert.deepEqual(shown.map((cell) => numberOf(cell.value)), values, `${quarter.quarter} values`);
      const changes = quarter.change ? [quarter.change.strategicCompletion, quarter.change.cycleTimeDays.strategic, quarter.change.cycleTimeDays.tactical, quarter.change.throughput.strategic, quarter.change.throughput.tactical] : [null, null, null, null, null];
      changes.forEach((change, j) => {
        if (change === null) return assert.equal(shown[j].change, null, `${quarter.quarter} column ${j}: no change shown`);
        const lowerIsBetter = j === 1 || j === 2;
        const verdict = change === 0 ? "same" : (change < 0) === lowerIsBetter ? "better" : "worse";
        assert.ok(shown[j].arrow.includes(change > 0 ? `▲ +${change}%` : change < 0 ? `▼ −${-change}%` : "±0%"), `${quarter.quarter} column ${j}: sign and arrow: ${shown[j].arrow}`);
        assert.equal(shown[j].verdict, verdict);
        assert.ok(shown[j].change.includes(`than ${review.quarters[i - 1].quarter} (${verdict})`) || change === 0, `the change says better or worse in words: ${shown[j].change}`);
      });
    });
    assert.ok(quarters.some((q) => q.cells.some((cell) => cell.verdict === "better")), "the example's quarters show a change");

    const summary = await page.locator("#panel-review .summary").textContent();
    assert.ok(summary.includes(`velocity ${review.velocity}`), summary);
    await assertClean(board());
  });

  it("lists the carried-over items by title; a click opens an item or the sprint at its line", async () => {
    const { page } = board();
    const model = exampleReviewModel();
    await showReview(page, model);
    const items = await listOf(page, "Carried over");
    const carried = model.review.carriedOver.items;
    assert.ok(carried.length >= 1, "the example carries work over");
    assert.equal(items.length, Math.min(carried.length, 12) + (carried.length > 12 ? 1 : 0));
    const location = (id) => model.locations.find((entry) => entry.id === id);
    carried.slice(0, 12).forEach((id, i) => assert.ok(items[i].startsWith(location(id).title), `${id}: ${items[i]}`));
    await clearPosted(page);
    await page.getByRole("list", { name: "Carried over" }).getByRole("button", { name: location(carried[0]).title }).click();
    const opened = await waitForPosted(page, (m) => m.type === "open");
    assert.deepEqual(opened, { type: "open", file: location(carried[0]).file, line: location(carried[0]).line });
    await clearPosted(page);
    await page.getByRole("button", { name: "Open sprint" }).click();
    assert.deepEqual(await waitForPosted(page, (m) => m.type === "open"), { type: "open", file: location(model.sprint).file, line: location(model.sprint).line });
    await assertClean(board());
  });

  it("asks the host for another sprint's review and shows it; without an ended sprint it says so in words", async () => {
    const { page } = board();
    await showReview(page, exampleReviewModel());
    await page.getByRole("combobox", { name: "Sprint to review" }).selectOption("2026-s12");
    assert.deepEqual(await waitForPosted(page, (m) => m.type === "view" && "reviewSprint" in m), { type: "view", reviewSprint: "2026-s12" });
    const first = exampleReviewModel({ generation: 2, sprint: "2026-s12" });
    assert.equal(first.sprint, "2026-s12");
    await postTab(page, "review", first);
    const strategic = (await tableOf(page, "Review by track"))[1];
    assert.deepEqual([strategic[2], strategic[3]].map(numberOf), [first.review.committed.strategic, first.review.done.strategic]);
    assert.equal(await page.locator("#panel-review").getByRole("note").count(), first.review.drift ? 1 : 0, "the drift note only when the core finds drift");

    // A workspace whose only sprint has not ended.
    const workspace = workspaceOf({ "sprints/s1.md": "---\ntype: sprint\nid: s1\ncapacity: 10\nstart: 2026-11-23\nend: 2026-12-04\n---\n" });
    const empty = buildReviewTab(workspace, { today: REVIEW_DAY, generation: 3 });
    assert.equal(empty.review, null);
    await postTab(page, "review", empty);
    const text = await page.locator("#panel-review").innerText();
    assert.ok(text.includes(empty.message), `the core's sentence: ${text}`);
    assert.ok(await page.getByRole("combobox", { name: "Sprint to review" }).isDisabled());
    assert.equal(await page.getByRole("table", { name: "Review by track" }).count(), 0);
    await assertClean(board());
  });

  it("shows hostile document text as text and runs nothing", async () => {
    const { page, dialogs } = board();
    const before = await page.evaluate(() => document.scripts.length);
    const model = hostileReviewModel(1);
    await showReview(page, model);
    const dom = await page.evaluate(() => ({
      imgs: document.querySelectorAll("img, b").length,
      scripts: document.scripts.length,
      handlers: [...document.querySelectorAll("*")].filter((el) => [...el.attributes].some((a) => a.name.startsWith("on"))).length,
      text: document.getElementById("panel-review").innerText,
      options: [...document.querySelectorAll('select[aria-label="Sprint to review"] option')].map((o) => o.textContent),
      labels: [...document.querySelectorAll("#panel-review svg[aria-label]")].map((svg) => svg.getAttribute("aria-label")).join("\n"),
    }));
    assert.deepEqual([dom.imgs, dom.scripts, dom.handlers], [0, before, 0], "no element made from document text");
    for (const text of [`${HOSTILE} item title`, model.sprint, model.review.quarters[0].quarter]) assert.ok(dom.text.includes(text), `shows ${text} literally`);
    assert.ok(dom.options.some((text) => text.startsWith(`${HOSTILE} sprint title`)), dom.options.join(" | "));
    assert.ok(dom.labels.includes(model.sprint), "the charts' labels name the sprint literally");
    assert.deepEqual(dialogs, []);
    await assertClean(board());
  });
});

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
