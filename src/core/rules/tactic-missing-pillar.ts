import type { Fix } from "../model/issue";
import { firstChoices, insertChoices, MAX_CHOICES } from "./edits";
import { findingAt, type Rule } from "./rule";


/** A tactic or initiative that names no pillar, directly or through its initiative. */
export const tacticMissingPillar: Rule = {
  id: "tactic-missing-pillar",
  description: "A tactic or initiative names no pillar (directly or through its initiative): execution without direction.",
  defaultSeverity: "warning",
  pitfall: "Channel-first thinking: tactics without strategic direction",
  kinds: ["initiative", "tactic"],
  check(item, { index }) {
    if (item.refs.some((ref) => ref.field === "pillar") || index.pillarRefs(item).refs.length) return [];
    // The pillars the item's KPIs name come first: they are the likeliest choice. The message
    // quotes them as the KPIs write them, so it changes only with the item, its initiative or a
    // KPI (the files `setFile` reports), never with the pillar's own file.
    const named = new Map<string, string>();
    for (const ref of index.kpiRefs(item).refs) {
      const pillarRef = index.resolve(ref).item?.refs.find((r) => r.field === "pillar");
      if (pillarRef && !named.has(pillarRef.key)) named.set(pillarRef.key, pillarRef.id);
    }
    const fixes = (): Fix[] => {
      const preferred = new Set([...named.keys()].flatMap((key) => index.itemsWithId(key).filter((p) => p.kind === "pillar")));
      return insertChoices(item, "pillar", firstChoices([...preferred], index.sortedOfKind("pillar"), MAX_CHOICES));
    };
    const hint = named.size ? ` (its KPIs belong to ${[...named.values()].map((id) => `\`${id}\``).join(", ")})` : "";
    return [findingAt(this.id, item, item.idStart, item.idEnd, `${item.kind === "tactic" ? "Tactic" : "Initiative"} \`${item.id}\` serves no pillar: add \`pillar:\`${hint}`, fixes)];
  },
  examples: {
    ok: [
      { title: "a direct pillar", files: { "p.md": "---\ntype: pillar\nid: growth\n---\n", "t.md": "---\ntype: tactic\npillar: growth\n---\n" } },
      {
        title: "a pillar inherited through the initiative",
        files: { "p.md": "---\ntype: pillar\nid: growth\n---\n", "i.md": "---\ntype: initiative\nid: plg\npillar: growth\n---\n", "t.md": "---\ntype: tactic\ninitiative: plg\n---\n" },
      },
    ],
    notOk: [{ title: "no pillar anywhere", files: { "p.md": "---\ntype: pillar\nid: growth\n---\n", "t.md": "---\ntype: tactic\nkpi: nrr\n---\n" }, count: 1 }],
  },
};
