/**
 * A key result's two small pictures, SVG built with DOM APIs (colours from CSS
 * classes): the baseline → current → target bar (progress, with the part
 * beyond the target or the wrong way shown past the ends), and the sparkline
 * of its `history` against the target. Each carries its numbers as a label.
 */
import type { KeyResult, Reading } from "../protocol";
import { num, s } from "./dom";
import { shortDate } from "../core/plan/sprint-state";

/** One formatter for every figure: `toLocaleString` builds a new one per call, hundreds of times a render. */
const FIGURE = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/** A number for reading: up to two decimals, thousands grouped (`48,000`). */
export function figure(value: number): string {
  return Number.isFinite(value) ? FIGURE.format(value) : "–";
}

/** A value with its unit: `2.4%`, `48,000 USD/month`, or the bare number; `–` for none. */
export function withUnit(value: number | null, unit: string | null): string {
  if (value === null) return "–";
  if (!unit) return figure(value);
  return isPercent(unit) ? `${figure(value)}%` : `${figure(value)} ${unit}`;
}

const isPercent = (unit: string) => unit === "%" || unit === "percent";

/** Baseline → current → target with the unit once (`48,000 → 56,200 → 75,000 USD/month`; percentages keep theirs: `9.5% → 11.2% → 14%`). */
export function rangeText(kr: KeyResult): string {
  const unit = kr.unit && isPercent(kr.unit) ? kr.unit : null;
  const values = [kr.baseline, kr.current, kr.target].map((value) => withUnit(value, unit)).join(" → ");
  return kr.unit && !unit ? `${values} ${kr.unit}` : values;
}

const BAR_W = 220;
const BAR_H = 22;
const PAD = 6;

/** The bar's words: `baseline 2.4 → now 2.1 → target 1.6 (37.5% of the way)`. */
export function rangeLabel(kr: KeyResult): string {
  const way = kr.progress === null ? (kr.progressNote ?? "no progress") : `${num(kr.progress, 1)}% of the way`;
  return `${kr.title}: baseline ${withUnit(kr.baseline, kr.unit)} → now ${withUnit(kr.current, kr.unit)} → target ${withUnit(kr.target, kr.unit)} (${way})`;
}

/** Baseline at the left tick, target at the right one, the fill up to the current value; beyond 100% or under 0% runs past a tick. */
export function rangeBar(kr: KeyResult): SVGElement {
  const p = kr.progress;
  const lo = Math.max(-50, Math.min(0, p ?? 0));
  const hi = Math.min(150, Math.max(100, p ?? 100));
  const x = (v: number) => PAD + ((Math.max(lo, Math.min(hi, v)) - lo) / (hi - lo)) * (BAR_W - 2 * PAD);
  const svg = s("svg", { viewBox: `0 0 ${BAR_W} ${BAR_H}`, class: "chart range", role: "img", "aria-label": rangeLabel(kr), preserveAspectRatio: "xMinYMid meet" });
  const y = 6;
  const h = 10;
  svg.append(s("rect", { x: x(0), y, width: x(100) - x(0), height: h, class: "track-bg" }));
  if (p !== null) {
    const [from, to] = p < 0 ? [x(p), x(0)] : [x(0), x(p)];
    svg.append(s("rect", { x: from, y, width: Math.max(1, to - from), height: h, class: p < 0 ? "fill-wrong" : "fill-progress" }));
  }
  svg.append(
    s("line", { x1: x(0), x2: x(0), y1: 2, y2: BAR_H - 2, class: "tick" }, s("title", {}, `Baseline ${withUnit(kr.baseline, kr.unit)}`)),
    s("line", { x1: x(100), x2: x(100), y1: 2, y2: BAR_H - 2, class: "marker target" }, s("title", {}, `Target ${withUnit(kr.target, kr.unit)}`)),
  );
  if (p !== null) svg.append(s("line", { x1: x(p), x2: x(p), y1: 1, y2: BAR_H - 1, class: "marker current" }, s("title", {}, `Now ${withUnit(kr.current, kr.unit)}`)));
  return svg;
}

const SPARK_W = 120;
const SPARK_H = 30;

/** Days since 1970 of a `YYYY-MM-DD` date (NaN when it is not one). */
export const dayNumber = (date: string): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;

/** The sparkline's words: every reading. */
export function sparkLabel(kr: KeyResult, readings: readonly Reading[]): string {
  const list = readings.map((reading) => `${shortDate(reading.date) ?? reading.date} ${withUnit(reading.value, kr.unit)}`);
  return `${kr.title}: ${readings.length === 1 ? "one reading" : `${readings.length} readings`}: ${list.join("; ")}${kr.target === null ? "" : `; target ${withUnit(kr.target, kr.unit)}`}`;
}

/** The readings over time (by date), the target as a dashed line; null without a reading. */
export function sparkline(kr: KeyResult): SVGElement | null {
  const readings = kr.history.filter((reading) => Number.isFinite(reading.value) && Number.isFinite(dayNumber(reading.date)));
  if (!readings.length) return null;
  const values = readings.map((reading) => reading.value);
  if (kr.target !== null) values.push(kr.target);
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (min === max) [min, max] = [min - 1, max + 1];
  const first = dayNumber(readings[0].date);
  const span = dayNumber(readings[readings.length - 1].date) - first;
  const x = (reading: Reading, i: number) => 3 + (span > 0 ? (dayNumber(reading.date) - first) / span : readings.length > 1 ? i / (readings.length - 1) : 0.5) * (SPARK_W - 6);
  const y = (value: number) => 3 + (1 - (value - min) / (max - min)) * (SPARK_H - 6);
  const svg = s("svg", { viewBox: `0 0 ${SPARK_W} ${SPARK_H}`, class: "chart spark", role: "img", "aria-label": sparkLabel(kr, readings), preserveAspectRatio: "xMinYMid meet" });
  if (kr.target !== null) svg.append(s("line", { x1: 0, x2: SPARK_W, y1: y(kr.target), y2: y(kr.target), class: "marker target" }));
  const points = readings.map((reading, i) => `${x(reading, i).toFixed(1)},${y(reading.value).toFixed(1)}`);
  if (readings.length > 1) svg.append(s("polyline", { points: points.join(" "), class: "spark-line", fill: "none" }));
  const last = readings[readings.length - 1];
  svg.append(s("circle", { cx: x(last, readings.length - 1), cy: y(last.value), r: 2.5, class: "spark-dot" }, s("title", {}, `${shortDate(last.date) ?? last.date}: ${withUnit(last.value, kr.unit)}`)));
  return svg;
}
