/**
 * KPIs as OKR key results and pillars as objectives (SPEC §8), exactly as
 * `kpis --format json` prints them. Progress is rounded to one decimal.
 */

/** A KPI's pace against its `due` date. */
export type Pace = "ahead" | "on-pace" | "behind";

/** One reading of a KPI. */
export interface Reading {
  /** `YYYY-MM-DD`. */
  date: string;
  value: number;
}

/** A KPI as a key result. */
export interface KeyResult {
  id: string;
  title: string;
  /** `strategic` unless the KPI says `level: tactical`. */
  level: "strategic" | "tactical";
  unit: string | null;
  direction: "up" | "down";
  baseline: number | null;
  current: number | null;
  target: number | null;
  /** (current − baseline) ÷ (target − baseline) × 100, not clamped; null with `progressNote` saying why. */
  progress: number | null;
  confidence: number | null;
  /** The latest measurement: the newest of `measured` and the `history` dates; null when none. */
  measured: string | null;
  /** What kpi-stale says: a KPI with a target and no measurement, or one older than `review.kpiMaxAgeDays`. */
  stale: boolean;
  due: string | null;
  pace: Pace | null;
  /** Why `progress` is null ("no baseline", "target equals baseline", …); null when there is a progress. */
  progressNote: string | null;
  /** The file's readings sorted by date, nothing added. */
  history: Reading[];
  /** Initiatives and tactics (any status but dropped) whose effective KPIs name it, by id. */
  movedBy: string[];
}

/** A pillar as an objective with its key results. */
export interface Objective {
  pillar: string;
  title: string;
  /** Mean of its key results' progress, each capped to 0..100; null when none has one. */
  progress: number | null;
  keyResults: KeyResult[];
}

/** `kpis --format json` (SPEC §8). */
export interface KpiReport {
  objectives: Objective[];
  /** KPIs of no pillar. */
  unattached: KeyResult[];
}
