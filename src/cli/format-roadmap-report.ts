/**
 * `roadmap` output besides the text Gantt: the flags, what the reports show
 * beside ids (titles, the currency), JSON (SPEC §9, keys in its order) and the
 * GitHub markdown a lead pastes into a wiki — and the pieces the table shares:
 * the heading, lane titles, lines per lane, milestone and unscheduled rows.
 */
import { formatMoney, itemTitle, ROADMAP_BY, ROADMAP_LANES, shortDate, type Roadmap, type RoadmapBy, type RoadmapItem, type RoadmapLanes, type StrategyWorkspace } from "../core/index";
import { markdownEscape, NONE, plainText, type Escape } from "./format-review";
import { markdownTable, type Column } from "./format-table";

/** What the reports show of the ids a roadmap names, and how money is labelled. */
export interface RoadmapFacts {
  item(id: string): { title: string; type: string; status: string | null } | undefined;
  /** A pillar's title, for pillar lanes. */
  pillarTitle(id: string): string | undefined;
  /** config `budget.currency`, or null. */
  currency: string | null;
}

/** The facts of a workspace's items and pillars. */
export function roadmapFacts(workspace: StrategyWorkspace): RoadmapFacts {
  const { index } = workspace;
  const currency = workspace.getConfig().budget?.currency?.trim();
  return {
    item(id) {
      const item = index.find(id, ["initiative", "tactic"]);
      return item && { title: itemTitle(item), type: item.kind, status: typeof item.data.status === "string" ? item.data.status : null };
    },
    pillarTitle(id) {
      const pillar = index.find(id, ["pillar"]);
      return pillar?.kind === "pillar" ? itemTitle(pillar) : undefined;
    },
    currency: currency || null,
  };
}

/** `--by` and `--lanes` checked, defaults filled in; or the usage error, in words. */
export function parseRoadmapFlags(by: string | undefined, lanes: string | undefined): { by: RoadmapBy; lanes: RoadmapLanes } | { error: string } {
  if (by !== undefined && !(ROADMAP_BY as readonly string[]).includes(by)) return { error: `unknown --by '${by}' (use ${ROADMAP_BY.join(", ")})` };
  if (lanes !== undefined && !(ROADMAP_LANES as readonly string[]).includes(lanes)) return { error: `unknown --lanes '${lanes}' (use ${ROADMAP_LANES.join(", ")})` };
  return { by: (by ?? ROADMAP_BY[0]) as RoadmapBy, lanes: (lanes ?? ROADMAP_LANES[0]) as RoadmapLanes };
}

/** One line of a lane: a scheduled item with the due days it has in that lane, or a milestone alone. */
export interface LaneLine {
  id: string;
  item?: RoadmapItem;
  due: string[];
}

/** Each lane's lines: its items in order, then the milestones of items with no span there, by day; and the lane's budget. */
export function byLaneRows(roadmap: Roadmap): Array<{ lane: string | null; lines: LaneLine[]; budget: number }> {
  const dueIn = new Map<string, string[]>();
  const key = (lane: string | null, id: string) => `${lane === null ? "\u0000" : `=${lane}`}\u0000${id}`;
  for (const milestone of roadmap.milestones) {
    const list = dueIn.get(key(milestone.lane, milestone.id)) ?? [];
    dueIn.set(key(milestone.lane, milestone.id), [...list, milestone.due]);
  }
  return roadmap.rows.map((row) => {
    const lines: LaneLine[] = row.items.map((item) => ({ id: item.id, item, due: dueIn.get(key(row.lane, item.id)) ?? [] }));
    const shown = new Set(row.items.map((item) => item.id));
    for (const milestone of roadmap.milestones) {
      if (milestone.lane !== row.lane || shown.has(milestone.id)) continue;
      shown.add(milestone.id);
      lines.push({ id: milestone.id, due: dueIn.get(key(row.lane, milestone.id)) ?? [] });
    }
    return { lane: row.lane, lines, budget: row.items.reduce((sum, item) => sum + (item.budget ?? 0), 0) };
  });
}

const BY_WORDS: Record<RoadmapBy, string> = { quarter: "quarter", sprint: "sprint", month: "month" };
const day = (date: string) => shortDate(date) ?? date;

/** "Roadmap by quarter, lanes by pillar: 2026-Q4 to 2027-Q1 (1 Oct 2026 – 31 Mar 2027). Today 30 Nov 2026." (the days in brackets `withDays`) */
export function heading(roadmap: Roadmap, esc: Escape, withDays = true): string {
  const { periods } = roadmap;
  const first = periods[0];
  const last = periods[periods.length - 1];
  const days = !first || !withDays ? "" : ` (${day(first.start)} – ${day(last.end)})`;
  const span = !first ? "" : first === last ? `: ${esc(first.id)}${days}` : `: ${esc(first.id)} to ${esc(last.id)}${days}`;
  return `Roadmap by ${BY_WORDS[roadmap.by]}, lanes by ${roadmap.lanes}${span}. Today ${day(roadmap.today)}.`;
}

/** A lane's title: a pillar's title and id, a channel, a track; "No pillar" (or channel) for the null lane; with its budget. */
export function laneTitle(roadmap: Roadmap, lane: string | null, budget: number, facts: RoadmapFacts, esc: Escape): string {
  let title: string;
  if (lane === null) title = roadmap.lanes === "track" ? "No track" : `No ${roadmap.lanes}`;
  else if (roadmap.lanes === "track") title = `${lane.charAt(0).toUpperCase()}${lane.slice(1)} track`;
  else if (roadmap.lanes === "pillar") {
    const name = facts.pillarTitle(lane);
    title = name && name.toLowerCase() !== lane.toLowerCase() ? `${esc(name)} (${esc(lane)})` : esc(lane);
  } else title = `Channel ${esc(lane)}`;
  return budget > 0 ? `${title} · budget ${formatMoney(budget, facts.currency)}` : title;
}

/** Due, id, lane, title of each milestone. */
export function milestoneRows(roadmap: Roadmap, facts: RoadmapFacts, esc: Escape): string[][] {
  return roadmap.milestones.map((m) => [m.due, esc(m.id), m.lane === null ? NONE : esc(m.lane), esc(facts.item(m.id)?.title ?? "")]);
}

/** Id, type, status, title of each unscheduled item. */
export function unscheduledRows(roadmap: Roadmap, facts: RoadmapFacts, esc: Escape): string[][] {
  return roadmap.unscheduled.map((id) => {
    const item = facts.item(id);
    return [esc(id), item?.type ?? NONE, item?.status ? esc(item.status) : NONE, esc(item?.title ?? "")];
  });
}

/** The periods a span meets: one id, or the first and last ("2026-Q4 – 2027-Q1"); "—" when it lies outside them all. */
function periodsCell(roadmap: Roadmap, item: RoadmapItem, esc: Escape): string {
  const met = roadmap.periods.filter((period) => period.start <= item.end && item.start <= period.end);
  if (!met.length) return NONE;
  return met.length === 1 ? esc(met[0].id) : `${esc(met[0].id)} – ${esc(met[met.length - 1].id)}`;
}

const ITEM_COLUMNS: readonly Column[] = [
  { header: "Item", text: true },
  { header: "Title", text: true },
  { header: "Type" },
  { header: "Start" },
  { header: "End" },
  { header: "Dates from" },
  { header: "Periods", text: true },
  { header: "Due" },
  { header: "Status", text: true },
  { header: "Budget", align: "right", text: true },
];
const MILESTONE_COLUMNS: readonly Column[] = [{ header: "Due" }, { header: "Item", text: true }, { header: "Lane", text: true }, { header: "Title", text: true }];
const UNSCHEDULED_COLUMNS: readonly Column[] = [{ header: "Item", text: true }, { header: "Type" }, { header: "Status", text: true }, { header: "Title", text: true }];

/** A lane line as a markdown table row (cells as text: the table escapes them). */
function itemRow(roadmap: Roadmap, facts: RoadmapFacts, { id, item, due }: LaneLine): string[] {
  const known = facts.item(id);
  const status = item ? item.status : (known?.status ?? null);
  return [
    plainText(id), plainText(known?.title ?? ""), item?.type ?? known?.type ?? NONE, item?.start ?? NONE, item?.end ?? NONE,
    item ? (item.from === "item" ? "own dates" : "sprint") : NONE, item ? periodsCell(roadmap, item, plainText) : NONE,
    due.length ? due.join(", ") : NONE, status ? plainText(status) : NONE,
    item?.budget == null ? NONE : plainText(formatMoney(item.budget, facts.currency)),
  ];
}

/** The roadmap as GitHub markdown for a wiki page: a table per lane, then milestones and unscheduled work; document text escaped. */
export function formatRoadmapMarkdown(roadmap: Roadmap, facts: RoadmapFacts): string {
  const out = ["## Roadmap", "", heading(roadmap, markdownEscape), ""];
  for (const note of roadmap.notes ?? []) out.push(`> **Note:** ${markdownEscape(note)}`, "");
  const lanes = byLaneRows(roadmap);
  if (!lanes.length) out.push("_Nothing is scheduled: give initiatives and tactics `start:` and `end:` dates, a `sprint:` with dates, or a `due:` day._", "");
  for (const lane of lanes) {
    out.push(`### ${laneTitle(roadmap, lane.lane, lane.budget, facts, markdownEscape)}`, "");
    out.push(...markdownTable(ITEM_COLUMNS, lane.lines.map((line) => itemRow(roadmap, facts, line))), "");
  }
  if (roadmap.milestones.length) out.push("### Milestones", "", ...markdownTable(MILESTONE_COLUMNS, milestoneRows(roadmap, facts, plainText)), "");
  out.push("### Unscheduled open work", "");
  if (roadmap.unscheduled.length) out.push(...markdownTable(UNSCHEDULED_COLUMNS, unscheduledRows(roadmap, facts, plainText)), "");
  else out.push("_None: every open initiative and tactic has a span._", "");
  return out.join("\n");
}

/** SPEC §9's JSON, keys in its order (`notes` last, only when there is one). */
export function formatRoadmapJson(roadmap: Roadmap): string {
  const json = {
    by: roadmap.by,
    lanes: roadmap.lanes,
    today: roadmap.today,
    periods: roadmap.periods.map((p) => ({ id: p.id, start: p.start, end: p.end })),
    rows: roadmap.rows.map((row) => ({
      lane: row.lane,
      items: row.items.map((i) => ({ id: i.id, type: i.type, start: i.start, end: i.end, from: i.from, status: i.status, budget: i.budget })),
    })),
    milestones: roadmap.milestones.map((m) => ({ id: m.id, due: m.due, lane: m.lane })),
    unscheduled: roadmap.unscheduled,
    ...(roadmap.notes?.length ? { notes: roadmap.notes } : {}),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
