/**
 * `export --format csv|json|markdown|ics [--all]` (SPEC §9): the rows of
 * format-export-rows.ts in one of four formats; CSV, markdown and the
 * iCalendar each have a file of their own, the JSON is here.
 */
import * as path from "node:path";
import type { LoadedWorkspace } from "./discover";
import { formatExportCsv } from "./format-export-csv";
import { formatExportIcs } from "./format-export-ics";
import { formatExportMarkdown } from "./format-export-markdown";
import { exportEntries, type ExportData } from "./format-export-rows";

export type ExportFormat = "csv" | "json" | "markdown" | "ics";
/** The `--format` values of `export`; it has no default (the file type is the user's choice). */
export const EXPORT_FORMATS: readonly ExportFormat[] = ["csv", "json", "markdown", "ics"];

/** `export --format json`: `{ "items": [ … ] }`, SPEC §9's keys in order, null for none, `kpis` a list. */
export function formatExportJson(data: ExportData): string {
  return JSON.stringify({ items: data.entries.map((entry) => entry.row) }, null, 2) + "\n";
}

/** The export in one of its formats. */
export function formatExport(format: ExportFormat, data: ExportData): string {
  switch (format) {
    case "csv":
      return formatExportCsv(data.entries.map((entry) => entry.row));
    case "json":
      return formatExportJson(data);
    case "markdown":
      return formatExportMarkdown(data);
    case "ics":
      return formatExportIcs(data);
  }
}

/** What the formatters need from a loaded workspace. */
export function exportData(loaded: Pick<LoadedWorkspace, "workspace" | "root">, options: { all?: boolean } = {}): ExportData {
  const { workspace } = loaded;
  const currency = workspace.getConfig().budget.currency?.trim();
  return {
    entries: exportEntries(workspace, options),
    today: workspace.todayIso(),
    all: options.all === true,
    currency: currency ? currency : null,
    name: path.basename(loaded.root) || "strategy",
  };
}
