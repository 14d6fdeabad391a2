#!/usr/bin/env node
// npm run bench [-- --items 10000 --runs 5]
// Whole-process timings on a generated workspace, measured side by side in one run:
//   strategy-docs check --format json   vs   markdownlint-cli2 "**/*.md"   vs   read + yaml.parseDocument (the floor)
// and the in-process incremental update (setFile + fresh diagnostics of the files it reports).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const items = Number(arg("items", 10000));
const runs = Number(arg("runs", 5));
const gen = join(repo, "..", "shared", "tools", "gen-corpus.mjs");
const dir = mkdtempSync(join(tmpdir(), `strategy-bench-${items}-`));
execFileSync(process.execPath, [gen, "--items", String(items), "--out", dir], { stdio: "inherit" });
if (!existsSync(join(repo, "dist", "cli.js"))) execFileSync(process.execPath, [join(repo, "esbuild.js")], { cwd: repo, stdio: "inherit" });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(label, command, args, options = {}) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 1 << 30, ...options });
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.error) throw result.error;
    if (i === 0 && options.check) options.check(result);
  }
  const ms = median(samples);
  console.log(`${label.padEnd(44)} ${(ms / 1000).toFixed(3)} s  (median of ${runs}: ${samples.map((s) => (s / 1000).toFixed(2)).join(", ")})`);
  return ms;
}

console.log(`\nWhole process, ${items} items in ${dir}:`);
const ours = time("strategy-docs check --format json", process.execPath, [join(repo, "dist", "cli.js"), "check", "--format", "json", dir], {
  check: (r) => {
    const summary = JSON.parse(r.stdout).summary;
    console.log(`  (${summary.files} files, ${summary.items} items, ${summary.errors} errors, ${summary.warnings} warnings, ${summary.infos} infos; exit ${r.status})`);
  },
});
const floor = time("floor: read + yaml.parseDocument", process.execPath, [join(here, "floor.mjs"), dir]);
const markdownlint = time('markdownlint-cli2 "**/*.md"', process.execPath, [join(repo, "node_modules", "markdownlint-cli2", "markdownlint-cli2-bin.mjs"), "**/*.md"], { cwd: dir });

console.log(`\nratio to markdownlint-cli2: ${(ours / markdownlint).toFixed(3)}× (must be ≤ 0.10×)`);
console.log(`ratio to the floor script:  ${(ours / floor).toFixed(3)}× (must be ≤ 1.0×)`);

console.log(`\nIncremental update (in-process, setFile + diagnostics of every reported file):`);
const inc = spawnSync(process.execPath, ["--import", "tsx", join(here, "incremental.ts"), dir, "1000"], { cwd: repo, encoding: "utf8" });
if (inc.status !== 0) throw new Error(inc.stderr);
const r = JSON.parse(inc.stdout.trim().split("\n").pop());
console.log(`  ${r.items} items: first load ${r.loadMs.toFixed(0)} ms, full check ${r.checkMs.toFixed(0)} ms (${r.diagnostics} diagnostics)`);
console.log(`  ${r.rounds} edits: p50 ${r.p50.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms (must be ≤ 5 ms), p99 ${r.p99.toFixed(2)} ms, max ${r.max.toFixed(2)} ms; ${r.avgFilesReported.toFixed(1)} files re-published per edit`);

mkdirSync(join(here, "results"), { recursive: true });
writeFileSync(join(here, "results", `check-${items}.json`), JSON.stringify({ date: new Date().toISOString(), items, runs, ours, floor, markdownlint, incremental: r }, null, 2));
