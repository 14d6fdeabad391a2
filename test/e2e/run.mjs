#!/usr/bin/env node
/**
 * Runs the Strategy Board's end-to-end tests: the real webview bundle
 * (media/dist/board.js, media/board.css) in the page `boardHtml()` builds, served
 * from 127.0.0.1 with a stub `acquireVsCodeApi()` and VS Code's theme variables
 * (test/e2e/harness/), in headless Debian chromium driven by playwright-core.
 * Models come from the real core (`buildBoard`, through tsx).
 *
 *   node test/e2e/run.mjs                  # builds (node esbuild.js), then runs test/e2e/*.test.mjs
 *   node test/e2e/run.mjs --no-build       # uses the bundle as it is
 *   node test/e2e/run.mjs --grep keyboard  # only the tests whose title matches
 *
 * Exit code 0 when every test passes, 1 otherwise. Screenshots go to test-results/e2e/.
 */
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import Mocha from "mocha";
import { arg } from "../../bench/common.mjs";
import { build } from "../integration/common.mjs";
import { launchChromium } from "./harness/browser.mjs";
import { session } from "./harness/board.mjs";
import { loadBoardHtml, registerTsx, ROOT, startHarness } from "./harness/page.mjs";

const log = (line) => console.log(`[e2e] ${line}`);

async function main() {
  const started = Date.now();
  if (!process.argv.includes("--no-build")) build();
  for (const file of ["media/dist/board.js", "media/board.css", "media/board-time.css", "src/vscode/board-html.ts"]) {
    if (!existsSync(join(ROOT, file))) throw new Error(`${file} is missing: the board webview is not built (npm run build)`);
  }
  registerTsx();
  const results = join(ROOT, "test-results", "e2e");
  if (existsSync(results)) for (const name of readdirSync(results).filter((n) => n.startsWith("failed-"))) rmSync(join(results, name));
  const mocha = new Mocha({ timeout: 20_000, slow: Number(arg("slow") ?? 1500), reporter: "spec", ...(arg("grep") ? { grep: arg("grep") } : {}) });
  const here = join(ROOT, "test", "e2e");
  for (const name of readdirSync(here).filter((n) => n.endsWith(".test.mjs")).sort()) mocha.addFile(join(here, name));

  session.harness = await startHarness(loadBoardHtml);
  session.browser = await launchChromium({ log });
  log(`chromium ${session.browser.version()}, harness at ${session.harness.origin}`);
  let failures = 1;
  try {
    await mocha.loadFilesAsync();
    failures = await new Promise((resolve) => mocha.run(resolve));
  } finally {
    await Promise.race([session.browser.close().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 5000))]);
    await session.harness.close();
  }
  log(`${failures ? `${failures} failing` : "all passed"} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return failures ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[e2e] ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
