/**
 * What a KPI's fields say as numbers and days: `baseline`, `target` and
 * `current` may be numbers or numeric text, dates may be text or YAML
 * timestamps. Shared by the KPI report, its hover and the kpi-stale rule, so
 * that they always agree.
 */
import type { Item } from "../model/item";
import { dayOf, daysBetween } from "../plan/sprint-state";
import type { Reading } from "./types";

/** Numeric text: `12`, `2.5`, ` 98 `, `-3`, `.5`, `1e3`. */
const NUMERIC = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/** A KPI value as read from its field. */
export type ValueOf = { value: number } | { missing: true } | { notANumber: true };

/** A field's number: a finite number, or numeric text; missing when empty or absent, "not a number" for other text. */
export function numberField(data: Record<string, unknown>, key: string): ValueOf {
  const value = data[key];
  if (typeof value === "number") return Number.isFinite(value) ? { value } : { notANumber: true };
  if (value === undefined || value === null) return { missing: true };
  if (typeof value !== "string") return { notANumber: true };
  const text = value.trim();
  if (!text) return { missing: true };
  return NUMERIC.test(text) ? { value: Number(text) } : { notANumber: true };
}

/** The readings of a KPI's `history`, sorted by date (a stable sort: readings of one day keep their order); readings without a day are left out. */
export function historyOf(kpi: Item): Reading[] {
  const list = kpi.data.history;
  if (!Array.isArray(list)) return [];
  const out: Reading[] = [];
  for (const entry of list) {
    if (typeof entry !== "object" || entry === null) continue;
    const { date, value } = entry as Record<string, unknown>;
    const day = dayOf(date);
    if (day !== null && typeof value === "number" && Number.isFinite(value)) out.push({ date: day, value });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The days a KPI was read on: its `measured` day and its history's, oldest and newest; null when it has none. */
export function readingSpan(kpi: Item, history: readonly Reading[] = historyOf(kpi)): { first: string; latest: string } | null {
  const measured = dayOf(kpi.data.measured);
  let first = history.length ? history[0].date : measured;
  let latest = history.length ? history[history.length - 1].date : measured;
  if (measured !== null && first !== null && latest !== null) {
    if (measured < first) first = measured;
    if (measured > latest) latest = measured;
  }
  return first !== null && latest !== null ? { first, latest } : null;
}

/** Whether a KPI names a target at all (an empty `target:` names none). */
export function hasTarget(kpi: Item): boolean {
  const target = kpi.data.target;
  return target !== undefined && target !== null && !(typeof target === "string" && !target.trim());
}

/** Why a KPI is stale on `today`, or undefined when it is not (the kpi-stale rule and the report's `stale`). */
export type Staleness = { never: true } | { latest: string; age: number };

/**
 * Whether a KPI with a target is stale (SPEC §8, kpi-stale): it has no
 * measurement, or its latest measurement is more than `maxAgeDays` before `today`.
 */
export function staleness(kpi: Item, today: string, maxAgeDays: number, span = readingSpan(kpi)): Staleness | undefined {
  if (!hasTarget(kpi)) return undefined;
  if (!span) return { never: true };
  const age = daysBetween(span.latest, today);
  return age > maxAgeDays ? { latest: span.latest, age } : undefined;
}
