/**
 * Starting code-server (the real VS Code workbench, served on 127.0.0.1) and opening it in
 * headless Chromium, for `npm start` (scripts/start.mjs) and the test of the packaged .vsix
 * (test/integration/vsix.mjs). The environment comes from scripts/vscode-env.mjs; the
 * choices (quiet settings, no network, process group) are those of shared/REAL-VSCODE.md.
 * Also used by test/integration/run.mjs and bench/extension-10k.mjs (the extension-test payload).
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";

const require = createRequire(import.meta.url);

/** Quiet user settings: nothing phones home, nothing pops up. */
export const USER_SETTINGS = {
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoUpdate": false,
  "extensions.autoCheckUpdates": false,
  "extensions.ignoreRecommendations": true,
  "workbench.startupEditor": "none",
  "workbench.enableExperiments": false,
  "workbench.tips.enabled": false,
  "chat.disableAIFeatures": true,
  "git.enabled": false,
  "security.workspace.trust.enabled": false,
  "json.schemaDownload.enable": false,
  "npm.fetchOnlinePackageInfo": false,
  "typescript.disableAutomaticTypeAcquisition": true,
};

/** Headless Chromium that reaches nothing but 127.0.0.1. */
export const CHROMIUM_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
];

/** The DOM id VS Code gives the extension's status bar item (`<publisher>.<name>.<item id>`). */
export const STATUS_ITEM_SELECTOR = '[id="strategy-docs.strategy-docs.strategyDocs.problems"]';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether something accepts connections on 127.0.0.1:port. */
export const canConnect = (port) => new Promise((resolve) => {
  const socket = net.connect(port, "127.0.0.1", () => { socket.destroy(); resolve(true); }).on("error", () => resolve(false));
});

/** A free port on 127.0.0.1: `preferred` when it can be bound, else one the system picks. */
export async function freePort(preferred) {
  const listen = (port) => new Promise((resolve) => {
    const server = net.createServer().once("error", () => resolve(undefined));
    server.listen(port, "127.0.0.1", () => { const bound = server.address().port; server.close(() => resolve(bound)); });
  });
  return (preferred ? await listen(preferred) : undefined) ?? (await listen(0));
}

/**
 * The workbench URL of `folder` on the server at `port`, with the extension under development
 * at `extensionPath` and, given `extensionTestsPath`, the extension tests the workbench runs
 * (code-server reads both from the URL payload only).
 */
export function workbenchUrl(port, folder, extensionPath, extensionTestsPath) {
  const base = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`;
  if (!extensionPath) return base;
  const remote = (file) => `vscode-remote://127.0.0.1:${port}${file}`;
  const payload = [
    ["extensionDevelopmentPath", remote(extensionPath)],
    ...(extensionTestsPath ? [["extensionTestsPath", remote(extensionTestsPath)]] : []),
    ["skipWelcome", "true"],
  ];
  return `${base}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Throwaway profile folders under `dir` (the extensions folder may be given). */
function profile(dir, port, extensionsDir) {
  const dirs = Object.fromEntries(["user-data", "extensions", "xdg-config", "xdg-data", "xdg-cache"].map((name) => [name, path.join(dir, name)]));
  if (extensionsDir) dirs.extensions = extensionsDir;
  for (const folder of Object.values(dirs)) mkdirSync(folder, { recursive: true });
  mkdirSync(path.join(dirs["user-data"], "User"), { recursive: true });
  writeFileSync(path.join(dirs["user-data"], "User", "settings.json"), JSON.stringify(USER_SETTINGS, null, 2));
  const config = path.join(dir, "config.yaml");
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  return { dirs, config };
}

/** What code-server needs in its environment: no marketplace (a dead loopback port), config and caches in the profile. */
function serverEnv(dirs, extra) {
  const dead = "http://127.0.0.1:9";
  return {
    ...process.env,
    EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: `${dead}/gallery`, itemUrl: `${dead}/items`, resourceUrlTemplate: `${dead}/{publisher}/{name}/{version}/{path}` }),
    XDG_CONFIG_HOME: dirs["xdg-config"], XDG_DATA_HOME: dirs["xdg-data"], XDG_CACHE_HOME: dirs["xdg-cache"],
    ...extra,
  };
}

/** `code-server --install-extension <vsix> --extensions-dir <dir>`; throws with its output on failure. */
export function installExtension(env, vsix, extensionsDir, dir) {
  const { dirs } = profile(dir, 0, extensionsDir);
  const result = spawnSync(env.node, [env.codeServerEntry, "--user-data-dir", dirs["user-data"], "--extensions-dir", extensionsDir, "--install-extension", vsix], {
    env: serverEnv(dirs), encoding: "utf8", timeout: 60_000,
  });
  if (result.status !== 0) throw new Error(`code-server --install-extension ${vsix} failed (${result.error?.message ?? result.status}):\n${result.stdout}${result.stderr}`);
  return result.stdout.trim();
}

/**
 * Starts code-server on 127.0.0.1:port with a throwaway profile under `dir`, in its own
 * process group; resolves once it accepts connections. `onSpawn(child)` gets the process at
 * once (so a caller can kill it if interrupted before it listens), `onOutput(chunk)` its output.
 * @returns {Promise<{ child: import("node:child_process").ChildProcess, output: () => string, exited: Promise<string | number>, kill: () => void }>}
 */
export async function startCodeServer(env, { port, dir, extensionsDir, extraEnv = {}, onOutput, onSpawn }) {
  const { dirs, config } = profile(dir, port, extensionsDir);
  const args = [
    env.codeServerEntry, "--bind-addr", `127.0.0.1:${port}`, "--auth", "none", "--disable-telemetry",
    "--disable-update-check", "--disable-workspace-trust", "--ignore-last-opened",
    "--user-data-dir", dirs["user-data"], "--extensions-dir", dirs.extensions, "--config", config,
  ];
  const child = spawn(env.node, args, { detached: true, stdio: ["ignore", "pipe", "pipe"], env: serverEnv(dirs, extraEnv) });
  onSpawn?.(child);
  let output = "";
  const keep = (chunk) => { output += chunk; onOutput?.(chunk); };
  child.stdout.setEncoding("utf8").on("data", keep);
  child.stderr.setEncoding("utf8").on("data", keep);
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? signal)));
  const server = { child, output: () => output, exited, kill: () => killGroup(child) };
  const deadline = Date.now() + 30_000;
  while (!(await canConnect(port))) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}) before listening. Its output:\n${output}`);
    if (Date.now() > deadline) { server.kill(); throw new Error(`code-server did not listen on 127.0.0.1:${port} within 30 s. Its output:\n${output}`); }
    await sleep(100);
  }
  return server;
}

/** Kills a detached child's whole process group (synchronous, so it also works in an 'exit' handler). */
export function killGroup(child) {
  if (child?.pid && child.exitCode === null && child.signalCode === null) {
    try { process.kill(-child.pid, "SIGKILL"); } catch { /* already gone */ }
  }
}

/**
 * In the open workbench: Quick Open `file` (a path relative to the workspace folder), and
 * read the colours the editor gives the `type` key and a plain key of its front matter:
 * different colours mean the injection grammar coloured the kind.
 */
async function frontMatterColours(page, file) {
  await page.keyboard.press("Control+P");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible", timeout: 10_000 });
  await input.fill(file);
  await page.locator(".quick-input-list .monaco-list-row").first().waitFor({ state: "visible", timeout: 10_000 });
  await sleep(300);
  await page.keyboard.press("Enter");
  const colours = async () => page.evaluate(() => {
    const colourOf = (text) => {
      for (const span of document.querySelectorAll(".editor-instance .view-line span span")) {
        if (span.textContent === text) return getComputedStyle(span).color;
      }
      return undefined;
    };
    return { type: colourOf("type"), kind: colourOf("tactic"), plainKey: colourOf("title") };
  });
  // Tokenization is asynchronous: wait until the front matter is coloured, then a little longer.
  const deadline = Date.now() + 15_000;
  let seen = await colours();
  while (Date.now() < deadline && !(seen.type && seen.plainKey && seen.type !== seen.plainKey)) {
    await sleep(250);
    seen = await colours();
  }
  return seen;
}

/**
 * Opens `url` in headless Chromium and waits until the extension's status bar item shows
 * a problem count; then, with `file`, opens that file and reads the colours of its front
 * matter keys. Screenshots the workbench to `screenshot` (also after a failure).
 * @returns {Promise<{ text: string, label: string, ms: number, colours?: { type?: string, kind?: string, plainKey?: string } }>}
 *   the item's text (e.g. `8 2`: warnings, infos) and accessible label (with its tooltip), the time it took, the colours
 */
export async function checkWorkbench(env, url, { screenshot, file, timeoutMs = 60_000, consoleLines = [] } = {}) {
  const { chromium } = require("playwright-core");
  const start = Date.now();
  const browser = await chromium.launch({ executablePath: env.chromium, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on("console", (message) => consoleLines.push(`[${message.type()}] ${message.text()}`));
    page.on("pageerror", (error) => consoleLines.push(`[pageerror] ${error.stack ?? error.message}`));
    await page.goto(url, { waitUntil: "domcontentloaded", timeout: 60_000 });
    try {
      const item = page.locator(STATUS_ITEM_SELECTOR);
      await item.waitFor({ state: "visible", timeout: timeoutMs });
      await page.waitForFunction((selector) => /\d/.test(document.querySelector(selector)?.textContent ?? ""), STATUS_ITEM_SELECTOR, { timeout: 10_000 });
      const text = (await item.innerText()).replace(/\s+/g, " ").trim();
      const label = ((await item.getAttribute("aria-label")) ?? "").replace(/\s+/g, " ").trim();
      const ms = Date.now() - start;
      const colours = file ? await frontMatterColours(page, file) : undefined;
      await sleep(500); // let the workbench paint the last state for the screenshot
      return { text, label, ms, colours };
    } finally {
      if (screenshot) {
        mkdirSync(path.dirname(screenshot), { recursive: true });
        await Promise.race([page.screenshot({ path: screenshot }), sleep(10_000)]).catch(() => {});
      }
    }
  } finally {
    await Promise.race([browser.close().catch(() => {}), sleep(5000)]);
  }
}
