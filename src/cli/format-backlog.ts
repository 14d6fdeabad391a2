/** `backlog` output: aligned text tables, JSON (SPEC §6) and GitHub markdown tables. */
import type { Backlog, BacklogEntry, Track, UnrankedEntry } from "../core/index";
import { dash, displayScore, markdownTable, renderTable, TABLE_WIDTH, type Column } from "./format-table";

export type TableFormat = "table" | "json" | "markdown";
export const TABLE_FORMATS: readonly TableFormat[] = ["table", "json", "markdown"];

const TRACK_TITLES: Record<Track, string> = { strategic: "Strategic backlog", tactical: "Tactical backlog" };

const ITEM_COLUMNS: readonly Column[] = [
  { header: "Rank", align: "right" },
  { header: "Score", align: "right" },
  { header: "Id", max: 40 },
  { header: "Title", max: 40, min: 24, wrap: true, text: true },
  { header: "Pillar", max: 30 },
  { header: "Est.", align: "right" },
  { header: "Sprint" },
  { header: "Status" },
];

const UNRANKED_COLUMNS: readonly Column[] = [
  { header: "Id" },
  { header: "Track" },
  { header: "File", text: true },
  { header: "Missing" },
];

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

/** SPEC §6: the SPEC's keys first (score rounded to 2 decimals), then `budget` (SPEC §9, always) and `explanation`, then the team's `scores` and `spread` where they apply (SPEC §9); `breakdown` is left out. */
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
    // SPEC §9: always present, null when the item states no budget (one shape for parsers).
    budget: entry.budget,
    explanation: entry.explanation,
    // Undefined when nobody scored the item: JSON leaves the key out.
    scores: entry.scores,
    spread: entry.spread,
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
    // Undefined when nobody scored the item: JSON leaves the key out.
    scores: entry.scores,
    spread: entry.spread,
  }));
  return JSON.stringify({ items, unranked }, null, 2) + "\n";
}
