import { fixOf, setField } from "./edits";
import { findingAt, type Rule } from "./rule";

/** A KPI with no `target`. */
export const kpiWithoutTarget: Rule = {
  id: "kpi-without-target",
  description: "A KPI has no `target`: nobody can tell whether it is on track.",
  defaultSeverity: "warning",
  kinds: ["kpi"],
  check(item) {
    if (Object.hasOwn(item.data, "target") || item.invalid.has("target")) return [];
    return [
      findingAt(this.id, item, item.idStart, item.idEnd, `KPI \`${item.id}\` has no target: add \`target:\` with the value to reach`,
        () => fixOf("Insert `target:`", setField(item, "target", "0", "the value to reach: set me"))),
    ];
  },
  examples: {
    ok: [{ title: "a target", files: { "k.md": "---\ntype: kpi\nid: nrr\ntarget: 110\n---\n" } }],
    notOk: [{ title: "no target", files: { "k.md": "---\ntype: kpi\nid: nrr\nbaseline: 98\n---\n" }, count: 1 }],
  },
};
