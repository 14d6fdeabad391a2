/**
 * The campaign calendar of SPEC §9: the tactics with a span, by channel, one
 * month at a time — shaped for the board's month grid: Monday-first weeks,
 * each campaign with the days it shows in this month, whether it runs on
 * before or after, and a slot (row) in its channel so bars never overlap.
 */
import { itemLine } from "../board-tabs";
import { budgetOf } from "../budget/spend";
import type { Item } from "../model/item";
import { itemTitle } from "../parse/title";
import { compareIds, LaneSet } from "./lanes";
import { addMonths, dayFromNumber, dayNumber, isoWeekOfNumber, monthOf, monthPeriod, weekdayOf } from "./periods";
import type { RoadmapSource } from "./roadmap";
import { channelsOf, dueOf, isOnRoadmap, overlaps, spanOf, statusOf } from "./span";
import type { CalendarChannel, CalendarWeek, Campaign, CampaignCalendar, Span } from "./types";

/** Options of {@link buildCalendar}. */
export interface CalendarOptions {
  /** `YYYY-MM`; today's month when absent or not a month. */
  month?: string;
  /** `YYYY-MM-DD`; the workspace's today by default. */
  today?: string;
}

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** `2026-12` when the text is a month from 0000-01 to 9999-12, else null. */
export function parseMonth(text: string | undefined): string | null {
  return text !== undefined && /^\d{4}-(0[1-9]|1[0-2])$/.test(text) ? text : null;
}

/**
 * The campaign calendar of a month (default: today's): every tactic that is not
 * dropped and whose span shares a day with the month, in the lane of each of its
 * channels (null for none). Channels by name (case-insensitive), null last;
 * campaigns by the first day shown, then id.
 */
export function buildCalendar(source: RoadmapSource, options: CalendarOptions = {}): CampaignCalendar {
  const { index } = source;
  const today = options.today ?? source.todayIso();
  const month = parseMonth(options.month) ?? monthOf(today);
  const period = monthPeriod(month);
  const lanes = new LaneSet<Campaign>();
  for (const item of index.ofKind("tactic")) {
    if (!isOnRoadmap(item)) continue;
    const span = spanOf(index, item);
    if (!span || !overlaps(span, period)) continue;
    const channels = channelsOf(item);
    // One object per lane: each lane gives its campaigns their own slots.
    for (const channel of channels.length ? channels : [null]) lanes.add(channel, campaignOf(source, item, span, period));
  }
  const channels: CalendarChannel[] = lanes.sorted().map(({ lane, entries }) => {
    const campaigns = entries.sort((a, b) => (a.shownStart < b.shownStart ? -1 : a.shownStart > b.shownStart ? 1 : compareIds(a.id, b.id) || (a.file < b.file ? -1 : 1)));
    return { channel: lane, campaigns, slots: assignSlots(campaigns) };
  });
  const [year, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return {
    month,
    title: `${MONTH_NAMES[m - 1]} ${year}`,
    start: period.start,
    end: period.end,
    previous: addMonths(month, -1),
    next: addMonths(month, 1),
    today,
    weeks: weeksOf(period),
    channels,
  };
}

function campaignOf(source: RoadmapSource, item: Item, span: Span, period: { start: string; end: string }): Campaign {
  return {
    id: item.id,
    title: itemTitle(item),
    type: "tactic",
    start: span.start,
    end: span.end,
    from: span.from,
    status: statusOf(item),
    budget: budgetOf(item),
    due: dueOf(item),
    pillar: source.index.pillarOf(item)?.id ?? null,
    shownStart: span.start < period.start ? period.start : span.start,
    shownEnd: span.end > period.end ? period.end : span.end,
    continuesBefore: span.start < period.start,
    continuesAfter: span.end > period.end,
    slot: 0,
    file: item.file,
    line: itemLine(item),
  };
}

/**
 * Gives each campaign (sorted by shown start) the lowest slot free on its days; returns how many
 * slots there are. Two heaps (slots in use by their last day, slots free again by number) keep it
 * O(n log n): a channel may hold thousands of campaigns in one month.
 */
function assignSlots(campaigns: readonly Campaign[]): number {
  const busy = new Heap<{ last: string; slot: number }>((a, b) => (a.last < b.last ? -1 : a.last > b.last ? 1 : a.slot - b.slot));
  const free = new Heap<number>((a, b) => a - b);
  let slots = 0;
  for (const campaign of campaigns) {
    while (busy.size && busy.peek()!.last < campaign.shownStart) free.push(busy.pop()!.slot);
    const slot = free.size ? free.pop()! : slots++;
    busy.push({ last: campaign.shownEnd, slot });
    campaign.slot = slot;
  }
  return slots;
}

/** A binary min-heap by `before`. */
class Heap<T> {
  private readonly items: T[] = [];
  constructor(private readonly before: (a: T, b: T) => number) {}

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const { items } = this;
    items.push(item);
    for (let i = items.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (this.before(items[i], items[parent]) >= 0) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }

  pop(): T | undefined {
    const { items } = this;
    const top = items[0];
    const last = items.pop();
    if (!items.length || last === undefined) return top;
    items[0] = last;
    for (let i = 0; ; ) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < items.length && this.before(items[left], items[least]) < 0) least = left;
      if (right < items.length && this.before(items[right], items[least]) < 0) least = right;
      if (least === i) break;
      [items[i], items[least]] = [items[least], items[i]];
      i = least;
    }
    return top;
  }
}

/** Monday-first weeks from the week holding the month's first day through the one holding its last. */
function weeksOf(period: { start: string; end: string }): CalendarWeek[] {
  const weeks: CalendarWeek[] = [];
  const last = dayNumber(period.end);
  // By day numbers, not text: around 0000-01 and 9999-12 the days outside the month have no four-digit year.
  for (let monday = dayNumber(period.start) - weekdayOf(period.start); monday <= last; monday += 7) {
    weeks.push({ week: isoWeekOfNumber(monday), days: Array.from({ length: 7 }, (_, i) => dayFromNumber(monday + i)) });
  }
  return weeks;
}
