/**
 * Hostile documents for the language service (completion, hover, navigation,
 * symbols) and the editor's per-keystroke paths: the parser's hostile inputs
 * (test/hostile-inputs.mjs) at their largest, and the shapes that cost the
 * language service most (one very long line, many items sharing an id that
 * many items reference, many unknown references with fixes, a huge title).
 * `bench/language-hostile.ts` times them; language-hostile.test.ts bounds them.
 */
import * as H from "../hostile-inputs.mjs";

const fence = (lines: string[]) => `---\n${lines.join("\n")}\n---\nBody.\n`;

/** A tactic whose `kpis:` is one flow list of `count` ids on one line (about 7 bytes an id). */
export function longFlowList(count: number): string {
  return fence(["type: tactic", "id: long-list", "pillar: growth", `kpis: [${Array.from({ length: count }, (_, i) => `k${i}`).join(", ")}, ]`]);
}

/** `count` pillars with the id `x` and `count` tactics that name `pillar: x`, in one `items:` list. */
export function sharedIdReferences(count: number): string {
  const lines = ["items:"];
  for (let i = 0; i < count; i++) lines.push(`  - {type: pillar, id: x}`);
  for (let i = 0; i < count; i++) lines.push(`  - {type: tactic, id: t${i}, pillar: x}`);
  return fence(lines);
}

/** `count` tactics whose pillar is misspelt (`growht`): each has an `unknown-reference` with fixes. */
export function unknownReferences(count: number): string {
  const lines = ["items:"];
  for (let i = 0; i < count; i++) lines.push(`  - {type: tactic, id: u${i}, pillar: growht, kpi: nrr, impact: 3, urgency: 3, effort: 3}`);
  return fence(lines);
}

/** A tactic whose title is `length` characters long. */
export function longTitle(length: number): string {
  return fence(["type: tactic", "id: long-title", "pillar: growth", "kpi: nrr", "impact: 3", "urgency: 3", "effort: 3", `title: ${"Lorem ipsum ".repeat(Math.ceil(length / 12)).slice(0, length)}`]);
}

/**
 * Every case, name → files: `full` at its largest under the 5 MB file limit (the sizes of
 * `npm run bench:hostile`, for the benchmark), else at a size that keeps the unit tests quick
 * yet where a per-line or per-holder cost shows.
 */
export const LANGUAGE_CASES: Record<string, (full: boolean) => Record<string, string>> = {
  "alias bomb": () => ({ "bomb.md": H.aliasBomb(26, 40) }),
  "merge-key bomb": () => ({ "bomb.md": H.mergeKeyBomb(12, 9) }),
  "bomb in items": (full) => ({ "bomb.md": H.itemsBomb(8, 9, full ? 2000 : 500) }),
  "deep flow": (full) => ({ "deep.md": H.deepFlow(full ? 450000 : 100000) }),
  "deep block maps": (full) => ({ "deep.md": H.deepBlock(full ? 3000 : 1500) }),
  "items sharing one id": (full) => ({ "dupes.md": H.duplicateIds(full ? 50000 : 20000) }),
  "long ids": (full) => H.longIds(full ? 2500000 : 500000),
  "many keys": (full) => ({ "keys.md": H.manyKeys(full ? 450000 : 60000) }),
  "many keys, full parser": (full) => ({ "keys.md": H.manyKeys(full ? 85000 : 20000, true) }),
  "queue": (full) => ({ "queue.md": H.bigQueue(full ? 20000 : 3000) }),
  "long kpis line": (full) => ({ "list.md": longFlowList(full ? 600000 : 100000) }),
  "pillars sharing an id, and references": (full) => ({ "shared.md": sharedIdReferences(full ? 10000 : 3000) }),
  "unknown references": (full) => ({ "unknown.md": unknownReferences(full ? 20000 : 3000) }),
  "long title": (full) => ({ "title.md": longTitle(full ? 4_000_000 : 1_000_000) }),
};
