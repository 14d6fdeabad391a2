/**
 * The delivery figures per calendar quarter (SPEC §8): strategic completion,
 * median cycle time and throughput per track, each with its relative change
 * against the previous quarter. A change shows its sign and an arrow, and says
 * whether it is better or worse (shorter cycle times are better) in words for
 * screen readers and the tooltip — colour is never the only signal.
 */
import type { QuarterMetrics } from "../protocol";
import { h, num, table } from "./dom";

type Figure = { label: string; value: (q: QuarterMetrics) => number | null; change: (q: QuarterMetrics) => number | null | undefined; unit: string; lowerIsBetter?: boolean };

const FIGURES: Figure[] = [
  { label: "Strategic completion", value: (q) => q.strategicCompletion, change: (q) => q.change?.strategicCompletion, unit: "%" },
  { label: "Cycle time, strategic", value: (q) => q.cycleTimeDays.strategic, change: (q) => q.change?.cycleTimeDays.strategic, unit: " d", lowerIsBetter: true },
  { label: "Cycle time, tactical", value: (q) => q.cycleTimeDays.tactical, change: (q) => q.change?.cycleTimeDays.tactical, unit: " d", lowerIsBetter: true },
  { label: "Throughput, strategic", value: (q) => q.throughput.strategic, change: (q) => q.change?.throughput.strategic, unit: "" },
  { label: "Throughput, tactical", value: (q) => q.throughput.tactical, change: (q) => q.change?.throughput.tactical, unit: "" },
];

/** `+40.8%`, `−26.5%`, `±0%`. */
export function signed(change: number): string {
  if (change === 0) return "±0%";
  return `${change > 0 ? "+" : "−"}${num(Math.abs(change), 1)}%`;
}

/** The change of one figure: arrow, signed percent, and better/worse in words. */
function changeOf(figure: Figure, change: number | null | undefined, previous: string | undefined): HTMLElement | null {
  if (change === null || change === undefined || !previous) return null;
  const verdict = change === 0 ? "same" : (change < 0) === Boolean(figure.lowerIsBetter) ? "better" : "worse";
  const arrow = change > 0 ? "▲" : change < 0 ? "▼" : "=";
  const words = change === 0 ? `the same as ${previous}` : `${num(Math.abs(change), 1)}% ${change > 0 ? "more" : "less"} than ${previous} (${verdict})`;
  return h(
    "span",
    { class: `change ${verdict}`, attrs: { title: words } },
    h("span", { attrs: { "aria-hidden": "true" } }, `${arrow} ${signed(change)}`),
    h("span", { class: "visually-hidden" }, `, ${words}`),
  );
}

/** The quarters as a table, oldest first: one row per quarter, a column per figure. */
export function quartersTable(quarters: readonly QuarterMetrics[]): HTMLElement {
  if (!quarters.length) return h("p", { class: "muted" }, "No quarter has an ended sprint or a done item yet.");
  return table(
    "Delivery by quarter",
    "numbers quarters-table",
    ["Quarter", ...FIGURES.map((figure) => figure.label)],
    quarters.map((quarter, i) =>
      h(
        "tr",
        {},
        h("th", { attrs: { scope: "row" } }, quarter.quarter),
        ...FIGURES.map((figure) => {
          const value = figure.value(quarter);
          return h("td", { class: "num" }, h("span", { class: "value" }, value === null ? "–" : `${num(value, 1)}${figure.unit}`), changeOf(figure, figure.change(quarter), quarters[i - 1]?.quarter));
        }),
      ),
    ),
  );
}
