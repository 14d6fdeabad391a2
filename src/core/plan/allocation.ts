/**
 * The mechanics behind a sprint plan: the target split, backlog order, the
 * greedy fill of one track, the "does not fit" pick and the sums per pillar.
 * Pure functions over plain data; the orchestration and the wording of the
 * notes live in `plan.ts`.
 */
import { DEFAULT_CAPACITY, type Split } from "../config/types.js";
import { roundScore } from "../score/models.js";

/** The `byPillar` key of items with no pillar. */
export const UNALIGNED = "(unaligned)";
/** The fallback target when neither the sprint nor the options give a usable split. */
export const DEFAULT_SPLIT: Split = DEFAULT_CAPACITY.split;

/** What the fill needs to know about a candidate. */
export interface Orderable {
  id: string;
  score: number | null;
  rank?: number;
}

/** Candidates of one track, in backlog order, with what the fill decided. */
export interface TrackQueue<T> {
  /** In backlog order (see {@link compareBacklog}). */
  candidates: T[];
  /** `taken[i]` is true when `candidates[i]` is proposed. */
  taken: boolean[];
  /** Sum of the estimates of the taken candidates. */
  used: number;
}

/** Slack for float sums of fractional estimates (0.1 + 0.2 must fit in 0.3). */
const EPSILON = 1e-9;

/**
 * Backlog order: rank ascending (items without a rank after those with one),
 * then score descending (null last), then id. Deterministic whatever the input
 * order; no `localeCompare`, which would be slow on 10,000 items.
 */
export function compareBacklog(a: Orderable, b: Orderable): number {
  const ra = validRank(a.rank);
  const rb = validRank(b.rank);
  if (ra !== rb) return ra - rb;
  const sa = a.score ?? -Infinity;
  const sb = b.score ?? -Infinity;
  if (sa !== sb) return sb - sa;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

function validRank(rank: number | undefined): number {
  return rank !== undefined && Number.isFinite(rank) ? rank : Infinity;
}

/** A new queue over candidates already sorted in backlog order. */
export function newQueue<T>(sorted: T[]): TrackQueue<T> {
  return { candidates: sorted, taken: sorted.map(() => false), used: 0 };
}

/**
 * Walks the queue in backlog order and takes every candidate not yet taken
 * whose estimate fits what is left of `budget`, skipping (and continuing past)
 * those that do not. Called again with more budget, it continues where the
 * proposal stands: earlier picks stay, skipped candidates get a second chance.
 *
 * @returns the sum of the estimates taken by this call.
 */
export function fillQueue<T>(queue: TrackQueue<T>, budget: number, estimateOf: (item: T) => number): number {
  let left = budget;
  let added = 0;
  if (left <= EPSILON) return 0;
  for (let i = 0; i < queue.candidates.length; i++) {
    if (queue.taken[i]) continue;
    const estimate = estimateOf(queue.candidates[i]);
    if (estimate > left + EPSILON) continue;
    queue.taken[i] = true;
    left -= estimate;
    added += estimate;
    if (left <= EPSILON) break;
  }
  queue.used += added;
  return added;
}

/** True when every candidate of the queue is proposed (or there were none). */
export function isExhausted<T>(queue: TrackQueue<T>): boolean {
  return queue.taken.every(Boolean);
}

/**
 * The candidates of one track that did not fit: every candidate the greedy fill
 * skipped for lack of room, i.e. the next in line, in backlog order. At most `limit`.
 *
 * @returns the picked candidates (in backlog order) and how many more there are.
 */
export function notFitting<T>(queue: TrackQueue<T>, limit: number): { items: T[]; more: number } {
  const items: T[] = [];
  let more = 0;
  for (let i = 0; i < queue.candidates.length; i++) {
    if (queue.taken[i]) continue;
    if (items.length < limit) items.push(queue.candidates[i]);
    else more++;
  }
  return { items, more };
}

/** Rounds away float noise (0.30000000000000004 → 0.3) for reported amounts (as scores are). */
export const tidy = roundScore;

/** Rounds to one decimal, as shares are reported. */
export function round1(value: number): number {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** The sprint's split, else the default, else 70/30; normalized to sum to 100. */
export function resolveTarget(own: Split | undefined, fallback: Split, notes: string[]): Split {
  for (const [split, origin] of [[own, "The sprint's split"], [fallback, "The configured split"]] as const) {
    if (split === undefined) continue;
    const { strategic, tactical } = split;
    const sum = strategic + tactical;
    if (!(Number.isFinite(sum) && strategic >= 0 && tactical >= 0 && sum > 0)) {
      notes.push(`${origin} (${String(strategic)}/${String(tactical)}) is not usable: two non-negative percentages are expected`);
      continue;
    }
    if (Math.abs(sum - 100) < 1e-9) return { strategic, tactical };
    const normalized = { strategic: tidy((100 * strategic) / sum), tactical: 0 };
    normalized.tactical = tidy(100 - normalized.strategic);
    notes.push(`${origin} ${fmt(strategic)}/${fmt(tactical)} sums to ${fmt(sum)}, not 100: planned with ${fmt(normalized.strategic)}/${fmt(normalized.tactical)}`);
    return normalized;
  }
  return { ...DEFAULT_SPLIT };
}

/** Estimate units per effective pillar, largest first, then by name; zero amounts left out. */
export function sumByPillar(items: readonly { estimate?: number; pillar?: string }[]): Record<string, number> {
  const sums = new Map<string, number>();
  for (const item of items) {
    const estimate = validEstimate(item.estimate);
    if (estimate === undefined || estimate <= 0) continue;
    const key = normalizeId(item.pillar) ?? UNALIGNED;
    sums.set(key, (sums.get(key) ?? 0) + estimate);
  }
  const entries = [...sums].map(([key, sum]): [string, number] => [key, tidy(sum)]);
  entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return Object.fromEntries(entries);
}

/** A finite, non-negative estimate, else undefined. */
export function validEstimate(estimate: number | undefined): number | undefined {
  return estimate !== undefined && Number.isFinite(estimate) && estimate >= 0 ? estimate : undefined;
}

/** Ids are compared case-insensitively; blank means none. */
export function normalizeId(id: string | undefined): string | undefined {
  const key = id?.trim().toLowerCase();
  return key ? key : undefined;
}

/** An amount for a note. */
export function fmt(value: number): string {
  return String(tidy(value));
}
