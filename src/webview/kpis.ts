/**
 * The KPIs tab: each pillar as an objective (title, progress) with its KPIs as
 * key results — the baseline → current → target bar with the progress, pace,
 * confidence, a sparkline of the readings, staleness in words, and the work
 * that moves each KPI — then the KPIs of no pillar. All from the core's KPI
 * report (SPEC §8); a click on a KPI or an item opens its document. The
 * objective filter and the last KPI opened are kept in the view state.
 */
import type { KeyResult, KpiTabModel, Objective } from "../protocol";
import { save, state } from "./api";
import { changed, fill, h, num, options, plural } from "./dom";
import { dayNumber, rangeBar, rangeText, sparkline } from "./kpi-charts";
import { Links, moreText } from "./links";
import { shortDate } from "../core/plan/sprint-state";

/** Items named under a KPI before the rest is counted (the model locates as many). */
const LISTED = 12;
/** The filter value of the KPIs of no pillar. */
const UNATTACHED = "(none)";
const PACE_WORDS = { ahead: "ahead of pace", "on-pace": "on pace", behind: "behind pace" } as const;

/** `Measured 2 Nov 2026`, or why it is stale: `Stale: last measured 2 Sep 2026, 89 days ago (over 45)`. */
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

export class KpisTab {
  readonly el = h("section", { class: "panel kpis" });
  private readonly filter = h("select", { attrs: { "aria-label": "Objective filter" }, on: { change: () => this.setFilter(this.filter.value) } });
  private readonly summary = h("span", { class: "muted summary" });
  private readonly body = h("div", { class: "kpis-body" });
  private model: KpiTabModel | undefined;

  constructor() {
    this.el.append(h("header", { class: "toolbar" }, h("div", { class: "row-1" }, h("label", { class: "field" }, "Show ", this.filter), this.summary)), this.body);
    fill(this.body, h("p", { class: "muted" }, "Loading the KPIs…"));
  }

  private setFilter(value: string): void {
    state.kpis.pillar = value;
    save();
    if (this.model) this.renderBody(this.model, true);
  }

  /** Renders a KPI model (unchanged parts are left as they are). */
  render(model: KpiTabModel): void {
    this.model = model;
    const { objectives, unattached } = model.report;
    const entries: Array<[string, string]> = [["", "All objectives"], ...objectives.map((objective): [string, string] => [objective.pillar.toLowerCase(), objective.title])];
    if (unattached.length) entries.push([UNATTACHED, "KPIs of no pillar"]);
    options(this.filter, entries, state.kpis.pillar);
    state.kpis.pillar = this.filter.value;
    const all = [...objectives.flatMap((objective) => objective.keyResults), ...unattached];
    const stale = all.filter((kr) => kr.stale).length;
    const behind = all.filter((kr) => kr.pace === "behind").length;
    this.summary.textContent = `${plural(objectives.length, "objective")} · ${plural(all.length, "key result")} · ${stale} stale · ${behind} behind pace`;
    this.renderBody(model, false);
  }

  private renderBody(model: KpiTabModel, force: boolean): void {
    const { generation: _generation, ...shown } = model;
    if (!changed(this.body, JSON.stringify([shown, state.kpis.pillar])) && !force) return;
    const links = new Links(model.locations);
    const { objectives, unattached } = model.report;
    if (!objectives.length && !unattached.length) {
      fill(this.body, h("p", { class: "empty" }, "No KPIs yet: a document with `type: kpi`, a `baseline`, `current` and `target` becomes a key result of its pillar."));
      return;
    }
    const wanted = state.kpis.pillar;
    const shownObjectives = wanted === UNATTACHED ? [] : objectives.filter((objective) => !wanted || objective.pillar.toLowerCase() === wanted);
    fill(
      this.body,
      ...shownObjectives.map((objective, i) => this.objective(objective, i, model, links)),
      unattached.length && (!wanted || wanted === UNATTACHED)
        ? h("section", { class: "objective", attrs: { "aria-labelledby": "kpis-none-h" } }, h("h2", { attrs: { id: "kpis-none-h" } }, "KPIs of no pillar"), this.keyResults(unattached, model, links, "KPIs of no pillar"))
        : null,
    );
  }

  private objective(objective: Objective, i: number, model: KpiTabModel, links: Links): HTMLElement {
    const id = `objective-h-${i}`;
    const meter = h("span", { class: "meter", attrs: { "aria-hidden": "true" } }, h("span"));
    // CSSOM, not a style attribute (the CSP allows no inline styles).
    (meter.firstChild as HTMLElement).style.width = `${Math.max(0, Math.min(100, objective.progress ?? 0))}%`;
    return h(
      "section",
      { class: "objective", attrs: { "aria-labelledby": id } },
      h(
        "h2",
        { attrs: { id } },
        links.button(objective.pillar, objective.title),
        h("span", { class: "objective-progress" }, meter, objective.progress !== null ? `${num(objective.progress, 1)}%` : objective.keyResults.length ? "no key result has a progress yet" : "no key results"),
      ),
      objective.keyResults.length ? this.keyResults(objective.keyResults, model, links, `Key results of ${objective.title}`) : h("p", { class: "muted" }, "No KPI yet: add one with `pillar: " + objective.pillar + "`."),
    );
  }

  private keyResults(list: readonly KeyResult[], model: KpiTabModel, links: Links, label: string): HTMLElement {
    return h("ul", { class: "key-results", attrs: { "aria-label": label } }, ...list.map((kr) => this.keyResult(kr, model, links)));
  }

  private keyResult(kr: KeyResult, model: KpiTabModel, links: Links): HTMLElement {
    const selected = state.kpis.selected?.toLowerCase() === kr.id.toLowerCase();
    const remember = () => {
      state.kpis.selected = kr.id;
      save();
      for (const li of this.body.querySelectorAll(".kr.selected")) li.classList.remove("selected");
      for (const li of this.body.querySelectorAll<HTMLElement>(".kr")) if (li.dataset.id === kr.id) li.classList.add("selected");
    };
    const spark = sparkline(kr);
    const pace = kr.pace ? PACE_WORDS[kr.pace] : null;
    return h(
      "li",
      { class: `kr${selected ? " selected" : ""}`, data: { id: kr.id } },
      h(
        "div",
        { class: "kr-title" },
        links.button(kr.id, kr.title, remember),
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
      h("div", { class: "kr-spark" }, spark ?? h("span", { class: "muted small" }, "no readings")),
      h(
        "div",
        { class: "kr-more" },
        h("span", { class: kr.stale ? "stale-text" : "muted" }, measuredText(kr, model.today, model.maxAgeDays)),
        h("span", { class: "muted" }, " · moved by "),
        kr.movedBy.length ? null : h("span", { class: "muted" }, "no initiative or tactic yet"),
        ...kr.movedBy.slice(0, LISTED).flatMap((id, i) => [i ? ", " : null, links.button(id)]),
        kr.movedBy.length > LISTED ? h("span", { class: "muted" }, ` ${moreText(LISTED, kr.movedBy.length)}`) : null,
      ),
    );
  }
}
