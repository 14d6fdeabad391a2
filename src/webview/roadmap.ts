/**
 * The Roadmap tab: the scheduled initiatives and tactics as the core's roadmap
 * has them (SPEC §9) — lanes by pillar, channel or track, periods by quarter,
 * sprint or month, bars for spans (dashed where the dates are the sprint's),
 * diamonds for `due` days, the today line — and the open work with no span
 * listed apart. The zoom and the lanes are asked of the host (kept in the view
 * state, so a reload brings them back); the row last selected and the scroll too.
 */
import type { RoadmapBy, RoadmapLanes, RoadmapTabModel } from "../protocol";
import { openAt, post, save, saveSoon, state } from "./api";
import { fill, h, options, plural, prose } from "./dom";
import { periodName } from "./dates";
import { Links, moreText } from "./links";
import { RoadmapGrid } from "./roadmap-grid";
import { roadmapRows, Scale, type ItemRow } from "./roadmap-rows";

const ZOOMS: Array<[RoadmapBy, string]> = [
  ["quarter", "Quarters"],
  ["sprint", "Sprints"],
  ["month", "Months"],
];
const LANES: Array<[RoadmapLanes, string]> = [
  ["pillar", "Pillar"],
  ["channel", "Channel"],
  ["track", "Track"],
];

/** The Roadmap tab's panel: its controls, the grid, the legend and the unscheduled work. */
export class RoadmapTab {
  readonly el = h("section", { class: "panel roadmap" });
  private readonly zoom = h("select", { attrs: { "aria-label": "Roadmap periods" }, on: { change: () => this.ask({ roadmapBy: this.zoom.value as RoadmapBy }) } });
  private readonly lanes = h("select", { attrs: { "aria-label": "Roadmap lanes" }, on: { change: () => this.ask({ roadmapLanes: this.lanes.value as RoadmapLanes }) } });
  private readonly todayButton = h("button", { class: "secondary", attrs: { type: "button", title: "Scroll the timeline to today" }, on: { click: () => this.model && this.grid.scrollToDay(this.model.today) } }, "Today");
  private readonly summary = h("span", { class: "muted summary" });
  private readonly notes = h("div");
  private readonly body = h("div", { class: "roadmap-body" });
  private readonly unscheduled = h("section", { class: "unscheduled", attrs: { "aria-labelledby": "unscheduled-h" } });
  private readonly grid: RoadmapGrid;
  private model: RoadmapTabModel | undefined;
  private links = new Links([]);
  private scrollRestored = false;
  /** The periods and lanes shown: another zoom starts at today again. */
  private shownView = "";

  constructor() {
    this.grid = new RoadmapGrid({ select: (row) => this.remember(row), open: (row) => this.open(row) });
    this.grid.el.addEventListener("scroll", () => {
      state.roadmap = { ...state.roadmap, ...this.grid.scroll };
      saveSoon();
    });
    options(this.zoom, ZOOMS, state.roadmapBy ?? "quarter");
    options(this.lanes, LANES, state.roadmapLanes ?? "pillar");
    this.el.append(
      h("header", { class: "toolbar" }, h("div", { class: "row-1" }, h("label", { class: "field" }, "Periods ", this.zoom), h("label", { class: "field" }, "Lanes by ", this.lanes), this.todayButton, this.summary)),
      this.notes,
      this.body,
    );
    fill(this.body, h("p", { class: "muted" }, "Loading the roadmap…"));
  }

  private ask(view: { roadmapBy?: RoadmapBy; roadmapLanes?: RoadmapLanes }): void {
    Object.assign(state, view);
    state.roadmap = { ...state.roadmap, top: 0 };
    save();
    post({ type: "view", ...view });
  }

  private remember(row: ItemRow): void {
    state.roadmap = { ...state.roadmap, selected: row.key };
    save();
  }

  private open(row: ItemRow): void {
    this.remember(row);
    const location = this.links.get(row.id);
    if (location) openAt(location.file, location.line);
  }

  /** Renders a roadmap model. */
  render(model: RoadmapTabModel): void {
    this.model = model;
    const { roadmap } = model;
    options(this.zoom, ZOOMS, roadmap.by);
    options(this.lanes, LANES, roadmap.lanes);
    state.roadmapBy = roadmap.by;
    state.roadmapLanes = roadmap.lanes;
    save();
    const links = (this.links = new Links(model.locations));
    const rows = roadmapRows(model, links);
    const scheduled = new Set(roadmap.rows.flatMap((row) => row.items.map((item) => item.id))).size;
    const milestones = new Set(roadmap.milestones.map((milestone) => milestone.id)).size;
    const first = roadmap.periods[0];
    const last = roadmap.periods[roadmap.periods.length - 1];
    this.summary.textContent = [
      plural(scheduled, "item") + " scheduled",
      plural(milestones, "milestone"),
      `${roadmap.unscheduled.length} unscheduled`,
      first ? (first === last ? periodName(first.id, roadmap.by) : `${periodName(first.id, roadmap.by)} – ${periodName(last.id, roadmap.by)}`) : "",
    ].filter(Boolean).join(" · ");
    this.todayButton.disabled = !first;
    fill(this.notes, ...(roadmap.notes ?? []).map((note) => h("div", { class: "drift-note", attrs: { role: "note" } }, note)));
    this.renderUnscheduled(model, links);
    if (!rows.length) {
      fill(this.body, h("p", { class: "empty" }, "Nothing is scheduled yet."), h("p", { class: "muted" }, ...prose("An initiative or tactic shows here once it has `start` and `end` dates, a `due` date, or a sprint with dates.")), this.unscheduled);
      return;
    }
    const laneName = LANES.find(([value]) => value === roadmap.lanes)?.[1].toLowerCase() ?? roadmap.lanes;
    const label = `Roadmap by ${roadmap.by}, lanes by ${laneName}`;
    this.grid.setRows(rows, { by: roadmap.by, periods: roadmap.periods, scale: new Scale(model), today: model.today, currency: model.currency }, state.roadmap.selected, label);
    if (this.body.firstChild !== this.grid.el) fill(this.body, this.grid.el, legend(), this.unscheduled);
    const view = `${roadmap.by}/${roadmap.lanes}`;
    if (!this.scrollRestored) {
      this.scrollRestored = true;
      if (state.roadmap.top || state.roadmap.left) this.grid.scroll = { top: state.roadmap.top, left: state.roadmap.left };
      else requestAnimationFrame(() => this.grid.scrollToDay(model.today));
    } else if (view !== this.shownView) {
      // The timeline has another width: show today, or the selected item's bar.
      requestAnimationFrame(() => (state.roadmap.selected && rows.some((row) => row.key === state.roadmap.selected) ? this.grid.select(state.roadmap.selected) : this.grid.scrollToDay(model.today)));
    }
    this.shownView = view;
  }

  private renderUnscheduled(model: RoadmapTabModel, links: Links): void {
    const ids = model.roadmap.unscheduled;
    const listed = ids.filter((id) => links.get(id)).slice(0, 100);
    fill(
      this.unscheduled,
      h("h2", { attrs: { id: "unscheduled-h" } }, `Unscheduled open work (${ids.length})`),
      ids.length
        ? h(
            "ul",
            { class: "unscheduled-list", attrs: { "aria-label": "Unscheduled" } },
            ...listed.map((id) => h("li", {}, links.button(id), h("span", { class: "muted" }, ` ${id}`))),
            moreText(listed.length, ids.length) ? h("li", { class: "muted" }, moreText(listed.length, ids.length)) : null,
          )
        : h("p", { class: "muted" }, "Every open initiative and tactic has dates."),
      ids.length ? h("p", { class: "muted" }, "Give them start and end (or due) dates, or plan them into a sprint with dates, to place them on the roadmap.") : null,
    );
  }
}

function legend(): HTMLElement {
  return h(
    "div",
    { class: "legend rm-legend", attrs: { "aria-hidden": "true" } },
    h("span", { class: "swatch rm-key initiative" }),
    "initiative ",
    h("span", { class: "swatch rm-key tactic" }),
    "tactic ",
    h("span", { class: "swatch rm-key from-sprint" }),
    "dates from its sprint ",
    h("span", { class: "swatch rm-key diamond" }),
    "due (milestone) ",
    h("span", { class: "swatch rm-key today" }),
    "today",
  );
}
