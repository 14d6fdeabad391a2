/**
 * The Review tab's charts, plain SVG built with DOM APIs (theme colours come
 * from CSS classes, every label is a text node): what each track committed and
 * did, the realised split against its target, and the trend of the realised
 * strategic share per sprint against its target line, velocity beside it.
 */
import type { SprintReview, TrendPoint } from "../protocol";
import { TRACK_NAMES } from "./capacity";
import { num, s } from "./dom";

const TRACKS = ["strategic", "tactical"] as const;
const W = 560;
const LABEL = 92;
const BAR = 18;
const GAP = 14;

/** `57.1%`, or `–` for no value. */
export const pct = (value: number | null): string => (value === null ? "–" : `${num(value, 1)}%`);

/** The accessible summary of the delivery chart: every number it draws. */
export function deliveryLabel(review: SprintReview): string {
  const tracks = TRACKS.map((track) => `${TRACK_NAMES[track]}: ${num(review.done[track])} of ${num(review.committed[track])} committed units done (${pct(review.completion[track])})`);
  const share = review.realisedShare.strategic === null ? "nothing done" : `${pct(review.realisedShare.strategic)} strategic, ${pct(review.realisedShare.tactical)} tactical`;
  return `Sprint ${review.sprint}. ${tracks.join("; ")}. Realised split: ${share} against a ${review.target.strategic}/${review.target.tactical} target.`;
}

/** Committed (outlined) and done (solid) units per track on one scale, and the realised split against the target. */
export function deliveryChart(review: SprintReview): SVGElement {
  const max = Math.max(1, ...TRACKS.map((track) => Math.max(review.committed[track], review.done[track])));
  const width = W - LABEL - 8;
  const scale = (units: number) => (Math.max(0, units) / max) * width;
  const svg = s("svg", { viewBox: `0 0 ${W} ${3 * (BAR + GAP) + 22}`, class: "chart delivery", role: "img", "aria-label": deliveryLabel(review), preserveAspectRatio: "xMinYMin meet" });
  TRACKS.forEach((track, i) => {
    const y = i * (BAR + GAP) + 4;
    svg.append(
      s("text", { x: 0, y: y + BAR - 5, class: "label" }, TRACK_NAMES[track]),
      s("rect", { x: LABEL, y, width, height: BAR, class: "track-bg" }),
      s("rect", { x: LABEL, y, width: scale(review.committed[track]), height: BAR, class: `committed stroke-${track}` }, s("title", {}, `${TRACK_NAMES[track]} committed: ${num(review.committed[track])}`)),
      s("rect", { x: LABEL, y: y + 4, width: scale(review.done[track]), height: BAR - 8, class: `fill-${track}` }, s("title", {}, `${TRACK_NAMES[track]} done: ${num(review.done[track])}`)),
    );
  });
  const y = 2 * (BAR + GAP) + 8;
  const strategic = review.realisedShare.strategic;
  const target = LABEL + (review.target.strategic / 100) * width;
  svg.append(
    s("text", { x: 0, y: y + BAR - 5, class: "label" }, "Realised"),
    s("rect", { x: LABEL, y, width, height: BAR, class: "track-bg" }),
    ...(strategic === null
      ? []
      : [s("rect", { x: LABEL, y, width: (strategic / 100) * width, height: BAR, class: "fill-strategic" }), s("rect", { x: LABEL + (strategic / 100) * width, y, width: ((100 - strategic) / 100) * width, height: BAR, class: "fill-tactical" })]),
    s("line", { x1: target, x2: target, y1: y - 4, y2: y + BAR + 4, class: "marker target" }, s("title", {}, `Target ${review.target.strategic}% strategic`)),
    s("text", { x: LABEL + 4, y: y + BAR + 16, class: "small" }, strategic === null ? `Nothing done (target ${review.target.strategic}/${review.target.tactical})` : `${pct(strategic)} strategic · ${pct(review.realisedShare.tactical)} tactical (target ${review.target.strategic}/${review.target.tactical})`),
  );
  return svg;
}

/** The accessible summary of the trend chart. */
export function trendLabel(trend: readonly TrendPoint[]): string {
  const points = trend.map((point) => `${point.sprint}: ${point.realisedShare.strategic === null ? "nothing done" : `${pct(point.realisedShare.strategic)} strategic`} (target ${point.target}%), velocity ${num(point.velocity)}`);
  return `Realised strategic share and velocity of the last ${trend.length === 1 ? "ended sprint" : `${trend.length} ended sprints`}, oldest first. ${points.join("; ")}.`;
}

const TOP = 28;
const H = 104;
const SHARE = { x: 34, w: 300 };
const VELOCITY = { x: 370, w: 186 };

/** A sprint's label under its slot: the id, or its last part (`s13` of `2026-s13`) where slots are narrow. */
const slotLabel = (id: string, slot: number) => (slot >= 56 || id.length <= 5 ? id : id.includes("-") ? id.slice(id.lastIndexOf("-") + 1).slice(-6) : id.slice(-4));

/** Bars of the realised strategic share with the target as a dashed step line, and the velocity bars beside them. */
export function trendChart(trend: readonly TrendPoint[]): SVGElement {
  const svg = s("svg", { viewBox: `0 0 ${W} ${TOP + H + 34}`, class: "chart trend", role: "img", "aria-label": trendLabel(trend), preserveAspectRatio: "xMinYMin meet" });
  const y = (percent: number) => TOP + H - (Math.max(0, Math.min(100, percent)) / 100) * H;
  const base = TOP + H;
  svg.append(
    s("text", { x: SHARE.x, y: 10, class: "small" }, "Strategic share of done units"),
    s("text", { x: VELOCITY.x, y: 10, class: "small" }, "Velocity (done units)"),
    ...[0, 50, 100].flatMap((tick) => [s("line", { x1: SHARE.x, x2: SHARE.x + SHARE.w, y1: y(tick), y2: y(tick), class: "grid-line" }), s("text", { x: SHARE.x - 4, y: y(tick) + 4, class: "small axis" }, `${tick}%`)]),
    s("line", { x1: VELOCITY.x, x2: VELOCITY.x + VELOCITY.w, y1: base, y2: base, class: "grid-line" }),
  );
  const slot = SHARE.w / Math.max(1, trend.length);
  const bar = Math.min(30, slot * 0.6);
  const steps: string[] = [];
  trend.forEach((point, i) => {
    const left = SHARE.x + i * slot;
    const mid = left + slot / 2;
    const share = point.realisedShare.strategic;
    if (share !== null) svg.append(s("rect", { x: mid - bar / 2, y: y(share), width: bar, height: base - y(share), class: "fill-strategic" }, s("title", {}, `${point.sprint}: ${pct(share)} strategic (target ${point.target}%)`)));
    svg.append(
      s("text", { x: mid, y: share === null ? base - 4 : Math.max(TOP - 2, y(share) - 4), class: "small value", "text-anchor": "middle" }, share === null ? "–" : pct(share)),
      s("text", { x: mid, y: base + 14, class: "small", "text-anchor": "middle" }, slotLabel(point.sprint, slot)),
    );
    steps.push(`${left + 2},${y(point.target)} ${left + slot - 2},${y(point.target)}`);
  });
  if (steps.length) svg.append(s("polyline", { points: steps.join(" "), class: "marker target", fill: "none" }, s("title", {}, "Target strategic share")));

  const most = Math.max(1, ...trend.map((point) => point.velocity));
  const vslot = VELOCITY.w / Math.max(1, trend.length);
  const vbar = Math.min(22, vslot * 0.6);
  trend.forEach((point, i) => {
    const mid = VELOCITY.x + i * vslot + vslot / 2;
    const height = (Math.max(0, point.velocity) / most) * (H - 14);
    svg.append(
      s("rect", { x: mid - vbar / 2, y: base - height, width: vbar, height, class: "fill-velocity" }, s("title", {}, `${point.sprint}: velocity ${num(point.velocity)}`)),
      s("text", { x: mid, y: base - height - 4, class: "small value", "text-anchor": "middle" }, num(point.velocity)),
      s("text", { x: mid, y: base + 14, class: "small", "text-anchor": "middle" }, slotLabel(point.sprint, vslot)),
    );
  });
  return svg;
}
