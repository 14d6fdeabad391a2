/** `check` output: text, JSON (SPEC §6) and SARIF 2.1.0. Positions become 1-based here, and only here. */
import { RULES, type Issue, type Severity } from "../core/index";
import { INFORMATION_URI, PROGRAM, VERSION } from "./help";

export type CheckFormat = "text" | "json" | "sarif";
export const CHECK_FORMATS: readonly CheckFormat[] = ["text", "json", "sarif"];

/** One diagnostic as `check --format json` prints it. */
export interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  rule: string;
  message: string;
}

export interface CheckSummary {
  /** Markdown files read. */
  files: number;
  /** Strategy items found. */
  items: number;
  errors: number;
  warnings: number;
  infos: number;
}

export function toJsonDiagnostic(issue: Issue): JsonDiagnostic {
  return {
    file: issue.file,
    line: issue.range.start.line + 1,
    column: issue.range.start.character + 1,
    endLine: issue.range.end.line + 1,
    endColumn: issue.range.end.character + 1,
    severity: issue.severity,
    rule: issue.rule,
    message: issue.message,
  };
}

export function summarize(issues: readonly Issue[], files: number, items: number): CheckSummary {
  const summary: CheckSummary = { files, items, errors: 0, warnings: 0, infos: 0 };
  for (const issue of issues) {
    if (issue.severity === "error") summary.errors++;
    else if (issue.severity === "warning") summary.warnings++;
    else summary.infos++;
  }
  return summary;
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** `file:line:col severity rule message` lines, a blank line, then the summary. */
export function formatText(issues: readonly Issue[], summary: CheckSummary): string {
  const where = `${count(summary.files, "file")} (${count(summary.items, "item")})`;
  if (issues.length === 0) return `No problems in ${where}.\n`;
  const lines = issues.map((issue) => {
    const d = toJsonDiagnostic(issue);
    return `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}`;
  });
  const totals = `${count(summary.errors, "error")}, ${count(summary.warnings, "warning")}, ${count(summary.infos, "info")}`;
  lines.push("", `${count(summary.files, "file")}, ${count(summary.items, "item")}: ${totals}`);
  return lines.join("\n") + "\n";
}

export function formatJson(issues: readonly Issue[], summary: CheckSummary): string {
  return JSON.stringify({ diagnostics: issues.map(toJsonDiagnostic), summary }, null, 2) + "\n";
}

const SARIF_LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };

/** Encodes a workspace path as a relative URI reference (each segment escaped, '/' kept). */
function relativeUri(file: string): string {
  return file.split("/").map(encodeURIComponent).join("/");
}

/** SARIF 2.1.0: one run, every rule described, results relative to `%SRCROOT%` (the root). */
export function formatSarif(issues: readonly Issue[], rootUri?: string): string {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: PROGRAM,
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: INFORMATION_URI,
            rules: RULES.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] },
            })),
          },
        },
        ...(rootUri ? { originalUriBaseIds: { "%SRCROOT%": { uri: rootUri } } } : {}),
        results: issues.map((issue) => {
          const d = toJsonDiagnostic(issue);
          const index = ruleIndex.get(issue.rule);
          return {
            ruleId: issue.rule,
            ...(index === undefined ? {} : { ruleIndex: index }),
            level: SARIF_LEVEL[issue.severity],
            message: { text: issue.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: relativeUri(issue.file), uriBaseId: "%SRCROOT%" },
                  region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
                },
              },
            ],
          };
        }),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
}
