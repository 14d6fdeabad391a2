/**
 * Where a sprint stands on a given day (SPEC §8): *ended* when its `status` is
 * done or closed or its `end` is before today; *current* when it has not ended
 * and has started; *next*, the earliest not-ended sprint still to start; *later*,
 * the rest (a sprint with no dates that has not ended is later).
 */

export type SprintState = "ended" | "current" | "next" | "later";

/** What the state of a sprint depends on; dates as `YYYY-MM-DD` (longer ISO text is cut to the day). */
export interface DatedSprint {
  id: string;
  start: string | null;
  end: string | null;
  status: string | null;
}

/** Statuses that end a sprint whatever its dates say ("completed" is read as done too). */
const ENDED_STATUSES = new Set(["done", "closed", "completed"]);

const day = (date: string | null): string | null => (date && /^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(0, 10) : null);

/** Whether a status closes a sprint whatever its dates say (done, closed, completed). */
export function isClosedStatus(status: string | null): boolean {
  return status !== null && ENDED_STATUSES.has(status.trim().toLowerCase());
}

/** Whether a sprint has ended by `today` (`YYYY-MM-DD`). */
export function hasEnded(sprint: Omit<DatedSprint, "id">, today: string): boolean {
  if (isClosedStatus(sprint.status)) return true;
  const end = day(sprint.end);
  return end !== null && end < today;
}

/** The state of each sprint on `today`, by id as written. */
export function sprintStates(sprints: readonly DatedSprint[], today: string): Map<string, SprintState> {
  const states = new Map<string, SprintState>();
  let next: DatedSprint | undefined;
  for (const sprint of sprints) {
    const start = day(sprint.start);
    if (hasEnded(sprint, today)) states.set(sprint.id, "ended");
    else if (start !== null && start <= today) states.set(sprint.id, "current");
    else {
      states.set(sprint.id, "later");
      const nextStart = next && day(next.start);
      if (start !== null && (!nextStart || start < nextStart || (start === nextStart && sprint.id < next!.id))) next = sprint;
    }
  }
  if (next) states.set(next.id, "next");
  return states;
}

/** Where to plan now: the current sprint, else the next (in the order given), else none. */
export function plannableSprint<T>(sprints: readonly T[], stateOf: (sprint: T) => SprintState | undefined): T | undefined {
  return sprints.find((sprint) => stateOf(sprint) === "current") ?? sprints.find((sprint) => stateOf(sprint) === "next");
}

/** A sprint item's dates as {@link DatedSprint} wants them (dates may be strings or, from YAML 1.1 tools, Date objects). */
export function datedSprint(item: { id: string; data: Record<string, unknown> }): DatedSprint {
  const text = (value: unknown): string | null =>
    value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : typeof value === "string" && value.trim() ? value.trim() : typeof value === "number" ? String(value) : null;
  return { id: item.id, start: text(item.data.start), end: text(item.data.end), status: text(item.data.status) };
}

/**
 * A date field's day as `YYYY-MM-DD`: from a `2026-11-02` (or longer ISO) string, or a Date object
 * (YAML 1.1 tools write timestamps); null for anything else, or for a day that does not exist.
 */
export function dayOf(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value !== "string") return null;
  const text = value.trim().slice(0, 10);
  return isDay(text) ? text : null;
}

/** Days in a month (1–12) of a year of the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether text is a `YYYY-MM-DD` day that exists, without building a Date (the roadmap reads tens of thousands). */
function isDay(text: string): boolean {
  if (text.length !== 10 || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(text.slice(0, 4)), month);
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A `YYYY-MM-DD` day as UTC midnight, or undefined when the text is not one (`2026-02-31` is not). */
export function parseDay(text: string): Date | undefined {
  const date = new Date(`${text}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text ? date : undefined;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/** `27 Nov 2026` (or `27 Nov`) from `2026-11-27`, no time zone involved; null when the text is not a date. */
export function shortDate(date: string | null, withYear = true): string | null {
  const m = date ? DAY.exec(date) : null;
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return null;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]}${withYear ? ` ${m[1]}` : ""}`;
}
