/**
 * The shapes of a sprint review and the delivery metrics (SPEC §8), exactly as
 * `review --format json` prints them. Percentages and days are rounded to one
 * decimal; null where SPEC §8 says a figure has no value.
 */
import type { Split } from "../config/types";

/** A figure per track. */
export interface PerTrack<T> {
  strategic: T;
  tactical: T;
}

/** One ended sprint of the trend, oldest first. */
export interface TrendPoint {
  sprint: string;
  /** Its `end` (`YYYY-MM-DD`), or null when it has none (ended by its status). */
  end: string | null;
  /** Done units. */
  velocity: number;
  completion: PerTrack<number | null>;
  realisedShare: PerTrack<number | null>;
  /** The sprint's own strategic target (its `split`, else the config's): the board draws the target line from it. */
  target: number;
}

/** Delivery metrics of one calendar quarter. */
export interface QuarterMetrics {
  /** `2026-Q4`. */
  quarter: string;
  /** Strategic done ÷ strategic committed over the sprints that ended in the quarter (percent); null when nothing was committed. */
  strategicCompletion: number | null;
  /** Median days from `started` to `done`, per track; null when no item of the track has both in the quarter. */
  cycleTimeDays: PerTrack<number | null>;
  /** Items with a `done` date in the quarter, per track. */
  throughput: PerTrack<number>;
  /** Relative change against the previous quarter (percent); null for the first quarter listed. */
  change: QuarterChange | null;
}

export interface QuarterChange {
  strategicCompletion: number | null;
  cycleTimeDays: PerTrack<number | null>;
  throughput: PerTrack<number | null>;
}

/** `review --format json` (SPEC §8). */
export interface SprintReview {
  sprint: string;
  ended: boolean;
  target: Split;
  committed: PerTrack<number>;
  done: PerTrack<number>;
  carriedOver: PerTrack<number> & { items: string[] };
  completion: PerTrack<number | null>;
  realisedShare: PerTrack<number | null>;
  velocity: number;
  trend: TrendPoint[];
  /** The split-drift finding over the ended sprints up to this one; null when it does not fire. */
  drift: { sprints: string[]; target: number } | null;
  quarters: QuarterMetrics[];
}
