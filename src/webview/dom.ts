/**
 * A tiny element builder for the board. Text goes in as text nodes or
 * `textContent`, never as HTML, so document text (titles, ids, notes) cannot
 * become markup: `<img src=x onerror=…>` shows as those characters.
 */

export type Child = Node | string | number | null | undefined | false;

/** Attributes (`aria-*`, `role`, `title`…), set as strings; `class` and data as their own keys. */
export interface Props {
  class?: string;
  attrs?: Record<string, string | number | boolean | null | undefined>;
  data?: Record<string, string>;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
}

function setAttrs(el: Element, attrs: Props["attrs"]): void {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) el.removeAttribute(name);
    else el.setAttribute(name, value === true ? "" : String(value));
  }
}

/** An HTML element with props and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  setAttrs(el, props.attrs);
  for (const [key, value] of Object.entries(props.data ?? {})) el.dataset[key] = value;
  for (const [type, handler] of Object.entries(props.on ?? {})) el.addEventListener(type, handler as EventListener);
  append(el, children);
  return el;
}

const SVG = "http://www.w3.org/2000/svg";

/** An SVG element with attributes and children (text as text nodes). */
export function s(tag: string, attrs: Record<string, string | number> = {}, ...children: Child[]): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  append(el, children);
  return el;
}

/** Our own guidance text with `field` names set as code (text nodes only: never document text as markup). */
export function prose(text: string): Child[] {
  return text.split("`").map((part, i) => (i % 2 ? h("code", {}, part) : part));
}

/** A function that runs `task` once at the next animation frame, however often it is called before then. */
export function frameTask(task: () => void): () => void {
  let frame = 0;
  return () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      task();
    });
  };
}

/** Calls `changed` with an element's height whenever it changes by more than a pixel (a virtual list renders the rows that fit). */
export function watchHeight(el: Element, changed: (height: number) => void): void {
  let last = 0;
  new ResizeObserver(([entry]) => {
    const height = entry.contentRect.height;
    if (height > 0 && Math.abs(height - last) > 1) {
      last = height;
      changed(height);
    }
  }).observe(el);
}

/** Scrolls a list of `rowHeight`-pixel rows, under a sticky header of `header` pixels, just enough to show row `index`. */
export function revealRow(el: HTMLElement, index: number, rowHeight: number, header: number): void {
  const top = index * rowHeight;
  const view = el.clientHeight - header;
  if (top < el.scrollTop) el.scrollTop = top;
  else if (top + rowHeight > el.scrollTop + view) el.scrollTop = top + rowHeight - view;
}

/** Replaces an element's children. */
export function fill(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** A number for display: up to `digits` decimals, no trailing zeros. */
export function num(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  return String(Math.round(value * 10 ** digits) / 10 ** digits);
}

/** `n word(s)`. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** What each part of the page last showed: a part whose key is unchanged is not rebuilt (an edit changes little). */
const shownKeys = new WeakMap<Element, string>();

/** True (and remembered) when `key` differs from what `el` last showed. */
export function changed(el: Element, key: string): boolean {
  if (shownKeys.get(el) === key) return false;
  shownKeys.set(el, key);
  return true;
}

/** Fills a select with `[value, label, disabled?, title?]` entries (only when they changed) and selects `value`, else the first. */
export function options(select: HTMLSelectElement, entries: Array<[string, string, boolean?, string?]>, value: string): void {
  if (changed(select, JSON.stringify(entries))) fill(select, ...entries.map(([v, label, disabled, title]) => h("option", { attrs: { value: v, disabled: disabled ?? false, title } }, label)));
  select.value = entries.some(([v]) => v === value) ? value : (entries[0]?.[0] ?? "");
}

/** A table with an accessible name, a header row of column names, and body rows. */
export function table(label: string, className: string, heads: readonly string[], rows: readonly Child[]): HTMLTableElement {
  return h(
    "table",
    { class: className, attrs: { "aria-label": label } },
    h("thead", {}, h("tr", {}, ...heads.map((name) => h("th", { attrs: { scope: "col" } }, name)))),
    h("tbody", {}, ...rows),
  );
}

/**
 * Where a list's keyboard moves the selection: Up/Down one entry, Home/End to
 * the ends, PageUp/PageDown by `page`; from no selection (`current` −1) to the
 * first. Clamped to `0 … count − 1`; undefined for any other key.
 */
export function listMove(key: string, current: number, count: number, page: number): number | undefined {
  const from = Math.max(0, current);
  const moves: Record<string, number> = { ArrowDown: current < 0 ? 0 : from + 1, ArrowUp: current < 0 ? 0 : from - 1, Home: 0, End: count - 1, PageDown: from + page, PageUp: from - page };
  return key in moves ? Math.max(0, Math.min(count - 1, moves[key])) : undefined;
}
