/**
 * The roadmap as an ARIA grid of lanes × time that renders only the rows in
 * view (10,000 items cost what 40 do). Each row has its name (a row header) and
 * its timeline cell, labelled with the span in words; bars and diamonds are
 * placed through CSSOM (the CSP allows no inline `style` attribute). The grid
 * keeps focus, the selected row is its `aria-activedescendant`: Up/Down,
 * Home/End, PageUp/PageDown move, Enter opens the item, Left/Right scroll the
 * timeline. The periods, the guides and the today line are drawn once a model.
 */
import type { Period, RoadmapBy } from "../protocol";
import { frameTask, h, listMove, revealRow, watchHeight } from "./dom";
import { periodName, spanShort } from "./dates";
import { rowWords, type ItemRow, type RoadmapRowEntry, type Scale } from "./roadmap-rows";

/** Pixel heights of a row and of the periods' header; the CSS sets the same (`--rm-row`, `--rm-head`). */
export const RM_ROW = 28;
const HEAD = 36;
const OVERSCAN = 8;
/** The narrowest a period is drawn, per zoom (the timeline scrolls sideways beyond the board's width). */
const MIN_PERIOD: Record<RoadmapBy, number> = { quarter: 200, sprint: 120, month: 84 };
/** The widest the timeline gets (a century of months would be 100,000 px). */
const MAX_TIMELINE = 24_000;

/** What the grid tells its tab: a row was selected, or is to be opened. */
export interface RoadmapGridEvents {
  select(row: ItemRow): void;
  open(row: ItemRow): void;
}

/** What the grid draws besides its rows. */
export interface Frame {
  by: RoadmapBy;
  periods: readonly Period[];
  scale: Scale;
  today: string;
  currency: string | null;
}

/** The roadmap's grid: a scroll container that draws the rows in view over the whole timeline. */
export class RoadmapGrid {
  /** The scroll container, `role="grid"`. */
  readonly el: HTMLElement;
  private readonly canvas = h("div", { class: "rm-canvas" });
  private readonly periodsHead = h("div", { class: "rm-track rm-periods", attrs: { role: "columnheader" } });
  private readonly body = h("div", { class: "rm-body", attrs: { role: "rowgroup" } });
  private readonly guides = h("div", { class: "rm-guides", attrs: { "aria-hidden": "true" } });
  private readonly windowEl = h("div", { class: "rm-window" });
  private rows: readonly RoadmapRowEntry[] = [];
  private items: number[] = [];
  private frame: Frame | undefined;
  private selected: string | undefined;
  private rendered = "";
  /** Renders at the next frame (scrolling asks many times a frame). */
  private readonly schedule = frameTask(() => this.render());
  /** The scroll offset as last seen (scroll events): rendering reads no layout. */
  private top = 0;
  private height = Math.min(window.innerHeight * 0.7, 640);

  constructor(private readonly events: RoadmapGridEvents) {
    const head = h("div", { class: "rm-head", attrs: { role: "rowgroup" } }, h("div", { class: "rm-row rm-header", attrs: { role: "row", "aria-rowindex": 1 } }, h("div", { class: "rm-label", attrs: { role: "columnheader" } }, "Lane and item"), this.periodsHead));
    this.body.append(this.guides, this.windowEl);
    this.canvas.append(head, this.body);
    this.el = h("div", { class: "rm-scroll", attrs: { role: "grid", tabindex: 0, "aria-colcount": 2, "aria-readonly": "true" }, on: { scroll: () => this.onScroll(), keydown: (event) => this.onKey(event), click: (event) => this.onClick(event) } }, this.canvas);
    watchHeight(this.el, (height) => {
      this.height = height;
      this.schedule();
    });
  }

  /** Sets the rows, the periods and the scale, and renders the rows in view. */
  setRows(rows: readonly RoadmapRowEntry[], frame: Frame, selected: string | undefined, label: string): void {
    this.rows = rows;
    this.frame = frame;
    this.items = rows.flatMap((row, i) => (row.kind === "item" ? [i] : []));
    this.selected = selected;
    this.el.setAttribute("aria-label", label);
    this.el.setAttribute("aria-rowcount", String(rows.length + 1));
    const width = Math.min(MAX_TIMELINE, frame.periods.length * MIN_PERIOD[frame.by]);
    this.canvas.style.minWidth = `calc(var(--rm-label) + ${Math.max(240, width)}px)`;
    this.body.style.height = `${Math.max(1, rows.length) * RM_ROW}px`;
    this.drawFrame(frame);
    this.rendered = "";
    this.render();
  }

  /** The period labels, their boundaries and the today line. */
  private drawFrame({ by, periods, scale, today }: Frame): void {
    const first = periods[0];
    const last = periods[periods.length - 1];
    this.periodsHead.setAttribute("aria-label", first ? `Schedule by ${by}: ${periodName(first.id, by)} to ${periodName(last.id, by)}` : "Schedule");
    const labels: HTMLElement[] = [];
    const lines: HTMLElement[] = [];
    for (const period of periods) {
      const place = scale.bar(period.start, period.end);
      if (!place) continue;
      const label = h("div", { class: "rm-period", attrs: { title: `${period.id}: ${spanShort(period.start, period.end)}` } }, h("span", { class: "rm-period-name" }, periodName(period.id, by)), by === "sprint" ? h("span", { class: "rm-period-days" }, spanShort(period.start, period.end)) : null);
      position(label, place.left, place.width);
      labels.push(label);
      if (!scale.starts(period)) lines.push(position(h("div", { class: "rm-guide" }), place.left));
    }
    const at = scale.point(today);
    const todayLabel = at === null ? null : position(h("div", { class: "rm-today-label" }, "Today"), at);
    this.periodsHead.replaceChildren(...labels, ...(todayLabel ? [todayLabel] : []));
    this.guides.replaceChildren(...lines, ...(at === null ? [] : [position(h("div", { class: "rm-today", attrs: { title: `Today, ${today}` } }), at)]));
  }

  /** Selects a row (or none) and scrolls it into view, the bar too. */
  select(key: string | undefined, reveal = true): void {
    this.selected = key;
    const index = this.rows.findIndex((row) => row.key === key);
    if (reveal && index >= 0) this.reveal(index);
    this.rendered = "";
    this.render();
  }

  /** Scrolls the timeline so that a day shows (about a third from the left). */
  scrollToDay(day: string): void {
    const at = this.frame?.scale.point(day);
    if (at === null || at === undefined) return;
    const track = this.el.scrollWidth - this.labelWidth();
    this.el.scrollLeft = Math.max(0, (at / 100) * track - (this.el.clientWidth - this.labelWidth()) / 3);
  }

  private labelWidth(): number {
    return (this.canvas.querySelector(".rm-label") as HTMLElement | null)?.offsetWidth ?? 0;
  }

  private onScroll(): void {
    this.top = this.el.scrollTop;
    this.schedule();
  }

  /** The scroll offsets, to keep in the view state. */
  get scroll(): { top: number; left: number } {
    return { top: this.top, left: this.el.scrollLeft };
  }

  /** Restores scroll offsets (after a reload). */
  set scroll({ top, left }: { top: number; left: number }) {
    this.el.scrollTop = top;
    this.el.scrollLeft = left;
    this.top = this.el.scrollTop;
    this.rendered = "";
    this.render();
  }

  private reveal(index: number): void {
    revealRow(this.el, index, RM_ROW, HEAD); // the sticky header covers the top
    this.top = this.el.scrollTop;
    const row = this.rows[index];
    if (row.kind === "item") this.scrollToDay(row.span?.start ?? row.due ?? "");
  }

  private render(): void {
    const { top } = this;
    const first = Math.max(0, Math.floor(top / RM_ROW) - OVERSCAN);
    const last = Math.min(this.rows.length, Math.ceil((top + this.height) / RM_ROW) + OVERSCAN);
    const key = `${first}:${last}`;
    if (key === this.rendered) return;
    this.rendered = key;
    const rows: HTMLElement[] = [];
    let active: string | null = null;
    for (let i = first; i < last; i++) {
      const row = this.row(this.rows[i], i);
      if (this.rows[i].key === this.selected && this.rows[i].kind === "item") active = row.id;
      rows.push(row);
    }
    this.windowEl.replaceChildren(...rows);
    this.windowEl.style.transform = `translateY(${first * RM_ROW}px)`;
    if (active) this.el.setAttribute("aria-activedescendant", active);
    else this.el.removeAttribute("aria-activedescendant");
  }

  private row(row: RoadmapRowEntry, index: number): HTMLElement {
    const attrs = { role: "row", id: `rm-row-${index}`, "aria-rowindex": index + 2 };
    if (row.kind === "lane") {
      const counts = [row.items ? `${row.items} scheduled` : "", row.milestones ? `${row.milestones} milestone${row.milestones === 1 ? "" : "s"}` : ""].filter(Boolean).join(" · ");
      return h("div", { class: "rm-row rm-lane", attrs, data: row.lane === null ? {} : { lane: row.lane } }, h("div", { class: "rm-label", attrs: { role: "rowheader", "aria-colspan": 2 } }, h("span", { class: "rm-lane-title" }, row.title), h("span", { class: "muted" }, ` ${counts}`)));
    }
    const frame = this.frame!;
    const words = rowWords(row, frame.currency);
    const selected = row.key === this.selected;
    const track = h("div", { class: "rm-track", attrs: { role: "gridcell", "aria-label": words } });
    if (row.span) {
      const place = frame.scale.bar(row.span.start, row.span.end);
      if (place) {
        const status = (row.span.status ?? "").toLowerCase().replace(/[^a-z-]/g, "");
        track.appendChild(position(h("div", { class: `rm-bar ${row.type} from-${row.span.from}${status ? ` status-${status}` : ""}`, attrs: { title: `${row.title}: ${words}` }, data: { open: "1" } }), place.left, place.width));
      }
    }
    const at = row.due ? frame.scale.point(row.due) : null;
    if (at !== null) track.appendChild(position(h("div", { class: "rm-diamond", attrs: { title: `${row.title}: due ${row.due}` }, data: { open: "1" } }), at));
    return h(
      "div",
      { class: `rm-row rm-item${selected ? " selected" : ""}`, attrs: { ...attrs, "aria-selected": selected ? "true" : "false" }, data: { key: row.key, id: row.id, index: String(index) } },
      h("div", { class: "rm-label", attrs: { role: "rowheader" } }, h("span", { class: `rm-type ${row.type}`, attrs: { "aria-hidden": "true" } }), h("button", { class: "open", attrs: { type: "button", tabindex: -1, title: `${row.title} (${row.id}) — open` }, data: { open: "1" } }, row.title)),
      track,
    );
  }

  private onKey(event: KeyboardEvent): void {
    if (!this.items.length) return;
    const current = this.items.findIndex((i) => this.rows[i].key === this.selected);
    const page = Math.max(1, Math.floor(this.el.clientHeight / RM_ROW) - 2);
    if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
      this.el.scrollLeft += (event.key === "ArrowLeft" ? -1 : 1) * Math.max(40, (this.el.clientWidth - this.labelWidth()) / 4);
      event.preventDefault();
      return;
    }
    if (event.key === "Enter") {
      if (current >= 0) this.events.open(this.rows[this.items[current]] as ItemRow);
      event.preventDefault();
      return;
    }
    const next = listMove(event.key, current, this.items.length, page);
    if (next === undefined) return;
    event.preventDefault();
    const row = this.rows[this.items[next]] as ItemRow;
    this.select(row.key);
    this.events.select(row);
  }

  private onClick(event: MouseEvent): void {
    const target = event.target as Element;
    const el = target.closest<HTMLElement>(".rm-item");
    const row = el ? this.rows[Number(el.dataset.index)] : undefined;
    if (!row || row.kind !== "item") return;
    this.el.focus({ preventScroll: true });
    this.selected = row.key;
    this.rendered = "";
    this.render();
    this.events.select(row);
    if (target.closest("[data-open]")) this.events.open(row);
  }
}

/** Places an element at `left` percent of its track, `width` percent wide (CSSOM: no inline style attribute). */
function position(el: HTMLElement, left: number, width?: number): HTMLElement {
  el.style.left = `${left}%`;
  if (width !== undefined) el.style.width = `${width}%`;
  return el;
}
