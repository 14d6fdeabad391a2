import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { StrategyWorkspace, type Issue } from "../../src/core/index";

/** The fixed "today" of the tests. */
export const TODAY = new Date("2026-11-24T12:00:00Z");

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
