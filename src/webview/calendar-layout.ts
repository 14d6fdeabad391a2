/**
 * Where the Calendar tab draws each campaign: the core's calendar gives the
 * month's Monday-first weeks and, per channel, each campaign's days in the
 * month and a slot that no overlapping campaign of its channel shares. Here
 * each campaign becomes one bar per week it runs in, in its channel's band of
 * that week (the slots the week uses, closed up), at most {@link MAX_ROWS} rows
 * a band; what does not fit is counted per day ("+3 more"). Also: which
 * campaigns run on each day, for the day's label and its agenda.
 */
import type { Campaign, CampaignCalendar, CalendarWeek } from "../protocol";

/** Rows a channel's band shows in one week before the rest is counted. */
export const MAX_ROWS = 4;

/** One campaign's bar in one week. */
export interface Segment {
  campaign: Campaign;
  channel: string | null;
  /** The row of the week (bands stacked, channel after channel). */
  row: number;
  /** Monday 0 … Sunday 6, and how many days it covers in the week. */
  column: number;
  days: number;
  /** The bar runs on before this week (or month) / after it: its end is drawn open. */
  openStart: boolean;
  openEnd: boolean;
}

/** A channel's rows in one week. */
export interface Band {
  channel: string | null;
  /** The first row of the band, and how many it has. */
  row: number;
  rows: number;
}

/** One week of the month grid: its bands, its bars, the rows they take and what is counted, not drawn. */
export interface WeekLayout {
  week: CalendarWeek;
  bands: Band[];
  segments: Segment[];
  rows: number;
  /** Per weekday: campaigns that run that day but have no row shown. */
  hidden: number[];
}

/** A campaign on a day, with the channel it is shown under. */
export interface DayEntry {
  campaign: Campaign;
  channel: string | null;
}

/** The weeks' bars and bands. */
export function layoutWeeks(calendar: CampaignCalendar): WeekLayout[] {
  return calendar.weeks.map((week) => {
    const first = week.days[0];
    const last = week.days[6];
    const layout: WeekLayout = { week, bands: [], segments: [], rows: 0, hidden: [0, 0, 0, 0, 0, 0, 0] };
    for (const { channel, campaigns } of calendar.channels) {
      const here = campaigns.filter((campaign) => campaign.shownStart <= last && campaign.shownEnd >= first);
      if (!here.length) continue;
      const slots = [...new Set(here.map((campaign) => campaign.slot))].sort((a, b) => a - b);
      const rows = Math.min(MAX_ROWS, slots.length);
      const band: Band = { channel, row: layout.rows, rows };
      for (const campaign of here) {
        const from = campaign.shownStart < first ? first : campaign.shownStart;
        const to = campaign.shownEnd > last ? last : campaign.shownEnd;
        const column = week.days.indexOf(from);
        const days = week.days.indexOf(to) - column + 1;
        const row = slots.indexOf(campaign.slot);
        if (row >= MAX_ROWS) {
          for (let day = column; day < column + days; day++) layout.hidden[day]++;
          continue;
        }
        layout.segments.push({
          campaign,
          channel,
          row: band.row + row,
          column,
          days,
          openStart: from > campaign.shownStart || (from === campaign.shownStart && campaign.continuesBefore),
          openEnd: to < campaign.shownEnd || (to === campaign.shownEnd && campaign.continuesAfter),
        });
      }
      layout.bands.push(band);
      layout.rows += rows;
    }
    return layout;
  });
}

/** The campaigns running on each day shown (outside the month: none, as the core lists only the month's days). */
export function campaignsByDay(calendar: CampaignCalendar): Map<string, DayEntry[]> {
  const days = new Map<string, DayEntry[]>(calendar.weeks.flatMap((week) => week.days.map((day): [string, DayEntry[]] => [day, []])));
  const shown = calendar.weeks.flatMap((week) => week.days);
  for (const { channel, campaigns } of calendar.channels) {
    for (const campaign of campaigns) {
      const from = shown.indexOf(campaign.shownStart);
      const to = shown.indexOf(campaign.shownEnd);
      if (from < 0 || to < 0) continue;
      for (let i = from; i <= to; i++) days.get(shown[i])!.push({ campaign, channel });
    }
  }
  return days;
}

/** A channel as the calendar names it. */
export const channelName = (channel: string | null): string => channel ?? "No channel";
