/**
 * The Strategy Board webview: renders the model the host sends (src/protocol.ts)
 * and asks the host for what-if views, to open an item and to apply a
 * proposal. It computes nothing of the strategy itself; filters, selection
 * and scroll live here and are kept with `setState`.
 */
import { applyBoardPatch, decodeModel } from "../board-wire";
import type { BoardItem, BoardModel, BoardState, HostMessage, ScoreTerm, ScoringModel, Track, WebviewMessage } from "../protocol";
import { capacitySection, overBy, sprintSummary, TRACK_NAMES } from "./capacity";
import { fill, h, num, plural } from "./dom";
import { BacklogGrid, breakdownText } from "./grid";
import { endedText, openSprint, sprintLabel } from "./sprints";
import { termsTable } from "./terms";

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: BoardState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();
const post = (message: WebviewMessage) => {
  // A new request makes the last "applied" or error line old news.
  if (message.type === "view" || message.type === "apply") statusLine.replaceChildren();
  api.postMessage(message);
};

const MODELS: Array<[ScoringModel, string]> = [
  ["weighted", "Weighted (impact, urgency, effort)"],
  ["wsjf", "WSJF (cost of delay / effort)"],
  ["rice", "RICE (reach × impact × confidence / effort)"],
  ["ice", "ICE (impact × confidence × ease)"],
  ["custom", "Custom formula"],
];
const STATUSES = ["idea", "planned", "in-progress", "done", "dropped"];

function restore(saved: unknown): BoardState {
  const base: BoardState = { filters: { text: "", pillar: "", status: "open" }, scroll: { strategic: 0, tactical: 0 } };
  if (!saved || typeof saved !== "object") return base;
  const value = saved as Partial<BoardState>;
  return {
    ...value,
    filters: { ...base.filters, ...(value.filters ?? {}) },
    scroll: { ...base.scroll, ...(value.scroll ?? {}) },
  };
}

const state = restore(api.getState());
let model: BoardModel | undefined;
/** Items by uid, built on first need for each model. */
let uidIndex: Map<string, BoardItem> | undefined;
function byUid(uid: string): BoardItem | undefined {
  if (!uidIndex && model) {
    uidIndex = new Map();
    for (const list of [model.items, model.unranked, model.closed]) for (const item of list) uidIndex.set(item.uid, item);
  }
  return uidIndex?.get(uid);
}
/** The items the plan names (proposed, does not fit), by id: one pass, no lower-casing (ids are as written on both sides). */
let byId = new Map<string, BoardItem>();
let scrollRestored = false;
/** Score terms the host sent for the selected item, by uid (for the current generation). */
let terms = new Map<string, ScoreTerm[]>();
/** The last `explain` asked (generation:uid), so that a render asks once. */
let asked = "";

const save = () => api.setState(state);
let saveTimer: ReturnType<typeof setTimeout> | undefined;
const saveSoon = () => {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(save, 150);
};
// A view being hidden or closed keeps what was typed or scrolled in its last moments.
window.addEventListener("pagehide", () => {
  clearTimeout(saveTimer);
  save();
});

// ---- Layout (built once) -------------------------------------------------

const folderSelect = h("select", { attrs: { "aria-label": "Workspace folder" }, on: { change: () => post({ type: "view", folder: folderSelect.value }) } });
const folderField = h("label", { class: "field", attrs: { hidden: true } }, "Folder ", folderSelect);
const sprintSelect = h("select", {
  attrs: { "aria-label": "Sprint" },
  on: {
    change: () => post({ type: "view", sprint: sprintSelect.value }),
  },
});
const modelSelect = h("select", {
  attrs: { "aria-label": "Scoring model" },
  on: {
    change: () => {
      const value = modelSelect.value as ScoringModel;
      post({ type: "view", model: model && value === model.scoring.configured ? null : value });
    },
  },
});
const splitOutput = h("output", { class: "split-value", attrs: { "aria-live": "off" } });
let splitTimer: ReturnType<typeof setTimeout> | undefined;
const splitInput = h("input", {
  attrs: { type: "range", min: 0, max: 100, step: 5, "aria-label": "What-if strategic share" },
  on: {
    input: () => {
      const strategic = Number(splitInput.value);
      splitOutput.textContent = `${strategic} / ${100 - strategic}`;
      splitInput.setAttribute("aria-valuetext", `${strategic}% strategic, ${100 - strategic}% tactical`);
      clearTimeout(splitTimer);
      splitTimer = setTimeout(() => post({ type: "view", split: { strategic, tactical: 100 - strategic } }), 120);
    },
  },
});
const resetButton = h("button", {
  class: "secondary",
  attrs: { type: "button", title: "Back to the configured scoring model and the sprint's own split" },
  on: {
    click: () => post({ type: "view", model: null, split: null }),
  },
}, "Reset what-if");
const applyButton = h("button", {
  class: "primary",
  attrs: { type: "button" },
  on: { click: () => model?.plan && post({ type: "apply", sprint: model.plan.sprint, generation: model.generation }) },
}, "Apply proposal");

const searchInput = h("input", {
  attrs: { type: "search", placeholder: "Filter by title, id or pillar", "aria-label": "Filter items" },
  on: {
    input: () => {
      state.filters.text = searchInput.value;
      saveSoon();
      renderBacklogs();
    },
  },
});
const pillarSelect = h("select", {
  attrs: { "aria-label": "Pillar filter" },
  on: {
    change: () => {
      state.filters.pillar = pillarSelect.value;
      save();
      renderBacklogs();
    },
  },
});
const statusSelect = h(
  "select",
  {
    attrs: { "aria-label": "Status filter" },
    on: {
      change: () => {
        state.filters.status = statusSelect.value;
        save();
        renderBacklogs();
      },
    },
  },
  h("option", { attrs: { value: "open" } }, "Open items"),
  h("option", { attrs: { value: "all" } }, "All, with done and dropped"),
  ...STATUSES.map((status) => h("option", { attrs: { value: status } }, status)),
);

const summary = h("span", { class: "muted summary" });
const problems = h("span", { class: "problems" });
const statusLine = h("div", { class: "status-line", attrs: { role: "status", "aria-live": "polite" } });
const undoButton = h("button", { class: "secondary", attrs: { type: "button", title: "Revert exactly what this Apply wrote" }, on: { click: () => post({ type: "undo" }) } }, "Undo");
const endedSentence = h("span");
const switchButton = h("button", { class: "secondary", attrs: { type: "button" }, on: { click: () => switchButton.dataset.sprint && post({ type: "view", sprint: switchButton.dataset.sprint }) } });
const endedNote = h("div", { class: "ended-note", attrs: { role: "note", hidden: true } }, endedSentence, " ", switchButton);
/** Says what happened on the status line, with an Undo button after an Apply. */
function status(text: string, undo = false): void {
  fill(statusLine, text, undo ? " " : null, undo ? undoButton : null);
}
const capacityTitle = h("h2", { attrs: { id: "capacity-h" } }, "Capacity");
const capacityBody = h("div", { class: "capacity-body" });
const details = h("section", { class: "details", attrs: { role: "region", "aria-label": "Score breakdown" } });

const events = {
  select(item: BoardItem, reveal: boolean) {
    selectItem(item.uid, reveal);
  },
  open(item: BoardItem) {
    post({ type: "open", file: item.file, line: item.line });
  },
};
const grids: Record<Track, BacklogGrid> = {
  strategic: new BacklogGrid("strategic", "Strategic backlog", events),
  tactical: new BacklogGrid("tactical", "Tactical backlog", events),
};
const counts: Record<Track, HTMLElement> = { strategic: h("span", { class: "count" }), tactical: h("span", { class: "count" }) };
const unrankedLists: Record<Track, HTMLElement> = {
  strategic: h("section", { class: "unranked", attrs: { "aria-label": "Unranked strategic items" } }),
  tactical: h("section", { class: "unranked", attrs: { "aria-label": "Unranked tactical items" } }),
};
for (const track of ["strategic", "tactical"] as const) {
  grids[track].el.addEventListener("scroll", () => {
    state.scroll[track] = grids[track].scrollTop;
    saveSoon();
  });
}

const root = h(
  "main",
  { attrs: { id: "board" } },
  h(
    "header",
    { class: "toolbar" },
    h("div", { class: "row-1" }, folderField, h("label", { class: "field" }, "Sprint ", sprintSelect), summary, h("span", { class: "spacer" }), problems, applyButton),
    h(
      "div",
      { class: "row-2" },
      h("label", { class: "field" }, "Scoring ", modelSelect),
      h("label", { class: "field" }, "Strategic / tactical ", splitInput, splitOutput),
      resetButton,
    ),
  ),
  endedNote,
  statusLine,
  h("section", { class: "capacity", attrs: { "aria-labelledby": "capacity-h" } }, capacityTitle, capacityBody),
  h(
    "section",
    { class: "backlogs", attrs: { "aria-label": "Backlogs" } },
    h("div", { class: "filters" }, h("span", { class: "muted" }, "Show"), statusSelect, pillarSelect, searchInput),
    ...(["strategic", "tactical"] as const).map((track) =>
      h("div", { class: `track ${track}` }, h("h2", {}, h("span", { class: `swatch fill-${track}`, attrs: { "aria-hidden": "true" } }), `${TRACK_NAMES[track]} backlog `, counts[track]), grids[track].el, unrankedLists[track]),
    ),
  ),
  details,
);
document.body.appendChild(root);

// ---- Rendering -----------------------------------------------------------

/** What each part of the page last showed: a part whose key is unchanged is not rebuilt (an edit changes little). */
const shownKeys = new WeakMap<Element, string>();
function changed(el: Element, key: string): boolean {
  if (shownKeys.get(el) === key) return false;
  shownKeys.set(el, key);
  return true;
}

function options(select: HTMLSelectElement, entries: Array<[string, string, boolean?, string?]>, value: string): void {
  if (changed(select, JSON.stringify(entries))) fill(select, ...entries.map(([v, label, disabled, title]) => h("option", { attrs: { value: v, disabled: disabled ?? false, title } }, label)));
  select.value = entries.some(([v]) => v === value) ? value : (entries[0]?.[0] ?? "");
}

/** The filters as a test of one item (made once per render, not once per item). */
function matcher(): (item: BoardItem) => boolean {
  const { text, pillar, status } = state.filters;
  const needle = text.trim().toLowerCase();
  return (item) => {
    if (pillar && (pillar === "(none)" ? item.pillar !== null : item.pillar?.toLowerCase() !== pillar)) return false;
    if (status !== "open" && status !== "all" && item.status !== status) return false;
    return !needle || `${item.title}\n${item.id}\n${item.pillar ?? ""}`.toLowerCase().includes(needle);
  };
}

function rowsOf(track: Track, matches: (item: BoardItem) => boolean): BoardItem[] {
  if (!model) return [];
  const withClosed = state.filters.status !== "open";
  const rows = model.items.filter((item) => item.track === track && matches(item));
  if (withClosed) for (const item of model.closed) if (item.track === track && matches(item)) rows.push(item);
  return rows;
}

function pillarTitle(id: string): string {
  return model?.pillars.find((pillar) => pillar.id.toLowerCase() === id.toLowerCase())?.title ?? id;
}

function renderBacklogs(): void {
  if (!model) return;
  const proposed = new Set((model.plan?.proposed.items ?? []).map((id) => id.toLowerCase()));
  const context = { sprint: model.sprint, proposed, pillarTitle };
  const matches = matcher();
  for (const track of ["strategic", "tactical"] as const) {
    const rows = rowsOf(track, matches);
    const total = model.items.filter((item) => item.track === track).length;
    counts[track].textContent = rows.length === total ? `(${total})` : `(${rows.length} of ${total})`;
    grids[track].setRows(rows, context, state.selected);
    const unranked = model.unranked.filter((item) => item.track === track && matches(item));
    const key = JSON.stringify([state.selected, unranked.slice(0, 200).map((item) => [item.uid, item.title, item.id, item.missing, item.reason])]);
    if (!changed(unrankedLists[track], key)) continue;
    fill(
      unrankedLists[track],
      ...(unranked.length
        ? [
            h("h3", {}, `Unranked (${unranked.length})`),
            h(
              "ul",
              {},
              ...unranked.slice(0, 200).map((item) =>
                h(
                  "li",
                  { class: state.selected === item.uid ? "selected" : "" },
                  h("button", { class: "link", attrs: { type: "button", title: `${item.file}:${item.line}` }, on: { click: () => { selectItem(item.uid); events.open(item); } } }, item.title),
                  h("span", { class: "muted" }, ` ${item.id} — ${item.missing.length ? `missing ${item.missing.join(", ")}` : (item.reason ?? "not scored")}`),
                ),
              ),
              unranked.length > 200 ? h("li", { class: "muted" }, `…and ${unranked.length - 200} more`) : null,
            ),
          ]
        : []),
    );
  }
  if (!scrollRestored) {
    scrollRestored = true;
    // Setting a scroll offset lays the page out at once: only when there is one to restore.
    if (state.scroll.strategic) grids.strategic.scrollTop = state.scroll.strategic;
    if (state.scroll.tactical) grids.tactical.scrollTop = state.scroll.tactical;
  }
}

function renderDetails(): void {
  const item = state.selected ? byUid(state.selected) : undefined;
  if (!item || !model) {
    fill(details, h("p", { class: "muted" }, "Select an item to see how its score is made (arrow keys move, Enter opens)."));
    return;
  }
  const known = terms.get(item.uid);
  const ask = `${model.generation}:${item.uid}`;
  if (item.score !== null && !known && asked !== ask) {
    asked = ask;
    post({ type: "explain", uid: item.uid });
  }
  fill(
    details,
    h("h3", {}, item.title),
    h("p", { class: "muted" }, `${item.type} ${item.id} · ${item.pillar ? `pillar ${pillarTitle(item.pillar)}` : "no pillar"} · ${item.status ?? "no status"} · ${item.file}:${item.line}`),
    item.score === null
      ? h("p", {}, breakdownText(item))
      : h("p", {}, h("strong", {}, `Score ${item.score.toFixed(2)}`), ` (rank ${item.rank} of the ${item.track} backlog${model.scoring.whatIf ? ", what-if model" : ""}): `, h("code", {}, item.explanation)),
    known?.length ? termsTable(item, model.scoring.model, known) : null,
    item.problem ? h("p", { class: `problem ${item.problem}` }, `${plural(item.problems, "problem")} in the Problems view (worst: ${item.problem})`) : null,
    h("button", { class: "secondary", attrs: { type: "button" }, on: { click: () => events.open(item) } }, "Open document"),
  );
}

function selectItem(uid: string, reveal = true): void {
  state.selected = uid;
  save();
  for (const track of ["strategic", "tactical"] as const) grids[track].select(byUid(uid)?.track === track ? uid : undefined);
  renderDetails();
  if (!reveal) return;
  // The breakdown sits under the backlogs: bring its start into view (focus stays on the grid).
  const { top, height } = details.getBoundingClientRect();
  const shown = Math.min(height, window.innerHeight / 2);
  if (top + shown > window.innerHeight) window.scrollBy({ top: top + shown - window.innerHeight });
}

/** Marks a step of a render (the benchmark reads them with `performance.getEntriesByType("measure")`). */
function step(name: string, from: number): number {
  const now = performance.now();
  performance.measure(`board:${name}`, { start: from, end: now });
  return now;
}

function renderModel(next: BoardModel, started: number): void {
  let at = started;
  if (next.generation !== model?.generation) terms = new Map();
  model = next;
  uidIndex = undefined;
  byId = new Map();
  const wanted = new Set([...(next.plan?.proposed.items ?? []), ...(next.plan?.doesNotFit ?? [])]);
  if (wanted.size) {
    for (const list of [next.items, next.unranked, next.closed]) for (const item of list) if (wanted.has(item.id) && !byId.has(item.id)) byId.set(item.id, item);
  }
  if (state.selected && !byUid(state.selected)) state.selected = undefined;
  at = step("index", at);

  folderField.hidden = next.folders.length <= 1;
  options(folderSelect, next.folders.map((name) => [name, name]), next.folder);
  options(sprintSelect, next.sprints.map((sprint) => [sprint.id, sprintLabel(sprint), false, `Sprint id: ${sprint.id}`]), next.sprint ?? "");
  sprintSelect.disabled = !next.sprints.length;
  if (!next.sprints.length) fill(sprintSelect, h("option", {}, "No sprints"));
  options(modelSelect, MODELS.map(([value, label]) => [value, value === next.scoring.configured ? `${label} — configured` : label, value === "custom" && !next.scoring.customAvailable]), next.scoring.model);
  modelSelect.classList.toggle("what-if", next.scoring.whatIf);
  const strategic = next.plan?.target.strategic ?? 70;
  splitInput.value = String(strategic);
  splitInput.disabled = !next.plan;
  splitInput.setAttribute("aria-valuetext", `${strategic}% strategic, ${100 - strategic}% tactical`);
  splitOutput.textContent = `${strategic} / ${100 - strategic}${next.plan?.whatIf ? " (what-if)" : ""}`;
  splitOutput.classList.toggle("what-if", Boolean(next.plan?.whatIf));
  resetButton.disabled = !next.scoring.whatIf && !next.plan?.whatIf;
  const pillarValue = state.filters.pillar;
  options(pillarSelect, [["", "All pillars"], ...next.pillars.map((pillar): [string, string] => [pillar.id.toLowerCase(), pillar.title]), ["(none)", "No pillar"]], pillarValue);
  state.filters.pillar = pillarSelect.value;
  statusSelect.value = state.filters.status;
  searchInput.value = state.filters.text;

  const proposedCount = next.plan?.proposed.items.length ?? 0;
  const shownSprint = next.sprints.find((sprint) => sprint.id === next.sprint);
  const ended = shownSprint?.state === "ended";
  const instead = ended ? openSprint(next.sprints) : undefined;
  endedNote.hidden = !ended;
  if (shownSprint && ended) endedSentence.textContent = endedText(shownSprint);
  switchButton.hidden = !instead;
  switchButton.dataset.sprint = instead?.id ?? "";
  switchButton.textContent = instead ? `Plan the ${instead.state} sprint, ${instead.title && instead.title !== instead.id ? instead.title : instead.id}` : "";
  applyButton.disabled = next.readOnly || !proposedCount || ended;
  applyButton.title = next.readOnly
    ? "This workspace is not trusted: the board is read-only"
    : ended
      ? endedSentence.textContent ?? ""
      : proposedCount
      ? `Write sprint: ${next.plan!.sprint} into ${plural(proposedCount, "proposed item")} (asks first; undoable)`
      : "Nothing to propose for this sprint";
  summary.textContent = sprintSummary(next.plan);
  summary.classList.toggle("over", Boolean(next.plan && overBy(next.plan) > 0));
  const { errors, warnings, infos } = next.problems;
  problems.textContent = errors + warnings + infos ? [errors && plural(errors, "error"), warnings && plural(warnings, "warning"), infos && plural(infos, "info")].filter(Boolean).join(" · ") : "No problems";
  problems.className = `problems${errors ? " error" : warnings ? " warning" : ""}`;

  at = step("controls", at);
  capacityTitle.textContent = next.plan ? `Capacity of ${next.plan.sprint}${next.plan.whatIf ? " (what-if split)" : ""}` : "Capacity";
  const planItems = next.plan ? [...next.plan.proposed.items, ...next.plan.doesNotFit].map((id) => byId.get(id)).map((item) => item && [item.title, item.file, item.line, item.track, item.estimate]) : [];
  if (changed(capacityBody, JSON.stringify([next.plan, planItems]))) fill(capacityBody, ...capacitySection(next.plan, (id) => byId.get(id), events.open));
  at = step("capacity", at);
  renderBacklogs();
  at = step("backlogs", at);
  renderDetails();
  step("details", at);
  // The view is the host's: what it shows is what to come back to after a reload (the serializer reads it).
  state.folder = next.folder;
  state.sprint = next.sprint;
  state.model = next.scoring.whatIf ? next.scoring.model : null;
  state.split = next.plan?.whatIf ? next.plan.target : null;
  save();
  document.body.dataset.generation = String(next.generation);
  document.body.dataset.renderMs = (performance.now() - started).toFixed(1);
}

window.addEventListener("message", (event: MessageEvent<HostMessage>) => {
  const started = performance.now();
  const message = event.data;
  if (!message || typeof message !== "object") return;
  switch (message.type) {
    case "model":
      renderModel(decodeModel(message.model), started);
      break;
    case "patch": {
      const next = applyBoardPatch(model, message.patch);
      if (next) renderModel(next, started);
      else post({ type: "refresh" });
      break;
    }
    case "breakdown":
      if (message.generation === model?.generation) {
        terms.set(message.uid, message.terms);
        if (state.selected === message.uid) renderDetails();
      }
      break;
    case "applied":
      status(
        `Wrote sprint: ${message.sprint} into ${plural(message.count, "item")}${message.split ? ` and split ${message.split.strategic}/${message.split.tactical} into the sprint` : ""}.` +
          (message.kept ? ` The sprint keeps its own split ${message.kept.strategic}/${message.kept.tactical}.` : ""),
        true,
      );
      break;
    case "undone":
      status(message.message);
      break;
    case "error":
      status(message.message);
      break;
  }
});

renderDetails();
post({ type: "ready" });
