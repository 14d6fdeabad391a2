/**
 * The selected sprint's capacity split: a chart of planned and proposed units
 * per track against each track's budget, the split against its target, the
 * numbers in a table, the share per pillar, what does not fit and the notes.
 * Plain SVG with theme colours from CSS; every label is a text node.
 */
import type { BoardItem, BoardPlan, Track } from "../protocol";
import { h, num, plural, s } from "./dom";
import { amount, hasMoney, moneyChart, moneyOver, moneyTable, moneyText, moneyTotal, pillarMoney } from "./money";
import { TRACK_NAMES, TRACKS } from "./tracks";

export { TRACK_NAMES };

const W = 560;
/** List entries shown before the rest is folded. */
const FOLD_AFTER = 5;
const LABEL = 92;
const BAR = 18;
const GAP = 14;

/** The accessible summary of the chart: every number it draws. */
export function chartLabel(plan: BoardPlan): string {
  const parts = TRACKS.map(
    (track) => `${TRACK_NAMES[track]}: ${num(plan.planned[track])} planned + ${num(plan.proposed[track])} proposed of a ${num(plan.budget[track])} budget (${plan.target[track]}% target)`,
  );
  return `Capacity of sprint ${plan.sprint} (${num(plan.capacity)} units). ${parts.join("; ")}. Share after proposal: ${plan.share.strategic}% strategic, ${plan.share.tactical}% tactical.`;
}

/** Planned (solid) and proposed (hatched) bars per track on one scale, a budget marker each, and the split bar. */
function chart(plan: BoardPlan): SVGElement {
  const max = Math.max(plan.capacity, ...TRACKS.map((track) => plan.planned[track] + plan.proposed[track]), 1);
  const scale = (units: number) => (Math.max(0, units) / max) * (W - LABEL - 8);
  const height = 2 * (BAR + GAP) + 2 * BAR + 26;
  const svg = s("svg", { viewBox: `0 0 ${W} ${height}`, class: "chart", role: "img", "aria-label": chartLabel(plan), preserveAspectRatio: "xMinYMin meet" });
  svg.appendChild(
    s(
      "defs",
      {},
      ...TRACKS.map((track) =>
        s("pattern", { id: `hatch-${track}`, width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" }, s("rect", { width: 6, height: 6, class: `fill-${track} faint` }), s("line", { x1: 0, y1: 0, x2: 0, y2: 6, class: `stroke-${track}`, "stroke-width": 3 })),
      ),
    ),
  );
  TRACKS.forEach((track, i) => {
    const y = i * (BAR + GAP) + 4;
    const planned = scale(plan.planned[track]);
    const proposed = scale(plan.proposed[track]);
    const budget = LABEL + scale(plan.budget[track]);
    svg.append(
      s("text", { x: 0, y: y + BAR - 5, class: "label" }, TRACK_NAMES[track]),
      s("rect", { x: LABEL, y, width: W - LABEL - 8, height: BAR, class: "track-bg" }),
      s("rect", { x: LABEL, y, width: planned, height: BAR, class: `fill-${track}` }, s("title", {}, `${TRACK_NAMES[track]} planned: ${num(plan.planned[track])}`)),
      s("rect", { x: LABEL + planned, y, width: proposed, height: BAR, fill: `url(#hatch-${track})`, class: "proposed" }, s("title", {}, `${TRACK_NAMES[track]} proposed: ${num(plan.proposed[track])}`)),
      s("line", { x1: budget, x2: budget, y1: y - 3, y2: y + BAR + 3, class: "marker" }, s("title", {}, `${TRACK_NAMES[track]} budget: ${num(plan.budget[track])} (${plan.target[track]}%)`)),
    );
  });
  // The split after the proposal against the target, as one 100% bar.
  const y = 2 * (BAR + GAP) + 8;
  const width = W - LABEL - 8;
  const strategic = (plan.share.strategic / 100) * width;
  const target = LABEL + (plan.target.strategic / 100) * width;
  const empty = plan.share.strategic + plan.share.tactical === 0;
  svg.append(
    s("text", { x: 0, y: y + BAR - 5, class: "label" }, "Split"),
    s("rect", { x: LABEL, y, width, height: BAR, class: "track-bg" }),
    ...(empty ? [] : [s("rect", { x: LABEL, y, width: strategic, height: BAR, class: "fill-strategic" }), s("rect", { x: LABEL + strategic, y, width: width - strategic, height: BAR, class: "fill-tactical" })]),
    s("line", { x1: target, x2: target, y1: y - 4, y2: y + BAR + 4, class: "marker target" }, s("title", {}, `Target ${plan.target.strategic}% strategic`)),
    s("text", { x: LABEL + 4, y: y + BAR + 16, class: "small" }, `${plan.share.strategic}% strategic · ${plan.share.tactical}% tactical (target ${plan.target.strategic}/${plan.target.tactical})`),
  );
  return svg;
}

/** Units planned and proposed in the sprint. */
function totalOf(plan: BoardPlan): number {
  return plan.planned.strategic + plan.planned.tactical + plan.proposed.strategic + plan.proposed.tactical;
}

/** Units over the sprint's capacity (0 when within it). */
export function overBy(plan: BoardPlan): number {
  return Math.max(0, Math.round((totalOf(plan) - plan.capacity) * 100) / 100);
}

function numbers(plan: BoardPlan): HTMLTableElement {
  const cell = (text: string) => h("td", { class: "num" }, text);
  return h(
    "table",
    { class: "numbers", attrs: { "aria-label": "Capacity by track" } },
    h("thead", {}, h("tr", {}, ...["Track", "Target", "Budget (units)", "Planned", "Proposed", "Total", "Share"].map((name) => h("th", { attrs: { scope: "col" } }, name)))),
    h(
      "tbody",
      {},
      ...TRACKS.map((track) => {
        const total = plan.planned[track] + plan.proposed[track];
        const drift = plan.share[track] - plan.target[track];
        // The rule's own test (capacity-split-off-target): more than `capacity.tolerance` points from the target.
        const off = Math.abs(drift) > plan.tolerance + 1e-9 && plan.share.strategic + plan.share.tactical > 0;
        return h(
          "tr",
          {},
          h("th", { attrs: { scope: "row" } }, h("span", { class: `swatch fill-${track}`, attrs: { "aria-hidden": "true" } }), TRACK_NAMES[track]),
          cell(`${plan.target[track]}%`),
          cell(num(plan.budget[track])),
          cell(num(plan.planned[track])),
          cell(num(plan.proposed[track])),
          cell(num(total)),
          h(
            "td",
            { class: `num${off ? " off" : ""}`, attrs: { title: `${num(Math.abs(drift), 1)} points ${drift < 0 ? "under" : "over"} the ${plan.target[track]}% target (tolerance ${num(plan.tolerance)})${off ? ": off target" : ""}` } },
            `${plan.share[track]}%`,
          ),
        );
      }),
      h(
        "tr",
        { class: "sum" },
        h("th", { attrs: { scope: "row" } }, "Sprint"),
        cell("100%"),
        cell(num(plan.capacity)),
        cell(num(plan.planned.strategic + plan.planned.tactical)),
        cell(num(plan.proposed.strategic + plan.proposed.tactical)),
        h("td", { class: `num${overBy(plan) > 0 ? " over" : ""}`, attrs: overBy(plan) > 0 ? { title: `${num(overBy(plan))} units over the capacity of ${num(plan.capacity)}` } : {} }, num(totalOf(plan))),
        cell(""),
      ),
    ),
  );
}

/** Units and share per pillar, and its money when the plan has any (pillars whose items only cost money last). */
function pillars(plan: BoardPlan, pillarTitle: (id: string) => string): HTMLTableElement {
  const money = hasMoney(plan);
  const moneyCell = (pillar: string) => {
    const value = pillarMoney(plan, pillar);
    return money ? h("td", { class: "num" }, value === null ? "–" : amount(plan, value)) : null;
  };
  const withUnits = new Set(plan.byPillar.map((entry) => entry.pillar.toLowerCase()));
  const moneyOnly = money ? Object.keys(plan.money.byPillar).filter((pillar) => !withUnits.has(pillar)) : [];
  const title = (pillar: string) => (pillar === "(unaligned)" ? "Unaligned" : pillarTitle(pillar));
  return h(
    "table",
    { class: "pillars", attrs: { "aria-label": "Share by pillar" } },
    h("thead", {}, h("tr", {}, ...["Pillar", "Units", "Share", ...(money ? ["Money"] : [])].map((name) => h("th", { attrs: { scope: "col" } }, name)))),
    h(
      "tbody",
      {},
      ...plan.byPillar.map((entry) =>
        h(
          "tr",
          {},
          h("th", { attrs: { scope: "row", title: entry.pillar } }, entry.title),
          h("td", { class: "num" }, num(entry.units)),
          h("td", { class: "share" }, h("span", { class: "meter", attrs: { "aria-hidden": "true" } }, h("span")), `${entry.percent}%`),
          moneyCell(entry.pillar),
        ),
      ),
      ...moneyOnly.map((pillar) => h("tr", {}, h("th", { attrs: { scope: "row", title: pillar } }, title(pillar)), h("td", { class: "num" }, "–"), h("td", { class: "share" }, ""), moneyCell(pillar))),
      ...(plan.byPillar.length || moneyOnly.length ? [] : [h("tr", {}, h("td", { attrs: { colspan: money ? 4 : 3 }, class: "muted" }, "Nothing planned or proposed yet"))]),
    ),
  );
}

/** Sets the meters' widths through CSSOM (inline `style` attributes would need `unsafe-inline`). */
function sizeMeters(table: HTMLTableElement, plan: BoardPlan): void {
  table.querySelectorAll<HTMLElement>(".meter > span").forEach((bar, i) => {
    bar.style.width = `${Math.min(100, plan.byPillar[i]?.percent ?? 0)}%`;
  });
}

/** The capacity section of a plan; `itemOf` names items by id for the lists. */
export function capacitySection(plan: BoardPlan | null, itemOf: (id: string) => BoardItem | undefined, open: (item: BoardItem) => void, pillarTitle: (id: string) => string = (id) => id): HTMLElement[] {
  if (!plan) return [h("p", { class: "muted" }, "No sprint to plan: add a document with `type: sprint` and a `capacity:` to see its split.")];
  const pillarTable = pillars(plan, pillarTitle);
  const money = hasMoney(plan);
  sizeMeters(pillarTable, plan);
  const why = new Map(plan.notFitting.map((entry) => [entry.id, entry.reason]));
  const named = (id: string, reason?: string) => {
    const item = itemOf(id);
    const because = reason ? h("span", { class: "why" }, `: ${reason}`) : null;
    if (!item) return h("li", {}, id, because);
    return h(
      "li",
      {},
      h("button", { class: "link", attrs: { type: "button", title: `${item.file}:${item.line}` }, on: { click: () => open(item) } }, item.title),
      h("span", { class: "muted" }, ` ${item.id} · ${item.track} · est. ${item.estimate ?? "–"}`),
      because,
    );
  };
  /** A list that shows its first entries and folds the rest under "N more" (so the backlogs stay near the top). */
  const folded = (label: string, entries: HTMLElement[], empty: string) => {
    const shown = entries.length > FOLD_AFTER + 1 ? entries.slice(0, FOLD_AFTER) : entries;
    const rest = entries.slice(shown.length);
    return [
      h("ul", { attrs: { "aria-label": label } }, ...shown, entries.length ? null : h("li", { class: "muted" }, empty)),
      rest.length ? h("details", {}, h("summary", {}, `${rest.length} more`), h("ul", { attrs: { "aria-label": `${label} (more)` } }, ...rest)) : null,
    ];
  };
  return [
    h(
      "div",
      { class: "chart-wrap" },
      chart(plan),
      h("div", { class: "legend", attrs: { "aria-hidden": "true" } }, h("span", { class: "swatch fill-strategic" }), "planned ", h("span", { class: "swatch hatch" }), "proposed ", h("span", { class: "swatch marker-key" }), "budget / target"),
      money ? h("h3", { class: "money-h" }, `Money${plan.money.currency ? ` (${plan.money.currency})` : ""}`) : null,
      money ? moneyChart(plan) : null,
      // The chart says the same to a screen reader (its label): the sentence is for the eyes.
      money ? h("p", { class: "money-text", attrs: { "aria-hidden": "true" } }, moneyText(plan)) : null,
    ),
    // A table wider than a narrow board scrolls on its own, not the page.
    h("div", { class: "tables" }, ...[numbers(plan), money ? moneyTable(plan) : null, pillarTable].map((table) => table && h("div", { class: "table-scroll" }, table))),
    h(
      "div",
      { class: "lists" },
      h("div", {}, h("h3", {}, `Proposed (${plan.proposed.items.length})`), ...folded("Proposed", plan.proposed.items.map((id) => named(id)), "Nothing to propose")),
      h("div", {}, h("h3", {}, `Does not fit (${plan.doesNotFit.length})`), ...folded("Does not fit", plan.doesNotFit.map((id) => named(id, why.get(id))), "Everything ranked fits")),
      h("div", {}, h("h3", {}, `Notes (${plan.notes.length})`), ...folded("Notes", plan.notes.map((note) => h("li", {}, note)), "On target")),
    ),
  ];
}

/** One line under the sprint picker: capacity and what is planned, and the money against the sprint's budget. */
export function sprintSummary(plan: BoardPlan | null): string {
  if (!plan) return "";
  const planned = plan.planned.strategic + plan.planned.tactical;
  const over = overBy(plan);
  const money = !hasMoney(plan) ? "" : plan.money.cap === null ? ` · ${amount(plan, moneyTotal(plan))}` : ` · ${amount(plan, moneyTotal(plan))} of ${amount(plan, plan.money.cap)}${moneyOver(plan) > 0 ? ` (${amount(plan, moneyOver(plan))} over budget)` : ""}`;
  return `${num(plan.capacity)} units · ${plural(plan.planned.items.length, "item")} planned (${num(planned)}) · ${plural(plan.proposed.items.length, "item")} proposed (${num(plan.proposed.strategic + plan.proposed.tactical)})${over > 0 ? ` · ${num(over)} over capacity` : ""}${money}`;
}
