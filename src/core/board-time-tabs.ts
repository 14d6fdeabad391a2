/**
 * The models of the Strategy Board's Roadmap and Calendar tabs: the core's
 * roadmap (`buildRoadmap`, SPEC §9) and campaign calendar (`buildCalendar`),
 * exactly as the CLI's JSON has them, plus what the webview needs beside them:
 * where each item the roadmap names lives (file and line, and its title), the
 * pillars' titles for their lanes, and the currency label of amounts. The host
 * builds only the model of the tab in view.
 */
import { BACKLOG, base, Locations, type TabOptions } from "./board-tabs";
import type { CalendarTabModel, RoadmapTabModel } from "./board-tab-types";
import { itemTitle } from "./parse/title";
import { buildCalendar } from "./roadmap/calendar";
import { buildRoadmap } from "./roadmap/roadmap";
import type { RoadmapBy, RoadmapLanes } from "./roadmap/types";
import type { StrategyWorkspace } from "./workspace";

export type { CalendarTabModel, RoadmapTabModel } from "./board-tab-types";

/** Unscheduled items the Roadmap tab names (and locates) before it only counts the rest. */
export const MAX_UNSCHEDULED = 100;

/** The currency label of amounts (config `budget.currency`), or null. */
function currencyOf(workspace: StrategyWorkspace): string | null {
  const currency = workspace.getConfig().budget?.currency;
  return typeof currency === "string" && currency.trim() ? currency.trim() : null;
}

/**
 * The Roadmap tab's model: the roadmap by `by` (quarter by default) in lanes by
 * `lanes` (pillar by default), every scheduled item and milestone located, the
 * first {@link MAX_UNSCHEDULED} unscheduled ones too.
 */
export function buildRoadmapTab(workspace: StrategyWorkspace, options: TabOptions & { by?: RoadmapBy | null; lanes?: RoadmapLanes | null }): RoadmapTabModel {
  const roadmap = buildRoadmap(workspace, { today: options.today, ...(options.by ? { by: options.by } : {}), ...(options.lanes ? { lanes: options.lanes } : {}) });
  const locations = new Locations(workspace);
  for (const row of roadmap.rows) for (const item of row.items) locations.add(item.id, BACKLOG);
  for (const milestone of roadmap.milestones) locations.add(milestone.id, BACKLOG);
  for (const id of roadmap.unscheduled.slice(0, MAX_UNSCHEDULED)) locations.add(id, BACKLOG);
  const laneTitles: Record<string, string> = {};
  if (roadmap.lanes === "pillar") {
    for (const row of roadmap.rows) {
      if (row.lane === null) continue;
      const pillar = workspace.index.find(row.lane, ["pillar"]);
      // defineProperty: a lane is anyone's text (`__proto__` too), never a setter call.
      if (pillar) Object.defineProperty(laneTitles, row.lane.toLowerCase(), { value: itemTitle(pillar), enumerable: true, writable: true, configurable: true });
    }
  }
  return { ...base(options, locations), roadmap, laneTitles, currency: currencyOf(workspace) };
}

/** The Calendar tab's model: the campaigns of `month` (`YYYY-MM`; today's month when absent or not a month). */
export function buildCalendarTab(workspace: StrategyWorkspace, options: TabOptions & { month?: string | null }): CalendarTabModel {
  const calendar = buildCalendar(workspace, { today: options.today, ...(options.month ? { month: options.month } : {}) });
  return { ...base(options, new Locations(workspace)), calendar, currency: currencyOf(workspace) };
}
