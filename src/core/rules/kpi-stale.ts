import { staleness } from "../kpis/readings";
import { pairOf } from "../parse/yaml-node";
import { fixOf, setField } from "./edits";
import { findingAt, type Rule } from "./rule";
import { isoDate } from "./stale-strategy";

/** A KPI with a target that was never measured, or not for longer than `review.kpiMaxAgeDays`. */
export const kpiStale: Rule = {
  id: "kpi-stale",
  description: "A KPI with a `target` has no measurement, or its latest measurement (`measured` or `history`) is older than `review.kpiMaxAgeDays` (default 45).",
  defaultSeverity: "info",
  kinds: ["kpi"],
  check(item, { config, today }) {
    const day = isoDate(today);
    const stale = staleness(item, day, config.review.kpiMaxAgeDays);
    if (!stale) return [];
    // On the date that is old: `measured`, else the history, else the id.
    const at = pairOf(item.node, "measured") ?? pairOf(item.node, "history");
    const [start, end] = at?.value && at.key === "measured" && at.value.start >= at.keyEnd ? [at.value.start, at.value.end] : at ? [at.keyStart, at.keyEnd] : [item.idStart, item.idEnd];
    const message =
      "never" in stale
        ? `KPI \`${item.id}\` has a target but no measurement: measure it, then set \`current:\` and \`measured: ${day}\``
        : `KPI \`${item.id}\` was last measured ${stale.age} days ago, on ${stale.latest} (the limit is ${config.review.kpiMaxAgeDays}): measure it again, then update \`current:\` and \`measured:\``;
    return [findingAt(this.id, item, start, end, message, () => fixOf(`Set \`measured:\` to today (${day})`, setField(item, "measured", day)))];
  },
  examples: {
    ok: [
      { title: "measured recently", files: { "k.md": "---\ntype: kpi\nid: nrr\ntarget: 110\ncurrent: 104\nmeasured: 2026-11-02\n---\n" } },
      {
        title: "the latest reading in the history is recent",
        files: { "k.md": "---\ntype: kpi\nid: nrr\ntarget: 110\nmeasured: 2026-06-01\nhistory:\n  - {date: 2026-06-01, value: 101}\n  - {date: 2026-11-10, value: 104}\n---\n" },
      },
      { title: "no target yet (kpi-without-target says so)", files: { "k.md": "---\ntype: kpi\nid: nrr\n---\n" } },
    ],
    notOk: [
      { title: "measured five months ago", files: { "k.md": "---\ntype: kpi\nid: nrr\ntarget: 110\ncurrent: 104\nmeasured: 2026-06-30\n---\n" }, count: 1 },
      { title: "a target but never measured", files: { "k.md": "---\ntype: kpi\nid: nrr\nbaseline: 98\ntarget: 110\n---\n" }, count: 1 },
    ],
  },
};
