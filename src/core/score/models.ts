/**
 * The scoring models of SPEC §3: `weighted`, `wsjf`, `rice`, `ice` and
 * `custom`. A field that is absent or not a finite number is missing, and an
 * item with a missing field is not scored — never scored as 0.
 */
import type { ScoringConfig } from "../config/types.js";
import { evaluateFormula, parseFormula, readNumber } from "./formula.js";

/** One input of a score: the field, its value and, for additive models, its share. */
export interface ScoreTerm {
  field: string;
  value: number;
  weight?: number;
  contribution?: number;
}

/** A score with its breakdown and a one-line explanation, or why there is none. */
export type ScoreResult =
  | { ok: true; score: number; breakdown: ScoreTerm[]; explanation: string }
  | { ok: false; missing: string[]; reason?: string };

/** Scores one item's fields with a model prepared once (see {@link createScorer}). */
export type Scorer = (fields: Record<string, unknown>) => ScoreResult;

interface PreparedModel {
  required: string[];
  score: Scorer;
}

/** What a model computes from its required values, read in `required` order. */
type Compute = (values: number[], fields: Record<string, unknown>) => ScoreResult;

/** Rounds to 6 decimal places (so 3.9000000000000004 becomes 3.9) and drops `-0`. */
export function roundScore(value: number): number {
  const rounded = Math.round(value * 1e6) / 1e6;
  return rounded === 0 ? 0 : rounded;
}

/** Formats a number for an explanation; integers skip the rounding (and hit V8's string cache). */
const fmt = (value: number): string => String(Number.isInteger(value) ? value : roundScore(value));

const notFinite: ScoreResult = { ok: false, missing: [], reason: "score is not a finite number" };
const zeroEffort: ScoreResult = { ok: false, missing: [], reason: "division by zero: effort is 0" };

function finish(score: number, breakdown: ScoreTerm[], formula: string): ScoreResult {
  if (!Number.isFinite(score)) return notFinite;
  const rounded = roundScore(score);
  return { ok: true, score: rounded, breakdown, explanation: [formula, fmt(rounded)].join(" = ") };
}

/** Reads the required fields as numbers (all missing ones listed, sorted), then computes. */
function model(required: string[], compute: Compute): PreparedModel {
  const count = required.length;
  return {
    required,
    score(fields) {
      const values: number[] = [];
      let missing: string[] | undefined;
      for (let index = 0; index < count; index++) {
        const value = readNumber(fields, required[index]);
        if (value === undefined) (missing ??= []).push(required[index]);
        else values.push(value);
      }
      return missing ? { ok: false, missing: missing.sort() } : compute(values, fields);
    },
  };
}

const WEIGHTED_TERMS = [
  { field: "impact", key: "impact", effort: false },
  { field: "urgency", key: "urgency", effort: false },
  { field: "effort", key: "effort", effort: true },
] as const;

function weighted(config: ScoringConfig): PreparedModel {
  // A field weighted 0 cannot change the score, so it is not required.
  const terms = WEIGHTED_TERMS.filter((term) => config.weights[term.key] !== 0).map((term) => {
    const weight = config.weights[term.key];
    const label = term.effort ? `${fmt(weight)}×(6−effort ` : `${fmt(weight)}×${term.field} `;
    return { field: term.field, weight, effort: term.effort, label, close: term.effort ? ")" : "" };
  });
  return model(terms.map((term) => term.field), (values) => {
    let score = 0;
    const parts: string[] = [];
    const breakdown = terms.map((term, index): ScoreTerm => {
      const value = values[index];
      const contribution = term.weight * (term.effort ? 6 - value : value);
      score += contribution;
      parts.push(term.label + fmt(value) + term.close);
      return { field: term.field, value, weight: term.weight, contribution: roundScore(contribution) };
    });
    return finish(score, breakdown, `weighted: ${parts.join(" + ") || "0"}`);
  });
}

function wsjf(): PreparedModel {
  return model(["impact", "urgency", "effort"], ([impact, urgency, effort], fields) => {
    // `riskReduction ?? 0`: absent or null is 0, but a present non-number is missing.
    const raw = Object.prototype.hasOwnProperty.call(fields, "riskReduction") ? fields.riskReduction : undefined;
    const risk = raw === undefined || raw === null ? undefined : readNumber(fields, "riskReduction");
    if (raw !== undefined && raw !== null && risk === undefined) return { ok: false, missing: ["riskReduction"] };
    if (effort === 0) return zeroEffort;
    const breakdown: ScoreTerm[] = [
      { field: "impact", value: impact, contribution: roundScore(impact / effort) },
      { field: "urgency", value: urgency, contribution: roundScore(urgency / effort) },
    ];
    let sum = `impact ${fmt(impact)} + urgency ${fmt(urgency)}`;
    if (risk !== undefined) {
      breakdown.push({ field: "riskReduction", value: risk, contribution: roundScore(risk / effort) });
      sum += ` + riskReduction ${fmt(risk)}`;
    }
    breakdown.push({ field: "effort", value: effort });
    const score = (impact + urgency + (risk ?? 0)) / effort;
    return finish(score, breakdown, `wsjf: (${sum}) / effort ${fmt(effort)}`);
  });
}

function rice(): PreparedModel {
  return model(["reach", "impact", "confidence", "effort"], ([reach, impact, confidence, effort]) => {
    if (effort === 0) return zeroEffort;
    const breakdown: ScoreTerm[] = [
      { field: "reach", value: reach },
      { field: "impact", value: impact },
      { field: "confidence", value: confidence },
      { field: "effort", value: effort },
    ];
    const formula = `rice: reach ${fmt(reach)} × impact ${fmt(impact)} × confidence ${fmt(confidence)}% / effort ${fmt(effort)}`;
    return finish((reach * impact * (confidence / 100)) / effort, breakdown, formula);
  });
}

function ice(): PreparedModel {
  return model(["impact", "confidence", "effort"], ([impact, confidence, effort]) => {
    const breakdown: ScoreTerm[] = [
      { field: "impact", value: impact },
      { field: "confidence", value: confidence },
      { field: "effort", value: effort },
    ];
    const formula = `ice: impact ${fmt(impact)} × confidence ${fmt(confidence)}/10 × ease (6−effort ${fmt(effort)})`;
    return finish(((impact * confidence) / 10) * (6 - effort), breakdown, formula);
  });
}

function custom(config: ScoringConfig): PreparedModel {
  const source = config.formula;
  if (source === undefined) {
    const reason = "scoring.model is `custom` but there is no scoring.formula: add one, e.g. `(impact * 2 + urgency) / effort`";
    return { required: [], score: () => ({ ok: false, missing: [], reason }) };
  }
  const parsed = parseFormula(source);
  if (!parsed.ok) return { required: [], score: () => ({ ok: false, missing: [], reason: parsed.error.message }) };
  const { expr, fields: names } = parsed;
  const text = `custom: ${source.trim().replace(/\s+/g, " ")}`;
  return model(names, (values, fields) => {
    const result = evaluateFormula(expr, fields);
    if (!result.ok) return "reason" in result ? { ok: false, missing: [], reason: result.reason } : { ok: false, missing: result.missing };
    const breakdown: ScoreTerm[] = [];
    let inputs = "";
    for (let index = 0; index < names.length; index++) {
      breakdown.push({ field: names[index], value: values[index] });
      inputs += `${index === 0 ? " with " : ", "}${names[index]} ${fmt(values[index])}`;
    }
    return finish(result.value, breakdown, text + inputs);
  });
}

function prepare(config: ScoringConfig): PreparedModel {
  switch (config.model) {
    case "wsjf": return wsjf();
    case "rice": return rice();
    case "ice": return ice();
    case "custom": return custom(config);
    default: return weighted(config);
  }
}

/**
 * The fields the configured model needs, in the model's order. For `custom`,
 * the formula's fields (none if it does not parse); `wsjf`'s riskReduction is
 * optional, and a `weighted` field with weight 0 is not needed.
 */
export function requiredFields(config: ScoringConfig): string[] {
  return [...prepare(config).required];
}

/** Prepares the model once (parsing a custom formula) and returns a scorer for many items. */
export function createScorer(config: ScoringConfig): Scorer {
  return prepare(config).score;
}

/** Scores one item's fields; to score many items, use {@link createScorer}. */
export function scoreFields(fields: Record<string, unknown>, config: ScoringConfig): ScoreResult {
  return createScorer(config)(fields);
}
