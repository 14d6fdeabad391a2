/**
 * The sprint review of SPEC §8: what a sprint committed, did and carried over
 * per track against its target, the trend over the last ended sprints, the
 * split-drift finding and the delivery metrics per quarter — the shape
 * `review --format json` prints, for the CLI, the board and the tests alike.
 */
import { round1 } from "../plan/allocation";
import { dayOf } from "../plan/sprint-state";
import type { Item } from "../model/item";
import { itemTitle } from "../parse/title";
import type { StrategyWorkspace } from "../workspace";
import { deliveryQuarters, quarterOf } from "./delivery";
import { driftOf } from "./drift";
import { endedSprints, realisedStrategic, sprintOrderKey, tallySprint, velocityOf, type SprintTally } from "./tally";
import type { PerTrack, SprintReview, TrendPoint } from "./types";

export interface ReviewOptions {
  /** The sprint to review (an id, case-insensitive); the latest ended sprint by default. */
  sprint?: string;
  /** `YYYY-MM-DD`; the workspace's today by default. */
  today?: string;
}

export type ReviewResult = { ok: true; review: SprintReview } | { ok: false; error: string };

const percentOf = (part: number, whole: number): number | null => (whole > 0 ? round1((part / whole) * 100) : null);

function completion(tally: SprintTally): PerTrack<number | null> {
  return { strategic: percentOf(tally.done.strategic, tally.committed.strategic), tactical: percentOf(tally.done.tactical, tally.committed.tactical) };
}

function realisedShare(tally: SprintTally): PerTrack<number | null> {
  const share = realisedStrategic(tally);
  return share === null ? { strategic: null, tactical: null } : { strategic: round1(share), tactical: round1(100 - share) };
}

function trendPoint(tally: SprintTally): TrendPoint {
  return { sprint: tally.sprint.id, end: tally.end, velocity: round1(velocityOf(tally)), completion: completion(tally), realisedShare: realisedShare(tally), target: tally.target.strategic };
}

/** The ended sprints on `today`, oldest first: what a review can be of. */
export function reviewableSprints(workspace: StrategyWorkspace, today = workspace.todayIso()): Array<{ id: string; title: string; end: string | null }> {
  return endedSprints(workspace.index, workspace.getConfig(), today).map((tally) => ({ id: tally.sprint.id, title: itemTitle(tally.sprint), end: tally.end }));
}

/** The sprint item a review is of: the one named, else the latest ended. */
function sprintToReview(workspace: StrategyWorkspace, ended: readonly SprintTally[], id: string | undefined): Item | string {
  const names = (list: readonly SprintTally[]) => (list.length ? list.slice(-8).map((t) => t.sprint.id).join(", ") : "none");
  if (id === undefined) return ended.length ? ended[ended.length - 1].sprint : "No sprint has ended yet: a review needs a sprint whose `end` is past or whose `status` is done";
  const sprint = workspace.index.find(id, ["sprint"]);
  if (!sprint || sprint.kind !== "sprint") return `There is no sprint \`${id}\`; ended sprints: ${names(ended)}`;
  return sprint;
}

/** The review of a sprint (SPEC §8), or why there is none, in words. */
export function buildReview(workspace: StrategyWorkspace, options: ReviewOptions = {}): ReviewResult {
  const today = options.today ?? workspace.todayIso();
  const config = workspace.getConfig();
  const ended = endedSprints(workspace.index, config, today);
  const sprint = sprintToReview(workspace, ended, options.sprint);
  if (typeof sprint === "string") return { ok: false, error: sprint };
  const at = ended.findIndex((tally) => tally.sprint === sprint);
  const tally = at >= 0 ? ended[at] : tallySprint(sprint, workspace.index, config, today);
  // The ended sprints up to the reviewed one: through it when it has ended, else those that end before it.
  const order = sprintOrderKey(sprint);
  const upTo = at >= 0 ? ended.slice(0, at + 1) : ended.filter((t) => sprintOrderKey(t.sprint) < order);
  const drift = driftOf(upTo.length, (i) => upTo[i], config);
  const day = tally.end ?? dayOf(sprint.data.start) ?? today;
  const review: SprintReview = {
    sprint: sprint.id,
    ended: tally.ended,
    target: { ...tally.target },
    committed: { strategic: round1(tally.committed.strategic), tactical: round1(tally.committed.tactical) },
    done: { strategic: round1(tally.done.strategic), tactical: round1(tally.done.tactical) },
    carriedOver: { strategic: round1(tally.carriedOver.strategic), tactical: round1(tally.carriedOver.tactical), items: tally.carriedItems },
    completion: completion(tally),
    realisedShare: realisedShare(tally),
    velocity: round1(velocityOf(tally)),
    trend: upTo.slice(-config.review.trendSprints).map(trendPoint),
    drift: drift && { sprints: drift.sprints.map((entry) => entry.tally.sprint.id), target: drift.sprints[drift.sprints.length - 1].target },
    quarters: deliveryQuarters(workspace.index, upTo, quarterOf(day)),
  };
  return { ok: true, review };
}
