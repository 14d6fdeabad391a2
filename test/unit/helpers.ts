import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { applyEdits, StrategyWorkspace, type FileChange, type Issue } from "../../src/core/index";

/** The fixed "today" of the tests. */
export const TODAY = new Date("2026-11-24T12:00:00Z");
/** {@link TODAY} as `YYYY-MM-DD` (what the board model's `today` takes). */
export const TODAY_ISO = TODAY.toISOString().slice(0, 10);

/** A workspace over in-memory files (path → text), with an optional config text. */
export function workspaceOf(files: Record<string, string>, config?: string): StrategyWorkspace {
  const workspace = new StrategyWorkspace({ today: () => TODAY });
  if (config !== undefined) workspace.setConfigText(config);
  workspace.load(Object.entries(files));
  return workspace;
}

/** The issues of one rule. */
export function issuesOf(workspace: StrategyWorkspace, rule: string): Issue[] {
  return workspace.allIssues().filter((issue) => issue.rule === rule);
}

/** Every markdown file under a folder: workspace path → text. */
export function readTree(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(md|markdown)$/i.test(name)) out.set(relative(root, path).split(sep).join("/"), readFileSync(path, "utf8"));
    }
  };
  walk(root);
  return out;
}

/** `file:line:col rule` of each issue, for compact assertions. */
export function brief(issues: readonly Issue[]): string[] {
  return issues.map((i) => `${i.file}:${i.range.start.line + 1}:${i.range.start.character + 1} ${i.rule}`);
}

export const SHARED = join(__dirname, "..", "..", "..", "shared");

/** Applies file changes (fixes, renames, Apply proposal) to the workspace's texts; returns the new texts, and sets them in the workspace unless `update` is false. */
export function applyChanges(ws: StrategyWorkspace, changes: readonly FileChange[], update = true): Record<string, string> {
  const out: Record<string, string> = {};
  for (const change of changes) {
    const text = change.kind === "edit" ? applyEdits(out[change.file] ?? ws.index.files.get(change.file)!.text, change.edits) : change.text;
    out[change.file] = text;
    if (update) ws.setFile(change.file, text);
  }
  return out;
}
