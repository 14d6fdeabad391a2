/**
 * "Apply proposal": the edits that write `sprint: <id>` into backlog items'
 * front matter, through the one way fixes set a field ({@link setField}): an
 * existing `sprint:` value is replaced in place, otherwise a line is added after
 * the item's last field, so comments, key order and line endings stay as
 * written. Edits of one file are merged into one change.
 */
import type { Split } from "../config/types";
import type { FileChange, TextEdit } from "../model/issue";
import type { Item } from "../model/item";
import { setField, yamlScalar } from "../rules/edits";
import type { StrategyWorkspace } from "../workspace";

/** The changes to make, and the items that could not be changed (with why). */
export interface SprintAssignment {
  changes: FileChange[];
  assigned: string[];
  skipped: Array<{ id: string; reason: string }>;
}

/**
 * The edits that put the items with these ids into `sprint`. Unknown ids and
 * items that cannot be edited are skipped with a reason; nothing is written here.
 */
export function assignSprint(workspace: StrategyWorkspace, sprint: string, ids: readonly string[]): SprintAssignment {
  const byFile = new Map<string, TextEdit[]>();
  const assigned: string[] = [];
  const skipped: SprintAssignment["skipped"] = [];
  const seen = new Set<Item>();
  for (const id of ids) {
    const found = workspace.index.find(id, ["initiative", "tactic"]);
    const item = found && (found.kind === "initiative" || found.kind === "tactic") ? found : undefined;
    if (!item) {
      skipped.push({ id, reason: "no initiative or tactic has this id" });
      continue;
    }
    if (seen.has(item)) continue;
    seen.add(item);
    // Quoted when a plain `1.10` or `on` would read back as a number or a boolean.
    const change = setField(item, "sprint", yamlScalar(sprint));
    if (!change) {
      skipped.push({ id, reason: "its front matter could not be edited" });
      continue;
    }
    const edits = byFile.get(change.file) ?? [];
    edits.push(...change.edits);
    byFile.set(change.file, edits);
    assigned.push(item.id);
  }
  const changes: FileChange[] = [...byFile].map(([file, edits]) => ({ kind: "edit", file, edits }));
  return { changes, assigned, skipped };
}

/**
 * The edit that writes `split: { strategic: S, tactical: T }` into a sprint's
 * front matter (replacing its split where it is written, block or flow), so
 * that a what-if split applied with a proposal becomes the sprint's own.
 * Undefined when there is no such sprint or its front matter cannot be edited.
 */
export function setSprintSplit(workspace: StrategyWorkspace, sprint: string, split: Split): FileChange | undefined {
  const found = workspace.index.find(sprint, ["sprint"]);
  if (!found || found.kind !== "sprint") return undefined;
  return setField(found, "split", `{ strategic: ${split.strategic}, tactical: ${split.tactical} }`);
}
