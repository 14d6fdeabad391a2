/**
 * Parses one markdown file into strategy items: slice the front matter, read
 * it (fast path, else the full YAML parser), decide whether the file is ours,
 * then build and validate each item. Never throws on user input: everything
 * wrong becomes a finding on the file.
 */
import { BACKLOG_TRACK, ID_PATTERN, isKind, nearMissKind, REFERENCE_FIELDS, type Kind, type ReferenceField } from "../model/kinds";
import type { Finding } from "../model/issue";
import type { Item, ParsedFile, Ref } from "../model/item";
import { LineIndex } from "../model/range";
import { BUDGET_MESSAGES, MAX_ITEMS, MAX_REFS, OverBudget } from "./budgets";
import { sliceFrontMatter } from "./frontmatter";
import { looksLikeStrategy, readFrontMatter } from "./read-front-matter";
import { KIND_FIELDS, quickValid } from "./quick-valid";
import { describeValue, locate } from "./locate";
import { nearMissFinding } from "./near-miss";
import { pairOf, toPlain, type YMap, type YNode, type YScalar } from "./yaml-node";

/** Shared by every item with no invalid field and no `ignore:` (most of them): never added to. */
const NO_FIELDS: Set<string> = new Set();

/** A parsed file; items and findings are filled in by the parser. A class, so that no closure is kept per file. */
class StrategyFile implements ParsedFile {
  readonly text: string;
  readonly bom: boolean;
  readonly eol: "\n" | "\r\n";
  isStrategy = false;
  items: ParsedFile["items"] = [];
  findings: ParsedFile["findings"] = [];
  frontMatter?: { start: number; end: number };
  bodyStart = 0;
  private index?: LineIndex;
  /** The front matter's tree, when it is kept (see {@link tree}). */
  root?: YMap;

  constructor(readonly path: string, raw: string) {
    this.bom = raw.charCodeAt(0) === 0xfeff;
    this.text = this.bom ? raw.slice(1) : raw;
    const newline = this.text.indexOf("\n");
    this.eol = newline > 0 && this.text.charCodeAt(newline - 1) === 13 ? "\r\n" : "\n";
  }

  lines(): LineIndex {
    return (this.index ??= new LineIndex(this.text));
  }

  /** The front matter's YAML tree, read again on first use (items do not keep theirs). */
  tree(): YMap {
    if (!this.root) {
      const { start, end } = this.frontMatter ?? { start: 0, end: 0 };
      const { root } = readFrontMatter(this.text, start, end);
      this.root = root?.kind === "map" ? root : { kind: "map", pairs: [], start, end: start, flow: false };
    }
    return this.root;
  }
}

/** The `unreadable-file` finding of a file that went over a budget at `offset`: on that line, and the file is not checked further. */
function overBudget(file: StrategyFile, message: string, offset: number): void {
  const lines = file.lines();
  const line = lines.positionAt(offset).line;
  const end = Math.max(offset, lines.lineEnd(line));
  file.isStrategy = true;
  file.findings.push({ rule: "unreadable-file", message: `${message}: this front matter was not checked`, file: file.path, range: lines.rangeOf(offset, end), fixes: [] });
}

function newFile(path: string, raw: string): StrategyFile {
  return new StrategyFile(path, raw);
}

/** Why a file of `size` bytes is not read. */
export function oversize(size: number, maxBytes: number): { unreadable: string } {
  return { unreadable: `The file is ${(size / 1048576).toFixed(1)} MB, over the ${Math.round(maxBytes / 1048576)} MB limit` };
}

/** Bytes of a file as text, or why it cannot be checked (over `maxBytes`, or binary). */
export function decodeFile(bytes: Uint8Array, maxBytes: number): string | { unreadable: string } {
  if (bytes.length > maxBytes) return oversize(bytes.length, maxBytes);
  const head = bytes.subarray(0, 8000);
  if (head.includes(0)) return { unreadable: "The file is binary" };
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
}

/** A file that could not be read as text: too large, binary or unreadable. */
export function unreadableFile(path: string, reason: string): ParsedFile {
  const file = newFile(path, "");
  file.isStrategy = true;
  file.findings.push({ rule: "unreadable-file", message: `${reason}: this file was not checked`, file: path, range: file.lines().rangeOf(0, 0), fixes: [] });
  return file;
}

/** Parses the text of one markdown file (`path` relative to the workspace root, `/` separators). */
export function parseStrategyFile(path: string, raw: string): ParsedFile {
  if (raw.slice(0, 8000).includes("\0")) return unreadableFile(path, "The file is binary");
  const file = newFile(path, raw);
  const { text } = file;
  const slice = sliceFrontMatter(text);
  if (slice.kind === "none" || slice.kind === "toml") return file;
  if (slice.kind === "unclosed") {
    if (looksLikeStrategy(text.slice(0, 4000))) {
      file.isStrategy = true;
      file.findings.push({
        rule: "yaml-syntax",
        message: "The front matter is not closed: add a line `---` after its last field",
        file: path,
        range: file.lines().rangeOf(0, 3),
        fixes: [],
      });
    }
    return file;
  }
  file.frontMatter = { start: slice.start, end: slice.end };
  const closeEnd = text.indexOf("\n", slice.closeStart);
  file.bodyStart = closeEnd === -1 ? text.length : closeEnd + 1;

  const read = readFrontMatter(text, slice.start, slice.end);
  const root: YNode | null = read.root;
  if (read.errors.length) {
    if (looksLikeStrategy(text.slice(slice.start, slice.end))) {
      const budget = read.errors.find((error) => error.budget);
      if (budget) {
        overBudget(file, budget.message, budget.start);
        return file;
      }
      file.isStrategy = true;
      for (const error of read.errors.slice(0, 5)) {
        file.findings.push({
          rule: "yaml-syntax",
          message: `The front matter is not valid YAML: ${error.message}`,
          file: path,
          range: errorRange(file, error.start, Math.min(error.end, slice.end), slice.start),
          fixes: [],
        });
      }
    }
    return file;
  }
  if (!root || root.kind !== "map") return file;
  // The fast reader's trees are read again when needed (cheap, and most are never needed);
  // the full parser's are kept: reading them again would cost as much as the first time.
  if (!read.fast) file.root = root;
  try {
    collectItems(file, root);
  } catch (error) {
    if (!(error instanceof OverBudget)) throw error;
    file.items = [];
    file.findings = [];
    overBudget(file, error.message, error.offset);
  }
  return file;
}

/** A visible range for a YAML error: its span, else the nearest non-empty line at or before it. */
function errorRange(file: ParsedFile, start: number, end: number, floor: number) {
  const lines = file.lines();
  if (end > start && file.text.slice(start, end).trim()) return lines.rangeOf(start, end);
  for (let line = lines.positionAt(Math.max(floor, Math.min(start, end) - (start >= end ? 1 : 0))).line; line >= 0; line--) {
    const from = lines.lineStart(line);
    const to = lines.lineEnd(line);
    if (file.text.slice(from, to).trim()) return lines.rangeOf(from, to);
  }
  return lines.rangeOf(start, start);
}

function kindOf(map: YMap): { kind?: Kind; near?: Kind; node?: YScalar } {
  const value = pairOf(map, "type")?.value;
  if (!value || value.kind !== "scalar" || typeof value.value !== "string") return {};
  const word = value.value.toLowerCase();
  if (isKind(word)) return { kind: word, node: value };
  return { near: nearMissKind(word), node: value };
}

function collectItems(file: StrategyFile, root: YMap): void {
  const top = kindOf(root);
  if (top.kind) {
    file.isStrategy = true;
    addItem(file, root, top.kind, -1);
    return;
  }
  if (top.near && top.node) {
    file.isStrategy = true;
    file.findings.push(nearMissFinding(file, top.node, top.near));
    return;
  }
  const list = pairOf(root, "items")?.value;
  if (!list || list.kind !== "seq") return;
  if (list.items.length > MAX_ITEMS) throw new OverBudget(BUDGET_MESSAGES.items(), list.items[MAX_ITEMS].start);
  const entries = list.items.map((entry) => (entry.kind === "map" ? { entry, ...kindOf(entry) } : { entry }));
  if (!entries.some((e) => "kind" in e && (e.kind || e.near))) return;
  file.isStrategy = true;
  entries.forEach((e, index) => {
    if ("kind" in e && e.kind && e.entry.kind === "map") addItem(file, e.entry, e.kind, index);
    else if ("near" in e && e.near && e.node) file.findings.push(nearMissFinding(file, e.node, e.near));
    else {
      file.findings.push({
        rule: "schema",
        message: "Each entry of `items:` needs `type:` (strategy, pillar, kpi, initiative, tactic or sprint)",
        file: file.path,
        range: file.lines().rangeOf(e.entry.start, e.entry.start + 1),
        fixes: [],
      });
    }
  });
}

let schemas: typeof import("./schemas") | undefined;
/** The zod schemas, loaded on first need: most workspaces never have an invalid item, and zod is slow to load. */
function kindSchemas(): typeof import("./schemas").KIND_SCHEMAS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load on purpose (esbuild keeps it lazy)
  schemas ??= require("./schemas") as typeof import("./schemas");
  return schemas.KIND_SCHEMAS;
}

/** The reference fields each kind has: a pillar's stray `sprint:` is not a reference (it is a tactic called strategy). */
const REFERENCES_OF = Object.fromEntries(
  Object.entries(KIND_FIELDS).map(([kind, fields]) => [kind, (Object.keys(REFERENCE_FIELDS) as ReferenceField[]).filter((field) => fields.includes(field))]),
) as Record<Kind, ReferenceField[]>;

function baseName(path: string): string {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
  return extension === "md" || extension === "markdown" ? name.slice(0, dot) : name;
}

/** An empty reference (`kpi:`, `kpi: ~`, `kpis: []`, `pillar: ''`) counts as missing (SPEC §1): a warning of the rules, never a schema error. */
function isEmptyReference(value: unknown): boolean {
  return value === null || value === "" || (Array.isArray(value) && value.length === 0);
}

function addItem(file: StrategyFile, node: YMap, kind: Kind, index: number): void {
  const data = toPlain(node) as Record<string, unknown>;
  for (const field of REFERENCES_OF[kind]) if (Object.hasOwn(data, field) && isEmptyReference(data[field])) delete data[field];
  /** This item's own findings start here (its `ignore:` may silence them below). */
  const firstFinding = file.findings.length;
  const typeNode = pairOf(node, "type")?.value as YScalar;
  let invalid: Set<string> = NO_FIELDS;
  // zod reports at most one issue per known field (a union's elements collapse into one), so this loop is bounded.
  const result = quickValid(kind, data) ? undefined : kindSchemas()[kind].safeParse(data);
  if (result && !result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? "type");
      if (invalid === NO_FIELDS) invalid = new Set();
      invalid.add(field);
      const at = locate(node, issue.path, typeNode);
      const found = at.value === undefined ? "" : ` (found ${describeValue(at.value)})`;
      file.findings.push({
        rule: "schema",
        message: `${issue.message}${found}`,
        file: file.path,
        range: file.lines().rangeOf(at.start, at.end),
        fixes: [],
      });
    }
  }
  if (invalid.size) for (const field of invalid) delete data[field];

  let id: string;
  let idStart = typeNode.start;
  let idEnd = typeNode.end;
  const idNode = pairOf(node, "id")?.value;
  if (typeof data.id === "string" || typeof data.id === "number") {
    id = String(data.id);
    if (idNode) [idStart, idEnd] = [idNode.start, idNode.end];
  } else if (invalid.has("id")) {
    return;
  } else if (index >= 0) {
    file.findings.push({
      rule: "schema",
      message: "An item in an `items:` list needs its own `id:` (e.g. `id: webinar-follow-up`)",
      file: file.path,
      range: file.lines().rangeOf(typeNode.start, typeNode.end),
      fixes: [],
    });
    return;
  } else {
    id = baseName(file.path);
    if (!ID_PATTERN.test(id.toLowerCase())) {
      file.findings.push({
        rule: "schema",
        message: `The file name \`${id}\` is not a valid id: add \`id:\` with lower-case letters, digits and dashes`,
        file: file.path,
        range: file.lines().rangeOf(typeNode.start, typeNode.end),
        fixes: [],
      });
      return;
    }
  }

  const refs: Ref[] = [];
  const referenceFields: readonly string[] = REFERENCES_OF[kind];
  for (const pair of node.pairs) {
    const field = pair.key as ReferenceField;
    const value = pair.value;
    if (!value || !referenceFields.includes(field) || invalid.has(field)) continue;
    const scalars = value.kind === "seq" ? value.items : [value];
    for (const scalar of scalars) {
      if (scalar.kind !== "scalar" || scalar.value === null || scalar.value === "") continue;
      const refId = String(scalar.value);
      if (refs.length === MAX_REFS) throw new OverBudget(BUDGET_MESSAGES.refs(), scalar.start);
      refs.push({ field, id: refId, key: refId.toLowerCase(), start: scalar.start, end: scalar.end });
    }
  }
  const ignore = data.ignore;
  const ignored: ReadonlySet<string> = typeof ignore === "string" ? new Set([ignore]) : Array.isArray(ignore) && ignore.length ? new Set(ignore.map(String)) : NO_FIELDS;
  // `ignore: [schema]` silences this item's own schema findings too (rules are skipped when they run).
  if (ignored.size && file.findings.length > firstFinding) {
    const own = file.findings.splice(firstFinding);
    for (const finding of own) if (!ignored.has(finding.rule)) file.findings.push(finding);
  }
  file.items.push(new StrategyItem(kind, id, file, index, data, invalid, (data.track as Item["track"]) ?? BACKLOG_TRACK[kind], refs, ignored, idStart, idEnd));
}

/**
 * An item. Its YAML tree is not kept: most items never need it (only a finding's
 * exact range or a fix does), and a workspace of 10,000 items would carry ~200,000
 * nodes for nothing. `node` reads it again from the file's text, once per file.
 */
class StrategyItem implements Item {
  readonly key: string;
  readonly file: string;

  constructor(
    readonly kind: Kind,
    readonly id: string,
    readonly doc: StrategyFile,
    readonly index: number,
    readonly data: Record<string, unknown>,
    readonly invalid: ReadonlySet<string>,
    readonly track: Item["track"],
    readonly refs: Ref[],
    readonly ignore: ReadonlySet<string>,
    readonly idStart: number,
    readonly idEnd: number,
  ) {
    this.key = id.toLowerCase();
    this.file = doc.path;
  }

  get node(): YMap {
    const root = this.doc.tree();
    if (this.index === -1) return root;
    const list = pairOf(root, "items")?.value;
    const entry = list?.kind === "seq" ? list.items[this.index] : undefined;
    // The text is the one the item came from, so the entry is there and is a map.
    return entry?.kind === "map" ? entry : root;
  }
}
