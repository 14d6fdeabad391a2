/**
 * Completion of dates (SPEC §9): after `start:`, `end:`, `due:`, `started:`,
 * `done:`, `measured:` and `reviewed:`, where the item's kind has that field,
 * it offers today and, for an initiative or tactic planned into a sprint, the
 * sprint's first and last day — labelled ("today", "start of 2026-s15",
 * "end of 2026-s15"), inserting the day as `YYYY-MM-DD`. Today is given by the
 * caller (the core never reads the clock); dates are calendar days as written.
 */
import type { Item } from "../model/item";
import type { Range } from "../model/range";
import { KIND_FIELDS } from "../parse/quick-valid";
import { dayOf } from "../plan/sprint-state";
import type { CompletionEntry } from "./completion";
import { clip, shortTitle, type PositionContext, type StrategySource } from "./context";

/** The fields whose value is a day (YYYY-MM-DD). */
export const DATE_FIELDS: ReadonlySet<string> = new Set(["start", "end", "due", "started", "done", "measured", "reviewed"]);

/** Characters of a sprint id a label shows, at most. */
const MAX_LABEL_ID = 60;

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** `2026-11-30 (Monday)`: the day's weekday is read in UTC, where the calendar day is the same everywhere. */
const withWeekday = (day: string): string => `${day} (${WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()]})`;

/** One offered day, before it becomes a completion entry. */
export interface DateChoice {
  /** "today", "start of 2026-s15", "end of 2026-s15". */
  label: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** What the day is, in words: `today`, `the first day of sprint 2026-s15 (Sprint 15)`. */
  detail: string;
}

/** The sprint an initiative or tactic is planned into: its parsed `sprint:`, else (YAML half typed) the block's `sprint:` line. */
function sprintOf(source: StrategySource, text: string, context: PositionContext): Item | undefined {
  const block = context.block;
  if (!block?.kind || !KIND_FIELDS[block.kind].includes("sprint")) return undefined;
  const parsed = block.item?.data.sprint;
  let id = typeof parsed === "string" ? parsed.trim() : undefined;
  if (id === undefined) {
    const line = block.keys.get("sprint");
    id = line ? text.slice(line.valueStart, line.valueEnd).trim().replace(/^(["'])(.*)\1$/, "$2") : undefined;
  }
  const sprint = id ? source.index.find(id, ["sprint"]) : undefined;
  return sprint?.kind === "sprint" ? sprint : undefined;
}

/**
 * The days offered at a value `context` (empty unless it is the value of a date field of the
 * item's kind, not a list element): today when `today` is given, then the sprint's start and end.
 */
export function dateChoices(source: StrategySource, text: string, context: PositionContext, today: string | undefined): DateChoice[] {
  const { key, block } = context;
  if (context.where !== "value" || !key || !DATE_FIELDS.has(key) || context.inList) return [];
  if (!block?.kind || !KIND_FIELDS[block.kind].includes(key)) return [];
  const choices: DateChoice[] = [];
  const day = today === undefined ? null : dayOf(today);
  if (day) choices.push({ label: "today", date: day, detail: "today" });
  const sprint = sprintOf(source, text, context);
  if (sprint) {
    const id = clip(sprint.id, MAX_LABEL_ID);
    const title = shortTitle(sprint);
    const named = title && title !== sprint.id ? `sprint ${id} (${clip(title, MAX_LABEL_ID)})` : `sprint ${id}`;
    const start = dayOf(sprint.data.start);
    const end = dayOf(sprint.data.end);
    if (start) choices.push({ label: `start of ${id}`, date: start, detail: `the first day of ${named}` });
    if (end) choices.push({ label: `end of ${id}`, date: end, detail: `the last day of ${named}` });
  }
  return choices;
}

/** A date choice as a completion entry: replaces the value at `range`, filtered by the day typed so far. */
export function dateEntry(choice: DateChoice, order: number, range: Range, space: string): CompletionEntry {
  return {
    label: choice.label,
    kind: "date",
    detail: `${withWeekday(choice.date)} · ${choice.detail}`,
    insertText: space + choice.date,
    filterText: choice.date,
    range,
    sortText: String(order),
  };
}
