/**
 * One track's backlog as an ARIA grid that renders only the rows in view, so
 * 10,000 items cost the same as 30. The grid is the scroll container and
 * keeps focus; the selected row is its `aria-activedescendant`. Keyboard:
 * arrows, Home/End, PageUp/PageDown move the selection, Enter opens the item.
 */
import type { BoardItem, Track } from "../protocol";
import { frameTask, h, listMove, plural, revealRow, watchHeight } from "./dom";

/** Pixel height of a row; the CSS sets the same (`--row-height`). */
export const ROW_HEIGHT = 26;
/** Rows rendered above and below the visible ones. */
const OVERSCAN = 6;

/** What a row needs besides its item. */
export interface RowContext {
  /** The selected sprint (its id is highlighted in the sprint column). */
  sprint: string | null;
  proposed: ReadonlySet<string>;
  pillarTitle: (id: string) => string;
}

export interface GridEvents {
  /** `reveal`: a click, after which the breakdown is brought into view (arrow keys keep the page where it is). */
  select(item: BoardItem, reveal: boolean): void;
  open(item: BoardItem): void;
}

const COLUMNS = ["#", "Title", "Pillar", "Score", "Est.", "Sprint", "Status"];

/** The score's explanation (fields, weights, result), or why there is none: the score cell's tooltip. */
export function breakdownText(item: BoardItem): string {
  if (item.score === null) {
    if (item.missing.length) return `Not scored: missing ${item.missing.join(", ")}`;
    return item.reason ? `Not scored: ${item.reason}` : "Not ranked (done or dropped)";
  }
  return item.explanation;
}

export class BacklogGrid {
  /** The scroll container, `role="grid"`. */
  readonly el: HTMLElement;
  private readonly body: HTMLElement;
  private rows: readonly BoardItem[] = [];
  private context: RowContext = { sprint: null, proposed: new Set(), pillarTitle: (id) => id };
  private selectedUid: string | undefined;
  /** Renders at the next frame (scrolling asks many times a frame). */
  private readonly schedule = frameTask(() => this.render());
  private rendered = "";
  /**
   * The grid's scroll offset and height as last seen (scroll events, a ResizeObserver):
   * rendering reads no layout, so a new model costs one layout, at the next frame.
   */
  private top = 0;
  private height = Math.min(window.innerHeight * 0.6, 560);

  constructor(readonly track: Track, label: string, private readonly events: GridEvents) {
    const header = h(
      "div",
      { class: "row header", attrs: { role: "row", "aria-rowindex": 1 } },
      ...COLUMNS.map((name, i) => h("div", { class: `cell c${i}${i === 0 || i === 3 || i === 4 ? " num" : ""}`, attrs: { role: "columnheader", ...(i === 0 ? { "aria-label": "Rank" } : {}) } }, name)),
    );
    this.body = h("div", { class: "rows", attrs: { role: "rowgroup" } });
    this.el = h(
      "div",
      {
        class: "grid",
        attrs: { role: "grid", "aria-label": label, tabindex: 0, "aria-rowcount": 1, "aria-colcount": COLUMNS.length },
        on: {
          scroll: () => {
            this.top = this.el.scrollTop;
            this.schedule();
          },
          keydown: (event) => this.onKey(event),
          click: (event) => this.onClick(event),
        },
      },
      h("div", { class: "head", attrs: { role: "rowgroup" } }, header),
      this.body,
    );
    watchHeight(this.el, (height) => {
      this.height = height;
      this.schedule();
    });
  }

  /** Sets the rows (already filtered and ordered) and renders the visible ones now. */
  setRows(rows: readonly BoardItem[], context: RowContext, selected: string | undefined): void {
    this.rows = rows;
    this.context = context;
    this.selectedUid = selected;
    this.el.setAttribute("aria-rowcount", String(rows.length + 1));
    this.body.style.height = `${Math.max(1, rows.length) * ROW_HEIGHT}px`;
    this.rendered = "";
    this.render();
  }

  get scrollTop(): number {
    return this.top;
  }

  set scrollTop(value: number) {
    this.el.scrollTop = value;
    this.top = this.el.scrollTop;
    this.render();
  }

  /** Selects a row (or none) and shows it. */
  select(uid: string | undefined, reveal = true): void {
    this.selectedUid = uid;
    if (reveal && uid !== undefined) this.reveal(this.rows.findIndex((item) => item.uid === uid));
    this.rendered = "";
    this.render();
  }

  private reveal(index: number): void {
    if (index < 0) return;
    revealRow(this.el, index, ROW_HEIGHT, ROW_HEIGHT); // the sticky header covers one row
    this.top = this.el.scrollTop;
  }

  /** Renders the rows in view (plus some), reusing nothing: ~40 small rows are cheap and simple. */
  private render(): void {
    const first = Math.max(0, Math.floor(this.top / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(this.rows.length, Math.ceil((this.top + this.height) / ROW_HEIGHT) + OVERSCAN);
    const key = `${first}:${last}`;
    if (key === this.rendered) return;
    this.rendered = key;
    if (!this.rows.length) {
      this.body.replaceChildren(h("div", { class: "empty muted" }, "No items match the filters"));
      this.el.removeAttribute("aria-activedescendant");
      return;
    }
    const rows: HTMLElement[] = [];
    let active: string | null = null;
    for (let i = first; i < last; i++) {
      const row = this.row(this.rows[i], i);
      if (this.rows[i].uid === this.selectedUid) active = row.id;
      rows.push(row);
    }
    // The rows in view sit at their offset in the full-height body (transform: no layout of the rest).
    this.body.replaceChildren(h("div", { class: "window" }, ...rows));
    (this.body.firstChild as HTMLElement).style.transform = `translateY(${first * ROW_HEIGHT}px)`;
    if (active) this.el.setAttribute("aria-activedescendant", active);
    else this.el.removeAttribute("aria-activedescendant");
  }

  private row(item: BoardItem, index: number): HTMLElement {
    const { context } = this;
    const selected = item.uid === this.selectedUid;
    const proposed = context.proposed.has(item.id.toLowerCase());
    const inSprint = item.sprint !== null && context.sprint !== null && item.sprint.toLowerCase() === context.sprint.toLowerCase();
    const badges: HTMLElement[] = [];
    if (proposed) badges.push(h("span", { class: "pill proposed", attrs: { title: `Proposed for ${context.sprint}` } }, "proposed"));
    if (item.problem) {
      const label = `${plural(item.problems, "problem")}, worst: ${item.problem}`;
      badges.push(h("span", { class: `badge ${item.problem}`, attrs: { "aria-label": label, title: label } }, String(item.problems)));
    }
    const pillar = item.pillar === null ? "" : context.pillarTitle(item.pillar);
    return h(
      "div",
      {
        class: `row${selected ? " selected" : ""}${proposed ? " is-proposed" : ""}${item.score === null ? " closed" : ""}`,
        attrs: { role: "row", id: `${this.track}-row-${index}`, "aria-rowindex": index + 2, "aria-selected": selected ? "true" : "false" },
        data: { uid: item.uid, id: item.id, index: String(index) },
      },
      h("div", { class: "cell c0 num", attrs: { role: "gridcell" } }, item.rank === null ? "–" : String(item.rank)),
      h(
        "div",
        { class: "cell c1 title", attrs: { role: "gridcell" } },
        h("button", { class: "open", attrs: { type: "button", tabindex: -1, title: `${item.title}\n${item.file}:${item.line} — open` } }, item.title),
        ...badges,
      ),
      h("div", { class: "cell c2", attrs: { role: "gridcell", title: pillar || "No pillar" } }, item.pillar ?? "—"),
      h("div", { class: "cell c3 num score", attrs: { role: "gridcell", title: breakdownText(item) } }, item.score === null ? "–" : item.score.toFixed(2)),
      h("div", { class: "cell c4 num", attrs: { role: "gridcell" } }, item.estimate === null ? "–" : String(item.estimate)),
      h("div", { class: `cell c5${inSprint ? " this-sprint" : ""}`, attrs: { role: "gridcell" } }, item.sprint ?? "–"),
      h("div", { class: "cell c6", attrs: { role: "gridcell" } }, item.status ?? "–"),
    );
  }

  private indexOfSelected(): number {
    return this.selectedUid === undefined ? -1 : this.rows.findIndex((item) => item.uid === this.selectedUid);
  }

  private onKey(event: KeyboardEvent): void {
    if (!this.rows.length) return;
    const current = this.indexOfSelected();
    const page = Math.max(1, Math.floor(this.el.clientHeight / ROW_HEIGHT) - 2);
    if (event.key === "Enter") {
      if (current >= 0) this.events.open(this.rows[current]);
      event.preventDefault();
      return;
    }
    const index = listMove(event.key, current, this.rows.length, page);
    if (index === undefined) return;
    event.preventDefault();
    this.events.select(this.rows[index], false);
  }

  private onClick(event: MouseEvent): void {
    const target = event.target as Element;
    const row = target.closest<HTMLElement>(".rows .row");
    if (!row) return;
    const item = this.rows[Number(row.dataset.index)];
    if (!item) return;
    this.el.focus({ preventScroll: true });
    this.events.select(item, true);
    if (target.closest("button.open")) this.events.open(item);
  }
}
