// Types of bench/common.mjs, for the TypeScript benchmarks (bench/incremental.ts); the definitions are there.
export declare const BENCH: string;
export declare const REPO: string;
export declare const GEN_CORPUS: string;
export declare function arg(name: string, fallback?: string | number): string | number | undefined;
export declare function median(xs: readonly number[]): number;
export declare function quantile(xs: readonly number[], q: number): number;
