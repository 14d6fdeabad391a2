/**
 * "Carry unfinished items to <sprint>" (issue 10): every open item of an ended
 * sprint moves to the current sprint, else the next — never to an ended one —
 * and names the old sprint in `carried`. One fix, its edits grouped by file,
 * so the editor applies it as one undoable edit; comments stay as written.
 */
import type { Fix, FileChange } from "../model/issue";
import type { Item } from "../model/item";
import { datedSprint, dayOf, hasEnded, plannableSprint, sprintStates } from "../plan/sprint-state";
import { setField, yamlScalar } from "../rules/edits";
import { appendToList } from "../rules/list-edits";
import type { StrategyWorkspace } from "../workspace";
import { isOpen } from "./tally";

/** Where the unfinished items of an ended sprint would go, and which they are. */
export interface CarryOver {
  /** The current sprint, else the next. */
  target: Item;
  /** The open items still in the ended sprint that the fix moves, by id. */
  items: Item[];
  fix: Fix;
}

/** The sprint carried work goes to on the workspace's today: the current one, else the next. */
function carryTarget(workspace: StrategyWorkspace, today: string): Item | undefined {
  const { index } = workspace;
  const sprints = index.sortedOfKind("sprint").filter((sprint) => index.find(sprint.id, ["sprint"]) === sprint);
  const byStart = [...sprints].sort((a, b) => (dayOf(a.data.start) ?? "9999").localeCompare(dayOf(b.data.start) ?? "9999") || (a.key < b.key ? -1 : 1));
  const states = sprintStates(byStart.map(datedSprint), today);
  return plannableSprint(byStart, (sprint) => states.get(sprint.id));
}

/** The carry-over of an ended sprint, or undefined when it has not ended, has no open item, or there is no sprint to carry to. */
export function carryOver(workspace: StrategyWorkspace, sprint: Item): CarryOver | undefined {
  const today = workspace.todayIso();
  if (sprint.kind !== "sprint" || !hasEnded(datedSprint(sprint), today)) return undefined;
  const items = [...workspace.index.referrers(sprint.key)]
    .filter((item) => item.track && isOpen(item) && item.refs.some((ref) => ref.field === "sprint" && ref.key === sprint.key))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.file < b.file ? -1 : 1));
  if (!items.length) return undefined;
  const target = carryTarget(workspace, today);
  if (!target || target === sprint) return undefined;
  const byFile = new Map<string, Extract<FileChange, { kind: "edit" }>>();
  const carriedItems: Item[] = [];
  for (const item of items) {
    const moved = setField(item, "sprint", yamlScalar(target.id));
    const named = item.refs.some((ref) => ref.field === "carried" && ref.key === sprint.key);
    const carried = named ? undefined : appendToList(item, "carried", yamlScalar(sprint.id));
    if (!moved || (!named && !carried)) continue; // not ours to rewrite (an alias, a block scalar): left as it is
    const change = byFile.get(item.file) ?? { kind: "edit" as const, file: item.file, edits: [] };
    change.edits.push(...moved.edits, ...(carried?.edits ?? []));
    byFile.set(item.file, change);
    carriedItems.push(item);
  }
  if (!carriedItems.length) return undefined;
  const count = carriedItems.length;
  const title = `Carry ${count === 1 ? "1 unfinished item" : `${count} unfinished items`} to ${target.id}`;
  return { target, items: carriedItems, fix: { title, safe: false, changes: [...byFile.values()] } };
}

/** The fix of {@link carryOver}: "Carry 3 unfinished items to 2026-s14". */
export function carryOverFix(workspace: StrategyWorkspace, sprint: Item): Fix | undefined {
  return carryOver(workspace, sprint)?.fix;
}
