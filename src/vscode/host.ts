/**
 * Keeps one StrategyWorkspace per workspace folder in step with the files:
 * a background first read (findFiles + workspace.fs), open documents' live
 * text over the disk's (debounced per document), and a file watcher for
 * changes made outside the editor. Every change reports the files whose
 * diagnostics may have changed, so that only those are republished.
 */
import * as vscode from "vscode";
import { CONFIG_FILE, createFileMatcher, StrategyWorkspace, type FileContent } from "../core/index";
import { exists, findMarkdown, liveContent, localDay, readContent, StrategyFolder } from "./folder";
import { affectsSettings, configFromSettings } from "./settings";

export { StrategyFolder } from "./folder";

/** What changed in a folder: some files' diagnostics, or all of them. */
export interface ChangeEvent {
  folder: StrategyFolder;
  files: readonly string[] | "all";
  /** The folder left the workspace: forget everything of it. */
  removed?: boolean;
}

const DEBOUNCE_MS = 150;
const READ_BATCH = 64;
/** A last path segment with an extension: a file, not a folder (a guess for deleted paths). */
const HAS_EXTENSION = /\.[^/]*$/;

export class StrategyHost implements vscode.Disposable {
  private readonly folders = new Map<string, StrategyFolder>();
  private readonly timers = new Map<string, { timer: ReturnType<typeof setTimeout>; document: vscode.TextDocument }>();
  /** Counts removals, so that a read that a deletion overtook is not applied after it. */
  private removals = 0;
  private readonly emitter = new vscode.EventEmitter<ChangeEvent>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  readonly onDidChange = this.emitter.event;

  constructor(private readonly log: (line: string) => void) {}

  /** Starts watching and reads every folder in the background. */
  start(): void {
    const ws = vscode.workspace;
    this.disposables.push(
      ws.onDidChangeWorkspaceFolders((event) => {
        for (const folder of event.removed) this.removeFolder(folder);
        for (const folder of event.added) void this.addFolder(folder);
      }),
      ws.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length) this.schedule(event.document);
      }),
      ws.onDidOpenTextDocument((document) => this.syncOpened(document)),
      ws.onDidCloseTextDocument((document) => void this.closed(document)),
      ws.onDidChangeConfiguration((event) => {
        for (const state of this.folders.values()) if (affectsSettings(event, state.root)) this.applyConfig(state, state.configText);
      }),
    );
    for (const folder of ws.workspaceFolders ?? []) void this.addFolder(folder);
  }

  /** The folders, in workspace order. */
  all(): StrategyFolder[] {
    return [...this.folders.values()];
  }

  /** Whether any folder holds strategy items (the status bar items show then). */
  hasItems(): boolean {
    return this.all().some((state) => state.workspace.index.itemCount > 0);
  }

  /** The folder of that name, else the first that holds strategy items. */
  folderNamed(name: string | undefined): StrategyFolder | undefined {
    const folders = this.all();
    return folders.find((state) => state.folder.name === name) ?? folders.find((state) => state.workspace.index.itemCount > 0);
  }

  /** The folder a URI belongs to (the innermost, for nested folders). */
  folderOf(uri: vscode.Uri): StrategyFolder | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? this.folders.get(folder.uri.toString()) : undefined;
  }

  /**
   * The folder and path of a document once its folder is read, with any
   * pending edit applied so that offsets match the text; undefined when the
   * document is not one of ours.
   */
  async resolve(document: vscode.TextDocument): Promise<{ state: StrategyFolder; path: string } | undefined> {
    const state = this.folderOf(document.uri);
    const path = state?.pathOf(document.uri);
    if (!state || path === undefined) return undefined;
    await state.ready;
    if (!state.isOurs(path)) return undefined;
    // A document outlives its file (deleted on disk, its editor still open): unless it is edited, it is not read again.
    if (path !== CONFIG_FILE && !document.isDirty && !state.workspace.index.files.has(path) && !(await exists(document.uri))) return undefined;
    // Other documents' pending edits too: references and rename span files.
    this.syncPending();
    this.sync(document, state, path);
    return { state, path };
  }

  /**
   * Applies every document's pending (debounced) text now. A command that computes
   * edits from the model calls it first: the offsets of its edits must be those of
   * the documents' text as it is, not as it was before the last 150 ms of typing
   * (or an undo), or an edit would land in the wrong place.
   */
  syncPending(): void {
    for (const [, pending] of [...this.timers]) {
      const state = this.folderOf(pending.document.uri);
      const path = state?.pathOf(pending.document.uri);
      if (state && path !== undefined) this.sync(pending.document, state, path);
    }
  }

  /** Applies a document's pending (debounced) text now, or its text if the workspace has another. */
  private sync(document: vscode.TextDocument, state: StrategyFolder, path: string): void {
    const key = document.uri.toString();
    const pending = this.timers.get(key);
    if (pending) {
      clearTimeout(pending.timer);
      this.timers.delete(key);
    }
    const text = document.getText();
    const known = path === CONFIG_FILE ? state.configText : state.workspace.index.files.get(path)?.text;
    if (pending || known !== text) this.apply(state, path, text);
  }

  /**
   * Forgets the pending (debounced) edits of a deleted file or of the files under a deleted
   * folder: one that fired later would bring the file back from its editor's text (a revert
   * just before the deletion leaves one behind). Typing in that editor again still checks it.
   */
  private dropPending(uri: vscode.Uri): void {
    const key = uri.toString();
    for (const [other, pending] of [...this.timers]) {
      if (other !== key && !other.startsWith(`${key}/`)) continue;
      clearTimeout(pending.timer);
      this.timers.delete(other);
    }
  }

  private schedule(document: vscode.TextDocument): void {
    const state = this.folderOf(document.uri);
    const path = state?.pathOf(document.uri);
    if (!state || path === undefined || !state.isOurs(path)) return;
    const key = document.uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending.timer);
    const timer = setTimeout(() => {
      this.timers.delete(key);
      this.apply(state, path, document.getText());
    }, DEBOUNCE_MS);
    this.timers.set(key, { timer, document });
  }

  private syncOpened(document: vscode.TextDocument): void {
    const state = this.folderOf(document.uri);
    const path = state?.pathOf(document.uri);
    if (state?.loaded && path !== undefined && state.isOurs(path)) this.sync(document, state, path);
  }

  /** A closed document's disk text counts again (its unsaved edits were dropped). */
  private async closed(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending.timer);
    this.timers.delete(key);
    const state = this.folderOf(document.uri);
    const path = state?.pathOf(document.uri);
    if (state?.loaded && path !== undefined && state.isOurs(path)) await this.refresh(state, document.uri);
  }

  /** Sets one file's (or the config's) text and reports what changed. */
  private apply(state: StrategyFolder, path: string, content: FileContent): void {
    if (state.loading) state.dirty.add(path);
    if (path === CONFIG_FILE) {
      this.applyConfig(state, typeof content === "string" ? content : undefined);
      return;
    }
    // Text from an open document: over the size limit it is not checked, as its file would not be.
    const files = state.workspace.setFile(path, typeof content === "string" ? liveContent(content) : content);
    this.emitter.fire({ folder: state, files });
  }

  private remove(state: StrategyFolder, path: string): void {
    this.removals++;
    if (state.loading) state.dirty.add(path);
    if (path === CONFIG_FILE) {
      this.applyConfig(state, undefined);
      return;
    }
    if (state.workspace.index.files.has(path)) {
      this.emitter.fire({ folder: state, files: state.workspace.deleteFile(path) });
      return;
    }
    // A deleted folder: forget every file under it.
    if (HAS_EXTENSION.test(path) || state.matcher.excludesFolder(path)) return;
    const prefix = `${path}/`;
    const files = new Set<string>();
    for (const known of [...state.workspace.index.files.keys()]) {
      if (known.startsWith(prefix)) for (const file of state.workspace.deleteFile(known)) files.add(file);
    }
    if (files.size) this.emitter.fire({ folder: state, files: [...files] });
  }

  /** Applies config text (and the settings under it); a change of include/exclude reads the folder again. */
  applyConfig(state: StrategyFolder, text: string | undefined): void {
    state.configText = text;
    const before = JSON.stringify([state.workspace.getConfig().include, state.workspace.getConfig().exclude]);
    state.workspace.setConfigText(text, CONFIG_FILE, configFromSettings(state.root));
    const after = JSON.stringify([state.workspace.getConfig().include, state.workspace.getConfig().exclude]);
    if (before !== after && state.loaded && !state.loading) {
      void this.load(state);
      return;
    }
    this.emitter.fire({ folder: state, files: "all" });
  }

  /** Reads a file again from its open document or the disk; a file that is gone is forgotten. */
  private async refresh(state: StrategyFolder, uri: vscode.Uri): Promise<void> {
    const path = state.pathOf(uri);
    if (path === undefined) return;
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    if (open && state.isOurs(path)) {
      // The live text wins over the disk's (a save changes nothing).
      this.sync(open, state, path);
      return;
    }
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      this.remove(state, path);
      return;
    }
    if (stat.type & vscode.FileType.Directory) {
      // A folder moved in: read what it holds.
      for (const file of await findMarkdown(state, `${path}/`)) await this.refresh(state, file);
      return;
    }
    // Only regular files (or links to them) are read: a named pipe would block the read until a writer comes.
    if (!(stat.type & vscode.FileType.File) || !state.isOurs(path)) return;
    const removals = this.removals;
    const content = await readContent(uri);
    // Deleted while it was read (an editor closed just before `rm`): the deletion has the last word.
    if (content !== undefined && removals !== this.removals && !(await exists(uri))) return;
    if (content === undefined) this.remove(state, path);
    else this.apply(state, path, content);
  }

  private async addFolder(folder: vscode.WorkspaceFolder): Promise<void> {
    const state = new StrategyFolder(folder);
    this.folders.set(folder.uri.toString(), state);
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, "**/*"));
    const onEvent = (uri: vscode.Uri, deleted: boolean) => {
      const path = state.pathOf(uri);
      if (path === undefined || !state.loaded) {
        if (path !== undefined) state.dirty.add(path);
        return;
      }
      if (deleted) {
        this.dropPending(uri);
        this.remove(state, path);
      } else if (state.isOurs(path) || (!HAS_EXTENSION.test(path) && !state.matcher.excludesFolder(path))) void this.refresh(state, uri);
    };
    state.watchers.push(watcher, watcher.onDidCreate((uri) => onEvent(uri, false)), watcher.onDidChange((uri) => onEvent(uri, false)), watcher.onDidDelete((uri) => onEvent(uri, true)));
    await this.load(state);
  }

  private removeFolder(folder: vscode.WorkspaceFolder): void {
    const state = this.folders.get(folder.uri.toString());
    if (!state) return;
    this.folders.delete(folder.uri.toString());
    for (const disposable of state.watchers) disposable.dispose();
    this.emitter.fire({ folder: state, files: "all", removed: true });
  }

  /** Reads (or reads again) a whole folder into a fresh workspace, then swaps it in. */
  async load(state: StrategyFolder): Promise<void> {
    if (state.loading) return;
    state.loading = true;
    state.dirty.clear();
    const started = performance.now();
    try {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Strategy Docs: reading ${state.folder.name}` }, async () => {
        const workspace = new StrategyWorkspace({ today: localDay });
        const configUri = state.uriOf(CONFIG_FILE);
        const openConfig = vscode.workspace.textDocuments.find((document) => document.uri.toString() === configUri.toString());
        const configContent = openConfig ? openConfig.getText() : await readContent(configUri);
        const configText = typeof configContent === "string" ? configContent : undefined;
        workspace.setConfigText(configText, CONFIG_FILE, configFromSettings(state.root));
        const matcher = createFileMatcher(workspace.getConfig());
        // The current workspace keeps answering until the new one is complete.
        const uris = await findMarkdown(state, "", workspace.getConfig(), matcher);
        // An open document's live text wins over its file's, for files that exist: a document
        // outlives its file (closing an editor, or deleting its file, does not close it at once).
        const found = new Set(uris.map((uri) => state.pathOf(uri)));
        const open = new Map<string, vscode.TextDocument>();
        for (const document of vscode.workspace.textDocuments) {
          const path = state.pathOf(document.uri);
          if (path !== undefined && document.uri.scheme === "file" && found.has(path)) open.set(path, document);
        }
        const entries: Array<[string, FileContent]> = [];
        for (let i = 0; i < uris.length; i += READ_BATCH) {
          const batch = uris.slice(i, i + READ_BATCH);
          const contents = await Promise.all(batch.map((uri) => (open.has(state.pathOf(uri)!) ? undefined : readContent(uri))));
          batch.forEach((uri, j) => {
            const content = contents[j];
            const path = state.pathOf(uri)!;
            if (!open.has(path) && content !== undefined) entries.push([path, content]);
          });
        }
        for (const [path, document] of open) entries.push([path, liveContent(document.getText())]);
        workspace.load(entries);
        state.workspace = workspace;
        state.matcher = matcher;
        state.configText = configText;
        this.log(`Read ${entries.length} markdown files (${workspace.index.itemCount} items) of ${state.folder.name} in ${Math.round(performance.now() - started)} ms`);
      });
    } catch (error) {
      this.log(`Could not read ${state.folder.name}: ${(error as Error).message}`);
    } finally {
      state.loading = false;
      state.loaded = true;
      state.markReady();
    }
    this.emitter.fire({ folder: state, files: "all" });
    // What changed while reading: read it again.
    const dirty = [...state.dirty];
    state.dirty.clear();
    for (const path of dirty) await this.refresh(state, state.uriOf(path));
  }

  /** Reads every folder again (the "check workspace" command). */
  async reloadAll(): Promise<void> {
    await Promise.all(this.all().map((state) => this.load(state)));
  }

  dispose(): void {
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    for (const state of this.folders.values()) for (const disposable of state.watchers) disposable.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
