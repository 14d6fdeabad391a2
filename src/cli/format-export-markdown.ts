/**
 * `export --format markdown`: a backlog report a lead pastes into a wiki — a
 * heading, a few sentences of totals, then one GitHub table per track with
 * rank, score, pillar, KPIs, status, sprint, dates, due and budget. Text from
 * the documents is escaped so it shows as written and never as markup.
 */
import { formatMoney, type Track } from "../core/index";
import type { ExportData, ExportEntry } from "./format-export-rows";
import { markdownTable, markdownText, type Column } from "./format-table";

const TRACK_TITLES: Record<Track, string> = { strategic: "Strategic backlog", tactical: "Tactical backlog" };

function columns(currency: string | null): Column[] {
  return [
    { header: "Rank", align: "right" },
    { header: "Score", align: "right" },
    { header: "Id", text: true },
    { header: "Title", text: true },
    { header: "Pillar", text: true },
    { header: "KPIs", text: true },
    { header: "Status", text: true },
    { header: "Sprint", text: true },
    { header: "Dates" },
    { header: "Due" },
    { header: currency ? `Budget (${currency})` : "Budget", align: "right" },
  ];
}

/** A cell with nothing in it: an en dash, which markdown never reads as a list bullet (a `-` in a text cell would need escaping). */
const NONE = "–";
const cell = (value: string | number | null): string => (value === null || value === "" ? NONE : String(value));

/** The span as a range, marked when it is the sprint's. */
function datesCell(entry: ExportEntry): string {
  const { start, end } = entry.row;
  if (!start || !end) return NONE;
  const range = start === end ? start : `${start} – ${end}`;
  return entry.from === "sprint" ? `${range} (sprint)` : range;
}

function rowCells(entry: ExportEntry): string[] {
  const { row } = entry;
  return [
    cell(row.rank),
    row.score === null ? NONE : row.score.toFixed(2),
    row.id,
    row.title,
    cell(row.pillar),
    cell(row.kpis.join(", ")),
    cell(row.status),
    cell(row.sprint),
    datesCell(entry),
    cell(row.due),
    row.budget === null ? NONE : formatMoney(row.budget),
  ];
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

function budgetTotal(entries: readonly ExportEntry[]): { sum: number; counted: number } {
  let sum = 0;
  let counted = 0;
  for (const { row } of entries) {
    if (row.budget === null) continue;
    sum += row.budget;
    counted++;
  }
  return { sum, counted };
}

/** The sentences under the heading: what is in the report, and its totals. */
function summary(data: ExportData): string[] {
  const { entries } = data;
  const strategic = entries.filter((entry) => entry.row.track === "strategic").length;
  const scheduled = entries.filter((entry) => entry.row.start).length;
  const milestones = entries.filter((entry) => !entry.row.start && entry.row.due).length;
  const unranked = entries.filter((entry) => entry.row.rank === null).length;
  const scope = data.all ? "every initiative and tactic, done and dropped included" : "the open initiatives and tactics (done and dropped left out)";
  const out = [
    `Exported on ${data.today}: ${scope}, ranked within each track by the workspace's scoring model.`,
    "",
    `- ${plural(entries.length, "item")}: ${strategic} strategic, ${entries.length - strategic} tactical${unranked ? `; ${unranked} cannot be scored yet (no rank)` : ""}`,
    `- ${scheduled} scheduled (own dates, else their sprint's), ${milestones} with only a due date, ${entries.length - scheduled - milestones} unscheduled`,
  ];
  const money = budgetTotal(entries);
  if (money.counted) out.push(`- Budget: ${formatMoney(money.sum, data.currency)} over the ${plural(money.counted, "item")} that state one`);
  return out;
}

/** The report: heading, totals, one table per track. */
export function formatExportMarkdown(data: ExportData): string {
  const out = [`# Backlog: ${markdownText(data.name)}`, "", ...summary(data), ""];
  const table = columns(data.currency);
  for (const track of ["strategic", "tactical"] as const) {
    const entries = data.entries.filter((entry) => entry.row.track === track);
    const money = budgetTotal(entries);
    const total = money.counted ? ` · ${formatMoney(money.sum, data.currency)}` : "";
    out.push(`## ${TRACK_TITLES[track]} (${entries.length}${total})`, "");
    out.push(...(entries.length ? markdownTable(table, entries.map(rowCells)) : [data.all ? "_No items._" : "_No open items._"]), "");
  }
  return out.join("\n");
}
