/** What `backlog` and `plan` share: aligned text tables, GitHub markdown tables and cell values. */

/** The width text tables are fitted to. */
export const TABLE_WIDTH = 100;

/** Scores are shown and printed with at most 2 decimals. */
export function displayScore(score: number): number {
  return Math.round(score * 100) / 100;
}

/** A cell for an optional value: "-" when there is none. */
export const dash = (value: string | number | null | undefined): string => (value === null || value === undefined || value === "" ? "-" : String(value));

/**
 * A column of a text table. A column with `min` gives up width, down to `min`,
 * to fit the table; if that is not enough, a `wrap` column moves to a line of
 * its own under each row (starting under the column before it). A `text`
 * column holds free text from the documents (titles, file names), which
 * markdown tables escape so it shows as written.
 */
export interface Column {
  header: string;
  align?: "left" | "right";
  max?: number;
  min?: number;
  wrap?: boolean;
  text?: boolean;
}

/** Cuts a cell to `width` characters, ending it with "…" when cut. */
export function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

const GAP = 2;

/** Lays out rows as aligned columns (two spaces apart) within `width` where it can; returns the lines. */
export function renderTable(columns: readonly Column[], rows: readonly string[][], width = TABLE_WIDTH, indent = ""): string[] {
  const widths = columns.map((column, i) => Math.min(column.max ?? Infinity, Math.max(column.header.length, ...rows.map((row) => row[i].length))));
  const total = () => indent.length + widths.reduce((a, b) => a + b, 0) + GAP * (widths.filter((w) => w > 0).length - 1);
  let wrapped = -1;
  for (const [i, column] of columns.entries()) {
    const excess = total() - width;
    if (excess <= 0 || column.min === undefined) continue;
    const floor = Math.max(column.min, column.header.length);
    widths[i] -= Math.max(0, Math.min(excess, widths[i] - floor));
    if (total() > width && column.wrap && wrapped < 0 && i > 0) {
      wrapped = i;
      widths[i] = 0;
    }
  }
  const shown = columns.map((_, i) => i).filter((i) => i !== wrapped);
  const line = (cells: readonly string[]) =>
    (indent + shown.map((i) => {
      const text = truncate(cells[i], widths[i]);
      return columns[i].align === "right" ? text.padStart(widths[i]) : text.padEnd(widths[i]);
    }).join(" ".repeat(GAP))).trimEnd();
  const out = [line(columns.map((column) => column.header))];
  const under = indent.length + shown.filter((i) => i < wrapped - 1).reduce((sum, i) => sum + widths[i] + GAP, 0);
  for (const row of rows) {
    out.push(line(row));
    if (wrapped >= 0 && row[wrapped]) out.push(" ".repeat(under) + truncate(row[wrapped], Math.max(20, width - under)));
  }
  return out;
}

const LINE_BREAK = /\r\n|\r|\n/g;

/** A markdown table cell of text this program wrote (ids, numbers, messages): `|` escaped, no line breaks. */
export function markdownCell(text: string): string {
  return text.replace(LINE_BREAK, " ").replace(/\|/g, "\\|");
}

/** Punctuation that can start inline markdown: escapes, code, emphasis, strikethrough, links, HTML and comments, entities, math, headings, table pipes. */
const INLINE_SYNTAX = /[\\`*_~[\]<>|#&$]/g;
/** What can start a block at the beginning of a line: a list bullet, a setext underline, an ordered-list number. */
const LEADING_SYNTAX = /^(\s*)(?:([-+=])|(\d+)([.)]))/;

/**
 * Free text from the documents (a title, a file name) for markdown, shown as
 * written: markdown punctuation backslash-escaped, line breaks made spaces.
 * Narrower than the core's `escapeMarkdown` so that everyday `-`, `.`, `:`
 * and quotes stay as they are.
 */
export function markdownText(text: string): string {
  return text
    .replace(LINE_BREAK, " ")
    .replace(INLINE_SYNTAX, "\\$&")
    .replace(LEADING_SYNTAX, (_match, space: string, mark: string | undefined, digits: string, dot: string) =>
      mark ? `${space}\\${mark}` : `${space}${digits}\\${dot}`,
    );
}

/** A GitHub markdown table; the cells of `text` columns are escaped with `markdownText`. */
export function markdownTable(columns: readonly Column[], rows: readonly string[][]): string[] {
  const head = `| ${columns.map((column) => markdownCell(column.header)).join(" | ")} |`;
  const rule = `|${columns.map((column) => (column.align === "right" ? "---:" : "---")).join("|")}|`;
  const cell = (text: string, i: number) => (columns[i].text ? markdownText(text) : markdownCell(text));
  return [head, rule, ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`)];
}
