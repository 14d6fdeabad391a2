import type { Fix } from "../model/issue";
import { IdMatcher } from "../model/closest";
import { REFERENCE_FIELDS, type Kind } from "../model/kinds";
import { createItemFile, replaceSpan } from "./edits";
import { aKind, findingAt, type Rule } from "./rule";

/** A referenced id does not exist, or names an item of the wrong kind. */
export const unknownReference: Rule = {
  id: "unknown-reference",
  description: "A `pillar`, `kpi`, `kpis`, `initiative`, `sprint` or `carried` reference names no existing item of that kind.",
  defaultSeverity: "error",
  kinds: ["pillar", "kpi", "initiative", "tactic"],
  check(item, { index }) {
    const findings = [];
    for (const ref of item.refs) {
      const resolved = index.resolve(ref);
      if (resolved.item) continue;
      const kind: Kind = REFERENCE_FIELDS[ref.field][0];
      const fixes = (): Fix[] => {
        const suggestions = index.memo(`ids:${kind}`, () => new IdMatcher(index.ofKind(kind))).closest(ref.id);
        const fixes: Fix[] = suggestions.map((id) => ({
          title: `Change to \`${id}\``,
          safe: suggestions.length === 1 && !resolved.wrongKind,
          changes: [replaceSpan(item, ref.start, ref.end, id)],
        }));
        if (!resolved.wrongKind) {
          fixes.push({
            title: `Create ${kind} \`${ref.id}\``,
            safe: false,
            changes: [createItemFile(index, kind, ref.id, ref.id, [], `Created for ${item.kind} \`${item.id}\`.`)],
          });
        }
        return fixes;
      };
      // Suggestions live in the fixes (computed when asked for); the message depends on this reference alone.
      const message = resolved.wrongKind
        ? `\`${ref.field}: ${ref.id}\` names ${aKind(resolved.wrongKind.kind)}, not ${aKind(kind)}: use the id of ${aKind(kind)}`
        : `No ${kind} has the id \`${ref.id}\`: correct it to an existing ${kind} id, or create that ${kind}`;
      findings.push(findingAt(this.id, item, ref.start, ref.end, message, fixes));
    }
    return findings;
  },
  examples: {
    ok: [
      {
        title: "references resolve, case-insensitively",
        files: { "p.md": "---\ntype: pillar\nid: growth\n---\n", "t.md": "---\ntype: tactic\npillar: Growth\n---\n" },
      },
    ],
    notOk: [
      { title: "a misspelt pillar", files: { "p.md": "---\ntype: pillar\nid: growth\n---\n", "t.md": "---\ntype: tactic\npillar: grwth\n---\n" }, count: 1 },
      { title: "one unknown KPI in a list", files: { "k.md": "---\ntype: kpi\nid: nrr\n---\n", "t.md": "---\ntype: tactic\nkpis: [nrr, arr]\n---\n" }, count: 1 },
      { title: "a sprint id that names a KPI", files: { "k.md": "---\ntype: kpi\nid: nrr\n---\n", "t.md": "---\ntype: tactic\nsprint: nrr\n---\n" }, count: 1 },
    ],
  },
};
