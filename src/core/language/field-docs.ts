/**
 * What each front matter field means and takes (SPEC §1, §3), for completion
 * details and for the hover on a field's key, and which fields matter first for
 * each kind: completion lists those before the rest.
 */
import type { Kind } from "../model/kinds";

/** One line per field: what it is and what values it takes. */
export const FIELD_DOCS: Record<string, string> = {
  type: "The item's kind: strategy, pillar, kpi, initiative, tactic or sprint",
  id: "The item's id, a slug (a-z, 0-9, '.', '_', '-'); in a one-item file the file name by default",
  title: "The item's name as people read it",
  owner: "Who is responsible for it",
  track: "Overrides the kind's track: strategic or tactical",
  ignore: "Rule ids not to report on this item, e.g. [stale-strategy]",
  tags: "Free labels, a list",
  segments: "Where to play: the customer segments the strategy targets",
  positioning: "How to win: the position against the alternatives",
  value: "The value proposition",
  goals: "The strategy's goals",
  reviewed: "The date the strategy or pillar was last reviewed (YYYY-MM-DD); older than review.maxAgeDays (default 120) is stale",
  objective: "What the pillar sets out to achieve",
  kpis: "The ids of the KPIs that measure it, a list",
  horizon: "When the pillar should pay off (a year or a phrase)",
  metric: "What the KPI measures",
  unit: "The KPI's unit (%, €, users…)",
  baseline: "The KPI's value when measuring started",
  target: "The value the KPI should reach; without it nobody can tell whether it is on track",
  current: "The KPI's latest value",
  direction: "Which way is better: up or down",
  pillar: "The id of the pillar it serves: its strategic direction",
  kpi: "The id of the KPI it should move",
  initiative: "The id of the initiative it belongs to (its pillar and KPIs are inherited)",
  impact: "How much it moves its KPI: 1 (barely) to 5 (a lot); weighs 0.5 in the default score",
  urgency: "How soon it matters: 1 (whenever) to 5 (now); weighs 0.3 in the default score, breaks ties",
  effort: "How much work it is: 1 (little) to 5 (a lot); less effort scores higher (6 − effort)",
  estimate: "The capacity units (points or days) it takes in a sprint, 0 or more",
  reach: "How many people it reaches (RICE), 0 or more",
  confidence: "How sure the estimates are, in percent 0 to 100 (RICE, ICE); on a KPI, how likely its target is met (an OKR check-in)",
  riskReduction: "The risk it removes or the opportunity it enables (WSJF), 0 or more",
  sprint: "The id of the sprint it is planned into",
  status: "idea, planned, in-progress, done or dropped (done and dropped leave the backlog)",
  channel: "The channel it runs on (LinkedIn, email, events…)",
  recurring: "Whether it repeats: true, or how often (weekly, monthly…)",
  capacity: "The units of work the sprint can take, 0 or more",
  start: "The first day (YYYY-MM-DD): of a sprint, or of a campaign's flight on an initiative or tactic",
  end: "The last day (YYYY-MM-DD), on or after start: of a sprint, or of a campaign's flight",
  budget: "Money: what an initiative or tactic costs (an initiative's excludes its tactics'), or what a pillar or sprint may spend",
  scores: "The team's scores, per person: {dana: {impact: 4, urgency: 3, effort: 2}}; a field the item states itself wins",
  started: "When work on it began (YYYY-MM-DD); with done, gives its cycle time",
  done: "When it finished (YYYY-MM-DD), with status: done; counts in that quarter's throughput",
  carried: "Earlier sprints it was planned in and not finished, a list of sprint ids; sprint is where it is now",
  level: "strategic (revenue, brand equity, CLV; the default) or tactical (click-through, conversions, campaign ROI)",
  measured: "When current was measured (YYYY-MM-DD); older than review.kpiMaxAgeDays (default 45) is stale",
  history: "Earlier readings, a list like [{date: 2026-09-01, value: 2.3}]; the sparkline and the pace use it",
  due: "A date (YYYY-MM-DD): on a KPI, when the target should be reached (with a first reading it gives the pace); on an initiative or tactic, a milestone",
  split: "The sprint's target split of capacity in percent, e.g. {strategic: 70, tactical: 30}",
};

const BACKLOG_FIRST = ["title", "pillar", "kpi", "impact", "urgency", "effort", "estimate", "sprint", "status"];

/** The fields completion lists first for each kind, in this order. */
export const FIRST_FIELDS: Record<Kind, readonly string[]> = {
  strategy: ["title", "segments", "positioning", "value", "goals", "reviewed"],
  pillar: ["title", "objective", "kpis", "owner", "reviewed"],
  kpi: ["title", "pillar", "metric", "target", "current", "baseline", "unit", "direction", "measured", "level"],
  initiative: BACKLOG_FIRST,
  tactic: [...BACKLOG_FIRST.slice(0, 3), "initiative", ...BACKLOG_FIRST.slice(3)],
  sprint: ["title", "start", "end", "capacity", "split"],
};

/** The sort key of a field among a kind's fields: the first fields in their order, then the rest in theirs. */
export function fieldOrder(kind: Kind, field: string, order: number): string {
  const first = FIRST_FIELDS[kind].indexOf(field);
  return first >= 0 ? `0${String(first).padStart(3, "0")}` : `1${String(order).padStart(3, "0")}`;
}
