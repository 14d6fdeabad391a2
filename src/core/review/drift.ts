/**
 * `split-drift` (SPEC §8): the realised strategic share was below its target by
 * more than `capacity.tolerance` in each of the last `review.driftSprints`
 * ended sprints, skipping sprints with nothing done.
 */
import type { StrategyConfig } from "../config/types";
import { realisedStrategic, type SprintTally } from "./tally";

/** A drift: the sprints (oldest first) with their realised strategic shares (unrounded) and targets. */
export interface Drift {
  sprints: Array<{ tally: SprintTally; share: number; target: number }>;
}

/** The drift over `ended` (ended sprints, oldest first, up to the one judged), or null when the rule does not fire. */
export function driftOf(ended: readonly SprintTally[], config: StrategyConfig): Drift | null {
  const wanted = config.review.driftSprints;
  const window: Drift["sprints"] = [];
  for (let i = ended.length - 1; i >= 0 && window.length < wanted; i--) {
    const share = realisedStrategic(ended[i]);
    if (share === null) continue;
    const target = ended[i].target.strategic;
    if (target - share <= config.capacity.tolerance) return null;
    window.unshift({ tally: ended[i], share, target });
  }
  return window.length === wanted ? { sprints: window } : null;
}
