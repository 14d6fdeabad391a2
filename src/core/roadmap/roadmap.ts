/**
 * The roadmap of SPEC §9 (`roadmap --format json`): the scheduled initiatives
 * and tactics by quarter, sprint or month, in swimlanes by pillar, channel or
 * track, their `due` days as milestones, and the open work with no span listed
 * apart. Dropped work is left out everywhere; done work stays (a roadmap is
 * also the history of what ran), but only open work counts as unscheduled.
 */
import { budgetOf } from "../budget/spend";
import type { Item } from "../model/item";
import type { StrategyIndex } from "../model/strategy-index";
import { compare, compareIds, laneKeysOf, LaneSet } from "./lanes";
import { coveredDays, MAX_YEARS, monthsBetween, quartersBetween, sprintPeriods } from "./periods";
import { dueOf, isOnRoadmap, isOpen, overlaps, spanOf, statusOf } from "./span";
import { ROADMAP_BY, ROADMAP_LANES, type Milestone, type Roadmap, type RoadmapBy, type RoadmapItem, type RoadmapLanes } from "./types";

/** What a roadmap is built from: the index, and today unless the options give it. A `StrategyWorkspace` is one. */
export interface RoadmapSource {
  readonly index: StrategyIndex;
  todayIso(): string;
}

/** Options of {@link buildRoadmap}. */
export interface RoadmapOptions {
  /** The periods: `quarter` (default), `sprint` or `month`. */
  by?: RoadmapBy;
  /** The swimlanes: `pillar` (default; the effective pillar, own or through the initiative), `channel` or `track`. */
  lanes?: RoadmapLanes;
  /** `YYYY-MM-DD`; the workspace's today by default. */
  today?: string;
}

/** How many far-off items a clamping note names before "and N more". */
const NAMED = 5;

/**
 * The roadmap (SPEC §9). Lanes are sorted by id (case-insensitive) with the
 * null lane last, and hold only lanes with an item or a milestone; items by
 * start, then id. A tactic on several channels appears in each channel's lane.
 * Unknown `by`/`lanes` values fall back to the defaults.
 */
export function buildRoadmap(source: RoadmapSource, options: RoadmapOptions = {}): Roadmap {
  const { index } = source;
  const by = options.by && ROADMAP_BY.includes(options.by) ? options.by : "quarter";
  const lanes = options.lanes && ROADMAP_LANES.includes(options.lanes) ? options.lanes : "pillar";
  const today = options.today ?? source.todayIso();
  const rows = new LaneSet<RoadmapItem>();
  // A milestone's lane is named once every spelling of it is known.
  const points: Array<{ id: string; due: string; lane: { lane: string | null } }> = [];
  const unscheduled: Item[] = [];
  const days: string[] = [];
  const scheduled: RoadmapItem[] = [];
  for (const kind of ["initiative", "tactic"] as const) {
    for (const item of index.ofKind(kind)) {
      if (!isOnRoadmap(item)) continue;
      const span = spanOf(index, item);
      const due = dueOf(item);
      if (!span && isOpen(item)) unscheduled.push(item);
      if (!span && !due) continue;
      const keys = laneKeysOf(index, item, lanes);
      if (span) {
        days.push(span.start, span.end);
        const entry: RoadmapItem = { id: item.id, type: kind, start: span.start, end: span.end, from: span.from, status: statusOf(item), budget: budgetOf(item) };
        scheduled.push(entry);
        for (const lane of keys) rows.add(lane, entry);
      }
      if (due) {
        days.push(due);
        for (const lane of keys) points.push({ id: item.id, due, lane: rows.touch(lane) });
      }
    }
  }
  const covered = coveredDays(days);
  const periods = !covered ? [] : by === "quarter" ? quartersBetween(covered.first, covered.last) : by === "month" ? monthsBetween(covered.first, covered.last) : sprintPeriods(index, covered);
  const laneOrder = (lane: string | null) => (lane === null ? "\uffff" : lane.toLowerCase());
  const milestones: Milestone[] = points
    .map((point) => ({ id: point.id, due: point.due, lane: point.lane.lane }))
    .sort((a, b) => compare(a.due, b.due) || compareIds(a.id, b.id) || compare(laneOrder(a.lane), laneOrder(b.lane)));
  const roadmap: Roadmap = {
    by,
    lanes,
    today,
    periods,
    rows: rows.sorted().map(({ lane, entries }) => ({ lane, items: entries.sort(byStartThenId) })),
    milestones,
    unscheduled: unscheduled.sort((a, b) => compareIds(a.id, b.id) || compare(a.file, b.file)).map((item) => item.id),
  };
  if (covered?.clamped) roadmap.notes = [clampNote(covered, scheduled, milestones)];
  return roadmap;
}

/** Says that the periods stop short of some far-off dates, naming the items beyond them. */
function clampNote(covered: { first: string; last: string }, items: readonly RoadmapItem[], milestones: readonly Milestone[]): string {
  const window = { start: covered.first, end: covered.last };
  const outside = new Set<string>();
  for (const item of items) if (!overlaps(item, window)) outside.add(item.id);
  for (const milestone of milestones) if (!overlaps({ start: milestone.due, end: milestone.due }, window)) outside.add(milestone.id);
  const ids = [...outside].sort(compareIds);
  const named = ids.slice(0, NAMED).join(", ") + (ids.length > NAMED ? ` and ${ids.length - NAMED} more` : "");
  return `Some dates lie more than ${MAX_YEARS} years from the rest, so the periods cover ${covered.first} to ${covered.last} only, leaving out ${named}: check their dates for typos (0026 for 2026).`;
}

const byStartThenId = (a: RoadmapItem, b: RoadmapItem) => compare(a.start, b.start) || compareIds(a.id, b.id) || compare(a.end, b.end);
