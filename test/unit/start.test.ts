/**
 * `npm start` (scripts/start.mjs) without a terminal, as in `npm install && npm start` in a
 * script: the CLI output on examples/, no editor, exit 0. (`npm start -- --smoke` checks the
 * editor part: code-server, Chromium, the extension's status bar item.)
 */
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const START = path.join(ROOT, "scripts", "start.mjs");

function start(args: string[], env: Record<string, string | undefined> = {}) {
  return spawnSync(process.execPath, [START, ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000, env: { ...process.env, ...env } });
}

describe("npm start (scripts/start.mjs)", () => {
  before(function () {
    if (!existsSync(path.join(ROOT, "dist", "cli.js"))) this.skip(); // `npm run build` first
  });

  it("without a terminal prints check, backlog and plan of examples/ and exits 0 without opening an editor", () => {
    const result = start([], { CI: undefined });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /warning tactic-missing-pillar/);
    assert.match(result.stdout, /Strategic/i);
    assert.match(result.stdout, /2026-s14/);
    assert.match(result.stderr, /not a terminal: VS Code not opened/);
    assert.doesNotMatch(result.stdout, /code-server/);
  });

  it("--no-editor says nothing about the editor; an unknown option is a usage error", () => {
    const quiet = start(["--no-editor"]);
    assert.equal(quiet.status, 0, quiet.stderr);
    assert.equal(quiet.stderr, "");
    const wrong = start(["--nope"]);
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /unknown option --nope\nusage:/);
  });
});
