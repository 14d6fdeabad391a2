/**
 * A key result in words: the one-line label the Strategy tree shows beside a
 * KPI, and the sentences of its hover. Plain text; the caller escapes it for
 * markdown.
 */
import { daysBetween, shortDate } from "../plan/sprint-state";
import type { KeyResult, Pace } from "./types";

const PACE_WORDS: Record<Pace, string> = { ahead: "ahead", "on-pace": "on pace", behind: "behind" };

/** A pace in words: "ahead", "on pace", "behind". */
export function paceWords(pace: Pace): string {
  return PACE_WORDS[pace];
}

/** A number as the sentences write it (no float noise: 2.1, not 2.1000000000000001). */
const num = (value: number): string => String(Number(value.toPrecision(12)));

/** `37.5% · on pace`, `112% · stale`, `no baseline`: a KPI's progress in one short line. */
export function kpiProgressLabel(result: KeyResult): string {
  const parts = [result.progress === null ? (result.progressNote ?? "no progress") : `${num(result.progress)}%`];
  if (result.pace) parts.push(paceWords(result.pace));
  if (result.stale) parts.push("stale");
  return parts.join(" · ");
}

/**
 * The hover's sentences about a key result, each one line:
 * "37.5% of the way from 2.4 to 1.6 (now 2.1, measured 2 Nov 2026)", then its
 * pace and confidence, its last reading, and whether it is stale.
 */
export function keyResultSentences(result: KeyResult, today?: string): string[] {
  const measured = shortDate(result.measured);
  const lines: string[] = [];
  const now = [result.current !== null ? `now ${num(result.current)}` : "", measured ? `measured ${measured}` : ""].filter(Boolean).join(", ");
  if (result.progress !== null && result.baseline !== null && result.target !== null) {
    lines.push(`${num(result.progress)}% of the way from ${num(result.baseline)} to ${num(result.target)}${now ? ` (${now})` : ""}`);
  } else {
    const known = [result.baseline !== null ? `baseline ${num(result.baseline)}` : "", now, result.target !== null ? `target ${num(result.target)}` : ""].filter(Boolean).join(", ");
    lines.push(`No progress yet: ${result.progressNote ?? "no values"}${known ? ` (${known})` : ""}`);
  }
  const outlook: string[] = [];
  const due = shortDate(result.due);
  if (result.pace && due) outlook.push(`${capitalize(paceWords(result.pace))} for ${due}`);
  else if (due) outlook.push(`Due ${due}`);
  if (result.confidence !== null) outlook.push(`confidence ${num(result.confidence)}%`);
  if (outlook.length) lines.push(capitalize(outlook.join(" · ")));
  const last = result.history[result.history.length - 1];
  // The last reading, unless the progress line already says it (then how far the history goes back).
  if (last && (last.value !== result.current || last.date !== result.measured)) lines.push(`Last reading: ${num(last.value)} on ${shortDate(last.date)}`);
  else if (last) lines.push(`History: ${result.history.length === 1 ? "1 reading" : `${result.history.length} readings`} since ${shortDate(result.history[0].date)}`);
  if (result.stale) lines.push(staleSentence(result, today));
  return lines;
}

function staleSentence(result: KeyResult, today?: string): string {
  if (!result.measured) return "Stale: never measured";
  return today ? `Stale: last measured ${daysBetween(result.measured, today)} days ago` : "Stale: measure it again";
}

function capitalize(text: string): string {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}
