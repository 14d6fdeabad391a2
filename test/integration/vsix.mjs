#!/usr/bin/env node
/**
 * The packaged artefact, not the sources: `npm run package` builds strategy-docs.vsix,
 * `code-server --install-extension` installs it into an empty extensions folder, and a
 * fresh code-server with that folder (no extensionDevelopmentPath) opens a copy of
 * examples/ in headless Chromium. Passes when the installed extension activates and its
 * status bar item shows the current sprint's load and strategic share as the packaged CLI's
 * `plan` computes them (on the day STRATEGY_DOCS_TODAY fixes), and the packaged
 * front matter grammar colours `type:` in a tactic. Prints `vsix: passed` or `vsix: failed`.
 *
 *   node test/integration/vsix.mjs     # also the last phase of test/integration/run.mjs
 *
 * Env: STRATEGY_DOCS_IT_VSIX=0 skips it in run.mjs. Artefacts in test-results/:
 * vsix-workbench.png, vsix-code-server.log, vsix-console.log.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkWorkbench, freePort, installExtension, killGroup, startCodeServer, workbenchUrl } from "../../scripts/code-server.mjs";
import { ensureVsCodeEnv } from "../../scripts/vscode-env.mjs";
import { copyExamples, RESULTS_DIR, ROOT } from "./common.mjs";

const VSIX = path.join(ROOT, "strategy-docs.vsix");
/** A file of examples/ whose front matter starts with `type: tactic` and has a `title:`. */
const TACTIC = "tactics/linkedin-retargeting-trials.md";
/** The day the extension and the CLI see (as the integration suites): Sprint 15 of examples/ is current. */
const TODAY = "2026-11-30";
const SPRINT = "2026-s15";

const log = (line) => console.log(`[vsix] ${line}`);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** `npm run package` (production bundles + vsce; the .vsix holds copies, so dist/ is then rebuilt for development). */
function packageVsix() {
  rmSync(VSIX, { force: true });
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(npm, ["run", "--silent", "package"], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
  if (result.status !== 0 || !existsSync(VSIX)) throw new Error(`\`npm run package\` failed (${result.error?.message ?? result.status}):\n${result.stdout}${result.stderr}`);
  // Back to the development build (source maps, names) that `npm run build` leaves and `npm start` uses.
  const rebuilt = spawnSync(process.execPath, ["esbuild.js"], { cwd: ROOT, encoding: "utf8" });
  if (rebuilt.status !== 0) throw new Error(`\`node esbuild.js\` failed:\n${rebuilt.stderr}`);
  return result.stdout.match(/Packaged: .*\((\d+ files, [\d.]+ \w+)\)/)?.[1] ?? "";
}

/** What the status bar item should say for SPRINT, from the packaged CLI's `plan` on `workspace`. */
function expectedStatus(workspace) {
  const result = spawnSync(process.execPath, [path.join(ROOT, "dist", "cli.js"), "plan", workspace, "--sprint", SPRINT, "--today", TODAY, "--format", "json"], { encoding: "utf8" });
  if (result.status !== 0 && result.status !== 1) throw new Error(`the packaged CLI failed (${result.status}): ${result.stderr}`);
  const { capacity, planned } = JSON.parse(result.stdout);
  const total = planned.strategic + planned.tactical;
  return `Sprint 15: ${total}/${capacity} · ${Math.round((planned.strategic / total) * 100)}% strategic`;
}

/**
 * Runs the test of the packaged .vsix; never throws.
 * @param {{ env?: ReturnType<typeof ensureVsCodeEnv> }} [options] the environment, when the caller has it
 * @returns {Promise<number>} 0 when it passed
 */
export async function runVsixTest({ env } = {}) {
  const start = Date.now();
  const times = {};
  const tmp = mkdtempSync(path.join(os.tmpdir(), "strategy-docs-vsix-"));
  let server;
  const stop = () => { killGroup(server?.child); server = undefined; rmSync(tmp, { recursive: true, force: true }); };
  process.on("exit", stop);
  const consoleLines = [];
  try {
    env ??= ensureVsCodeEnv({ log });
    let t = Date.now();
    const contents = packageVsix();
    times.package = Date.now() - t;
    log(`packaged ${path.relative(ROOT, VSIX)} (${contents}) in ${seconds(times.package)}`);

    t = Date.now();
    const extensionsDir = path.join(tmp, "extensions");
    mkdirSync(extensionsDir);
    installExtension(env, VSIX, extensionsDir, path.join(tmp, "install"));
    times.install = Date.now() - t;

    const workspace = copyExamples(tmp);
    const expected = expectedStatus(workspace);
    const port = await freePort();
    t = Date.now();
    server = await startCodeServer(env, { port, dir: path.join(tmp, "server"), extensionsDir, extraEnv: { STRATEGY_DOCS_TODAY: TODAY } });
    times.listening = Date.now() - t;
    const seen = await checkWorkbench(env, workbenchUrl(port, workspace), { file: TACTIC, screenshot: path.join(RESULTS_DIR, "vsix-workbench.png"), consoleLines });
    times.activated = seen.ms;

    const problems = [];
    if (seen.text !== expected) problems.push(`the status bar item says "${seen.text}" / "${seen.label}"; the packaged CLI's plan gives "${expected}"`);
    const { type, kind, plainKey } = seen.colours ?? {};
    if (!(type && plainKey && type !== plainKey)) problems.push(`the front matter grammar did not colour \`type:\` in ${TACTIC} (type ${type}, title ${plainKey})`);
    log(`installed in ${seconds(times.install)}; code-server listening in ${seconds(times.listening)}; status bar "${seen.text}" ${seconds(times.activated)} after opening the page; \`type\` ${type} vs \`title\` ${plainKey}, \`tactic\` ${kind}`);
    for (const problem of problems) console.log(`[vsix] ✘ ${problem}`);
    log(`total ${seconds(Date.now() - start)}`);
    console.log(problems.length ? "vsix: failed" : "vsix: passed");
    return problems.length ? 1 : 0;
  } catch (error) {
    console.error(`[vsix] ${error instanceof Error ? error.message : String(error)}`);
    console.log("vsix: failed");
    return 1;
  } finally {
    mkdirSync(RESULTS_DIR, { recursive: true });
    if (server) writeFileSync(path.join(RESULTS_DIR, "vsix-code-server.log"), server.output());
    writeFileSync(path.join(RESULTS_DIR, "vsix-console.log"), consoleLines.join("\n") + "\n");
    stop();
    process.off("exit", stop);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => process.exit(130)); // 'exit' kills code-server
  runVsixTest().then((code) => process.exit(code));
}
