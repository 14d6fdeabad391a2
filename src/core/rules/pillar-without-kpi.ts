import type { Fix } from "../model/issue";
import type { Item } from "../model/item";
import { createItemFile, firstChoices, firstMatching, insertChoices, MAX_CHOICES, yamlScalar } from "./edits";
import { itemTitle } from "../parse/title";
import { findingAt, type Rule } from "./rule";


/** A pillar that names no KPI and that no KPI names. */
export const pillarWithoutKpi: Rule = {
  id: "pillar-without-kpi",
  description: "A pillar names no KPI and no KPI names it: a strategy that cannot be measured.",
  defaultSeverity: "warning",
  pitfall: "Execution without measurement",
  kinds: ["pillar"],
  check(item, { index }) {
    if (item.refs.some((r) => r.field === "kpis")) return [];
    // Once per id, not per pillar: ten thousand pillars may share one.
    if (index.memo(`named-by-kpi:${item.key}`, () => [...index.referrers(item.id)].some((other) => other.kind === "kpi"))) return [];
    const fixes = (): Fix[] => {
      // KPIs that no pillar has adopted yet are the likeliest choice.
      const sorted = index.sortedOfKind("kpi");
      const unadopted = (kpi: Item) => !kpi.refs.some((r) => r.field === "pillar");
      const kpis = firstChoices(firstMatching(sorted, unadopted, MAX_CHOICES), sorted, MAX_CHOICES);
      const fixes = insertChoices(item, "kpis", kpis, (kpi) => `[${yamlScalar(kpi.id)}]`);
      fixes.push({
        title: `Create a KPI for pillar \`${item.id}\``,
        safe: false,
        changes: [createItemFile(index, "kpi", `${item.id}-kpi`, `${itemTitle(item)} KPI`, [`pillar: ${yamlScalar(item.id)}`, "direction: up"], `How progress on ${itemTitle(item)} is measured.`)],
      });
      return fixes;
    };
    return [findingAt(this.id, item, item.idStart, item.idEnd, `Pillar \`${item.id}\` cannot be measured: add \`kpis:\` or a KPI with \`pillar: ${item.id}\``, fixes)];
  },
  examples: {
    ok: [
      { title: "the pillar lists a KPI", files: { "p.md": "---\ntype: pillar\nid: growth\nkpis: [nrr]\n---\n" } },
      { title: "a KPI names the pillar", files: { "p.md": "---\ntype: pillar\nid: growth\n---\n", "k.md": "---\ntype: kpi\nid: nrr\npillar: growth\n---\n" } },
    ],
    notOk: [{ title: "no KPI either way", files: { "p.md": "---\ntype: pillar\nid: growth\n---\n", "k.md": "---\ntype: kpi\nid: nrr\n---\n" }, count: 1 }],
  },
};
