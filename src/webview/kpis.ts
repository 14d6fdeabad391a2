/**
 * The KPIs tab: each pillar as an objective with its KPIs as key results
 * (key-results.ts), then the KPIs of no pillar, all from the core's KPI report
 * (SPEC §8). The objective filter and the KPI last opened are kept in the view
 * state. Hundreds of objectives stay quick: an objective that did not change
 * keeps its DOM, and a long report is added in slices of a few milliseconds,
 * one per frame, the first before the first paint.
 */
import type { KpiTabModel } from "../protocol";
import { save, state } from "./api";
import { changed, fill, h, options, plural, prose } from "./dom";
import { objectiveSection, unattachedSection, type KeyResultContext } from "./key-results";
import { Links } from "./links";

/** The filter value of the KPIs of no pillar. */
const UNATTACHED = "(none)";
/** Milliseconds of DOM building before the first paint, then per frame. */
const FIRST_SLICE_MS = 10;
const SLICE_MS = 10;

export class KpisTab {
  readonly el = h("section", { class: "panel kpis" });
  private readonly filter = h("select", { attrs: { "aria-label": "Objective filter" }, on: { change: () => this.setFilter(this.filter.value) } });
  private readonly summary = h("span", { class: "muted summary" });
  private readonly body = h("div", { class: "kpis-body" });
  private model: KpiTabModel | undefined;
  /** Sections by what they show (an objective's JSON), and what they depend on besides it. */
  private sections = new Map<string, HTMLElement>();
  private sectionContext = "";
  /** The next slice, as a frame request then a task (so that each slice follows a paint). */
  private slice = { frame: 0, task: undefined as ReturnType<typeof setTimeout> | undefined };

  constructor() {
    this.el.append(h("header", { class: "toolbar" }, h("div", { class: "row-1" }, h("label", { class: "field" }, "Show ", this.filter), this.summary)), this.body);
    fill(this.body, h("p", { class: "muted" }, "Loading the KPIs…"));
  }

  private setFilter(value: string): void {
    state.kpis.pillar = value;
    save();
    if (this.model) this.renderBody(this.model, true);
  }

  /** Renders a KPI model (objectives that did not change keep their DOM). */
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

  /** Marks the KPI last opened, and remembers it. */
  private opened(id: string): void {
    state.kpis.selected = id;
    save();
    this.markSelected(this.body);
  }

  private markSelected(root: ParentNode): void {
    const selected = state.kpis.selected?.toLowerCase();
    for (const li of root.querySelectorAll<HTMLElement>(".kr")) li.classList.toggle("selected", li.dataset.id?.toLowerCase() === selected);
  }

  private renderBody(model: KpiTabModel, force: boolean): void {
    const { generation, ...shown } = model;
    if (!changed(this.body, JSON.stringify([shown, state.kpis.pillar])) && !force) return;
    cancelAnimationFrame(this.slice.frame);
    clearTimeout(this.slice.task);
    const { objectives, unattached } = model.report;
    if (!objectives.length && !unattached.length) {
      fill(this.body, h("p", { class: "empty" }, ...prose("No KPIs yet: a document with `type: kpi`, a `baseline`, `current` and `target` becomes a key result of its pillar.")));
      document.body.dataset.kpisComplete = String(generation);
      return;
    }
    // A section shows its objective, and the locations, day and age limit of the model: when those change, all are rebuilt.
    const context: KeyResultContext = { links: new Links(model.locations), today: model.today, maxAgeDays: model.maxAgeDays, opened: (id) => this.opened(id) };
    const contextKey = JSON.stringify([model.locations, model.today, model.maxAgeDays]);
    if (contextKey !== this.sectionContext) this.sections.clear();
    this.sectionContext = contextKey;
    const wanted = state.kpis.pillar;
    const parts: Array<[string, () => HTMLElement]> = (wanted === UNATTACHED ? [] : objectives.filter((objective) => !wanted || objective.pillar.toLowerCase() === wanted)).map((objective) => [JSON.stringify(objective), () => objectiveSection(objective, context)]);
    if (unattached.length && (!wanted || wanted === UNATTACHED)) parts.push([JSON.stringify(unattached), () => unattachedSection(unattached, context)]);
    const kept = new Map<string, HTMLElement>();
    this.body.replaceChildren();
    let next = 0;
    const add = (budget: number) => {
      const until = performance.now() + budget;
      const fragment = document.createDocumentFragment();
      do {
        const [key, build] = parts[next++];
        const section = this.sections.get(key) ?? build();
        kept.set(key, section);
        fragment.appendChild(section);
      } while (next < parts.length && performance.now() < until);
      this.markSelected(fragment);
      this.body.appendChild(fragment);
      if (next < parts.length) {
        this.slice.frame = requestAnimationFrame(() => {
          this.slice.task = setTimeout(() => add(SLICE_MS), 0);
        });
        return;
      }
      this.sections = kept;
      document.body.dataset.kpisComplete = String(generation);
    };
    add(FIRST_SLICE_MS);
  }
}
