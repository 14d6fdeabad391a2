// The Roadmap tab: lanes × periods as the core's roadmap has them (a campaign workspace
// on 30 Nov 2026), bars where the spans are, diamonds on the due days, the today line,
// the unscheduled work apart; zoom and lanes asked of the host and kept over a reload;
// the keyboard and clicks; thousands of items drawn as a window; document text as text.
import { strict as assert } from "node:assert";
import { assertClean, clearPosted, hostileTrace, posted, postTab, reload, tabsOf, waitForPosted } from "./harness/board.mjs";
import { useBoard } from "./harness/fixture.mjs";
import { HOSTILE, workspaceOf } from "./models.mjs";
import { buildRoadmapTab, datedModels, hostileTimeModels, roadmapModel, TIME_DAY } from "./time-models.mjs";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const dayNo = (day) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;
const words = (day, year = true) => `${Number(day.slice(8))} ${MONTHS[Number(day.slice(5, 7)) - 1]}${year ? ` ${day.slice(0, 4)}` : ""}`;
/** The span in words as a person would say it (written here, not taken from the webview). */
const spanSaid = (start, end) => (start === end ? `on ${words(start)}` : `from ${words(start, start.slice(0, 4) !== end.slice(0, 4))} to ${words(end)}`);

/** The rows in the grid's DOM: lane headers and items, with their bars and diamonds as placed (percent of the timeline). */
function gridRows(page) {
  return page.locator('#panel-roadmap [role="grid"]').evaluate((grid) =>
    [...grid.querySelectorAll('.rm-body [role="row"]')].map((row) => {
      const bar = row.querySelector(".rm-bar");
      const diamond = row.querySelector(".rm-diamond");
      return {
        lane: row.classList.contains("rm-lane") ? row.querySelector(".rm-lane-title").textContent : null,
        id: row.dataset.id ?? null,
        key: row.dataset.key ?? null,
        rowId: row.id,
        title: row.querySelector("button.open")?.textContent ?? null,
        label: row.querySelector('[role="gridcell"]')?.getAttribute("aria-label") ?? null,
        selected: row.getAttribute("aria-selected"),
        bar: bar && { left: parseFloat(bar.style.left), width: parseFloat(bar.style.width), fromSprint: bar.classList.contains("from-sprint") },
        diamond: diamond && parseFloat(diamond.style.left),
      };
    }),
  );
}

async function showRoadmap(page, model) {
  await page.getByRole("tab", { name: "Roadmap" }).click();
  await postTab(page, "roadmap", model);
}

describe("Roadmap tab", () => {
  const board = useBoard();

  it("shows each lane with its items' spans, milestones and today as the core computed them, and the unscheduled work apart", async () => {
    const { page } = board();
    const model = roadmapModel();
    const { roadmap } = model;
    await showRoadmap(page, model);
    const rows = await gridRows(page);
    const first = dayNo(roadmap.periods[0].start);
    const days = dayNo(roadmap.periods.at(-1).end) - first + 1;
    const near = (a, b, what) => assert.ok(Math.abs(a - b) < 0.01, `${what}: ${a} vs ${b}`);
    const titleOf = (id) => model.locations.find((location) => location.id === id).title;
    const lanes = rows.filter((row) => row.lane !== null).map((row) => row.lane);
    assert.deepEqual(lanes, roadmap.rows.map((row) => model.laneTitles[row.lane.toLowerCase()]), "a lane per pillar, by its title, in the core's order");
    for (const lane of roadmap.rows) {
      const at = rows.findIndex((row) => row.lane === model.laneTitles[lane.lane.toLowerCase()]);
      const next = rows.findIndex((row, i) => i > at && row.lane !== null);
      const own = rows.slice(at + 1, next < 0 ? undefined : next);
      const points = roadmap.milestones.filter((milestone) => milestone.lane === lane.lane);
      const alone = points.filter((point) => !lane.items.some((item) => item.id === point.id));
      assert.deepEqual(own.map((row) => row.id), [...lane.items.map((item) => item.id), ...alone.map((point) => point.id)], `${lane.lane}: its items in order, then milestones with no bar`);
      for (const item of lane.items) {
        const row = own.find((entry) => entry.id === item.id);
        assert.equal(row.title, titleOf(item.id));
        near(row.bar.left, ((dayNo(item.start) - first) / days) * 100, `${item.id} starts`);
        near(row.bar.width, ((dayNo(item.end) - dayNo(item.start) + 1) / days) * 100, `${item.id} lasts`);
        assert.equal(row.bar.fromSprint, item.from === "sprint", `${item.id}: dashed where the dates are the sprint's`);
        assert.ok(row.label.includes(`${spanSaid(item.start, item.end)} (${item.from === "sprint" ? "its sprint's dates" : "its own dates"})`), `${item.id} says its span in words: ${row.label}`);
        if (item.budget !== null) assert.ok(row.label.includes(`budget EUR ${item.budget.toLocaleString("en-US")}`), row.label);
      }
      for (const point of points) {
        const row = own.find((entry) => entry.id === point.id);
        near(row.diamond, ((dayNo(point.due) - first + 0.5) / days) * 100, `${point.id} due`);
        assert.ok(row.label.includes(`due ${words(point.due)}`), row.label);
      }
      for (const point of alone) assert.equal(own.find((entry) => entry.id === point.id).bar, null, `${point.id}: a milestone alone, no bar`);
    }
    assert.ok(roadmap.milestones.length >= 2 && roadmap.rows.some((row) => row.items.some((item) => item.from === "sprint")) && roadmap.rows.some((row) => row.items.some((item) => item.from === "item")), "the fixture has both kinds of span and milestones");
    const today = await page.locator("#panel-roadmap .rm-today").evaluate((el) => parseFloat(el.style.left));
    near(today, ((dayNo(TIME_DAY) - first + 0.5) / days) * 100, "the today line");
    assert.equal(await page.locator("#panel-roadmap .rm-today-label").textContent(), "Today");
    assert.deepEqual(await page.locator("#panel-roadmap .rm-period-name").allTextContents(), roadmap.periods.map((period) => `Q${period.id.slice(-1)} ${period.id.slice(0, 4)}`));
    const unscheduled = await page.getByRole("list", { name: "Unscheduled" }).locator("li button").allTextContents();
    assert.deepEqual(unscheduled, roadmap.unscheduled.map(titleOf), "the open work with no span, apart");
    assert.ok(!rows.some((row) => row.id === "billboard"), "dropped work is not on the roadmap");
    const grid = page.locator('#panel-roadmap [role="grid"]');
    assert.equal(await grid.getAttribute("aria-label"), "Roadmap by quarter, lanes by pillar");
    assert.equal(Number(await grid.getAttribute("aria-rowcount")), rows.length + 1);
    await assertClean(board());
  });

  it("zooms to months or sprints and sorts into channel or track lanes by asking the host, which it draws", async () => {
    const { page } = board();
    await showRoadmap(page, roadmapModel());
    await clearPosted(page);
    await page.getByRole("combobox", { name: "Roadmap periods" }).selectOption("month");
    assert.deepEqual(await waitForPosted(page, (m) => m.type === "view"), { type: "view", roadmapBy: "month" });
    const months = roadmapModel({ generation: 2, by: "month" });
    await postTab(page, "roadmap", months);
    assert.deepEqual(await page.locator("#panel-roadmap .rm-period-name").allTextContents(), months.roadmap.periods.map((period) => `${MONTHS[Number(period.id.slice(5)) - 1].slice(0, 3)} ${period.id.slice(0, 4)}`));

    await clearPosted(page);
    await page.getByRole("combobox", { name: "Roadmap lanes" }).selectOption("channel");
    assert.deepEqual(await waitForPosted(page, (m) => m.type === "view"), { type: "view", roadmapLanes: "channel" });
    const channels = roadmapModel({ generation: 3, by: "month", lanes: "channel" });
    await postTab(page, "roadmap", channels);
    const rows = await gridRows(page);
    const lanes = rows.filter((row) => row.lane !== null).map((row) => row.lane);
    assert.deepEqual(lanes, channels.roadmap.rows.map((row) => row.lane ?? "No channel"), "a lane per channel as written, work with none last");
    const inLanes = rows.filter((row) => row.id === "linkedin-ads").map((row) => row.key.split("\u0000")[0]);
    assert.deepEqual(inLanes, ["linkedin", "paid social"], "a tactic on two channels shows in each");
    assert.equal(await page.locator('#panel-roadmap [role="grid"]').getAttribute("aria-label"), "Roadmap by month, lanes by channel");

    // Sprints as periods: the sprints' ids and days head the timeline, which still holds every span.
    const sprints = roadmapModel({ generation: 4, by: "sprint", lanes: "track" });
    await postTab(page, "roadmap", sprints);
    assert.deepEqual(await page.locator("#panel-roadmap .rm-period-name").allTextContents(), sprints.roadmap.periods.map((period) => period.id));
    assert.deepEqual((await gridRows(page)).filter((row) => row.lane !== null).map((row) => row.lane), sprints.roadmap.rows.map((row) => ({ strategic: "Strategic", tactical: "Tactical" })[row.lane]));
    for (const row of await gridRows(page)) if (row.bar) assert.ok(row.bar.left >= 0 && row.bar.left + row.bar.width <= 100.0001, `${row.id} within the timeline`);
    await assertClean(board());
  });

  it("answers the keyboard: Up/Down/Home/End select items (not lanes), Enter opens; a click on a bar, a diamond or a name opens", async () => {
    const { page } = board();
    const model = roadmapModel();
    await showRoadmap(page, model);
    const grid = page.locator('#panel-roadmap [role="grid"]');
    await grid.focus();
    const items = (await gridRows(page)).filter((row) => row.id);
    const selected = async () => {
      const rows = await gridRows(page);
      const active = await grid.getAttribute("aria-activedescendant");
      const on = rows.filter((row) => row.selected === "true");
      assert.equal(on.length, 1, "one selected row");
      assert.equal(active, on[0].rowId, "the grid's active descendant is the selected row");
      return on[0].id;
    };
    await page.keyboard.press("ArrowDown");
    assert.equal(await selected(), items[0].id);
    await page.keyboard.press("ArrowDown");
    assert.equal(await selected(), items[1].id);
    await page.keyboard.press("End");
    assert.equal(await selected(), items.at(-1).id);
    await page.keyboard.press("Home");
    assert.equal(await selected(), items[0].id);
    const at = (id) => model.locations.find((location) => location.id === id);
    await clearPosted(page);
    await page.keyboard.press("Enter");
    assert.deepEqual(await waitForPosted(page, (m) => m.type === "open"), { type: "open", file: at(items[0].id).file, line: at(items[0].id).line });
    for (const [what, selector, id] of [["bar", ".rm-bar", "renewal"], ["diamond", ".rm-diamond", "partner-gala"], ["name", "button.open", "linkedin-ads"]]) {
      await clearPosted(page);
      await page.locator(`#panel-roadmap .rm-item[data-id="${id}"] ${selector}`).click();
      assert.deepEqual(await waitForPosted(page, (m) => m.type === "open"), { type: "open", file: at(id).file, line: at(id).line }, `a click on the ${what} of ${id}`);
      assert.equal(await selected(), id);
    }
    assert.equal((await posted(page, "view")).length, 0, "selecting asks the host nothing");
    await assertClean(board());
  });

  it("keeps the zoom, the lanes, the selected item and the scroll across a reload", async () => {
    const { page } = board();
    await showRoadmap(page, roadmapModel());
    await page.getByRole("combobox", { name: "Roadmap periods" }).selectOption("month");
    await page.getByRole("combobox", { name: "Roadmap lanes" }).selectOption("channel");
    const model = roadmapModel({ generation: 2, by: "month", lanes: "channel" });
    await postTab(page, "roadmap", model);
    await page.locator('#panel-roadmap .rm-item[data-id="newsletter"] .rm-label').click();
    await page.setViewportSize({ width: 420, height: 500 });
    const left = await page.locator('#panel-roadmap [role="grid"]').evaluate((grid) => {
      grid.scrollLeft = 80;
      return grid.scrollLeft;
    });
    assert.ok(left > 0, "the timeline scrolls sideways in a narrow board");
    await page.waitForTimeout(250);
    await reload(page);
    const tabs = await tabsOf(page);
    assert.deepEqual(tabs.filter((tab) => tab.selected === "true").map((tab) => tab.name), ["Roadmap"]);
    const saved = await page.evaluate(() => window.__getState());
    assert.deepEqual([saved.roadmapBy, saved.roadmapLanes, saved.roadmap.selected], ["month", "channel", "email\u0000newsletter"], "the serializer reads the zoom and lanes from the saved state");
    assert.deepEqual(await posted(page, "view"), [], "a restored tab asks nothing: the host knows the view");
    assert.equal(await page.getByRole("combobox", { name: "Roadmap periods" }).inputValue(), "month");
    await postTab(page, "roadmap", { ...model, generation: 3 });
    assert.deepEqual((await gridRows(page)).filter((row) => row.selected === "true").map((row) => row.key), ["email\u0000newsletter"]);
    assert.equal(await page.locator('#panel-roadmap [role="grid"]').evaluate((grid) => grid.scrollLeft), left, "the timeline's scroll");
    await assertClean(board());
  });

  it("draws 3,000 items as a window of rows, and End reaches the last", async () => {
    const { page } = board();
    const model = datedModels(3000).roadmap();
    await showRoadmap(page, model);
    const grid = page.locator('#panel-roadmap [role="grid"]');
    const inDom = await page.locator("#panel-roadmap .rm-body [role='row']").count();
    const total = Number(await grid.getAttribute("aria-rowcount")) - 1;
    assert.ok(total > 2000 && inDom < 80, `${inDom} of ${total} rows in the DOM`);
    await grid.focus();
    await page.keyboard.press("End");
    const lastLane = model.roadmap.rows.at(-1);
    const points = model.roadmap.milestones.filter((m) => m.lane === lastLane.lane && !lastLane.items.some((item) => item.id === m.id));
    const lastId = points.length ? points.at(-1).id : lastLane.items.at(-1).id;
    await page.waitForFunction((id) => document.querySelector('#panel-roadmap .rm-item[aria-selected="true"]')?.dataset.id === id, lastId);
    const box = await page.locator('#panel-roadmap .rm-item[aria-selected="true"]').boundingBox();
    const view = await grid.boundingBox();
    assert.ok(box.y >= view.y && box.y + box.height <= view.y + view.height + 1, "the last row is scrolled into view");
    await assertClean(board());
  });

  it("says when nothing is scheduled, notes far-off dates, and shows hostile document text as text", async () => {
    const { page, dialogs } = board();
    await showRoadmap(page, buildRoadmapTab(workspaceOf({ "p.md": "---\ntype: pillar\nid: p\n---\n" }), { today: TIME_DAY, generation: 1 }));
    assert.ok((await page.locator("#panel-roadmap").innerText()).includes("Nothing is scheduled yet."));
    const far = buildRoadmapTab(workspaceOf({ "a.md": "---\ntype: initiative\nid: a\nstart: 2026-01-05\nend: 2026-02-01\n---\n", "b.md": "---\ntype: initiative\nid: b\nstart: 0026-01-05\nend: 0026-02-01\n---\n", "c.md": "---\ntype: tactic\nid: c\nstart: 2026-03-01\nend: 2026-03-09\n---\n" }), { today: TIME_DAY, generation: 2 });
    await postTab(page, "roadmap", far);
    assert.ok(far.roadmap.notes?.length, "the core clamps the periods");
    assert.equal(await page.locator("#panel-roadmap [role='note']").textContent(), far.roadmap.notes[0]);
    const before = await page.evaluate(() => document.scripts.length);
    const { roadmap, channels } = hostileTimeModels();
    for (const [i, model] of [roadmap, channels].entries()) {
      await postTab(page, "roadmap", { ...model, generation: 3 + i });
      const dom = await hostileTrace(page, "panel-roadmap");
      assert.deepEqual([dom.made, dom.scripts, dom.handlers], [0, before, 0]);
      for (const text of i === 0 ? [`${HOSTILE} Growth`, `${HOSTILE} AI builder launch`, `${HOSTILE} LinkedIn ads`] : [`${HOSTILE} LinkedIn`]) assert.ok(dom.text.includes(text), `shows ${text} literally`);
      if (i === 0) assert.ok(dom.labels.includes(`in ${HOSTILE} Growth`), "and says it literally");
    }
    assert.deepEqual(dialogs, []);
    await assertClean(board());
  });
});
