import type { Item } from "../model/item";
import type { StrategyIndex } from "../model/strategy-index";
import { createItemFile, fixOf } from "./edits";
import { itemTitle } from "../parse/title";
import { findingAt, type Rule } from "./rule";

const live = (item: Item) => item.data.status !== "dropped";

/** Whether any initiative or tactic (not dropped) serves the pillar, directly or through an initiative. */
export function hasExecution(pillar: Item, index: StrategyIndex): boolean {
  return index.memo(`execution:${pillar.key}`, () => findExecution(pillar, index));
}

function findExecution(pillar: Item, index: StrategyIndex): boolean {
  for (const other of index.referrers(pillar.id)) {
    if (other.kind !== "initiative" && other.kind !== "tactic") continue;
    if (!other.refs.some((r) => r.field === "pillar" && r.key === pillar.key)) continue;
    if (live(other)) return true;
    if (other.kind === "initiative") {
      for (const child of index.referrers(other.id)) {
        if (child.kind === "tactic" && live(child) && index.pillarRefs(child).via === other) return true;
      }
    }
  }
  return false;
}

/** A pillar with no initiative or tactic under it. */
export const pillarWithoutExecution: Rule = {
  id: "pillar-without-execution",
  description: "A pillar has no initiative or tactic under it: a strategy deck with no execution.",
  defaultSeverity: "warning",
  pitfall: "Strategy decks with no execution",
  kinds: ["pillar"],
  check(item, { index }) {
    if (hasExecution(item, index)) return [];
    const fixes = () => {
      const kpis = index.kpisOf(item).map((k) => k.id);
      const stub = createItemFile(
        index,
        "initiative",
        `${item.id}-initiative`,
        `${itemTitle(item)} initiative`,
        [`pillar: ${item.id}`, ...(kpis.length ? [`kpis: [${kpis.join(", ")}]`] : []), "status: idea"],
        `What this initiative does for ${itemTitle(item)}, and how it moves its KPIs.`,
      );
      return fixOf(`Create an initiative for pillar \`${item.id}\``, stub);
    };
    return [findingAt(this.id, item, item.idStart, item.idEnd, `Pillar \`${item.id}\` has no initiative or tactic under it: add an initiative with \`pillar: ${item.id}\``, fixes)];
  },
  examples: {
    ok: [{ title: "a pillar with an initiative", files: { "p.md": "---\ntype: pillar\nid: growth\n---\n", "i.md": "---\ntype: initiative\npillar: growth\n---\n" } }],
    notOk: [
      { title: "a pillar nobody serves", files: { "p.md": "---\ntype: pillar\nid: growth\n---\n" }, count: 1 },
      { title: "only dropped work under it", files: { "p.md": "---\ntype: pillar\nid: growth\n---\n", "i.md": "---\ntype: initiative\npillar: growth\nstatus: dropped\n---\n" }, count: 1 },
    ],
  },
};
