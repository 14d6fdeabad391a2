#!/usr/bin/env node
/**
 * Runs the same integration suites in desktop VS Code through @vscode/test-electron,
 * for machines that can download VS Code (it cannot work offline; `run.mjs` is the
 * offline runner, on code-server). On a Linux machine without a display run it
 * under `xvfb-run -a`.
 *
 *   node test/integration/electron.mjs                     # latest stable VS Code
 *   VSCODE_TEST_VERSION=1.100.3 node test/integration/electron.mjs
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runTests } from "@vscode/test-electron";
import { buildIntegration, copyExamples, readResults, report, RESULTS_FILE, ROOT, TESTS_PATH } from "./common.mjs";

async function main() {
  await buildIntegration();
  const tmp = mkdtempSync(path.join(os.tmpdir(), "strategy-docs-it-"));
  try {
    const workspace = copyExamples(tmp);
    let exitCode = 0;
    try {
      exitCode = await runTests({
        version: process.env.VSCODE_TEST_VERSION || "stable",
        extensionDevelopmentPath: ROOT,
        extensionTestsPath: TESTS_PATH,
        extensionTestsEnv: { STRATEGY_DOCS_TEST_RESULTS: RESULTS_FILE },
        launchArgs: [
          workspace,
          "--disable-extensions", // every other extension; the one under development still loads
          "--disable-workspace-trust",
          "--skip-welcome",
          "--skip-release-notes",
          "--user-data-dir", path.join(tmp, "user-data"),
          "--extensions-dir", path.join(tmp, "extensions"),
        ],
      });
    } catch (error) {
      // runTests rejects when VS Code exits non-zero (a failing test); the results file tells which.
      console.error(`[integration] ${error instanceof Error ? error.message : String(error)}`);
      exitCode = 1;
    }
    return report(readResults(), exitCode);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[integration] ${error instanceof Error ? error.stack : String(error)}`);
    console.log("0 passed, 1 failed");
    process.exit(1);
  },
);
