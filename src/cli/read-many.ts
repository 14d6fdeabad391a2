/**
 * Reads many files on a second thread while the main thread parses what has
 * arrived: the reads (open, fstat, read, close per file) overlap the parsing,
 * so a 10,000-file scan uses both cores. Only bytes cross between the threads;
 * decoding stays with the core's `decodeFile`.
 */
import { readFileSync } from "node:fs";
import { Worker } from "node:worker_threads";

/** One file's bytes, or the error that reading it gave (code and first line of the message). */
export type ReadResult = Uint8Array | { code?: string; message: string };

/** Below this many files a thread costs more than it saves. */
export const PARALLEL_FROM = 1000;
const CHUNK = 256;
/** Files this thread reads itself while the worker starts (a worker takes ~40 ms to start). */
const HEAD_START = 1024;

// Plain JavaScript, evaluated in the worker: it must not need the bundle.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { readFileSync, statSync } = require("node:fs");
const { paths, from, chunk, maxBytes } = workerData;
for (let start = from; start < paths.length; start += chunk) {
  const out = [];
  for (let i = start; i < Math.min(paths.length, start + chunk); i++) {
    try {
      const bytes = readFileSync(paths[i]);
      // Over the limit: send only the size (decodeFile reports it); no need to copy megabytes across.
      out.push(bytes.length > maxBytes ? { oversize: bytes.length } : bytes);
    } catch (error) {
      out.push({ code: error && error.code, message: String(error && error.message).split("\\n")[0] });
    }
  }
  parentPort.postMessage({ start, out });
}`;

function readOne(path: string): ReadResult {
  try {
    return readFileSync(path);
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    return { code: err.code, message: String(err.message).split("\n")[0] };
  }
}

/**
 * Reads `paths` and hands each result to `onFile(index, result)`, in order.
 * `{ oversize }` results stand for files over `maxBytes` (their bytes are not sent).
 */
export async function readMany(
  paths: readonly string[],
  maxBytes: number,
  onFile: (index: number, result: ReadResult | { oversize: number }) => void,
  parallelFrom = PARALLEL_FROM,
): Promise<void> {
  let next = 0;
  if (paths.length >= parallelFrom) {
    const head = Math.min(HEAD_START, Math.floor(paths.length / 4));
    await new Promise<void>((resolve, reject) => {
      let worker: Worker;
      try {
        worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { paths, from: head, chunk: CHUNK, maxBytes } });
      } catch {
        resolve(); // no threads here: read below, on this one
        return;
      }
      // While the worker starts, this thread reads the first files itself.
      for (; next < head; next++) onFile(next, readOne(paths[next]));
      worker.on("message", ({ start, out }: { start: number; out: Array<ReadResult | { oversize: number }> }) => {
        if (start !== next) return; // chunks arrive in order; anything else is read again below
        try {
          for (const result of out) onFile(next++, result);
        } catch (error) {
          // A failure while handling a file must reach the caller, not escape from an event handler.
          void worker.terminate();
          reject(error);
        }
      });
      // However the worker ends, what it did not deliver is read on this thread.
      worker.on("error", () => resolve());
      worker.on("exit", () => resolve());
    });
  }
  for (; next < paths.length; next++) onFile(next, readOne(paths[next]));
}
