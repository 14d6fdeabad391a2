/**
 * Scoring of the backlog (SPEC §3): the models, the safe formula parser of the
 * `custom` model, and the ranking with its tie-breaks.
 */
export {
  evaluateFormula,
  parseFormula,
  readNumber,
  type EvaluateFormulaResult,
  type Expr,
  type FormulaError,
  type FormulaFunction,
  type ParseFormulaResult,
} from "./formula.js";
export {
  createScorer,
  requiredFields,
  roundScore,
  scoreFields,
  type ScoreResult,
  type ScoreTerm,
  type Scorer,
} from "./models.js";
export { rankItems, type RankedItem, type Ranking, type UnrankedItem } from "./rank.js";
