/**
 * The Strategy Board webview: five tabs — Plan (the sprint's capacity split,
 * money and the ranked backlogs), Review (an ended sprint's review), KPIs
 * (pillars as objectives with their key results), Roadmap (lanes × periods)
 * and Calendar (a month of campaigns by channel) — rendering the models the host sends
 * (src/protocol.ts). It computes nothing of the strategy itself; the tab, the
 * filters, the selections and the scroll live in the view state (`setState`).
 */
import { applyBoardPatch, decodeModel } from "../board-wire";
import type { BoardTab, HostMessage } from "../protocol";
import { post, save, state, status, statusLine, tabOf } from "./api";
import { h, options, plural } from "./dom";
import { KpisTab } from "./kpis";
import { initPlan, planBreakdown, planModel, planPanel, renderPlan } from "./plan";
import { CalendarTab } from "./calendar";
import { ReviewTab } from "./review";
import { RoadmapTab } from "./roadmap";
import { TabList } from "./tabs";

const folderSelect = h("select", { attrs: { "aria-label": "Workspace folder" }, on: { change: () => post({ type: "view", folder: folderSelect.value }) } });
const folderField = h("label", { class: "field", attrs: { hidden: true } }, "Folder ", folderSelect);

/** The folder picker shows only in a multi-root workspace. */
function showFolders(folder: string, folders: readonly string[]): void {
  folderField.hidden = folders.length <= 1;
  options(folderSelect, folders.map((name) => [name, name]), folder);
  state.folder = folder;
}

const review = new ReviewTab();
const kpis = new KpisTab();
const roadmap = new RoadmapTab();
const calendar = new CalendarTab();
const tabs = new TabList(
  [
    { id: "plan", label: "Plan", panel: planPanel },
    { id: "review", label: "Review", panel: review.el },
    { id: "kpis", label: "KPIs", panel: kpis.el },
    { id: "roadmap", label: "Roadmap", panel: roadmap.el },
    { id: "calendar", label: "Calendar", panel: calendar.el },
  ],
  tabOf(state.tab),
  (tab: BoardTab) => {
    state.tab = tab;
    save();
    // The host builds only the model of the tab in view: it sends this one's now.
    post({ type: "view", tab });
  },
);

document.body.appendChild(h("main", { attrs: { id: "board" } }, h("div", { class: "tabbar" }, tabs.el, h("span", { class: "spacer" }), folderField), statusLine, planPanel, review.el, kpis.el, roadmap.el, calendar.el));

/** Renders a tab's model and says so on the body (the tests and the benchmark wait for `key`). */
function renderTab(key: "reviewGeneration" | "kpisGeneration" | "roadmapGeneration" | "calendarGeneration", model: { folder: string; folders: string[]; generation: number }, render: () => void, started: number): void {
  showFolders(model.folder, model.folders);
  render();
  document.body.dataset[key] = String(model.generation);
  document.body.dataset.renderMs = (performance.now() - started).toFixed(1);
}

window.addEventListener("message", (event: MessageEvent<HostMessage>) => {
  const started = performance.now();
  const message = event.data;
  if (!message || typeof message !== "object") return;
  switch (message.type) {
    case "model": {
      const model = decodeModel(message.model);
      showFolders(model.folder, model.folders);
      renderPlan(model, started);
      break;
    }
    case "patch": {
      const next = applyBoardPatch(planModel(), message.patch);
      if (!next) {
        post({ type: "refresh" });
        break;
      }
      showFolders(next.folder, next.folders);
      renderPlan(next, started);
      break;
    }
    case "review":
      if (message.model?.review !== undefined) renderTab("reviewGeneration", message.model, () => review.render(message.model), started);
      break;
    case "kpis":
      if (message.model?.report) renderTab("kpisGeneration", message.model, () => kpis.render(message.model), started);
      break;
    case "roadmap":
      if (message.model?.roadmap) renderTab("roadmapGeneration", message.model, () => roadmap.render(message.model), started);
      break;
    case "calendar":
      if (message.model?.calendar) renderTab("calendarGeneration", message.model, () => calendar.render(message.model), started);
      break;
    case "tab":
      state.tab = tabOf(message.tab);
      save();
      tabs.select(state.tab);
      break;
    case "breakdown":
      planBreakdown(message.uid, message.generation, message.terms);
      break;
    case "applied":
      status(
        `Wrote sprint: ${message.sprint} into ${plural(message.count, "item")}${message.split ? ` and split ${message.split.strategic}/${message.split.tactical} into the sprint` : ""}.` +
          (message.kept ? ` The sprint keeps its own split ${message.kept.strategic}/${message.kept.tactical}.` : ""),
        true,
      );
      break;
    case "undone":
    case "error":
      status(message.message);
      break;
  }
});

initPlan();
post({ type: "ready" });
