/**
 * Swimlanes of the roadmap and the campaign calendar: which lanes an item
 * goes in (its effective pillar, each of its channels, or its track; null for
 * none), and a set of lanes that groups spellings of one name and sorts them.
 */
import type { Item } from "../model/item";
import type { StrategyIndex } from "../model/strategy-index";
import { channelsOf } from "./span";
import type { RoadmapLanes } from "./types";

/**
 * The lanes an item goes in: its effective pillar's id (own, else through its
 * initiative; null when it names none that exists), each of its channels (null
 * for none), or its track.
 */
export function laneKeysOf(index: StrategyIndex, item: Item, lanes: RoadmapLanes): Array<string | null> {
  if (lanes === "pillar") return [index.pillarOf(item)?.id ?? null];
  if (lanes === "track") return [item.track ?? null];
  const channels = channelsOf(item);
  return channels.length ? channels : [null];
}

/** Text in code-point order. */
export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** Ids case-insensitively, then as written. */
export const compareIds = (a: string, b: string): number => compare(a.toLowerCase(), b.toLowerCase()) || compare(a, b);

interface Lane<T> {
  /** The most used spelling (of equals, the smallest), so the name does not depend on load order. */
  lane: string | null;
  entries: T[];
  /** How often each spelling was used. */
  spellings: Map<string, number>;
}

/**
 * Entries grouped by lane name, case-insensitively (`LinkedIn` and `linkedin`
 * are one channel, named by the spelling used most, of equals the smallest);
 * the null lane is its own.
 */
export class LaneSet<T> {
  private readonly lanes = new Map<string | null, Lane<T>>();

  /** The lane of a name (created empty when new), counting one use of its spelling. */
  touch(name: string | null): Lane<T> {
    const key = name === null ? null : name.toLowerCase();
    let lane = this.lanes.get(key);
    if (!lane) this.lanes.set(key, (lane = { lane: name, entries: [], spellings: new Map() }));
    if (name === null || lane.lane === null) return lane;
    const uses = (lane.spellings.get(name) ?? 0) + 1;
    lane.spellings.set(name, uses);
    const best = lane.spellings.get(lane.lane) ?? 0;
    if (uses > best || (uses === best && name < lane.lane)) lane.lane = name;
    return lane;
  }

  add(name: string | null, entry: T): void {
    this.touch(name).entries.push(entry);
  }

  /** The lanes by name (case-insensitive), the null lane last. */
  sorted(): Array<Lane<T>> {
    return [...this.lanes.entries()]
      .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : 1))
      .map(([, lane]) => lane);
  }
}
