// Helpers the benchmarks share: the repo's paths, `--name value` options, and order statistics.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const BENCH = dirname(fileURLToPath(import.meta.url));
export const REPO = join(BENCH, "..");
/** The shared synthetic-workspace generator (`--items N --out DIR`). */
export const GEN_CORPUS = join(REPO, "..", "shared", "tools", "gen-corpus.mjs");

/** The value after `--name` on the command line, else `fallback`. */
export function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

/** The median (the mean of the two middle values for an even count). */
export function median(xs) {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The q-quantile by the nearest-rank method (q = 0.95: p95). */
export function quantile(xs, q) {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}
