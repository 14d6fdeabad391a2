/**
 * The words and checks of "Score Item…" apart from VS Code, so that unit tests
 * run them: what each number of impact, urgency and effort means, the picks
 * with the person's previous value and the team's current mean (or median),
 * the line an item shows in the item picker, and which names and given
 * scores are refused, and why.
 */
import { aggregateOf, clip, personLabel, readNumber, teamScores, type ScoreAggregate } from "../core/index";

/** The fields "Score Item…" asks, in this order. */
export const SCORE_FIELDS = ["impact", "urgency", "effort"] as const;
export type ScoreField = (typeof SCORE_FIELDS)[number];

/** What each field asks, and what 1 to 5 mean (as FIELD_DOCS words them: "1 (barely) to 5 (a lot)"). */
export const SCALES: Record<ScoreField, { question: string; words: readonly [string, string, string, string, string] }> = {
  impact: { question: "How much does it move its KPI?", words: ["barely", "a little", "clearly", "strongly", "a lot"] },
  urgency: { question: "How soon does it matter?", words: ["whenever", "can wait", "soon", "next up", "now"] },
  effort: { question: "How much work is it? (less effort scores higher)", words: ["little", "modest", "some", "much", "a lot"] },
};

/** Characters of a scorer's name, at most. */
export const MAX_NAME = 80;

/** One choice of a score pick. */
export interface ScorePick {
  /** The number, as typed to filter: `4`. */
  label: string;
  /** What it means, and whether it is the person's current value: `strongly · your score now`. */
  description: string;
  value: number;
}

/** An item's data, as the prompts read it. */
type Data = Record<string, unknown>;

/** A person's current values of the item (the fields with a number). */
export function personScores(data: Data, person: string): Partial<Record<string, number>> {
  const { scores } = teamScores({ data });
  return Object.hasOwn(scores, person) ? scores[person] : {};
}

/** The picks 1 to 5 of a field, the person's current value said so. */
export function scorePicks(field: ScoreField, previous: number | undefined): ScorePick[] {
  return SCALES[field].words.map((word, index) => ({
    label: String(index + 1),
    description: index + 1 === previous ? `${word} · your score now` : word,
    value: index + 1,
  }));
}

/** `3.5`: at most two decimals. */
const number = (value: number): string => String(Math.round(value * 100) / 100);

/**
 * The pick's placeholder: the question, the person's previous value, the team's current mean
 * (or median) of the field and how many people it comes from, and whether the item's own value wins.
 */
export function scorePlaceholder(field: ScoreField, data: Data, person: string, aggregate: ScoreAggregate): string {
  const { scores } = teamScores({ data });
  const values = Object.values(scores).flatMap((fields) => (Object.hasOwn(fields, field) ? [fields[field]] : []));
  const previous = personScores(data, person)[field];
  const facts = [
    previous !== undefined ? `you said ${number(previous)}` : "you have not scored it",
    values.length ? `team ${aggregate} ${number(aggregateOf(values, aggregate))} (${values.length === 1 ? "1 person" : `${values.length} people`})` : "nobody has scored it yet",
  ];
  const own = readNumber(data, field);
  const wins = own !== undefined ? `; the item's own ${field}: ${number(own)} is what counts until it is removed` : "";
  return `${SCALES[field].question} 1 (${SCALES[field].words[0]}) to 5 (${SCALES[field].words[4]}): ${facts.join(", ")}${wins}`;
}

/** The item picker's line of an item: the person's values, and how many people scored it. */
export function itemPickDetail(data: Data, person: string): string {
  const { scores } = teamScores({ data });
  const people = Object.keys(scores).length;
  const own = Object.hasOwn(scores, person) ? scores[person] : undefined;
  const mine = own && SCORE_FIELDS.some((field) => Object.hasOwn(own, field))
    ? `yours: ${SCORE_FIELDS.filter((field) => Object.hasOwn(own, field)).map((field) => `${field} ${number(own[field])}`).join(", ")}`
    : "not scored by you yet";
  return `${mine} · ${people === 0 ? "nobody has scored it" : people === 1 ? "1 person scored it" : `${people} people scored it`}`;
}

/** Why a name cannot be the scorer's, in words for the input box; undefined when it can. */
export function scorerProblem(text: string): string | undefined {
  const name = text.trim();
  if (!name) return "Type your name as the team knows it, e.g. dana";
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(name)) return "A name is one line of text, without tabs or control characters";
  if (name.length > MAX_NAME) return `Keep the name under ${MAX_NAME} characters (it is a key under scores:)`;
  return undefined;
}

/** The scorer's name as written (trimmed), or undefined when it is not a usable name. */
export function scorerName(value: unknown): string | undefined {
  return typeof value === "string" && scorerProblem(value) === undefined ? value.trim() : undefined;
}

/**
 * Scores a script gives (`{ impact: 4, urgency: 3, effort: 2 }`, any of the three), checked:
 * each a whole number from 1 to 5. A sentence saying what is wrong when they are not.
 */
export function givenScores(value: unknown): { scores: Partial<Record<ScoreField, number>> } | { problem: string } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { problem: "scores should be a map such as { impact: 4, urgency: 3, effort: 2 }" };
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  const other = keys.find((key) => !(SCORE_FIELDS as readonly string[]).includes(key));
  if (other !== undefined) return { problem: `'${clip(personLabel(other), 40)}' is not asked by Score Item: give impact, urgency and effort` };
  if (!keys.length) return { problem: "scores is empty: give impact, urgency and effort" };
  const scores: Partial<Record<ScoreField, number>> = {};
  for (const field of SCORE_FIELDS) {
    if (!Object.hasOwn(record, field)) continue;
    const score = record[field];
    if (typeof score !== "number" || !Number.isInteger(score) || score < 1 || score > 5) return { problem: `${field} should be a whole number from 1 to 5, not ${clip(String(score), 40)}` };
    scores[field] = score;
  }
  return { scores };
}

/** `impact 4, urgency 3, effort 2`. */
export function scoresText(scores: Partial<Record<string, number>>): string {
  return Object.entries(scores).map(([field, value]) => `${field} ${number(value!)}`).join(", ");
}
