/**
 * What the two integration runners share: the build of the extension and of the
 * suite bundle, the example workspace copy, and the report of the results file.
 * `build()` (the extension's `node esbuild.js`) is also the build step of the e2e
 * runner and the benchmarks.
 * `run.mjs` runs the suites in code-server (offline); `electron.mjs` in desktop
 * VS Code through @vscode/test-electron.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

/** The repo root: the extension under development. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Where the suite bundle goes; its `index.js` is the `extensionTestsPath`. */
export const OUT_DIR = path.join(ROOT, "out", "integration");
/** The bundle VS Code loads as `extensionTestsPath`. */
export const TESTS_PATH = path.join(OUT_DIR, "index.js");
/** Artefacts of a run (gitignored). */
export const RESULTS_DIR = path.join(ROOT, "test-results");
/** The results file the suites write (passed to them as STRATEGY_DOCS_TEST_RESULTS). */
export const RESULTS_FILE = path.join(RESULTS_DIR, "integration-results.json");

/** Builds the extension and the board webview (`node esbuild.js`, output inherited); throws when it fails. */
export function build() {
  const built = spawnSync(process.execPath, [path.join(ROOT, "esbuild.js")], { cwd: ROOT, stdio: "inherit" });
  if (built.status !== 0) throw new Error("the build (node esbuild.js) failed");
}

/** Builds the extension (`node esbuild.js`) and bundles the suites into out/integration/index.js (mocha inside, `vscode` external). */
export async function buildIntegration() {
  build();
  rmSync(OUT_DIR, { recursive: true, force: true });
  await require("esbuild").build({
    entryPoints: [path.join(ROOT, "test/integration/suite/index.ts")],
    outfile: TESTS_PATH,
    bundle: true, platform: "node", format: "cjs", target: "node20", sourcemap: "inline",
    mainFields: ["module", "main"], external: ["vscode"], logLevel: "warning",
    // Mocha's parallel mode (never used here) resolves worker files at run time.
    logOverride: { "require-resolve-not-external": "silent" },
  });
  mkdirSync(RESULTS_DIR, { recursive: true });
  rmSync(RESULTS_FILE, { force: true });
  rmSync(`${RESULTS_FILE}.seen`, { force: true });
}

/** Copies examples/ into `dir`/examples (the tests may edit it) and returns that path. */
export function copyExamples(dir) {
  const workspace = path.join(dir, "examples");
  cpSync(path.join(ROOT, "examples"), workspace, { recursive: true });
  return workspace;
}

/** The results the suites wrote, or `undefined` (also looks beside the bundle, in case the env var did not reach the extension host). */
export function readResults() {
  for (const file of [RESULTS_FILE, path.join(OUT_DIR, "results.json")]) {
    if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  }
  return undefined;
}

/**
 * Prints every test, the suites' metrics and the closing `N passed, N failed` line.
 * @param {ReturnType<typeof readResults>} results
 * @param {number} exitCode what VS Code reported
 * @returns {number} the process exit code: 0 only when tests ran and all passed
 */
export function report(results, exitCode) {
  if (!results) {
    console.log(`[integration] the suites wrote no results (VS Code exit code ${exitCode})`);
    console.log("0 passed, 1 failed");
    return 1;
  }
  for (const test of results.tests) {
    const mark = test.state === "passed" ? "✔" : test.state === "failed" ? "✘" : "-";
    console.log(`  ${mark} ${test.title}${test.state === "pending" ? " (pending)" : ` (${test.durationMs ?? 0} ms)`}`);
    if (test.error) console.log(test.error.split("\n").slice(0, 12).map((line) => `      ${line}`).join("\n"));
  }
  if (Object.keys(results.metrics ?? {}).length) console.log(`[integration] VS Code ${results.vscodeVersion}; suite metrics: ${JSON.stringify(results.metrics)}`);
  const ok = exitCode === 0 && results.failed === 0 && results.passed > 0;
  if (!ok && results.failed === 0) console.log(`[integration] VS Code reported exit code ${exitCode} with ${results.passed} passing test(s)`);
  console.log(`${results.passed} passed, ${results.failed} failed`);
  return ok ? 0 : 1;
}
