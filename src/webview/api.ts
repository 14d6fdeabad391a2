/**
 * The webview's side of VS Code: the one `acquireVsCodeApi()`, the view state
 * kept with `setState` (so it survives being hidden and a reload), messages to
 * the host, and the status line that says what the last request did.
 */
import { BOARD_TABS } from "../core/board-tab-types";
import type { BoardState, BoardTab, WebviewMessage } from "../protocol";
import { fill, h } from "./dom";

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: BoardState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

/** A saved tab, or the Plan tab. */
export function tabOf(value: unknown): BoardTab {
  return (BOARD_TABS as readonly unknown[]).includes(value) ? (value as BoardTab) : "plan";
}

/** The saved state, completed with defaults (an older board saved less). */
function restore(saved: unknown): BoardState {
  const base: BoardState = { filters: { text: "", pillar: "", status: "open" }, scroll: { strategic: 0, tactical: 0 }, kpis: { pillar: "" }, roadmap: { top: 0, left: 0 }, calendar: {} };
  if (!saved || typeof saved !== "object") return base;
  const value = saved as Partial<BoardState>;
  return {
    ...value,
    tab: tabOf(value.tab),
    filters: { ...base.filters, ...(value.filters ?? {}) },
    scroll: { ...base.scroll, ...(value.scroll ?? {}) },
    kpis: { ...base.kpis, ...(value.kpis ?? {}) },
    roadmap: { ...base.roadmap, ...(value.roadmap ?? {}) },
    calendar: { ...base.calendar, ...(value.calendar ?? {}) },
  };
}

/** The view state: read and changed by every tab, saved with {@link save}. */
export const state = restore(api.getState());

/** Saves the view state now. */
export const save = (): void => api.setState(state);

let saveTimer: ReturnType<typeof setTimeout> | undefined;
/** Saves the view state a moment after the last change (typing, scrolling). */
export const saveSoon = (): void => {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(save, 150);
};
// A view being hidden or closed keeps what was typed or scrolled in its last moments.
window.addEventListener("pagehide", () => {
  clearTimeout(saveTimer);
  save();
});

/** What the last request did ("Wrote sprint: …", an error), with Undo after an Apply. */
export const statusLine = h("div", { class: "status-line", attrs: { role: "status", "aria-live": "polite" } });
const undoButton = h("button", { class: "secondary", attrs: { type: "button", title: "Revert exactly what this Apply wrote" }, on: { click: () => post({ type: "undo" }) } }, "Undo");

/** Says what happened on the status line, with an Undo button after an Apply. */
export function status(text: string, undo = false): void {
  fill(statusLine, text, undo ? " " : null, undo ? undoButton : null);
}

/** Sends a message to the host. */
export function post(message: WebviewMessage): void {
  // A new request makes the last "applied" or error line old news (switching tabs alone does not).
  if (message.type === "apply" || (message.type === "view" && Object.keys(message).some((key) => key !== "type" && key !== "tab"))) statusLine.replaceChildren();
  api.postMessage(message);
}

/** Opens an item's document at its line, beside the board. */
export function openAt(file: string, line: number): void {
  post({ type: "open", file, line });
}
