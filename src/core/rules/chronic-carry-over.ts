import { isOpen } from "../review/tally";
import { pairOf } from "../parse/yaml-node";
import { fixOf, setField } from "./edits";
import { findingAt, label, type Rule } from "./rule";

/** An open item carried from sprint to sprint. */
export const chronicCarryOver: Rule = {
  id: "chronic-carry-over",
  description: "An item that is neither done nor dropped has been carried over from `review.maxCarries` (default 2) or more sprints.",
  defaultSeverity: "info",
  pitfall: "Work that never finishes: neither done nor consciously dropped",
  kinds: ["initiative", "tactic"],
  check(item, { config }) {
    if (!Object.hasOwn(item.data, "carried") || !isOpen(item)) return [];
    const carried = new Set(item.refs.filter((ref) => ref.field === "carried").map((ref) => ref.key));
    if (carried.size < config.review.maxCarries) return [];
    const pair = pairOf(item.node, "carried");
    if (!pair) return [];
    const what = label(item);
    return [
      findingAt(this.id, item, pair.keyStart, pair.keyEnd,
        `${what[0].toUpperCase()}${what.slice(1)} has been carried over from ${carried.size} sprints: split it into something that fits a sprint, or drop it`,
        () => fixOf("Set `status: dropped`", setField(item, "status", "dropped"))),
    ];
  },
  examples: {
    ok: [
      { title: "carried once", files: { "t.md": "---\ntype: tactic\nsprint: s3\ncarried: [s2]\n---\n" } },
      { title: "carried twice, then done", files: { "t.md": "---\ntype: tactic\nsprint: s3\ncarried: [s1, s2]\nstatus: done\n---\n" } },
    ],
    notOk: [{ title: "carried from two sprints and still open", files: { "t.md": "---\ntype: tactic\nsprint: s3\ncarried: [s1, s2]\nstatus: in-progress\n---\n" }, count: 1 }],
  },
};
