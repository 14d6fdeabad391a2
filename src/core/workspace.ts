/**
 * The strategy workspace: every parsed file, the index and the config, kept up
 * to date one file at a time. `setFile` re-reads one file and returns the files
 * whose diagnostics its change can affect — those of the items it defines, of
 * the items with the same ids, of the items that refer to those ids and of the
 * items it refers to — so an edit costs the same at 10 items and at 10,000.
 * Diagnostics are computed per file on request (`issues`), always fresh.
 */
import { CONFIG_FILE, defaultConfig, loadConfig } from "./config/config";
import type { Severity, StrategyConfig } from "./config/types";
import type { Finding, Fix, Issue } from "./model/issue";
import type { Range } from "./model/range";
import type { Item, ParsedFile } from "./model/item";
import type { Kind } from "./model/kinds";
import { StrategyIndex } from "./model/strategy-index";
import { parseStrategyFile, unreadableFile } from "./parse/document";
import { RULE_IDS, RULES, type Rule, type RuleContext } from "./rules/index";
import { requiredFields } from "./score/models";
import { currentDrift } from "./review/drift";

export { MAX_FILE_BYTES } from "./parse/budgets";

/** A file's content as the host read it: its text, or why it could not be read (see `decodeFile`). */
export type FileContent = string | { unreadable: string };

/** Messages and fix titles longer than this have their long quoted values shortened. */
const CLIP_AT = 240;
const LONG_VALUE = /`([^`\n]{81,})`/g;
/** Control characters and line separators: a value quoted from a file may hold them, a message never should. */
const CONTROL = /[\u0000-\u001f\u007f\u0085\u2028\u2029]/g;
const ESCAPES: Record<string, string> = { "\r": "\\r", "\n": "\\n", "\t": "\\t" };

/**
 * A message or fix title as shown: control characters written as escapes (a lone CR
 * from a value would end the line in a terminal), and every `quoted` value over 80
 * characters cut to its start and end (an id may be megabytes long). One place for
 * every rule's messages.
 */
export function displayText(text: string): string {
  const printable = text.replace(CONTROL, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return printable.length <= CLIP_AT ? printable : printable.replace(LONG_VALUE, (_, value: string) => `\`${value.slice(0, 48)}…${value.slice(-24)}\``);
}

const NO_FIXES: Fix[] = [];

/** Whether two ranges share a position (touching counts, as a cursor at a diagnostic's end does). */
function meets(a: Range, b: Range): boolean {
  const before = (p: Range["start"], q: Range["start"]) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** What `runRules` returns when nothing fires: one shared, never written array. */
const NONE: Finding[] = [];

const DEFAULT_SEVERITY = new Map<string, Severity>(RULES.map((rule) => [rule.id, rule.defaultSeverity]));

/** What a KPI contributes to its pillars' strategic KPIs: its id, level and pillar. */
const kpiShape = (item: Item) => `${item.key} ${item.data.level === "tactical"} ${item.refs.filter((ref) => ref.field === "pillar").map((ref) => ref.key).join(",")}`;

/** The pillars (lower-case ids) of the KPIs that a change from `before` to `after` adds, removes, or changes in level or pillar: those it names and those that list it. */
function pillarsOfChangedKpis(index: StrategyIndex, before: readonly Item[], after: readonly Item[]): Set<string> {
  const pillars = new Set<string>();
  const was = new Set(before.filter((item) => item.kind === "kpi").map(kpiShape));
  const is = new Set(after.filter((item) => item.kind === "kpi").map(kpiShape));
  for (const item of [...before, ...after]) {
    if (item.kind !== "kpi" || (was.has(kpiShape(item)) && is.has(kpiShape(item)))) continue;
    for (const ref of item.refs) if (ref.field === "pillar") pillars.add(ref.key);
    for (const other of index.referrers(item.key)) if (other.kind === "pillar") pillars.add(other.key);
  }
  return pillars;
}

function parseContent(path: string, content: FileContent): ParsedFile {
  return typeof content === "string" ? parseStrategyFile(path, content) : unreadableFile(path, content.unreadable);
}

export interface WorkspaceOptions {
  /** Today's date for date rules; defaults to the clock. */
  today?: () => Date;
}

export class StrategyWorkspace {
  readonly index = new StrategyIndex();
  private config: StrategyConfig = defaultConfig();
  private configFile = CONFIG_FILE;
  private configFindings: Finding[] = [];
  private rulesByKind = new Map<Kind, Rule[]>();
  private context!: RuleContext;
  private readonly today: () => Date;
  /** The file where split-drift fires (null: nowhere), known once an edit has needed it: it moves when a sprint's work does. */
  private driftHolder: string | null | undefined;

  constructor(options: WorkspaceOptions = {}) {
    this.today = options.today ?? (() => new Date());
    this.configure();
  }

  /** Today as the workspace's date rules see it (injected; the clock by default), as `YYYY-MM-DD`. */
  todayIso(): string {
    return this.today().toISOString().slice(0, 10);
  }

  /** The resolved config. */
  getConfig(): StrategyConfig {
    return this.config;
  }

  /**
   * Sets the text of `strategy.config.yaml` (undefined: none); every file's diagnostics may change.
   * `base` applies where the file says nothing (the editor's settings); the SPEC defaults without it.
   */
  setConfigText(text: string | undefined, file = CONFIG_FILE, base?: StrategyConfig): void {
    const loaded = loadConfig(text, file, RULE_IDS, base);
    this.config = loaded.config;
    this.configFile = file;
    this.driftHolder = undefined;
    this.configFindings = loaded.findings;
    this.configure();
  }

  private configure(): void {
    this.rulesByKind = new Map();
    for (const rule of RULES) {
      if (!rule.check || !rule.kinds || this.severityOf(rule.id) === "off") continue;
      for (const kind of rule.kinds) {
        const list = this.rulesByKind.get(kind) ?? [];
        list.push(rule);
        this.rulesByKind.set(kind, list);
      }
    }
    this.context = { index: this.index, config: this.config, today: this.today(), scoringFields: requiredFields(this.config.scoring) };
  }

  /** The configured severity of a rule. */
  severityOf(rule: string): Severity | "off" {
    return this.config.rules[rule] ?? DEFAULT_SEVERITY.get(rule) ?? "error";
  }

  /**
   * Adds many files at once (the first scan); reports nothing, as every file is new.
   */
  load(files: Iterable<[string, FileContent]>): void {
    for (const [path, content] of files) {
      this.index.remove(path);
      this.index.add(parseContent(path, content));
    }
  }

  /** Sets one file's content (new or changed) and returns the files whose diagnostics may have changed. */
  setFile(path: string, content: FileContent): string[] {
    if (this.driftHolder === undefined) this.driftHolder = this.findDriftHolder();
    const old = this.index.remove(path);
    const file = parseContent(path, content);
    this.index.add(file);
    return this.affectedFiles(old?.items ?? [], file.items, path);
  }

  /** Forgets a deleted file; returns the files whose diagnostics may have changed. */
  deleteFile(path: string): string[] {
    if (this.driftHolder === undefined) this.driftHolder = this.findDriftHolder();
    const old = this.index.remove(path);
    return old ? this.affectedFiles(old.items, [], path) : [];
  }

  /** The files whose diagnostics a change of `path`'s items from `before` to `after` can affect (`path` first). */
  private affectedFiles(before: readonly Item[], after: readonly Item[], path: string): string[] {
    const { index } = this;
    const defined = new Set<string>();
    const targets = new Set<string>();
    for (const item of [...before, ...after]) {
      defined.add(item.key);
      for (const ref of item.refs) targets.add(ref.key);
    }
    // Through an initiative: its pillar and KPIs are inherited by its tactics.
    for (const key of [...targets]) {
      for (const target of index.itemsWithId(key)) if (target.kind === "initiative") for (const ref of target.refs) targets.add(ref.key);
    }
    const files = new Set<string>([path]);
    for (const key of defined) {
      for (const item of index.itemsWithId(key)) files.add(item.file);
      for (const item of index.referrers(key)) {
        files.add(item.file);
        if (item.kind === "initiative") for (const child of index.referrers(item.key)) files.add(child.file);
      }
    }
    for (const key of targets) for (const item of index.itemsWithId(key)) files.add(item.file);
    // A sprint's work changed: split-drift, which names the last ended sprints, may move or reword.
    const isSprint = (item: Item) => item.kind === "sprint";
    if (before.some(isSprint) || after.some(isSprint) || [...targets].some((key) => index.itemsWithId(key).some(isSprint))) {
      if (this.driftHolder) files.add(this.driftHolder);
      this.driftHolder = this.findDriftHolder();
      if (this.driftHolder) files.add(this.driftHolder);
    }
    // Whether a pillar has a strategic KPI shows on its strategic work (strategic-work-tactical-kpi): a KPI that comes, goes or changes its level or pillar re-checks its pillars' work.
    for (const key of pillarsOfChangedKpis(index, before, after)) {
      for (const item of index.referrers(key)) {
        files.add(item.file);
        if (item.kind === "initiative") for (const child of index.referrers(item.key)) files.add(child.file);
      }
    }
    return [...files];
  }

  /** The file of the sprint split-drift fires on now, or null. */
  private findDriftHolder(): string | null {
    if (this.severityOf("split-drift") === "off") return null;
    const drift = currentDrift(this.index, this.config, this.todayIso());
    return drift ? drift.sprints[drift.sprints.length - 1].tally.sprint.file : null;
  }

  private runRules(item: Item): Finding[] {
    const rules = this.rulesByKind.get(item.kind);
    if (!rules) return NONE;
    let out = NONE;
    for (const rule of rules) {
      if (item.ignore.has(rule.id)) continue;
      try {
        const found = rule.check!(item, this.context);
        if (found.length) (out === NONE ? (out = []) : out).push(...found);
      } catch (error) {
        // A rule's bug must not take the other diagnostics down with it.
        (out === NONE ? (out = []) : out).push({ rule: rule.id, message: `Internal error in rule ${rule.id}: ${(error as Error).message}`, file: item.file, range: item.doc.lines().rangeOf(item.idStart, item.idEnd), fixes: [] });
      }
    }
    return out;
  }

  /**
   * Diagnostics of one file, in position order. Their fixes are built unless
   * `withFixes` is false (a CLI run without --fix never needs them).
   */
  issues(path: string, withFixes: boolean | Range = true): Issue[] {
    if (path === this.configFile) return this.resolve(this.configFindings, withFixes);
    const file = this.index.files.get(path);
    if (!file) return [];
    this.context.today = this.today();
    return this.fileIssues(file, withFixes);
  }

  private fileIssues(file: ParsedFile, withFixes: boolean | Range): Issue[] {
    let found: Finding[] | undefined = file.findings.length ? [...file.findings] : undefined;
    for (const item of file.items) {
      const findings = this.runRules(item);
      if (findings.length) (found ??= []).push(...findings);
    }
    return found ? this.resolve(found, withFixes) : [];
  }

  /** All diagnostics: the config's, then each file's, files in path order. */
  allIssues(withFixes = true): Issue[] {
    this.context.today = this.today();
    const out = this.resolve(this.configFindings, withFixes);
    const perFile: Array<[string, Issue[]]> = [];
    for (const [path, file] of this.index.files) {
      if (path === this.configFile) continue;
      const issues = this.fileIssues(file, withFixes);
      if (issues.length) perFile.push([path, issues]);
    }
    perFile.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const [, issues] of perFile) for (const issue of issues) out.push(issue); // no spread: a file may have 100,000 issues
    return out;
  }

  /** Issues with their severity; fixes built for all (`true`), none (`false`), or those whose range meets a range (a quick-fix request at the cursor). */
  private resolve(findings: readonly Finding[], withFixes: boolean | Range): Issue[] {
    const out: Issue[] = [];
    for (const { lazyFixes, ...finding } of findings) {
      const severity = this.severityOf(finding.rule);
      if (severity === "off") continue;
      const wanted = typeof withFixes === "boolean" ? withFixes : meets(finding.range, withFixes);
      const fixes = wanted && lazyFixes ? lazyFixes() : wanted ? finding.fixes : NO_FIXES;
      const shown = fixes.some((fix) => displayText(fix.title) !== fix.title) ? fixes.map((fix) => ({ ...fix, title: displayText(fix.title) })) : fixes;
      out.push({ ...finding, message: displayText(finding.message), severity, fixes: shown });
    }
    return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }
}
