/**
 * Ranks a backlog by score (SPEC §3): higher scores first; ties break by
 * `urgency` (higher first, an item without one after an item with one), then
 * by id (ascending, case-insensitive); urgency as the models read it (the
 * team's when the item states none). Items that cannot be scored are listed
 * apart, with the fields they lack.
 */
import type { ScoringConfig } from "../config/types.js";
import { createScorer, type ScoreTerm } from "./models.js";
import { effectiveNumber } from "./team.js";

/** A scored item and its place, 1-based; no two items share a rank. */
export interface RankedItem<T> {
  item: T;
  score: number;
  rank: number;
  breakdown: ScoreTerm[];
  explanation: string;
}

/** An item that could not be scored, with the fields it lacks or the reason. */
export interface UnrankedItem<T> {
  item: T;
  missing: string[];
  reason?: string;
}

/** The result of {@link rankItems}. */
export interface Ranking<T> {
  ranked: Array<RankedItem<T>>;
  unranked: Array<UnrankedItem<T>>;
}

/** Compares two item ids: case-insensitive first, then exact, so the order is total. */
function compareIds(aKey: string, aId: string, bKey: string, bId: string): number {
  if (aKey !== bKey) return aKey < bKey ? -1 : 1;
  if (aId !== bId) return aId < bId ? -1 : 1;
  return 0;
}

/**
 * Scores and ranks `items` with the configured model, preparing the model (and
 * parsing a custom formula) once per call. Unranked items are ordered by id.
 */
export function rankItems<T>(
  items: readonly T[],
  fieldsOf: (item: T) => Record<string, unknown>,
  idOf: (item: T) => string,
  config: ScoringConfig,
): Ranking<T> {
  const score = createScorer(config);
  // Sort keys live in parallel arrays indexed like `ranked`, so that sorting
  // moves indices only. Absent urgency is -Infinity: after any finite urgency.
  const ranked: Array<RankedItem<T>> = [];
  const urgencies: number[] = [];
  const rankedIds: string[] = [];
  const rankedKeys: string[] = [];
  const unranked: Array<UnrankedItem<T>> = [];
  const unrankedIds: string[] = [];
  const unrankedKeys: string[] = [];
  for (const item of items) {
    const fields = fieldsOf(item);
    const id = idOf(item);
    const result = score(fields);
    if (result.ok) {
      ranked.push({ item, score: result.score, rank: 0, breakdown: result.breakdown, explanation: result.explanation });
      urgencies.push(effectiveNumber(fields, "urgency", config.aggregate) ?? -Infinity);
      rankedIds.push(id);
      rankedKeys.push(id.toLowerCase());
    } else {
      unranked.push(result.reason === undefined ? { item, missing: result.missing } : { item, missing: result.missing, reason: result.reason });
      unrankedIds.push(id);
      unrankedKeys.push(id.toLowerCase());
    }
  }
  const order = ranked.map((_, index) => index);
  order.sort((a, b) => {
    const scoreA = ranked[a].score;
    const scoreB = ranked[b].score;
    if (scoreA !== scoreB) return scoreB - scoreA;
    if (urgencies[a] !== urgencies[b]) return urgencies[b] - urgencies[a];
    return compareIds(rankedKeys[a], rankedIds[a], rankedKeys[b], rankedIds[b]) || a - b;
  });
  const unrankedOrder = unranked.map((_, index) => index);
  unrankedOrder.sort((a, b) => compareIds(unrankedKeys[a], unrankedIds[a], unrankedKeys[b], unrankedIds[b]) || a - b);
  return {
    ranked: order.map((index, position) => {
      const entry = ranked[index];
      entry.rank = position + 1;
      return entry;
    }),
    unranked: unrankedOrder.map((index) => unranked[index]),
  };
}
