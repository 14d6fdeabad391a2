import type { Track } from "../config/types";

/** The item kinds of SPEC §1. */
export const KINDS = ["strategy", "pillar", "kpi", "initiative", "tactic", "sprint"] as const;
export type Kind = (typeof KINDS)[number];

/** Kinds that sit in the dual-track backlog, and their default track. */
export const BACKLOG_TRACK: Partial<Record<Kind, Track>> = { initiative: "strategic", tactic: "tactical" };

export const STATUSES = ["idea", "planned", "in-progress", "done", "dropped"] as const;

/** Fields that hold references to other items' ids, and the kinds they may point to. */
export const REFERENCE_FIELDS = {
  pillar: ["pillar"],
  kpi: ["kpi"],
  kpis: ["kpi"],
  initiative: ["initiative"],
  sprint: ["sprint"],
  carried: ["sprint"],
} as const satisfies Record<string, readonly Kind[]>;
export type ReferenceField = keyof typeof REFERENCE_FIELDS;

/** Slug form of an id, checked on its lower-case form (ids are case-insensitive). */
export const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;

export function isKind(value: string): value is Kind {
  return (KINDS as readonly string[]).includes(value);
}

/** A backlog item that is done or dropped: out of the ranked backlog. */
export function isClosed(item: { data: Record<string, unknown> }): boolean {
  return item.data.status === "done" || item.data.status === "dropped";
}

/** Two rows of the banded distance, reused from call to call (grown as needed): a distance allocates nothing. */
let ROW_A = new Int32Array(64);
let ROW_B = new Int32Array(64);

/**
 * Levenshtein distance, bounded: returns `limit + 1` as soon as it must exceed
 * `limit`. Only the band of `limit` cells either side of the diagonal is
 * computed, so two long ids cost O(length × limit), never O(length²).
 */
export function editDistance(a: string, b: string, limit = 2): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const over = limit + 1;
  if (ROW_A.length <= b.length + 1) [ROW_A, ROW_B] = [new Int32Array(2 * b.length + 2), new Int32Array(2 * b.length + 2)];
  let previous = ROW_A;
  let current = ROW_B;
  previous.fill(over, 0, b.length + 1);
  for (let j = 0; j <= Math.min(b.length, limit); j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    current.fill(over, Math.max(0, from - 1), Math.min(b.length, to + 1) + 1);
    current[0] = i <= limit ? i : over;
    let rowMin = current[0];
    const code = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (code === b.charCodeAt(j - 1) ? 0 : 1), over);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return over;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length], over);
}

/** The kind a misspelt `type:` most likely meant (distance ≤ 2 from a kind of 4+ letters). */
export function nearMissKind(value: string): Kind | undefined {
  const word = value.toLowerCase();
  if (isKind(word)) return undefined;
  let best: Kind | undefined;
  let bestDistance = 3;
  for (const kind of KINDS) {
    if (kind.length < 4) continue;
    const distance = editDistance(word, kind);
    if (distance < bestDistance) {
      best = kind;
      bestDistance = distance;
    }
  }
  return best;
}
