/**
 * The Strategy Board panel: one WebviewPanel (restored after a reload by its
 * serializer) that shows the core's board model for one folder and follows
 * every change the host reports. It builds only the model of the tab in view:
 * the Plan tab's board (sent whole, then as patches), or the Review, KPIs,
 * Roadmap or Calendar tab's model (sent whole when it changed). Messages from the webview are checked
 * against the protocol's zod schema before anything happens; "Apply proposal"
 * asks first, then writes `sprint:` through one undoable WorkspaceEdit.
 */
import * as vscode from "vscode";
import { buildBoard, buildCalendarTab, buildKpiTab, buildReviewTab, buildRoadmapTab } from "../core/index";
import { applyProposal, undoLastApply, type ApplyMode } from "./board-apply";
import { diffBoard, encodeModel, isNoChange } from "../board-wire";
import type { BoardModel, BoardState, BoardTab, HostMessage, ScoreTerm, TabModel, ViewRequest, WebviewMessage } from "../protocol";
import { boardHtml, makeNonce } from "./board-html";
import { today } from "./folder";
import { toRange } from "./convert";
import type { DiagnosticsPublisher } from "./diagnostics";
import type { StrategyFolder, StrategyHost } from "./host";

export const BOARD_VIEW_TYPE = "strategyDocs.board";
/** Changes arriving within this window are shown in one update. */
const COALESCE_MS = 10;

/** The protocol module, loaded with the first board (it loads zod). */
let protocol: typeof import("../protocol") | undefined;
const loadProtocol = () => (protocol ??= require("../protocol") as typeof import("../protocol"));

/** What the board shows (the webview's `view` request without its type): the what-ifs live here, not in any file. */
type View = Omit<ViewRequest, "type">;

export class BoardPanel implements vscode.Disposable {
  private static current: BoardPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private view: View = {};
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The webview listens: it said `ready`, and has not been hidden since (a hidden webview is torn down). */
  private ready = false;
  /** The last model sent (tests read it through the extension's API). */
  lastModel: BoardModel | undefined;
  /** The score terms of the last model's items, by uid (sent on `explain`). */
  private breakdowns = new Map<string, ScoreTerm[]>();
  /** The next update sends the whole model (the webview is new, or asked). */
  private sendWhole = true;
  /** The last model of a tab other than Plan sent (tests read it), and its JSON without the generation: an unchanged one is not sent again. */
  lastTabModel: TabModel | undefined;
  private lastTabJson = "";

  /** Opens the board (or shows the open one), optionally on a sprint of a folder. */
  static show(extensionUri: vscode.Uri, host: StrategyHost, diagnostics: DiagnosticsPublisher, view: View = {}): BoardPanel {
    const existing = BoardPanel.current;
    if (existing) {
      existing.setView({ ...existing.view, ...view });
      if (view.tab && existing.ready) void existing.post({ type: "tab", tab: view.tab });
      existing.panel.reveal(undefined, false);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(BOARD_VIEW_TYPE, "Strategy Board", { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, BoardPanel.options(extensionUri));
    return (BoardPanel.current = new BoardPanel(panel, extensionUri, host, diagnostics, view));
  }

  /** Takes over a panel VS Code restored after a reload, with the state the webview saved. */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, host: StrategyHost, diagnostics: DiagnosticsPublisher, state: unknown): BoardPanel {
    BoardPanel.current?.dispose();
    panel.webview.options = BoardPanel.options(extensionUri);
    // The saved state comes from the webview: checked like any of its messages.
    const saved = (state && typeof state === "object" ? state : {}) as Partial<BoardState>;
    const { folder, tab, sprint, reviewSprint, model, split, roadmapBy, roadmapLanes, month } = saved;
    const parsed = loadProtocol().viewSchema.safeParse({ type: "view", folder, tab, sprint, reviewSprint, model, split, roadmapBy, roadmapLanes, month });
    const { type: _type, ...view } = parsed.success ? parsed.data : { type: "view" as const };
    return (BoardPanel.current = new BoardPanel(panel, extensionUri, host, diagnostics, view));
  }

  static get active(): BoardPanel | undefined {
    return BoardPanel.current;
  }

  private static options(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, "media")], retainContextWhenHidden: false, enableFindWidget: true };
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly host: StrategyHost,
    private readonly diagnostics: DiagnosticsPublisher,
    view: View,
  ) {
    this.view = view;
    panel.iconPath = vscode.Uri.joinPath(extensionUri, "media", "strategy.svg");
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState(() => {
        // Hidden, the webview is torn down; shown again, it reloads and asks with `ready`.
        if (panel.visible) return;
        this.ready = false;
        clearTimeout(this.timer);
      }),
      panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      diagnostics.onDidPublish((folder) => {
        // Another folder's change does not touch this board (unless the board's folder went away).
        if (folder === this.folder() || !host.all().includes(folder)) this.schedule();
      }),
    );
    panel.webview.html = this.html();
  }

  private html(): string {
    const { webview } = this.panel;
    const media = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, "media", ...path)).toString();
    return boardHtml({ cspSource: webview.cspSource, nonce: makeNonce(), scriptUri: media("dist", "board.js"), styleUris: [media("board.css"), media("board-time.css")] });
  }

  /** The folder shown: the one asked for, else the first with strategy items, else the first. */
  private folder(): StrategyFolder | undefined {
    return this.host.folderNamed(this.view.folder) ?? this.host.all()[0];
  }

  setView(view: View): void {
    this.view = view;
    this.schedule(0);
  }

  /** Sends a fresh model soon (changes close together make one update); a hidden board catches up when shown. */
  private schedule(delay = COALESCE_MS): void {
    if (!this.ready) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  /** Builds the model of the tab in view and posts it. */
  async update(): Promise<BoardModel | undefined> {
    this.timer = undefined;
    const state = this.folder();
    if (!state) {
      void this.post({ type: "error", message: "Open a folder with strategy documents to see the board." });
      return undefined;
    }
    await state.ready;
    if (this.view.tab && this.view.tab !== "plan") {
      await this.updateTab(state, this.view.tab);
      return this.lastModel;
    }
    const breakdowns = new Map<string, ScoreTerm[]>();
    const model = buildBoard(state.workspace, {
      breakdowns,
      sprint: this.view.sprint,
      model: this.view.model,
      split: this.view.split,
      today: today(),
      generation: this.generation + 1,
      folder: state.folder.name,
      folders: this.host.all().map((folder) => folder.folder.name),
      readOnly: !vscode.workspace.isTrusted,
      problems: this.diagnostics.totals(state),
      problemsOf: (item) => this.diagnostics.problemsOf(state, item),
    });
    const patch = this.sendWhole ? undefined : diffBoard(this.lastModel, model);
    // An edit that changes nothing on the board (e.g. in a body) sends nothing, and the generation stays.
    if (patch && this.lastModel && isNoChange(patch, this.lastModel)) return this.lastModel;
    this.generation = model.generation;
    this.sendWhole = false;
    this.lastModel = model;
    this.breakdowns = breakdowns;
    await this.post(patch ? { type: "patch", patch } : { type: "model", model: encodeModel(model) });
    return model;
  }

  /** Builds the model of a tab other than Plan and posts it, unless the webview has it already. */
  private async updateTab(state: StrategyFolder, tab: Exclude<BoardTab, "plan">): Promise<void> {
    const options = { today: today(), generation: this.generation + 1, folder: state.folder.name, folders: this.host.all().map((folder) => folder.folder.name) };
    const { workspace } = state;
    const message: HostMessage =
      tab === "review"
        ? { type: tab, model: buildReviewTab(workspace, { ...options, sprint: this.view.reviewSprint }) }
        : tab === "kpis"
          ? { type: tab, model: buildKpiTab(workspace, options) }
          : tab === "roadmap"
            ? { type: tab, model: buildRoadmapTab(workspace, { ...options, by: this.view.roadmapBy, lanes: this.view.roadmapLanes }) }
            : { type: tab, model: buildCalendarTab(workspace, { ...options, month: this.view.month }) };
    const { generation: _generation, ...shown } = message.model;
    const json = `${tab}:${JSON.stringify(shown)}`;
    if (json === this.lastTabJson) return;
    this.generation = message.model.generation;
    this.lastTabJson = json;
    this.lastTabModel = message.model;
    await this.post(message);
  }

  private post(message: HostMessage): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  private async receive(raw: unknown): Promise<void> {
    const parsed = loadProtocol().parseWebviewMessage(raw);
    if (!parsed.ok) {
      // Not ours (or a bug): never act on it.
      console.warn(`Strategy Board: ignored a message: ${parsed.error}`);
      return;
    }
    const message: WebviewMessage = parsed.message;
    switch (message.type) {
      case "ready":
        this.ready = true;
        this.sendWhole = true;
        this.lastTabJson = "";
        void this.post({ type: "tab", tab: this.view.tab ?? "plan" });
        await this.update();
        return;
      case "refresh":
        this.sendWhole = true;
        await this.update();
        return;
      case "explain": {
        const model = this.lastModel;
        const terms = this.breakdowns.get(message.uid);
        if (model && terms) void this.post({ type: "breakdown", uid: message.uid, generation: model.generation, terms });
        return;
      }
      case "view":
        this.applyView(message);
        return;
      case "open":
        await this.open(message.file, message.line);
        return;
      case "apply":
        // Only the proposal the user saw: a board that changed since (or is about to) shows the new one first.
        if (message.generation !== this.lastModel?.generation || this.timer !== undefined) {
          void this.post({ type: "error", message: "The board changed before Apply: check the new proposal, then apply again." });
          this.sendWhole = true;
          await this.update();
          return;
        }
        await this.apply(message.sprint);
        return;
      case "undo": {
        const result = await undoLastApply();
        void this.post({ type: "undone", ok: result.ok, message: result.message });
        return;
      }
    }
  }

  /** zod leaves out what the request does not name: what it names replaces the view's. */
  private applyView({ type: _type, ...request }: ViewRequest): void {
    this.setView({ ...this.view, ...request });
  }

  /** Opens an item's document at its line, beside the board; only files of the folder. */
  private async open(file: string, line: number): Promise<void> {
    const state = this.folder();
    if (!state?.workspace.index.files.has(file)) return;
    const parsed = state.workspace.index.files.get(file)!;
    const target = Math.max(0, Math.min(line - 1, parsed.lines().positionAt(parsed.text.length).line));
    const column = this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
    await vscode.window.showTextDocument(state.uriOf(file), { viewColumn: column, selection: toRange({ start: { line: target, character: 0 }, end: { line: target, character: 0 } }), preview: true });
  }

  /** Asks, then writes `sprint:` into the items the board shows as proposed. */
  async apply(sprint: string, mode: ApplyMode = "confirm"): Promise<number> {
    const state = this.folder();
    const shown = this.lastModel?.plan;
    if (!state || !shown || shown.sprint.toLowerCase() !== sprint.toLowerCase()) return 0;
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage("Strategy Docs: this workspace is not trusted, so the board does not write. Trust it to apply proposals.");
      return 0;
    }
    return applyProposal(state, sprint, { model: this.view.model, split: this.view.split, ids: shown.proposed.items }, mode, ({ count, split, kept }) => void this.post({ type: "applied", sprint: shown.sprint, count, split, kept }), () => this.host.syncPending());
  }

  dispose(): void {
    if (BoardPanel.current === this) BoardPanel.current = undefined;
    clearTimeout(this.timer);
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.panel.dispose();
  }
}
