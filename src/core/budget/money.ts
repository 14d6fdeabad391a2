/**
 * Money in a sprint plan (SPEC §9): the budgets of what is planned and
 * proposed, per track and per pillar, against the sprint's `budget`, and how
 * amounts are written in messages, notes and tables ("EUR 52,000").
 */
import type { Split, Track } from "../config/types";
import { sumByPillar, tidy } from "../plan/allocation";

/** The money of a sprint plan: `plan --format json`'s `budget`. */
export interface PlanBudget {
  /** Budgets of the items already in the sprint (dropped excluded), per track. */
  planned: Split;
  /** Budgets of the proposed items, per track. */
  proposed: Split;
  /** The sprint's own `budget`, or null when it has none. */
  cap: number | null;
  /** Planned + proposed money per effective pillar (lower-case id, `(unaligned)` for none), largest first; pillars whose items state no budget are left out. */
  byPillar: Record<string, number>;
  /** config `budget.currency` (a label only), or null. */
  currency: string | null;
}

/** What the money of a plan is summed from. */
export interface Costed {
  track: Track;
  /** Money; undefined = the item states no budget. */
  budget?: number;
  pillar?: string;
}

/**
 * The plan's money from its planned and proposed items, and the notes a lead
 * needs when the sprint's `budget` is already spent, or would be with the proposal.
 */
export function planBudget(planned: readonly Costed[], proposed: readonly Costed[], cap: number | null | undefined, currency: string | undefined, notes: string[]): PlanBudget {
  const validCap = typeof cap === "number" && Number.isFinite(cap) && cap >= 0 ? cap : null;
  const result: PlanBudget = {
    planned: perTrack(planned),
    proposed: perTrack(proposed),
    cap: validCap,
    byPillar: sumByPillar([...planned, ...proposed].map((item) => ({ estimate: money(item), pillar: item.pillar }))),
    currency: currency?.trim() ? currency.trim() : null,
  };
  if (validCap === null) return result;
  const plannedSum = tidy(result.planned.strategic + result.planned.tactical);
  const total = tidy(plannedSum + result.proposed.strategic + result.proposed.tactical);
  const label = result.currency ?? undefined;
  if (plannedSum > validCap) {
    notes.push(`Planned work spends ${formatMoney(plannedSum, label)} of the sprint's ${formatMoney(validCap, label)} budget (${formatMoney(plannedSum - validCap)} over): move paid work to a later sprint or raise \`budget\``);
  } else if (total > validCap) {
    notes.push(`With the proposal the sprint would spend ${formatMoney(total, label)} of its ${formatMoney(validCap, label)} budget (${formatMoney(total - validCap)} over): leave out some paid items or raise \`budget\``);
  }
  return result;
}

/** Whether a plan has any money to show: a cap, or an item with a budget. */
export function hasMoney(budget: Pick<PlanBudget, "cap" | "byPillar">): boolean {
  return budget.cap !== null || Object.keys(budget.byPillar).length > 0;
}

/**
 * An amount as people read it: thousands grouped with commas, cents only when
 * there are any, the currency label in front when one is configured
 * ("EUR 52,000", "1,250.50"). Independent of the host's locale.
 */
export function formatMoney(amount: number, currency?: string | null): string {
  const size = Math.abs(amount);
  // Past 1e21 JavaScript writes exponents; nobody's budget is that large, but the text must stay honest.
  if (!Number.isFinite(amount) || size >= 1e21) return currency ? `${currency} ${String(amount)}` : String(amount);
  // Cents only while they are exact in a double.
  const cents = size < 1e13 ? Math.round(size * 100) : Math.round(size) * 100;
  const whole = size < 1e13 ? Math.floor(cents / 100) : Math.round(size);
  const rest = size < 1e13 ? cents % 100 : 0;
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const text = `${amount < 0 && cents > 0 ? "-" : ""}${grouped}${rest ? `.${String(rest).padStart(2, "0")}` : ""}`;
  return currency ? `${currency} ${text}` : text;
}

function money(item: Costed): number | undefined {
  return typeof item.budget === "number" && Number.isFinite(item.budget) && item.budget >= 0 ? item.budget : undefined;
}

function perTrack(items: readonly Costed[]): Split {
  const sums: Split = { strategic: 0, tactical: 0 };
  for (const item of items) sums[item.track] += money(item) ?? 0;
  return { strategic: tidy(sums.strategic), tactical: tidy(sums.tactical) };
}
