#!/usr/bin/env node
/**
 * Installs, idempotently, what the integration tests need to run a real VS Code
 * offline (see shared/REAL-VSCODE.md): Debian's `chromium` (apt) and code-server
 * (npm, in its own prefix under ~/.cache/strategy-docs/vscode-test, outside the
 * repo and its package.json). Only the npm registry and Debian's apt repositories are
 * used; nothing else is downloaded. A marker file records what was installed, so
 * a second run only checks.
 *
 *   node scripts/vscode-env.mjs          # install what is missing, print each step and its time
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * The cache folder of the test environment: outside the repo, so that every clone on
 * this machine (CI clones afresh) reuses one install. `STRATEGY_DOCS_TEST_CACHE` moves it.
 */
export const CACHE_DIR = process.env.STRATEGY_DOCS_TEST_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "strategy-docs", "vscode-test");

/**
 * The code-server release: 4.100.3 (VS Code 1.100.3) is the last that runs on Node 20.
 * Its `@vscode/ripgrep` postinstall downloads ripgrep from GitHub unless it finds
 * `<tmpdir>/vscode-ripgrep-cache-<package version>/ripgrep-<VERSION>-<target>.tar.gz`,
 * so that archive is built from Debian's `ripgrep` beforehand.
 */
export const CODE_SERVER = {
  version: "4.100.3",
  vscodeVersion: "1.100.3",
  ripgrepPackage: "1.15.11",
  ripgrepRelease: "v13.0.0-10",
};

const CHROMIUM = "/usr/bin/chromium";
const PREFIX = join(CACHE_DIR, "code-server");
const MARKER = join(PREFIX, ".installed.json");
const INSTALL_LOG = join(PREFIX, "install.log");

/** What the runner needs to start the environment. */
export function envPaths() {
  return {
    chromium: CHROMIUM,
    node: process.execPath,
    codeServerEntry: join(PREFIX, "node_modules", "code-server", "out", "node", "entry.js"),
    codeServerVersion: CODE_SERVER.version,
    vscodeVersion: CODE_SERVER.vscodeVersion,
  };
}

/** Whether `command` is on the PATH. */
export const has = (command) => spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
const seconds = (start) => `${((Date.now() - start) / 1000).toFixed(1)} s`;

function markerWanted() {
  return { codeServer: CODE_SERVER.version, nodeMajor: process.versions.node.split(".")[0], platform: process.platform, arch: process.arch };
}

function codeServerInstalled() {
  if (!existsSync(MARKER) || !existsSync(envPaths().codeServerEntry)) return false;
  try {
    return JSON.stringify(JSON.parse(readFileSync(MARKER, "utf8")).wanted) === JSON.stringify(markerWanted());
  } catch {
    return false;
  }
}

/** Runs a command with its output appended to `logFile` (or inherited); throws with the log's tail on failure. */
function run(command, args, { env = process.env, cwd = ROOT, logFile, timeoutMs = 20 * 60_000 } = {}) {
  const fd = logFile ? openSync(logFile, "a") : undefined;
  try {
    const result = spawnSync(command, args, { cwd, env, stdio: ["ignore", fd ?? "inherit", fd ?? "inherit"], timeout: timeoutMs });
    if (result.status === 0) return;
    const tail = logFile ? readFileSync(logFile, "utf8").split("\n").slice(-60).join("\n") : "";
    const why = result.error ? result.error.message : result.signal ? `signal ${result.signal}` : `exit code ${result.status}`;
    throw new Error(`\`${command} ${args.join(" ")}\` failed (${why})${logFile ? `; last lines of ${logFile}:\n${tail}` : ""}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Debian packages that are missing: chromium always; the build prerequisites only when code-server must be installed. */
function missingAptPackages(needCodeServer) {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push("chromium");
  if (needCodeServer) {
    if (!has("rg")) missing.push("ripgrep");
    // The `kerberos` addon of VS Code includes gssapi/gssapi.h and asks pkg-config for krb5.
    if (!existsSync("/usr/include/gssapi/gssapi.h")) missing.push("libkrb5-dev");
    if (!has("pkg-config")) missing.push("pkg-config");
    if (!has("g++") || !has("make")) missing.push("build-essential");
    if (!has("python3")) missing.push("python3");
  }
  return missing;
}

function aptInstall(packages, log) {
  if (process.getuid?.() !== 0) throw new Error(`missing Debian packages: ${packages.join(" ")}; install them with apt-get (as root) and run again`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const logFile = join(CACHE_DIR, "apt.log");
  let start = Date.now();
  run("apt-get", ["update", "-q"], { env, logFile });
  log(`apt-get update: ${seconds(start)} (log: ${logFile})`);
  start = Date.now();
  run("apt-get", ["install", "-y", "-q", ...packages], { env, logFile });
  log(`apt-get install ${packages.join(" ")}: ${seconds(start)}`);
}

/** Builds the ripgrep archive @vscode/ripgrep's postinstall looks for, from Debian's `rg`. */
function seedRipgrepCache(tmpDir) {
  const target = { x64: "x86_64-unknown-linux-musl", arm64: "aarch64-unknown-linux-musl" }[process.arch];
  if (!target) throw new Error(`no ripgrep seed for arch ${process.arch}`);
  const cacheDir = join(tmpDir, `vscode-ripgrep-cache-${CODE_SERVER.ripgrepPackage}`);
  const archive = join(cacheDir, `ripgrep-${CODE_SERVER.ripgrepRelease}-${target}.tar.gz`);
  const stage = join(tmpDir, "rg-stage");
  mkdirSync(cacheDir, { recursive: true });
  mkdirSync(stage, { recursive: true });
  const rg = spawnSync("sh", ["-c", "command -v rg"], { encoding: "utf8" }).stdout.trim();
  cpSync(rg, join(stage, "rg"));
  run("tar", ["czf", archive, "-C", stage, "rg"]);
  return archive;
}

/** process.env without what `npm run` exports about the repo's own package (this install has its own prefix). */
function inheritedEnv() {
  const dropped = /^npm_(?!config_)|^npm_config_(local_prefix|prefix|global_prefix|call|allow_scripts|yes)$/i;
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !dropped.test(key)));
}

function installCodeServer(log) {
  const start = Date.now();
  rmSync(PREFIX, { recursive: true, force: true });
  const tmpDir = join(CACHE_DIR, "tmp");
  rmSync(tmpDir, { recursive: true, force: true });
  mkdirSync(PREFIX, { recursive: true });
  const archive = seedRipgrepCache(tmpDir);
  log(`ripgrep download cache seeded from Debian's rg: ${archive}`);
  writeFileSync(join(PREFIX, "package.json"), JSON.stringify({ private: true, description: "code-server for the integration tests (installed by scripts/vscode-env.mjs)", dependencies: { "code-server": CODE_SERVER.version } }, null, 2));
  const nodeDir = resolve(dirname(process.execPath), "..");
  const env = {
    ...inheritedEnv(),
    // @vscode/ripgrep finds its seeded archive under os.tmpdir().
    TMPDIR: tmpDir,
    // code-server's postinstall refuses to run as root without it.
    npm_config_unsafe_perm: "true",
    // node-pty's postinstall runs `npx node-gyp`.
    npm_config_yes: "true",
    // npm 11 runs no dependency install scripts unless allowed. code-server's postinstall runs
    // nested project-scoped `npm install`s (lib/vscode, lib/vscode/extensions) that reject an
    // inherited --allow-scripts list (EALLOWSCRIPTS), so scripts are allowed wholesale here:
    // this prefix holds only code-server and its shrinkwrap-pinned dependencies.
    npm_config_dangerously_allow_all_scripts: "true",
    // Native addons compile from source instead of trying GitHub for prebuilt binaries.
    npm_config_build_from_source: "true",
    // node-gyp uses the installed Node headers instead of downloading them.
    ...(existsSync(join(nodeDir, "include", "node", "node_version.h")) ? { npm_config_nodedir: nodeDir } : {}),
  };
  log(`npm install code-server@${CODE_SERVER.version} into ${PREFIX} (native addons build from source; log: ${INSTALL_LOG}) ...`);
  run("npm", ["install", "--no-audit", "--no-fund", "--foreground-scripts"], { cwd: PREFIX, env, logFile: INSTALL_LOG });
  if (!existsSync(envPaths().codeServerEntry)) throw new Error(`code-server installed, but ${envPaths().codeServerEntry} is missing`);
  for (const addon of ["node-pty/build/Release/pty.node", "@vscode/spdlog/build/Release/spdlog.node", "@vscode/ripgrep/bin/rg"]) {
    const path = join(PREFIX, "node_modules/code-server/lib/vscode/node_modules", addon);
    if (!existsSync(path)) throw new Error(`code-server's install left out ${path}; see ${INSTALL_LOG}`);
  }
  rmSync(tmpDir, { recursive: true, force: true });
  writeFileSync(MARKER, JSON.stringify({ wanted: markerWanted(), installedAt: new Date().toISOString(), seconds: (Date.now() - start) / 1000 }, null, 2));
  log(`code-server ${CODE_SERVER.version} installed: ${seconds(start)}`);
}

/**
 * Makes sure chromium and code-server are installed; installs what is missing.
 * @param {{ log?: (line: string) => void }} [options] where progress lines go (default: stdout)
 * @returns {ReturnType<typeof envPaths> & { seconds: number }} the paths the runner needs
 */
export function ensureVsCodeEnv({ log = (line) => console.log(`[vscode-env] ${line}`) } = {}) {
  const start = Date.now();
  mkdirSync(CACHE_DIR, { recursive: true });
  const needCodeServer = !codeServerInstalled();
  const missing = missingAptPackages(needCodeServer);
  if (missing.length > 0) aptInstall(missing, log);
  else log(`Debian packages present (chromium${needCodeServer ? ", build prerequisites" : ""})`);
  if (needCodeServer) installCodeServer(log);
  else log(`code-server ${CODE_SERVER.version} already installed in ${PREFIX}`);
  log(`environment ready: ${seconds(start)}`);
  return { ...envPaths(), seconds: (Date.now() - start) / 1000 };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    ensureVsCodeEnv();
  } catch (error) {
    console.error(`[vscode-env] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
