/**
 * When an initiative or tactic runs (SPEC §9): its *span* is its own
 * `start`/`end` (only one of them: a one-day span on that date), else its
 * sprint's dates, else it is unscheduled; its `due` is a milestone. Dates are
 * calendar days as written — `2026-12-31T23:30:00-05:00` is 31 December,
 * whatever the clock's time zone — read with `dayOf`, never from local time.
 */
import type { Item } from "../model/item";
import type { StrategyIndex } from "../model/strategy-index";
import { dayOf } from "../plan/sprint-state";
import type { Span, SpanSource } from "./types";

/** Both days, or the one given as a one-day span; null for neither. */
function daysOf(data: Record<string, unknown>, from: SpanSource): Span | null {
  const start = dayOf(data.start);
  const end = dayOf(data.end);
  if (start && end) return end < start ? { start, end: start, from } : { start, end, from };
  const only = start ?? end;
  return only ? { start: only, end: only, from } : null;
}

/**
 * The span of an item: its own `start`/`end` (`from: "item"`), else the
 * `start`/`end` of the sprint it names (`from: "sprint"`), else null. An `end`
 * before `start` is a schema error that leaves `end` out of the item's data, so
 * such an item runs on its `start` only.
 */
export function spanOf(index: StrategyIndex, item: Item): Span | null {
  const own = daysOf(item.data, "item");
  if (own) return own;
  const ref = item.refs.find((r) => r.field === "sprint");
  const sprint = ref && index.resolve(ref).item;
  return sprint ? daysOf(sprint.data, "sprint") : null;
}

/** An item's milestone: its `due` day, or null. */
export function dueOf(item: Item): string | null {
  return dayOf(item.data.due);
}

/** Whether an item is still to do: neither done nor dropped. */
export function isOpen(item: Item): boolean {
  return item.data.status !== "done" && item.data.status !== "dropped";
}

/** Whether an item belongs on a roadmap or calendar at all: dropped work does not. */
export function isOnRoadmap(item: Item): boolean {
  return item.data.status !== "dropped";
}

/**
 * An item's channels as written, trimmed, each once (case-insensitive, the first
 * spelling kept): `channel` may be one text or a list of them; empty ones are none.
 */
export function channelsOf(item: Item): string[] {
  const value = item.data.channel;
  const list = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  const seen = new Set<string>();
  for (const entry of list) {
    if (typeof entry !== "string" || !entry.trim()) continue;
    const key = entry.trim().toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(entry.trim());
  }
  return out;
}

/** `status` as written, or null. */
export function statusOf(item: Item): string | null {
  return typeof item.data.status === "string" ? item.data.status : null;
}

/** Whether two spans share a day. */
export function overlaps(a: { start: string; end: string }, b: { start: string; end: string }): boolean {
  return a.start <= b.end && b.start <= a.end;
}
