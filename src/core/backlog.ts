/**
 * The ranked dual-track backlog (SPEC §3) and the sprint plan (SPEC §4) over a
 * workspace: the glue between the index and the pure scoring and planning modules.
 */
import { isClosed } from "./model/kinds";
import type { ScoringConfig, Split, Track } from "./config/types";
import type { Item } from "./model/item";
import { planSprint, type PlanItem, type SprintPlan } from "./plan/index";
import { itemTitle } from "./parse/title";
import { createScorer, rankItems, teamEntry, type Scorer, type ScoreTerm } from "./score/index";
import { datedSprint, hasEnded, plannableSprint, sprintStates } from "./plan/sprint-state";
import type { StrategyWorkspace } from "./workspace";
import { budgetOf } from "./budget/spend";

/** One ranked backlog item, as `backlog --format json` prints it (plus `breakdown`). */
export interface BacklogEntry {
  id: string;
  title: string;
  type: Item["kind"];
  track: Track;
  /** The effective pillar id (own, else through the initiative). */
  pillar: string | null;
  score: number;
  /** Rank within its track, 1 = first. */
  rank: number;
  estimate: number | null;
  /** The money the item itself costs (its own `budget`; an initiative's excludes its tactics'), null when it states none. */
  budget: number | null;
  sprint: string | null;
  status: string | null;
  file: string;
  /** 1-based line of the item's `type:`/`id:`. */
  line: number;
  breakdown: ScoreTerm[];
  explanation: string;
  /** Each person's values under `scores:` (SPEC §9), when someone scored the item. */
  scores?: Record<string, Record<string, number>>;
  /** max − min of the people's values per field at least two people scored, when there is one. */
  spread?: Record<string, number>;
}

export interface UnrankedEntry {
  id: string;
  title: string;
  type: Item["kind"];
  track: Track;
  missing: string[];
  reason?: string;
  file: string;
  line: number;
  scores?: Record<string, Record<string, number>>;
  spread?: Record<string, number>;
}

export interface Backlog {
  items: BacklogEntry[];
  unranked: UnrankedEntry[];
}

export interface BacklogOptions {
  /** A what-if scoring model instead of the configured one. */
  scoring?: ScoringConfig;
  /** Include done and dropped items (default: open items only). */
  all?: boolean;
}


/** Every backlog item (initiatives and tactics) of the workspace. */
export function backlogItems(workspace: StrategyWorkspace): Item[] {
  const out: Item[] = [];
  for (const item of workspace.index.items()) if (item.track) out.push(item);
  return out;
}

/** The 1-based line of an offset, by counting line breaks (cheaper than a line table for one lookup near the top). */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf("\n"); at !== -1 && at < offset; at = text.indexOf("\n", at + 1)) line++;
  return line;
}

/** The result of {@link backlogInfo}. */
export type BacklogInfo = ReturnType<typeof backlogInfo>;

/** What the backlog shows of an item besides its score. */
export function backlogInfo(workspace: StrategyWorkspace, item: Item) {
  const sprint = item.refs.find((ref) => ref.field === "sprint");
  return {
    id: item.id,
    title: itemTitle(item),
    type: item.kind,
    track: item.track as Track,
    // The effective pillar (own, else through the initiative) as its own file spells its id.
    pillar: workspace.index.pillarOf(item)?.id ?? workspace.index.pillarRefs(item).refs[0]?.id ?? null,
    estimate: typeof item.data.estimate === "number" ? item.data.estimate : null,
    budget: budgetOf(item),
    sprint: sprint?.id ?? null,
    status: typeof item.data.status === "string" ? item.data.status : null,
    file: item.file,
    // A one-item file: count lines to its front matter (no line table per file); an `items:`
    // list: the file's line table, built once for all its items.
    line: item.index === -1 ? lineAt(item.doc.text, item.idStart) : item.doc.lines().positionAt(item.idStart).line + 1,
  };
}

/** Ranks each track's items on its own (SPEC §3: the dual-track backlog). */
export function rankTracks(items: readonly Item[], scoring: ScoringConfig) {
  return (["strategic", "tactical"] as const).map((track) => rankItems(items.filter((item) => item.track === track), (item) => item.data, (item) => item.id, scoring));
}

/** Ranks each track's backlog by score; items that cannot be scored are listed apart. */
export function buildBacklog(workspace: StrategyWorkspace, options: BacklogOptions = {}): Backlog {
  const scoring = options.scoring ?? workspace.getConfig().scoring;
  const items = backlogItems(workspace).filter((item) => options.all || !isClosed(item));
  const result: Backlog = { items: [], unranked: [] };
  for (const ranking of rankTracks(items, scoring)) {
    for (const entry of ranking.ranked) {
      result.items.push({ ...backlogInfo(workspace, entry.item), score: entry.score, rank: entry.rank, breakdown: entry.breakdown, explanation: entry.explanation, ...teamEntry(entry.item) });
    }
    for (const entry of ranking.unranked) {
      const info = backlogInfo(workspace, entry.item);
      result.unranked.push({ id: info.id, title: info.title, type: info.type, track: info.track, missing: entry.missing, ...(entry.reason ? { reason: entry.reason } : {}), file: info.file, line: info.line, ...teamEntry(entry.item) });
    }
  }
  return result;
}

export interface PlanOptions {
  scoring?: ScoringConfig;
  /** Scores already computed with `scoring` (the board ranks once for both views). */
  scores?: ReadonlyMap<Item, { score: number; rank: number }>;
  /** {@link backlogInfo} of the items, when already computed. */
  infos?: ReadonlyMap<Item, BacklogInfo>;
  /** The workspace's backlog items ({@link backlogItems}), when already listed. */
  items?: readonly Item[];
  /** A what-if split instead of the sprint's own. */
  split?: Split;
  /** `YYYY-MM-DD`: whether the sprint has ended (default: the workspace's today). */
  today?: string;
}

/** A sprint plan and what the planner knew of each backlog item (by lower-case id), for display. */
export interface PlanResult {
  plan: SprintPlan;
  items: ReadonlyMap<string, PlanItem>;
}

/** The capacity split and proposal of a sprint, or undefined when no sprint has that id. */
export function buildPlan(workspace: StrategyWorkspace, sprintId: string, options: PlanOptions = {}): PlanResult | undefined {
  const sprint = workspace.index.find(sprintId, ["sprint"]);
  if (!sprint || sprint.kind !== "sprint") return undefined;
  const config = workspace.getConfig();
  const all = options.items ?? backlogItems(workspace);
  let scored = options.scores;
  if (!scored) {
    const computed = new Map<Item, { score: number; rank: number }>();
    for (const ranking of rankTracks(all, options.scoring ?? config.scoring)) {
      for (const entry of ranking.ranked) computed.set(entry.item, { score: entry.score, rank: entry.rank });
    }
    scored = computed;
  }
  const items = new Map<string, PlanItem>();
  let scorer: Scorer | undefined;
  for (const item of all) {
    const info = options.infos?.get(item) ?? backlogInfo(workspace, item);
    const score = scored.get(item);
    // What an unranked item lacks, for the plan's note (few items: scored again only when unranked).
    const result = score ? undefined : (scorer ??= createScorer(options.scoring ?? config.scoring))(item.data);
    items.set(item.key, {
      id: item.id,
      title: info.title,
      track: info.track,
      estimate: info.estimate ?? undefined,
      budget: info.budget ?? undefined,
      sprint: info.sprint ?? undefined,
      status: info.status ?? undefined,
      pillar: info.pillar ?? undefined,
      score: score?.score ?? null,
      rank: score?.rank,
      ...(result && !result.ok ? { missing: result.missing } : {}),
    });
  }
  const split = options.split ?? (sprint.data.split as Split | undefined);
  const ended = endedSprint(workspace, sprint, options.today ?? workspace.todayIso());
  const plan = planSprint(
    { id: sprint.id, capacity: typeof sprint.data.capacity === "number" ? sprint.data.capacity : 0, budget: budgetOf(sprint), ...(split ? { split } : {}), ...(ended ? { ended } : {}) },
    [...items.values()],
    { defaultSplit: config.capacity.split, tolerance: config.capacity.tolerance, ...(config.budget.currency ? { currency: config.budget.currency } : {}) },
  );
  return { plan, items };
}

/** For a sprint that has ended by `today`: its end, and the sprint to plan instead (the current one, else the next). */
function endedSprint(workspace: StrategyWorkspace, sprint: Item, today: string): { end: string | null; instead: string | null } | undefined {
  const dated = datedSprint(sprint);
  if (!hasEnded(dated, today)) return undefined;
  const sprints = [...workspace.index.ofKind("sprint")].map(datedSprint);
  const states = sprintStates(sprints, today);
  const instead = plannableSprint(sprints, (other) => states.get(other.id));
  return { end: dated.end, instead: instead?.id ?? null };
}
