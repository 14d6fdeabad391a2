/**
 * The Calendar tab: one month of campaigns (tactics with a span) by channel, as
 * the core's campaign calendar has them (SPEC §9). A month grid, Monday first,
 * each week with a band of bars per channel; a campaign runs across its days
 * and on into the next week, with an open end where it runs on past the month.
 * An ARIA grid of days: one tab stop, arrows move a day or a week, Home/End to
 * the week's ends, PageUp/PageDown to the previous/next month; each day says
 * its campaigns, and the chosen day's agenda lists them to open (Enter goes
 * there). Previous/next month ask the host; the month and day survive a reload.
 */
import { formatMoney } from "../core/budget/money";
import { daysInMonth } from "../core/plan/sprint-state";
import { addDays, addMonths } from "../core/roadmap/periods";
import type { CalendarTabModel, Campaign } from "../protocol";
import { openAt, post, save, state } from "./api";
import { fill, h, plural, table, prose } from "./dom";
import { campaignsByDay, channelName, layoutWeeks, type DayEntry, type WeekLayout } from "./calendar-layout";
import { dayName, longDate, monthName, spanShort, spanWords, WEEKDAYS } from "./dates";

/** Pixel heights: the date line of a day, a bar row, the "+N more" line (the CSS draws the same). */
const DATE_H = 22;
const BAR_H = 22;
const MORE_H = 18;
/** Campaigns a day's label names before it only counts the rest. */
const NAMED = 6;

/** A campaign's details in one line: channel, span, status, budget. */
function campaignLine(campaign: Campaign, channel: string | null, currency: string | null): string {
  return [channelName(channel), spanShort(campaign.start, campaign.end), campaign.status ?? "", campaign.budget === null ? "" : formatMoney(campaign.budget, currency)].filter(Boolean).join(" · ");
}

/** The Calendar tab's panel: month controls, the grid of days, the chosen day's agenda and the channels' totals. */
export class CalendarTab {
  readonly el = h("section", { class: "panel calendar" });
  private readonly title = h("h2", { class: "cal-title", attrs: { id: "cal-title", "aria-live": "polite" } });
  private readonly previous = h("button", { class: "secondary", attrs: { type: "button" }, on: { click: () => this.go(-1) } }, "‹ Previous");
  private readonly next = h("button", { class: "secondary", attrs: { type: "button" }, on: { click: () => this.go(1) } }, "Next ›");
  private readonly thisMonth = h("button", { class: "secondary", attrs: { type: "button" }, on: { click: () => this.toMonth(null) } }, "This month");
  private readonly summary = h("span", { class: "muted summary" });
  private readonly body = h("div", { class: "calendar-body" });
  private readonly agenda = h("section", { class: "cal-agenda", attrs: { "aria-label": "Campaigns of the chosen day" }, on: { keydown: (event) => this.onAgendaKey(event) } });
  private model: CalendarTabModel | undefined;
  private days = new Map<string, DayEntry[]>();
  private cells = new Map<string, HTMLElement>();
  /** Focus the chosen day once the next month arrives (the keyboard left the month). */
  private focusNext = false;

  constructor() {
    this.el.append(h("header", { class: "toolbar" }, h("div", { class: "row-1" }, this.previous, this.title, this.next, this.thisMonth, this.summary)), this.body);
    fill(this.body, h("p", { class: "muted" }, "Loading the calendar…"));
  }

  /** Asks for the month `delta` months from the one shown. */
  private go(delta: number): void {
    if (this.model) this.toMonth(addMonths(this.model.calendar.month, delta));
  }

  private toMonth(month: string | null): void {
    state.month = month;
    save();
    post({ type: "view", month });
  }

  /** Renders a calendar model. */
  render(model: CalendarTabModel): void {
    this.model = model;
    const { calendar, currency } = model;
    const todayMonth = model.today.slice(0, 7);
    this.title.textContent = calendar.title;
    this.previous.setAttribute("aria-label", `Previous month, ${monthName(addMonths(calendar.month, -1))}`);
    this.next.setAttribute("aria-label", `Next month, ${monthName(addMonths(calendar.month, 1))}`);
    this.thisMonth.disabled = calendar.month === todayMonth;
    const count = new Set(calendar.channels.flatMap((channel) => channel.campaigns.map((campaign) => campaign.id))).size;
    this.summary.textContent = count ? `${plural(count, "campaign")} on ${plural(calendar.channels.length, "channel")}` : "No campaigns this month";
    this.days = campaignsByDay(calendar);
    const chosen = state.calendar.day && this.days.has(state.calendar.day) ? state.calendar.day : this.days.has(model.today) && calendar.month === todayMonth ? model.today : calendar.start;
    state.calendar = { day: chosen };
    save();
    // A live update must not drop the keyboard's place: focus comes back to the chosen day.
    const hadFocus = this.body.contains(document.activeElement) || this.agenda.contains(document.activeElement);
    const grid = h("div", { class: "cal", attrs: { role: "grid", "aria-labelledby": "cal-title", "aria-readonly": "true", "aria-rowcount": calendar.weeks.length + 1, "aria-colcount": 8 }, on: { keydown: (event) => this.onKey(event) } });
    grid.append(h("div", { class: "cal-row cal-head", attrs: { role: "row" } }, h("div", { class: "cal-wk", attrs: { role: "columnheader" } }, "Week"), ...WEEKDAYS.map((day) => h("div", { class: "cal-dow", attrs: { role: "columnheader", "aria-label": day } }, day.slice(0, 3)))));
    this.cells = new Map();
    for (const week of layoutWeeks(calendar)) grid.append(this.weekRow(week, model, chosen));
    const channels = table("Campaigns by channel", "numbers cal-channels", ["Channel", "Campaigns", "Budget"], calendar.channels.map((channel) => {
      const budgets = channel.campaigns.filter((campaign) => campaign.budget !== null);
      return h("tr", {}, h("th", { attrs: { scope: "row" } }, channelName(channel.channel)), h("td", { class: "num" }, String(channel.campaigns.length)), h("td", { class: "num" }, budgets.length ? formatMoney(budgets.reduce((sum, campaign) => sum + campaign.budget!, 0), currency) : "–"));
    }));
    fill(
      this.body,
      h("div", { class: "table-scroll cal-scroll" }, grid),
      h("div", { class: "cal-below" }, this.agenda, calendar.channels.length ? h("div", { class: "table-scroll" }, channels) : h("p", { class: "muted" }, ...prose("No tactic with dates runs this month: give tactics `start`/`end` dates or a sprint with dates, and a `channel`, to plan campaigns here."))),
    );
    this.showAgenda(chosen);
    if (this.focusNext || hadFocus) this.cells.get(chosen)?.focus();
    this.focusNext = false;
  }

  private weekRow(layout: WeekLayout, model: CalendarTabModel, chosen: string): HTMLElement {
    const { week } = layout;
    const more = layout.hidden.some((n) => n > 0);
    const row = h("div", { class: "cal-row cal-week", attrs: { role: "row" } });
    row.style.height = `${DATE_H + layout.rows * BAR_H + (more ? MORE_H : 0) + 6}px`;
    const header = h("div", { class: "cal-wk", attrs: { role: "rowheader", "aria-label": `Week ${week.week}` } }, h("span", { class: "cal-wk-no" }, `W${week.week}`));
    for (const band of layout.bands) {
      const label = h("span", { class: "cal-band", attrs: { "aria-hidden": "true", title: channelName(band.channel) } }, channelName(band.channel));
      label.style.top = `${DATE_H + band.row * BAR_H}px`;
      header.appendChild(label);
    }
    row.appendChild(header);
    week.days.forEach((day, column) => {
      const inMonth = day.slice(0, 7) === model.calendar.month;
      const isToday = day === model.today;
      const entries = this.days.get(day) ?? [];
      const names = entries.slice(0, NAMED).map((entry) => `${entry.campaign.title} (${channelName(entry.channel)})`);
      const label = `${dayName(day)}${isToday ? ", today" : ""}${inMonth ? "" : ", another month"}: ${entries.length ? `${plural(entries.length, "campaign")}: ${names.join("; ")}${entries.length > NAMED ? `; and ${entries.length - NAMED} more` : ""}` : "no campaigns"}`;
      const cell = h(
        "div",
        {
          class: `cal-day${inMonth ? "" : " out"}${isToday ? " today" : ""}${day === chosen ? " chosen" : ""}`,
          attrs: { role: "gridcell", tabindex: day === chosen ? 0 : -1, "aria-label": label, "aria-selected": day === chosen ? "true" : "false", ...(isToday ? { "aria-current": "date" } : {}) },
          data: { day },
          on: { click: (event) => this.onCellClick(event, day), focus: () => this.choose(day, false) },
        },
        h("span", { class: "cal-date", attrs: { "aria-hidden": "true" } }, String(Number(day.slice(8, 10)))),
      );
      for (const segment of layout.segments.filter((entry) => entry.column === column)) {
        const { campaign } = segment;
        const bar = h(
          "div",
          { class: `cal-bar from-${campaign.from}${segment.openStart ? " open-start" : ""}${segment.openEnd ? " open-end" : ""}`, attrs: { "aria-hidden": "true", title: `${campaign.title} — ${campaignLine(campaign, segment.channel, model.currency)} (open)` }, data: { id: campaign.id } },
          campaign.title,
        );
        bar.style.top = `${DATE_H + segment.row * BAR_H}px`;
        bar.style.width = `calc(${segment.days * 100}% - 5px)`;
        bar.addEventListener("click", () => openAt(campaign.file, campaign.line));
        cell.appendChild(bar);
      }
      if (layout.hidden[column]) cell.appendChild(h("span", { class: "cal-more", attrs: { "aria-hidden": "true" } }, `+${layout.hidden[column]} more`));
      this.cells.set(day, cell);
      row.appendChild(cell);
    });
    return row;
  }

  private onCellClick(event: MouseEvent, day: string): void {
    if ((event.target as Element).closest(".cal-bar")) this.choose(day, false);
    else this.cells.get(day)?.focus();
  }

  /** Makes `day` the chosen one (the grid's tab stop), shows its agenda; `focus` moves the focus there. */
  private choose(day: string, focus: boolean): void {
    const cell = this.cells.get(day);
    if (!cell) return;
    for (const [other, el] of this.cells) {
      const on = other === day;
      el.tabIndex = on ? 0 : -1;
      el.classList.toggle("chosen", on);
      el.setAttribute("aria-selected", on ? "true" : "false");
    }
    if (state.calendar.day !== day) {
      state.calendar = { day };
      save();
      this.showAgenda(day);
    }
    if (focus) cell.focus();
  }

  private showAgenda(day: string): void {
    const entries = this.days.get(day) ?? [];
    const currency = this.model?.currency ?? null;
    fill(
      this.agenda,
      h("h3", {}, `${dayName(day)}${day === this.model?.today ? " (today)" : ""}`),
      entries.length
        ? h(
            "ul",
            { attrs: { "aria-label": `Campaigns on ${longDate(day)}` } },
            ...entries.map(({ campaign, channel }) =>
              h(
                "li",
                {},
                h("button", { class: "link", attrs: { type: "button", title: `${campaign.file}:${campaign.line} (open)`, "aria-label": `${campaign.title}, ${channelName(channel)}, ${spanWords(campaign.start, campaign.end)}` }, on: { click: () => openAt(campaign.file, campaign.line) } }, campaign.title),
                h("span", { class: "muted" }, ` ${campaignLine(campaign, channel, currency)}`),
              ),
            ),
          )
        : h("p", { class: "muted" }, "No campaign runs this day."),
    );
  }

  private onKey(event: KeyboardEvent): void {
    const day = state.calendar.day;
    const shown = [...this.cells.keys()];
    const at = day ? shown.indexOf(day) : -1;
    if (at < 0 || !this.model) return;
    const moves: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7, Home: -(at % 7), End: 6 - (at % 7) };
    if (event.key === "PageUp" || event.key === "PageDown") {
      event.preventDefault();
      const month = addMonths(this.model.calendar.month, event.key === "PageUp" ? -1 : 1);
      const date = Math.min(Number(day!.slice(8, 10)), daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7))));
      state.calendar = { day: `${month}-${String(date).padStart(2, "0")}` };
      this.focusNext = true;
      this.toMonth(month);
      return;
    }
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      this.agenda.querySelector<HTMLElement>("button")?.focus();
      return;
    }
    if (!(event.key in moves)) return;
    event.preventDefault();
    const to = at + moves[event.key];
    if (to >= 0 && to < shown.length) return this.choose(shown[to], true);
    // Past the weeks shown: the day in the month before or after.
    const next = addDays(day!, moves[event.key]);
    state.calendar = { day: next };
    this.focusNext = true;
    this.toMonth(next.slice(0, 7));
  }

  private onAgendaKey(event: KeyboardEvent): void {
    if (event.key !== "Escape" || !state.calendar.day) return;
    event.preventDefault();
    this.cells.get(state.calendar.day)?.focus();
  }
}
