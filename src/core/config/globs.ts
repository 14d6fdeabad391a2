/** The config's `include` / `exclude` globs as one predicate over workspace-relative paths. */
import picomatch from "picomatch";
import type { StrategyConfig } from "./types";

export interface FileMatcher {
  /** True when the file is one to check. */
  (path: string): boolean;
  /** True when a whole folder can be skipped (it matches an exclude). */
  excludesFolder(path: string): boolean;
}

export function createFileMatcher(config: Pick<StrategyConfig, "include" | "exclude">): FileMatcher {
  const options = { dot: false, nocase: true };
  const include = picomatch(config.include, options);
  const exclude = config.exclude.length ? picomatch(config.exclude, { ...options, dot: true }) : () => false;
  const matcher = ((path: string) => include(path) && !exclude(path)) as FileMatcher;
  // `**/node_modules/**` excludes the folder itself: test a file inside it.
  matcher.excludesFolder = (path: string) => exclude(`${path}/`) || exclude(`${path}/x`);
  return matcher;
}
