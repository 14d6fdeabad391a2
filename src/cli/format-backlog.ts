/** `backlog` output: aligned text tables, JSON (SPEC §6) and GitHub markdown tables. */
import type { Backlog, BacklogEntry, Track, UnrankedEntry } from "../core/index";

export type TableFormat = "table" | "json" | "markdown";
export const TABLE_FORMATS: readonly TableFormat[] = ["table", "json", "markdown"];

/** The width text tables are fitted to. */
export const TABLE_WIDTH = 100;

/** Scores are shown and printed with at most 2 decimals. */
export function displayScore(score: number): number {
  return Math.round(score * 100) / 100;
}

/**
 * A column of a text table. A column with `min` gives up width, down to `min`,
 * to fit the table; if that is not enough, a `wrap` column moves to a line of
 * its own under each row (starting under the column before it).
 */
export interface Column {
  header: string;
  align?: "left" | "right";
  max?: number;
  min?: number;
  wrap?: boolean;
}

/** Cuts a cell to `width` characters, ending it with "…" when cut. */
export function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

const GAP = 2;

/** Lays out rows as aligned columns (two spaces apart) within `width` where it can; returns the lines. */
export function renderTable(columns: readonly Column[], rows: readonly string[][], width = TABLE_WIDTH, indent = ""): string[] {
  const widths = columns.map((column, i) => Math.min(column.max ?? Infinity, Math.max(column.header.length, ...rows.map((row) => row[i].length))));
  const total = () => indent.length + widths.reduce((a, b) => a + b, 0) + GAP * (widths.filter((w) => w > 0).length - 1);
  let wrapped = -1;
  for (const [i, column] of columns.entries()) {
    const excess = total() - width;
    if (excess <= 0 || column.min === undefined) continue;
    const floor = Math.max(column.min, column.header.length);
    widths[i] -= Math.max(0, Math.min(excess, widths[i] - floor));
    if (total() > width && column.wrap && wrapped < 0 && i > 0) {
      wrapped = i;
      widths[i] = 0;
    }
  }
  const shown = columns.map((_, i) => i).filter((i) => i !== wrapped);
  const line = (cells: readonly string[]) =>
    (indent + shown.map((i) => {
      const text = truncate(cells[i], widths[i]);
      return columns[i].align === "right" ? text.padStart(widths[i]) : text.padEnd(widths[i]);
    }).join(" ".repeat(GAP))).trimEnd();
  const out = [line(columns.map((column) => column.header))];
  const under = indent.length + shown.filter((i) => i < wrapped - 1).reduce((sum, i) => sum + widths[i] + GAP, 0);
  for (const row of rows) {
    out.push(line(row));
    if (wrapped >= 0 && row[wrapped]) out.push(" ".repeat(under) + truncate(row[wrapped], Math.max(20, width - under)));
  }
  return out;
}

/** A markdown table cell: `|` escaped, no line breaks. */
export function markdownCell(text: string): string {
  return text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
}

/** A GitHub markdown table. */
export function markdownTable(columns: readonly Column[], rows: readonly string[][]): string[] {
  const head = `| ${columns.map((column) => markdownCell(column.header)).join(" | ")} |`;
  const rule = `|${columns.map((column) => (column.align === "right" ? "---:" : "---")).join("|")}|`;
  return [head, rule, ...rows.map((row) => `| ${row.map(markdownCell).join(" | ")} |`)];
}

const TRACK_TITLES: Record<Track, string> = { strategic: "Strategic backlog", tactical: "Tactical backlog" };

const ITEM_COLUMNS: readonly Column[] = [
  { header: "Rank", align: "right" },
  { header: "Score", align: "right" },
  { header: "Id", max: 40 },
  { header: "Title", max: 40, min: 24, wrap: true },
  { header: "Pillar", max: 30 },
  { header: "Est.", align: "right" },
  { header: "Sprint" },
  { header: "Status" },
];

const UNRANKED_COLUMNS: readonly Column[] = [
  { header: "Id" },
  { header: "Track" },
  { header: "File" },
  { header: "Missing" },
];

const dash = (value: string | number | null | undefined) => (value === null || value === undefined || value === "" ? "-" : String(value));

function itemRow(entry: BacklogEntry): string[] {
  return [String(entry.rank), displayScore(entry.score).toFixed(2), entry.id, entry.title, dash(entry.pillar), dash(entry.estimate), dash(entry.sprint), dash(entry.status)];
}

function unrankedRow(entry: UnrankedEntry): string[] {
  const missing = entry.missing.length ? entry.missing.join(", ") : (entry.reason ?? "cannot be scored");
  return [entry.id, entry.track, `${entry.file}:${entry.line}`, missing];
}

function byTrack(backlog: Backlog, track: Track): BacklogEntry[] {
  return backlog.items.filter((entry) => entry.track === track);
}

/** Two ranked tables, then the unranked items and what each lacks. */
export function formatBacklogTable(backlog: Backlog, width = TABLE_WIDTH): string {
  const out: string[] = [];
  for (const track of ["strategic", "tactical"] as const) {
    const entries = byTrack(backlog, track);
    out.push(`${TRACK_TITLES[track]} (${entries.length})`);
    if (entries.length) out.push(...renderTable(ITEM_COLUMNS, entries.map(itemRow), width));
    else out.push("  (nothing to rank)");
    out.push("");
  }
  if (backlog.unranked.length) {
    out.push(`Unranked (${backlog.unranked.length}): add the missing scoring fields`);
    out.push(...renderTable(UNRANKED_COLUMNS, backlog.unranked.map(unrankedRow), width), "");
  }
  return out.join("\n");
}

/** The same tables as GitHub markdown; titles are not cut. */
export function formatBacklogMarkdown(backlog: Backlog): string {
  const out: string[] = [];
  for (const track of ["strategic", "tactical"] as const) {
    const entries = byTrack(backlog, track);
    out.push(`## ${TRACK_TITLES[track]}`, "");
    out.push(...(entries.length ? markdownTable(ITEM_COLUMNS, entries.map(itemRow)) : ["_Nothing to rank._"]), "");
  }
  if (backlog.unranked.length) {
    out.push("## Unranked", "", ...markdownTable(UNRANKED_COLUMNS, backlog.unranked.map(unrankedRow)), "");
  }
  return out.join("\n");
}

/** SPEC §6: the SPEC's keys first (score rounded to 2 decimals), then `explanation`; `breakdown` is left out. */
export function formatBacklogJson(backlog: Backlog): string {
  const items = backlog.items.map((entry) => ({
    id: entry.id,
    title: entry.title,
    type: entry.type,
    track: entry.track,
    pillar: entry.pillar,
    score: displayScore(entry.score),
    rank: entry.rank,
    estimate: entry.estimate,
    sprint: entry.sprint,
    status: entry.status,
    file: entry.file,
    line: entry.line,
    explanation: entry.explanation,
  }));
  const unranked = backlog.unranked.map((entry) => ({
    id: entry.id,
    missing: entry.missing,
    ...(entry.reason ? { reason: entry.reason } : {}),
    title: entry.title,
    type: entry.type,
    track: entry.track,
    file: entry.file,
    line: entry.line,
  }));
  return JSON.stringify({ items, unranked }, null, 2) + "\n";
}
