import type { Split } from "../config/types";
import type { Item } from "../model/item";
import type { StrategyIndex } from "../model/strategy-index";

/** Estimates of the backlog items assigned to a sprint (dropped items do not count; done ones do). */
export interface SprintLoad {
  strategic: number;
  tactical: number;
  total: number;
  items: Item[];
}

export function sprintLoad(sprint: Item, index: StrategyIndex): SprintLoad {
  const load: SprintLoad = { strategic: 0, tactical: 0, total: 0, items: [] };
  for (const item of index.referrers(sprint.id)) {
    if (!item.track || item.data.status === "dropped") continue;
    if (!item.refs.some((ref) => ref.field === "sprint" && ref.key === sprint.key)) continue;
    load.items.push(item);
    const estimate = typeof item.data.estimate === "number" ? item.data.estimate : 0;
    load[item.track] += estimate;
    load.total += estimate;
  }
  return load;
}

/** How far a load's strategic share (percent, unrounded) is from its target; 0 for an empty load. */
export function splitDrift(load: Pick<SprintLoad, "strategic" | "total">, target: Split): number {
  return load.total > 0 ? (load.strategic / load.total) * 100 - target.strategic : 0;
}

/** Whether a load's strategic share is off its target by more than the tolerance (the `capacity-split-off-target` test). */
export function offTarget(load: Pick<SprintLoad, "strategic" | "total">, target: Split, tolerance: number): boolean {
  return Math.abs(splitDrift(load, target)) > tolerance;
}

/** The capacity target of a sprint: its own `split`, else the configured one. */
export function targetSplit(sprint: Item, fallback: Split): Split {
  const split = sprint.data.split as Split | undefined;
  return split && typeof split.strategic === "number" ? split : fallback;
}
