import type { Severity } from "../config/types";
import type { Range } from "./range";

/** Replace `range` of a text with `newText`. */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** One file's part of a fix: edits to an existing file, or a new file. */
export type FileChange =
  | { kind: "edit"; file: string; edits: TextEdit[] }
  | { kind: "create"; file: string; text: string };

/**
 * A fix is data: the same record serves the CLI's `--fix`, VS Code's quick fix
 * and fix-all. `safe` fixes need no choice and change no meaning; they are the
 * ones `--fix` and `source.fixAll` apply. Several fixes on one issue are choices.
 */
export interface Fix {
  title: string;
  safe: boolean;
  changes: FileChange[];
}

/** A diagnostic of the core, with 0-based positions. */
export interface Issue {
  rule: string;
  severity: Severity;
  message: string;
  /** Path relative to the workspace root, `/` separators. */
  file: string;
  range: Range;
  fixes: Fix[];
  /** The id of the item it is about, if any. */
  itemId?: string;
}

/**
 * What a rule reports; the workspace resolves the severity from the config.
 * `lazyFixes` builds the fixes only when a caller asks for them (most runs never do).
 */
export type Finding = Omit<Issue, "severity"> & { lazyFixes?: () => Fix[] };
