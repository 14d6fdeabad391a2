/**
 * The strategy as a tree, for the editor's "Strategy" view: pillars with their
 * KPIs, initiatives and tactics (by effective pillar; a tactic sits under its
 * initiative when both serve the same pillar), the sprints with their items,
 * and "Unaligned": backlog items and KPIs that serve no pillar.
 */
import { sprintLoad } from "../rules/sprint-load";
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
  children: OutlineNode[];
}

const byTitle = (a: Item, b: Item) => itemTitle(a).localeCompare(itemTitle(b)) || a.key.localeCompare(b.key);
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

function status(item: Item): string {
  return typeof item.data.status === "string" ? ` · ${item.data.status}` : "";
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

/** The outline of a workspace's strategy. */
export function strategyOutline(index: StrategyIndex): OutlineNode[] {
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

  const sprints = [...index.ofKind("sprint")].sort((a, b) => a.key.localeCompare(b.key));
  if (sprints.length) {
    const children = sprints.map((sprint) => {
      const id = nodeId("/sprints", sprint);
      const members = [...index.referrers(sprint.key)].filter((item) => item.track && item.refs.some((ref) => ref.field === "sprint" && index.resolve(ref).item === sprint));
      const used = sprintLoad(sprint, index).total;
      const capacity = typeof sprint.data.capacity === "number" ? sprint.data.capacity : "?";
      return leaf("/sprints", sprint, members.sort(byTitle).map((item) => leaf(id, item)), `${clip(sprint.id)} · ${used}/${capacity}`);
    });
    out.push({ id: "/sprints", label: "Sprints", description: String(sprints.length), children });
  }

  const orphanKpis = [...index.ofKind("kpi")].filter((kpi) => !alignedKpis.has(kpi)).sort(byTitle);
  const orphans = [...orphanKpis.map((kpi) => leaf("/unaligned", kpi)), ...backlogNodes(index, "/unaligned", unaligned.initiatives, unaligned.tactics)];
  const count = orphanKpis.length + unaligned.initiatives.length + unaligned.tactics.length;
  if (count) out.push({ id: "/unaligned", label: "Unaligned", description: String(count), children: orphans });
  return out;
}
