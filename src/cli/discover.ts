/**
 * Finds and reads the files to check and loads them into one workspace: the
 * config first (its include/exclude steer the walk), then every file in one
 * `load`, so the workspace checks once. Synchronous on purpose: this is the
 * hot path at 10,000 files.
 */
import * as path from "node:path";
import { CONFIG_FILE, createFileMatcher, decodeFile, MAX_FILE_BYTES, oversize, StrategyWorkspace, type FileContent } from "../core/index";
import { errorReason, type CliFileSystem } from "./fs";

/** Folders never walked, whatever the config says. */
const ALWAYS_SKIPPED = new Set([".git", "node_modules"]);

export interface DiscoverOptions {
  cwd: string;
  fs: CliFileSystem;
  today?: () => Date;
  /** Read on a second thread from this many files on (default: read-many.ts). */
  parallelFrom?: number;
}

export interface LoadedWorkspace {
  workspace: StrategyWorkspace;
  /** Absolute path of the root: workspace paths are relative to it. */
  root: string;
  /** Workspace path ('/' separators) → real path, for every file read. */
  paths: Map<string, string>;
  /** Things worth saying on stderr that are not diagnostics (a folder that could not be listed). */
  warnings: string[];
  /**
   * The files the user named (all files read, when only folders were named). Files
   * named one by one are checked in the context of the whole root, so that their
   * references resolve; only the named ones are reported (a pre-commit hook's case).
   */
  reported: ReadonlySet<string>;
}

/** A path relative to the root, with '/' separators. */
function workspacePath(root: string, absolute: string): string {
  const relative = path.relative(root, absolute);
  return path.sep === "/" ? relative : relative.split(path.sep).join("/");
}

/**
 * Reads the given paths (default: the current folder) into a workspace.
 * Returns an error message instead when a path does not exist or the config cannot be read.
 */
export async function loadWorkspace(args: readonly string[], options: DiscoverOptions): Promise<LoadedWorkspace | { error: string }> {
  const { fs, cwd } = options;
  const targets: { arg: string; absolute: string; isDirectory: boolean }[] = [];
  for (const arg of args.length ? args : ["."]) {
    const absolute = path.resolve(cwd, arg);
    let stat;
    try {
      stat = fs.stat(absolute);
    } catch (error) {
      return { error: `cannot read ${arg}: ${errorReason(error)}` };
    }
    if (!stat) return { error: `no such file or folder: ${arg}` };
    targets.push({ arg, absolute, isDirectory: stat.isDirectory });
  }
  const root = configRoot(fs, targets[0]) ?? (targets[0].isDirectory ? targets[0].absolute : path.resolve(cwd));

  const workspace = new StrategyWorkspace(options.today ? { today: options.today } : {});
  const configPath = path.join(root, CONFIG_FILE);
  try {
    const configStat = fs.stat(configPath);
    if (configStat && !configStat.isDirectory) workspace.setConfigText(new TextDecoder().decode(fs.readFile(configPath)));
  } catch (error) {
    return { error: `cannot read ${CONFIG_FILE}: ${errorReason(error)}` };
  }
  const matches = createFileMatcher(workspace.getConfig());

  const paths = new Map<string, string>();
  const warnings: string[] = [];
  const read = (relative: string, absolute: string) => {
    if (!paths.has(relative)) paths.set(relative, absolute);
  };
  // `relative` names files in the output; `local` is what the globs see (the
  // same, except under a folder argument outside the root).
  const walk = (folder: string, relative: string, local: string) => {
    let list;
    try {
      list = fs.readdir(folder);
    } catch (error) {
      warnings.push(`cannot read folder ${relative || "."}: ${errorReason(error)}`);
      return;
    }
    for (const entry of list) {
      const absolute = folder + path.sep + entry.name;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      const localChild = local ? `${local}/${entry.name}` : entry.name;
      let isFile = entry.isFile;
      if (entry.isSymbolicLink) {
        // A linked file is read; a linked folder is not followed (it could loop back).
        const target = safeStat(fs, absolute);
        isFile = target !== undefined && !target.isDirectory;
      }
      if (entry.isDirectory) {
        if (!ALWAYS_SKIPPED.has(entry.name) && !matches.excludesFolder(localChild)) walk(absolute, child, localChild);
      } else if (isFile && matches(localChild)) {
        read(child, absolute);
      }
    }
  };

  for (const target of targets) {
    const relative = workspacePath(root, target.absolute);
    if (!target.isDirectory) read(relative, target.absolute);
    else if (relative === ".." || relative.startsWith("../") || path.isAbsolute(relative)) walk(target.absolute, relative, "");
    else if (relative === "" || !matches.excludesFolder(relative)) walk(target.absolute, relative, relative);
  }
  const reported = new Set(paths.keys());
  // Named files or folders below the root: the rest of the root is read too, as context.
  const insideRoot = (target: { absolute: string }) => !workspacePath(root, target.absolute).startsWith("..");
  if (targets.some(insideRoot) && !targets.some((target) => target.absolute === root)) walk(root, "", "");
  // Each file is parsed as soon as it is read, so reading and parsing overlap.
  const found = [...paths];
  const add = (index: number, content: FileContent) => workspace.load([[found[index][0], content]]);
  const decode = (result: Uint8Array | { oversize: number } | { message: string }): FileContent =>
    result instanceof Uint8Array ? decodeFile(result, MAX_FILE_BYTES) : "oversize" in result ? oversize(result.oversize, MAX_FILE_BYTES) : { unreadable: errorReason(result) };
  if (fs.readMany) {
    await fs.readMany(found.map(([, absolute]) => absolute), MAX_FILE_BYTES, (index, result) => add(index, decode(result)), options.parallelFrom);
  } else {
    found.forEach(([, absolute], index) => {
      try {
        add(index, decodeFile(fs.readFile(absolute), MAX_FILE_BYTES));
      } catch (error) {
        add(index, { unreadable: errorReason(error) });
      }
    });
  }
  return { workspace, root, paths, warnings, reported };
}

/** The nearest folder at or above the target that holds `strategy.config.yaml` (as linters find their config). */
function configRoot(fs: CliFileSystem, target: { absolute: string; isDirectory: boolean }): string | undefined {
  let folder = target.isDirectory ? target.absolute : path.dirname(target.absolute);
  for (;;) {
    const stat = safeStat(fs, path.join(folder, CONFIG_FILE));
    if (stat && !stat.isDirectory) return folder;
    const parent = path.dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

function safeStat(fs: CliFileSystem, absolute: string) {
  try {
    return fs.stat(absolute);
  } catch {
    return undefined;
  }
}
