/**
 * Completion inside strategy front matter: kinds after `type:`, ids of the
 * right kind after `pillar:`, `kpi:`, `kpis:` (also in `[…]` and `- ` lists),
 * `initiative:` and `sprint:`, days after the date fields (today, the sprint's
 * start and end: date-completion.ts), and the field names of the item's kind
 * that it does not have yet on a line where a key could go: the fields that
 * matter for the kind first (field-docs.ts), each with a one-line doc.
 */
import type { Item } from "../model/item";
import { KINDS, REFERENCE_FIELDS, type Kind } from "../model/kinds";
import type { Position, Range } from "../model/range";
import { KIND_FIELDS } from "../parse/quick-valid";
import { FIELD_DOCS, fieldOrder } from "./field-docs";
import { contextAt, referenceField, shortTitle, type Block, type PositionContext, type StrategySource } from "./context";
import { dateChoices, dateEntry } from "./date-completion";

/** What each kind is (SPEC §1), for completion details and hovers. */
export const KIND_DESCRIPTIONS: Record<Kind, string> = {
  strategy: "The strategic choices: where to play, how to win",
  pillar: "A strategic pillar, theme or objective",
  kpi: "A measure (or OKR key result)",
  initiative: "An epic or campaign in the strategic backlog",
  tactic: "A recurring or ad-hoc task in the tactical queue",
  sprint: "A sprint and its capacity",
};

/** Ids longer than this are not offered: none is honest, and each completion would send it again. */
const MAX_ID_CHARS = 1000;

/** One completion: what to show, and the edit that accepting it makes. */
export interface CompletionEntry {
  label: string;
  kind: "kind" | "id" | "field" | "date";
  /** A short description (the item's title, the kind's description). */
  detail?: string;
  /** Replaces `range` (on one line, containing the position). */
  insertText: string;
  range: Range;
  /** Orders the list (lower first); the label when absent. */
  sortText?: string;
  /** What the text typed is matched against (a day's `YYYY-MM-DD`); the label when absent. */
  filterText?: string;
}

/** What completion needs beyond the workspace. */
export interface CompletionOptions {
  /** Today as `YYYY-MM-DD` (the host's day): offered after date fields. None offered without it. */
  today?: string;
}

/** Completions at `position` of the file `path` (none outside strategy front matter). */
export function completions(source: StrategySource, path: string, position: Position, options: CompletionOptions = {}): CompletionEntry[] {
  const file = source.index.files.get(path);
  if (!file) return [];
  const context = contextAt(file, position);
  const lines = file.lines();
  const range = lines.rangeOf(context.start, context.end);
  const space = context.needsSpace ? " " : "";
  if (context.where === "value" && context.key === "type" && !context.inList) {
    return KINDS.map((kind, order) => ({ label: kind, kind: "kind", detail: KIND_DESCRIPTIONS[kind], insertText: space + kind, range, sortText: String(order) }));
  }
  const field = referenceField(context);
  if (field) return idCompletions(source, file.text, context, field, range, space);
  if (context.where === "newKey") return fieldCompletions(context.block, range, file.isStrategy);
  return dateChoices(source, file.text, context, options.today).map((choice, order) => dateEntry(choice, order, range, space));
}

function idCompletions(source: StrategySource, text: string, context: PositionContext, field: keyof typeof REFERENCE_FIELDS, range: Range, space: string): CompletionEntry[] {
  const block = context.block;
  // Only where the field is a reference for the item's kind (a pillar's stray `sprint:` is not).
  if (!block?.kind || !KIND_FIELDS[block.kind].includes(field)) return [];
  // Listed ids are not offered again, and an id several items share is offered once.
  const skip = new Set(context.siblings.map((id) => id.toLowerCase()));
  const first = field === "kpi" || field === "kpis" ? pillarKpis(source, text, block) : new Set<Item>();
  const out: CompletionEntry[] = [];
  for (const kind of REFERENCE_FIELDS[field]) {
    for (const item of source.index.ofKind(kind)) {
      if (skip.has(item.key) || item === block.item || item.id.length > MAX_ID_CHARS) continue;
      skip.add(item.key);
      out.push({
        label: item.id,
        kind: "id",
        detail: `${kind}: ${shortTitle(item)}`,
        insertText: space + item.id,
        range,
        sortText: `${first.has(item) ? 0 : 1}-${item.key}`,
      });
    }
  }
  return out;
}

/** The KPIs of the block's pillar (own or through its initiative), to offer first. */
function pillarKpis(source: StrategySource, text: string, block: Block): Set<Item> {
  const { index } = source;
  let pillar = block.item ? index.pillarOf(block.item) : undefined;
  if (!pillar) {
    // The YAML may not parse while typing: read the block's own `pillar:` line.
    const line = block.keys.get("pillar");
    const id = line ? text.slice(line.valueStart, line.valueEnd).replace(/^["']|["']$/g, "") : undefined;
    if (id) pillar = index.find(id, ["pillar"]);
  }
  return new Set(pillar && pillar.kind === "pillar" ? index.kpisOf(pillar) : []);
}

function fieldCompletions(block: Block | undefined, range: Range, isStrategy: boolean): CompletionEntry[] {
  if (!block) return [];
  if (!block.kind) {
    // Only `type:` starts an item: in an empty front matter or a new entry of `items:`, not in other tools' pages.
    const fresh = block.keys.size === 0 && (isStrategy || block.index === -1);
    return !fresh ? [] : [{ label: "type", kind: "field", detail: FIELD_DOCS.type, insertText: "type: ", range }];
  }
  const fields = KIND_FIELDS[block.kind];
  const out: CompletionEntry[] = [];
  fields.forEach((name, order) => {
    if (block.keys.has(name)) return;
    out.push({ label: name, kind: "field", detail: FIELD_DOCS[name] ?? `${block.kind} field`, insertText: `${name}: `, range, sortText: fieldOrder(block.kind!, name, order) });
  });
  return out;
}
