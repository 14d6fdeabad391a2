/**
 * Collaborative scoring (SPEC §9): `scores:` maps a person to their scoring
 * fields. A field the item states itself wins; otherwise it is the `mean`
 * (default) or `median` of the people's values. The *spread* of a field is
 * max − min of the people's values, for each field at least two people scored.
 *
 * Person and field names are YAML keys anyone can write (`__proto__`,
 * `constructor`): they are read with `Object.hasOwn` and written with
 * `Object.fromEntries` or `defineProperty`, never as `object[key] = value`.
 */
import type { ScoreAggregate } from "../config/types.js";
import { readNumber } from "./formula.js";

/** The team's scores of an item: each person's numbers, and how far apart they are per field. */
export interface TeamScores {
  /** Person → field → value, people in the order written; only fields with a finite number. */
  scores: Record<string, Record<string, number>>;
  /** Field → max − min of the people's values, for fields at least two people scored. */
  spread: Record<string, number>;
}

/** One person's value of a field. */
export interface Vote {
  person: string;
  value: number;
}

/** An item's fields with what the team filled in (see {@link teamFields}). */
export interface TeamFields {
  /** The item's own fields, plus each field it does not state as the team's aggregate. */
  fields: Record<string, unknown>;
  /** The fields that came from the team, with how many people scored each. */
  people: Map<string, number>;
}

/** A plain map, as YAML gives one. */
const isMap = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** The `scores:` map of an item's fields, when it is one. */
function scoresMap(data: Record<string, unknown>): Record<string, unknown> | undefined {
  const scores = Object.hasOwn(data, "scores") ? data.scores : undefined;
  return isMap(scores) ? scores : undefined;
}

/** Each person with their finite-number fields, in the order written (people with none left out). */
export function peopleScores(data: Record<string, unknown>): Array<[person: string, fields: Array<[field: string, value: number]>]> {
  const scores = scoresMap(data);
  if (!scores) return [];
  const out: Array<[string, Array<[string, number]>]> = [];
  for (const person of Object.keys(scores)) {
    const own = scores[person];
    if (!isMap(own)) continue;
    const fields: Array<[string, number]> = [];
    for (const field of Object.keys(own)) {
      const value = readNumber(own, field);
      if (value !== undefined) fields.push([field, value]);
    }
    if (fields.length) out.push([person, fields]);
  }
  return out;
}

/** Field → the people's votes, fields in the order they first appear. */
export function votesOf(data: Record<string, unknown>): Map<string, Vote[]> {
  const votes = new Map<string, Vote[]>();
  const scores = scoresMap(data);
  if (!scores) return votes;
  for (const person in scores) {
    if (!Object.hasOwn(scores, person)) continue;
    const own = scores[person];
    if (!isMap(own)) continue;
    for (const field in own) {
      const value = Object.hasOwn(own, field) ? own[field] : undefined;
      if (typeof value !== "number" || !Number.isFinite(value)) continue;
      const list = votes.get(field);
      if (list) list.push({ person, value });
      else votes.set(field, [{ person, value }]);
    }
  }
  return votes;
}

/** Rounds away float noise (4.1 − 2.2 = 1.8999999999999995 → 1.9). */
const tidy = (value: number): number => Math.round(value * 1e9) / 1e9;

/** The mean, or the median (an even count: the mean of the two middle values). */
export function aggregateOf(values: readonly number[], aggregate: ScoreAggregate): number {
  if (aggregate === "median") {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = sorted.length >> 1;
    return sorted.length % 2 ? sorted[middle] : tidy((sorted[middle - 1] + sorted[middle]) / 2);
  }
  let sum = 0;
  for (const value of values) sum += value;
  return tidy(sum / values.length);
}

/** max − min of the votes. */
export function spreadOf(votes: readonly Vote[]): number {
  let min = Infinity;
  let max = -Infinity;
  for (const { value } of votes) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return tidy(max - min);
}

/**
 * The team's scores of an item: each person's values and the spread of each
 * field at least two people scored (people only, even where the item's own
 * value wins). Empty maps when nobody scored it.
 */
export function teamScores(item: { data: Record<string, unknown> }): TeamScores {
  const people = peopleScores(item.data);
  const scores = Object.fromEntries(people.map(([person, fields]) => [person, Object.fromEntries(fields)]));
  const spread: Array<[string, number]> = [];
  for (const [field, votes] of votesOf(item.data)) if (votes.length >= 2) spread.push([field, spreadOf(votes)]);
  return { scores, spread: Object.fromEntries(spread) };
}

/**
 * The item's fields as the scoring models read them: a field the item states
 * itself (a finite number) wins; any other field a person scored is the
 * aggregate of the people's values. Undefined when the team filled in nothing
 * (no `scores:`, or only fields the item states): score `data` as it is.
 */
export function teamFields(data: Record<string, unknown>, aggregate: ScoreAggregate): TeamFields | undefined {
  const scores = scoresMap(data);
  if (!scores) return undefined;
  // Field → the people's values, only for fields the item does not state (no votes built: this runs for every item ranked).
  let values: Map<string, number[]> | undefined;
  for (const person in scores) {
    const own = Object.hasOwn(scores, person) ? scores[person] : undefined;
    if (!isMap(own)) continue;
    for (const field in own) {
      const value = Object.hasOwn(own, field) ? own[field] : undefined;
      if (typeof value !== "number" || !Number.isFinite(value) || readNumber(data, field) !== undefined) continue;
      const list = (values ??= new Map()).get(field);
      if (list) list.push(value);
      else values.set(field, [value]);
    }
  }
  if (!values) return undefined;
  const fields: Record<string, unknown> = { ...data };
  const people = new Map<string, number>();
  for (const [field, list] of values) {
    const value = aggregateOf(list, aggregate);
    // `fields.__proto__ = 3` would set the prototype, not a field.
    if (field === "__proto__") Object.defineProperty(fields, field, { value, enumerable: true, writable: true, configurable: true });
    else fields[field] = value;
    people.set(field, list.length);
  }
  return { fields, people };
}

/** A field's value as the models read it: the item's own number, else the team's aggregate, else undefined. */
export function effectiveNumber(data: Record<string, unknown>, field: string, aggregate: ScoreAggregate): number | undefined {
  const own = readNumber(data, field);
  if (own !== undefined || !scoresMap(data)) return own;
  const votes = votesOf(data).get(field);
  return votes ? aggregateOf(votes.map((vote) => vote.value), aggregate) : undefined;
}

/** Whether at least one person scored `field` with a number. */
export function teamScored(data: Record<string, unknown>, field: string): boolean {
  return peopleScores(data).some(([, fields]) => fields.some(([name]) => name === field));
}

/** Characters of a person's name a message shows, at most. */
const MAX_NAME = 40;

/** A person's name for a message: one line, control characters as spaces, cut to 40 characters. */
export function personLabel(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is replaced
  const line = name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").trim() || "(no name)";
  if (line.length <= MAX_NAME) return line;
  const cut = line.charCodeAt(MAX_NAME - 2) >= 0xd800 && line.charCodeAt(MAX_NAME - 2) <= 0xdbff ? MAX_NAME - 2 : MAX_NAME - 1;
  return `${line.slice(0, cut)}…`;
}

/** "impact 3.5 (mean of 2 people)", "effort 2 (from 1 person)": where a field's value came from. */
export function teamSource(field: string, value: string, people: number, aggregate: ScoreAggregate): string {
  return `${field} ${value} (${people === 1 ? "from 1 person" : `${aggregate} of ${people} people`})`;
}

/** `scores` and `spread` for an entry of the backlog or the board: only those that apply (SPEC §9). */
export function teamEntry(item: { data: Record<string, unknown> }): Partial<TeamScores> {
  if (!scoresMap(item.data)) return {};
  const team = teamScores(item);
  if (!Object.keys(team.scores).length) return {};
  return Object.keys(team.spread).length ? team : { scores: team.scores };
}
