/**
 * Entry point of the integration tests inside a VS Code extension host: the
 * `run()` that VS Code calls for `extensionTestsPath`, in the shape
 * `@vscode/test-electron` expects (a Promise that rejects when a test fails).
 *
 * It is bundled with its suites into `out/integration/index.js` (see
 * `test/integration/run.mjs`), so suites are registered with `require` after
 * mocha's globals (`describe`, `it`, hooks) exist. Besides mocha's console
 * output it writes a JSON results file, because in a browser-hosted workbench
 * (code-server) the console reaches the harness only as unformatted strings.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import Mocha from "mocha";
import { metrics } from "./metrics";

/** One test's outcome, as written to the results file. */
export interface TestResult {
  /** The full title: suite titles and the test title joined by spaces. */
  title: string;
  state: "passed" | "failed" | "pending";
  durationMs?: number;
  error?: string;
}

/** The results file: every test, the counts, and what the suites measured. */
export interface TestResults {
  passed: number;
  failed: number;
  pending: number;
  tests: TestResult[];
  metrics: Record<string, unknown>;
  vscodeVersion: string;
}

/** Where the results go: `STRATEGY_DOCS_TEST_RESULTS`, else `results.json` beside this bundle. */
export function resultsPath(): string {
  return process.env.STRATEGY_DOCS_TEST_RESULTS || join(__dirname, "results.json");
}

/**
 * Under `run.mjs` (STRATEGY_DOCS_TEST_HOLD_MS set): keeps the extension host alive until the
 * harness has screenshotted the live workbench (it then creates `<results file>.seen`), at most that long.
 */
async function holdForHarness(): Promise<void> {
  const holdMs = Number(process.env.STRATEGY_DOCS_TEST_HOLD_MS);
  if (!holdMs) return;
  const deadline = Date.now() + holdMs;
  while (!existsSync(`${resultsPath()}.seen`) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** Registers the suites. Add each new suite file here (they run in this order). */
function loadSuites(): void {
  // The 10,000-item measurement (bench/extension-10k.mjs) opens a workspace of its own: only its suite runs.
  if (process.env.STRATEGY_DOCS_IT_LARGE === "1") {
    require("./large.test");
    return;
  }
  require("./activation.test");
  require("./tree.test");
  require("./sprint-states.test");
  require("./quick-fixes.test");
  require("./fix-all.test");
  require("./language.test");
  require("./rule-help.test");
  require("./files.test");
  require("./bad-input.test");
  require("./hostile.test");
  require("./commands.test");
  require("./carry-over.test");
  require("./kpi-editor.test");
  require("./score-item.test");
  require("./board-tabs.test");
  require("./board.test");
}

/** Runs every suite; resolves when all passed, rejects with the number of failures otherwise. */
export function run(): Promise<void> {
  // STRATEGY_DOCS_IT_GREP runs only the tests whose full title matches it (a regular expression).
  const grep = process.env.STRATEGY_DOCS_IT_GREP;
  const mocha = new Mocha({ ui: "bdd", color: false, timeout: 60_000, reporter: "spec", ...(grep ? { grep: new RegExp(grep) } : {}) });
  mocha.suite.emit("pre-require", globalThis, "integration", mocha);
  // VS Code in the browser (code-server) saves edited files after a second by default: the
  // suites edit in memory and revert, so nothing they do may reach the disk unasked.
  mocha.suite.beforeAll("turn auto save off", async () => {
    const vscode = require("vscode") as typeof import("vscode");
    await vscode.workspace.getConfiguration("files").update("autoSave", "off", vscode.ConfigurationTarget.Global);
  });
  loadSuites();

  const tests: TestResult[] = [];
  const record = (test: Mocha.Test, state: TestResult["state"], error?: unknown) => {
    const message = error === undefined ? undefined : !(error instanceof Error) ? String(error) : error.stack?.includes(error.message) ? error.stack : `${error.message}\n${error.stack ?? ""}`;
    tests.push({ title: test.fullTitle(), state, durationMs: test.duration, error: message });
  };

  return new Promise((resolve, reject) => {
    let runner: Mocha.Runner;
    try {
      runner = mocha.run((failures) => {
        const results: TestResults = {
          passed: tests.filter((t) => t.state === "passed").length,
          failed: tests.filter((t) => t.state === "failed").length,
          pending: tests.filter((t) => t.state === "pending").length,
          tests,
          metrics,
          vscodeVersion: (require("vscode") as typeof import("vscode")).version,
        };
        try {
          mkdirSync(dirname(resultsPath()), { recursive: true });
          writeFileSync(resultsPath(), JSON.stringify(results, null, 2));
        } catch (error) {
          console.error(`could not write ${resultsPath()}: ${String(error)}`);
        }
        void holdForHarness().then(() => {
          if (failures > 0) reject(new Error(`${failures} integration test(s) failed.`));
          else resolve();
        });
      });
    } catch (error) {
      reject(error);
      return;
    }
    runner.on("pass", (test) => record(test, "passed"));
    // A failing hook is reported against the hook: count it as a failed test too.
    runner.on("fail", (test, error) => record(test as Mocha.Test, "failed", error));
    runner.on("pending", (test) => record(test, "pending"));
  });
}
