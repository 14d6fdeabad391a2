/**
 * Names of items that open their document: the Review and KPIs tabs get, with
 * their model, the file and line of each id they show (`locations`); a click
 * asks the host to open it. An id without a location shows as plain text.
 */
import type { ItemLocation } from "../protocol";
import { openAt } from "./api";
import { h } from "./dom";

/** `n` and the total of a list cut after the first entries: "…and 12 more". */
export function moreText(shown: number, total: number): string | null {
  return total > shown ? `…and ${total - shown} more` : null;
}

export class Links {
  private readonly byId = new Map<string, ItemLocation>();

  constructor(locations: readonly ItemLocation[]) {
    // First of an id wins (the core lists each once; ids are case-insensitive).
    for (const location of locations) if (!this.byId.has(location.id.toLowerCase())) this.byId.set(location.id.toLowerCase(), location);
  }

  /** The location of an id, if the model gave one. */
  get(id: string): ItemLocation | undefined {
    return this.byId.get(id.toLowerCase());
  }

  /** The item's title (else its id). */
  title(id: string): string {
    return this.get(id)?.title ?? id;
  }

  /**
   * A link-styled button naming the item (`label`, else its title) that opens
   * its document; `onOpen` runs first (to remember a selection).
   */
  button(id: string, label?: string, onOpen?: () => void): HTMLElement {
    const location = this.get(id);
    const text = label ?? location?.title ?? id;
    if (!location) return h("span", { class: "unlinked", attrs: { title: `${id} (not found in the workspace)` } }, text);
    return h(
      "button",
      {
        class: "link",
        attrs: { type: "button", title: `${location.kind} ${location.id} — ${location.file}:${location.line} (open)` },
        data: { id: location.id },
        on: {
          click: () => {
            onOpen?.();
            openAt(location.file, location.line);
          },
        },
      },
      text,
    );
  }
}
