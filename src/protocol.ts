/**
 * The Strategy Board's messages between the extension host and the webview:
 * one typed union each way, and the zod schema the host checks every incoming
 * message against before it acts. No `vscode` or Node import: the webview
 * script imports this module's types only, the host loads it when a board
 * opens (zod is not loaded at activation).
 */
import { z } from "zod";
import { SCORING_MODELS, type ScoringModel, type Split, type Track } from "./core/config/types";
import type { SprintState } from "./core/plan/sprint-state";
import type { PlanBudget } from "./core/budget/money";
import type { ScoreTerm } from "./core/score/index";
import type { BoardPatch, WireModel } from "./board-wire";
import { BOARD_TABS, type BoardTab, type CalendarTabModel, type ItemLocation, type KpiTabModel, type ReviewTabModel, type RoadmapTabModel, type TabModel } from "./core/board-tab-types";
import { ROADMAP_BY, ROADMAP_LANES, type RoadmapBy, type RoadmapLanes } from "./core/roadmap/types";

export { BOARD_TABS, ROADMAP_BY, ROADMAP_LANES };
export type { ScoringModel, Split, Track, ScoreTerm, BoardPatch, WireModel, ItemLocation, KpiTabModel, ReviewTabModel, RoadmapTabModel, CalendarTabModel, TabModel, BoardTab, RoadmapBy, RoadmapLanes };
export type { Campaign, CalendarChannel, CampaignCalendar, Milestone, Period, Roadmap, RoadmapItem, RoadmapRow } from "./core/roadmap/types";
export type { QuarterMetrics, SprintReview, TrendPoint } from "./core/review/types";
export type { KeyResult, KpiReport, Objective, Pace, Reading } from "./core/kpis/types";
export type { PlanBudget };

/** The worst problem of an item, for its badge. */
export type ProblemLevel = "error" | "warning" | "info";

/** One backlog item (initiative or tactic) as the board shows it. */
export interface BoardItem {
  /** Unique within the model: `file#line`. */
  uid: string;
  id: string;
  title: string;
  type: "initiative" | "tactic";
  track: Track;
  pillar: string | null;
  estimate: number | null;
  sprint: string | null;
  status: string | null;
  /** Path relative to the folder, `/` separators, and the 1-based line of the item. */
  file: string;
  line: number;
  /** null when unranked or closed (done/dropped). */
  score: number | null;
  /** Rank within its track among open items, 1 = first; null when not ranked. */
  rank: number | null;
  /** e.g. `weighted: 0.5×impact 4 + … = 3.9`; empty when unranked. The terms come on request (`explain`). */
  explanation: string;
  /** Fields the scoring model needs and the item lacks (unranked items). */
  missing: string[];
  /** Why an item with every field still has no score (e.g. division by zero). */
  reason?: string;
  problem: ProblemLevel | null;
  /** Count of its diagnostics. */
  problems: number;
  /** Each person's values under `scores:` (SPEC §9), when someone scored the item. */
  scores?: Record<string, Record<string, number>>;
  /** max − min of the people's values per field at least two people scored. */
  spread?: Record<string, number>;
}

/** A sprint to choose from. */
export interface BoardSprint {
  id: string;
  title: string;
  capacity: number | null;
  start: string | null;
  end: string | null;
  status: string | null;
  /** Where the sprint stands today (SPEC §8): ended, current, next or later. */
  state: SprintState;
}

/** The capacity split and proposal of the selected sprint (SPEC §4; `plan --format json`, plus budgets). */
export interface BoardPlan {
  sprint: string;
  capacity: number;
  target: Split;
  /** True when the target is a what-if, not the sprint's or config's. */
  whatIf: boolean;
  planned: { strategic: number; tactical: number; items: string[] };
  proposed: { strategic: number; tactical: number; items: string[] };
  share: Split;
  /** Capacity units per track (capacity × target share), not money: see `money`. */
  budget: Split;
  byPillar: Array<{ pillar: string; title: string; units: number; percent: number }>;
  /**
   * Money (SPEC §9): the budgets of the planned and proposed items per track and per pillar (`byPillar`
   * keyed like the `pillar` of `byPillar` above), the sprint's `budget` as `cap` (null: none), the currency label.
   */
  money: PlanBudget;
  doesNotFit: string[];
  /** Why each `doesNotFit` item did not fit ("needs 5 units; 2 of the 9-unit tactical budget are left"). */
  notFitting: Array<{ id: string; reason: string }>;
  /** config `capacity.tolerance`: points the strategic share may drift from its target before it is off. */
  tolerance: number;
  notes: string[];
}

/** Everything the board renders. Built by the core (`buildBoard`), sent whole on every change. */
export interface BoardModel {
  /** Increases with every model the host sends; `apply` names the one the user saw. */
  generation: number;
  /** The workspace folder shown, and the others to choose from. */
  folder: string;
  folders: string[];
  /** The model ranking the backlog, the configured one, and whether it is a what-if. */
  scoring: {
    model: ScoringModel;
    configured: ScoringModel;
    whatIf: boolean;
    formula?: string;
    customAvailable: boolean;
    /** How people's values combine (config `scoring.aggregate`), and the spread that counts as disagreement (`scoring.disagreement`). */
    aggregate: "mean" | "median";
    disagreement: number;
  };
  sprints: BoardSprint[];
  /** The selected sprint, or null when the workspace has none. */
  sprint: string | null;
  pillars: Array<{ id: string; title: string }>;
  /** Ranked items, per track in rank order (strategic first). */
  items: BoardItem[];
  /** Open items that cannot be scored, with what they lack. */
  unranked: BoardItem[];
  /** Done and dropped items (for the status filter and the sprint's planned list). */
  closed: BoardItem[];
  plan: BoardPlan | null;
  /** Untrusted workspace: nothing can be written. */
  readOnly: boolean;
  /** Problem counts of the folder. */
  problems: { errors: number; warnings: number; infos: number };
}

/** Host → webview. */
export type HostMessage =
  /** The whole model, items as columns (see src/board-wire.ts). */
  | { type: "model"; model: WireModel }
  /** A small update; a webview that does not hold generation `base` asks for the whole model (`refresh`). */
  | { type: "patch"; patch: BoardPatch }
  /** The score terms of an item, answering `explain`. */
  | { type: "breakdown"; uid: string; generation: number; terms: ScoreTerm[] }
  /** The result of an `apply`: what was written, or why not. */
  | { type: "applied"; sprint: string; count: number; split: Split | null; kept?: Split | null }
  /** The result of an `undo`: reverted, or why not (nothing changed then). */
  | { type: "undone"; ok: boolean; message: string }
  /** The tab to show (on `ready`, and when a command opens the board on a tab). */
  | { type: "tab"; tab: BoardTab }
  /** The Review tab's model, sent while that tab is in view. */
  | { type: "review"; model: ReviewTabModel }
  /** The KPIs tab's model, sent while that tab is in view. */
  | { type: "kpis"; model: KpiTabModel }
  /** The Roadmap tab's model, sent while that tab is in view. */
  | { type: "roadmap"; model: RoadmapTabModel }
  /** The Calendar tab's model, sent while that tab is in view. */
  | { type: "calendar"; model: CalendarTabModel }
  | { type: "error"; message: string };

const id = z.string().min(1).max(200);
const percent = z.number().min(0).max(100);

/**
 * What the webview asks to see: the tab, what-if scoring model and split, the
 * sprint to plan, the sprint to review, the roadmap's periods and lanes, the
 * calendar's month, the folder. null = back to the default.
 */
export const viewSchema = z
  .object({
    type: z.literal("view"),
    folder: z.string().max(500).optional(),
    tab: z.enum(BOARD_TABS).optional(),
    sprint: id.nullable().optional(),
    reviewSprint: id.nullable().optional(),
    roadmapBy: z.enum(ROADMAP_BY as readonly RoadmapBy[] as [RoadmapBy, ...RoadmapBy[]]).nullable().optional(),
    roadmapLanes: z.enum(ROADMAP_LANES as readonly RoadmapLanes[] as [RoadmapLanes, ...RoadmapLanes[]]).nullable().optional(),
    /** `YYYY-MM`: the calendar's month (null: today's). */
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "a month is written YYYY-MM").nullable().optional(),
    model: z.enum(SCORING_MODELS).nullable().optional(),
    split: z
      .object({ strategic: percent, tactical: percent })
      .refine((split) => Math.abs(split.strategic + split.tactical - 100) < 1e-9, "the split must sum to 100")
      .nullable()
      .optional(),
  })
  .strict();

/** Webview → host messages, validated before the host acts. */
export const webviewMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready") }).strict(),
  viewSchema,
  z.object({ type: z.literal("open"), file: z.string().min(1).max(4096), line: z.number().int().min(1).max(10_000_000) }).strict(),
  z.object({ type: z.literal("apply"), sprint: id, generation: z.number().int().min(0) }).strict(),
  z.object({ type: z.literal("refresh") }).strict(),
  z.object({ type: z.literal("undo") }).strict(),
  z.object({ type: z.literal("explain"), uid: z.string().min(1).max(5000) }).strict(),
]);

/** Webview → host. */
export type WebviewMessage = z.infer<typeof webviewMessageSchema>;
export type ViewRequest = z.infer<typeof viewSchema>;

/** Parses a message from the webview; undefined (with the reason) when it is not one. */
export function parseWebviewMessage(value: unknown): { ok: true; message: WebviewMessage } | { ok: false; error: string } {
  const result = webviewMessageSchema.safeParse(value);
  if (result.success) return { ok: true, message: result.data };
  return { ok: false, error: result.error.issues.map((issue) => `${issue.path.join(".") || "message"}: ${issue.message}`).join("; ") };
}

/** What the webview keeps with `setState` (so it survives being hidden and reloads). */
export type BoardState = Omit<ViewRequest, "type"> & {
  filters: { text: string; pillar: string; status: string };
  selected?: string;
  scroll: { strategic: number; tactical: number };
  /** The KPIs tab's own choices: the objective shown ("" = all) and the key result last opened. */
  kpis: { pillar: string; selected?: string };
  /** The Roadmap tab's: the item last focused or opened (`lane id` + NUL + item id) and the scroll offsets. */
  roadmap: { selected?: string; top: number; left: number };
  /** The Calendar tab's: the day last focused (`YYYY-MM-DD`). */
  calendar: { day?: string };
};
