/**
 * Recording a KPI reading ("Record KPI reading…", SPEC §8): one edit of the
 * KPI's file that appends `{date, value}` to `history` and sets `current` and
 * `measured`, keeping comments, key order and line endings.
 */
import type { FileChange, TextEdit } from "../model/issue";
import type { Item } from "../model/item";
import { parseDay } from "../plan/sprint-state";
import { setField, type EditChange } from "../rules/edits";
import { appendToList } from "../rules/list-edits";

/** A number as YAML writes it: `2.1`, `-3`, `1e+21`. */
function yamlNumber(value: number): string {
  return Object.is(value, -0) ? "0" : String(value);
}

/**
 * The change that records `value` as the KPI's reading of `today`
 * (`YYYY-MM-DD`): `{date: today, value}` appended to `history` (created as a
 * block list when there is none; a flow list stays flow), `current: value`
 * and `measured: today`. Undefined when the value is not a finite number,
 * `today` is not a day, or the file cannot be edited there (a `history` that
 * is not a list, an alias).
 */
export function recordReading(kpi: Item, value: number, today: string): FileChange | undefined {
  if (!Number.isFinite(value) || !parseDay(today)) return undefined;
  const number = yamlNumber(value);
  // The history entry first: when keys are added at the same point (the end of the item), it stays under `history:`.
  const changes = [
    appendToList(kpi, "history", [["date", today], ["value", number]], true),
    setField(kpi, "current", number),
    setField(kpi, "measured", today),
  ];
  if (changes.some((change) => change === undefined)) return undefined;
  const edits: TextEdit[] = (changes as EditChange[]).flatMap((change) => change.edits);
  return { kind: "edit", file: kpi.file, edits };
}
