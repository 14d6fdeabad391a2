/**
 * Money beside capacity on the Plan tab (SPEC §9): what the planned and the
 * proposed items' budgets add up to per track, the sprint's total against its
 * own `budget` (a marker; the part past it marked and said in words), and the
 * money per pillar. The core computed every sum (`plan.money`); this draws them.
 */
import { formatMoney } from "../core/budget/money";
import type { BoardPlan, Track } from "../protocol";
import { h, s } from "./dom";
import { TRACK_NAMES, TRACKS } from "./tracks";

const W = 560;
const LABEL = 92;
const BAR = 18;
const GAP = 14;

/** Whether the plan has money to show: the sprint has a `budget`, or a planned or proposed item has one. */
export const hasMoney = (plan: BoardPlan): boolean => plan.money.cap !== null || Object.keys(plan.money.byPillar).length > 0;

/** An amount with the configured currency label (`EUR 12,000`). */
export const amount = (plan: BoardPlan, value: number): string => formatMoney(value, plan.money.currency);

const total = (plan: BoardPlan, track: Track): number => plan.money.planned[track] + plan.money.proposed[track];

/** The sprint's planned + proposed money. */
export const moneyTotal = (plan: BoardPlan): number => total(plan, "strategic") + total(plan, "tactical");

/** Money past the sprint's `budget` (0 when within it or without one). */
export function moneyOver(plan: BoardPlan): number {
  return plan.money.cap === null ? 0 : Math.max(0, Math.round((moneyTotal(plan) - plan.money.cap) * 100) / 100);
}

/** The sentence under the chart and its accessible summary: every amount it draws. */
export function moneyText(plan: BoardPlan): string {
  const tracks = TRACKS.map((track) => `${TRACK_NAMES[track]}: ${amount(plan, plan.money.planned[track])} planned + ${amount(plan, plan.money.proposed[track])} proposed`);
  const cap = plan.money.cap;
  const over = moneyOver(plan);
  const against = cap === null ? "the sprint has no budget" : over > 0 ? `${amount(plan, over)} over the sprint's ${amount(plan, cap)} budget` : `within the sprint's ${amount(plan, cap)} budget`;
  return `Money of sprint ${plan.sprint}. ${tracks.join("; ")}. In all ${amount(plan, moneyTotal(plan))}, ${against}.`;
}

/** Planned (solid) and proposed (hatched) money per track, and the sprint's total with its budget as a marker. */
export function moneyChart(plan: BoardPlan): SVGElement {
  const cap = plan.money.cap;
  const max = Math.max(cap ?? 0, moneyTotal(plan), 1);
  const width = W - LABEL - 8;
  const scale = (value: number) => (Math.max(0, value) / max) * width;
  const svg = s("svg", { viewBox: `0 0 ${W} ${3 * (BAR + GAP) + 18}`, class: "chart money", role: "img", "aria-label": moneyText(plan), preserveAspectRatio: "xMinYMin meet" });
  svg.appendChild(
    s("defs", {}, ...TRACKS.map((track) => s("pattern", { id: `money-hatch-${track}`, width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" }, s("rect", { width: 6, height: 6, class: `fill-${track} faint` }), s("line", { x1: 0, y1: 0, x2: 0, y2: 6, class: `stroke-${track}`, "stroke-width": 3 })))),
  );
  TRACKS.forEach((track, i) => {
    const y = i * (BAR + GAP) + 4;
    const planned = scale(plan.money.planned[track]);
    svg.append(
      s("text", { x: 0, y: y + BAR - 5, class: "label" }, TRACK_NAMES[track]),
      s("rect", { x: LABEL, y, width, height: BAR, class: "track-bg" }),
      s("rect", { x: LABEL, y, width: planned, height: BAR, class: `fill-${track}` }, s("title", {}, `${TRACK_NAMES[track]} planned: ${amount(plan, plan.money.planned[track])}`)),
      s("rect", { x: LABEL + planned, y, width: scale(plan.money.proposed[track]), height: BAR, fill: `url(#money-hatch-${track})`, class: "proposed" }, s("title", {}, `${TRACK_NAMES[track]} proposed: ${amount(plan, plan.money.proposed[track])}`)),
    );
  });
  const y = 2 * (BAR + GAP) + 4;
  const strategic = scale(total(plan, "strategic"));
  svg.append(
    s("text", { x: 0, y: y + BAR - 5, class: "label" }, "Sprint"),
    s("rect", { x: LABEL, y, width, height: BAR, class: "track-bg" }),
    s("rect", { x: LABEL, y, width: strategic, height: BAR, class: "fill-strategic" }),
    s("rect", { x: LABEL + strategic, y, width: scale(total(plan, "tactical")), height: BAR, class: "fill-tactical" }),
  );
  if (cap !== null) {
    const at = LABEL + scale(cap);
    const over = moneyOver(plan);
    if (over > 0) svg.append(s("rect", { x: at, y: y + BAR / 2 - 2, width: scale(over), height: 4, class: "over-mark" }, s("title", {}, `${amount(plan, over)} over budget`)));
    svg.append(s("line", { x1: at, x2: at, y1: y - 5, y2: y + BAR + 5, class: "marker budget-cap" }, s("title", {}, `Sprint budget: ${amount(plan, cap)}`)));
  }
  return svg;
}

/** The money per track as numbers, the sprint's total, its budget and what is over it. */
export function moneyTable(plan: BoardPlan): HTMLTableElement {
  const cell = (text: string, className = "num") => h("td", { class: className }, text);
  const over = moneyOver(plan);
  const cap = plan.money.cap;
  return h(
    "table",
    { class: "numbers money-table", attrs: { "aria-label": "Money by track" } },
    h("thead", {}, h("tr", {}, ...["Track", "Planned", "Proposed", "Total"].map((name) => h("th", { attrs: { scope: "col" } }, name)))),
    h(
      "tbody",
      {},
      ...TRACKS.map((track) =>
        h("tr", {}, h("th", { attrs: { scope: "row" } }, h("span", { class: `swatch fill-${track}`, attrs: { "aria-hidden": "true" } }), TRACK_NAMES[track]), cell(amount(plan, plan.money.planned[track])), cell(amount(plan, plan.money.proposed[track])), cell(amount(plan, total(plan, track)))),
      ),
      h(
        "tr",
        { class: "sum" },
        h("th", { attrs: { scope: "row" } }, "Sprint"),
        cell(amount(plan, plan.money.planned.strategic + plan.money.planned.tactical)),
        cell(amount(plan, plan.money.proposed.strategic + plan.money.proposed.tactical)),
        h("td", { class: `num${over > 0 ? " over" : ""}` }, amount(plan, moneyTotal(plan))),
      ),
      h("tr", {}, h("th", { attrs: { scope: "row" } }, "Sprint budget"), cell(""), cell(""), cell(cap === null ? "none" : amount(plan, cap))),
      over > 0 ? h("tr", {}, h("th", { attrs: { scope: "row" } }, "Over budget"), cell(""), cell(""), h("td", { class: "num over" }, amount(plan, over))) : null,
    ),
  );
}

/** The money of a pillar (its `byPillar` key: lower-case id, `(unaligned)`), or null when none of its items has a budget. */
export function pillarMoney(plan: BoardPlan, pillar: string): number | null {
  const key = pillar.toLowerCase();
  return Object.hasOwn(plan.money.byPillar, key) ? plan.money.byPillar[key] : null;
}
