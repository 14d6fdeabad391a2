/**
 * The Plan tab: the selected sprint's capacity split and proposal, what-if
 * scoring model and split, Apply, and the ranked backlogs (backlogs.ts). It
 * renders the board model the host sends (whole or as a patch) and computes
 * nothing of the strategy itself.
 */
import type { BoardItem, BoardModel, ScoringModel } from "../protocol";
import { post, save, state } from "./api";
import { Backlogs, openItem } from "./backlogs";
import { capacitySection, overBy, sprintSummary } from "./capacity";
import { changed, fill, h, options, plural } from "./dom";
import { moneyOver } from "./money";
import { endedText, openSprint, sprintLabel } from "./sprints";

const MODELS: Array<[ScoringModel, string]> = [
  ["weighted", "Weighted (impact, urgency, effort)"],
  ["wsjf", "WSJF (cost of delay / effort)"],
  ["rice", "RICE (reach × impact × confidence / effort)"],
  ["ice", "ICE (impact × confidence × ease)"],
  ["custom", "Custom formula"],
];

let model: BoardModel | undefined;
/** The items the plan names (proposed, does not fit), by id: one pass, no lower-casing (ids are as written on both sides). */
let byId = new Map<string, BoardItem>();

/** The model the Plan tab shows (a patch applies to it). */
export const planModel = (): BoardModel | undefined => model;

function pillarTitle(id: string): string {
  return model?.pillars.find((pillar) => pillar.id.toLowerCase() === id.toLowerCase())?.title ?? id;
}

// ---- Layout (built once) -------------------------------------------------

const sprintSelect = h("select", { attrs: { "aria-label": "Sprint" }, on: { change: () => post({ type: "view", sprint: sprintSelect.value }) } });
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
const resetButton = h(
  "button",
  { class: "secondary", attrs: { type: "button", title: "Back to the configured scoring model and the sprint's own split" }, on: { click: () => post({ type: "view", model: null, split: null }) } },
  "Reset what-if",
);
const applyButton = h(
  "button",
  { class: "primary", attrs: { type: "button" }, on: { click: () => model?.plan && post({ type: "apply", sprint: model.plan.sprint, generation: model.generation }) } },
  "Apply proposal",
);
const summary = h("span", { class: "muted summary" });
const problems = h("span", { class: "problems" });
const endedSentence = h("span");
const switchButton = h("button", { class: "secondary", attrs: { type: "button" }, on: { click: () => switchButton.dataset.sprint && post({ type: "view", sprint: switchButton.dataset.sprint }) } });
const endedNote = h("div", { class: "ended-note", attrs: { role: "note", hidden: true } }, endedSentence, " ", switchButton);
const capacityTitle = h("h2", { attrs: { id: "capacity-h" } }, "Capacity");
const capacityBody = h("div", { class: "capacity-body" });
const backlogs = new Backlogs(pillarTitle);

/** The Plan tab's panel. */
export const planPanel = h(
  "section",
  { class: "panel plan" },
  h(
    "header",
    { class: "toolbar" },
    h("div", { class: "row-1" }, h("label", { class: "field" }, "Sprint ", sprintSelect), summary, h("span", { class: "spacer" }), problems, applyButton),
    h("div", { class: "row-2" }, h("label", { class: "field" }, "Scoring ", modelSelect), h("label", { class: "field" }, "Strategic / tactical ", splitInput, splitOutput), resetButton),
  ),
  endedNote,
  h("section", { class: "capacity", attrs: { "aria-labelledby": "capacity-h" } }, capacityTitle, capacityBody),
  backlogs.el,
  backlogs.details,
);

// ---- Rendering -----------------------------------------------------------

/** Marks a step of a render (the benchmark reads them with `performance.getEntriesByType("measure")`). */
function step(name: string, from: number): number {
  const now = performance.now();
  performance.measure(`board:${name}`, { start: from, end: now });
  return now;
}

function renderControls(next: BoardModel): void {
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
  summary.classList.toggle("over", Boolean(next.plan && (overBy(next.plan) > 0 || moneyOver(next.plan) > 0)));
  const { errors, warnings, infos } = next.problems;
  problems.textContent = errors + warnings + infos ? [errors && plural(errors, "error"), warnings && plural(warnings, "warning"), infos && plural(infos, "info")].filter(Boolean).join(" · ") : "No problems";
  problems.className = `problems${errors ? " error" : warnings ? " warning" : ""}`;
}

/** Renders a board model in the Plan tab and keeps its view in the state (the serializer reads it after a reload). */
export function renderPlan(next: BoardModel, started: number): void {
  let at = started;
  backlogs.setModel(next);
  model = next;
  byId = new Map();
  const wanted = new Set([...(next.plan?.proposed.items ?? []), ...(next.plan?.doesNotFit ?? [])]);
  if (wanted.size) {
    for (const list of [next.items, next.unranked, next.closed]) for (const item of list) if (wanted.has(item.id) && !byId.has(item.id)) byId.set(item.id, item);
  }
  at = step("index", at);
  renderControls(next);
  at = step("controls", at);
  capacityTitle.textContent = next.plan ? `Capacity of ${next.plan.sprint}${next.plan.whatIf ? " (what-if split)" : ""}` : "Capacity";
  const planItems = next.plan ? [...next.plan.proposed.items, ...next.plan.doesNotFit].map((id) => byId.get(id)).map((item) => item && [item.title, item.file, item.line, item.track, item.estimate]) : [];
  if (changed(capacityBody, JSON.stringify([next.plan, planItems]))) fill(capacityBody, ...capacitySection(next.plan, (id) => byId.get(id), openItem, pillarTitle));
  at = step("capacity", at);
  backlogs.render();
  at = step("backlogs", at);
  backlogs.renderDetails();
  step("details", at);
  state.folder = next.folder;
  state.sprint = next.sprint;
  state.model = next.scoring.whatIf ? next.scoring.model : null;
  state.split = next.plan?.whatIf ? next.plan.target : null;
  save();
  document.body.dataset.generation = String(next.generation);
  document.body.dataset.renderMs = (performance.now() - started).toFixed(1);
}

/** The score terms of an item, answering `explain`. */
export const planBreakdown = (uid: string, generation: number, terms: Parameters<Backlogs["breakdown"]>[2]): void => backlogs.breakdown(uid, generation, terms);

/** The breakdown's hint before any model came. */
export const initPlan = (): void => backlogs.renderDetails();
