import { pairOf } from "../parse/yaml-node";
import { fixOf, setField, yamlScalar } from "./edits";
import { findingAt, type Rule } from "./rule";

const DAY = 24 * 60 * 60 * 1000;

/** `YYYY-MM-DD` of a date, in UTC. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A strategy or pillar whose `reviewed` date is older than `review.maxAgeDays`. */
export const staleStrategy: Rule = {
  id: "stale-strategy",
  description: "A strategy or pillar was last `reviewed` longer ago than `review.maxAgeDays` (default 120).",
  defaultSeverity: "info",
  pitfall: "Rigid strategy blocking learning",
  kinds: ["strategy", "pillar"],
  check(item, { config, today }) {
    const value = item.data.reviewed;
    if (value === undefined || value === null) return [];
    const reviewed = value instanceof Date ? value : new Date(String(value).slice(0, 10));
    if (Number.isNaN(reviewed.getTime())) return [];
    const age = Math.floor((Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - reviewed.getTime()) / DAY);
    if (age <= config.review.maxAgeDays) return [];
    const todayText = isoDate(today);
    const pair = pairOf(item.node, "reviewed");
    if (!pair?.value) return [];
    return [
      findingAt(this.id, item, pair.value.start, pair.value.end,
        `${item.kind === "pillar" ? "Pillar" : "Strategy"} \`${item.id}\` was last reviewed ${age} days ago (more than ${config.review.maxAgeDays}): review it, then set \`reviewed: ${todayText}\``,
        () => fixOf(`Mark as reviewed today (${todayText})`, setField(item, "reviewed", yamlScalar(todayText)))),
    ];
  },
  examples: {
    ok: [{ title: "reviewed recently", files: { "p.md": "---\ntype: pillar\nid: growth\nreviewed: 2026-11-01\n---\n" } }],
    notOk: [{ title: "reviewed two years ago", files: { "p.md": "---\ntype: pillar\nid: growth\nreviewed: 2024-10-01\n---\n" }, count: 1 }],
  },
};
