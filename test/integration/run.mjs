#!/usr/bin/env node
/**
 * Runs the integration suites (test/integration/suite) inside a real VS Code, offline:
 * code-server serves the workbench and runs the Node extension host, Debian's
 * chromium (driven by playwright-core) is the window, and the extension-test
 * payload in the URL makes the workbench load this repo as the extension under
 * development and call `out/integration/index.js`'s `run()`. See shared/REAL-VSCODE.md.
 *
 *   npm run test:integration      # installs what is missing (cached in ~/.cache/strategy-docs), builds, runs
 *
 * Env: STRATEGY_DOCS_IT_TIMEOUT_MS (default 8 min, from code-server start to results),
 * STRATEGY_DOCS_IT_VERBOSE=1 (echo the workbench console). Artefacts in test-results/:
 * integration-results.json, integration-workbench.png, integration-console.log,
 * integration-code-server.log.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { CHROMIUM_ARGS, freePort, killGroup, sleep, startCodeServer, workbenchUrl } from "../../scripts/code-server.mjs";
import { ensureVsCodeEnv } from "../../scripts/vscode-env.mjs";
import { driveBoard } from "./board-driver.mjs";
import { buildIntegration, copyExamples, readResults, report, RESULTS_DIR, RESULTS_FILE, ROOT, TESTS_PATH } from "./common.mjs";

const require = createRequire(import.meta.url);
const TIMEOUT_MS = Number(process.env.STRATEGY_DOCS_IT_TIMEOUT_MS) || 8 * 60_000;
const VERBOSE = process.env.STRATEGY_DOCS_IT_VERBOSE === "1";

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const log = (line) => console.log(`[integration] ${line}`);

/** What must be undone on every exit path, and what to keep of a run (`server` is code-server's process, from its spawn on). */
const session = { server: undefined, browser: undefined, page: undefined, tmp: undefined, serverOutput: "", consoleLines: [], screenshot: false, stopping: undefined };

/** Screenshots the workbench into test-results/integration-workbench.png, once per run. */
async function screenshot() {
  if (!session.page || session.screenshot) return;
  session.screenshot = true;
  await Promise.race([session.page.screenshot({ path: path.join(RESULTS_DIR, "integration-workbench.png") }), sleep(10_000)]).catch((error) => log(`no screenshot: ${error.message}`));
}

/** Once the suites wrote their results (the extension host still runs, holding for us), screenshots the live workbench. */
async function screenshotWhenResults() {
  while (session.page && !existsSync(RESULTS_FILE)) await sleep(100);
  await sleep(500); // let the workbench paint the last state
  await screenshot();
  writeFileSync(`${RESULTS_FILE}.seen`, "");
}

/** Saves the workbench screenshot (unless taken) and the logs into test-results/ (also after a failure). */
async function saveArtefacts() {
  mkdirSync(RESULTS_DIR, { recursive: true });
  await screenshot();
  writeFileSync(path.join(RESULTS_DIR, "integration-console.log"), session.consoleLines.join("\n") + "\n");
  writeFileSync(path.join(RESULTS_DIR, "integration-code-server.log"), session.serverOutput);
}

/** Kills code-server's whole process group (it was spawned detached) and removes the temp folder; synchronous, so it also works in 'exit'. */
function killServerAndClean() {
  killGroup(session.server);
  session.server = undefined;
  if (session.tmp) rmSync(session.tmp, { recursive: true, force: true });
  session.tmp = undefined;
}

async function cleanup() {
  const browser = session.browser;
  session.browser = session.page = undefined;
  if (browser) await Promise.race([browser.close().catch(() => {}), sleep(5000)]);
  killServerAndClean();
}

process.on("exit", killServerAndClean);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => { session.stopping = signal; log(`${signal}: stopping`); cleanup().finally(() => process.exit(130)); });
}

/** The day the integration suites run on (see STRATEGY_DOCS_TODAY in src/vscode/folder.ts). */
const EXAMPLES_TODAY = "2026-11-30";

/** Starts code-server on 127.0.0.1:port with a throwaway profile in `tmp`; resolves once it accepts connections. */
function startServer(env, port, tmp) {
  return startCodeServer(env, {
    port, dir: tmp,
    extraEnv: {
      STRATEGY_DOCS_TEST_RESULTS: RESULTS_FILE,
      STRATEGY_DOCS_TEST_HOLD_MS: "15000",
      // The board suite lets the runner's driver click in the webview (test/integration/board-driver.mjs).
      STRATEGY_DOCS_IT_BOARD_DRIVER: "1",
      // The examples are a team's strategy at the end of November 2026: which sprint has ended and what is
      // stale depend on the day, so the suites see that day whatever the clock says.
      STRATEGY_DOCS_TODAY: EXAMPLES_TODAY,
    },
    onSpawn: (child) => { session.server = child; },
    onOutput: (chunk) => { session.serverOutput += chunk; if (VERBOSE) process.stdout.write(`[code-server] ${chunk}`); },
  });
}

/** Opens the workbench with the extension-test payload; resolves with the exit code the workbench reports. */
async function runInBrowser(env, port, workspace, serverExited, timings, t0) {
  const { chromium } = require("playwright-core");
  try {
    session.browser = await chromium.launch({ executablePath: env.chromium, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
  } catch (error) {
    throw new Error(`chromium (${env.chromium}) did not start: ${error.message}`);
  }
  const page = (session.page = await session.browser.newPage({ viewport: { width: 1400, height: 900 } }));
  page.on("console", (message) => { session.consoleLines.push(`[${message.type()}] ${message.text()}`); if (VERBOSE) console.log(`[workbench] ${message.text()}`); });
  page.on("pageerror", (error) => session.consoleLines.push(`[pageerror] ${error.stack ?? error.message}`));
  let reportExit;
  const exitCode = new Promise((resolve) => { reportExit = resolve; });
  await page.exposeFunction("codeAutomationExit", (code) => reportExit(Number(code)));
  await page.goto(workbenchUrl(port, workspace, ROOT, TESTS_PATH), { waitUntil: "domcontentloaded", timeout: 60_000 });
  timings.pageLoaded = Date.now() - t0;
  void screenshotWhenResults();
  let finished = false;
  const driven = driveBoard(page, { workspace, resultsDir: RESULTS_DIR, stopped: () => finished || existsSync(RESULTS_FILE), log });
  const code = await Promise.race([
    exitCode,
    serverExited.then((how) => { throw new Error(`code-server stopped (${how}) during the tests. Its output:\n${session.serverOutput}`); }),
  ]);
  finished = true;
  timings.results = Date.now() - t0;
  const checks = await driven;
  for (const { name, ok, detail } of checks) console.log(`  ${ok ? "✔" : "✘"} board driver: ${name}${ok ? "" : `: ${detail}`}`);
  if (!checks.length) {
    // Only a filtered run may leave the board suite out.
    log("board driver: the board suite never asked it to act");
    return process.env.STRATEGY_DOCS_IT_GREP ? code : 1;
  }
  return checks.every((entry) => entry.ok) ? code : 1;
}

async function main() {
  const start = Date.now();
  const env = ensureVsCodeEnv();
  const envMs = Date.now() - start;
  const buildStart = Date.now();
  await buildIntegration();
  const buildMs = Date.now() - buildStart;
  session.tmp = mkdtempSync(path.join(os.tmpdir(), "strategy-docs-it-"));
  const workspace = copyExamples(session.tmp);
  const port = await freePort();
  log(`code-server ${env.codeServerVersion} (VS Code ${env.vscodeVersion}) on 127.0.0.1:${port}, workspace ${workspace}`);

  const t0 = Date.now();
  const timings = {};
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out: no test results ${seconds(TIMEOUT_MS)} after starting code-server (STRATEGY_DOCS_IT_TIMEOUT_MS)`)), TIMEOUT_MS);
  });
  const exitCode = await Promise.race([
    (async () => {
      const { exited: serverExited } = await startServer(env, port, session.tmp);
      timings.listening = Date.now() - t0;
      return runInBrowser(env, port, workspace, serverExited, timings, t0);
    })(),
    timeout,
  ]).finally(() => clearTimeout(timer));
  await saveArtefacts();
  await cleanup();
  rmSync(`${RESULTS_FILE}.seen`, { force: true });
  const code = report(readResults(), exitCode);
  log(`times: environment ${seconds(envMs)}, build ${seconds(buildMs)}; from code-server start: listening ${seconds(timings.listening)}, page loaded ${seconds(timings.pageLoaded)}, results ${seconds(timings.results)}; total ${seconds(Date.now() - start)}`);
  // Second phase: the packaged .vsix, installed into a fresh code-server (test/integration/vsix.mjs).
  if (process.env.STRATEGY_DOCS_IT_VSIX === "0") return code;
  const { runVsixTest } = await import("./vsix.mjs");
  return (await runVsixTest({ env })) || code;
}

main().then(
  (code) => process.exit(code),
  async (error) => {
    if (session.stopping) return; // the signal handler cleans up and exits
    console.error(`[integration] ${error instanceof Error ? error.message : String(error)}`);
    if (/timed out/.test(String(error?.message))) console.error(`[integration] code-server's last output:\n${session.serverOutput.split("\n").slice(-30).join("\n")}`);
    await saveArtefacts().catch(() => {});
    await cleanup();
    log(`logs (and the screenshot, if the page opened) in ${path.relative(ROOT, RESULTS_DIR)}/`);
    console.log("0 passed, 1 failed");
    process.exit(1);
  },
);
