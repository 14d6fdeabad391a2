/**
 * One objective of the KPIs tab as DOM: its title (opens the pillar) and
 * progress, then each key result — the baseline → current → target bar with
 * the progress, pace, confidence, a sparkline of the readings, staleness in
 * words, and the work that moves it (each name opens its document).
 */
import type { KeyResult, Objective } from "../protocol";
import { h, num, plural } from "./dom";
import { dayNumber, rangeBar, rangeText, sparkline } from "./kpi-charts";
import { moreText, type Links } from "./links";
import { shortDate } from "../core/plan/sprint-state";

/** Items named under a KPI before the rest is counted (the model locates as many). */
const LISTED = 12;
const PACE_WORDS = { ahead: "ahead of pace", "on-pace": "on pace", behind: "behind pace" } as const;

/** What rendering a key result needs besides it. */
export interface KeyResultContext {
  links: Links;
  /** `YYYY-MM-DD`, and config `review.kpiMaxAgeDays`, for the staleness sentence. */
  today: string;
  maxAgeDays: number;
  /** Runs when a KPI is opened (to remember it). */
  opened(id: string): void;
}

/** `Measured 2 Nov 2026, 28 days ago`, or why it is stale: `Stale: last measured 2 Sep 2026, 89 days ago (more than 45)`. */
export function measuredText(kr: KeyResult, today: string, maxAgeDays: number): string {
  if (!kr.measured) return kr.stale ? "Stale: never measured" : "Not measured yet";
  const age = Math.round(dayNumber(today) - dayNumber(kr.measured));
  const when = `${shortDate(kr.measured) ?? kr.measured}${Number.isFinite(age) && age >= 0 ? `, ${plural(age, "day")} ago` : ""}`;
  return kr.stale ? `Stale: last measured ${when} (more than ${maxAgeDays})` : `Measured ${when}`;
}

/** The progress in words: `37.5%`, `112% (beyond target)`, `−20% (the wrong way)`, or why there is none. */
export function progressText(progress: number | null, note: string | null): string {
  if (progress === null) return note ?? "no progress";
  return `${num(progress, 1)}%${progress > 100 ? " (beyond target)" : progress < 0 ? " (the wrong way)" : ""}`;
}

let sections = 0;

/** An objective's section: heading (title and progress) and its key results. */
export function objectiveSection(objective: Objective, context: KeyResultContext): HTMLElement {
  const id = `objective-h-${++sections}`;
  const meter = h("span", { class: "meter", attrs: { "aria-hidden": "true" } }, h("span"));
  // CSSOM, not a style attribute (the CSP allows no inline styles).
  (meter.firstChild as HTMLElement).style.width = `${Math.max(0, Math.min(100, objective.progress ?? 0))}%`;
  const progress = objective.progress !== null ? `${num(objective.progress, 1)}%` : objective.keyResults.length ? "no key result has a progress yet" : "no key results";
  return h(
    "section",
    { class: "objective", attrs: { "aria-labelledby": id } },
    h("h2", { attrs: { id } }, context.links.button(objective.pillar, objective.title), h("span", { class: "objective-progress" }, meter, progress)),
    objective.keyResults.length ? keyResultList(objective.keyResults, context, `Key results of ${objective.title}`) : h("p", { class: "muted" }, `No KPI yet: add one with \`pillar: ${objective.pillar}\`.`),
  );
}

/** The KPIs of no pillar, as a section like an objective's. */
export function unattachedSection(list: readonly KeyResult[], context: KeyResultContext): HTMLElement {
  return h("section", { class: "objective", attrs: { "aria-labelledby": "kpis-none-h" } }, h("h2", { attrs: { id: "kpis-none-h" } }, "KPIs of no pillar"), keyResultList(list, context, "KPIs of no pillar"));
}

function keyResultList(list: readonly KeyResult[], context: KeyResultContext, label: string): HTMLElement {
  return h("ul", { class: "key-results", attrs: { "aria-label": label } }, ...list.map((kr) => keyResult(kr, context)));
}

function keyResult(kr: KeyResult, context: KeyResultContext): HTMLElement {
  const { links } = context;
  const pace = kr.pace ? PACE_WORDS[kr.pace] : null;
  return h(
    "li",
    { class: "kr", data: { id: kr.id } },
    h(
      "div",
      { class: "kr-title" },
      links.button(kr.id, kr.title, () => context.opened(kr.id)),
      h("span", { class: "muted" }, ` ${kr.id}`),
      kr.level === "tactical" ? h("span", { class: "tag", attrs: { title: "level: tactical — a channel metric, not a strategic outcome" } }, "tactical") : null,
      kr.stale ? h("span", { class: "tag stale" }, "stale") : null,
    ),
    h("div", { class: "kr-range" }, rangeBar(kr), h("div", { class: "small muted" }, `${rangeText(kr)}${kr.direction === "down" ? " (lower is better)" : ""}`)),
    h(
      "div",
      { class: "kr-figures" },
      h("strong", { class: `progress${kr.progress !== null && kr.progress < 0 ? " wrong-way" : ""}` }, progressText(kr.progress, kr.progressNote)),
      pace ? h("span", { class: `pace ${kr.pace}` }, ` · ${pace}`) : null,
      kr.due ? h("span", { class: "muted" }, ` · due ${shortDate(kr.due) ?? kr.due}`) : null,
      kr.confidence !== null ? h("span", {}, ` · confidence ${num(kr.confidence)}%`) : null,
    ),
    h("div", { class: "kr-spark" }, sparkline(kr) ?? h("span", { class: "muted small" }, "no readings")),
    h(
      "div",
      { class: "kr-more" },
      h("span", { class: kr.stale ? "stale-text" : "muted" }, measuredText(kr, context.today, context.maxAgeDays)),
      h("span", { class: "muted" }, " · moved by "),
      kr.movedBy.length ? null : h("span", { class: "muted" }, "no initiative or tactic yet"),
      ...kr.movedBy.slice(0, LISTED).flatMap((id, i) => [i ? ", " : null, links.button(id)]),
      kr.movedBy.length > LISTED ? h("span", { class: "muted" }, ` ${moreText(LISTED, kr.movedBy.length)}`) : null,
    ),
  );
}
