/**
 * Delivery metrics per calendar quarter (SPEC §8), the two numbers of the
 * seed's client snapshot and their companions: strategic completion rate,
 * median cycle time per track, throughput per track, each with its relative
 * change against the previous quarter.
 */
import type { Track } from "../config/types";
import type { Item } from "../model/item";
import type { StrategyIndex } from "../model/strategy-index";
import { round1 } from "../plan/allocation";
import { dayOf, daysBetween } from "../plan/sprint-state";
import type { SprintTally } from "./tally";
import type { PerTrack, QuarterChange, QuarterMetrics } from "./types";

/** `2026-Q4` of a `YYYY-MM-DD` day. */
export function quarterOf(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The quarter after `quarter`. */
function nextQuarter(quarter: string): string {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  return q === 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`;
}

/** The median (the mean of the two middle values for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** (this − previous) ÷ previous × 100 from unrounded values, one decimal; null when either has no value or previous is 0. */
export function relativeChange(current: number | null, previous: number | null): number | null {
  return current === null || previous === null || previous === 0 ? null : round1(((current - previous) / previous) * 100);
}

/** Done backlog items by the quarter of their `done` day: cycle times and counts per track. */
interface DoneInQuarter {
  cycleDays: PerTrack<number[]>;
  throughput: PerTrack<number>;
}

/** Every backlog item with a `done` day, grouped by quarter; once per change of the index. */
function doneByQuarter(index: StrategyIndex): ReadonlyMap<string, DoneInQuarter> {
  return index.memo("done-by-quarter", () => {
    const quarters = new Map<string, DoneInQuarter>();
    const add = (item: Item, track: Track): void => {
      const done = dayOf(item.data.done);
      if (!done || item.data.status === "dropped") return;
      const quarter = quarterOf(done);
      let entry = quarters.get(quarter);
      if (!entry) quarters.set(quarter, (entry = { cycleDays: { strategic: [], tactical: [] }, throughput: { strategic: 0, tactical: 0 } }));
      entry.throughput[track]++;
      const started = dayOf(item.data.started);
      // A start after the finish is a typo, not a negative cycle time: such an item counts in throughput only.
      if (started && started <= done) entry.cycleDays[track].push(daysBetween(started, done));
    };
    for (const kind of ["initiative", "tactic"] as const) for (const item of index.ofKind(kind)) if (item.track) add(item, item.track);
    return quarters;
  });
}

/**
 * The quarters from the earliest that holds an ended sprint (by its `end`) or a
 * done item, through `last`, oldest first, with their metrics.
 */
export function deliveryQuarters(index: StrategyIndex, ended: readonly SprintTally[], last: string): QuarterMetrics[] {
  const done = doneByQuarter(index);
  const committed = new Map<string, { committed: number; done: number }>();
  for (const tally of ended) {
    if (!tally.end) continue;
    const quarter = quarterOf(tally.end);
    const sum = committed.get(quarter) ?? { committed: 0, done: 0 };
    sum.committed += tally.committed.strategic;
    sum.done += tally.done.strategic;
    committed.set(quarter, sum);
  }
  // A century at most: a typo like `done: 0026-01-01` must not list two thousand years of quarters.
  const floor = `${String(Number(last.slice(0, 4)) - 99).padStart(4, "0")}-Q1`;
  let first = last;
  for (const quarter of [...committed.keys(), ...done.keys()]) if (quarter < first) first = quarter < floor ? floor : quarter;
  const out: QuarterMetrics[] = [];
  let previous: { completion: number | null; cycle: PerTrack<number | null>; throughput: PerTrack<number> } | undefined;
  for (let quarter = first; quarter <= last; quarter = nextQuarter(quarter)) {
    const sprints = committed.get(quarter);
    const items = done.get(quarter);
    const completion = sprints && sprints.committed > 0 ? (sprints.done / sprints.committed) * 100 : null;
    const cycle = { strategic: median(items?.cycleDays.strategic ?? []), tactical: median(items?.cycleDays.tactical ?? []) };
    const throughput = { strategic: items?.throughput.strategic ?? 0, tactical: items?.throughput.tactical ?? 0 };
    const change: QuarterChange | null = previous
      ? {
          strategicCompletion: relativeChange(completion, previous.completion),
          cycleTimeDays: { strategic: relativeChange(cycle.strategic, previous.cycle.strategic), tactical: relativeChange(cycle.tactical, previous.cycle.tactical) },
          throughput: { strategic: relativeChange(throughput.strategic, previous.throughput.strategic), tactical: relativeChange(throughput.tactical, previous.throughput.tactical) },
        }
      : null;
    out.push({
      quarter,
      strategicCompletion: completion === null ? null : round1(completion),
      cycleTimeDays: { strategic: cycle.strategic === null ? null : round1(cycle.strategic), tactical: cycle.tactical === null ? null : round1(cycle.tactical) },
      throughput,
      change,
    });
    previous = { completion, cycle, throughput };
  }
  return out;
}
