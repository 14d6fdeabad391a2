import { findingAt, label, type Rule } from "./rule";

/** How many other holders of an id a message names. */
const NAMED = 3;

/** Two items share an id (ids are case-insensitive). */
export const duplicateId: Rule = {
  id: "duplicate-id",
  description: "Two items share an id; references to it are ambiguous.",
  defaultSeverity: "error",
  kinds: ["strategy", "pillar", "kpi", "initiative", "tactic", "sprint"],
  check(item, { index }) {
    const same = index.itemsWithId(item.key);
    if (same.length < 2) return [];
    // The holders come in document order; name the first few, count the rest (16,000 copies of one id stay linear).
    const others: string[] = [];
    for (const other of same) {
      if (others.length === NAMED) break;
      if (other !== item) others.push(`${other.file}:${other.doc.lines().positionAt(other.idStart).line + 1}`);
    }
    const more = same.length - 1 - others.length;
    const list = more ? `${others.join(", ")} and ${more.toLocaleString("en-US")} more` : others.join(", ");
    return [findingAt(this.id, item, item.idStart, item.idEnd, `Id \`${item.id}\` of ${label(item)} is also used by ${list}: give each item its own id`)];
  },
  examples: {
    ok: [{ title: "distinct ids", files: { "a.md": "---\ntype: kpi\nid: nrr\ntarget: 1\n---\n", "b.md": "---\ntype: kpi\nid: churn\ntarget: 1\n---\n" } }],
    notOk: [
      {
        title: "many copies of one id: each names three others and counts the rest",
        files: { "q.md": `---\nitems:\n${"- {type: tactic, id: x}\n".repeat(6)}---\n` },
        count: 6,
      },
      { title: "the same id, different case", files: { "a.md": "---\ntype: kpi\nid: nrr\ntarget: 1\n---\n", "b.md": "---\ntype: kpi\nid: NRR\ntarget: 1\n---\n" }, count: 2 },
    ],
  },
};
