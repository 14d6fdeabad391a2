/**
 * The "Strategy" tree view (`strategyDocs.tree`): the core's outline per
 * folder, with problem badges from the published diagnostics; a click opens
 * the item at its id. Rebuilt (debounced) after every change. Sprints show
 * their state (ended ones after the open ones, with a "history" icon); KPIs
 * their progress as key results (`37.5% · on pace · logo-churn`, stale said),
 * computed for the nodes shown only, once per version of the KPI.
 */
import * as vscode from "vscode";
import { describeItem, keyResultOf, kpiProgressLabel, strategyOutline, type Item, type Kind, type OutlineNode } from "../core/index";
import { toRange } from "./convert";
import type { DiagnosticsPublisher } from "./diagnostics";
import { StrategyFolder, today } from "./folder";
import type { StrategyHost } from "./host";

const KIND_ICONS: Record<Kind, string> = {
  strategy: "compass",
  pillar: "layers",
  kpi: "graph-line",
  initiative: "rocket",
  tactic: "checklist",
  sprint: "calendar",
};

const PROBLEM_ICONS = {
  error: new vscode.ThemeIcon("error", new vscode.ThemeColor("problemsErrorIcon.foreground")),
  warning: new vscode.ThemeIcon("warning", new vscode.ThemeColor("problemsWarningIcon.foreground")),
  info: new vscode.ThemeIcon("info", new vscode.ThemeColor("problemsInfoIcon.foreground")),
};

/** Children one node shows, at most: the tree is rebuilt after every change, and one file may hold 25,000 items. */
export const MAX_TREE_CHILDREN = 1000;

/** A folder, an outline node, or the last child of a long list: how many more there are (`more`). */
type Node = { folder: StrategyFolder; outline?: OutlineNode; more?: number; children: () => Node[] };

/**
 * A command's arguments when it runs from a node's context menu (VS Code passes the node):
 * the node's item as `{ kpi: id, folder }`, `{ sprint: id, folder }`…; undefined for anything else.
 */
export function nodeArguments(arg: unknown): Record<string, string> | undefined {
  if (typeof arg !== "object" || arg === null || !((arg as Partial<Node>).folder instanceof StrategyFolder)) return undefined;
  const { folder, outline } = arg as Node;
  return outline?.item ? { [outline.item.kind]: outline.item.id, folder: folder.folder.name } : undefined;
}

/** A node of the tree as plain data, as the view shows it (the extension's API returns it, for tests). */
export interface TreeSnapshot {
  label: string;
  description?: string;
  /** The item's kind and id; groups (and folders) have none. */
  kind?: Kind;
  id?: string;
  /** The codicon shown: the item's kind, or its worst problem (`error`, `warning`, `info`). */
  icon?: string;
  children: TreeSnapshot[];
}

export class StrategyTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscription: vscode.Disposable;
  private readonly kpiLabels = new WeakMap<Item, { key: string; label: string }>();

  constructor(private readonly host: StrategyHost, private readonly diagnostics: DiagnosticsPublisher) {
    this.subscription = diagnostics.onDidPublish(() => this.refresh());
  }

  /** Rebuilds the tree soon (changes come in bursts while typing). */
  refresh(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.emitter.fire(undefined);
    }, 300);
  }

  getChildren(node?: Node): Node[] {
    if (node) return node.children();
    const folders = this.host.all().filter((folder) => folder.loaded);
    const nodesOf = (folder: StrategyFolder) => this.shown(folder, strategyOutline(folder.workspace.index, today()));
    if (folders.length === 1) return nodesOf(folders[0]);
    return folders.map((folder) => ({ folder, children: () => nodesOf(folder) }));
  }

  private node(folder: StrategyFolder, outline: OutlineNode): Node {
    return { folder, outline, children: () => this.shown(folder, outline.children) };
  }

  /** The first `MAX_TREE_CHILDREN` of a node's children, then one node that says how many more there are. */
  private shown(folder: StrategyFolder, children: readonly OutlineNode[]): Node[] {
    const nodes = children.slice(0, MAX_TREE_CHILDREN).map((child) => this.node(folder, child));
    if (children.length > MAX_TREE_CHILDREN) nodes.push({ folder, more: children.length - MAX_TREE_CHILDREN, children: () => [] });
    return nodes;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const { folder, outline, more } = node;
    if (more !== undefined) {
      const item = new vscode.TreeItem(`… ${more.toLocaleString("en-US")} more`, vscode.TreeItemCollapsibleState.None);
      item.description = "the Strategy Board lists them all";
      item.iconPath = new vscode.ThemeIcon("ellipsis");
      item.command = { title: "Open Strategy Board", command: "strategyDocs.openBoard" };
      return item;
    }
    if (!outline) {
      const item = new vscode.TreeItem(folder.folder.name, vscode.TreeItemCollapsibleState.Expanded);
      item.id = folder.root.toString();
      item.iconPath = vscode.ThemeIcon.Folder;
      return item;
    }
    // Groups and pillars open, the rest closed.
    const open = !outline.item || outline.item.kind === "pillar";
    const { Collapsed, Expanded, None } = vscode.TreeItemCollapsibleState;
    const item = new vscode.TreeItem(outline.label, !outline.children.length ? None : open ? Expanded : Collapsed);
    item.id = `${folder.root.toString()}${outline.id}`;
    const strategyItem = outline.item;
    item.description = strategyItem?.kind === "kpi" ? `${this.progressLabel(folder, strategyItem)} · ${outline.description}` : outline.description;
    if (!strategyItem) {
      item.iconPath = new vscode.ThemeIcon(outline.id === "/unaligned" ? "question" : "calendar");
      item.contextValue = "strategyGroup";
      return item;
    }
    const worst = this.diagnostics.problemsOf(folder, strategyItem).level;
    // An ended sprint looks back (its state is in the description too).
    item.iconPath = worst ? PROBLEM_ICONS[worst] : new vscode.ThemeIcon(outline.state === "ended" ? "history" : KIND_ICONS[strategyItem.kind]);
    // `strategyItem.kpi`, `strategyItem.sprint.ended`: the context menu offers Record KPI Reading… and Carry Unfinished Items… on them.
    item.contextValue = `strategyItem.${strategyItem.kind}${outline.state === "ended" ? ".ended" : ""}`;
    const range = toRange(strategyItem.doc.lines().rangeOf(strategyItem.idStart, strategyItem.idEnd));
    item.command = { title: "Open", command: "vscode.open", arguments: [folder.uriOf(strategyItem.file), { selection: range } satisfies vscode.TextDocumentShowOptions] };
    return item;
  }

  /**
   * A KPI's progress in one line (`37.5% · on pace`), labelled for the nodes shown only.
   * The label reads the KPI's own fields, the day and `review.kpiMaxAgeDays`, so it is kept
   * per KPI item (a new item when its file changes) until the day or that setting changes:
   * typing in a tactic relabels nothing.
   */
  private progressLabel(folder: StrategyFolder, kpi: Item): string {
    const { workspace } = folder;
    const today = workspace.todayIso();
    const key = `${today}:${workspace.getConfig().review.kpiMaxAgeDays}`;
    const known = this.kpiLabels.get(kpi);
    if (known?.key === key) return known.label;
    const label = kpiProgressLabel(keyResultOf(workspace, kpi, today));
    this.kpiLabels.set(kpi, { key, label });
    return label;
  }

  /** The tooltip, on hover only: it ranks the item's track; a KPI's says its progress, pace and last reading. */
  resolveTreeItem(item: vscode.TreeItem, node: Node): vscode.TreeItem {
    if (node.outline?.item) {
      const tooltip = new vscode.MarkdownString(describeItem(node.folder.workspace, node.outline.item));
      tooltip.isTrusted = false;
      tooltip.supportHtml = false;
      item.tooltip = tooltip;
    }
    return item;
  }

  /** The whole tree as plain data, built by the same getChildren/getTreeItem the view calls. */
  snapshot(node?: Node): TreeSnapshot[] {
    return this.getChildren(node).map((child) => {
      const item = this.getTreeItem(child);
      return {
        label: typeof item.label === "string" ? item.label : (item.label?.label ?? ""),
        description: typeof item.description === "string" ? item.description : undefined,
        kind: child.outline?.item?.kind,
        id: child.outline?.item?.id,
        icon: item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined,
        children: this.snapshot(child),
      };
    });
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
