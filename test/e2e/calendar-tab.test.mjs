// The Calendar tab: a month of campaigns by channel as the core's calendar has it (the
// campaign workspace, 30 Nov 2026): weeks and days, each campaign across its days and on
// into the next week or month, today marked; previous/next month; a grid of days for the
// keyboard with each day's campaigns in its label and agenda; a crowded month; hostile text.
import { strict as assert } from "node:assert";
import { assertClean, clearPosted, hostileTrace, posted, postTab, reload, waitForPosted } from "./harness/board.mjs";
import { useBoard } from "./harness/fixture.mjs";
import { HOSTILE, workspaceOf } from "./models.mjs";
import { buildCalendarTab, calendarModel, hostileTimeModels, TIME_DAY } from "./time-models.mjs";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const dayName = (day, i) => `${WEEKDAYS[i % 7]} ${Number(day.slice(8))} ${MONTHS[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;

/** Each week row as shown: its header, its days, and its bars (campaign, first day, width, open ends). */
function weeksOf(page) {
  return page.locator("#panel-calendar .cal-week").evaluateAll((rows) =>
    rows.map((row) => ({
      header: row.querySelector('[role="rowheader"]').textContent,
      days: [...row.querySelectorAll('[role="gridcell"]')].map((cell) => ({ day: cell.dataset.day, label: cell.getAttribute("aria-label"), out: cell.classList.contains("out"), current: cell.getAttribute("aria-current"), more: cell.querySelector(".cal-more")?.textContent ?? null })),
      bars: [...row.querySelectorAll(".cal-bar")].map((bar) => ({ id: bar.dataset.id, day: bar.closest('[role="gridcell"]').dataset.day, width: bar.style.width, openStart: bar.classList.contains("open-start"), openEnd: bar.classList.contains("open-end"), text: bar.textContent })),
    })),
  );
}

async function showCalendar(page, model) {
  await page.getByRole("tab", { name: "Calendar" }).click();
  await postTab(page, "calendar", model);
}

const focusedDay = (page) => page.evaluate(() => document.activeElement?.dataset.day ?? document.activeElement?.textContent ?? null);

describe("Calendar tab", () => {
  const board = useBoard();

  it("shows the month's weeks and each campaign across its days, by channel, as the core computed them", async () => {
    const { page } = board();
    const model = calendarModel();
    const { calendar } = model;
    await showCalendar(page, model);
    assert.equal(await page.locator("#panel-calendar .cal-title").textContent(), calendar.title);
    const weeks = await weeksOf(page);
    assert.deepEqual(weeks.map((week) => week.header.match(/^W\d+/)[0]), calendar.weeks.map((week) => `W${week.week}`));
    assert.deepEqual(weeks.map((week) => week.days.map((day) => day.day)), calendar.weeks.map((week) => week.days));
    const days = weeks.flatMap((week) => week.days);
    assert.deepEqual(days.filter((day) => day.current === "date").map((day) => day.day), [TIME_DAY], "today is marked for screen readers too");
    assert.deepEqual(days.filter((day) => day.out).map((day) => day.day), days.map((day) => day.day).filter((day) => !day.startsWith(calendar.month)));
    let campaigns = 0;
    for (const { channel, campaigns: list } of calendar.channels) {
      for (const campaign of list) {
        campaigns++;
        calendar.weeks.forEach((week, w) => {
          const from = campaign.shownStart > week.days[0] ? campaign.shownStart : week.days[0];
          const to = campaign.shownEnd < week.days[6] ? campaign.shownEnd : week.days[6];
          const bars = weeks[w].bars.filter((bar) => bar.id === campaign.id && bar.day === from);
          if (from > to) return;
          const n = week.days.indexOf(to) - week.days.indexOf(from) + 1;
          const bar = bars.find((entry) => entry.width === `calc(${n * 100}% - 5px)`);
          assert.ok(bar, `${campaign.id} (${channel}) runs ${from}…${to} in week ${week.week}: ${JSON.stringify(weeks[w].bars)}`);
          assert.equal(bar.text, campaign.title);
          assert.equal(bar.openEnd, to < campaign.shownEnd || campaign.continuesAfter, `${campaign.id}: open end in week ${week.week}`);
          assert.equal(bar.openStart, from > campaign.shownStart || campaign.continuesBefore, `${campaign.id}: open start in week ${week.week}`);
        });
        for (const day of days.filter((entry) => entry.day >= campaign.shownStart && entry.day <= campaign.shownEnd)) assert.ok(day.label.includes(`${campaign.title} (${channel ?? "No channel"})`), `${day.day} names ${campaign.id}: ${day.label}`);
      }
    }
    assert.ok(campaigns >= 3 && calendar.channels.some((channel) => channel.campaigns.some((campaign) => campaign.continuesAfter)), "the fixture has campaigns running into next month");
    days.forEach((day, i) => assert.ok(day.label.startsWith(dayName(day.day, i)), `${day.label}`));
    const channels = await page.getByRole("table", { name: "Campaigns by channel" }).locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent)));
    assert.deepEqual(channels.map((row) => row.slice(0, 2)), calendar.channels.map((channel) => [channel.channel ?? "No channel", String(channel.campaigns.length)]));
    await assertClean(board());
  });

  it("previous, next and this month ask the host; the month it sends is drawn", async () => {
    const { page } = board();
    await showCalendar(page, calendarModel());
    assert.equal(await page.getByRole("button", { name: "This month" }).isDisabled(), true);
    await clearPosted(page);
    await page.getByRole("button", { name: "Next month, December 2026" }).click();
    assert.deepEqual(await waitForPosted(page, (m) => m.type === "view"), { type: "view", month: "2026-12" });
    const december = calendarModel({ generation: 2, month: "2026-12" });
    await postTab(page, "calendar", december);
    assert.equal(await page.locator("#panel-calendar .cal-title").textContent(), "December 2026");
    const bars = (await weeksOf(page)).flatMap((week) => week.bars.map((bar) => bar.id));
    assert.ok(bars.includes("newsletter") && bars.includes("webinar"), bars.join());
    await clearPosted(page);
    await page.getByRole("button", { name: "This month" }).click();
    assert.deepEqual(await waitForPosted(page, (m) => m.type === "view"), { type: "view", month: null });
    await clearPosted(page);
    await page.getByRole("button", { name: "Previous month, November 2026" }).click();
    assert.deepEqual(await waitForPosted(page, (m) => m.type === "view"), { type: "view", month: "2026-11" });
    await assertClean(board());
  });

  it("is a grid of days for the keyboard: one tab stop, arrows, Home/End, Enter to the day's campaigns and Escape back, PageDown and past the end to the next month", async () => {
    const { page } = board();
    const model = calendarModel();
    await showCalendar(page, model);
    assert.equal(await page.locator('#panel-calendar [role="gridcell"][tabindex="0"]').count(), 1, "one tab stop");
    await page.getByRole("button", { name: /^Next month/ }).focus();
    await page.keyboard.press("Tab");
    assert.equal(await focusedDay(page), TIME_DAY, "Tab lands on today");
    const moves = [["ArrowLeft", "2026-11-29"], ["ArrowUp", "2026-11-22"], ["Home", "2026-11-16"], ["End", "2026-11-22"], ["ArrowRight", "2026-11-23"], ["ArrowDown", "2026-11-30"], ["ArrowUp", "2026-11-23"]];
    for (const [key, day] of moves) {
      await page.keyboard.press(key);
      assert.equal(await focusedDay(page), day, `${key} → ${day}`);
    }
    assert.equal(await page.locator("#panel-calendar .cal-agenda h3").textContent(), "Monday 23 November 2026", "the agenda follows the day");
    await postTab(page, "calendar", { ...model, generation: 7 });
    assert.equal(await focusedDay(page), "2026-11-23", "a live update keeps the keyboard's place");
    const linkedin = model.calendar.channels.flatMap((channel) => channel.campaigns).find((campaign) => campaign.id === "linkedin-ads");
    await page.keyboard.press("Enter");
    assert.equal(await focusedDay(page), linkedin.title, "Enter goes to the day's first campaign");
    await clearPosted(page);
    await page.keyboard.press("Enter");
    assert.deepEqual(await waitForPosted(page, (m) => m.type === "open"), { type: "open", file: linkedin.file, line: linkedin.line });
    await page.keyboard.press("Escape");
    assert.equal(await focusedDay(page), "2026-11-23", "Escape goes back to the day");
    await clearPosted(page);
    await page.keyboard.press("PageDown");
    assert.deepEqual(await waitForPosted(page, (m) => m.type === "view"), { type: "view", month: "2026-12" });
    await postTab(page, "calendar", calendarModel({ generation: 2, month: "2026-12" }));
    assert.equal(await focusedDay(page), "2026-12-23", "the same day of the next month");
    await page.keyboard.press("End");
    await page.keyboard.press("ArrowDown");
    assert.equal(await focusedDay(page), "2027-01-03", "the next month's days shown in the last week");
    await clearPosted(page);
    await page.keyboard.press("ArrowDown");
    assert.deepEqual(await waitForPosted(page, (m) => m.type === "view"), { type: "view", month: "2027-01" }, "past the last week shown");
    await postTab(page, "calendar", calendarModel({ generation: 3, month: "2027-01" }));
    assert.equal(await focusedDay(page), "2027-01-10");
    await assertClean(board());
  });

  it("a click on a bar opens its campaign; the month and the day survive a reload", async () => {
    const { page } = board();
    const model = calendarModel();
    await showCalendar(page, model);
    const retargeting = model.calendar.channels.flatMap((channel) => channel.campaigns).find((campaign) => campaign.id === "retargeting");
    await clearPosted(page);
    await page.locator('#panel-calendar .cal-bar[data-id="retargeting"]').first().click();
    assert.deepEqual(await waitForPosted(page, (m) => m.type === "open"), { type: "open", file: retargeting.file, line: retargeting.line });
    await page.getByRole("button", { name: "Next month, December 2026" }).click();
    await postTab(page, "calendar", calendarModel({ generation: 2, month: "2026-12" }));
    await page.locator('#panel-calendar [data-day="2026-12-09"] .cal-date').click();
    await reload(page);
    const saved = await page.evaluate(() => window.__getState());
    assert.deepEqual([saved.tab, saved.month, saved.calendar.day], ["calendar", "2026-12", "2026-12-09"], "the serializer reads the month from the saved state");
    assert.deepEqual(await posted(page, "view"), []);
    await postTab(page, "calendar", calendarModel({ generation: 3, month: "2026-12" }));
    assert.equal(await page.locator('#panel-calendar [role="gridcell"][tabindex="0"]').getAttribute("data-day"), "2026-12-09");
    assert.equal(await page.locator("#panel-calendar .cal-agenda h3").textContent(), "Wednesday 9 December 2026");
    await assertClean(board());
  });

  it("a crowded channel shows four rows a week and counts the rest per day; the agenda lists all", async () => {
    const { page } = board();
    const files = {};
    for (let i = 0; i < 7; i++) files[`t${i}.md`] = `---\ntype: tactic\nid: push-${i}\ntitle: Push ${i}\nchannel: email\nstart: 2026-11-0${2 + (i % 2)}\nend: 2026-11-1${i % 3}\n---\n`;
    const model = buildCalendarTab(workspaceOf(files), { today: TIME_DAY, generation: 1 });
    await showCalendar(page, model);
    const week = (await weeksOf(page)).find((entry) => entry.days.some((day) => day.day === "2026-11-04"));
    assert.equal(new Set(week.bars.map((bar) => bar.id)).size, 4, "four rows");
    assert.equal(week.days.find((day) => day.day === "2026-11-04").more, "+3 more");
    assert.ok(week.days.find((day) => day.day === "2026-11-04").label.includes("7 campaigns"));
    await page.locator('#panel-calendar [data-day="2026-11-04"] .cal-date').click();
    assert.equal(await page.getByRole("list", { name: "Campaigns on 4 November 2026" }).locator("li").count(), 7);
    await assertClean(board());
  });

  it("says when no campaign runs, and shows hostile titles and channels as text", async () => {
    const { page, dialogs } = board();
    await showCalendar(page, buildCalendarTab(workspaceOf({ "p.md": "---\ntype: pillar\nid: p\n---\n" }), { today: TIME_DAY, generation: 1 }));
    assert.ok((await page.locator("#panel-calendar").innerText()).includes("No tactic with dates runs this month"));
    const before = await page.evaluate(() => document.scripts.length);
    await postTab(page, "calendar", { ...hostileTimeModels().calendar, generation: 2 });
    const dom = await hostileTrace(page, "panel-calendar");
    assert.deepEqual([dom.made, dom.scripts, dom.handlers], [0, before, 0]);
    for (const text of [`${HOSTILE} LinkedIn ads`, `${HOSTILE} LinkedIn`]) assert.ok(dom.text.includes(text), `shows ${text} literally`);
    assert.ok(dom.labels.includes(`${HOSTILE} LinkedIn ads (${HOSTILE} LinkedIn)`), "and says it literally");
    assert.deepEqual(dialogs, []);
    await assertClean(board());
  });
});
