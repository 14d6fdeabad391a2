/**
 * Finds the YAML front matter of a markdown text without parsing the markdown:
 * the same rule as remark-frontmatter (a `---` line at the very start, closed by
 * the next `---` line; trailing spaces allowed, CRLF allowed). The BOM, if any,
 * is stripped by the caller before this runs.
 */
export type FrontMatterSlice =
  | { kind: "none" }
  /** `+++` TOML front matter: not ours. */
  | { kind: "toml" }
  /** An opening `---` with no closing line. `start` is where the content would begin. */
  | { kind: "unclosed"; start: number }
  | {
      kind: "yaml";
      /** Offset of the first character of the YAML content. */
      start: number;
      /** Offset just past the YAML content (the start of the closing `---` line). */
      end: number;
      /** Offset of the closing fence's `---`. */
      closeStart: number;
    };

function restOfLineIsBlank(text: string, from: number): number {
  let i = from;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  if (i === text.length) return i;
  if (text.charCodeAt(i) === 10) return i + 1;
  if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) return i + 2;
  if (text.charCodeAt(i) === 13) return i + 1;
  return -1;
}

/** Locates the front matter of `text`. */
export function sliceFrontMatter(text: string): FrontMatterSlice {
  if (text.startsWith("+++")) return restOfLineIsBlank(text, 3) > 0 ? { kind: "toml" } : { kind: "none" };
  if (!text.startsWith("---")) return { kind: "none" };
  const start = restOfLineIsBlank(text, 3);
  if (start <= 0 || start === text.length) {
    // `---` alone at the end of the text (or followed by other characters) opens nothing.
    return start === text.length ? { kind: "unclosed", start } : { kind: "none" };
  }
  // The closing fence is a line of its own: either the very first content line, or after a newline.
  let lineStart = start;
  for (;;) {
    if (text.startsWith("---", lineStart) && restOfLineIsBlank(text, lineStart + 3) !== -1) {
      return { kind: "yaml", start, end: lineStart, closeStart: lineStart };
    }
    const newline = text.indexOf("\n", lineStart);
    if (newline === -1) return { kind: "unclosed", start };
    lineStart = newline + 1;
  }
}
