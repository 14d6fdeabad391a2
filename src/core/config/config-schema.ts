/** The zod schemas of `strategy.config.yaml`, field by field, so that one bad value leaves the others in force. */
import { z } from "zod";
import { SCORE_AGGREGATES, SCORING_MODELS, SEVERITY_SETTINGS } from "./types";

const severity = z.enum(SEVERITY_SETTINGS, { error: "A rule's severity is `error`, `warning`, `info` or `off`" });
const globs = z.union([z.string(), z.array(z.string())], { error: "Should be a glob or a list of globs, e.g. [\"**/*.md\"]" });
const weight = z.number({ error: "A weight should be a number, e.g. 0.5" }).min(0, { error: "A weight cannot be negative" });

/** A positive whole number setting. */
const count = (key: string, what: string) =>
  z.number({ error: `\`${key}\` should be ${what}` }).int({ error: `\`${key}\` should be ${what}` }).positive({ error: `\`${key}\` should be ${what}` }).optional();

export const FIELD_SCHEMAS = {
  include: globs,
  exclude: globs,
  scoring: z.strictObject(
    {
      model: z.enum(SCORING_MODELS, { error: "`scoring.model` is weighted, wsjf, rice, ice or custom" }).optional(),
      weights: z.strictObject({ impact: weight.optional(), urgency: weight.optional(), effort: weight.optional() }, { error: "`scoring.weights` takes impact, urgency and effort" }).optional(),
      formula: z.string({ error: "`scoring.formula` should be text, e.g. \"(impact * 2 + urgency) / effort\"" }).optional(),
      aggregate: z.enum(SCORE_AGGREGATES, { error: "`scoring.aggregate` is mean or median" }).optional(),
      disagreement: z.number({ error: "`scoring.disagreement` should be a number of points, e.g. 2" }).positive({ error: "`scoring.disagreement` should be more than 0" }).optional(),
    },
    { error: "`scoring` takes model, weights, formula, aggregate and disagreement" },
  ),
  capacity: z.strictObject(
    {
      split: z
        .strictObject({ strategic: z.number().min(0).max(100), tactical: z.number().min(0).max(100) }, { error: "`capacity.split` should look like {strategic: 70, tactical: 30}" })
        .refine((s) => Math.abs(s.strategic + s.tactical - 100) < 1e-9, { error: "`capacity.split` should add up to 100" })
        .optional(),
      tolerance: z.number({ error: "`capacity.tolerance` should be a number of percentage points, e.g. 10" }).min(0).max(100).optional(),
    },
    { error: "`capacity` takes split and tolerance" },
  ),
  review: z.strictObject(
    {
      maxAgeDays: count("review.maxAgeDays", "a number of days, e.g. 120"),
      trendSprints: count("review.trendSprints", "a number of sprints, e.g. 6"),
      driftSprints: count("review.driftSprints", "a number of sprints, e.g. 2"),
      maxCarries: count("review.maxCarries", "a number of sprints, e.g. 2"),
      kpiMaxAgeDays: count("review.kpiMaxAgeDays", "a number of days, e.g. 45"),
    },
    { error: "`review` takes maxAgeDays, trendSprints, driftSprints, maxCarries and kpiMaxAgeDays" },
  ),
  budget: z.strictObject({ currency: z.string({ error: "`budget.currency` should be text, e.g. EUR" }).max(12, { error: "`budget.currency` should be a short label, e.g. EUR" }).optional() }, { error: "`budget` takes currency" }),
  rules: z.record(z.string(), severity, { error: "`rules` maps rule ids to error, warning, info or off" }),
} as const;

export type ConfigKey = keyof typeof FIELD_SCHEMAS;
