/**
 * The scoring models of SPEC §3: `weighted`, `wsjf`, `rice`, `ice` and
 * `custom`. A field that is absent or not a finite number is missing, and an
 * item with a missing field is not scored — never scored as 0.
 */
import type { ScoreAggregate, ScoringConfig } from "../config/types.js";
import { evaluateFormula, parseFormula, readNumber } from "./formula.js";
import { teamFields, teamSource } from "./team.js";

/**
 * One input of a score: the field, its value and, for additive models, its
 * share. A value the item does not state itself but the team scored (SPEC §9)
 * says how many people it came from, and how their values were combined.
 */
export interface ScoreTerm {
  field: string;
  value: number;
  weight?: number;
  contribution?: number;
  people?: number;
  aggregate?: ScoreAggregate;
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

/** What a model computes once every required field is known to be a finite number. */
type Compute = (fields: Record<string, unknown>) => ScoreResult;

/** Rounds to 6 decimal places (so 3.9000000000000004 becomes 3.9) and drops `-0`. */
export function roundScore(value: number): number {
  const rounded = Math.round(value * 1e6) / 1e6;
  return rounded === 0 ? 0 : rounded;
}

/** Formats a number for an explanation; integers skip the rounding (and hit V8's string cache). */
const fmt = (value: number): string => `${Number.isInteger(value) ? value : roundScore(value)}`;

/** A field already checked by {@link model}; NaN never happens. */
const num = (fields: Record<string, unknown>, name: string): number => readNumber(fields, name) ?? NaN;

const failure = (reason: string): ScoreResult => ({ ok: false, missing: [], reason });

function finish(score: number, breakdown: ScoreTerm[], formula: string): ScoreResult {
  if (!Number.isFinite(score)) return failure("score is not a finite number");
  const rounded = roundScore(score);
  return { ok: true, score: rounded, breakdown, explanation: formula + " = " + fmt(rounded) };
}

/** Lists every missing required field (sorted), or computes. Allocates nothing on success. */
function model(required: string[], compute: Compute): PreparedModel {
  return {
    required,
    score(fields) {
      for (const name of required) {
        if (readNumber(fields, name) === undefined) {
          return { ok: false, missing: required.filter((field) => readNumber(fields, field) === undefined).sort() };
        }
      }
      return compute(fields);
    },
  };
}

const WEIGHTED_TERMS = [
  { field: "impact", effort: false },
  { field: "urgency", effort: false },
  { field: "effort", effort: true },
] as const;

function weighted(config: ScoringConfig): PreparedModel {
  // A field weighted 0 cannot change the score, so it is not required.
  const terms = WEIGHTED_TERMS.filter((term) => config.weights[term.field] !== 0).map((term) => {
    const weight = config.weights[term.field];
    const label = term.effort ? `${fmt(weight)}×(6−effort ` : `${fmt(weight)}×${term.field} `;
    return { field: term.field, weight, effort: term.effort, label, close: term.effort ? ")" : "" };
  });
  return model(terms.map((term) => term.field), (fields) => {
    let score = 0;
    let formula = "weighted:";
    const breakdown = new Array<ScoreTerm>(terms.length);
    for (let index = 0; index < terms.length; index++) {
      const term = terms[index];
      const value = num(fields, term.field);
      const contribution = term.weight * (term.effort ? 6 - value : value);
      score += contribution;
      breakdown[index] = { field: term.field, value, weight: term.weight, contribution: roundScore(contribution) };
      formula += (index === 0 ? " " : " + ") + term.label + fmt(value) + term.close;
    }
    return finish(score, breakdown, terms.length === 0 ? "weighted: 0" : formula);
  });
}

function wsjf(): PreparedModel {
  return model(["impact", "urgency", "effort"], (fields) => {
    const impact = num(fields, "impact");
    const urgency = num(fields, "urgency");
    const effort = num(fields, "effort");
    // `riskReduction ?? 0`: absent or null is 0, but a present non-number is missing.
    const raw = Object.prototype.hasOwnProperty.call(fields, "riskReduction") ? fields.riskReduction : undefined;
    const risk = raw === undefined || raw === null ? undefined : readNumber(fields, "riskReduction");
    if (raw !== undefined && raw !== null && risk === undefined) return { ok: false, missing: ["riskReduction"] };
    if (effort === 0) return failure("division by zero: effort is 0");
    const breakdown: ScoreTerm[] = [
      { field: "impact", value: impact, contribution: roundScore(impact / effort) },
      { field: "urgency", value: urgency, contribution: roundScore(urgency / effort) },
    ];
    let sum = "wsjf: (impact " + fmt(impact) + " + urgency " + fmt(urgency);
    if (risk !== undefined) {
      breakdown.push({ field: "riskReduction", value: risk, contribution: roundScore(risk / effort) });
      sum += " + riskReduction " + fmt(risk);
    }
    breakdown.push({ field: "effort", value: effort });
    const score = (impact + urgency + (risk ?? 0)) / effort;
    return finish(score, breakdown, sum + ") / effort " + fmt(effort));
  });
}

function rice(): PreparedModel {
  return model(["reach", "impact", "confidence", "effort"], (fields) => {
    const reach = num(fields, "reach");
    const impact = num(fields, "impact");
    const confidence = num(fields, "confidence");
    const effort = num(fields, "effort");
    if (effort === 0) return failure("division by zero: effort is 0");
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
  return model(["impact", "confidence", "effort"], (fields) => {
    const impact = num(fields, "impact");
    const confidence = num(fields, "confidence");
    const effort = num(fields, "effort");
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
    return { required: [], score: () => failure(reason) };
  }
  const parsed = parseFormula(source);
  if (!parsed.ok) return { required: [], score: () => failure(parsed.error.message) };
  const { expr, fields: names } = parsed;
  const text = `custom: ${source.trim().replace(/\s+/g, " ")}`;
  return model(names, (fields) => {
    const result = evaluateFormula(expr, fields);
    if (!result.ok) return "reason" in result ? failure(result.reason) : { ok: false, missing: result.missing };
    const breakdown = new Array<ScoreTerm>(names.length);
    let formula = text;
    for (let index = 0; index < names.length; index++) {
      const value = num(fields, names[index]);
      breakdown[index] = { field: names[index], value };
      formula += (index === 0 ? " with " : ", ") + names[index] + " " + fmt(value);
    }
    return finish(result.value, breakdown, formula);
  });
}

function prepareModel(config: ScoringConfig): PreparedModel {
  switch (config.model) {
    case "wsjf": return wsjf();
    case "rice": return rice();
    case "ice": return ice();
    case "custom": return custom(config);
    default: return weighted(config);
  }
}

/**
 * The one place fields are read for scoring: every model scores the item's
 * effective fields — its own, else the team's `scores:` combined (SPEC §9) —
 * and a term that came from the team says from how many people.
 */
function prepare(config: ScoringConfig): PreparedModel {
  const prepared = prepareModel(config);
  const aggregate: ScoreAggregate = config.aggregate === "median" ? "median" : "mean";
  return {
    required: prepared.required,
    score(fields) {
      const team = teamFields(fields, aggregate);
      if (!team) return prepared.score(fields);
      const result = prepared.score(team.fields);
      if (!result.ok) return result;
      // The result and its terms are this call's own: marked in place (copies cost more than the scoring at 10,000 items).
      let sources = "";
      for (const term of result.breakdown) {
        const people = team.people.get(term.field);
        if (people === undefined) continue;
        term.people = people;
        term.aggregate = aggregate;
        sources += (sources ? ", " : "; from the team: ") + teamSource(term.field, fmt(term.value), people, aggregate);
      }
      result.explanation += sources;
      return result;
    },
  };
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
