/**
 * Mocha wiring shared by the e2e suites: a fresh board per test (its own browser
 * context), a screenshot in test-results/e2e/failed-*.png when a test fails.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { openBoard } from "./board.mjs";
import { ROOT } from "./page.mjs";

export const RESULTS = join(ROOT, "test-results", "e2e");

/** Registers beforeEach/afterEach in the calling `describe`; `get()` returns the current test's board. */
export function useBoard(options = {}) {
  let board;
  beforeEach(async function () {
    board = await openBoard(typeof options === "function" ? options(this.currentTest) : options);
  });
  afterEach(async function () {
    if (!board) return;
    if (this.currentTest?.state === "failed") {
      mkdirSync(RESULTS, { recursive: true });
      const name = this.currentTest.fullTitle().replace(/[^a-z0-9]+/gi, "-").slice(0, 100);
      await board.page.screenshot({ path: join(RESULTS, `failed-${name}.png`), fullPage: true }).catch(() => {});
    }
    await board.close();
    board = undefined;
  });
  return () => board;
}
