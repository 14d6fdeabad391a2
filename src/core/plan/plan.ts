/**
 * The capacity split and proposal of one sprint (SPEC §4): what is planned,
 * what the ranked backlog proposes on top, what does not fit, the share per
 * track against the target and per pillar. Pure and total: bad input becomes
 * a note, never an exception.
 */
import { DEFAULT_CAPACITY, type Split, type Track } from "../config/types.js";
import {
  compareBacklog,
  fillQueue,
  isExhausted,
  newQueue,
  normalizeId,
  resolveTarget,
  round1,
  notFitting,
  sumByPillar,
  tidy,
  fmt,
  validEstimate,
  type TrackQueue,
} from "./allocation.js";
import { planBudget, type PlanBudget } from "../budget/money.js";

/** A backlog item as the planner sees it (initiatives and tactics). */
export interface PlanItem {
  /** As written by the user. */
  id: string;
  title?: string;
  track: Track;
  /** Capacity units; undefined = not estimated. */
  estimate?: number;
  /** Money the item costs (its own `budget`); undefined = none stated. */
  budget?: number;
  /** Id of the sprint it is assigned to (compared case-insensitively); undefined = unassigned. */
  sprint?: string;
  /** idea | planned | in-progress | done | dropped */
  status?: string;
  /** Effective pillar id (own or inherited); undefined = none. */
  pillar?: string;
  /** null = unranked (missing scoring fields). */
  score: number | null;
  /** 1..n among ranked items; lower is better. */
  rank?: number;
  /** For an unranked item: the scoring fields it lacks (none when it cannot be scored for another reason). */
  missing?: string[];
}

/** The sprint being planned. */
export interface PlanSprint {
  id: string;
  /** Capacity units of the sprint. */
  capacity: number;
  /** The sprint's own target split; falls back to {@link PlanOptions.defaultSplit}. */
  split?: Split;
  /** Set when the sprint has ended (SPEC §8): nothing is proposed, and the note says what to plan instead. */
  ended?: { end: string | null; instead: string | null };
  /** The money the sprint may spend (its `budget`); undefined or null = no cap. */
  budget?: number | null;
}

/** Workspace settings the planner uses. */
export interface PlanOptions {
  /** config `capacity.split`. */
  defaultSplit: Split;
  /** config `capacity.tolerance`: allowed drift of the strategic share in points (default 10). */
  tolerance?: number;
  /** config `budget.currency`: the label of amounts in notes (SPEC §9). */
  currency?: string;
}

/** The plan of one sprint: the `plan --format json` shape of SPEC §6, plus `details`. */
export interface SprintPlan {
  sprint: string;
  capacity: number;
  target: Split;
  planned: { strategic: number; tactical: number; items: string[] };
  proposed: { strategic: number; tactical: number; items: string[] };
  /** Percent per track after the proposal, one decimal; both 0 when nothing is planned or proposed. */
  share: { strategic: number; tactical: number };
  /** Planned + proposed estimate per effective pillar (`(unaligned)` for none), largest first. */
  byPillar: Record<string, number>;
  doesNotFit: string[];
  notes: string[];
  /** Money (SPEC §9): the budgets of the planned and proposed items per track and pillar, against the sprint's `budget`. */
  budget: PlanBudget;
  details: {
    /** Capacity units per track: capacity × target share / 100. */
    budget: Split;
    /** Budget − planned per track, before the proposal; negative when already over. */
    remaining: Split;
    /** Budget of a track with no candidates left that went to the other track. */
    spill?: { from: Track; to: Track; units: number };
    /** Why each `doesNotFit` item did not fit: its estimate against what its track had left. */
    notFitting: NotFitting[];
  };
}

/** A candidate that did not fit, and why: `room` units were left of the `budget` its track was offered. */
export interface NotFitting {
  id: string;
  track: Track;
  estimate: number;
  /** Units the track still had when the proposal was done. */
  room: number;
  /** The track's budget in this sprint (its share of capacity, within what is free, with any spill). */
  budget: number;
  /** One sentence: "needs 5 units; 2 of the 9-unit tactical budget are left". */
  reason: string;
}

const DEFAULT_TOLERANCE = DEFAULT_CAPACITY.tolerance;
/** Most `doesNotFit` entries listed per track. */
const DOES_NOT_FIT_LIMIT = 10;
const TRACKS: readonly Track[] = ["strategic", "tactical"];

/**
 * Plans one sprint: sums what is already in it, then proposes ranked,
 * estimated, unassigned, not-done candidates greedily in backlog order within
 * each track's budget. Leftover budget moves to the other track only when its
 * own track has no candidates left. One pass over `items` plus one sort.
 */
export function planSprint(sprint: PlanSprint, items: readonly PlanItem[], options: PlanOptions): SprintPlan {
  const notes: string[] = [];
  const target = resolveTarget(sprint.split, options.defaultSplit, notes);
  const capacity = Number.isFinite(sprint.capacity) ? sprint.capacity : 0;
  const canPropose = capacity > 0 && !sprint.ended;
  if (sprint.ended) {
    const when = sprint.ended.end ? ` on ${sprint.ended.end}` : "";
    notes.push(`Sprint ${sprint.id} ended${when}: nothing is proposed${sprint.ended.instead ? `; plan ${sprint.ended.instead} instead` : ""}`);
  } else if (!canPropose) {
    notes.push(`Sprint ${sprint.id} has no usable capacity (${String(sprint.capacity)}): set \`capacity:\` to a positive number to get a proposal`);
  }

  // One pass: what is in the sprint, and the candidates per track.
  const sprintKey = normalizeId(sprint.id);
  const planned: PlanItem[] = [];
  const plannedSum: Split = { strategic: 0, tactical: 0 };
  const pool: Record<Track, PlanItem[]> = { strategic: [], tactical: [] };
  let plannedWithoutEstimate = 0;
  let unranked = 0;
  const unrankedMissing = new Set<string>();
  let unestimated = 0;
  for (const item of items) {
    const status = item.status?.trim().toLowerCase();
    if (status === "dropped") continue;
    const assigned = normalizeId(item.sprint);
    const estimate = validEstimate(item.estimate);
    if (assigned !== undefined) {
      if (assigned !== sprintKey) continue;
      planned.push(item);
      if (estimate === undefined) plannedWithoutEstimate++;
      else plannedSum[item.track] += estimate;
      continue;
    }
    if (status === "done") continue;
    if (item.score === null || !Number.isFinite(item.score)) {
      unranked++;
      for (const field of item.missing ?? []) unrankedMissing.add(field);
    }
    else if (estimate === undefined || estimate <= 0) unestimated++;
    else pool[item.track].push(item);
  }

  const budget: Split = { strategic: 0, tactical: 0 };
  const remaining: Split = { strategic: 0, tactical: 0 };
  const totalPlanned = plannedSum.strategic + plannedSum.tactical;
  const free = Math.max(0, capacity - totalPlanned);
  const queues: Record<Track, TrackQueue<PlanItem>> = {
    strategic: newQueue(pool.strategic.sort(compareBacklog)),
    tactical: newQueue(pool.tactical.sort(compareBacklog)),
  };
  /** Budget each track was offered (own, capped so the sprint stays within capacity, plus any spill). */
  const offered: Split = { strategic: 0, tactical: 0 };
  for (const track of TRACKS) {
    budget[track] = canPropose ? (capacity * target[track]) / 100 : 0;
    remaining[track] = budget[track] - plannedSum[track];
    offered[track] = canPropose ? Math.min(Math.max(0, remaining[track]), free) : 0;
    fillQueue(queues[track], offered[track], estimateOf);
  }

  if (capacity >= 0 && totalPlanned > capacity) {
    notes.push(`Planned work (${fmt(totalPlanned)}) exceeds capacity (${fmt(capacity)}) by ${fmt(totalPlanned - capacity)}`);
  }
  if (canPropose) {
    for (const track of TRACKS) {
      if (tidy(remaining[track]) < 0) {
        notes.push(
          `${cap(track)} work already planned (${fmt(plannedSum[track])}) exceeds its ${fmt(target[track])}% budget ` +
            `(${fmt(budget[track])}) by ${fmt(-remaining[track])}`,
        );
      }
    }
  }
  if (plannedWithoutEstimate > 0) {
    notes.push(`${count(plannedWithoutEstimate, "planned item has", "planned items have")} no estimate: add \`estimate:\` so they count against capacity`);
  }

  const spill = spillLeftover(queues, offered, free, notes);
  if (spill) offered[spill.to] += spill.offered;

  const proposedSum: Split = { strategic: queues.strategic.used, tactical: queues.tactical.used };
  const proposed = [...takenOf(queues.strategic), ...takenOf(queues.tactical)].sort(compareBacklog);
  const doesNotFit = collectDoesNotFit(queues, offered, notes);
  const notFittingWhy = doesNotFit.map((item) => whyNotFitting(item, offered[item.track] - queues[item.track].used, offered[item.track]));

  const total = totalPlanned + proposedSum.strategic + proposedSum.tactical;
  const share: Split = { strategic: 0, tactical: 0 };
  if (tidy(total) > 0) {
    share.strategic = round1((100 * (plannedSum.strategic + proposedSum.strategic)) / total);
    share.tactical = round1(100 - share.strategic);
    const tolerance = validTolerance(options.tolerance);
    const drift = share.strategic - target.strategic;
    if (Math.abs(drift) > tolerance + 1e-9) {
      notes.push(
        `Strategic share ${share.strategic.toFixed(1)}% is ${drift > 0 ? "above" : "below"} the ${fmt(target.strategic)}% target ` +
          `by ${Math.abs(drift).toFixed(1)} points (tolerance ${fmt(tolerance)})`,
      );
    }
  }

  const left = capacity - total;
  if (canPropose && tidy(left) > 0) {
    const noneLeft = isExhausted(queues.strategic) && isExhausted(queues.tactical);
    const perTrack = TRACKS.map((track) => `${fmt(Math.max(0, offered[track] - queues[track].used))} ${track}`).join(", ");
    notes.push(
      `${fmt(left)} units are still free (${perTrack}): ` + (noneLeft ? "no ranked, estimated candidates are left" : "no candidate left fits its track's room"),
    );
  }
  if (unranked > 0) {
    const fields = [...unrankedMissing].sort();
    notes.push(
      `${count(unranked, "unranked item was", "unranked items were")} not considered: ` +
        (fields.length ? `add the scoring fields ${unranked === 1 ? "it misses" : "they miss"} (${fields.join(", ")})` : "their scores cannot be computed (see the backlog's unranked list)"),
    );
  }
  if (unestimated > 0) {
    notes.push(`${count(unestimated, "ranked item has", "ranked items have")} no estimate and ${unestimated === 1 ? "was" : "were"} not considered: add \`estimate:\``);
  }

  const money = planBudget(planned, proposed, sprint.budget, options.currency, notes);
  return {
    sprint: sprint.id,
    capacity,
    target,
    planned: { strategic: tidy(plannedSum.strategic), tactical: tidy(plannedSum.tactical), items: [...planned].sort(compareBacklog).map((i) => i.id) },
    proposed: { strategic: tidy(proposedSum.strategic), tactical: tidy(proposedSum.tactical), items: proposed.map((i) => i.id) },
    share,
    byPillar: sumByPillar([...planned, ...proposed]),
    doesNotFit: doesNotFit.map((i) => i.id),
    notes,
    budget: money,
    details: {
      budget: { strategic: tidy(budget.strategic), tactical: tidy(budget.tactical) },
      remaining: { strategic: tidy(remaining.strategic), tactical: tidy(remaining.tactical) },
      ...(spill ? { spill: { from: spill.from, to: spill.to, units: spill.units } } : {}),
      notFitting: notFittingWhy,
    },
  };
}

/**
 * When one track has proposed every candidate it had and budget is left, the
 * other track (with candidates still waiting) continues with that budget.
 */
function spillLeftover(
  queues: Record<Track, TrackQueue<PlanItem>>,
  offered: Split,
  free: number,
  notes: string[],
): { from: Track; to: Track; units: number; offered: number } | undefined {
  for (const [from, to] of [["strategic", "tactical"], ["tactical", "strategic"]] as const) {
    const spare = offered[from] - queues[from].used;
    if (tidy(spare) <= 0 || !isExhausted(queues[from]) || isExhausted(queues[to])) continue;
    const ownLeft = offered[to] - queues[to].used;
    const room = Math.min(ownLeft + spare, free - queues.strategic.used - queues.tactical.used);
    const added = fillQueue(queues[to], room, estimateOf);
    // A candidate skipped before was bigger than `ownLeft`, so anything added uses spilled budget.
    if (added <= 0) return undefined;
    const units = Math.max(0, tidy(added - ownLeft));
    notes.push(`No ${from} items left: ${fmt(units)} units of ${from} budget went to ${to} work`);
    return { from, to, units, offered: spare };
  }
  return undefined;
}

/** The candidates of each track that were next in line but did not fit, in backlog order. */
function collectDoesNotFit(queues: Record<Track, TrackQueue<PlanItem>>, offered: Split, notes: string[]): PlanItem[] {
  const result: PlanItem[] = [];
  let more = 0;
  for (const track of TRACKS) {
    // A track with no budget at all has nothing that "did not fit"; the notes say why.
    if (tidy(offered[track]) <= 0) continue;
    const skipped = notFitting(queues[track], DOES_NOT_FIT_LIMIT);
    result.push(...skipped.items);
    more += skipped.more;
  }
  if (more > 0) notes.push(`${count(more, "more candidate", "more candidates")} did not fit either`);
  return result.sort(compareBacklog);
}

/** Why a candidate did not fit its track's room. */
function whyNotFitting(item: PlanItem, room: number, budget: number): NotFitting {
  const estimate = item.estimate ?? 0;
  const left = Math.max(0, tidy(room));
  const reason =
    left <= 0
      ? `needs ${fmt(estimate)} units; the ${fmt(budget)}-unit ${item.track} budget is full`
      : `needs ${fmt(estimate)} units; ${fmt(left)} of the ${fmt(budget)}-unit ${item.track} budget ${left === 1 ? "is" : "are"} left (${fmt(estimate - left)} short)`;
  return { id: item.id, track: item.track, estimate, room: left, budget: tidy(budget), reason };
}

function takenOf<T>(queue: TrackQueue<T>): T[] {
  return queue.candidates.filter((_, i) => queue.taken[i]);
}

function estimateOf(item: PlanItem): number {
  return item.estimate ?? 0;
}

function validTolerance(tolerance: number | undefined): number {
  return tolerance !== undefined && Number.isFinite(tolerance) && tolerance >= 0 ? tolerance : DEFAULT_TOLERANCE;
}

function cap(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
