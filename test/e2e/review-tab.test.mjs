// The Review tab: the numbers of the core's review of an ended sprint (examples/ on
// 30 Nov 2026), the picker asking the host for another sprint, a click opening a
// carried-over item, the empty state, and document text shown as text.
import { strict as assert } from "node:assert";
import { assertClean, clearPosted, listOf, numberOf, postTab, tableOf, waitForPosted } from "./harness/board.mjs";
import { useBoard } from "./harness/fixture.mjs";
import { buildReviewTab, exampleReviewModel, HOSTILE, hostileReviewModel, REVIEW_DAY, workspaceOf } from "./models.mjs";

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
