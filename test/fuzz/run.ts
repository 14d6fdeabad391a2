/**
 * npm run fuzz [-- --cases 100000] [--seed N] [--workers 2] [--chunk 1000] [--hang 30]
 *              [--seed N --path P]   replay fast-check's minimised counterexample
 *              [--replay case.json]  run one saved case
 *
 * Runs generated and mutated workspaces through every invariant of
 * test/fuzz/invariants.ts in worker threads, chunk by chunk (chunk i uses seed
 * N + i), and goes on after a failure: each is printed minimised with the
 * commands that replay it, and saved under the temp folder. A case that does
 * not return within --hang seconds is a hang: its worker is stopped, the case
 * is saved, and the run goes on. Prints the case count, cases/s and the
 * slowest time per operation; exits 1 when anything failed.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import fc from "fast-check";
import { BUDGET_MS } from "./common";
import { caseArb } from "./generators";
import { runCase, warmUp } from "./invariants";
import type { ChunkRequest, ChunkResult } from "./worker";

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const number = (name: string, fallback: number) => Number(option(name) ?? fallback);

const OUT = join(tmpdir(), "strategy-docs-fuzz");
const CASE_BYTES = 4 << 20;

/** Saves a failing case; returns the file. */
function save(name: string, json: string): string {
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, `${name}.json`);
  writeFileSync(file, json);
  return file;
}

const cut = (text: string, max = 3000) => (text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text);

/** Replays one saved case or one counterexample path; exits with its verdict. */
function replay(): never {
  warmUp();
  const file = option("replay");
  try {
    if (file) runCase(JSON.parse(readFileSync(file, "utf8")));
    else fc.assert(fc.property(caseArb, runCase), { seed: number("seed", 0), path: option("path"), endOnFailure: true });
    console.log("replay: every invariant holds");
    process.exit(0);
  } catch (error) {
    console.log(`replay: ${(error as Error).message}`);
    process.exit(1);
  }
}

interface Slot {
  worker: Worker;
  state: Int32Array;
  bytes: Uint8Array;
  chunk?: ChunkRequest;
  /** Cases started before the current chunk, and the count and time of the last start seen. */
  base: number;
  seen: number;
  since: number;
}

function campaign(): void {
  const total = number("cases", 100_000);
  const seed = number("seed", Date.now() % 2 ** 31);
  const chunk = number("chunk", 1000);
  const workers = number("workers", Math.min(2, availableParallelism()));
  const hangMs = number("hang", 30) * 1000;
  const started = performance.now();
  const chunks: ChunkRequest[] = [];
  for (let i = 0, left = total; left > 0; i++, left -= chunk) chunks.push({ seed: seed + i, runs: Math.min(chunk, left) });
  let done = 0;
  let failures = 0;
  const slowest = new Map<string, number>();
  const spent = new Map<string, number>();
  console.log(`fuzz: ${total} cases in ${chunks.length} chunks of ${chunk} (seeds ${seed}…${seed + chunks.length - 1}), ${workers} worker(s), budget ${BUDGET_MS} ms per operation, hang after ${hangMs / 1000} s`);

  const report = (label: string, message: string, json: string, replayHint: string) => {
    failures++;
    const file = save(label, json);
    console.log(`\nFAILURE ${failures} (${label}): ${message}\n  case: ${cut(json)}\n  replay: ${replayHint}\n          npm run fuzz -- --replay ${file}\n`);
  };
  const next = (slot: Slot) => {
    const request = chunks.shift();
    slot.chunk = request;
    slot.base = slot.seen = Atomics.load(slot.state, 0);
    slot.since = performance.now();
    if (request) slot.worker.postMessage(request);
    else void slot.worker.terminate();
  };
  const spawn = (): Slot => {
    const state = new Int32Array(new SharedArrayBuffer(8));
    const buffer = new SharedArrayBuffer(CASE_BYTES);
    // tsx's CommonJS hook makes the worker's TypeScript loadable.
    const source = `require(${JSON.stringify(require.resolve("tsx/cjs"))}); require(${JSON.stringify(join(__dirname, "worker.ts"))});`;
    const worker = new Worker(source, { eval: true, workerData: { state: state.buffer, buffer } });
    const slot: Slot = { worker, state, bytes: new Uint8Array(buffer), base: 0, seen: 0, since: performance.now() };
    worker.on("message", (result: ChunkResult) => {
      done += result.runs;
      for (const [label, ms] of result.slowest) slowest.set(label, Math.max(ms, slowest.get(label) ?? 0));
      for (const [label, ms] of result.spent) spent.set(label, ms + (spent.get(label) ?? 0));
      if (result.failure) report(`seed-${result.seed}`, result.failure.message, result.failure.counterexample, `npm run fuzz -- --seed ${result.seed} --path ${result.failure.path}`);
      next(slot);
    });
    worker.on("error", (error) => {
      report(`worker-${slot.chunk?.seed}`, `the worker died: ${error.stack ?? error}`, "null", "(see the message)");
      replace(slot);
    });
    return slot;
  };
  /** A new worker in the place of one that hung or died; the cases its chunk ran count, the rest of the chunk is skipped. */
  const replace = (slot: Slot) => {
    done += Math.max(0, Atomics.load(slot.state, 0) - slot.base - 1);
    void slot.worker.terminate();
    const fresh = spawn();
    slots[slots.indexOf(slot)] = fresh;
    next(fresh);
  };
  const slots: Slot[] = Array.from({ length: workers }, spawn);
  slots.forEach(next);

  const watchdog = setInterval(() => {
    for (const slot of [...slots]) {
      if (!slot.chunk) continue;
      const seen = Atomics.load(slot.state, 0);
      if (seen !== slot.seen) [slot.seen, slot.since] = [seen, performance.now()];
      else if (performance.now() - slot.since > hangMs) {
        const json = new TextDecoder().decode(slot.bytes.slice(0, Atomics.load(slot.state, 1)));
        report(`hang-${slot.chunk.seed}`, `a case did not return within ${hangMs / 1000} s (chunk seed ${slot.chunk.seed}; its other cases are skipped)`, json, "(the saved case)");
        replace(slot);
      }
    }
    if (slots.every((slot) => !slot.chunk)) finish();
  }, 500);
  // Cases of finished chunks, and those started in running ones (a shrinking run counts as one too).
  const progress = setInterval(() => {
    const running = slots.reduce((sum, slot) => sum + (slot.chunk ? Atomics.load(slot.state, 0) - slot.base : 0), 0);
    console.log(`  ${done + running} cases, ${((done + running) / ((performance.now() - started) / 1000)).toFixed(0)} cases/s`);
  }, 15_000);

  function finish(): void {
    clearInterval(watchdog);
    clearInterval(progress);
    const seconds = (performance.now() - started) / 1000;
    console.log(`\nfuzz: ${done} cases in ${seconds.toFixed(1)} s, ${(done / seconds).toFixed(0)} cases/s, ${failures} failure(s)`);
    console.log(`slowest per operation (ms, budget ${BUDGET_MS}): ${[...slowest].sort((a, b) => b[1] - a[1]).map(([label, ms]) => `${label} ${ms.toFixed(1)}`).join(", ")}`);
    console.log(`mean per case (ms): ${[...spent].sort((a, b) => b[1] - a[1]).map(([label, ms]) => `${label} ${(ms / Math.max(done, 1)).toFixed(2)}`).join(", ")}`);
    process.exitCode = failures ? 1 : 0;
  }
}

if (option("replay") || option("path")) replay();
else campaign();
