/** The `schema` finding for a misspelt kind (`type: tactc`), with its safe did-you-mean fix. */
import type { Kind } from "../model/kinds";
import type { Finding } from "../model/issue";
import type { ParsedFile } from "../model/item";
import { replaceValue } from "../rules/edits";
import type { YScalar } from "./yaml-node";

/** A near miss of a kind: "did you mean", with the one safe fix that corrects it (a scalar replacement that keeps `type: ` a key). */
export function nearMissFinding(file: ParsedFile, node: YScalar, near: Kind): Finding {
  return {
    rule: "schema",
    message: `Unknown kind \`${String(node.value)}\`: did you mean \`${near}\`?`,
    file: file.path,
    range: file.lines().rangeOf(node.start, node.end),
    fixes: [{ title: `Change to \`type: ${near}\``, safe: true, changes: [replaceValue(file, node.start, node.end, near)] }],
  };
}
