/**
 * Publishes the core's diagnostics into one DiagnosticCollection "strategy-docs":
 * all of a folder after a (re)read or a config change, otherwise only the
 * files a change can affect. Each diagnostic's code links to its rule's help (rule-help.ts).
 */
import * as vscode from "vscode";
import type { Issue, Item } from "../core/index";
import { toDiagnostic } from "./convert";
import type { ChangeEvent, StrategyFolder, StrategyHost } from "./host";

/** Counts of the published diagnostics, by severity. */
export interface ProblemCounts {
  errors: number;
  warnings: number;
  infos: number;
}

/** An item's problems: the worst severity and how many. */
export interface ItemProblems {
  level: Issue["severity"] | null;
  count: number;
}

/** A file's published problems: counts, and per item id (lower case; "" for the file itself). */
interface FileProblems extends ProblemCounts {
  items: Map<string, { level: Issue["severity"]; count: number }>;
}

const RANK = { error: 3, warning: 2, info: 1 } as const;

export class DiagnosticsPublisher implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection("strategy-docs");
  /** Per folder: the files with published diagnostics and their counts. */
  private readonly published = new Map<StrategyFolder, Map<string, FileProblems>>();
  private readonly emitter = new vscode.EventEmitter<StrategyFolder>();
  private readonly subscription: vscode.Disposable;
  /** Fires with the folder whose diagnostics were published (the tree, the status bar and the board follow). */
  readonly onDidPublish = this.emitter.event;

  constructor(host: StrategyHost, private readonly docs: (rule: string) => vscode.Uri) {
    this.subscription = host.onDidChange((event) => this.update(event));
  }

  private update(event: ChangeEvent): void {
    const { folder } = event;
    let files = this.published.get(folder);
    if (!files) this.published.set(folder, (files = new Map()));
    if (event.removed) {
      for (const path of files.keys()) this.collection.delete(folder.uriOf(path));
      this.published.delete(folder);
    } else if (event.files === "all") {
      const byFile = new Map<string, Issue[]>();
      for (const issue of folder.workspace.allIssues(false)) {
        const list = byFile.get(issue.file);
        if (list) list.push(issue);
        else byFile.set(issue.file, [issue]);
      }
      for (const path of files.keys()) if (!byFile.has(path)) this.set(folder, files, path, []);
      for (const [path, issues] of byFile) this.set(folder, files, path, issues);
    } else {
      for (const path of event.files) this.set(folder, files, path, folder.workspace.issues(path, false));
    }
    this.emitter.fire(folder);
  }

  private set(folder: StrategyFolder, files: Map<string, FileProblems>, path: string, issues: readonly Issue[]): void {
    const uri = folder.uriOf(path);
    if (!issues.length) {
      if (files.delete(path)) this.collection.delete(uri);
      return;
    }
    const counts: FileProblems = { errors: 0, warnings: 0, infos: 0, items: new Map() };
    for (const issue of issues) {
      counts[issue.severity === "error" ? "errors" : issue.severity === "warning" ? "warnings" : "infos"]++;
      const key = issue.itemId?.toLowerCase() ?? "";
      const before = counts.items.get(key);
      if (!before) counts.items.set(key, { level: issue.severity, count: 1 });
      else {
        before.count++;
        if (RANK[issue.severity] > RANK[before.level]) before.level = issue.severity;
      }
    }
    files.set(path, counts);
    this.collection.set(uri, issues.map((issue) => toDiagnostic(issue, this.docs)));
  }

  /** The problems of an item (for a one-item file, of the whole file): worst severity and count. */
  problemsOf(folder: StrategyFolder, item: Item): ItemProblems {
    const problems = this.published.get(folder)?.get(item.file);
    if (!problems) return { level: null, count: 0 };
    if (item.index !== -1) return problems.items.get(item.key) ?? { level: null, count: 0 };
    const level = problems.errors ? "error" : problems.warnings ? "warning" : problems.infos ? "info" : null;
    return { level, count: problems.errors + problems.warnings + problems.infos };
  }

  /** The total counts over every folder, or of one. */
  totals(only?: StrategyFolder): ProblemCounts {
    const total: ProblemCounts = { errors: 0, warnings: 0, infos: 0 };
    for (const [folder, files] of this.published) {
      if (only && folder !== only) continue;
      for (const counts of files.values()) {
        total.errors += counts.errors;
        total.warnings += counts.warnings;
        total.infos += counts.infos;
      }
    }
    return total;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
    this.collection.dispose();
  }
}
