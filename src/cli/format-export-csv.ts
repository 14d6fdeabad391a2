/**
 * `export --format csv`: RFC 4180 text that opens cleanly in a spreadsheet.
 *
 * - A header row, then one record per item; every record ends in CRLF.
 * - A field holding a comma, a double quote, CR or LF is quoted, its quotes doubled.
 * - Text from the documents that a spreadsheet would read as a formula (it starts
 *   with `=`, `+`, `-`, `@`, a tab or CR; OWASP "CSV injection") gets a leading `'`,
 *   so `=SUM(A1)` shows as text and runs nothing. Numbers the program wrote
 *   (score, rank, budget) are left as numbers.
 * - UTF-8 with a byte-order mark: without it Excel reads the file in the
 *   machine's ANSI code page and accented titles turn to mojibake; LibreOffice,
 *   Google Sheets, Numbers and CSV libraries (`bom: true` in csv-parse,
 *   `utf-8-sig` in Python) skip it.
 */
import { EXPORT_COLUMNS, type ExportRow } from "./format-export-rows";

/** The byte-order mark the text starts with. */
export const CSV_BOM = "\uFEFF";
const EOL = "\r\n";

/**
 * What a spreadsheet takes as the start of a formula. The full-width forms
 * (＝ ＋ － ＠) are included because some spreadsheet versions fold them to
 * ASCII when they read a cell.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Text from a document as a cell: a formula-looking start neutralised with `'`. */
export function textCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A field as RFC 4180 writes it: quoted (quotes doubled) when it holds a comma, a quote or a line break. */
export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A number the program wrote: plain digits, no exponent for ordinary amounts. */
function numberCell(value: number | null): string {
  return value === null || !Number.isFinite(value) ? "" : String(value);
}

/** One row's cells in column order; none = an empty cell, KPIs joined with `;`. */
export function csvCells(row: ExportRow): string[] {
  const text = (value: string | null) => (value === null ? "" : textCell(value));
  return EXPORT_COLUMNS.map((column) => {
    switch (column) {
      case "score":
      case "rank":
      case "budget":
        return numberCell(row[column]);
      case "kpis":
        return textCell(row.kpis.join(";"));
      default:
        return text(row[column]);
    }
  });
}

/** The whole file: BOM, header, one record per row, CRLF after each. */
export function formatExportCsv(rows: readonly ExportRow[]): string {
  const records = [EXPORT_COLUMNS.join(","), ...rows.map((row) => csvCells(row).map(csvField).join(","))];
  return CSV_BOM + records.join(EOL) + EOL;
}
