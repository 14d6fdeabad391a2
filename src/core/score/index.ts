/**
 * Scoring of the backlog (SPEC §3): the models, the safe formula parser of the
 * `custom` model, the ranking with its tie-breaks, and the team's scores that
 * feed them all (SPEC §9).
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
export {
  aggregateOf,
  effectiveNumber,
  peopleScores,
  personLabel,
  spreadOf,
  teamFields,
  teamEntry,
  teamScored,
  teamScores,
  teamSource,
  votesOf,
  type TeamFields,
  type TeamScores,
  type Vote,
} from "./team.js";
export { rankItems, type RankedItem, type Ranking, type UnrankedItem } from "./rank.js";
