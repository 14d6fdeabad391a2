/**
 * The Strategy Board's model (see src/protocol.ts): the ranked dual-track
 * backlog, the sprints, and the selected sprint's capacity split and proposal,
 * with what-if scoring model and split. All the maths is here; the webview
 * only renders. Ranks once for both the backlog and the plan.
 */
import { isClosed } from "./model/kinds";
import type { BoardItem, BoardModel, BoardPlan, BoardSprint, ProblemLevel } from "../protocol";
import { backlogInfo, backlogItems, buildPlan, rankTracks, type BacklogInfo } from "./backlog";
import type { ScoringConfig, ScoringModel, Split, StrategyConfig } from "./config/types";
import { teamEntry, type ScoreTerm } from "./score/index";
import type { Item } from "./model/item";
import { itemTitle } from "./parse/title";
import { datedSprint, plannableSprint, sprintStates, type DatedSprint } from "./plan/sprint-state";
import type { StrategyWorkspace } from "./workspace";

/** What the board is asked to show. */
export interface BoardOptions {
  /** The sprint to plan; undefined or unknown = the default sprint (see {@link defaultSprint}). */
  sprint?: string | null;
  /** A what-if scoring model; undefined = the configured one. */
  model?: ScoringModel | null;
  /** A what-if target split for the selected sprint. */
  split?: Split | null;
  /** `YYYY-MM-DD`, for the default sprint. */
  today: string;
  /** The worst problem of an item and the count of its problems (the host's published diagnostics). */
  problemsOf?: (item: Item) => { level: ProblemLevel | null; count: number };
  generation?: number;
  folder?: string;
  folders?: string[];
  readOnly?: boolean;
  problems?: BoardModel["problems"];
  /** Filled with each ranked item's score terms by uid (the board sends them on request). */
  breakdowns?: Map<string, ScoreTerm[]>;
}


/** The workspace's sprints, by start date (undated last), then id, each with its state on `today`. */
export function sprintsOf(workspace: StrategyWorkspace, today: string): BoardSprint[] {
  const dated = [...workspace.index.ofKind("sprint")].map((item) => ({ item, ...datedSprint(item) }));
  const states = sprintStates(dated, today);
  const sprints: BoardSprint[] = dated.map(({ item, start, end, status }) => ({
    id: item.id,
    title: itemTitle(item),
    capacity: typeof item.data.capacity === "number" ? item.data.capacity : null,
    start,
    end,
    status,
    state: states.get(item.id) ?? "later",
  }));
  return sprints.sort((a, b) => (a.start ?? "\uffff").localeCompare(b.start ?? "\uffff") || a.id.localeCompare(b.id));
}

/**
 * The sprint a lead most likely plans: the current one, else the next, else one
 * not ended and not dated, else the last one to end (to look back at).
 */
export function defaultSprint<T extends DatedSprint>(sprints: readonly T[], today: string): string | null {
  const states = sprintStates(sprints, today);
  const open = plannableSprint(sprints, (sprint) => states.get(sprint.id));
  const later = sprints.find((sprint) => states.get(sprint.id) === "later");
  const ended = sprints.filter((sprint) => states.get(sprint.id) === "ended");
  return (open ?? later ?? ended[ended.length - 1])?.id ?? null;
}

/** The scoring a what-if model means: the configured one with that model (`custom` only when there is a formula). */
export function scoringFor(config: StrategyConfig, model: ScoringModel | null | undefined): ScoringConfig {
  const wanted = model ?? config.scoring.model;
  return { ...config.scoring, model: wanted === "custom" && !config.scoring.formula ? config.scoring.model : wanted };
}

/** Builds the board's model for a workspace. */
export function buildBoard(workspace: StrategyWorkspace, options: BoardOptions): BoardModel {
  const config = workspace.getConfig();
  const customAvailable = Boolean(config.scoring.formula);
  const scoring = scoringFor(config, options.model);
  const all = backlogItems(workspace);
  const open = all.filter((item) => !isClosed(item));
  const problemsOf = options.problemsOf ?? (() => ({ level: null, count: 0 }));

  const infos = new Map<Item, BacklogInfo>();
  for (const item of all) infos.set(item, backlogInfo(workspace, item));
  // One object shape for every item (no spread): V8 keeps them fast and small.
  const entry = (item: Item, score: number | null, rank: number | null, explanation: string, missing: string[], reason?: string): BoardItem => {
    const info = infos.get(item)!;
    const problems = problemsOf(item);
    const shown: BoardItem = {
      uid: `${info.file}#${info.line}`,
      id: info.id,
      title: info.title,
      type: info.type as BoardItem["type"],
      track: info.track,
      pillar: info.pillar,
      estimate: info.estimate,
      sprint: info.sprint,
      status: info.status,
      file: info.file,
      line: info.line,
      score,
      rank,
      explanation,
      missing,
      problem: problems.level,
      problems: problems.count,
    };
    if (reason) shown.reason = reason;
    const team = teamEntry(item);
    if (team.scores) shown.scores = team.scores;
    if (team.spread) shown.spread = team.spread;
    return shown;
  };
  const NONE: string[] = [];

  const items: BoardItem[] = [];
  const unranked: BoardItem[] = [];
  const scores = new Map<Item, { score: number; rank: number }>();
  for (const ranking of rankTracks(open, scoring)) {
    for (const ranked of ranking.ranked) {
      scores.set(ranked.item, { score: ranked.score, rank: ranked.rank });
      const shown = entry(ranked.item, ranked.score, ranked.rank, ranked.explanation, NONE);
      options.breakdowns?.set(shown.uid, ranked.breakdown);
      items.push(shown);
    }
    for (const missing of ranking.unranked) {
      unranked.push(entry(missing.item, null, null, "", missing.missing, missing.reason));
    }
  }
  const closed = all.filter((item) => isClosed(item)).map((item) => entry(item, null, null, "", NONE));
  // Plain code-unit order: localeCompare is slow over thousands of ids.
  closed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const sprints = sprintsOf(workspace, options.today);
  const requested = options.sprint ? sprints.find((sprint) => sprint.id.toLowerCase() === options.sprint!.toLowerCase()) : undefined;
  const sprint = requested?.id ?? defaultSprint(sprints, options.today);
  let plan: BoardPlan | null = null;
  if (sprint) {
    const result = buildPlan(workspace, sprint, { scoring, scores, infos, items: all, today: options.today, ...(options.split ? { split: options.split } : {}) });
    if (result) {
      const p = result.plan;
      const total = p.planned.strategic + p.planned.tactical + p.proposed.strategic + p.proposed.tactical;
      plan = {
        sprint: p.sprint,
        capacity: p.capacity,
        target: p.target,
        whatIf: Boolean(options.split),
        planned: p.planned,
        proposed: p.proposed,
        share: p.share,
        budget: p.details.budget,
        money: p.budget,
        byPillar: Object.entries(p.byPillar).map(([pillar, units]) => ({
          pillar,
          title: pillar === "(unaligned)" ? "Unaligned" : titleOfPillar(workspace, pillar),
          units,
          percent: total ? Math.round((units / total) * 1000) / 10 : 0,
        })),
        doesNotFit: p.doesNotFit,
        notFitting: p.details.notFitting.map(({ id, reason }) => ({ id, reason })),
        tolerance: config.capacity.tolerance,
        notes: p.notes,
      };
    }
  }

  const pillars = [...workspace.index.ofKind("pillar")].map((pillar) => ({ id: pillar.id, title: itemTitle(pillar) })).sort((a, b) => a.title.localeCompare(b.title));
  return {
    generation: options.generation ?? 0,
    folder: options.folder ?? "",
    folders: options.folders ?? [],
    scoring: {
      model: scoring.model,
      configured: config.scoring.model,
      whatIf: scoring.model !== config.scoring.model,
      ...(config.scoring.formula ? { formula: config.scoring.formula } : {}),
      customAvailable,
      aggregate: config.scoring.aggregate,
      disagreement: config.scoring.disagreement,
    },
    sprints,
    sprint,
    pillars,
    items,
    unranked,
    closed,
    plan,
    readOnly: options.readOnly ?? false,
    problems: options.problems ?? { errors: 0, warnings: 0, infos: 0 },
  };
}

function titleOfPillar(workspace: StrategyWorkspace, id: string): string {
  const pillar = workspace.index.find(id, ["pillar"]);
  return pillar ? itemTitle(pillar) : id;
}
