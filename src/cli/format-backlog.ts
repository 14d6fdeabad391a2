/** `backlog` output: aligned text tables, JSON (SPEC §6) and GitHub markdown tables. */
import type { Backlog, BacklogEntry, Track, UnrankedEntry } from "../core/index";

export type TableFormat = "table" | "json" | "markdown";
export const TABLE_FORMATS: readonly TableFormat[] = ["table", "json", "markdown"];

/** The width text tables are fitted to. */
export const TABLE_WIDTH = 100;

/** Scores are shown and printed with at most 2 decimals. */
export function roundScore(score: number): number {
  return Math.round(score * 100) / 100;
}

/** A column of a text table. Columns with `min` give up width, lowest `shrink` first, to fit the table. */
export interface Column {
  header: string;
  align?: "left" | "right";
  max?: number;
  min?: number;
  shrink?: number;
}

/** Cuts a cell to `width` characters, ending it with "…" when cut. */
export function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

/** Lays out rows as aligned columns (two spaces apart) within `width`; returns the lines. */
export function renderTable(columns: readonly Column[], rows: readonly string[][], width = TABLE_WIDTH, indent = ""): string[] {
  const gap = 2;
  const widths = columns.map((column, i) => Math.min(column.max ?? Infinity, Math.max(column.header.length, ...rows.map((row) => row[i].length))));
  let excess = indent.length + widths.reduce((a, b) => a + b, 0) + gap * (columns.length - 1) - width;
  const order = columns.map((column, i) => ({ column, i })).filter(({ column }) => column.min !== undefined).sort((a, b) => (a.column.shrink ?? 0) - (b.column.shrink ?? 0));
  for (const { column, i } of order) {
    if (excess <= 0) break;
    const give = Math.max(0, Math.min(excess, widths[i] - Math.max(column.min!, column.header.length)));
    widths[i] -= give;
    excess -= give;
  }
  const line = (cells: readonly string[]) =>
    (indent + cells.map((cell, i) => {
      const text = truncate(cell, widths[i]);
      return columns[i].align === "right" ? text.padStart(widths[i]) : text.padEnd(widths[i]);
    }).join(" ".repeat(gap))).trimEnd();
  return [line(columns.map((column) => column.header)), ...rows.map(line)];
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
  { header: "Id", min: 20, shrink: 3 },
  { header: "Title", max: 40, min: 16, shrink: 1 },
  { header: "Pillar", min: 12, shrink: 2 },
  { header: "Est.", align: "right" },
  { header: "Sprint" },
  { header: "Status" },
];

const UNRANKED_COLUMNS: readonly Column[] = [
  { header: "Id" },
  { header: "Track" },
  { header: "Missing", max: 40, min: 12, shrink: 1 },
  { header: "File", min: 16, shrink: 2 },
];

const dash = (value: string | number | null | undefined) => (value === null || value === undefined || value === "" ? "-" : String(value));

function itemRow(entry: BacklogEntry): string[] {
  return [String(entry.rank), roundScore(entry.score).toFixed(2), entry.id, entry.title, dash(entry.pillar), dash(entry.estimate), dash(entry.sprint), dash(entry.status)];
}

function unrankedRow(entry: UnrankedEntry): string[] {
  const missing = entry.missing.length ? `missing ${entry.missing.join(", ")}` : (entry.reason ?? "cannot be scored");
  return [entry.id, entry.track, missing, `${entry.file}:${entry.line}`];
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
    score: roundScore(entry.score),
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
