/** Severity of a diagnostic, as configured per rule. */
export type Severity = "error" | "warning" | "info";
/** A rule's configured severity; `off` silences it. */
export type SeveritySetting = Severity | "off";

/** The two tracks of the dual-track backlog. */
export type Track = "strategic" | "tactical";

/** Percent of a sprint's capacity per track; the two sum to 100. */
export interface Split {
  strategic: number;
  tactical: number;
}

/** Scoring models of SPEC §3. */
export type ScoringModel = "weighted" | "wsjf" | "rice" | "ice" | "custom";

export interface ScoringConfig {
  model: ScoringModel;
  /** Weights of the `weighted` model. */
  weights: { impact: number; urgency: number; effort: number };
  /** Formula of the `custom` model, e.g. `(impact * 2 + urgency) / effort`. */
  formula?: string;
}

export interface CapacityConfig {
  split: Split;
  /** Allowed drift of the strategic share, in percentage points. */
  tolerance: number;
}

/** The resolved `strategy.config.yaml` (defaults filled in). */
export interface StrategyConfig {
  include: string[];
  exclude: string[];
  scoring: ScoringConfig;
  capacity: CapacityConfig;
  review: { maxAgeDays: number };
  rules: Record<string, SeveritySetting>;
}
