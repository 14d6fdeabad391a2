/**
 * The rows of `export` (SPEC §9): every open backlog item (`--all`: done and
 * dropped too) with the columns `id,title,type,track,pillar,kpis,score,rank,
 * status,sprint,start,end,due,budget`, and what the report and the calendar
 * show besides. Score and rank are the backlog's.
 */
import { budgetOf, buildBacklog, channelsOf, dueOf, spanOf, type BacklogEntry, type Item, type StrategyWorkspace, type Track, type UnrankedEntry } from "../core/index";
import { displayScore } from "./format-table";

/** The columns of the CSV and the keys of the JSON, in order (SPEC §9). */
export const EXPORT_COLUMNS = ["id", "title", "type", "track", "pillar", "kpis", "score", "rank", "status", "sprint", "start", "end", "due", "budget"] as const;

/** One exported item: SPEC §9's keys, null where there is nothing. */
export interface ExportRow {
  id: string;
  title: string;
  type: "initiative" | "tactic";
  track: Track;
  /** The effective pillar (own, else through the initiative). */
  pillar: string | null;
  /** The effective KPIs (own, else the initiative's), each once. */
  kpis: string[];
  /** Rounded to 2 decimals; null for an item the scoring model cannot score. */
  score: number | null;
  /** Within its track; null when unranked. */
  rank: number | null;
  status: string | null;
  sprint: string | null;
  /** The span's first and last day (own dates, else the sprint's). */
  start: string | null;
  end: string | null;
  due: string | null;
  budget: number | null;
}

/** A row and what the report and the calendar show besides. */
export interface ExportEntry {
  row: ExportRow;
  item: Item;
  /** Where the span's days come from, when it has one. */
  from: "item" | "sprint" | null;
  channels: string[];
  /** 1 for a unique id; else its place (1-based, document order) among the backlog items sharing the id. */
  copy: number;
  file: string;
  line: number;
}

/** Everything a formatter needs. */
export interface ExportData {
  entries: ExportEntry[];
  /** `YYYY-MM-DD`: the report's date and the calendar's DTSTAMP, so a run can be reproduced. */
  today: string;
  all: boolean;
  /** config `budget.currency`, or null. */
  currency: string | null;
  /** The workspace root's folder name, naming the calendar. */
  name: string;
}

/**
 * The rows, per track (strategic first): ranked items by rank, then those that
 * cannot be scored, in the backlog's order.
 */
export function exportEntries(workspace: StrategyWorkspace, options: { all?: boolean } = {}): ExportEntry[] {
  const backlog = buildBacklog(workspace, { all: options.all === true });
  const find = itemFinder(workspace);
  const out: ExportEntry[] = [];
  for (const track of ["strategic", "tactical"] as const) {
    for (const entry of backlog.items) if (entry.track === track) out.push(entryOf(workspace, find(entry), entry, displayScore(entry.score), entry.rank));
    for (const entry of backlog.unranked) if (entry.track === track) out.push(entryOf(workspace, find(entry), entry, null, null));
  }
  return out;
}

type Listed = BacklogEntry | UnrankedEntry;

/** A text cell's value: printable, null for none or nothing left. */
const nullable = (text: string | undefined): string | null => (text ? printable(text) || null : null);

/**
 * Document text without control characters other than tab and line breaks: a
 * BEL or an escape sequence in a title means nothing in a spreadsheet, a wiki
 * or a calendar, and would act on a terminal that shows the export.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, "");
}

function entryOf(workspace: StrategyWorkspace, item: Item, entry: Listed, score: number | null, rank: number | null): ExportEntry {
  const { index } = workspace;
  const span = spanOf(index, item);
  const sprint = item.refs.find((ref) => ref.field === "sprint");
  const status = typeof item.data.status === "string" ? nullable(item.data.status.trim()) : null;
  const row: ExportRow = {
    id: printable(item.id),
    title: printable(entry.title),
    type: item.kind === "initiative" ? "initiative" : "tactic",
    track: entry.track,
    pillar: nullable(index.pillarOf(item)?.id ?? index.pillarRefs(item).refs[0]?.id),
    kpis: kpisOf(workspace, item),
    score,
    rank,
    status,
    sprint: nullable(sprint?.id),
    start: span?.start ?? null,
    end: span?.end ?? null,
    due: dueOf(item),
    budget: budgetOf(item),
  };
  const copy = index.itemsWithId(item.id).filter((other) => other.track).indexOf(item) + 1;
  return { row, item, from: span?.from ?? null, channels: channelsOf(item), copy: Math.max(copy, 1), file: entry.file, line: entry.line };
}

/** The effective KPI ids (as the KPI's own file spells them when it exists), each once. */
function kpisOf(workspace: StrategyWorkspace, item: Item): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const ref of workspace.index.kpiRefs(item).refs) {
    if (seen.has(ref.key)) continue;
    seen.add(ref.key);
    out.push(printable(workspace.index.resolve(ref).item?.id ?? ref.id));
  }
  return out;
}

/**
 * The item a backlog entry describes. Entries name their item by file, id and
 * line; several items of one file share an id only in a broken file, and then
 * the line tells them apart.
 */
function itemFinder(workspace: StrategyWorkspace): (entry: Listed) => Item {
  return (entry) => {
    const items = workspace.index.files.get(entry.file)?.items.filter((item) => item.id === entry.id && item.track) ?? [];
    if (items.length <= 1) {
      if (items[0]) return items[0];
      throw new Error(`the backlog lists ${entry.id} in ${entry.file}, which has no such item`);
    }
    return items.find((item) => item.doc.lines().positionAt(item.idStart).line + 1 === entry.line) ?? items[0];
  };
}
