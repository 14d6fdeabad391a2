/**
 * The Strategy Board's tabs and the shapes of its Review, KPIs, Roadmap and
 * Calendar tab models (built by src/core/board-tabs.ts and board-time-tabs.ts).
 * No code imports: the webview's bundle, its type check and the extension's
 * activation take none of the core with them.
 */
import type { KpiReport } from "./kpis/types";
import type { Kind } from "./model/kinds";
import type { SprintReview } from "./review/types";
import type { CampaignCalendar, Roadmap } from "./roadmap/types";

/**
 * The board's tabs: the sprint plan, the review of an ended sprint, the KPIs as
 * key results, the roadmap over time, and the month's campaigns by channel.
 */
export const BOARD_TABS = ["plan", "review", "kpis", "roadmap", "calendar"] as const;
export type BoardTab = (typeof BOARD_TABS)[number];

/** Where an item the board names lives, to open it. */
export interface ItemLocation {
  id: string;
  title: string;
  kind: Kind;
  /** Path relative to the folder, `/` separators, and the 1-based line of the item's id. */
  file: string;
  line: number;
}

/** What every tab model carries besides its own figures. */
export interface TabModelBase {
  /** Increases with every model the host sends (the e2e tests wait for it). */
  generation: number;
  /** The workspace folder shown, and the others to choose from. */
  folder: string;
  folders: string[];
  /** `YYYY-MM-DD`: the day the figures are for. */
  today: string;
  /** Where the items the tab names by id live; ids not listed are shown without a link. */
  locations: ItemLocation[];
}

/** The Review tab: the review of one ended sprint (SPEC §8 `review --format json`). */
export interface ReviewTabModel extends TabModelBase {
  /** The sprints a review can be of (ended on `today`), oldest first. */
  sprints: Array<{ id: string; title: string; end: string | null }>;
  /** The reviewed sprint, or null when no sprint has ended. */
  sprint: string | null;
  review: SprintReview | null;
  /** Why there is no review, in words; null when there is one. */
  message: string | null;
  /** config `capacity.tolerance`: points a realised share may fall under its target before it drifts. */
  tolerance: number;
}

/** The KPIs tab: pillars as objectives with their KPIs as key results (SPEC §8 `kpis --format json`). */
export interface KpiTabModel extends TabModelBase {
  report: KpiReport;
  /** config `review.kpiMaxAgeDays`: a measurement older than this is stale. */
  maxAgeDays: number;
}

/** The Roadmap tab: SPEC §9's roadmap (`roadmap --format json`) with the titles and places of what it shows. */
export interface RoadmapTabModel extends TabModelBase {
  roadmap: Roadmap;
  /** A lane's name to show, by lane id (lower case): pillar titles; channels and tracks show as written. */
  laneTitles: Record<string, string>;
  /** config `budget.currency` (a label for amounts), or null. */
  currency: string | null;
}

/** The Calendar tab: the campaign calendar of one month (the campaigns carry their own title, file and line). */
export interface CalendarTabModel extends TabModelBase {
  calendar: CampaignCalendar;
  /** config `budget.currency`, or null. */
  currency: string | null;
}

/** A model of a tab other than Plan, as the host sends it. */
export type TabModel = ReviewTabModel | KpiTabModel | RoadmapTabModel | CalendarTabModel;
