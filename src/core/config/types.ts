/** Severity of a diagnostic, as configured per rule. */
export type Severity = "error" | "warning" | "info";
/** The severities a rule can be set to; `off` silences it. */
export const SEVERITY_SETTINGS = ["error", "warning", "info", "off"] as const;
/** A rule's configured severity; `off` silences it. */
export type SeveritySetting = (typeof SEVERITY_SETTINGS)[number];

/** The two tracks of the dual-track backlog. */
export type Track = "strategic" | "tactical";

/** Percent of a sprint's capacity per track; the two sum to 100. */
export interface Split {
  strategic: number;
  tactical: number;
}

/** Scoring models of SPEC §3. */
export const SCORING_MODELS = ["weighted", "wsjf", "rice", "ice", "custom"] as const;
export type ScoringModel = (typeof SCORING_MODELS)[number];

export interface ScoringConfig {
  model: ScoringModel;
  /** Weights of the `weighted` model. */
  weights: { impact: number; urgency: number; effort: number };
  /** Formula of the `custom` model, e.g. `(impact * 2 + urgency) / effort`. */
  formula?: string;
  /** How the people's `scores:` combine into a field the item does not state (SPEC §9). */
  aggregate: ScoreAggregate;
  /** The spread (max − min) of one field among the people that makes `score-disagreement` fire. */
  disagreement: number;
}

/** How people's scores combine (SPEC §9). */
export const SCORE_AGGREGATES = ["mean", "median"] as const;
export type ScoreAggregate = (typeof SCORE_AGGREGATES)[number];

/** The capacity defaults of SPEC §4/§5: 70/30, 10 points of tolerance. */
export const DEFAULT_CAPACITY: Readonly<{ split: Readonly<Split>; tolerance: number }> = { split: { strategic: 70, tactical: 30 }, tolerance: 10 };

export interface CapacityConfig {
  split: Split;
  /** Allowed drift of the strategic share, in percentage points. */
  tolerance: number;
}

/** `review:` settings (SPEC §5, §8). */
export interface ReviewConfig {
  /** A strategy or pillar `reviewed` longer ago is stale (stale-strategy). */
  maxAgeDays: number;
  /** Ended sprints in a review's trend. */
  trendSprints: number;
  /** Ended sprints in a row under the target before split-drift fires. */
  driftSprints: number;
  /** Carried sprints that make an open item chronic (chronic-carry-over). */
  maxCarries: number;
  /** A KPI's latest measurement older than this is stale (kpi-stale). */
  kpiMaxAgeDays: number;
}

/** The review defaults of SPEC §8. */
export const DEFAULT_REVIEW: Readonly<ReviewConfig> = { maxAgeDays: 120, trendSprints: 6, driftSprints: 2, maxCarries: 2, kpiMaxAgeDays: 45 };

/** The resolved `strategy.config.yaml` (defaults filled in). */
export interface StrategyConfig {
  include: string[];
  exclude: string[];
  scoring: ScoringConfig;
  capacity: CapacityConfig;
  review: ReviewConfig;
  /** `budget: { currency: EUR }`: labels amounts only (SPEC §9). */
  budget: { currency?: string };
  rules: Record<string, SeveritySetting>;
}
