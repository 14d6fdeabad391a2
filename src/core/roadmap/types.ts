/**
 * The shapes of SPEC §9's roadmap (`roadmap --format json`) and of the
 * campaign calendar the board's month grid draws. Dates are calendar days,
 * `YYYY-MM-DD`, never shifted by a time zone.
 */

/** What the roadmap's periods are: calendar quarters, sprints or calendar months. */
export type RoadmapBy = "quarter" | "sprint" | "month";
/** What the roadmap's swimlanes are: the effective pillar, each channel, or the track. */
export type RoadmapLanes = "pillar" | "channel" | "track";

/** The `by` values, the default first. */
export const ROADMAP_BY: readonly RoadmapBy[] = ["quarter", "sprint", "month"];
/** The `lanes` values, the default first. */
export const ROADMAP_LANES: readonly RoadmapLanes[] = ["pillar", "channel", "track"];

/** Where a span's days come from: the item's own `start`/`end`, or its sprint's. */
export type SpanSource = "item" | "sprint";

/** The days an item runs, both included. */
export interface Span {
  start: string;
  end: string;
  from: SpanSource;
}

/** One column of the roadmap: `2026-Q4`, `2026-12` or a sprint's id, with its first and last day. */
export interface Period {
  id: string;
  start: string;
  end: string;
}

/** A scheduled initiative or tactic in a lane. */
export interface RoadmapItem {
  id: string;
  type: "initiative" | "tactic";
  start: string;
  end: string;
  from: SpanSource;
  /** `status` as written, or null. */
  status: string | null;
  /** The item's own `budget` (money), or null. */
  budget: number | null;
}

/** A swimlane: a pillar's id, a channel, `strategic`/`tactical`, or null for work with no pillar (or channel). */
export interface RoadmapRow {
  lane: string | null;
  /** By start, then id. */
  items: RoadmapItem[];
}

/** An item's `due`, drawn as a point in its lane (an item on several channels has one per channel). */
export interface Milestone {
  id: string;
  due: string;
  lane: string | null;
}

/** `roadmap --format json` (SPEC §9). */
export interface Roadmap {
  by: RoadmapBy;
  lanes: RoadmapLanes;
  today: string;
  /** Oldest first, from the one holding the earliest span or `due` through the one holding the latest. */
  periods: Period[];
  /** Lanes by id (case-insensitive), the null lane last; only lanes with an item or a milestone. */
  rows: RoadmapRow[];
  /** By due day, then id, then lane. */
  milestones: Milestone[];
  /** Ids of open (neither done nor dropped) initiatives and tactics with no span, by id. */
  unscheduled: string[];
  /**
   * Present only when there is something to say: the periods were clamped to a
   * century because some date lies far away (a typo like `0026-01-01`).
   */
  notes?: string[];
}

/**
 * A campaign in the calendar: a tactic whose span meets the month. `start` and
 * `end` are its whole span; `shownStart`/`shownEnd` are the days of it inside
 * the month, and `continuesBefore`/`continuesAfter` say the bar runs on into the
 * previous or next month (draw an open end there). `slot` is the row within its
 * channel that no other campaign of the channel overlapping it in this month
 * uses (0 first), so a renderer stacks bars without computing overlaps.
 */
export interface Campaign {
  id: string;
  /** The title as written (the id when it has none): document text, escape it when rendering. */
  title: string;
  type: "tactic";
  start: string;
  end: string;
  from: SpanSource;
  status: string | null;
  budget: number | null;
  /** The tactic's `due` (a milestone), or null. */
  due: string | null;
  /** Its effective pillar's id (own or through its initiative), or null. */
  pillar: string | null;
  shownStart: string;
  shownEnd: string;
  continuesBefore: boolean;
  continuesAfter: boolean;
  slot: number;
  /** Where to open it: the path relative to the root and the 1-based line of its id. */
  file: string;
  line: number;
}

/** A channel's campaigns in the month: `channel` as first written (by the smallest spelling), null for tactics with none. */
export interface CalendarChannel {
  channel: string | null;
  /** By shown start, then id. */
  campaigns: Campaign[];
  /** How many slots (rows) the channel needs: 1 + the highest `slot`, 0 when empty. */
  slots: number;
}

/** A week row of the month grid, Monday first: seven days, those outside the month included. */
export interface CalendarWeek {
  /** The ISO 8601 week number of its Monday's week. */
  week: number;
  /** Seven `YYYY-MM-DD` days, Monday to Sunday. */
  days: string[];
}

/**
 * The campaign calendar of one month (SPEC §9): tactics with a span meeting
 * the month, by channel. Channels by name (case-insensitive), the null channel
 * last; only channels with a campaign this month.
 */
export interface CampaignCalendar {
  /** `2026-12`. */
  month: string;
  /** "December 2026". */
  title: string;
  start: string;
  end: string;
  /** The months before and after, for previous/next buttons. */
  previous: string;
  next: string;
  today: string;
  /** The month grid, Monday-first weeks covering the whole month. */
  weeks: CalendarWeek[];
  channels: CalendarChannel[];
}
