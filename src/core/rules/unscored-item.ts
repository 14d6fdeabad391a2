import type { Fix } from "../model/issue";
import { teamScored } from "../score/team";
import { setField } from "./edits";
import { findingAt, type Rule } from "./rule";

/** Placeholder values for inserted scoring fields, with the scale as a comment. */
const PLACEHOLDERS: Record<string, [string, string]> = {
  impact: ["3", "1..5: set me"],
  urgency: ["3", "1..5: set me"],
  effort: ["3", "1..5 (bigger = more work): set me"],
  reach: ["100", "people or events per period: set me"],
  confidence: ["50", "percent: set me"],
  riskReduction: ["1", "1..5: set me"],
};

/** A backlog item that lacks a field the scoring model needs. */
export const unscoredItem: Rule = {
  id: "unscored-item",
  description: "A backlog item lacks a field the scoring model needs, so it is listed unranked.",
  defaultSeverity: "info",
  kinds: ["initiative", "tactic"],
  check(item, { scoringFields }) {
    // A field the team scored under `scores:` is not lacking (SPEC §9).
    const lacks = (field: string) => !Object.hasOwn(item.data, field) && !item.invalid.has(field) && !teamScored(item.data, field);
    if (!scoringFields.some(lacks)) return [];
    const missing = scoringFields.filter(lacks);
    const fixes = (): Fix[] => {
      const edits = missing.map((field) => setField(item, field, ...(Object.hasOwn(PLACEHOLDERS, field) ? PLACEHOLDERS[field] : (["0", "set me"] as [string, string]))));
      return edits.every((edit) => edit?.kind === "edit")
        ? [{ title: `Insert ${missing.map((f) => `\`${f}\``).join(", ")}`, safe: false, changes: [{ kind: "edit", file: item.file, edits: edits.flatMap((e) => (e?.kind === "edit" ? e.edits : [])) }] }]
        : [];
    };
    return [findingAt(this.id, item, item.idStart, item.idEnd, `\`${item.id}\` cannot be ranked: add ${missing.map((f) => `\`${f}:\``).join(", ")}`, fixes)];
  },
  examples: {
    ok: [
      { title: "all three scoring fields", files: { "t.md": "---\ntype: tactic\nimpact: 4\nurgency: 3\neffort: 2\n---\n" } },
      { title: "effort scored by the team", files: { "t.md": "---\ntype: tactic\nimpact: 4\nurgency: 3\nscores:\n  dana: {effort: 2}\n---\n" } },
    ],
    notOk: [{ title: "effort missing", files: { "t.md": "---\ntype: tactic\nimpact: 4\nurgency: 3\n---\n" }, count: 1 }],
  },
};
