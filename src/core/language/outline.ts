/**
 * The strategy as a tree, for the editor's "Strategy" view: pillars with their
 * KPIs, initiatives and tactics (by effective pillar; a tactic sits under its
 * initiative when both serve the same pillar), the sprints with their items,
 * and "Unaligned": backlog items and KPIs that serve no pillar. Sprints carry
 * their state on the day (SPEC §8): the open ones first, the ended ones after.
 * Also the sprint the status bar shows and the words a sprint's CodeLens says.
 */
import type { Split } from "../config/types";
import { datedSprint, plannableSprint, shortDate, sprintStates, type SprintState } from "../plan/sprint-state";
import { sprintLoad, targetSplit, type SprintLoad } from "../rules/sprint-load";
import type { Item } from "../model/item";
import type { StrategyIndex } from "../model/strategy-index";
import { itemTitle } from "../parse/title";
import { clip, shortTitle } from "./context";

export interface OutlineNode {
  /** Unique within the tree (stable across rebuilds, for expansion state). */
  id: string;
  label: string;
  description: string;
  /** The item shown; groups have none. */
  item?: Item;
  /** A sprint's state on the day the outline was built. */
  state?: SprintState;
  children: OutlineNode[];
}

const byTitle = (a: Item, b: Item) => itemTitle(a).localeCompare(itemTitle(b)) || a.key.localeCompare(b.key);
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

function status(item: Item): string {
  return typeof item.data.status === "string" ? ` · ${clip(item.data.status, 40)}` : "";
}

/** A node's id under its parent: unique also when items share an id (by file and entry), and short however long the id is. */
function nodeId(parent: string, item: Item): string {
  return `${parent}/${item.kind}:${clip(item.key, 64)}@${item.file}#${item.index}`;
}

function leaf(parent: string, item: Item, children: OutlineNode[] = [], description = `${clip(item.id)}${status(item)}`): OutlineNode {
  return { id: nodeId(parent, item), label: shortTitle(item), description, item, children };
}

/** Initiatives with their tactics, then the tactics not placed under one of them. */
function backlogNodes(index: StrategyIndex, parent: string, initiatives: Item[], tactics: Item[]): OutlineNode[] {
  // Each tactic's initiative, looked up once (not once per initiative).
  const byInitiative = new Map<Item, Item[]>();
  for (const tactic of tactics) {
    const initiative = index.initiativeOf(tactic);
    if (!initiative) continue;
    const list = byInitiative.get(initiative);
    if (list) list.push(tactic);
    else byInitiative.set(initiative, [tactic]);
  }
  const placed = new Set<Item>();
  const nodes = initiatives.sort(byTitle).map((initiative) => {
    const own = byInitiative.get(initiative) ?? [];
    for (const tactic of own) placed.add(tactic);
    const id = nodeId(parent, initiative);
    return leaf(parent, initiative, own.sort(byTitle).map((tactic) => leaf(id, tactic)), `${clip(initiative.id)}${status(initiative)}${own.length ? ` · ${plural(own.length, "tactic")}` : ""}`);
  });
  return [...nodes, ...tactics.filter((tactic) => !placed.has(tactic)).sort(byTitle).map((tactic) => leaf(parent, tactic))];
}

/** The outline of a workspace's strategy on `today` (`YYYY-MM-DD`, which sprints have ended; default the UTC day). */
export function strategyOutline(index: StrategyIndex, today: string): OutlineNode[] {
  const underPillar = new Map<Item, { initiatives: Item[]; tactics: Item[] }>();
  const unaligned = { initiatives: [] as Item[], tactics: [] as Item[] };
  for (const kind of ["initiative", "tactic"] as const) {
    for (const item of index.ofKind(kind)) {
      const pillar = index.pillarOf(item);
      let bucket = unaligned;
      if (pillar) {
        bucket = underPillar.get(pillar) ?? { initiatives: [], tactics: [] };
        underPillar.set(pillar, bucket);
      }
      (kind === "initiative" ? bucket.initiatives : bucket.tactics).push(item);
    }
  }
  const out: OutlineNode[] = [...index.ofKind("strategy")].sort(byTitle).map((item) => leaf("", item));

  const alignedKpis = new Set<Item>();
  for (const pillar of [...index.ofKind("pillar")].sort(byTitle)) {
    const id = nodeId("", pillar);
    const kpis = index.kpisOf(pillar).sort(byTitle);
    for (const kpi of kpis) alignedKpis.add(kpi);
    const bucket = underPillar.get(pillar) ?? { initiatives: [], tactics: [] };
    const children = [...kpis.map((kpi) => leaf(id, kpi)), ...backlogNodes(index, id, bucket.initiatives, bucket.tactics)];
    const counts = [plural(kpis.length, "KPI"), plural(bucket.initiatives.length, "initiative"), plural(bucket.tactics.length, "tactic")];
    out.push(leaf("", pillar, children, counts.join(" · ")));
  }

  const sprints = sprintsInOrder(index, today);
  if (sprints.length) {
    const children = sprints.map(({ item: sprint, state }) => {
      const id = nodeId("/sprints", sprint);
      const members = [...index.referrers(sprint.key)].filter((item) => item.track && item.refs.some((ref) => ref.field === "sprint" && index.resolve(ref).item === sprint));
      const used = sprintLoad(sprint, index).total;
      const capacity = typeof sprint.data.capacity === "number" ? sprint.data.capacity : "?";
      const node = leaf("/sprints", sprint, members.sort(byTitle).map((item) => leaf(id, item)), `${state} · ${used}/${capacity} · ${clip(sprint.id)}`);
      return { ...node, state };
    });
    out.push({ id: "/sprints", label: "Sprints", description: String(sprints.length), children });
  }

  const orphanKpis = [...index.ofKind("kpi")].filter((kpi) => !alignedKpis.has(kpi)).sort(byTitle);
  const orphans = [...orphanKpis.map((kpi) => leaf("/unaligned", kpi)), ...backlogNodes(index, "/unaligned", unaligned.initiatives, unaligned.tactics)];
  const count = orphanKpis.length + unaligned.initiatives.length + unaligned.tactics.length;
  if (count) out.push({ id: "/unaligned", label: "Unaligned", description: String(count), children: orphans });
  return out;
}

/** A sprint and its state on a day. */
export interface StatedSprint {
  item: Item;
  state: SprintState;
}

/**
 * The sprints on `today`: the open ones by start (undated last), then the ended
 * ones, the latest to end first.
 */
export function sprintsInOrder(index: StrategyIndex, today: string): StatedSprint[] {
  const items = [...index.ofKind("sprint")];
  const states = sprintStates(items.map(datedSprint), today);
  const dates = new Map(items.map((item) => [item, datedSprint(item)]));
  const key = (item: Item, field: "start" | "end") => dates.get(item)![field]?.slice(0, 10) ?? "\uffff";
  const stated = items.map((item) => ({ item, state: states.get(item.id) ?? "later" }));
  const open = stated.filter(({ state }) => state !== "ended").sort((a, b) => key(a.item, "start").localeCompare(key(b.item, "start")) || a.item.key.localeCompare(b.item.key));
  const ended = stated.filter(({ state }) => state === "ended").sort((a, b) => key(b.item, "end").localeCompare(key(a.item, "end")) || a.item.key.localeCompare(b.item.key));
  return [...open, ...ended];
}

/** The words a sprint's CodeLens says: an ended sprint is reviewed, not planned into. */
export function sprintLensTitle(state: SprintState | undefined, end: string | null): string {
  if (state === "ended") {
    const day = shortDate(end, false);
    return `Sprint ended${day ? ` ${day}` : ""} · Review allocation`;
  }
  return state === "current" ? "Current sprint · Preview allocation" : state === "next" ? "Next sprint · Preview allocation" : "Preview allocation";
}

/** The sprint the status bar shows, with its load and target split. */
export interface SprintGlance extends StatedSprint {
  /** The title without a trailing "(dates)", else the id; clipped. */
  name: string;
  load: SprintLoad;
  capacity: number | null;
  target: Split;
  /** An ended sprint's last day as `27 Nov` (null when it is open or has no end date). */
  endedOn: string | null;
  /** Percent of the planned units on the strategic track, whole; null when nothing is planned. */
  strategicShare: number | null;
}

/**
 * The current sprint on `today`, else the next one, else the last to end (to look
 * back at); null when there is none of those (no sprint, or only undated ones).
 */
export function sprintAtAGlance(index: StrategyIndex, split: Split, today: string): SprintGlance | null {
  const sprints = sprintsInOrder(index, today);
  const shown = plannableSprint(sprints, ({ state }) => state) ?? sprints.find(({ state }) => state === "ended");
  if (!shown) return null;
  const { item } = shown;
  const load = sprintLoad(item, index);
  const title = itemTitle(item).replace(/\s*\([^()]*\)\s*$/, "").trim();
  return {
    ...shown,
    name: clip(title || item.id, 40),
    endedOn: shown.state === "ended" ? shortDate(datedSprint(item).end, false) : null,
    load,
    capacity: typeof item.data.capacity === "number" ? item.data.capacity : null,
    target: targetSplit(item, split),
    strategicShare: load.total > 0 ? Math.round((load.strategic / load.total) * 100) : null,
  };
}
