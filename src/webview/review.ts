/**
 * The Review tab: the review of one ended sprint as the core computed it
 * (`buildReview`, SPEC §8) — committed vs done per track against the target,
 * completion, realised share, velocity, carried-over items (a click opens
 * one), the trend chart, the split-drift finding and the delivery figures per
 * quarter with their change. The sprint picker asks the host for another review.
 */
import type { ReviewTabModel, SprintReview } from "../protocol";
import { post, save, state } from "./api";
import { TRACK_NAMES } from "./capacity";
import { changed, fill, h, num, options, plural, table, prose } from "./dom";
import { Links, moreText } from "./links";
import { deliveryChart, pct, trendChart } from "./review-charts";
import { quartersTable } from "./quarters";
import { shortDate } from "../core/plan/sprint-state";

const TRACKS = ["strategic", "tactical"] as const;
/** Carried-over items named before the rest is counted (the model locates as many). */
const LISTED = 12;

/** `Sprint 13 (2–13 Nov) — ended 13 Nov 2026`. */
function sprintOption(sprint: ReviewTabModel["sprints"][number]): string {
  const name = sprint.title && sprint.title !== sprint.id ? sprint.title : sprint.id;
  const end = shortDate(sprint.end);
  return end ? `${name} — ended ${end}` : `${name} — closed`;
}

/** Whether a realised strategic share is under its target by more than the tolerance (split-drift's test for one sprint). */
export function underTarget(share: number | null, target: number, tolerance: number): boolean {
  return share !== null && target - share > tolerance + 1e-9;
}

function byTrack(review: SprintReview, tolerance: number): HTMLTableElement {
  const cell = (text: string) => h("td", { class: "num" }, text);
  return table("Review by track", "numbers", ["Track", "Target", "Committed", "Done", "Completion", "Realised share", "Carried over"], [
    ...TRACKS.map((track) => {
      const share = review.realisedShare[track];
      const gap = share === null ? 0 : share - review.target[track];
      const off = track === "strategic" ? underTarget(share, review.target.strategic, tolerance) : underTarget(review.realisedShare.strategic, review.target.strategic, tolerance);
      return h(
        "tr",
        {},
        h("th", { attrs: { scope: "row" } }, h("span", { class: `swatch fill-${track}`, attrs: { "aria-hidden": "true" } }), TRACK_NAMES[track]),
        cell(`${review.target[track]}%`),
        cell(num(review.committed[track])),
        cell(num(review.done[track])),
        cell(pct(review.completion[track])),
        h(
          "td",
          { class: `num${off ? " off" : ""}`, attrs: { title: share === null ? "Nothing done" : `${num(Math.abs(gap), 1)} points ${gap < 0 ? "under" : "over"} the ${review.target[track]}% target (tolerance ${num(tolerance)})` } },
          pct(share),
          // In words too: the colour is not the only sign of a drift.
          off ? ` (${gap < 0 ? "−" : "+"}${num(Math.abs(gap), 1)} pts)` : "",
        ),
        cell(num(review.carriedOver[track])),
      );
    }),
    h("tr", { class: "sum" }, h("th", { attrs: { scope: "row" } }, "Sprint"), cell("100%"), cell(num(review.committed.strategic + review.committed.tactical)), cell(num(review.velocity)), cell(""), cell(""), cell(num(review.carriedOver.strategic + review.carriedOver.tactical))),
  ]);
}

function trendTable(review: SprintReview): HTMLTableElement {
  return table(
    "Trend by sprint",
    "numbers",
    ["Sprint", "Ended", "Strategic share", "Target", "Velocity", "Strategic completion", "Tactical completion"],
    review.trend.map((point) =>
      h(
        "tr",
        { class: point.sprint === review.sprint ? "current" : "" },
        h("th", { attrs: { scope: "row" } }, point.sprint),
        h("td", { class: "date" }, shortDate(point.end) ?? "–"),
        h("td", { class: "num" }, pct(point.realisedShare.strategic)),
        h("td", { class: "num" }, `${point.target}%`),
        h("td", { class: "num" }, num(point.velocity)),
        h("td", { class: "num" }, pct(point.completion.strategic)),
        h("td", { class: "num" }, pct(point.completion.tactical)),
      ),
    ),
  );
}

/** The split-drift finding in words, naming each sprint's share. */
export function driftText(review: SprintReview): string | null {
  if (!review.drift) return null;
  const shares = review.drift.sprints.map((id) => {
    const point = review.trend.find((entry) => entry.sprint === id);
    return `${id} (${pct(point?.realisedShare.strategic ?? null)})`;
  });
  return `Split drift: the realised strategic share stayed under its ${review.drift.target}% target in ${shares.join(" and ")}. Rebalance the next sprint towards strategic work.`;
}

export class ReviewTab {
  readonly el = h("section", { class: "panel review" });
  private readonly picker = h("select", { attrs: { "aria-label": "Sprint to review" }, on: { change: () => this.pick(this.picker.value) } });
  private readonly summary = h("span", { class: "muted summary" });
  private readonly openSprint = h("span");
  private readonly body = h("div", { class: "review-body" });

  constructor() {
    this.el.append(
      h("header", { class: "toolbar" }, h("div", { class: "row-1" }, h("label", { class: "field" }, "Review ", this.picker), this.openSprint, this.summary)),
      this.body,
    );
    fill(this.body, h("p", { class: "muted" }, "Loading the review…"));
  }

  private pick(sprint: string): void {
    state.reviewSprint = sprint;
    save();
    post({ type: "view", reviewSprint: sprint });
  }

  /** Renders a review model (unchanged parts are left as they are). */
  render(model: ReviewTabModel): void {
    const { review } = model;
    options(this.picker, model.sprints.map((sprint) => [sprint.id, sprintOption(sprint), false, `Sprint id: ${sprint.id}`]).reverse() as Array<[string, string, boolean, string]>, model.sprint ?? "");
    this.picker.disabled = !model.sprints.length;
    if (!model.sprints.length) fill(this.picker, h("option", {}, "No ended sprint"));
    state.reviewSprint = model.sprint;
    save();
    if (!changed(this.body, JSON.stringify([review, model.message, model.locations, model.tolerance]))) return;
    const links = new Links(model.locations);
    if (!review) {
      fill(this.openSprint);
      this.summary.textContent = "";
      fill(this.body, h("p", { class: "empty" }, model.message ?? "No sprint to review."), h("p", { class: "muted" }, ...prose("A sprint can be reviewed once it has ended: its `end` date is past, or its `status` is done or closed.")));
      return;
    }
    fill(this.openSprint, links.button(review.sprint, "Open sprint"));
    this.summary.textContent = `velocity ${num(review.velocity)} · ${pct(review.completion.strategic)} of strategic and ${pct(review.completion.tactical)} of tactical work done · ${plural(review.carriedOver.items.length, "item")} carried over`;
    const drift = driftText(review);
    const carried = review.carriedOver.items;
    fill(
      this.body,
      drift ? h("div", { class: "drift-note", attrs: { role: "note" } }, h("strong", {}, "Drift "), drift) : null,
      h(
        "section",
        { class: "review-sprint", attrs: { "aria-labelledby": "review-h" } },
        h("h2", { attrs: { id: "review-h" } }, `Committed and done in ${review.sprint}`),
        h("div", { class: "capacity-body" }, h("div", { class: "chart-wrap" }, deliveryChart(review), legend()), h("div", { class: "tables table-scroll" }, byTrack(review, model.tolerance))),
      ),
      h(
        "section",
        { class: "carried", attrs: { "aria-labelledby": "carried-h" } },
        h("h3", { attrs: { id: "carried-h" } }, `Carried over (${carried.length})`),
        h(
          "ul",
          { attrs: { "aria-label": "Carried over" } },
          ...carried.slice(0, LISTED).map((id) => h("li", {}, links.button(id), h("span", { class: "muted" }, ` ${id}`))),
          carried.length ? null : h("li", { class: "muted" }, "Nothing: every committed item was done or dropped"),
          carried.length > LISTED ? h("li", { class: "muted" }, moreText(LISTED, carried.length)) : null,
        ),
      ),
      h(
        "section",
        { class: "trend", attrs: { "aria-labelledby": "trend-h" } },
        h("h2", { attrs: { id: "trend-h" } }, "Trend"),
        h("div", { class: "capacity-body" }, h("div", { class: "chart-wrap" }, trendChart(review.trend), trendLegend()), h("div", { class: "tables table-scroll" }, trendTable(review))),
      ),
      h("section", { class: "quarters", attrs: { "aria-labelledby": "quarters-h" } }, h("h2", { attrs: { id: "quarters-h" } }, "Delivery by quarter"), h("div", { class: "table-scroll" }, quartersTable(review.quarters))),
    );
  }
}

function legend(): HTMLElement {
  return h("div", { class: "legend", attrs: { "aria-hidden": "true" } }, h("span", { class: "swatch committed-key" }), "committed ", h("span", { class: "swatch fill-strategic" }), "done ", h("span", { class: "swatch marker-key" }), "target");
}

function trendLegend(): HTMLElement {
  return h("div", { class: "legend", attrs: { "aria-hidden": "true" } }, h("span", { class: "swatch fill-strategic" }), "strategic share ", h("span", { class: "swatch marker-key" }), "target ", h("span", { class: "swatch fill-velocity" }), "velocity");
}
