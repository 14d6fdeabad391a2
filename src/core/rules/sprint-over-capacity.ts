import { pairOf } from "../parse/yaml-node";
import { datedSprint, hasEnded } from "../plan/sprint-state";
import { findingAt, type Rule } from "./rule";
import { isoDate } from "./stale-strategy";
import { round1 } from "../plan/allocation";
import { sprintLoad } from "./sprint-load";

/** A sprint whose items' estimates exceed its capacity. */
export const sprintOverCapacity: Rule = {
  id: "sprint-over-capacity",
  description: "The estimates of the items in a sprint exceed its `capacity`.",
  defaultSeverity: "warning",
  kinds: ["sprint"],
  check(item, { index, today }) {
    if (hasEnded(datedSprint(item), isoDate(today))) return []; // an ended sprint is judged by what was done (split-drift), not by its plan
    const capacity = item.data.capacity;
    if (typeof capacity !== "number") return [];
    const load = sprintLoad(item, index);
    if (load.total <= capacity) return [];
    const at = pairOf(item.node, "capacity")?.value ?? { start: item.idStart, end: item.idEnd };
    return [
      findingAt(this.id, item, at.start, at.end,
        `Sprint \`${item.id}\` is over capacity: its ${load.items.length} items need ${round1(load.total)} units, capacity is ${capacity} (${round1(load.total - capacity)} over). Move work to a later sprint or raise \`capacity\``),
    ];
  },
  examples: {
    ok: [
      {
        title: "a sprint that has ended is not judged by its plan",
        files: {
          "s.md": "---\ntype: sprint\nid: s0\ncapacity: 1\nstart: 2026-01-01\nend: 2026-01-14\nsplit: {strategic: 90, tactical: 10}\n---\n",
          "b.md": "---\ntype: tactic\nsprint: s0\nestimate: 3\n---\n",
        },
      },{ title: "within capacity", files: { "s.md": "---\ntype: sprint\nid: s1\ncapacity: 10\n---\n", "t.md": "---\ntype: tactic\nsprint: s1\nestimate: 8\n---\n" } }],
    notOk: [
      {
        title: "two items that do not fit",
        files: { "s.md": "---\ntype: sprint\nid: s1\ncapacity: 10\n---\n", "a.md": "---\ntype: tactic\nsprint: s1\nestimate: 8\n---\n", "b.md": "---\ntype: initiative\nsprint: s1\nestimate: 5\n---\n" },
        count: 1,
      },
    ],
  },
};
