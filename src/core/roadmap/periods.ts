/**
 * The roadmap's periods: calendar quarters (`2026-Q4`), calendar months
 * (`2026-12`) or sprints, each with its first and last day. Calendar
 * arithmetic on `YYYY-MM-DD` text only — no Date of local time, and none for
 * years below 100, which `Date.UTC` would read as 19xx.
 */
import type { StrategyIndex } from "../model/strategy-index";
import { dayOf, daysInMonth } from "../plan/sprint-state";
import { quarterOf } from "../review/delivery";
import type { Period } from "./types";

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** Days from 1970-01-01 to a day of the Gregorian calendar (negative before it), any year (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = year - (month <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** The year, month and day `n` days after 1970-01-01 (civil_from_days). */
function civilFromDays(n: number): { year: number; month: number; day: number } {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day: doy - Math.floor((153 * mp + 2) / 5) + 1 };
}

/** Days from 1970-01-01 to a `YYYY-MM-DD` day, for any year 0000–9999 (no Date, so no 19xx for years below 100). */
export const dayNumber = (day: string): number => daysFromCivil(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10)));

/** The `YYYY-MM-DD` day `n` days after 1970-01-01 (a year before 0000 is written with its sign, e.g. `-0001-12-27`). */
export function dayFromNumber(n: number): string {
  const { year, month, day } = civilFromDays(n);
  return `${year < 0 ? `-${pad(-year, 4)}` : pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The day `delta` days after `day`. */
export const addDays = (day: string, delta: number): string => dayFromNumber(dayNumber(day) + delta);

/** The weekday of day number `n`, Monday 0 to Sunday 6 (1970-01-01 was a Thursday). */
export const weekdayOfNumber = (n: number): number => (((n + 3) % 7) + 7) % 7;

/** The weekday of a `YYYY-MM-DD` day, Monday 0 to Sunday 6. */
export const weekdayOf = (day: string): number => weekdayOfNumber(dayNumber(day));

/** The ISO 8601 week number of day number `n`: the week of the year holding its week's Thursday. */
export function isoWeekOfNumber(n: number): number {
  const thursday = n + 3 - weekdayOfNumber(n);
  return Math.floor((thursday - daysFromCivil(civilFromDays(thursday).year, 1, 1)) / 7) + 1;
}

/** `2026-12` of a `YYYY-MM-DD` day. */
export const monthOf = (day: string): string => day.slice(0, 7);

/** `2026-12` as a period: `2026-12-01` to `2026-12-31`. */
export function monthPeriod(month: string): Period {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return { id: month, start: `${month}-01`, end: `${month}-${pad(daysInMonth(year, m))}` };
}

/** The month `delta` months after `month` (before it when negative), within years 0000–9999. */
export function addMonths(month: string, delta: number): string {
  const index = Math.min(9999 * 12 + 11, Math.max(0, Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + delta));
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

/** `2026-Q4` as a period: `2026-10-01` to `2026-12-31`. */
export function quarterPeriod(quarter: string): Period {
  const year = quarter.slice(0, 4);
  const q = Number(quarter.slice(6));
  const last = q * 3;
  return { id: quarter, start: `${year}-${pad(last - 2)}-01`, end: `${year}-${pad(last)}-${pad(daysInMonth(Number(year), last))}` };
}

/** The quarter after `quarter`. */
function nextQuarter(quarter: string): string {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  return q === 4 ? `${pad(year + 1, 4)}-Q1` : `${quarter.slice(0, 4)}-Q${q + 1}`;
}

/** Every quarter from the one holding `first` through the one holding `last` (`YYYY-MM-DD`, first ≤ last). */
export function quartersBetween(first: string, last: string): Period[] {
  const out: Period[] = [];
  const end = quarterOf(last);
  for (let quarter = quarterOf(first); ; quarter = nextQuarter(quarter)) {
    out.push(quarterPeriod(quarter));
    if (quarter >= end) return out;
  }
}

/** Every month from the one holding `first` through the one holding `last`. */
export function monthsBetween(first: string, last: string): Period[] {
  const out: Period[] = [];
  const end = monthOf(last);
  for (let month = monthOf(first); ; month = addMonths(month, 1)) {
    out.push(monthPeriod(month));
    if (month >= end) return out;
  }
}

/** The years a roadmap spans at most: a typo like `0026-01-01` must not list two thousand years of quarters. */
export const MAX_YEARS = 100;

/**
 * The first and last day the periods should cover: those of the days given;
 * when they lie more than {@link MAX_YEARS} years apart, those of the days
 * within a century around their median (far-off dates are typos far more often
 * than plans), and `clamped` says so.
 */
export function coveredDays(days: readonly string[]): { first: string; last: string; clamped: boolean } | null {
  if (!days.length) return null;
  const sorted = [...days].sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (Number(last.slice(0, 4)) - Number(first.slice(0, 4)) < MAX_YEARS) return { first, last, clamped: false };
  const middle = Number(sorted[Math.floor((sorted.length - 1) / 2)].slice(0, 4));
  const fromYear = Math.max(0, Math.min(9999 - MAX_YEARS + 1, middle - MAX_YEARS / 2));
  const floor = `${pad(fromYear, 4)}-01-01`;
  const ceiling = `${pad(fromYear + MAX_YEARS - 1, 4)}-12-31`;
  // The median lies inside the window, so both finds succeed.
  const inside = sorted.filter((day) => day >= floor && day <= ceiling);
  return { first: inside[0], last: inside[inside.length - 1], clamped: true };
}

/**
 * The sprints as periods, in date order (start, then end, then id), those that
 * meet `covered`: a sprint with one date is a one-day period, one with none is
 * left out (it cannot be placed).
 */
export function sprintPeriods(index: StrategyIndex, covered: { first: string; last: string }): Period[] {
  const out: Period[] = [];
  for (const sprint of index.ofKind("sprint")) {
    const start = dayOf(sprint.data.start);
    const end = dayOf(sprint.data.end);
    const first = start ?? end;
    const last = end && first && end >= first ? end : first;
    if (first && last && first <= covered.last && last >= covered.first) out.push({ id: sprint.id, start: first, end: last });
  }
  const key = (id: string) => id.toLowerCase();
  return out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.end < b.end ? -1 : a.end > b.end ? 1 : key(a.id) < key(b.id) ? -1 : key(a.id) > key(b.id) ? 1 : 0));
}
