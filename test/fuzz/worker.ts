/**
 * A fuzz worker thread: runs chunks of cases (one fast-check seed per chunk)
 * and reports each chunk's count, its first failure (minimised) and the
 * slowest time per operation. Before each case it writes the case into shared
 * memory, so that the runner can name the input of a case that never returns.
 */
import { parentPort, workerData } from "node:worker_threads";
import fc from "fast-check";
import { slowest, spent, type FuzzCase } from "./common";
import { caseArb } from "./generators";
import { runCase, warmUp } from "./invariants";

/** A chunk to run, and what the worker answers. */
export interface ChunkRequest {
  seed: number;
  runs: number;
}
export interface ChunkResult {
  seed: number;
  runs: number;
  failure?: { message: string; path: string | null; counterexample: string };
  slowest: Array<[string, number]>;
  /** Milliseconds spent per operation in the chunk. */
  spent: Array<[string, number]>;
}

const state = new Int32Array(workerData.state as SharedArrayBuffer);
const bytes = new Uint8Array(workerData.buffer as SharedArrayBuffer);
const encoder = new TextEncoder();

/** Publishes the case about to run: its number in `state[0]`, its JSON (cut at the buffer's size) in `bytes`. */
function publish(c: FuzzCase): void {
  const { written } = encoder.encodeInto(JSON.stringify(c), bytes);
  Atomics.store(state, 1, written);
  Atomics.add(state, 0, 1);
}

warmUp();
const property = fc.property(caseArb, (c) => {
  publish(c);
  runCase(c);
});

parentPort!.on("message", ({ seed, runs }: ChunkRequest) => {
  slowest.clear();
  spent.clear();
  const details = fc.check(property, { seed, numRuns: runs });
  const result: ChunkResult = { seed, runs: details.numRuns, slowest: [...slowest], spent: [...spent] };
  if (details.failed) {
    const error = details.errorInstance;
    result.failure = {
      message: error instanceof Error ? `${error.message}\n${(error.stack ?? "").split("\n").slice(1, 6).join("\n")}` : String(error),
      path: details.counterexamplePath,
      counterexample: JSON.stringify(details.counterexample?.[0] ?? null),
    };
  }
  parentPort!.postMessage(result);
});
