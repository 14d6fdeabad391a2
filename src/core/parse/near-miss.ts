/** The `schema` finding for a misspelt kind (`type: tactc`), with its safe did-you-mean fix. */
import type { Kind } from "../model/kinds";
import type { Finding } from "../model/issue";
import type { ParsedFile } from "../model/item";
import { replaceValue } from "../rules/edits";
import type { YScalar } from "./yaml-node";

/** The value as the message quotes it: control characters and line separators written as escapes (a lone CR would end the line in a terminal). */
function printable(value: string): string {
  const short: Record<string, string> = { "\r": "\\r", "\n": "\\n", "\t": "\\t" };
  return value.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]/g, (c) => short[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A near miss of a kind: "did you mean", with the one safe fix that corrects it (a scalar replacement that keeps `type: ` a key). */
export function nearMissFinding(file: ParsedFile, node: YScalar, near: Kind): Finding {
  return {
    rule: "schema",
    message: `Unknown kind \`${printable(String(node.value))}\`: did you mean \`${near}\`?`,
    file: file.path,
    range: file.lines().rangeOf(node.start, node.end),
    fixes: [{ title: `Change to \`type: ${near}\``, safe: true, changes: [replaceValue(file, node.start, node.end, near)] }],
  };
}
