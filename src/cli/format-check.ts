/**
 * `check` output: text, JSON (SPEC §6) and SARIF 2.1.0, each diagnostic with its
 * fixes. Positions become 1-based here (and in format-fixes.ts), and only here.
 */
import { RULES, ruleHelpMarkdown, ruleWhy, type Issue, type Severity } from "../core/index";
import { hintLines, oneLine, sarifFixes, toJsonFix, type JsonFix, type LinesOf } from "./format-fixes";
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
  /** Every fix, safe or not: none is an empty list. */
  fixes: JsonFix[];
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

/** Where a diagnostic is: 1-based, the end exclusive (the column just past its last character). */
function locate(issue: Issue): Pick<JsonDiagnostic, "line" | "column" | "endLine" | "endColumn"> {
  const { start, end } = issue.range;
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

/** One diagnostic of `check --format json`; `linesOf` places the fixes' edits in their files. */
export function toJsonDiagnostic(issue: Issue, linesOf: LinesOf): JsonDiagnostic {
  return {
    file: issue.file,
    ...locate(issue),
    severity: issue.severity,
    rule: issue.rule,
    message: issue.message,
    fixes: issue.fixes.map((fix) => toJsonFix(fix, linesOf)),
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

/**
 * `file:line:col severity rule message` lines, each followed by its fixes as
 * indented hint lines, a blank line, then the summary.
 */
export function formatText(issues: readonly Issue[], summary: CheckSummary): string {
  const where = `${count(summary.files, "file")} (${count(summary.items, "item")})`;
  if (issues.length === 0) return `No problems in ${where}.\n`;
  const lines: string[] = [];
  for (const issue of issues) {
    const { line, column } = locate(issue);
    lines.push(`${oneLine(issue.file)}:${line}:${column} ${issue.severity} ${issue.rule} ${oneLine(issue.message)}`, ...hintLines(issue));
  }
  const totals = `${count(summary.errors, "error")}, ${count(summary.warnings, "warning")}, ${count(summary.infos, "info")}`;
  lines.push("", `${count(summary.files, "file")}, ${count(summary.items, "item")}: ${totals}`);
  return lines.join("\n") + "\n";
}

/**
 * `check --format json`: indented like `JSON.stringify(…, null, 2)`, except that each
 * fix is one line. Fixes are most of the output (a choice list is ten fixes), and one
 * line each keeps it a third of the size and readable.
 */
export function formatJson(issues: readonly Issue[], summary: CheckSummary, linesOf: LinesOf): string {
  const diagnostics = issues.map((issue) => {
    const { fixes, ...fields } = toJsonDiagnostic(issue, linesOf);
    const lines = Object.entries(fields).map(([key, value]) => `      ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
    lines.push(fixes.length ? `      "fixes": [\n${fixes.map((fix) => `        ${JSON.stringify(fix)}`).join(",\n")}\n      ]` : `      "fixes": []`);
    return `    {\n${lines.join(",\n")}\n    }`;
  });
  const summaryText = JSON.stringify(summary, null, 2).replace(/\n/g, "\n  ");
  return `{\n  "diagnostics": [${diagnostics.length ? `\n${diagnostics.join(",\n")}\n  ` : ""}],\n  "summary": ${summaryText}\n}\n`;
}

const SARIF_LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };

/** Encodes a workspace path as a relative URI reference (each segment escaped, '/' kept). */
function relativeUri(file: string): string {
  return file.split("/").map(encodeURIComponent).join("/");
}

/**
 * SARIF 2.1.0: one run, every rule described, results relative to `%SRCROOT%`
 * (the root), columns in UTF-16 code units, each result's fixes as SARIF `fixes`.
 */
export function formatSarif(issues: readonly Issue[], linesOf: LinesOf, rootUri?: string): string {
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
              // The rule's help page, the one VS Code opens from a diagnostic (docs/rules/<id>.md), for a code-scanning UI.
              help: { text: ruleWhy(rule.id) ?? rule.description, markdown: ruleHelpMarkdown(rule) },
              defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] },
            })),
          },
        },
        ...(rootUri ? { originalUriBaseIds: { "%SRCROOT%": { uri: rootUri } } } : {}),
        columnKind: "utf16CodeUnits",
        results: issues.map((issue) => {
          const d = toJsonDiagnostic(issue, linesOf);
          const fixes = sarifFixes(d.fixes, relativeUri);
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
            ...(fixes.length ? { fixes } : {}),
          };
        }),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
}
