/**
 * Headless Debian chromium through playwright-core: the path comes from
 * scripts/vscode-env.mjs (`envPaths()`); only when it is missing does
 * `ensureVsCodeEnv()` install it (apt). No browser is ever downloaded.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { ensureVsCodeEnv, envPaths } from "../../../scripts/vscode-env.mjs";

const require = createRequire(import.meta.url);

const CHROMIUM_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--font-render-hinting=none",
  // Everything but the harness server is unreachable.
  "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
];

/** The chromium executable, installed first if missing. */
export function chromiumPath({ log = (line) => console.log(`[e2e] ${line}`) } = {}) {
  const path = envPaths().chromium;
  if (existsSync(path)) return path;
  log(`${path} is missing: installing it with scripts/vscode-env.mjs`);
  return ensureVsCodeEnv({ log }).chromium;
}

/** Launches headless chromium. */
export async function launchChromium(options = {}) {
  const { chromium } = require("playwright-core");
  const executablePath = chromiumPath(options);
  try {
    return await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
  } catch (error) {
    throw new Error(`chromium (${executablePath}) did not start: ${error instanceof Error ? error.message : String(error)}`);
  }
}
