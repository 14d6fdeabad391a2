/**
 * The fast front-matter reader against the full `yaml` parser: wherever the
 * fast one answers, `yaml` must accept the text and build the same tree (values,
 * key and scalar offsets, collection kinds and starts, flow collections' ends);
 * where the fast one stops at a budget, so must `yaml`.
 */
import { fastParseFrontMatter } from "../../src/core/parse/fast-yaml";
import { sliceFrontMatter } from "../../src/core/parse/frontmatter";
import { fullParse } from "../../src/core/parse/full-yaml";
import type { YMap, YNode } from "../../src/core/parse/yaml-node";
import { OverBudget } from "../../src/core/parse/budgets";
import { timed, Violation } from "./common";

/** Where two trees first differ (a path and both sides), or undefined when they agree. */
function difference(fast: YNode | null, full: YNode | null, path: string): string | undefined {
  const where = (what: string, a: unknown, b: unknown) => `${path}${what}: fast ${JSON.stringify(a)}, yaml ${JSON.stringify(b)}`;
  if (!fast || !full) return fast === full ? undefined : where("", fast, full);
  if (fast.kind !== full.kind) return where(" kind", fast.kind, full.kind);
  if (fast.start !== full.start) return where(" start", fast.start, full.start);
  if (fast.kind === "scalar" && full.kind === "scalar") {
    if (!Object.is(fast.value, full.value)) return where(" value", fast.value, full.value);
    return fast.end === full.end ? undefined : where(" end", fast.end, full.end);
  }
  if (fast.kind !== "scalar" && full.kind !== "scalar" && (fast.flow !== full.flow || (fast.flow && fast.end !== full.end))) return where(" flow/end", [fast.flow, fast.end], [full.flow, full.end]);
  if (fast.kind === "seq" && full.kind === "seq") {
    if (fast.items.length !== full.items.length) return where(" length", fast.items.length, full.items.length);
    for (let i = 0; i < fast.items.length; i++) {
      const found = difference(fast.items[i], full.items[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (fast.kind === "map" && full.kind === "map") {
    if (fast.pairs.length !== full.pairs.length) return where(" keys", fast.pairs.map((p) => p.key), full.pairs.map((p) => p.key));
    for (let i = 0; i < fast.pairs.length; i++) {
      const [a, b] = [fast.pairs[i], full.pairs[i]];
      if (a.key !== b.key || a.keyStart !== b.keyStart || a.keyEnd !== b.keyEnd) return where(`.${a.key} key`, [a.key, a.keyStart, a.keyEnd], [b.key, b.keyStart, b.keyEnd]);
      const found = difference(a.value, b.value, `${path}.${a.key}`);
      if (found) return found;
    }
  }
  return undefined;
}

/** Fails when the fast reader answers for a file's front matter and `yaml` disagrees. */
export function checkReaders(path: string, raw: string): void {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const slice = sliceFrontMatter(text);
  if (slice.kind !== "yaml") return;
  const full = () => timed("yaml parser", () => fullParse(text, slice.start, slice.end));
  let fast: YMap | null;
  try {
    fast = timed("fast reader", () => fastParseFrontMatter(text, slice.start, slice.end));
  } catch (error) {
    // The fast reader stops at a budget by throwing; the full parser must stop at one too.
    if (!(error instanceof OverBudget)) throw error;
    if (!full().errors.some((e) => e.budget)) throw new Violation("readers", `${path}: the fast reader stops at a budget (${error.message}) that yaml does not hit: ${JSON.stringify(text.slice(slice.start, slice.end)).slice(0, 2000)}`);
    return;
  }
  if (!fast) return;
  const { errors, root } = full();
  // Over the full parser's size budget there is nothing to compare: the fast reader reads further on purpose.
  if (errors.some((e) => e.budget)) return;
  if (errors.length) throw new Violation("readers", `${path}: the fast reader accepts what yaml rejects (${errors[0].message}): ${JSON.stringify(text.slice(slice.start, slice.end))}`);
  const found = difference(fast, root ?? { kind: "map", pairs: [], start: 0, end: 0, flow: false }, "");
  if (found) throw new Violation("readers", `${path}: ${found} in ${JSON.stringify(text.slice(slice.start, slice.end))}`);
}
