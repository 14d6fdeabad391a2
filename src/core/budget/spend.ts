/**
 * Money (SPEC §9 "Budgets"): what an initiative or tactic costs, what a pillar
 * and a sprint spend, and what each may spend. An initiative's `budget` is
 * what the initiative itself costs, never its tactics' too, so every item is
 * counted once. Dropped work spends nothing; done work has spent its money.
 * Each sum walks the index's referrers, not the workspace: cheap at 10,000 items.
 */
import type { Split } from "../config/types";
import type { Item } from "../model/item";
import type { StrategyIndex } from "../model/strategy-index";
import { sumByPillar, tidy } from "../plan/allocation";

/** The money an item states in `budget` (an item's cost, a pillar's or sprint's cap), or null when it has none. */
export function budgetOf(item: Pick<Item, "data">): number | null {
  const budget = item.data.budget;
  return typeof budget === "number" && Number.isFinite(budget) && budget >= 0 ? budget : null;
}

/** What a pillar's work spends against what the pillar may spend. */
export interface PillarSpend {
  /** The budgets of its not-dropped initiatives and tactics (own pillar or through their initiative). */
  sum: number;
  /** The pillar's own `budget`, or null when it has none. */
  cap: number | null;
  /** The not-dropped initiatives and tactics with a budget that make up `sum`, largest first (then by id). */
  items: Item[];
}

/** What a sprint's items spend against what the sprint may spend. */
export interface SprintSpend {
  /** The budgets of its not-dropped items (those whose `sprint` is it). */
  sum: number;
  /** The sprint's own `budget`, or null when it has none. */
  cap: number | null;
  byTrack: Split;
  /** Money per effective pillar (lower-case id; `(unaligned)` for none), largest first: the plan's `byPillar` keys. */
  byPillar: Record<string, number>;
  /** The not-dropped items with a budget that make up `sum`, largest first (then by id). */
  items: Item[];
}

const spends = (item: Item): boolean => Boolean(item.track) && item.data.status !== "dropped";

/**
 * The money a pillar's work spends: its initiatives and tactics whose
 * effective pillar (own, else their initiative's) is this pillar, each once.
 * Candidates are the pillar's referrers and the children of the initiatives
 * among them; each is kept only when {@link StrategyIndex.pillarOf} is this pillar.
 */
export function pillarSpend(index: StrategyIndex, pillar: Item): PillarSpend {
  const seen = new Set<Item>();
  const counted: Item[] = [];
  const consider = (item: Item) => {
    if (seen.has(item)) return;
    seen.add(item);
    if (spends(item) && budgetOf(item) !== null && index.pillarOf(item) === pillar) counted.push(item);
  };
  for (const item of index.referrers(pillar.id)) {
    if (!item.track) continue;
    consider(item);
    if (item.kind === "initiative") for (const child of index.referrers(item.id)) if (child.track) consider(child);
  }
  return { sum: sumOf(counted), cap: budgetOf(pillar), items: largestFirst(counted) };
}

/** The money a sprint's items spend, in all and per track and pillar, against its `budget`. */
export function sprintSpend(index: StrategyIndex, sprint: Item): SprintSpend {
  const counted: Item[] = [];
  for (const item of index.referrers(sprint.id)) {
    if (!spends(item) || budgetOf(item) === null) continue;
    if (item.refs.some((ref) => ref.field === "sprint" && ref.key === sprint.key)) counted.push(item);
  }
  const byTrack: Split = { strategic: 0, tactical: 0 };
  for (const item of counted) byTrack[item.track!] += budgetOf(item)!;
  const byPillar = sumByPillar(
    counted.map((item) => ({ estimate: budgetOf(item)!, pillar: index.pillarOf(item)?.id ?? index.pillarRefs(item).refs[0]?.id })),
  );
  return {
    sum: sumOf(counted),
    cap: budgetOf(sprint),
    byTrack: { strategic: tidy(byTrack.strategic), tactical: tidy(byTrack.tactical) },
    byPillar,
    items: largestFirst(counted),
  };
}

function sumOf(items: readonly Item[]): number {
  let sum = 0;
  for (const item of items) sum += budgetOf(item)!;
  return tidy(sum);
}

function largestFirst(items: Item[]): Item[] {
  return items.sort((a, b) => budgetOf(b)! - budgetOf(a)! || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
