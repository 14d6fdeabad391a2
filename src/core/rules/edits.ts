/**
 * Fixes are text edits computed from the YAML offsets, so they touch only the
 * characters they change: comments, key order and line endings stay as the
 * user wrote them.
 */
import type { FileChange, Fix } from "../model/issue";
import type { Item, ParsedFile } from "../model/item";
import type { StrategyIndex } from "../model/strategy-index";
import { itemTitle } from "../parse/title";
import { pairOf, type YMap, type YPair } from "../parse/yaml-node";

/** A change that edits an existing file. */
export type EditChange = Extract<FileChange, { kind: "edit" }>;

/**
 * The offset just after the `:` that ends a key (`sprint :` and an explicit
 * `? key` on the line before are valid YAML too); undefined for a key that has
 * none (`{a, b: c}` in a flow map).
 */
function afterColon(text: string, keyEnd: number): number | undefined {
  const gap = /^\s*/.exec(text.slice(keyEnd, keyEnd + 1024))![0].length;
  return text[keyEnd + gap] === ":" ? keyEnd + gap + 1 : undefined;
}

/**
 * The edit that writes `yaml` (YAML source) in place of the value at `start..end`
 * of a file, so that the result still reads `key: value`: a space is kept after
 * a `:`, a tag or an anchor, a comment right after keeps its space, and the line
 * break a span starts or ends with stays (a lone `\r` is not one: `yaml` reads it
 * as part of the value).
 */
export function replaceValue(doc: ParsedFile, start: number, end: number, yaml: string): EditChange {
  const { text } = doc;
  const isBreak = (at: number) => text[at] === "\n" || (text[at] === "\r" && text[at + 1] === "\n");
  let to = end;
  while (to > start && isBreak(to - 1)) to--;
  let from = start;
  while (from < to && isBreak(from)) from++;
  const separated = from === 0 || " \t\n[{,".includes(text[from - 1]);
  // A comment right after the value needs a space before its `#`, or it is part of the value (or an error after `]`).
  const comment = text[to] === "#" && !/\s$/.test(yaml);
  return { kind: "edit", file: doc.path, edits: [{ range: doc.lines().rangeOf(from, to), newText: `${separated ? "" : " "}${yaml}${comment ? " " : ""}` }] };
}

/** An edit that replaces the scalar at `start..end` of the item's file with `value`, written as a YAML scalar (see {@link replaceValue}). */
export function replaceSpan(item: Item, start: number, end: number, value: string): EditChange {
  return replaceValue(item.doc, start, end, yamlScalar(value));
}

/** Where a pair's value is written: its span, or the alias (`*a`) that stands for it. The value node of an alias lies at its anchor. */
function writtenValue(text: string, pair: YPair): { start: number; end: number } | undefined {
  const value = pair.value;
  if (value && value.start >= pair.keyEnd) return value;
  const colon = afterColon(text, pair.keyEnd);
  if (colon === undefined) return undefined;
  const alias = /^\s*\*[^\s,[\]{}]+/.exec(text.slice(colon, colon + 1024));
  return alias ? { start: colon + alias[0].indexOf("*"), end: colon + alias[0].length } : undefined;
}

/** The offset after a key's colon and the tags and anchors that may stand there with no value (`kpi: !!null`). */
function afterProperties(text: string, keyEnd: number): number {
  const colon = afterColon(text, keyEnd);
  if (colon === undefined) return keyEnd;
  return colon + /^(?:[ \t]+[!&][^\s,[\]{}]*)*/.exec(text.slice(colon, colon + 1024))![0].length;
}

/**
 * The column of a block map's keys: that of its first key, counting a `- ` before
 * it but not an anchor, a tag or a BOM right before the key. Undefined after a BOM
 * followed by spaces, where `yaml` accepts no second key line at any column.
 */
export function mapIndent(doc: ParsedFile, first: YPair): number | undefined {
  // The front matter may start on the fence's line for us (`---\r` ends it for the fence, not for the line table).
  const lineStart = Math.max(doc.lines().lineStart(doc.lines().positionAt(first.keyStart).line), doc.frontMatter?.start ?? 0);
  const prefix = doc.text.slice(lineStart, first.keyStart);
  if (prefix.includes("\uFEFF") && prefix !== "\uFEFF") return undefined;
  return /^[ \t]*(?:-[ \t]+)*/.exec(prefix.replace("\uFEFF", ""))![0].length;
}

/**
 * The last line of the block map entry that starts on `line`: the lines after it
 * that are more indented than the map's keys, blank, comments, or a `- `, a `: `
 * or a closing `]` or `}` at the keys' column belong to it. Text, not node
 * offsets: an alias's node lies elsewhere.
 */
export function lastLineOf(doc: ParsedFile, line: number, indent: number): number {
  const { text } = doc;
  const lines = doc.lines();
  const endLine = lines.positionAt(doc.frontMatter?.end ?? text.length).line;
  let last = line;
  for (let at = line + 1; at < endLine; at++) {
    const start = lines.lineStart(at);
    const end = lines.lineEnd(at);
    let first = start;
    while (first < end && (text[first] === " " || text[first] === "\t")) first++;
    if (first === end) continue;
    const width = first - start;
    // At the keys' column: a list's `- ` or an explicit key's `: ` under the key, or the bracket that closes its flow collection.
    const indicator = ((text[first] === "-" || text[first] === ":") && (first + 1 === end || text[first + 1] === " " || text[first + 1] === "\t")) || text[first] === "]" || text[first] === "}";
    if (text[first] === "#" && width <= indent) continue;
    if (width < indent || (width === indent && !indicator)) break;
    last = at;
  }
  return last;
}

/** `key: value` added as a new line after the last line of a block map, at the column of its keys (a `value` that starts with a line break goes right after the colon: a block list). */
export function addLine(doc: ParsedFile, pairs: readonly YPair[], key: string, value: string, comment: string): EditChange | undefined {
  const lines = doc.lines();
  const indent = mapIndent(doc, pairs[0]);
  if (indent === undefined) return undefined;
  const last = lastLineOf(doc, lines.positionAt(pairs[pairs.length - 1].keyStart).line, indent);
  const at = lines.lineEnd(last);
  const newText = `${doc.eol}${" ".repeat(indent)}${key}:${value.startsWith(doc.eol) ? "" : " "}${value}${comment ? `  # ${comment}` : ""}`;
  return { kind: "edit", file: doc.path, edits: [{ range: lines.rangeOf(at, at), newText }] };
}

/** `key: value` added before the closing brace of a flow map (`{ type: tactic, id: x }`). */
function addToFlowMap(doc: ParsedFile, map: YMap, key: string, value: string): EditChange | undefined {
  const { text } = doc;
  const close = map.end - 1;
  if (text[close] !== "}") return undefined;
  const last = map.pairs[map.pairs.length - 1];
  const after = last ? (writtenValue(text, last)?.end ?? afterProperties(text, last.keyEnd)) : map.start + 1;
  // A trailing comma (outside a comment) needs no other.
  const comma = text.slice(after, close).replace(/#[^\n]*/g, (c) => " ".repeat(c.length)).indexOf(",");
  // Each added pair brings its own comma, so that several added at one point stay apart.
  const newText = comma >= 0 ? ` ${key}: ${value},` : `${last ? ", " : ""}${key}: ${value}`;
  const at = comma >= 0 ? after + comma + 1 : after;
  return { kind: "edit", file: doc.path, edits: [{ range: doc.lines().rangeOf(at, at), newText }] };
}

/**
 * The one way a fix sets a field of an item: `key: value` (`value` is YAML
 * source). An existing value — empty (`pillar:`), null (`kpi: ~`), invalid
 * (`pillar: Growth Team`, `kpis: []`) or an alias — is replaced in place;
 * otherwise a line is added after the item's last field at its keys' column,
 * or a pair to a flow map. `comment` goes after an added line. Undefined when
 * the item cannot be edited.
 */
export function setField(item: Item, key: string, value: string, comment = ""): EditChange | undefined {
  const { node, doc } = item;
  const pair = pairOf(node, key);
  if (!pair) {
    if (node.flow) return addToFlowMap(doc, node, key, value);
    return node.pairs.length ? addLine(doc, node.pairs, key, value, comment) : undefined;
  }
  const colon = afterColon(doc.text, pair.keyEnd);
  const written = writtenValue(doc.text, pair);
  if (colon === undefined) return { kind: "edit", file: doc.path, edits: [{ range: doc.lines().rangeOf(pair.keyEnd, pair.keyEnd), newText: `: ${value}` }] };
  if (!written) {
    // Nothing written, or only a tag or an anchor (`kpi: !!null`): the value goes after them, before a flow map's `,` or `}`.
    const props = afterProperties(doc.text, pair.keyEnd);
    const at = props + /^(?:[ \t]+(?=[,}\]]))?/.exec(doc.text.slice(props, props + 1024))![0].length;
    return replaceValue(doc, at, at, value);
  }
  if (pair.value && written === pair.value && pair.value.kind !== "scalar" && !pair.value.flow) {
    // A block list or map: everything from the colon to its last line.
    const lines = doc.lines();
    const last = lastLineOf(doc, lines.positionAt(pair.keyStart).line, mapIndent(doc, node.pairs[0]) ?? 0);
    return { kind: "edit", file: doc.path, edits: [{ range: lines.rangeOf(colon, lines.lineEnd(last)), newText: ` ${value}` }] };
  }
  return replaceValue(doc, written.start, written.end, value);
}

/** A fix made of one change, or undefined when the change cannot be made. */
export function fixOf(title: string, change: FileChange | undefined, safe = false): Fix[] {
  return change ? [{ title, safe, changes: [change] }] : [];
}

/** Where items of a kind go when nothing says otherwise: `<kind>s`, the root for `strategy`. */
export function defaultFolder(kind: Item["kind"]): string {
  return kind === "strategy" ? "" : `${kind}s`;
}

/** The folder most items of a kind live in (default {@link defaultFolder}), for new files. */
export function folderFor(index: StrategyIndex, kind: Item["kind"]): string {
  return index.memo(`folder:${kind}`, () => mostUsedFolder(index, kind));
}

function mostUsedFolder(index: StrategyIndex, kind: Item["kind"]): string {
  const counts = new Map<string, number>();
  for (const item of index.ofKind(kind)) {
    if (item.index !== -1) continue;
    const dir = item.file.includes("/") ? item.file.slice(0, item.file.lastIndexOf("/")) : "";
    counts.set(dir, (counts.get(dir) ?? 0) + 1);
  }
  let best = defaultFolder(kind);
  let bestCount = 0;
  for (const [dir, count] of counts) if (count > bestCount) [best, bestCount] = [dir, count];
  return best;
}

/** Plain scalars that YAML would read as something other than the same string (numbers, booleans, null, YAML 1.1 words). */
const NOT_A_STRING = /^(?:[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|0x[\da-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N)$/;

/** Text as a YAML scalar: plain when that reads back as the same string, else double-quoted. */
export function yamlScalar(text: string): string {
  const plain = /^[A-Za-z0-9][^:#"'\n\r\t[\]{},&*!|>%@`]*$/.test(text) && !/\s$/.test(text) && !NOT_A_STRING.test(text);
  return plain ? text : JSON.stringify(text);
}

/** A new file for an item of `kind` with the given id, title and further front matter lines. */
export function createItemFile(index: StrategyIndex, kind: Item["kind"], id: string, title: string, fields: string[], body: string): FileChange {
  const folder = folderFor(index, kind);
  const base = `${folder ? `${folder}/` : ""}${id}`;
  let path = `${base}.md`;
  for (let n = 2; index.files.has(path); n++) path = `${base}-${n}.md`;
  const idLine = path === `${base}.md` ? [] : [`id: ${yamlScalar(id)}`];
  return { kind: "create", file: path, text: ["---", `type: ${kind}`, ...idLine, `title: ${yamlScalar(title)}`, ...fields, "---", body, ""].join("\n") };
}

/**
 * Choices a fix offers at most (the likeliest first): a quick-fix menu stays short, and
 * every choice travels in the CLI's JSON. Any other id can still be typed, with completion.
 */
export const MAX_CHOICES = 10;

/** `first`, then the items of `sorted` not in it, up to `max` in all: a choice list that costs `max`, not the workspace. */
export function firstChoices(first: readonly Item[], sorted: readonly Item[], max: number): Item[] {
  const out = first.slice(0, max);
  const taken = new Set(out);
  for (const item of sorted) {
    if (out.length >= max) break;
    if (!taken.has(item)) out.push(item);
  }
  return out;
}

/** The first `max` items of a list that pass a test. */
export function firstMatching(items: readonly Item[], test: (item: Item) => boolean, max: number): Item[] {
  const out: Item[] = [];
  for (const item of items) {
    if (out.length >= max) break;
    if (test(item)) out.push(item);
  }
  return out;
}

/**
 * One fix per candidate, each setting `key` to the candidate's value (YAML
 * source, by default its id as a scalar): the choices of a quick fix ("each
 * existing pillar as a choice").
 */
export function insertChoices(item: Item, key: string, candidates: readonly Item[], valueOf: (candidate: Item) => string = (c) => yamlScalar(c.id)): Fix[] {
  const fixes: Fix[] = [];
  const verb = pairOf(item.node, key) ? "Set" : "Add";
  for (const candidate of candidates) {
    const value = valueOf(candidate);
    const change = setField(item, key, value);
    if (change) fixes.push({ title: `${verb} \`${key}: ${value}\` (${itemTitle(candidate)})`, safe: false, changes: [change] });
  }
  return fixes;
}
