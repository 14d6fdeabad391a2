/**
 * The score breakdown's table: each term written as the core computed it
 * (`0.2 × (6 − effort 2) = 0.8`, `0.5 × impact 4 = 2`, wsjf's
 * `impact 4 ÷ effort 2 = 2`), never "value × weight". Models whose terms do
 * not add up (rice, ice, custom) list the values their formula reads.
 */
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

/** What a model's terms add up to, for the table's last column head. */
const RESULT_HEAD: Partial<Record<ScoringModel, string>> = { weighted: "Term", wsjf: "Term (÷ effort)" };

/** The table of an item's score terms under the scoring model shown. */
export function termsTable(item: BoardItem, model: ScoringModel, list: readonly ScoreTerm[]): HTMLTableElement {
  const divisor = list.find((term) => term.field === "effort")?.value;
  const adds = model in RESULT_HEAD;
  return h(
    "table",
    { class: "terms", attrs: { "aria-label": `Score terms of ${item.id}` } },
    h("thead", {}, h("tr", {}, h("th", { attrs: { scope: "col" } }, "Field"), h("th", { attrs: { scope: "col" } }, "Value"), adds ? h("th", { attrs: { scope: "col" } }, RESULT_HEAD[model]!) : null)),
    h(
      "tbody",
      {},
      ...list.map((term) =>
        h("tr", {}, h("th", { attrs: { scope: "row" } }, term.field), h("td", { class: "num" }, num(term.value, 4)), adds ? h("td", { class: "calc" }, termText(model, term, divisor)) : null),
      ),
    ),
  );
}
