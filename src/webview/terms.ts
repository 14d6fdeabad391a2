/**
 * The score breakdown's tables. The terms, each written as the core computed
 * it (`0.2 × (6 − effort 2) = 0.8`, `0.5 × impact 4 = 2`, wsjf's
 * `impact 4 ÷ effort 2 = 2`), never "value × weight"; models whose terms do not
 * add up (rice, ice, custom) list the values their formula reads. A value that
 * came from the team says so (`mean of 2 people`). Then the team's scores
 * (SPEC §9): each person's values by field, and the spread, a field where people
 * disagree (spread at `scoring.disagreement` or more) marked and said in words.
 */
import { personLabel } from "../core/score/team";
import type { BoardItem, ScoreTerm, ScoringModel } from "../protocol";
import { h, num } from "./dom";

/** The arithmetic of one term under a model; `divisor` is wsjf's effort. */
export function termText(model: ScoringModel, term: ScoreTerm, divisor?: number): string {
  const value = `${term.field} ${num(term.value, 4)}`;
  if (model === "weighted" && term.weight !== undefined) {
    const product = term.field === "effort" ? `${num(term.weight, 4)} × (6 − ${value})` : `${num(term.weight, 4)} × ${value}`;
    return `${product} = ${num(term.contribution, 4)}`;
  }
  if (model === "wsjf") {
    if (term.field === "effort") return `${value}: divides the sum`;
    return `${value} ÷ effort ${num(divisor, 4)} = ${num(term.contribution, 4)}`;
  }
  return value;
}

/** Where a term's value came from: `the item's own`, `mean of 2 people`, `from 1 person`. */
export function sourceText(term: ScoreTerm): string {
  if (term.people === undefined) return "the item's own";
  return term.people === 1 ? "from 1 person" : `${term.aggregate ?? "mean"} of ${term.people} people`;
}

/** What a model's terms add up to, for the table's last column head. */
const RESULT_HEAD: Partial<Record<ScoringModel, string>> = { weighted: "Term", wsjf: "Term (÷ effort)" };

/** The table of an item's score terms under the scoring model shown. */
export function termsTable(item: BoardItem, model: ScoringModel, list: readonly ScoreTerm[]): HTMLTableElement {
  const divisor = list.find((term) => term.field === "effort")?.value;
  const adds = model in RESULT_HEAD;
  const team = list.some((term) => term.people !== undefined);
  const head = (name: string) => h("th", { attrs: { scope: "col" } }, name);
  return h(
    "table",
    { class: "terms", attrs: { "aria-label": `Score terms of ${item.id}` } },
    h("thead", {}, h("tr", {}, head("Field"), head("Value"), team ? head("From") : null, adds ? head(RESULT_HEAD[model]!) : null)),
    h(
      "tbody",
      {},
      ...list.map((term) =>
        h(
          "tr",
          {},
          h("th", { attrs: { scope: "row" } }, term.field),
          h("td", { class: "num" }, num(term.value, 4)),
          team ? h("td", { class: term.people === undefined ? "muted" : "" }, sourceText(term)) : null,
          adds ? h("td", { class: "calc" }, termText(model, term, divisor)) : null,
        ),
      ),
    ),
  );
}

/** The scoring fields first, in the order people think of them; any other after, by name. */
const FIELD_ORDER = ["impact", "urgency", "effort", "reach", "confidence", "riskReduction"];
const fieldRank = (field: string) => (FIELD_ORDER.includes(field) ? FIELD_ORDER.indexOf(field) : FIELD_ORDER.length);

/** The team's scores of an item: people × fields, the spread per field; null when nobody scored it. */
export function teamTable(item: BoardItem, disagreement: number): HTMLElement | null {
  const scores = item.scores;
  if (!scores || !Object.keys(scores).length) return null;
  const people = Object.keys(scores);
  const fields = [...new Set(people.flatMap((person) => Object.keys(scores[person])))].sort((a, b) => fieldRank(a) - fieldRank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const spread = item.spread ?? {};
  const spreadOf = (field: string) => (Object.hasOwn(spread, field) ? spread[field] : undefined);
  const apart = fields.filter((field) => (spreadOf(field) ?? 0) >= disagreement);
  const head = (name: string) => h("th", { attrs: { scope: "col" } }, name);
  const said = (field: string) => people.filter((person) => Object.hasOwn(scores[person], field)).map((person) => `${personLabel(person)} ${num(scores[person][field], 4)}`).join(", ");
  return h(
    "div",
    { class: "team" },
    h("h4", {}, `Team scores (${people.length === 1 ? "1 person" : `${people.length} people`})`),
    h(
      "div",
      { class: "table-scroll" },
      h(
        "table",
        { class: "numbers team-scores", attrs: { "aria-label": `Team scores of ${item.id}` } },
        h("thead", {}, h("tr", {}, head("Person"), ...fields.map(head))),
        h(
          "tbody",
          {},
          ...people.map((person) => h("tr", {}, h("th", { attrs: { scope: "row", title: person } }, personLabel(person)), ...fields.map((field) => h("td", { class: "num" }, Object.hasOwn(scores[person], field) ? num(scores[person][field], 4) : "–")))),
          h(
            "tr",
            { class: "sum" },
            h("th", { attrs: { scope: "row" } }, "Spread"),
            ...fields.map((field) => {
              const value = spreadOf(field);
              const far = value !== undefined && value >= disagreement;
              return h("td", { class: `num${far ? " disagree" : ""}`, attrs: far ? { title: `People disagree: ${said(field)}` } : {} }, value === undefined ? "–" : num(value, 4), far ? " ⚠" : "");
            }),
          ),
        ),
      ),
    ),
    apart.length
      ? h("p", { class: "disagree" }, `People disagree on ${apart.map((field) => `${field} (${said(field)}; spread ${num(spreadOf(field), 4)})`).join(" and ")}: the spread reaches ${num(disagreement, 4)}. Talk it through before ranking on it.`)
      : h("p", { class: "muted" }, `The spread is max − min of the people's values; ${num(disagreement, 4)} or more counts as disagreement.`),
  );
}
