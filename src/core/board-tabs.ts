/**
 * The models of the Strategy Board's Review and KPIs tabs: the core's sprint
 * review (`buildReview`) and KPI report (`buildKpiReport`), exactly the JSON of
 * SPEC §8, plus what the webview needs beside them: the ended sprints to pick
 * from, and where each item it shows lives (file and line), so that a click
 * opens it. The host builds only the model of the tab in view.
 */
import type { ItemLocation, KpiTabModel, ReviewTabModel, TabModelBase } from "./board-tab-types";
import { buildKpiReport } from "./kpis/report";
import type { Kind } from "./model/kinds";
import type { Item } from "./model/item";
import { itemTitle } from "./parse/title";
import { buildReview, reviewableSprints } from "./review/review";
import type { StrategyWorkspace } from "./workspace";

export type { ItemLocation, KpiTabModel, ReviewTabModel } from "./board-tab-types";

/** Items a list shows by name before it only counts the rest (a 10,000-item workspace moves a KPI with thousands). */
export const MAX_LISTED = 12;

/** What the host knows besides the workspace. */
export interface TabOptions {
  today: string;
  generation?: number;
  folder?: string;
  folders?: string[];
}

/** The 1-based line of an item's id (of its `type:` when the id comes from the file name). */
export function itemLine(item: Item): number {
  return item.doc.lines().positionAt(item.idStart).line + 1;
}

/** Collects the locations of ids (each once), resolved among `kinds`. */
export class Locations {
  readonly list: ItemLocation[] = [];
  private readonly seen = new Set<string>();
  constructor(private readonly workspace: StrategyWorkspace) {}

  add(id: string, kinds: readonly Kind[]): void {
    const key = `${kinds.join(",")}:${id.toLowerCase()}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const item = this.workspace.index.find(id, kinds);
    if (item) this.list.push({ id: item.id, title: itemTitle(item), kind: item.kind, file: item.file, line: itemLine(item) });
  }
}

/** The kinds of backlog items, to resolve their ids among. */
export const BACKLOG: readonly Kind[] = ["initiative", "tactic"];

/** What every tab model carries: the options' generation, folders and day, and the locations collected. */
export function base(options: TabOptions, locations: Locations): TabModelBase {
  return { generation: options.generation ?? 0, folder: options.folder ?? "", folders: options.folders ?? [], today: options.today, locations: locations.list };
}

/**
 * The Review tab's model: the review of `sprint` when it is one of the ended
 * sprints, else of the latest ended one; without an ended sprint, the reason.
 */
export function buildReviewTab(workspace: StrategyWorkspace, options: TabOptions & { sprint?: string | null }): ReviewTabModel {
  const { today } = options;
  const sprints = reviewableSprints(workspace, today);
  const wanted = options.sprint ? sprints.find((sprint) => sprint.id.toLowerCase() === options.sprint!.toLowerCase()) : undefined;
  const result = buildReview(workspace, { today, ...(wanted ? { sprint: wanted.id } : {}) });
  const locations = new Locations(workspace);
  const review = result.ok ? result.review : null;
  if (review) {
    locations.add(review.sprint, ["sprint"]);
    for (const id of review.carriedOver.items.slice(0, MAX_LISTED)) locations.add(id, BACKLOG);
  }
  return {
    ...base(options, locations),
    sprints,
    sprint: review?.sprint ?? null,
    review,
    message: result.ok ? null : result.error,
    tolerance: workspace.getConfig().capacity.tolerance,
  };
}

/** The KPIs tab's model: the KPI report with the locations of its KPIs, pillars and the first items moving each KPI. */
export function buildKpiTab(workspace: StrategyWorkspace, options: TabOptions): KpiTabModel {
  const report = buildKpiReport(workspace, { today: options.today });
  const locations = new Locations(workspace);
  const keyResults = [...report.objectives.flatMap((objective) => objective.keyResults), ...report.unattached];
  for (const objective of report.objectives) locations.add(objective.pillar, ["pillar"]);
  for (const result of keyResults) {
    locations.add(result.id, ["kpi"]);
    for (const id of result.movedBy.slice(0, MAX_LISTED)) locations.add(id, BACKLOG);
  }
  for (const result of keyResults) result.history = thinned(result.history, MAX_SPARK_READINGS);
  return { ...base(options, locations), report, maxAgeDays: workspace.getConfig().review.kpiMaxAgeDays };
}

/** Readings a sparkline draws at most: a `history` of 100,000 readings must not travel whole to a 120-pixel line. */
export const MAX_SPARK_READINGS = 240;

/** At most `max` items of a list, evenly spaced, the first and the last kept (the list itself when it is short enough). */
export function thinned<T>(list: readonly T[], max: number): T[] {
  if (list.length <= max) return [...list];
  const step = (list.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => list[Math.round(i * step)]);
}
