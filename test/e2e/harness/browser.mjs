/**
 * Headless Debian chromium through playwright-core: the path comes from
 * scripts/vscode-env.mjs (`envPaths()`); only when it is missing does
 * `ensureVsCodeEnv()` install it (apt). No browser is ever downloaded.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { CHROMIUM_ARGS as OFFLINE_ARGS } from "../../../scripts/code-server.mjs";
import { ensureVsCodeEnv, envPaths } from "../../../scripts/vscode-env.mjs";

const require = createRequire(import.meta.url);

/** The workbench's flags (everything but 127.0.0.1, here the harness server, is unreachable), and stable glyph metrics for screenshots. */
const CHROMIUM_ARGS = [...OFFLINE_ARGS, "--font-render-hinting=none"];

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
