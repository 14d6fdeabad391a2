/**
 * The Roadmap tab's rows and scale, from the roadmap the core built: a header
 * row per lane, then a row per scheduled item of the lane (its `due` drawn on
 * it when it has one), then a row per milestone whose item has no bar in that
 * lane. The scale maps a day to a share of the timeline's width. Nothing is
 * computed about the strategy here: only where to draw what the model says.
 */
import { dayNumber } from "../core/roadmap/periods";
import { formatMoney } from "../core/budget/money";
import type { Period, RoadmapItem, RoadmapTabModel } from "../protocol";
import { TRACK_NAMES } from "./capacity";
import { spanWords, longDate } from "./dates";
import type { Links } from "./links";

/** A lane's header row. */
export interface LaneRow {
  kind: "lane";
  key: string;
  /** The lane as the roadmap names it (null: no pillar, channel or track). */
  lane: string | null;
  title: string;
  items: number;
  milestones: number;
}

/** An item with a span (and maybe its milestone), or a milestone alone, in a lane. */
export interface ItemRow {
  kind: "item";
  /** `lane` + NUL + id: what the view state keeps as the selection. */
  key: string;
  id: string;
  title: string;
  laneTitle: string;
  type: "initiative" | "tactic";
  span: RoadmapItem | null;
  due: string | null;
}

/** A row of the roadmap grid. */
export type RoadmapRowEntry = LaneRow | ItemRow;

/** The name a lane shows: a pillar's title, a track's name, a channel as written; "No pillar" (channel) for the null lane. */
export function laneTitle(model: RoadmapTabModel, lane: string | null): string {
  const { lanes } = model.roadmap;
  if (lane === null) return lanes === "channel" ? "No channel" : lanes === "track" ? "No track" : "No pillar";
  if (lanes === "track" && (lane === "strategic" || lane === "tactical")) return TRACK_NAMES[lane];
  return (Object.hasOwn(model.laneTitles, lane.toLowerCase()) ? model.laneTitles[lane.toLowerCase()] : undefined) ?? lane;
}

/** The rows of the roadmap grid, lane by lane. */
export function roadmapRows(model: RoadmapTabModel, links: Links): RoadmapRowEntry[] {
  const { roadmap } = model;
  const laneKey = (lane: string | null) => (lane === null ? "\u0001" : lane.toLowerCase());
  const dues = new Map<string, Map<string, string>>();
  for (const milestone of roadmap.milestones) {
    const key = laneKey(milestone.lane);
    if (!dues.has(key)) dues.set(key, new Map());
    const byId = dues.get(key)!;
    if (!byId.has(milestone.id)) byId.set(milestone.id, milestone.due);
  }
  const rows: RoadmapRowEntry[] = [];
  for (const row of roadmap.rows) {
    const key = laneKey(row.lane);
    const title = laneTitle(model, row.lane);
    const lanePoints = dues.get(key) ?? new Map<string, string>();
    const onBars = new Set<string>();
    const entries: ItemRow[] = row.items.map((item) => {
      onBars.add(item.id);
      return { kind: "item", key: `${key}\u0000${item.id}`, id: item.id, title: links.title(item.id), laneTitle: title, type: item.type, span: item, due: lanePoints.get(item.id) ?? null };
    });
    for (const [id, due] of lanePoints) {
      if (onBars.has(id)) continue;
      const type = links.get(id)?.kind === "tactic" ? "tactic" : "initiative";
      entries.push({ kind: "item", key: `${key}\u0000${id}`, id, title: links.title(id), laneTitle: title, type, span: null, due });
    }
    rows.push({ kind: "lane", key, lane: row.lane, title, items: row.items.length, milestones: lanePoints.size }, ...entries);
  }
  return rows;
}

/** Where days sit on the timeline, as percentages of its width. */
export class Scale {
  readonly first: number;
  readonly days: number;

  /** From the first period's start to the last one's end, widened (sprint periods) to every span and milestone not clipped by a note. */
  constructor(model: RoadmapTabModel) {
    const { periods, rows, milestones, notes } = model.roadmap;
    let first = periods.length ? dayNumber(periods[0].start) : Infinity;
    let last = periods.length ? dayNumber(periods[periods.length - 1].end) : -Infinity;
    // Quarters and months hold every day by construction; sprints may not. A clamped roadmap keeps its periods.
    if (!notes?.length) {
      for (const row of rows) for (const item of row.items) [first, last] = [Math.min(first, dayNumber(item.start)), Math.max(last, dayNumber(item.end))];
      for (const milestone of milestones) [first, last] = [Math.min(first, dayNumber(milestone.due)), Math.max(last, dayNumber(milestone.due))];
    }
    if (!Number.isFinite(first) || !Number.isFinite(last)) [first, last] = [dayNumber(model.today), dayNumber(model.today)];
    this.first = first;
    this.days = Math.max(1, last - first + 1);
  }

  /** The left edge of a day, 0–100 (outside the timeline: below 0 or above 100). */
  x(day: string): number {
    return ((dayNumber(day) - this.first) / this.days) * 100;
  }

  /** Left and width (percent) of the days from `start` to `end`, cut to the timeline; null when none of them is on it. */
  bar(start: string, end: string): { left: number; width: number } | null {
    const from = Math.max(0, this.x(start));
    const to = Math.min(100, this.x(end) + 100 / this.days);
    return to <= from ? null : { left: from, width: to - from };
  }

  /** The middle of a day, 0–100, or null when it is off the timeline. */
  point(day: string): number | null {
    const at = this.x(day) + 50 / this.days;
    return at < 0 || at > 100 ? null : at;
  }

  /** Whether a period starts where the timeline does. */
  starts(period: Period): boolean {
    return dayNumber(period.start) <= this.first;
  }
}

const FROM = { item: "its own dates", sprint: "its sprint's dates" } as const;

/** What a row says to a screen reader and in its tooltip: type, lane, the span in words, where the dates come from, status, budget, due. */
export function rowWords(row: ItemRow, currency: string | null): string {
  const parts = [`${row.type} in ${row.laneTitle}`];
  if (row.span) {
    parts.push(`${spanWords(row.span.start, row.span.end)} (${FROM[row.span.from]})`);
    if (row.span.status) parts.push(`status ${row.span.status}`);
    if (row.span.budget !== null) parts.push(`budget ${formatMoney(row.span.budget, currency)}`);
  } else {
    parts.push("not scheduled");
  }
  if (row.due) parts.push(`due ${longDate(row.due)}`);
  return parts.join(", ");
}
