import type { Rule } from "./rule";

/** Reported by the reader: a markdown file that is binary, too large (over 5 MB) or cannot be read. */
export const unreadableFile: Rule = {
  id: "unreadable-file",
  description: "A markdown file is binary, larger than 5 MB or cannot be read, so it was not checked.",
  defaultSeverity: "warning",
  examples: {
    ok: [{ title: "a text file", files: { "notes.md": "# Notes\n" } }],
    notOk: [{ title: "a binary file named .md", files: { "logo.md": "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000" }, count: 1 }],
  },
};
