/**
 * Calendar days as the Roadmap and Calendar tabs say them, in words a screen
 * reader reads well ("from 30 November to 11 December 2026") and short forms
 * for tight places ("30 Nov – 11 Dec 2026"). Days are `YYYY-MM-DD` text: no
 * Date of local time, so nothing shifts with the clock's time zone.
 */
import { dayNumber, weekdayOf } from "../core/roadmap/periods";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
/** Monday first, as the calendar's weeks. */
export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** Year, month (1–12) and day of a `YYYY-MM-DD` day, or null when it is not one. */
function parts(day: string): { year: string; month: number; date: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return null;
  return { year: m[1], month: Number(m[2]), date: Number(m[3]) };
}

/** `30 November 2026` (`30 November` without the year); the text itself when it is not a day. */
export function longDate(day: string, withYear = true): string {
  const p = parts(day);
  return p ? `${p.date} ${MONTHS[p.month - 1]}${withYear ? ` ${p.year}` : ""}` : day;
}

/** `November 2026` for `2026-11`. */
export function monthName(month: string): string {
  const p = parts(`${month}-01`);
  return p ? `${MONTHS[p.month - 1]} ${p.year}` : month;
}

/** `30 Nov 2026`, `30 Nov` without the year. */
export function shortDay(day: string, withYear = true): string {
  const p = parts(day);
  return p ? `${p.date} ${MONTHS[p.month - 1].slice(0, 3)}${withYear ? ` ${p.year}` : ""}` : day;
}

/** 0 = Monday … 6 = Sunday. */
export const weekday = (day: string): number => weekdayOf(day);

/** `Monday 30 November 2026`. */
export const dayName = (day: string): string => `${WEEKDAYS[weekday(day)] ?? ""} ${longDate(day)}`.trim();

/** Days from `start` to `end`, both included (1 for one day). */
export const daysIn = (start: string, end: string): number => dayNumber(end) - dayNumber(start) + 1;

/** A span in words: `on 10 December 2026`, `from 30 November to 11 December 2026`, `from 28 December 2026 to 8 January 2027`. */
export function spanWords(start: string, end: string): string {
  if (start === end) return `on ${longDate(start)}`;
  return `from ${longDate(start, start.slice(0, 4) !== end.slice(0, 4))} to ${longDate(end)}`;
}

/** A span in short: `10 Dec 2026`, `30 Nov – 11 Dec 2026`, `28 Dec 2026 – 8 Jan 2027`. */
export function spanShort(start: string, end: string): string {
  if (start === end) return shortDay(start);
  return `${shortDay(start, start.slice(0, 4) !== end.slice(0, 4))} – ${shortDay(end)}`;
}

/** A roadmap period's name: `Q4 2026` for `2026-Q4`, `Dec 2026` for `2026-12`, a sprint's id as it is. */
export function periodName(id: string, by: "quarter" | "sprint" | "month"): string {
  if (by === "quarter") {
    const m = /^(\d{4})-Q([1-4])$/.exec(id);
    return m ? `Q${m[2]} ${m[1]}` : id;
  }
  if (by === "month") {
    const p = parts(`${id}-01`);
    return p ? `${MONTHS[p.month - 1].slice(0, 3)} ${p.year}` : id;
  }
  return id;
}
