/**
 * Which item the cursor is in, for the commands and code actions that work on
 * "the sprint here" or "the KPI here": the item whose front matter block holds
 * a position (an `items:` entry or the whole front matter), read through the
 * core's `contextAt`, which looks at the position's block only; and the
 * folder such a command works in.
 */
import * as vscode from "vscode";
import { contextAt, type Item, type Kind } from "../core/index";
import { fromPosition } from "./convert";
import type { StrategyFolder, StrategyHost } from "./host";

/** Where an item's code actions are offered: the lines of some of its keys. */
export class KeyLines {
  private readonly pattern: RegExp;

  constructor(readonly kind: Kind, readonly keys: readonly string[]) {
    this.pattern = new RegExp(`^\\s*(?:-\\s+)?(?:${keys.join("|")})\\s*:`);
  }

  /** Whether a line's text could be one of those keys' lines: a test before the workspace is asked. */
  mayHold(lineText: string): boolean {
    return this.pattern.test(lineText);
  }

  /** The item of this kind with one of the keys on `position`'s line, if any. */
  itemAt(state: StrategyFolder, path: string, position: vscode.Position): Item | undefined {
    const found = blockAt(state, path, position);
    if (!found || found.item.kind !== this.kind) return undefined;
    return this.keys.some((key) => found.keys.get(key)?.line === position.line) ? found.item : undefined;
  }
}

/** The item of `kind` whose front matter block holds `position`, if any. */
export function itemAt(state: StrategyFolder, path: string, position: vscode.Position, kind: Kind): Item | undefined {
  const found = blockAt(state, path, position);
  return found?.item.kind === kind ? found.item : undefined;
}

function blockAt(state: StrategyFolder, path: string, position: vscode.Position): { item: Item; keys: ReadonlyMap<string, { line: number }> } | undefined {
  const file = state.workspace.index.files.get(path);
  const block = file && contextAt(file, fromPosition(position)).block;
  return block?.item ? { item: block.item, keys: block.keys } : undefined;
}

/**
 * What a command works on: its arguments as a record (`{ folder, … }` from scripts, keybindings,
 * code actions; anything else counts as none) and its folder, read: the one named, else the active
 * editor's, else the first with items. Undefined, said to the user, when no folder is open.
 */
export async function commandTarget(host: StrategyHost, args: unknown): Promise<{ given: Record<string, unknown>; state: StrategyFolder } | undefined> {
  const given = typeof args === "object" && args !== null ? (args as Record<string, unknown>) : {};
  const active = vscode.window.activeTextEditor?.document.uri;
  const state = typeof given.folder === "string" ? host.folderNamed(given.folder) : (active && host.folderOf(active)) || host.folderNamed(undefined);
  if (!state) {
    void vscode.window.showErrorMessage("Strategy Docs: open a folder with strategy documents first.");
    return undefined;
  }
  await state.ready;
  host.syncPending(); // the edits it computes must match the documents' text as it is now
  return { given, state };
}
