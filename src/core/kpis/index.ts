/** KPIs as OKR key results and pillars as objectives (SPEC §8). */
export type { KeyResult, KpiReport, Objective, Pace, Reading } from "./types";
export { keyResultOf, movedBy, paceOf, progressOf, type KpiSource } from "./key-result";
export { buildKpiReport, type KpiReportOptions } from "./report";
export { recordReading } from "./record";
export { kpiProgressLabel, keyResultSentences, paceWords } from "./label";
