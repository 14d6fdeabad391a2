/**
 * Writing one person's scores of an item (SPEC §9, "Score Item…"): one edit
 * of the item's file under `scores:`, keeping comments, key order, the style
 * of what is there (a flow map stays flow, a block map block) and line endings.
 */
import type { FileChange, TextEdit } from "../model/issue";
import type { Item } from "../model/item";
import { pairOf, type YMap, type YPair } from "../parse/yaml-node";
import { addLine, mapIndent, setField, yamlScalar, type EditChange } from "../rules/edits";

/** A scoring field's name: what a formula can read (`impact`, `riskReduction`), so a plain YAML key. */
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A number as YAML writes it: `4`, `2.5`, never `-0`. */
const yamlNumber = (value: number): string => (Object.is(value, -0) ? "0" : String(value));

/** `{impact: 4, urgency: 3, effort: 2}`. */
function flowMap(fields: ReadonlyArray<readonly [string, number]>): string {
  return `{${fields.map(([field, value]) => `${field}: ${yamlNumber(value)}`).join(", ")}}`;
}

/** The map a pair's value is, when it is written under the pair (not an alias to an anchor elsewhere) and holds at least one key. */
function ownMap(pair: YPair | undefined): YMap | undefined {
  const value = pair?.value;
  return value && value.kind === "map" && value.start >= pair.keyEnd && value.pairs.length ? value : undefined;
}

/** The edits of several changes of one file as one change; undefined when any could not be made. */
function oneChange(file: string, changes: ReadonlyArray<EditChange | undefined>): FileChange | undefined {
  if (changes.some((change) => change === undefined)) return undefined;
  const edits: TextEdit[] = (changes as EditChange[]).flatMap((change) => change.edits);
  return { kind: "edit", file, edits };
}

/**
 * The change that writes `person`'s `fields` under the item's `scores:`:
 * - no `scores:` — added as a block map (`scores:` then `  dana: {impact: 4, …}`),
 *   or as `scores: {dana: {…}}` in an item written as a flow map;
 * - `scores:` empty or null — `{dana: {…}}` in its place;
 * - `scores:` a map without the person — `dana: {…}` added in its style;
 * - the person's entry there — each field set in place (fields not given are
 *   kept: a `reach` or a note the person wrote stays), or the whole entry
 *   replaced when it holds no map.
 * A person's name that is not a plain YAML key is quoted. Undefined when
 * nothing can be written: no person, no fields, a value that is not a finite
 * number, a field name a formula could not read, or a `scores:` that is a
 * list, text or an alias (not ours to rewrite).
 */
export function setPersonScores(item: Item, person: string, fields: Record<string, number>): FileChange | undefined {
  const entries = Object.entries(fields).filter(([field, value]) => FIELD_NAME.test(field) && Number.isFinite(value));
  if (person.trim() === "" || entries.length === 0 || entries.length !== Object.keys(fields).length) return undefined;
  const { node, doc } = item;
  const key = yamlScalar(person);
  const entry = flowMap(entries);
  const scores = pairOf(node, "scores");
  if (!scores) {
    if (node.flow || !node.pairs.length) return setField(item, "scores", `{${key}: ${entry}}`);
    const indent = mapIndent(doc, node.pairs[0]);
    return indent === undefined ? undefined : addLine(doc, node.pairs, "scores", `${doc.eol}${" ".repeat(indent + 2)}${key}: ${entry}`, "");
  }
  const value = scores.value;
  if (!value || (value.kind === "scalar" && (value.value === null || value.value === "")) || (value.kind === "map" && value.start >= scores.keyEnd && !value.pairs.length)) {
    return setField(item, "scores", `{${key}: ${entry}}`);
  }
  const people = ownMap(scores);
  if (!people) return undefined;
  // Edits of the nested maps go through setField with the map standing in for the item's own.
  const within = (map: YMap): Item => ({ ...item, node: map });
  const own = pairOf(people, person);
  if (!own) return setField(within(people), key, entry);
  const map = ownMap(own);
  if (!map) return setField(within(people), person, entry);
  return oneChange(item.file, entries.map(([field, value]) => setField(within(map), field, yamlNumber(value))));
}
