/**
 * `split-drift` (SPEC §8): the realised strategic share was below its target by
 * more than `capacity.tolerance` in each of the last `review.driftSprints`
 * ended sprints, skipping sprints with nothing done.
 */
import type { StrategyConfig } from "../config/types";
import type { StrategyIndex } from "../model/strategy-index";
import { endedSprintItems, realisedStrategic, tallyOf, type SprintTally } from "./tally";

/** A drift: the sprints (oldest first) with their realised strategic shares (unrounded) and targets. */
export interface Drift {
  sprints: Array<{ tally: SprintTally; share: number; target: number }>;
}

/**
 * The drift over `count` ended sprints (oldest first, up to the one judged; `tallyAt(i)` is the i-th),
 * or null when the rule does not fire. Only the tallies from the end back to the last needed are asked for.
 */
export function driftOf(count: number, tallyAt: (i: number) => SprintTally, config: StrategyConfig): Drift | null {
  const wanted = config.review.driftSprints;
  const window: Drift["sprints"] = [];
  for (let i = count - 1; i >= 0 && window.length < wanted; i--) {
    const tally = tallyAt(i);
    const share = realisedStrategic(tally);
    if (share === null) continue;
    const target = tally.target.strategic;
    if (target - share <= config.capacity.tolerance) return null;
    window.unshift({ tally, share, target });
  }
  return window.length === wanted ? { sprints: window } : null;
}

/** The split-drift finding over every ended sprint on `today`: only the last tallies it needs are made. */
export function currentDrift(index: StrategyIndex, config: StrategyConfig, today: string): Drift | null {
  const ended = endedSprintItems(index, today);
  return driftOf(ended.length, (i) => tallyOf(index, config, today, ended[i]), config);
}
