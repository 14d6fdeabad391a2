import type { Rule } from "./rule";

/** Reported by the parser: front matter of a strategy document that is not valid YAML. */
export const yamlSyntax: Rule = {
  id: "yaml-syntax",
  description: "The front matter of a strategy document is not valid YAML (or is not closed).",
  defaultSeverity: "error",
  examples: {
    ok: [{ title: "valid front matter", files: { "tactics/a.md": "---\ntype: tactic\ntitle: A\n---\n" } }],
    notOk: [
      { title: "a flow list left open", files: { "tactics/a.md": "---\ntype: tactic\nkpis: [a, b\n---\n" }, count: 1 },
      { title: "front matter never closed", files: { "pillars/p.md": "---\ntype: pillar\ntitle: P\n" }, count: 1 },
    ],
  },
};
