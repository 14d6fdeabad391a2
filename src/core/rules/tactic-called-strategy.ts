import { pairOf } from "../parse/yaml-node";
import { fixOf, setField } from "./edits";
import { findingAt, type Rule } from "./rule";

const EXECUTION_FIELDS = ["channel", "sprint", "estimate"] as const;

/** A pillar or strategy that carries execution fields. */
export const tacticCalledStrategy: Rule = {
  id: "tactic-called-strategy",
  description: "A pillar or strategy carries execution fields (`channel`, `sprint`, `estimate`): a tactic called strategy.",
  defaultSeverity: "warning",
  pitfall: "Calling tactics “strategy”",
  kinds: ["pillar", "strategy"],
  check(item) {
    // `data` first: the YAML tree is read again only for an item that has one of the fields.
    if (!EXECUTION_FIELDS.some((field) => Object.hasOwn(item.data, field) || item.invalid.has(field))) return [];
    const found = EXECUTION_FIELDS.map((field) => pairOf(item.node, field)).filter((pair) => pair !== undefined);
    if (!found.length) return [];
    const fixes = () => fixOf(`Convert ${item.kind} \`${item.id}\` to \`type: tactic\``, setField(item, "type", "tactic"));
    const names = found.map((pair) => `\`${pair.key}\``).join(", ");
    return [
      findingAt(this.id, item, found[0].keyStart, found[0].keyEnd,
        `${item.kind === "pillar" ? "Pillar" : "Strategy"} \`${item.id}\` carries execution fields (${names}): say what and why here, and move the how into a tactic or initiative`, fixes),
    ];
  },
  examples: {
    ok: [{ title: "a pillar of choices", files: { "p.md": "---\ntype: pillar\nid: growth\nobjective: Win mid-market\n---\n" } }],
    notOk: [{ title: "a pillar with a channel", files: { "p.md": "---\ntype: pillar\nid: growth\nchannel: linkedin\n---\n" }, count: 1 }],
  },
};
