import type { Rule } from "./rule";

/** Reported by the parser: a field of the wrong type or range, or a misspelt kind. */
export const schema: Rule = {
  id: "schema",
  description: "A field has the wrong type or range, or `type` is a near miss of a kind (did you mean …).",
  defaultSeverity: "error",
  examples: {
    ok: [
      { title: "fields of the right types", files: { "tactics/a.md": "---\ntype: tactic\nimpact: 4\nstatus: planned\n---\n" } },
      { title: "another tool's type is not ours", files: { "bugs/b.md": "---\ntype: bug\nimpact: high\n---\n" } },
    ],
    notOk: [
      { title: "impact out of range and a wrong status", files: { "tactics/a.md": "---\ntype: tactic\nimpact: 9\nstatus: doing\n---\n" }, count: 2 },
      { title: "a misspelt kind", files: { "tactics/a.md": "---\ntype: tactc\n---\n" }, count: 1 },
    ],
  },
};
