#!/usr/bin/env node
/**
 * `npm start`: runs the CLI on examples/ (check, backlog, plan of sprint 2026-s14), then
 * opens examples/ in a real VS Code with the extension running:
 *
 * - VS Code desktop in extension-development mode when `code` is on the PATH
 *   (`code --extensionDevelopmentPath=<repo> <repo>/examples`, detached);
 * - otherwise VS Code in the browser: code-server (installed on first use by
 *   scripts/vscode-env.mjs into ~/.cache/strategy-docs) on 127.0.0.1, port 8080 when
 *   free; it prints the URL to open and runs until Ctrl-C.
 *
 * Without a terminal (stdout not a TTY, or CI set) it stops after the CLI output, so
 * `npm install && npm start` stays usable in scripts.
 *
 *   node scripts/start.mjs [--no-editor | --editor] [--browser] [--port N] [--smoke] [--verbose]
 *
 *   --no-editor   only the CLI output (the default without a terminal or with CI set)
 *   --editor      open the editor even without a terminal
 *   --browser     code-server even when `code` is on the PATH
 *   --port N      code-server's port (default 8080 when free, else any free port)
 *   --smoke       code-server, then headless Chromium opens the URL, waits for the extension's
 *                 status bar item (its problem counts), opens a tactic and compares the colours
 *                 of its front matter keys, screenshots test-results/start.png, and stops
 *                 (exit 0 when the extension showed its counts and the grammar coloured `type`)
 *   --verbose     echo code-server's output
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkWorkbench, freePort, killGroup, sleep, startCodeServer, workbenchUrl } from "./code-server.mjs";
import { ensureVsCodeEnv, has } from "./vscode-env.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const EXAMPLES = path.join(ROOT, "examples");
const SCREENSHOT = path.join(ROOT, "test-results", "start.png");
/** The file --smoke opens, to see the front matter grammar at work. */
const SMOKE_FILE = "tactics/linkedin-retargeting-trials.md";

const USAGE = "usage: node scripts/start.mjs [--no-editor | --editor] [--browser] [--port N] [--smoke] [--verbose]";

function parseArgs(argv) {
  const options = { noEditor: false, editor: false, browser: false, smoke: false, verbose: false, port: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--no-editor") options.noEditor = true;
    else if (arg === "--editor") options.editor = true;
    else if (arg === "--browser") options.browser = true;
    else if (arg === "--smoke") options.smoke = true;
    else if (arg === "--verbose") options.verbose = true;
    else if (arg === "--port" || arg.startsWith("--port=")) {
      const value = arg.includes("=") ? arg.slice("--port=".length) : argv[++i];
      options.port = Number(value);
      if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65535) fail(`--port needs a port number, not ${value}\n${USAGE}`);
    } else if (arg === "--help" || arg === "-h") { console.log(USAGE); process.exit(0); }
    else fail(`unknown option ${arg}\n${USAGE}`);
  }
  return options;
}

function fail(message) {
  console.error(`[start] ${message}`);
  process.exit(2);
}

const log = (line) => console.log(`[start] ${line}`);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Runs `node <args>` in the repo with the output inherited; returns its exit code. */
function node(args) {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: "inherit" });
  return result.status ?? 1;
}

/** The CLI on examples/, exactly what `npm start` always printed; stops at the first failing command (as `&&` did). */
function runCli() {
  if (!existsSync(path.join(ROOT, "dist", "cli.js")) || !existsSync(path.join(ROOT, "dist", "extension.js"))) {
    const code = node(["esbuild.js"]);
    if (code !== 0) return code;
  }
  for (const args of [["check", "examples"], ["backlog", "examples"], ["plan", "--sprint", "2026-s14", "examples"]]) {
    const code = node(["dist/cli.js", ...args]);
    if (code !== 0) return code;
  }
  return 0;
}

/** VS Code desktop with the repo as the extension under development; returns at once. */
function openDesktop() {
  const args = [`--extensionDevelopmentPath=${ROOT}`, EXAMPLES];
  const child = spawn("code", args, { cwd: ROOT, detached: true, stdio: "ignore" });
  child.on("error", (error) => console.error(`[start] \`code\` failed: ${error.message}`));
  child.unref();
  log(`opened VS Code: code ${args.join(" ")}`);
}

/** What must be undone on every exit path. */
const session = { server: undefined, tmp: undefined };

function stopServer() {
  killGroup(session.server?.child);
  session.server = undefined;
  if (session.tmp) rmSync(session.tmp, { recursive: true, force: true });
  session.tmp = undefined;
}

/** code-server with the repo as the extension under development; runs until Ctrl-C (or, with --smoke, until Chromium saw the extension). */
async function openBrowser(options) {
  const env = ensureVsCodeEnv({ log: (line) => log(line) });
  const port = options.port ?? (await freePort(8080));
  session.tmp = mkdtempSync(path.join(os.tmpdir(), "strategy-docs-start-"));
  process.on("exit", stopServer);
  const started = Date.now();
  session.server = await startCodeServer(env, {
    port, dir: session.tmp,
    onOutput: options.verbose ? (chunk) => process.stdout.write(`[code-server] ${chunk}`) : undefined,
  });
  const url = workbenchUrl(port, EXAMPLES, ROOT);
  log(`code-server ${env.codeServerVersion} (VS Code ${env.vscodeVersion}) listens on http://127.0.0.1:${port} (${seconds(Date.now() - started)})`);
  log("open examples/ with the extension (from this repo's dist/) running:");
  console.log(`\n  ${url}\n`);
  if (options.smoke) {
    const seen = await checkWorkbench(env, url, { screenshot: SCREENSHOT, file: SMOKE_FILE });
    log(`the extension shows "${seen.text}" (problem counts) in the status bar, ${seconds(seen.ms)} after opening the page`);
    const { type, kind, plainKey } = seen.colours ?? {};
    const coloured = Boolean(type && plainKey && type !== plainKey);
    log(`${SMOKE_FILE}: \`type\` ${type}, \`tactic\` ${kind}, \`title\` ${plainKey}: ${coloured ? "the front matter grammar colours the kind" : "NOT coloured by the front matter grammar"}`);
    log(`screenshot: ${path.relative(ROOT, SCREENSHOT)}`);
    return coloured ? 0 : 1;
  }
  log("(after `npm run build` reload the page to load the new build.) Ctrl-C stops code-server.");
  const stopped = new Promise((resolve) => {
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => resolve(signal));
  });
  const how = await Promise.race([stopped, session.server.exited.then((code) => ({ exited: code }))]);
  if (typeof how === "object") {
    console.error(`[start] code-server stopped (${how.exited}). Its last output:\n${session.server?.output().split("\n").slice(-30).join("\n")}`);
    return 1;
  }
  console.log();
  log(`${how}: stopping code-server`);
  return 0;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const cli = runCli();
  if (cli !== 0) return cli;
  if (options.noEditor) return 0;
  if (!options.editor && !options.smoke && (process.env.CI || !process.stdout.isTTY)) {
    console.error(`[start] ${process.env.CI ? "CI is set" : "not a terminal"}: VS Code not opened (\`npm start -- --editor\` opens it)`);
    return 0;
  }
  console.log();
  if (has("code") && !options.browser && !options.smoke) {
    openDesktop();
    return 0;
  }
  if (!options.browser && !options.smoke) log("`code` is not on the PATH: VS Code in the browser, through code-server");
  return openBrowser(options);
}

main().then(
  async (code) => { stopServer(); await sleep(0); process.exit(code); },
  (error) => {
    console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
    stopServer();
    process.exit(1);
  },
);
