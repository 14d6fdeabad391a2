/**
 * The team's scores of a backlog item in a hover (SPEC §9): a table of people
 * by field, the spread of each field, and the value the scoring models read
 * (the item's own, else the people's mean or median). Person and field names
 * are anyone's text: cut short and escaped.
 */
import type { ScoreAggregate } from "../config/types";
import { readNumber } from "../score/formula";
import { aggregateOf, peopleScores, personLabel, spreadOf, votesOf } from "../score/team";

/** Rows (people) and columns (fields) a hover shows, at most. */
const MAX_PEOPLE = 20;
const MAX_FIELDS = 8;

/** The scoring fields first, in the order people think of them; any other field after, by name. */
const FIELD_ORDER = ["impact", "urgency", "effort", "reach", "confidence", "riskReduction"];

const rank = (field: string): number => {
  const at = FIELD_ORDER.indexOf(field);
  return at === -1 ? FIELD_ORDER.length : at;
};

/** A number for a cell: at most two decimals. */
const cell = (value: number): string => `${Math.round(value * 100) / 100}`;

/**
 * The markdown table of an item's team scores, or undefined when nobody
 * scored it. `aggregate` is `scoring.aggregate`; `escape` makes document text
 * safe in markdown (the hover's `escape`, which also escapes `|`).
 */
export function teamTable(data: Record<string, unknown>, aggregate: ScoreAggregate, escape: (text: string) => string): string | undefined {
  const people = peopleScores(data);
  if (!people.length) return undefined;
  const votes = votesOf(data);
  const fields = [...votes.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const shown = fields.slice(0, MAX_FIELDS);
  const row = (head: string, cells: string[]) => `| ${head} | ${cells.join(" | ")} |`;
  const lines = [
    `**Team scores** (${people.length === 1 ? "1 person" : `${people.length} people`}; a field the item states itself wins, else the ${aggregate}):`,
    "",
    row("Person", shown.map(escape)),
    `|---|${shown.map(() => "--:|").join("")}`,
  ];
  for (const [person, own] of people.slice(0, MAX_PEOPLE)) {
    const values = new Map(own);
    lines.push(row(escape(personLabel(person)), shown.map((field) => (values.has(field) ? cell(values.get(field)!) : "—"))));
  }
  lines.push(row("*Spread*", shown.map((field) => (votes.get(field)!.length >= 2 ? cell(spreadOf(votes.get(field)!)) : "—"))));
  lines.push(
    row("*Used*", shown.map((field) => {
      const own = readNumber(data, field);
      return own !== undefined ? `${cell(own)} (own)` : `${cell(aggregateOf(votes.get(field)!.map((vote) => vote.value), aggregate))} (${aggregate})`;
    })),
  );
  const more = [
    people.length > MAX_PEOPLE ? `${people.length - MAX_PEOPLE} more people` : "",
    fields.length > MAX_FIELDS ? `${fields.length - MAX_FIELDS} more fields` : "",
  ].filter(Boolean);
  if (more.length) lines.push("", `…and ${more.join(" and ")} not shown`);
  return lines.join("\n");
}
