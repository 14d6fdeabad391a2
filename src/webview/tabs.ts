/**
 * The board's tabs as an ARIA tablist (WAI-ARIA Authoring Practices, tabs with
 * automatic activation): one tab stop (roving tabindex), Left/Right move to the
 * previous/next tab (wrapping), Home/End to the first/last, and moving selects.
 * Each tab controls one tabpanel; the others are hidden.
 */
import type { BoardTab } from "../protocol";
import { h } from "./dom";

/** One tab: its id, its name, and the panel it shows. */
export interface TabSpec {
  id: BoardTab;
  label: string;
  panel: HTMLElement;
}

export class TabList {
  /** The `role="tablist"` element. */
  readonly el: HTMLElement;
  private readonly tabs = new Map<BoardTab, HTMLButtonElement>();
  private current: BoardTab;

  /** `onSelect` runs when the user selects a tab (not when {@link select} is called). */
  constructor(private readonly specs: readonly TabSpec[], selected: BoardTab, private readonly onSelect: (tab: BoardTab) => void) {
    this.current = selected;
    this.el = h("div", { class: "tablist", attrs: { role: "tablist", "aria-label": "Board views" }, on: { keydown: (event) => this.onKey(event) } });
    for (const spec of specs) {
      const tab = h(
        "button",
        {
          class: "tab",
          attrs: { type: "button", role: "tab", id: `tab-${spec.id}`, "aria-controls": `panel-${spec.id}` },
          on: { click: () => this.choose(spec.id, true) },
        },
        spec.label,
      );
      this.tabs.set(spec.id, tab);
      spec.panel.id = `panel-${spec.id}`;
      spec.panel.setAttribute("role", "tabpanel");
      spec.panel.setAttribute("aria-labelledby", tab.id);
      this.el.appendChild(tab);
    }
    this.select(selected);
  }

  /** The selected tab. */
  get selected(): BoardTab {
    return this.current;
  }

  /** Selects a tab and shows its panel; `focus` moves the keyboard focus to the tab. */
  select(id: BoardTab, focus = false): void {
    this.current = id;
    for (const spec of this.specs) {
      const on = spec.id === id;
      const tab = this.tabs.get(spec.id)!;
      tab.setAttribute("aria-selected", on ? "true" : "false");
      tab.tabIndex = on ? 0 : -1;
      spec.panel.hidden = !on;
    }
    if (focus) this.tabs.get(id)!.focus();
  }

  private choose(id: BoardTab, focus: boolean): void {
    const changed = id !== this.current;
    this.select(id, focus);
    if (changed) this.onSelect(id);
  }

  private onKey(event: KeyboardEvent): void {
    const ids = this.specs.map((spec) => spec.id);
    const at = ids.indexOf(this.current);
    let next: number;
    switch (event.key) {
      case "ArrowLeft":
        next = (at - 1 + ids.length) % ids.length;
        break;
      case "ArrowRight":
        next = (at + 1) % ids.length;
        break;
      case "Home":
        next = 0;
        break;
      case "End":
        next = ids.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    this.choose(ids[next], true);
  }
}
