import type { Rule } from "./rule";

const bomb = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
for (const [name, previous] of ["ba", "cb", "dc", "ed", "fe", "gf"]) bomb.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(", ")}]`);

/**
 * Reported by the reader: a markdown file that is binary, too large (over 5 MB),
 * cannot be read, or whose front matter goes over a budget (see parse/budgets.ts).
 */
export const unreadableFile: Rule = {
  id: "unreadable-file",
  description: "A markdown file is binary, larger than 5 MB, cannot be read, or its front matter is over a budget (aliases, nesting, items), so it was not checked.",
  defaultSeverity: "warning",
  examples: {
    ok: [
      { title: "a text file", files: { "notes.md": "# Notes\n" } },
      { title: "an alias within the budget", files: { "t.md": "---\ntype: pillar\nid: growth\nowner: &o dana\nnotes: [*o, *o]\nkpis: [nrr]\n---\n" } },
    ],
    notOk: [
      { title: "a binary file named .md", files: { "logo.md": "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000" }, count: 1 },
      { title: "an alias bomb (10 million nodes once expanded)", files: { "bomb.md": `---\ntype: tactic\n${bomb.join("\n")}\n---\n` }, count: 1 },
      { title: "nesting 100 levels deep", files: { "deep.md": `---\ntype: tactic\nx: ${"[".repeat(100)}${"]".repeat(100)}\n---\n` }, count: 1 },
    ],
  },
};
