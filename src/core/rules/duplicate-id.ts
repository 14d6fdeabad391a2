import { findingAt, label, type Rule } from "./rule";

/** Two items share an id (ids are case-insensitive). */
export const duplicateId: Rule = {
  id: "duplicate-id",
  description: "Two items share an id; references to it are ambiguous.",
  defaultSeverity: "error",
  kinds: ["strategy", "pillar", "kpi", "initiative", "tactic", "sprint"],
  check(item, { index }) {
    const same = index.itemsWithId(item.key);
    if (same.length < 2) return [];
    const others = same.filter((other) => other !== item).map((other) => `${other.file}:${other.doc.lines().positionAt(other.idStart).line + 1}`).sort();
    return [findingAt(this.id, item, item.idStart, item.idEnd, `Id \`${item.id}\` of ${label(item)} is also used by ${others.join(", ")}: give each item its own id`)];
  },
  examples: {
    ok: [{ title: "distinct ids", files: { "a.md": "---\ntype: kpi\nid: nrr\ntarget: 1\n---\n", "b.md": "---\ntype: kpi\nid: churn\ntarget: 1\n---\n" } }],
    notOk: [{ title: "the same id, different case", files: { "a.md": "---\ntype: kpi\nid: nrr\ntarget: 1\n---\n", "b.md": "---\ntype: kpi\nid: NRR\ntarget: 1\n---\n" }, count: 2 }],
  },
};
