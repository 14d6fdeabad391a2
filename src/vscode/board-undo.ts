/**
 * Undo of the board's last Apply, from the board itself (VS Code's Edit › Undo
 * does nothing while a webview has focus). Before the edit is applied, the
 * inverse of each of its text edits is computed from the documents' texts;
 * later typing in those documents moves the recorded ranges, and typing inside
 * one of them marks it changed. Undo writes the inverse as one WorkspaceEdit,
 * or refuses, naming the file and line, when a written range changed since.
 */
import * as vscode from "vscode";

/** One written range: where it is now (offsets in the document), what was written and what it replaced. */
interface Written {
  start: number;
  end: number;
  written: string;
  original: string;
  changed: boolean;
}

/** The result of an undo: done, or why not (nothing was changed then). */
export type UndoResult = { ok: true } | { ok: false; message: string };

/** The inverse of one applied WorkspaceEdit (text edits only), kept up to date with later typing. */
export class ApplyUndo implements vscode.Disposable {
  private readonly subscription: vscode.Disposable;

  private constructor(
    private readonly files: Map<string, { uri: vscode.Uri; version: number; ranges: Written[] }>,
    readonly summary: string,
  ) {
    this.subscription = vscode.workspace.onDidChangeTextDocument((event) => this.follow(event));
  }

  /**
   * Reads the documents `edit` touches (before it is applied) and returns
   * `apply`, which applies the edit and, when it was applied, returns the
   * record that undoes it (undefined when VS Code refused the edit).
   */
  static async prepare(edit: vscode.WorkspaceEdit, summary: string): Promise<() => Promise<ApplyUndo | undefined>> {
    const files = new Map<string, { uri: vscode.Uri; version: number; ranges: Written[] }>();
    for (const [uri, edits] of edit.entries()) {
      if (!edits.length) continue;
      const document = await vscode.workspace.openTextDocument(uri);
      const text = document.getText();
      const sorted = edits.map((e) => ({ start: document.offsetAt(e.range.start), end: document.offsetAt(e.range.end), newText: e.newText })).sort((a, b) => a.start - b.start);
      let delta = 0;
      const ranges: Written[] = [];
      for (const e of sorted) {
        const start = e.start + delta;
        ranges.push({ start, end: start + e.newText.length, written: e.newText, original: text.slice(e.start, e.end), changed: false });
        delta += e.newText.length - (e.end - e.start);
      }
      files.set(uri.toString(), { uri, version: document.version, ranges });
    }
    return async () => {
      const ok = await vscode.workspace.applyEdit(edit, { isRefactoring: true });
      return ok ? new ApplyUndo(files, summary) : undefined;
    };
  }

  /** Moves the ranges after typing before them; typing that touches one marks it changed. */
  private follow(event: vscode.TextDocumentChangeEvent): void {
    const file = this.files.get(event.document.uri.toString());
    // The Apply itself is one change of each document (its version + 1): its event may arrive after applyEdit resolved.
    if (!file || !event.contentChanges.length || event.document.version <= file.version + 1) return;
    // Every change of one event is relative to the document before the event.
    const shifts = file.ranges.map(() => 0);
    for (const change of event.contentChanges) {
      const from = change.rangeOffset;
      const to = from + change.rangeLength;
      file.ranges.forEach((range, i) => {
        // Typing that touches a written range (even at its edge: `sprint: s1` then `-moved`) changes it.
        if (to < range.start) shifts[i] += change.text.length - change.rangeLength;
        else if (from <= range.end) range.changed = true;
      });
    }
    file.ranges.forEach((range, i) => {
      range.start += shifts[i];
      range.end += shifts[i];
    });
  }

  /** Reverts the edit, if every written range is still as written; one WorkspaceEdit. */
  async undo(): Promise<UndoResult> {
    const edit = new vscode.WorkspaceEdit();
    for (const { uri, ranges } of this.files.values()) {
      const document = await vscode.workspace.openTextDocument(uri);
      const text = document.getText();
      for (const range of ranges) {
        if (range.changed || text.slice(range.start, range.end) !== range.written) {
          const line = document.positionAt(Math.min(range.start, text.length)).line + 1;
          return { ok: false, message: `Not undone: ${vscode.workspace.asRelativePath(uri)} changed at line ${line} since Apply (it no longer reads "${range.written.trim()}"). Nothing was changed; edit that line by hand.` };
        }
        edit.replace(uri, new vscode.Range(document.positionAt(range.start), document.positionAt(range.end)), range.original);
      }
    }
    const ok = await vscode.workspace.applyEdit(edit, { isRefactoring: true });
    if (ok) this.dispose();
    return ok ? { ok: true } : { ok: false, message: "Not undone: VS Code refused the edit (a document changed meanwhile?). Nothing was changed." };
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
