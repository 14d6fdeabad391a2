import type { Fix } from "../model/issue";
import { firstChoices, insertChoices, MAX_CHOICES } from "./edits";
import { findingAt, type Rule } from "./rule";


/** A tactic or initiative that names no KPI, directly or through its initiative. */
export const tacticMissingKpi: Rule = {
  id: "tactic-missing-kpi",
  description: "A tactic or initiative names no KPI (directly or through its initiative): execution without measurement.",
  defaultSeverity: "warning",
  pitfall: "Execution without measurement",
  kinds: ["initiative", "tactic"],
  check(item, { index }) {
    if (item.refs.some((ref) => ref.field === "kpi" || ref.field === "kpis") || index.kpiRefs(item).refs.length) return [];
    const pillar = index.pillarOf(item);
    const fixes = (): Fix[] => {
      const first = pillar ? index.kpisOf(pillar) : [];
      return insertChoices(item, "kpi", firstChoices(first, index.sortedOfKind("kpi"), MAX_CHOICES));
    };
    // The message names only what the pillar lists itself: it stays true until the tactic, its initiative or the pillar changes.
    const listed = pillar ? pillar.refs.filter((r) => r.field === "kpis").map((r) => r.id) : [];
    const hint = pillar && listed.length ? ` with one of pillar ${pillar.id}'s KPIs (${listed.join(", ")})` : "";
    return [findingAt(this.id, item, item.idStart, item.idEnd, `${item.kind === "tactic" ? "Tactic" : "Initiative"} \`${item.id}\` has no KPI: add \`kpi:\`${hint}`, fixes)];
  },
  examples: {
    ok: [
      { title: "a direct KPI", files: { "k.md": "---\ntype: kpi\nid: nrr\n---\n", "t.md": "---\ntype: tactic\nkpi: nrr\n---\n" } },
      {
        title: "KPIs inherited through the initiative",
        files: { "k.md": "---\ntype: kpi\nid: nrr\n---\n", "i.md": "---\ntype: initiative\nid: plg\nkpis: [nrr]\n---\n", "t.md": "---\ntype: tactic\ninitiative: plg\n---\n" },
      },
    ],
    notOk: [{ title: "a pillar but no KPI", files: { "p.md": "---\ntype: pillar\nid: growth\n---\n", "t.md": "---\ntype: tactic\npillar: growth\n---\n" }, count: 1 }],
  },
};
