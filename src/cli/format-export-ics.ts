/**
 * `export --format ics`: an RFC 5545 calendar of the exported initiatives and
 * tactics, written by ical-generator (properties, text escaping, dates, CRLF),
 * lines folded at 75 octets. One all-day event per item over its span (DTEND is the day after
 * the last, as RFC 5545 wants), else on its `due` as a one-day event; items
 * with neither are left out. UIDs come from the ids, so importing the file
 * again updates the events instead of adding copies, and DTSTAMP is today at
 * midnight UTC, so the same documents and `--today` give the same bytes.
 */
import type { ICalEventData, ICalEventStatus } from "ical-generator";

let library: typeof import("ical-generator") | undefined;
/** ical-generator, loaded on the first calendar: a vendor file of its own (esbuild.js), so no other command pays for it. */
function ics(): typeof import("ical-generator") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load on purpose (esbuild keeps it lazy)
  library ??= require("ical-generator") as typeof import("ical-generator");
  return library;
}
import { VERSION } from "./help";
import { formatMoney } from "../core/index";
import { printable, type ExportData, type ExportEntry } from "./format-export-rows";

/** The right-hand side of every UID: `<id>@strategy-docs`. */
export const UID_DOMAIN = "strategy-docs";

/**
 * An item's UID: its lower-case id (ids are case-insensitive). Items sharing
 * an id (a `duplicate-id` error) are told apart by their place among its
 * holders in document order, `~2` on the second: `~` is never part of an id.
 */
export function eventUid(entry: Pick<ExportEntry, "item" | "copy">): string {
  return `${printable(entry.item.key)}${entry.copy > 1 ? `~${entry.copy}` : ""}@${UID_DOMAIN}`;
}

/** The day after `day` (`YYYY-MM-DD`), by calendar, never by the clock's zone; null after 9999-12-31 (iCalendar years have four digits). */
export function nextDay(day: string): string | null {
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString();
  return /^\d{4}-/.test(next) ? next.slice(0, 10) : null;
}

/** Control characters are not allowed in iCalendar text (tabs are); line breaks become LF, which the library writes as `\n`. */
function plain(text: string): string {
  return printable(text.replace(/\r\n?/g, "\n")).replace(/\r/g, "");
}

/** The days an entry's event covers, or null when it has no span and no `due`. */
export function eventDays(entry: ExportEntry): { start: string; end: string; milestone: boolean } | null {
  const { start, end, due } = entry.row;
  if (start && end) return { start, end, milestone: false };
  return due ? { start: due, end: due, milestone: true } : null;
}

/** What the event's description says: where the item sits in the strategy, and where it is written. */
function description(entry: ExportEntry, days: { milestone: boolean }, currency: string | null): string {
  const { row } = entry;
  const lines = [`${row.type === "initiative" ? "Initiative" : "Tactic"} on the ${row.track} track`];
  if (days.milestone) lines.push(`Milestone: due ${row.due}`);
  else if (entry.from === "sprint") lines.push(`Dates of sprint ${row.sprint}`);
  if (!days.milestone && row.due) lines.push(`Due: ${row.due}`);
  lines.push(`Pillar: ${row.pillar ?? "none"}`);
  if (row.kpis.length) lines.push(`KPIs: ${row.kpis.join(", ")}`);
  lines.push(`Status: ${row.status ?? "not set"}`);
  if (row.sprint && entry.from !== "sprint") lines.push(`Sprint: ${row.sprint}`);
  if (row.score !== null) lines.push(`Score: ${row.score} (rank ${row.rank} of the ${row.track} backlog)`);
  if (row.budget !== null) lines.push(`Budget: ${formatMoney(row.budget, currency)}`);
  if (entry.channels.length) lines.push(`Channel: ${entry.channels.join(", ")}`);
  lines.push(`Source: ${entry.file}, line ${entry.line}`);
  return plain(lines.join("\n"));
}

/** The event status of an item's status (the library's enum values are these words). */
const STATUSES: Record<string, `${ICalEventStatus}`> = { dropped: "CANCELLED", idea: "TENTATIVE" };

/** One event, or null for an item with no span and no `due` (or one that ends on 9999-12-31, which has no day after). */
export function eventOf(entry: ExportEntry, stamp: Date, currency: string | null): ICalEventData | null {
  const days = eventDays(entry);
  const end = days && nextDay(days.end);
  if (!days || !end) return null;
  const categories = [entry.row.track, ...entry.channels].map((name) => ({ name: plain(name) })).filter((category) => category.name);
  return {
    id: eventUid(entry),
    stamp,
    // Dates as `YYYY-MM-DD` text: the library writes them as they are (VALUE=DATE), whatever the zone.
    start: days.start,
    end,
    allDay: true,
    summary: plain(entry.row.title),
    description: description(entry, days, currency),
    categories,
    status: ((entry.row.status && Object.hasOwn(STATUSES, entry.row.status) && STATUSES[entry.row.status]) || null) as ICalEventStatus | null,
    // Campaigns and milestones do not make anyone busy.
    transparency: ics().ICalEventTransparency.TRANSPARENT,
  };
}

/**
 * RFC 5545 §3.1 folding of unfolded content lines: a line longer than 75
 * octets (UTF-8) goes on after CRLF and a space, never inside a character.
 * ical-generator 10 folds too, but builds a TextEncoder per character (10,000
 * events: seconds); its events are folded here, its calendar lines by itself.
 */
export function foldLines(text: string): string {
  return text.split("\r\n").map(foldLine).join("\r\n");
}

function foldLine(line: string): string {
  // Nearly every line is short: 25 UTF-16 units are at most 75 octets.
  if (line.length <= 25 || (line.length <= 75 && !/[^\u0000-\u007F]/.test(line))) return line;
  let out = "";
  let octets = 0;
  for (const char of line) {
    const code = char.codePointAt(0)!;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (octets + size > 75) {
      out += "\r\n ";
      octets = 1;
    }
    out += char;
    octets += size;
  }
  return out;
}

const CALENDAR_END = "END:VCALENDAR";

/** The calendar, ending in CRLF like every content line. */
export function formatExportIcs(data: ExportData): string {
  const stamp = new Date(`${data.today}T00:00:00Z`);
  const { default: ical, escape } = ics();
  const calendar = ical({
    prodId: { company: UID_DOMAIN, product: `Strategy Docs ${VERSION}`, language: "EN" },
    // The library writes the name as given: escaped here, on one line.
    name: escape(plain(`Strategy Docs: ${data.name}`), false),
  });
  const shell = calendar.toString();
  if (!shell.endsWith(CALENDAR_END)) throw new Error("ical-generator wrote an unexpected calendar");
  let events = "";
  for (const entry of data.entries) {
    const event = eventOf(entry, stamp, data.currency);
    if (event) events += calendar.createEvent(event).toString();
  }
  return `${shell.slice(0, -CALENDAR_END.length)}${foldLines(events)}${CALENDAR_END}\r\n`;
}
