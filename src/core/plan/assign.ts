/**
 * "Apply proposal": the edits that write `sprint: <id>` into backlog items'
 * front matter. An existing `sprint:` value is replaced in place, otherwise a
 * line is added after the item's last field, so comments, key order and line
 * endings stay as written. Edits of one file are merged into one change.
 */
import type { FileChange, TextEdit } from "../model/issue";
import type { Item } from "../model/item";
import { afterColon, insertField, replaceSpan, yamlScalar, type EditChange } from "../rules/edits";
import { pairOf } from "../parse/yaml-node";
import type { StrategyWorkspace } from "../workspace";

/** The changes to make, and the items that could not be changed (with why). */
export interface SprintAssignment {
  changes: FileChange[];
  assigned: string[];
  skipped: Array<{ id: string; reason: string }>;
}

/** The edit setting one item's `sprint:`, or why it cannot be made. */
function sprintEdit(item: Item, id: string): EditChange | string {
  const { node, doc } = item;
  // Quoted when a plain `1.10` or `on` would read back as a number or a boolean.
  const sprint = yamlScalar(id);
  const pair = pairOf(node, "sprint");
  if (pair) {
    if (pair.value && pair.value.kind !== "scalar") return "its `sprint:` is not a single value";
    if (pair.value) return replaceSpan(item, pair.value.start, pair.value.end, sprint);
    // `sprint:` with nothing after it.
    const at = afterColon(doc.text, pair.keyEnd);
    return replaceSpan(item, at, at, ` ${sprint}`);
  }
  if (node.flow) {
    // `{ type: tactic, id: x }`: add the pair before the closing brace.
    const close = doc.text.lastIndexOf("}", node.end);
    if (close < node.start) return "its front matter could not be edited";
    const last = node.pairs[node.pairs.length - 1];
    const at = last ? (last.value ? last.value.end : afterColon(doc.text, last.keyEnd)) : close;
    return replaceSpan(item, at, at, `${last ? ", " : ""}sprint: ${sprint}`);
  }
  return insertField(item, "sprint", sprint) ?? "its front matter could not be edited";
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
    const change = sprintEdit(item, sprint);
    if (typeof change === "string") {
      skipped.push({ id, reason: change });
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
