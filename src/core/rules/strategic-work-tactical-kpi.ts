import type { Fix } from "../model/issue";
import type { Item } from "../model/item";
import type { StrategyIndex } from "../model/strategy-index";
import { itemTitle } from "../parse/title";
import { pairOf } from "../parse/yaml-node";
import { MAX_CHOICES, yamlScalar } from "./edits";
import { appendToList } from "./list-edits";
import { findingAt, type Rule } from "./rule";

const isTactical = (kpi: Item) => kpi.data.level === "tactical";

/** The strategic KPIs of a pillar, by id (computed once per pillar and workspace state). */
function strategicKpisOf(index: StrategyIndex, pillar: Item): Item[] {
  return index.memo(`strategic-kpis:${pillar.file}:${pillar.idStart}`, () =>
    index.kpisOf(pillar).filter((kpi) => !isTactical(kpi)).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
  );
}

/** Strategic work (an initiative, or an item with `track: strategic`) whose KPIs are all tactical. */
export const strategicWorkTacticalKpi: Rule = {
  id: "strategic-work-tactical-kpi",
  description: "A backlog item on the strategic track (any status but dropped) is measured only by KPIs with `level: tactical` (clicks, conversions, campaign ROI).",
  defaultSeverity: "info",
  kinds: ["initiative", "tactic"],
  check(item, { index }) {
    if (item.track !== "strategic" || item.data.status === "dropped") return [];
    // The ids of tactical KPIs, once per change of the index: an item none of whose KPI ids is one (nearly every item,
    // and every item of a workspace without tactical KPIs) needs no reference resolved.
    const tactical = index.memo("tactical-kpi-keys", () => new Set([...index.ofKind("kpi")].filter(isTactical).map((kpi) => kpi.key)));
    if (!tactical.size) return [];
    const { refs, via } = index.kpiRefs(item);
    if (!refs.some((ref) => tactical.has(ref.key))) return [];
    const kpis = new Set<Item>();
    for (const ref of refs) {
      const kpi = index.resolve(ref).item;
      if (kpi) kpis.add(kpi);
    }
    if (!kpis.size || [...kpis].some((kpi) => !isTactical(kpi))) return [];
    const pair = pairOf(item.node, via ? "initiative" : refs[0].field);
    const [start, end] = pair ? [pair.keyStart, pair.keyEnd] : [item.idStart, item.idEnd];
    const pillar = index.pillarOf(item);
    const strategic = pillar ? strategicKpisOf(index, pillar) : [];
    const names = [...kpis].map((kpi) => `\`${kpi.id}\``).join(", ");
    const whose = `${via ? "the " : "its "}KPI${kpis.size === 1 ? "" : "s"}${via ? ` it inherits from initiative \`${via.id}\`` : ""}`;
    const what = kpis.size === 1 ? `${whose}, ${names}, is tactical` : `${whose} (${names}) are all tactical`;
    const todo = !pillar
      ? "add a strategic KPI to `kpis:`"
      : strategic.length
        ? `add a strategic KPI of pillar \`${pillar.id}\` to \`kpis:\``
        : `pillar \`${pillar.id}\` has no strategic KPI yet: create one (\`pillar: ${pillar.id}\`, \`level: strategic\`) and add it to \`kpis:\``;
    const kind = item.kind === "tactic" ? "Tactic" : "Initiative";
    const fixes = (): Fix[] => {
      const out: Fix[] = [];
      for (const kpi of strategic.slice(0, MAX_CHOICES)) {
        const change = appendToList(item, "kpis", yamlScalar(kpi.id));
        if (change) out.push({ title: `Add strategic KPI \`${kpi.id}\` (${itemTitle(kpi)})`, safe: false, changes: [change] });
      }
      return out;
    };
    return [findingAt(this.id, item, start, end, `${kind} \`${item.id}\` is strategic work, but ${what}: ${todo}`, fixes)];
  },
  examples: {
    ok: [
      {
        title: "a strategic KPI beside a tactical one",
        files: {
          "k.md": "---\nitems:\n  - {type: kpi, id: nrr, level: strategic}\n  - {type: kpi, id: ctr, level: tactical}\n---\n",
          "i.md": "---\ntype: initiative\nid: plg\nkpis: [ctr, nrr]\n---\n",
        },
      },
      { title: "tactical work measured by a tactical KPI", files: { "k.md": "---\ntype: kpi\nid: ctr\nlevel: tactical\n---\n", "t.md": "---\ntype: tactic\nkpi: ctr\n---\n" } },
    ],
    notOk: [
      {
        title: "an initiative measured only by click-through",
        files: {
          "p.md": "---\ntype: pillar\nid: growth\nkpis: [nrr, ctr]\n---\n",
          "k.md": "---\nitems:\n  - {type: kpi, id: nrr, level: strategic}\n  - {type: kpi, id: ctr, level: tactical}\n---\n",
          "i.md": "---\ntype: initiative\nid: plg\npillar: growth\nkpi: ctr\n---\n",
        },
        count: 1,
      },
    ],
  },
};
