/**
 * Go to definition, find references and rename on ids. A reference counts for
 * an item when its field may point to the item's kind (`sprint: growth` is not
 * a reference to the pillar `growth`). Rename returns its edits as data; an id
 * that comes from the file name gets an `id:` line instead of a file rename.
 */
import type { FileChange, TextEdit } from "../model/issue";
import type { Item, Ref } from "../model/item";
import { ID_PATTERN, REFERENCE_FIELDS, type Kind, type ReferenceField } from "../model/kinds";
import type { Position, Range } from "../model/range";
import { mapIndent } from "../rules/edits";
import { pairOf } from "../parse/yaml-node";
import { idAt, idFromFileName, innerSpan, type IdAt, type Location, type StrategySource } from "./context";

/** The item(s) an id at a position stands for: the referenced items, or the item itself. */
function targetsOf(source: StrategySource, at: IdAt): Item[] {
  if (!at.ref) return [at.holder];
  const kinds: readonly Kind[] = REFERENCE_FIELDS[at.ref.field];
  return source.index.itemsWithId(at.key).filter((item) => kinds.includes(item.kind));
}

function locationOf(item: Item): Location {
  const [start, end] = innerSpan(item.doc.text, item.idStart, item.idEnd);
  return { file: item.file, range: item.doc.lines().rangeOf(start, end) };
}

function refLocation(item: Item, ref: Ref): Location {
  const [start, end] = innerSpan(item.doc.text, ref.start, ref.end);
  return { file: item.file, range: item.doc.lines().rangeOf(start, end) };
}

/** Where the id at a position is defined: the id (or, for a file-named id, the `type`) of each item with it. */
export function definition(source: StrategySource, path: string, position: Position): Location[] {
  const file = source.index.files.get(path);
  const at = file && idAt(file, position);
  return at ? targetsOf(source, at).map(locationOf) : [];
}

/** The references to the id `key` whose field passes `accepts`: one pass over the id's referrers. */
function refsTo(source: StrategySource, key: string, accepts: (field: ReferenceField) => boolean): Array<{ item: Item; ref: Ref }> {
  const out: Array<{ item: Item; ref: Ref }> = [];
  for (const item of source.index.referrers(key)) {
    for (const ref of item.refs) if (ref.key === key && accepts(ref.field)) out.push({ item, ref });
  }
  return out;
}

/** The references to `target` across the workspace: every ref whose field may point to its kind. */
export function referencesTo(source: StrategySource, target: Item): Array<{ item: Item; ref: Ref }> {
  return refsTo(source, target.key, (field) => (REFERENCE_FIELDS[field] as readonly Kind[]).includes(target.kind));
}

/**
 * All references to the id at a position (and its definitions, with `includeDeclaration`), in file order.
 * The id's referrers are read once, however many items share the id.
 */
export function references(source: StrategySource, path: string, position: Position, includeDeclaration = true): Location[] {
  const file = source.index.files.get(path);
  const at = file && idAt(file, position);
  if (!at) return [];
  const targets = targetsOf(source, at);
  const out: Location[] = [];
  const seen = new Set<string>();
  const add = (location: Location) => {
    const key = `${location.file}:${location.range.start.line}:${location.range.start.character}`;
    if (!seen.has(key)) out.push(location);
    seen.add(key);
  };
  if (includeDeclaration) for (const target of targets) add(locationOf(target));
  const kinds = new Set<Kind>(targets.map((target) => target.kind));
  // An unknown id: the other references with the same id and field kinds.
  const sameKinds = at.ref && REFERENCE_FIELDS[at.ref.field].join();
  const accepts = targets.length ? (field: ReferenceField) => REFERENCE_FIELDS[field].some((kind) => kinds.has(kind)) : (field: ReferenceField) => REFERENCE_FIELDS[field].join() === sameKinds;
  if (targets.length || at.ref) for (const { item, ref } of refsTo(source, at.key, accepts)) add(refLocation(item, ref));
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character));
}

export type RenameCheck = { range: Range; placeholder: string; target: Item } | { error: string };

/** Whether the id at a position can be renamed: the range to edit and the current id, or why not. */
export function prepareRename(source: StrategySource, path: string, position: Position): RenameCheck {
  const file = source.index.files.get(path);
  const at = file && idAt(file, position);
  if (!file || !at || (!at.ref && at.fromFileName)) return { error: "Only an item's id or a reference to one can be renamed" };
  const targets = targetsOf(source, at);
  if (targets.length === 0) return { error: `No item has the id \`${at.id}\`: nothing to rename` };
  if (targets.length > 1) return { error: `${targets.length} items share the id \`${at.id}\`: make it unique first` };
  return { range: file.lines().rangeOf(at.start, at.end), placeholder: at.id, target: targets[0] };
}

const NOT_PLAIN = /^(?:~|null|true|false|yes|no|on|off|[-+]?(?:\.?[0-9][0-9_]*\.?[0-9_]*(?:e[-+]?[0-9]+)?|0x[0-9a-f]+|0o[0-7]+|\.inf|\.nan))$/i;

/** The id as YAML: quoted when a plain scalar would read as something else (`true`, `1.50`). */
function yamlId(id: string): string {
  return NOT_PLAIN.test(id) && String(Number(id)) !== id ? `"${id}"` : id;
}

/** The text that replaces a scalar `start..end`: in quotes, only the content changes. */
function replacement(text: string, start: number, end: number, id: string): { start: number; end: number; text: string } {
  const [a, b] = innerSpan(text, start, end);
  return a === start ? { start, end, text: yamlId(id) } : { start: a, end: b, text: id };
}

/** Renames the id at a position: every reference to it and its definition, as file changes; or why not. */
export function rename(source: StrategySource, path: string, position: Position, newId: string): { changes: FileChange[] } | { error: string } {
  const check = prepareRename(source, path, position);
  if ("error" in check) return check;
  const id = newId.trim();
  if (!ID_PATTERN.test(id.toLowerCase())) return { error: `\`${id}\` is not a valid id: use lower-case letters, digits, '.', '_' and '-', starting with a letter or digit` };
  const target = check.target;
  const clash = source.index.itemsWithId(id).find((item) => item !== target);
  if (clash) return { error: `The id \`${id}\` is taken by the ${clash.kind} in ${clash.file}` };

  const byFile = new Map<string, TextEdit[]>();
  const add = (file: string, textEdit: TextEdit) => {
    const list = byFile.get(file) ?? [];
    list.push(textEdit);
    byFile.set(file, list);
  };
  const edit = (item: Item, start: number, end: number, text: string) => add(item.file, { range: item.doc.lines().rangeOf(start, end), newText: text });
  for (const { item, ref } of referencesTo(source, target)) {
    const r = replacement(item.doc.text, ref.start, ref.end, id);
    edit(item, r.start, r.end, r.text);
  }
  if (idFromFileName(target)) {
    // The id came from the file name: say it with an `id:` line after `type:` instead of renaming the file,
    // at the column of the item's keys as the fixes find it (a stray BOM or an anchor before `type` is not indentation).
    const type = pairOf(target.node, "type");
    const indent = type && !target.node.flow ? mapIndent(target.doc, target.node.pairs[0]) : undefined;
    if (!type || indent === undefined) return { error: "Add an `id:` line to the item first, then rename it" };
    const lineEnd = target.doc.lines().lineEnd(target.doc.lines().positionAt(type.keyStart).line);
    edit(target, lineEnd, lineEnd, `${target.doc.eol}${" ".repeat(indent)}id: ${yamlId(id)}`);
  } else {
    const r = replacement(target.doc.text, target.idStart, target.idEnd, id);
    edit(target, r.start, r.end, r.text);
  }
  return { changes: [...byFile].map(([file, edits]) => ({ kind: "edit", file, edits })) };
}
