/**
 * The one place where the core's data meets VS Code's types: positions,
 * ranges, workspace paths ↔ URIs, locations, and file changes → WorkspaceEdit.
 * Both use 0-based lines and UTF-16 characters, so the conversion is exact.
 */
import * as vscode from "vscode";
import { disjointEdits, type FileChange, type Issue, type Location, type Position, type Range, type Severity } from "../core/index";

export function toPosition(position: Position): vscode.Position {
  return new vscode.Position(position.line, position.character);
}

export function fromPosition(position: vscode.Position): Position {
  return { line: position.line, character: position.character };
}

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(toPosition(range.start), toPosition(range.end));
}

/** The URI of a workspace path (relative to the folder, `/` separators). */
export function fromRange(range: vscode.Range): Range {
  return { start: fromPosition(range.start), end: fromPosition(range.end) };
}

export function toUri(root: vscode.Uri, path: string): vscode.Uri {
  return vscode.Uri.joinPath(root, ...path.split("/"));
}

/** The workspace path of a URI under `root`, or undefined when it is not under it. */
export function fromUri(root: vscode.Uri, uri: vscode.Uri): string | undefined {
  if (uri.scheme !== root.scheme || uri.authority !== root.authority) return undefined;
  const base = root.path.endsWith("/") ? root.path : `${root.path}/`;
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : undefined;
}

export function toLocation(root: vscode.Uri, location: Location): vscode.Location {
  return new vscode.Location(toUri(root, location.file), toRange(location.range));
}

const SEVERITIES: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/**
 * The core's text for places VS Code shows as plain text (Problems, quick-fix
 * titles, dialogs, error messages): a backticked `id` becomes 'id', the way VS
 * Code's own languages quote. The CLI keeps the backticks.
 */
export function plainText(text: string): string {
  return text.replace(/`([^`\n]*)`/g, "'$1'");
}

/** A core issue as a VS Code diagnostic; `docs` gives the URI that explains a rule. */
export function toDiagnostic(issue: Issue, docs: (rule: string) => vscode.Uri): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(issue.range), plainText(issue.message), SEVERITIES[issue.severity]);
  diagnostic.source = "strategy-docs";
  diagnostic.code = { value: issue.rule, target: docs(issue.rule) };
  return diagnostic;
}

/** The rule id of a diagnostic of ours, if it is one. */
export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== "strategy-docs") return undefined;
  const code = diagnostic.code;
  return typeof code === "object" && code !== null ? String(code.value) : code === undefined ? undefined : String(code);
}

/**
 * File changes as one undoable WorkspaceEdit. Edits to one file that overlap
 * are dropped (VS Code would refuse the whole edit); new files are created
 * with their text, and a file that exists already makes VS Code refuse the
 * edit rather than write into it.
 */
export function toWorkspaceEdit(root: vscode.Uri, changes: readonly FileChange[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  const byFile = new Map<string, FileChange[]>();
  for (const change of changes) {
    const list = byFile.get(change.file);
    if (list) list.push(change);
    else byFile.set(change.file, [change]);
  }
  for (const [file, list] of byFile) {
    const uri = toUri(root, file);
    const edits = disjointEdits(list.flatMap((change) => (change.kind === "edit" ? change.edits : [])));
    for (const change of list) if (change.kind === "create") edit.createFile(uri, { contents: new TextEncoder().encode(change.text) });
    for (const text of edits) edit.replace(uri, toRange(text.range), text.newText);
  }
  return edit;
}
