// Types of test/hostile-inputs.mjs, for the TypeScript tests and benchmarks; the generators are there.
// A generator added there needs its line here.
type Files = Record<string, string>;
export declare function aliasBomb(levels?: number, width?: number): string;
export declare function mergeKeyBomb(levels?: number, width?: number): string;
export declare function itemsBomb(levels?: number, width?: number, items?: number): string;
export declare function deepFlow(depth?: number): string;
export declare function deepBlock(depth?: number): string;
export declare function duplicateIds(count?: number): string;
export declare function longIds(length?: number): { "kpi.md": string; "tactic.md": string };
export declare function manyKeys(count?: number, fallback?: boolean): string;
export declare function bigQueue(count?: number): string;
/** Two files: `count` KPIs, and `count` tactics that name none (`offByOne`: each names a KPI id plus a letter). */
export declare function kpisAndTactics(count?: number, offByOne?: boolean): { "kpis.md": string; "tactics.md": string };
/** A tactic whose `kpis:` names `count` ids. */
export declare function manyRefs(count?: number): string;
/** A KPI with `count` readings in its `history`. */
export declare function longHistory(count?: number): string;
/** `count` ended sprints with one done tactic each. */
export declare function manySprints(count?: number): { "sprints.md": string; "tactics.md": string };
export declare const PLAIN: Files;
export declare const HOSTILE: Record<string, () => Files>;
