/**
 * The KPI report (SPEC §8, `kpis --format json`): every pillar as an objective
 * with its KPIs as key results, and the KPIs of no pillar.
 */
import type { Item } from "../model/item";
import { itemTitle } from "../parse/title";
import { round1 } from "../plan/allocation";
import { keyResultOf, kpiProgress, type KpiSource } from "./key-result";
import type { KeyResult, KpiReport, Objective } from "./types";

/** Options of {@link buildKpiReport}. */
export interface KpiReportOptions {
  /** `YYYY-MM-DD` for staleness and pace; the workspace's today by default. */
  today?: string;
}

/**
 * Every pillar (by id; of two with one id, the first in document order) as an
 * objective whose key results are its `kpis` and the KPIs naming it (by id),
 * and `unattached`, the KPIs of no objective (by id).
 */
export function buildKpiReport(source: KpiSource, options: KpiReportOptions = {}): KpiReport {
  const { index } = source;
  const today = options.today ?? source.todayIso?.();
  const results = new Map<Item, KeyResult>();
  const resultOf = (kpi: Item): KeyResult => {
    let result = results.get(kpi);
    if (!result) results.set(kpi, (result = keyResultOf(source, kpi, today)));
    return result;
  };
  const objectives: Objective[] = [];
  for (const pillar of index.sortedOfKind("pillar")) {
    if (index.find(pillar.id, ["pillar"]) !== pillar) continue;
    const kpis = index.kpisOf(pillar).sort(byKpiId);
    objectives.push({ pillar: pillar.id, title: itemTitle(pillar), progress: objectiveProgress(kpis), keyResults: kpis.map(resultOf) });
  }
  const unattached = index.sortedOfKind("kpi").filter((kpi) => !results.has(kpi)).map(resultOf);
  return { objectives, unattached };
}

/**
 * The mean progress of key results that have one, each capped to 0..100 and
 * taken unrounded; null when none has one.
 */
function objectiveProgress(kpis: readonly Item[]): number | null {
  let sum = 0;
  let count = 0;
  for (const kpi of kpis) {
    const progress = kpiProgress(kpi);
    if (!("value" in progress)) continue;
    sum += Math.min(100, Math.max(0, progress.value));
    count++;
  }
  return count ? round1(sum / count) : null;
}

/** By id, case-insensitive first, then as written. */
function byKpiId(a: Item, b: Item): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
