/**
 * The words and checks of "Record KPI Reading…" apart from VS Code, so that
 * unit tests run them: reading the typed value, why one is refused, and what
 * the prompt and the KPI picker say about a key result.
 */
import { clip, kpiProgressLabel, type KeyResult } from "../core/index";

/** A number as typed: `2.1`, `-3`, `+4`, `.5`, `1e3` (a point for decimals). */
const NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i;

/** A value as the sentences write it (2.1, not 2.1000000000000001), with its unit: `2.1%`, `420 accounts`. */
export function withUnit(value: number, unit: string | null): string {
  const number = String(Number(value.toPrecision(12)));
  if (!unit) return number;
  return unit === "%" ? `${number}%` : `${number} ${clip(unit, 24)}`;
}

/**
 * The typed value as a finite number, or undefined when it is not one. Spaces
 * around it and the KPI's own unit after it (`2.1%`, `420 accounts`) are allowed.
 */
export function parseReading(text: string, unit: string | null = null): number | undefined {
  let typed = text.trim();
  const suffix = unit?.trim();
  if (suffix && typed.toLowerCase().endsWith(suffix.toLowerCase())) typed = typed.slice(0, typed.length - suffix.length).trim();
  if (!NUMBER.test(typed)) return undefined;
  const value = Number(typed);
  return Number.isFinite(value) ? value : undefined;
}

/** Why a typed value cannot be recorded, in words for the input box; undefined when it can. */
export function readingProblem(text: string, unit: string | null = null): string | undefined {
  if (!text.trim()) return "Type the value measured today, a number such as 2.1";
  if (parseReading(text, unit) !== undefined) return undefined;
  const typed = clip(text.trim(), 40);
  if (/^[-+]?\d+,\d+$/.test(text.trim())) return `'${typed}' has a decimal comma: write it with a point, e.g. ${text.trim().replace(",", ".")}`;
  return `'${typed}' is not a number: type digits, with a point for decimals (e.g. 2.1)${unit ? `, in ${clip(unit, 24)}` : ""}`;
}

/** The input box's prompt: the day, the unit, the current value (and when it was measured) and the target. */
export function readingPrompt(result: KeyResult, today: string): string {
  const facts = [
    result.current !== null ? `now ${withUnit(result.current, result.unit)}${result.measured ? ` (measured ${result.measured})` : ""}` : "no current value yet",
    result.target !== null ? `target ${withUnit(result.target, result.unit)}${result.direction === "down" ? " (lower is better)" : ""}` : "no target",
  ];
  return `Value of '${clip(result.id, 60)}' on ${today}${result.unit ? ` in ${clip(result.unit, 24)}` : ""}: ${facts.join(", ")}. It is added to history and becomes current and measured.`;
}

/** What the KPI picker says of a key result: its values and progress in one line. */
export function kpiPickDetail(result: KeyResult): string {
  const values = [
    result.current !== null ? `now ${withUnit(result.current, result.unit)}` : "no current value",
    result.target !== null ? `target ${withUnit(result.target, result.unit)}` : "no target",
    result.measured ? `measured ${result.measured}` : "never measured",
  ];
  return `${values.join(" · ")} — ${kpiProgressLabel(result)}`;
}
