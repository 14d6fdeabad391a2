/**
 * What happened in a sprint (SPEC §8 "Sprint review"), per track: *committed*
 * = estimates of the items whose `sprint` is it or whose `carried` names it
 * (dropped excluded); *done* = those done in it (`status: done`, `sprint` is
 * it); *carried over* = those whose `carried` names it, and open items still
 * in it after it ended. Each sprint costs the items that refer to it.
 */
import type { Split, StrategyConfig } from "../config/types";
import type { Item } from "../model/item";
import type { StrategyIndex } from "../model/strategy-index";
import { dayOf, datedSprint, hasEnded } from "../plan/sprint-state";
import { targetSplit } from "../rules/sprint-load";
import type { PerTrack } from "./types";

/** A sprint's units per track, unrounded, and the ids carried over from it. */
export interface SprintTally {
  sprint: Item;
  ended: boolean;
  /** Its `end` day, or null. */
  end: string | null;
  target: Split;
  committed: PerTrack<number>;
  done: PerTrack<number>;
  carriedOver: PerTrack<number>;
  /** Ids of the carried-over items, sorted. */
  carriedItems: string[];
}

const estimateOf = (item: Item): number => (typeof item.data.estimate === "number" && Number.isFinite(item.data.estimate) ? item.data.estimate : 0);

/** Whether an item is neither done nor dropped. */
export function isOpen(item: Item): boolean {
  return item.data.status !== "done" && item.data.status !== "dropped";
}

/** The tally of one sprint on `today` (`YYYY-MM-DD`). */
export function tallySprint(sprint: Item, index: StrategyIndex, config: StrategyConfig, today: string): SprintTally {
  const ended = hasEnded(datedSprint(sprint), today);
  const tally: SprintTally = {
    sprint,
    ended,
    end: dayOf(sprint.data.end),
    target: targetSplit(sprint, config.capacity.split),
    committed: { strategic: 0, tactical: 0 },
    done: { strategic: 0, tactical: 0 },
    carriedOver: { strategic: 0, tactical: 0 },
    carriedItems: [],
  };
  for (const item of index.referrers(sprint.key)) {
    if (!item.track || item.data.status === "dropped") continue;
    let inSprint = false;
    let carriedFrom = false;
    for (const ref of item.refs) {
      if (ref.key !== sprint.key) continue;
      if (ref.field === "sprint") inSprint = true;
      else if (ref.field === "carried") carriedFrom = true;
    }
    if (!inSprint && !carriedFrom) continue;
    const units = estimateOf(item);
    tally.committed[item.track] += units;
    if (inSprint && item.data.status === "done") tally.done[item.track] += units;
    if (carriedFrom || (ended && inSprint && isOpen(item))) {
      tally.carriedOver[item.track] += units;
      tally.carriedItems.push(item.id);
    }
  }
  tally.carriedItems.sort();
  return tally;
}

/** Done units of a tally. */
export function velocityOf(tally: SprintTally): number {
  return tally.done.strategic + tally.done.tactical;
}

/** The realised strategic share of a tally (percent, unrounded), or null when nothing was done. */
export function realisedStrategic(tally: SprintTally): number | null {
  const total = velocityOf(tally);
  return total > 0 ? (tally.done.strategic / total) * 100 : null;
}

/** The order sprints end in: by `end`, else `start`, then id (a sprint with neither comes first). */
export function sprintOrderKey(sprint: Item): string {
  return `${dayOf(sprint.data.end) ?? dayOf(sprint.data.start) ?? ""}\u0000${sprint.key}`;
}

/**
 * The workspace's ended sprint items on `today`, oldest first; a duplicated id
 * counts once (its first holder). Once per change of the index, and without
 * tallying anything: split-drift needs only the last few tallies.
 */
export function endedSprintItems(index: StrategyIndex, today: string): readonly Item[] {
  return index.memo(`ended-sprint-items:${today}`, () => {
    const out: Array<{ order: string; sprint: Item }> = [];
    for (const sprint of index.sortedOfKind("sprint")) {
      if (index.find(sprint.id, ["sprint"]) !== sprint) continue;
      if (!hasEnded(datedSprint(sprint), today)) continue;
      out.push({ order: sprintOrderKey(sprint), sprint });
    }
    out.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
    return out.map((entry) => entry.sprint);
  });
}

/** The tally of one sprint, once per change of the index. */
export function tallyOf(index: StrategyIndex, config: StrategyConfig, today: string, sprint: Item): SprintTally {
  const split = config.capacity.split;
  return index.memo(`tally:${today}:${split.strategic}/${split.tactical}:${sprint.file}:${sprint.idStart}`, () => tallySprint(sprint, index, config, today));
}

/** The workspace's ended sprints on `today`, oldest first, with their tallies (see {@link endedSprintItems}). */
export function endedSprints(index: StrategyIndex, config: StrategyConfig, today: string): readonly SprintTally[] {
  return endedSprintItems(index, today).map((sprint) => tallyOf(index, config, today, sprint));
}
