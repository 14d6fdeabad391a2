/**
 * `roadmap --format table`: a text Gantt for an 80-column terminal. Per lane,
 * one line per item with its span drawn to scale over the periods (its own
 * dates █, its sprint's ▒, a due day ◆, today ┊), the dates beside it; then the
 * milestones and the open work with no span. JSON and markdown are in
 * format-roadmap-report.ts.
 */
import { daysBetween, displayText, shortDate, type Roadmap, type RoadmapItem } from "../core/index";
import { REPORT_WIDTH, wrapWords } from "./format-review";
import { renderTable, truncate, type Column } from "./format-table";
import { byLaneRows, heading, laneTitle, milestoneRows, unscheduledRows, type LaneLine, type RoadmapFacts } from "./format-roadmap-report";

const MARK = { own: "█", sprint: "▒", due: "◆", today: "┊", todayHead: "▼", before: "◂", after: "▸", guide: "·", tick: "┬", rule: "─" } as const;

/** The legend under the heading. */
const LEGEND = `${MARK.own} own dates · ${MARK.sprint} sprint's dates · ${MARK.due} due · ${MARK.todayHead} today · ${MARK.before}${MARK.after} beyond the periods`;

/** The fewest columns the bars are drawn in. */
const MIN_BAR = 30;

/** The days the bars are drawn over, and how many columns they take. */
interface Axis {
  start: string;
  end: string;
  days: number;
  width: number;
  /** Column of each period's first day. */
  ticks: number[];
}

/** The column of a day on the axis (days outside it are clamped to the ends). */
function columnOf(axis: Axis, day: string): number {
  const offset = daysBetween(axis.start, day);
  return Math.min(axis.width - 1, Math.max(0, Math.floor((offset * axis.width) / axis.days)));
}

/** The periods' days, or when there are none (no dated sprint), those of the items. */
function axisDays(roadmap: Roadmap): { start: string; end: string } | undefined {
  const days = roadmap.periods.length
    ? roadmap.periods.flatMap((period) => [period.start, period.end])
    : [...roadmap.rows.flatMap((row) => row.items.flatMap((item) => [item.start, item.end])), ...roadmap.milestones.map((m) => m.due)];
  if (!days.length) return undefined;
  const sorted = days.sort();
  return { start: sorted[0], end: sorted[sorted.length - 1] };
}

/** "30 Nov–11 Dec", "2–13 Nov", with the year(s) when the axis runs over more than one year. */
export function rangeText(start: string, end: string, withYear: boolean): string {
  const day = (date: string, year: boolean) => shortDate(date, year) ?? date;
  if (start === end) return day(start, withYear);
  if (start.slice(0, 4) !== end.slice(0, 4)) return `${day(start, true)}–${day(end, true)}`;
  if (start.slice(0, 7) === end.slice(0, 7)) return `${Number(start.slice(8, 10))}–${day(end, withYear)}`;
  return `${day(start, false)}–${day(end, withYear)}`;
}

/** A lane line's bar: guides at period starts, today, the span and the due day. */
function bar(axis: Axis, line: LaneLine, today: string | null): string {
  const cells = Array.from({ length: axis.width }, () => " ");
  for (const tick of axis.ticks) cells[tick] = MARK.guide;
  if (today) cells[columnOf(axis, today)] = MARK.today;
  const { item, due } = line;
  if (item) {
    const [from, to] = [columnOf(axis, item.start), columnOf(axis, item.end)];
    cells.fill(item.from === "item" ? MARK.own : MARK.sprint, from, to + 1);
    if (item.start < axis.start) cells[from] = MARK.before;
    if (item.end > axis.end) cells[to] = MARK.after;
  }
  for (const day of due) cells[columnOf(axis, day)] = day < axis.start ? MARK.before : day > axis.end ? MARK.after : MARK.due;
  return cells.join("");
}

/** The dates beside a bar: the span, and the due days that are not its end. */
function datesText(item: RoadmapItem | undefined, due: readonly string[], withYear: boolean): string {
  const parts = item ? [rangeText(item.start, item.end, withYear)] : [];
  const extra = due.filter((day) => !item || day !== item.end);
  if (extra.length) parts.push(`due ${extra.map((day) => rangeText(day, day, withYear)).join(", ")}`);
  return parts.join(", ");
}

/** The two header lines over the bars: period labels where they fit, then ticks and today. */
function header(roadmap: Roadmap, axis: Axis, indent: string, today: string | null): string[] {
  const labels = Array.from({ length: axis.width + 12 }, () => " ");
  let free = 0;
  roadmap.periods.forEach((period, i) => {
    const at = axis.ticks[i];
    const label = periodLabel(roadmap, i);
    if (at < free || at + label.length > axis.width + 12) return;
    labels.splice(at, label.length, ...label);
    free = at + label.length + 1;
  });
  const rule: string[] = Array.from({ length: axis.width }, () => MARK.rule);
  for (const tick of axis.ticks) rule[tick] = MARK.tick;
  if (today) rule[columnOf(axis, today)] = MARK.todayHead;
  return [(indent + labels.join("")).trimEnd(), indent + rule.join("")];
}

/** A period's label: its id, a month as "Dec" ("Dec 2026" first and in January). */
function periodLabel(roadmap: Roadmap, i: number): string {
  const period = roadmap.periods[i];
  if (roadmap.by !== "month") return displayText(period.id);
  const name = shortDate(period.start, true)?.split(" ") ?? [period.id];
  return i === 0 || period.id.endsWith("-01") ? `${name[1]} ${name[2]}` : (name[1] ?? period.id);
}

const UNSCHEDULED_COLUMNS: readonly Column[] = [
  { header: "Id", max: 30 },
  { header: "Type" },
  { header: "Status", max: 12 },
  { header: "Title", min: 20, wrap: true },
];
const MILESTONE_COLUMNS: readonly Column[] = [
  { header: "Due" },
  { header: "Id", max: 30 },
  { header: "Lane", max: 20 },
  { header: "Title", min: 20, wrap: true },
];

/** The roadmap as a text Gantt for a terminal, `width` columns wide. */
export function formatRoadmapTable(roadmap: Roadmap, facts: RoadmapFacts, width = REPORT_WIDTH): string {
  const out = [...wrapWords(heading(roadmap, displayText, false), width), ...(roadmap.notes ?? []).flatMap((note) => wrapWords(`Note: ${displayText(note)}`, width, "", "  ")), ""];
  const lanes = byLaneRows(roadmap);
  const days = axisDays(roadmap);
  if (!days || !lanes.length) out.push("Nothing is scheduled: give initiatives and tactics start: and end: dates, a sprint: with dates, or a due: day.", "");
  else {
    const withYear = days.start.slice(0, 4) !== days.end.slice(0, 4);
    const lines = lanes.flatMap((lane) => lane.lines);
    const ids = lines.map((line) => displayText(line.id));
    const dates = lines.map((line) => datesText(line.item, line.due, withYear));
    const datesWidth = Math.min(24, Math.max(...dates.map((text) => text.length)));
    // The bars keep at least MIN_BAR columns; ids take what is left, up to their length.
    const labelWidth = Math.max(12, Math.min(width - datesWidth - 1 - MIN_BAR, Math.max(...ids.map((id) => id.length + 3))));
    const barWidth = Math.max(MIN_BAR, width - labelWidth - datesWidth - 1);
    const axis: Axis = { ...days, days: daysBetween(days.start, days.end) + 1, width: barWidth, ticks: [] };
    axis.ticks = roadmap.periods.map((period) => columnOf(axis, period.start));
    const today = roadmap.today >= days.start && roadmap.today <= days.end ? roadmap.today : null;
    out.push(...wrapWords(LEGEND, width), "");
    out.push(...header(roadmap, axis, " ".repeat(labelWidth), today));
    for (const lane of lanes) {
      out.push(truncate(laneTitle(roadmap, lane.lane, lane.budget, facts, displayText), width));
      for (const line of lane.lines) {
        const label = `  ${truncate(displayText(line.id), labelWidth - 3)}`.padEnd(labelWidth);
        out.push(`${label}${bar(axis, line, today)} ${truncate(datesText(line.item, line.due, withYear), width - labelWidth - barWidth - 1)}`.trimEnd());
      }
    }
    out.push("");
  }
  if (roadmap.milestones.length) out.push(`Milestones (${roadmap.milestones.length})`, ...renderTable(MILESTONE_COLUMNS, milestoneRows(roadmap, facts, displayText), width, "  "), "");
  out.push(`Unscheduled open work (${roadmap.unscheduled.length})`);
  out.push(...(roadmap.unscheduled.length ? renderTable(UNSCHEDULED_COLUMNS, unscheduledRows(roadmap, facts, displayText), width, "  ") : ["  (none: every open item has a span)"]), "");
  return out.join("\n");
}
