/**
 * One workspace folder: its strategy workspace, which files it reads (the
 * config's include/exclude), and reading them through `workspace.fs`.
 */
import * as vscode from "vscode";
import { CONFIG_FILE, createFileMatcher, decodeFile, MAX_FILE_BYTES, oversize, parseDay, StrategyWorkspace, type FileContent } from "../core/index";
import { fromUri, toUri } from "./convert";

export const MARKDOWN = /\.(md|markdown)$/i;

type FileMatcherLike = ReturnType<typeof createFileMatcher>;

/**
 * Today in the user's time zone, as the UTC midnight the core's date rules count
 * from: "reviewed today" and a new item's `reviewed:` are the same day.
 */
export function localDay(): Date {
  // A fixed day for tests and demos (`STRATEGY_DOCS_TODAY=2026-11-30`), as the CLI's `--today`.
  const fixed = typeof process === "undefined" ? undefined : process.env.STRATEGY_DOCS_TODAY;
  const day = fixed ? parseDay(fixed) : undefined;
  if (day) return day;
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

/** Today as `YYYY-MM-DD` in the user's time zone. */
export function today(): string {
  return localDay().toISOString().slice(0, 10);
}

/** One workspace folder and its strategy workspace. */
export class StrategyFolder {
  workspace = new StrategyWorkspace({ today: localDay });
  matcher: FileMatcherLike = createFileMatcher(this.workspace.getConfig());
  /** The last text of `strategy.config.yaml` (undefined: there is none). */
  configText: string | undefined;
  loading = false;
  loaded = false;
  /** Files that changed while a load was running: read again after it. */
  readonly dirty = new Set<string>();
  readonly ready: Promise<void>;
  markReady!: () => void;
  readonly watchers: vscode.Disposable[] = [];

  constructor(readonly folder: vscode.WorkspaceFolder) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
  }

  get root(): vscode.Uri {
    return this.folder.uri;
  }

  pathOf(uri: vscode.Uri): string | undefined {
    return fromUri(this.root, uri);
  }

  uriOf(path: string): vscode.Uri {
    return toUri(this.root, path);
  }

  /** Whether a path is read: the config, or a markdown file the config's include/exclude select. */
  isOurs(path: string): boolean {
    return path === CONFIG_FILE || (MARKDOWN.test(path) && this.matcher(path));
  }
}

/** A file's content (undefined: it is gone), or why it cannot be read. */
export async function readContent(uri: vscode.Uri): Promise<FileContent | undefined> {
  try {
    return decodeFile(await vscode.workspace.fs.readFile(uri), MAX_FILE_BYTES);
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === "FileNotFound") return undefined;
    return { unreadable: `The file cannot be read (${(error as Error).message})` };
  }
}

/**
 * An open document's text as the workspace takes it: like its file's bytes, text over
 * MAX_FILE_BYTES in UTF-8 is not checked (`unreadable-file`), also while it is edited.
 */
export function liveContent(text: string): FileContent {
  // UTF-8 takes 1 to 3 bytes per UTF-16 code unit: only a text in between needs counting.
  if (text.length * 3 <= MAX_FILE_BYTES) return text;
  // Over the limit in code units already (the size said is then a lower bound, exact for ASCII).
  if (text.length > MAX_FILE_BYTES) return oversize(text.length, MAX_FILE_BYTES);
  const bytes = utf8Length(text);
  return bytes > MAX_FILE_BYTES ? oversize(bytes, MAX_FILE_BYTES) : text;
}

/** The UTF-8 length of a string, without encoding it. */
function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // 2 bytes below U+0800, 3 above, 4 for a surrogate pair (2 code units).
    if (code >= 0x80) bytes += code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 1 : 2;
  }
  return bytes;
}

/** Whether a file (or folder) exists. */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * The markdown files of a folder (or of a sub-folder `under/`) that a config
 * selects: by default the folder's own; a reload passes the config it is about to use.
 */
export async function findMarkdown(
  state: StrategyFolder,
  under = "",
  { include, exclude } = state.workspace.getConfig(),
  matcher: FileMatcherLike = state.matcher,
): Promise<vscode.Uri[]> {
  // Several globs as one `{a,b}` glob (one search of the folder, not one per glob) unless one has braces itself.
  const oneGlob = (globs: readonly string[]) => (globs.length === 1 ? [globs[0]] : globs.some((glob) => /[{}]/.test(glob)) ? [...globs] : [`{${globs.join(",")}}`]);
  const excludeGlobs = exclude.length ? oneGlob(exclude) : [];
  const excludeGlob = excludeGlobs.length === 1 ? new vscode.RelativePattern(state.root, excludeGlobs[0]) : undefined;
  const found = new Map<string, vscode.Uri>();
  const globs = under ? [`${under}**/*.{md,markdown}`] : oneGlob(include);
  for (const glob of globs) {
    for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(state.root, glob), excludeGlob)) {
      const path = state.pathOf(uri);
      if (path !== undefined && path !== CONFIG_FILE && MARKDOWN.test(path) && matcher(path)) found.set(uri.toString(), uri);
    }
  }
  return [...found.values()];
}
