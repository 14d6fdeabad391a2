/**
 * One KPI as an OKR key result (SPEC §8): its progress from baseline to
 * target, its pace against `due`, whether it is stale, its readings and the
 * work that moves it.
 */
import type { StrategyConfig } from "../config/types";
import type { Item } from "../model/item";
import type { StrategyIndex } from "../model/strategy-index";
import { itemTitle } from "../parse/title";
import { round1 } from "../plan/allocation";
import { dayOf, daysBetween } from "../plan/sprint-state";
import { historyOf, numberField, readingSpan, staleness, type ValueOf } from "./readings";
import type { KeyResult, Pace } from "./types";

/** What the KPI report needs of a workspace (a `StrategyWorkspace` is one). */
export interface KpiSource {
  readonly index: StrategyIndex;
  getConfig(): StrategyConfig;
  /** The workspace's today (`YYYY-MM-DD`); without it and without a `today` option, nothing is stale and there is no pace. */
  todayIso?(): string;
}

/** Progress − expected beyond this many points is ahead (or behind). */
const PACE_MARGIN = 10;

/** `progress` unrounded, or why there is none. */
export type Progress = { value: number } | { note: string };

/**
 * (current − baseline) ÷ (target − baseline) × 100, not clamped (a `direction:
 * down` KPI has target < baseline and comes out right by itself); a note when a
 * value is missing or not a number, or when target equals baseline.
 */
export function progressOf(baseline: ValueOf, current: ValueOf, target: ValueOf): Progress {
  const notes: string[] = [];
  for (const [name, field] of [["baseline", baseline], ["current", current], ["target", target]] as const) {
    if ("missing" in field) notes.push(name === "current" ? "no current value" : `no ${name}`);
    else if ("notANumber" in field) notes.push(`${name} is not a number`);
  }
  if (notes.length) return { note: notes.join(", ") };
  const [b, c, t] = [baseline, current, target].map((field) => (field as { value: number }).value);
  if (t === b) return { note: "target equals baseline" };
  // Twelve significant digits: 2.4 → 2.1 of 2.4 → 1.6 is 37.5, not 37.499999999999964 (which would round and average differently).
  return { value: Number((((c - b) / (t - b)) * 100).toPrecision(12)) };
}

/**
 * Pace against `due` (SPEC §8): expected progress runs linearly from 0 on the
 * first reading to 100 on `due`; ahead or behind beyond 10 points. Null when
 * there is no progress, no reading, or `due` is not after the first reading.
 */
export function paceOf(progress: number | null, first: string | null, due: string | null, today: string | null): Pace | null {
  if (progress === null || first === null || due === null || today === null) return null;
  const span = daysBetween(first, due);
  if (span <= 0) return null;
  const expected = Math.min(1, Math.max(0, daysBetween(first, today) / span)) * 100;
  const gap = progress - expected;
  return gap > PACE_MARGIN ? "ahead" : gap < -PACE_MARGIN ? "behind" : "on-pace";
}

/** A KPI's progress from its own fields, unrounded (see {@link progressOf}). */
export function kpiProgress(kpi: Item): Progress {
  const { data } = kpi;
  return progressOf(numberField(data, "baseline"), numberField(data, "current"), numberField(data, "target"));
}

/** A value as the report shows it: the number, or null when missing or not a number. */
const shown = (field: ValueOf): number | null => ("value" in field ? field.value : null);

/** The KPI as a key result on `today` (default: the workspace's today). */
export function keyResultOf(source: KpiSource, kpi: Item, today?: string): KeyResult {
  const day = today ?? source.todayIso?.() ?? null;
  const { data } = kpi;
  const [baseline, current, target] = (["baseline", "current", "target"] as const).map((key) => numberField(data, key));
  const progress = progressOf(baseline, current, target);
  const exact = "value" in progress ? progress.value : null;
  const history = historyOf(kpi);
  const span = readingSpan(kpi, history);
  const due = dayOf(data.due);
  const b = shown(baseline);
  const t = shown(target);
  return {
    id: kpi.id,
    title: itemTitle(kpi),
    level: data.level === "tactical" ? "tactical" : "strategic",
    unit: typeof data.unit === "string" && data.unit.trim() ? data.unit : null,
    // As written; else what the numbers say (a target under the baseline is a KPI to bring down).
    direction: data.direction === "down" || data.direction === "up" ? data.direction : b !== null && t !== null && t < b ? "down" : "up",
    baseline: b,
    current: shown(current),
    target: t,
    progress: exact === null ? null : round1(exact),
    confidence: typeof data.confidence === "number" && Number.isFinite(data.confidence) ? data.confidence : null,
    measured: span?.latest ?? null,
    stale: day !== null && staleness(kpi, day, source.getConfig().review.kpiMaxAgeDays, span) !== undefined,
    due,
    pace: paceOf(exact, span?.first ?? null, due, day),
    progressNote: "note" in progress ? progress.note : null,
    history,
    movedBy: movedBy(source.index, kpi),
  };
}

/**
 * Ids of the initiatives and tactics (any status but dropped) whose effective
 * KPIs — their own `kpi`/`kpis`, else their initiative's — resolve to this KPI,
 * sorted. Costs the KPI's referrers and the children of the initiatives among
 * them, never a scan of the workspace.
 */
export function movedBy(index: StrategyIndex, kpi: Item): string[] {
  const ids = new Set<string>();
  const counts = (item: Item) => (item.kind === "initiative" || item.kind === "tactic") && item.data.status !== "dropped";
  for (const referrer of index.referrers(kpi.id)) {
    if (namesOwnKpi(index, referrer, kpi) !== true) continue;
    if (counts(referrer)) ids.add(referrer.id);
    // Items under it that name no KPI of their own inherit its KPIs.
    if (referrer.kind !== "initiative") continue;
    for (const child of index.referrers(referrer.id)) {
      if (counts(child) && namesOwnKpi(index, child, kpi) === undefined && index.initiativeOf(child) === referrer) ids.add(child.id);
    }
  }
  return [...ids].sort(byText);
}

/** Whether an item's own `kpi`/`kpis` resolve to the KPI: true, false, or undefined when it names no KPI of its own. */
function namesOwnKpi(index: StrategyIndex, item: Item, kpi: Item): boolean | undefined {
  let own: boolean | undefined;
  for (const ref of item.refs) {
    if (ref.field !== "kpi" && ref.field !== "kpis") continue;
    // Only a reference spelt like the KPI's id can resolve to it.
    if (ref.key === kpi.key && index.resolve(ref).item === kpi) return true;
    own = false;
  }
  return own;
}

/** Plain string order (ids as written). */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
