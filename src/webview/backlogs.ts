/**
 * The Plan tab's backlogs: the strategic and tactical grids side by side with
 * their filters (text, pillar, status), the unranked items under each, and the
 * score breakdown of the selected item (its terms come from the host on
 * request) with the team's scores. Filters, selection and scroll live in the view state.
 */
import type { BoardItem, BoardModel, ScoreTerm, Track } from "../protocol";
import { openAt, post, save, saveSoon, state } from "./api";
import { TRACK_NAMES } from "./capacity";
import { changed, fill, h, options, plural } from "./dom";
import { BacklogGrid, breakdownText } from "./grid";
import { teamTable, termsTable } from "./terms";

const STATUSES = ["idea", "planned", "in-progress", "done", "dropped"];
const TRACKS = ["strategic", "tactical"] as const;

/** Opens an item's document. */
export const openItem = (item: BoardItem): void => openAt(item.file, item.line);

export class Backlogs {
  private model: BoardModel | undefined;
  /** Items by uid, built on first need for each model. */
  private uidIndex: Map<string, BoardItem> | undefined;
  /** Score terms the host sent for the selected item, by uid (for the current generation). */
  private terms = new Map<string, ScoreTerm[]>();
  /** The last `explain` asked (generation:uid), so that a render asks once. */
  private asked = "";
  private scrollRestored = false;
  private readonly grids: Record<Track, BacklogGrid>;
  private readonly counts: Record<Track, HTMLElement> = { strategic: h("span", { class: "count" }), tactical: h("span", { class: "count" }) };
  private readonly unrankedLists: Record<Track, HTMLElement> = {
    strategic: h("section", { class: "unranked", attrs: { "aria-label": "Unranked strategic items" } }),
    tactical: h("section", { class: "unranked", attrs: { "aria-label": "Unranked tactical items" } }),
  };
  readonly searchInput = h("input", {
    attrs: { type: "search", placeholder: "Filter by title, id or pillar", "aria-label": "Filter items" },
    on: { input: () => this.setFilter("text", this.searchInput.value, false) },
  });
  readonly pillarSelect = h("select", { attrs: { "aria-label": "Pillar filter" }, on: { change: () => this.setFilter("pillar", this.pillarSelect.value) } });
  readonly statusSelect = h(
    "select",
    { attrs: { "aria-label": "Status filter" }, on: { change: () => this.setFilter("status", this.statusSelect.value) } },
    h("option", { attrs: { value: "open" } }, "Open items"),
    h("option", { attrs: { value: "all" } }, "All, with done and dropped"),
    ...STATUSES.map((status) => h("option", { attrs: { value: status } }, status)),
  );
  /** The backlogs section. */
  readonly el: HTMLElement;
  /** The score breakdown region. */
  readonly details = h("section", { class: "details", attrs: { role: "region", "aria-label": "Score breakdown" } });

  constructor(private readonly pillarTitle: (id: string) => string) {
    const events = { select: (item: BoardItem, reveal: boolean) => this.selectItem(item.uid, reveal), open: openItem };
    this.grids = { strategic: new BacklogGrid("strategic", "Strategic backlog", events), tactical: new BacklogGrid("tactical", "Tactical backlog", events) };
    for (const track of TRACKS) {
      this.grids[track].el.addEventListener("scroll", () => {
        state.scroll[track] = this.grids[track].scrollTop;
        saveSoon();
      });
    }
    this.el = h(
      "section",
      { class: "backlogs", attrs: { "aria-label": "Backlogs" } },
      h("div", { class: "filters" }, h("span", { class: "muted" }, "Show"), this.statusSelect, this.pillarSelect, this.searchInput),
      ...TRACKS.map((track) =>
        h("div", { class: `track ${track}` }, h("h2", {}, h("span", { class: `swatch fill-${track}`, attrs: { "aria-hidden": "true" } }), `${TRACK_NAMES[track]} backlog `, this.counts[track]), this.grids[track].el, this.unrankedLists[track]),
      ),
    );
  }

  private setFilter(key: "text" | "pillar" | "status", value: string, now = true): void {
    state.filters[key] = value;
    if (now) save();
    else saveSoon();
    this.render();
  }

  private byUid(uid: string): BoardItem | undefined {
    if (!this.uidIndex && this.model) {
      this.uidIndex = new Map();
      for (const list of [this.model.items, this.model.unranked, this.model.closed]) for (const item of list) this.uidIndex.set(item.uid, item);
    }
    return this.uidIndex?.get(uid);
  }

  /** Takes a new model: a saved selection it no longer has is dropped; the filters show the saved ones. */
  setModel(model: BoardModel): void {
    if (model.generation !== this.model?.generation) this.terms = new Map();
    this.model = model;
    this.uidIndex = undefined;
    if (state.selected && !this.byUid(state.selected)) state.selected = undefined;
    options(this.pillarSelect, [["", "All pillars"], ...model.pillars.map((pillar): [string, string] => [pillar.id.toLowerCase(), pillar.title]), ["(none)", "No pillar"]], state.filters.pillar);
    state.filters.pillar = this.pillarSelect.value;
    this.statusSelect.value = state.filters.status;
    this.searchInput.value = state.filters.text;
  }

  /** The filters as a test of one item (made once per render, not once per item). */
  private matcher(): (item: BoardItem) => boolean {
    const { text, pillar, status } = state.filters;
    const needle = text.trim().toLowerCase();
    return (item) => {
      if (pillar && (pillar === "(none)" ? item.pillar !== null : item.pillar?.toLowerCase() !== pillar)) return false;
      if (status !== "open" && status !== "all" && item.status !== status) return false;
      return !needle || `${item.title}\n${item.id}\n${item.pillar ?? ""}`.toLowerCase().includes(needle);
    };
  }

  private rowsOf(track: Track, matches: (item: BoardItem) => boolean): BoardItem[] {
    if (!this.model) return [];
    const rows = this.model.items.filter((item) => item.track === track && matches(item));
    if (state.filters.status !== "open") for (const item of this.model.closed) if (item.track === track && matches(item)) rows.push(item);
    return rows;
  }

  /** Renders both backlogs and their unranked items under the filters. */
  render(): void {
    const model = this.model;
    if (!model) return;
    const proposed = new Set((model.plan?.proposed.items ?? []).map((id) => id.toLowerCase()));
    const context = { sprint: model.sprint, proposed, pillarTitle: this.pillarTitle };
    const matches = this.matcher();
    for (const track of TRACKS) {
      const rows = this.rowsOf(track, matches);
      const total = model.items.filter((item) => item.track === track).length;
      this.counts[track].textContent = rows.length === total ? `(${total})` : `(${rows.length} of ${total})`;
      this.grids[track].setRows(rows, context, state.selected);
      this.renderUnranked(track, model.unranked.filter((item) => item.track === track && matches(item)));
    }
    if (!this.scrollRestored) {
      this.scrollRestored = true;
      // Setting a scroll offset lays the page out at once: only when there is one to restore.
      if (state.scroll.strategic) this.grids.strategic.scrollTop = state.scroll.strategic;
      if (state.scroll.tactical) this.grids.tactical.scrollTop = state.scroll.tactical;
    }
  }

  private renderUnranked(track: Track, unranked: BoardItem[]): void {
    const list = this.unrankedLists[track];
    const key = JSON.stringify([state.selected, unranked.slice(0, 200).map((item) => [item.uid, item.title, item.id, item.missing, item.reason])]);
    if (!changed(list, key)) return;
    if (!unranked.length) return fill(list);
    fill(
      list,
      h("h3", {}, `Unranked (${unranked.length})`),
      h(
        "ul",
        {},
        ...unranked.slice(0, 200).map((item) =>
          h(
            "li",
            { class: state.selected === item.uid ? "selected" : "" },
            h("button", { class: "link", attrs: { type: "button", title: `${item.file}:${item.line}` }, on: { click: () => { this.selectItem(item.uid); openItem(item); } } }, item.title),
            h("span", { class: "muted" }, ` ${item.id} — ${item.missing.length ? `missing ${item.missing.join(", ")}` : (item.reason ?? "not scored")}`),
          ),
        ),
        unranked.length > 200 ? h("li", { class: "muted" }, `…and ${unranked.length - 200} more`) : null,
      ),
    );
  }

  /** Renders the selected item's score breakdown (asking the host for its terms once). */
  renderDetails(): void {
    const model = this.model;
    const item = state.selected ? this.byUid(state.selected) : undefined;
    if (!item || !model) {
      fill(this.details, h("p", { class: "muted" }, "Select an item to see how its score is made (arrow keys move, Enter opens)."));
      return;
    }
    const known = this.terms.get(item.uid);
    const ask = `${model.generation}:${item.uid}`;
    if (item.score !== null && !known && this.asked !== ask) {
      this.asked = ask;
      post({ type: "explain", uid: item.uid });
    }
    fill(
      this.details,
      h("h3", {}, item.title),
      h("p", { class: "muted" }, `${item.type} ${item.id} · ${item.pillar ? `pillar ${this.pillarTitle(item.pillar)}` : "no pillar"} · ${item.status ?? "no status"} · ${item.file}:${item.line}`),
      item.score === null
        ? h("p", {}, breakdownText(item))
        : h("p", {}, h("strong", {}, `Score ${item.score.toFixed(2)}`), ` (rank ${item.rank} of the ${item.track} backlog${model.scoring.whatIf ? ", what-if model" : ""}): `, h("code", {}, item.explanation)),
      known?.length ? termsTable(item, model.scoring.model, known) : null,
      teamTable(item, model.scoring.disagreement ?? 2),
      item.problem ? h("p", { class: `problem ${item.problem}` }, `${plural(item.problems, "problem")} in the Problems view (worst: ${item.problem})`) : null,
      h("button", { class: "secondary", attrs: { type: "button" }, on: { click: () => openItem(item) } }, "Open document"),
    );
  }

  /** The score terms the host sent for an item (answering `explain`). */
  breakdown(uid: string, generation: number, terms: ScoreTerm[]): void {
    if (generation !== this.model?.generation) return;
    this.terms.set(uid, terms);
    if (state.selected === uid) this.renderDetails();
  }

  private selectItem(uid: string, reveal = true): void {
    state.selected = uid;
    save();
    for (const track of TRACKS) this.grids[track].select(this.byUid(uid)?.track === track ? uid : undefined);
    this.renderDetails();
    if (!reveal) return;
    // The breakdown sits under the backlogs: bring its start into view (focus stays on the grid).
    const { top, height } = this.details.getBoundingClientRect();
    const shown = Math.min(height, window.innerHeight / 2);
    if (top + shown > window.innerHeight) window.scrollBy({ top: top + shown - window.innerHeight });
  }
}
