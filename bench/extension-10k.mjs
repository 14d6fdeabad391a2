#!/usr/bin/env node
/**
 * The extension on a 10,000-item workspace, inside a real VS Code (code-server + headless
 * Chromium, as test/integration/run.mjs): a benchmark, not part of `npm test`.
 *
 *   node bench/extension-10k.mjs [--items 10000] [--keep]
 *
 * It writes the workspace with shared/tools/gen-corpus.mjs, takes the CLI's findings on it
 * (`strategy-docs check --format json`) as the expected diagnostics, and runs the suite
 * test/integration/suite/large.test.ts (selected by STRATEGY_DOCS_IT_LARGE=1), which opens a
 * tactic (activating the extension), asks for a hover and a completion while the workspace
 * is read, waits until exactly the CLI's diagnostics are published, then times requests,
 * edits, a wide edit (a pillar's id) and Check Workspace, watching the extension host's event
 * loop throughout. Meanwhile this script watches the workbench's status bar for the
 * "Strategy Docs: reading" progress indicator. Prints a table; the raw figures go to
 * bench/results/extension-<items>.json.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { CHROMIUM_ARGS, freePort, killGroup, sleep, startCodeServer, workbenchUrl } from "../scripts/code-server.mjs";
import { ensureVsCodeEnv } from "../scripts/vscode-env.mjs";
import { buildIntegration, TESTS_PATH } from "../test/integration/common.mjs";
import { arg, GEN_CORPUS, REPO as repo } from "./common.mjs";

const require = createRequire(import.meta.url);
const items = Number(arg("items", 10000));
const keep = process.argv.includes("--keep");
const TIMEOUT_MS = 10 * 60_000;
const log = (line) => console.log(`[bench] ${line}`);

const session = { server: undefined, browser: undefined, tmp: undefined };
function cleanup() {
  killGroup(session.server?.child);
  session.server = undefined;
  if (session.tmp && !keep) rmSync(session.tmp, { recursive: true, force: true });
}
process.on("exit", cleanup);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => process.exit(130));

/** The CLI's findings on the workspace, as the sorted `path rule` lines the suite compares with. */
function cliFindings(workspace) {
  const start = Date.now();
  const result = spawnSync(process.execPath, [join(repo, "dist", "cli.js"), "check", workspace, "--format", "json"], { encoding: "utf8", maxBuffer: 1 << 30 });
  if (result.status !== 0 && result.status !== 1) throw new Error(`strategy-docs check failed (${result.status}): ${result.stderr}`);
  const { diagnostics } = JSON.parse(result.stdout);
  return { lines: diagnostics.map((d) => `${d.file} ${d.rule}`).sort(), ms: Date.now() - start };
}

/** The extension's own log lines (its output channel, which VS Code keeps in the profile's logs). */
function extensionLog(dir) {
  const found = [];
  const walk = (folder) => {
    for (const name of readdirSync(folder)) {
      const file = join(folder, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/Strategy Docs\.log$/.test(name)) found.push(readFileSync(file, "utf8"));
    }
  };
  if (existsSync(dir)) walk(dir);
  return found.join("").trim().split("\n").filter(Boolean);
}

/** Runs the large suite in the workbench; meanwhile records when the status bar shows our progress. */
async function runSuite(env, port, workspace) {
  const { chromium } = require("playwright-core");
  const browser = (session.browser = await chromium.launch({ executablePath: env.chromium, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 }));
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let reportExit;
    const exitCode = new Promise((resolve) => (reportExit = resolve));
    await page.exposeFunction("codeAutomationExit", (code) => reportExit(Number(code)));
    const pageStart = Date.now();
    await page.goto(workbenchUrl(port, workspace, repo, TESTS_PATH), { waitUntil: "domcontentloaded", timeout: 60_000 });
    // The window progress ("Strategy Docs: reading <folder>") is a status bar entry; its text or label names it.
    // Each time it shows: from when to when (epoch ms), and its text.
    const progress = [];
    let done = false;
    let shown = false;
    const watch = (async () => {
      while (!done) {
        const seen = await page.evaluate(() => {
          for (const item of document.querySelectorAll(".statusbar-item")) {
            const text = item.textContent?.replace(/\s+/g, " ").trim() || item.getAttribute("aria-label");
            if (/Strategy Docs: reading/.test(text ?? "")) return text;
          }
          return undefined;
        }).catch(() => undefined);
        // A busy page answers late: a span ends only when a look found no progress.
        const now = Date.now();
        if (seen && shown) progress.at(-1).toEpoch = now;
        else if (seen) progress.push({ fromEpoch: now, toEpoch: now, text: seen });
        shown = Boolean(seen);
        await sleep(25);
      }
    })();
    const code = await Promise.race([
      exitCode,
      session.server.exited.then((how) => { throw new Error(`code-server stopped (${how}). Its output:\n${session.server.output()}`); }),
      sleep(TIMEOUT_MS).then(() => { throw new Error(`no results after ${TIMEOUT_MS / 1000} s`); }),
    ]);
    done = true;
    await watch;
    return { code, progress, pageStart };
  } finally {
    await Promise.race([browser.close().catch(() => {}), sleep(5000)]);
  }
}

async function main() {
  const env = ensureVsCodeEnv();
  await buildIntegration();
  session.tmp = mkdtempSync(join(tmpdir(), `strategy-docs-bench-${items}-`));
  const workspace = join(session.tmp, `strategy-${items}`);
  const generated = spawnSync(process.execPath, [GEN_CORPUS, "--items", String(items), "--out", workspace], { encoding: "utf8" });
  if (generated.status !== 0) throw new Error(`gen-corpus failed: ${generated.stderr}`);
  log(generated.stdout.trim());
  const cli = cliFindings(workspace);
  const expectedFile = join(session.tmp, "expected-diagnostics.json");
  writeFileSync(expectedFile, JSON.stringify(cli.lines));
  log(`the CLI finds ${cli.lines.length} diagnostics in ${cli.ms} ms`);

  const resultsFile = join(session.tmp, "results.json");
  const port = await freePort();
  const profile = join(session.tmp, "profile");
  session.server = await startCodeServer(env, {
    port,
    dir: profile,
    extraEnv: { STRATEGY_DOCS_IT_LARGE: "1", STRATEGY_DOCS_IT_LARGE_EXPECTED: expectedFile, STRATEGY_DOCS_TEST_RESULTS: resultsFile },
  });
  log(`code-server ${env.codeServerVersion} on 127.0.0.1:${port}, workspace ${workspace}`);
  const { code, progress, pageStart } = await runSuite(env, port, workspace);
  if (!existsSync(resultsFile)) throw new Error(`the suite wrote no results (VS Code exit code ${code})`);
  const results = JSON.parse(readFileSync(resultsFile, "utf8"));
  const ownLog = extensionLog(join(profile, "user-data", "logs"));
  killGroup(session.server.child);

  for (const test of results.tests) {
    console.log(`  ${test.state === "passed" ? "✔" : test.state === "failed" ? "✘" : "-"} ${test.title} (${test.durationMs ?? 0} ms)`);
    if (test.error) console.log(test.error.split("\n").slice(0, 8).map((line) => `      ${line}`).join("\n"));
  }
  const m = results.metrics;
  const read = ownLog.find((line) => /^Read \d+ markdown files/.test(line));
  const activated = ownLog.find((line) => /activated in/.test(line));
  const ms = (value) => (value === undefined ? "—" : `${Math.round(value)} ms`);
  const rows = [
    ["workspace", `${items} items, ${cli.lines.length} diagnostics (CLI: ${cli.ms} ms, whole process)`],
    ["page load → suite start", ms(m.startEpoch - pageStart)],
    ["open a tactic → extension active", ms(m.activatedMs)],
    ["activate() itself (VS Code's marks)", ms(m.activation?.activateMs)],
    ["extension's own log", [activated, read].filter(Boolean).join("; ") || "—"],
    ["open → first diagnostic", ms(m.firstDiagnosticMs)],
    ["open → all diagnostics published (= CLI's)", ms(m.allDiagnosticsMs)],
    ["progress in the status bar (from–to after open)", progress.length ? `"${progress[0].text}": ${progress.map((p) => `${ms(p.fromEpoch - m.startEpoch)}–${ms(p.toEpoch - m.startEpoch)}`).join(", ")}` : "not seen"],
    ["hover asked during the read", ms(m.hoverDuringReadMs)],
    ["completion asked during the read", ms(m.completionDuringReadMs)],
    ["another extension's request during the read", ms(m.otherExtensionRequestDuringReadMs)],
    ["longest extension-host stall while reading", `${ms(m.readMaxStallMs)} (stalls > 100 ms, length at time after open: ${(m.readLongStalls ?? []).map((s) => `${s.ms}@${((s.atEpoch - m.startEpoch) / 1000).toFixed(1)}s`).join(" ")})`],
    ["hover once read (median / max of 10)", `${ms(m.hoverMedianMs)} / ${ms(m.hoverMaxMs)}`],
    ["completion once read (median / max of 10)", `${ms(m.completionMedianMs)} / ${ms(m.completionMaxMs)}`],
    ["edit → its diagnostic (median / max of 7)", `${ms(m.editToDiagnosticMedianMs)} / ${ms(m.editToDiagnosticMaxMs)}; edit back ${ms(m.editBackMedianMs)}; longest stall ${ms(m.editMaxStallMs)}`],
    [`pillar id edited → ${m.renamedPillarReferences ?? "?"} referrers re-diagnosed`, `${ms(m.wideEditToDiagnosticsMs)}; longest stall ${ms(m.wideEditMaxStallMs)}`],
    ["Strategy Board: open → model sent", `${ms(m.boardOpenMs)} (${m.boardItems ?? "?"} items)`],
    ["Strategy Board: edit → next model (median / max of 5)", `${ms(m.boardFollowsEditMedianMs)} / ${ms(m.boardFollowsEditMaxMs)}; longest stall ${ms(m.boardMaxStallMs)}`],
    ["Check Workspace (read all again)", `${ms(m.checkWorkspaceMs)}, started ${ms(m.checkWorkspaceStartEpoch - m.startEpoch)} after open; longest stall ${ms(m.checkWorkspaceMaxStallMs)}`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`\nStrategy Docs in VS Code ${results.vscodeVersion} (code-server), ${items} items:`);
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
  const out = join(repo, "bench", "results", `extension-${items}.json`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ items, cli: { diagnostics: cli.lines.length, ms: cli.ms }, progress, ownLog, metrics: m, tests: results.tests }, null, 2) + "\n");
  log(`raw figures in ${out}${keep ? `; workspace and profile kept in ${session.tmp}` : ""}`);
  return code === 0 && results.failed === 0 && results.passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[bench] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
