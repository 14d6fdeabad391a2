#!/usr/bin/env node
// npm run bench [-- --items 10000 --runs 5 --today 2026-11-30 --undated --keep]
//   (--undated: gen-corpus's workspace as it is, to compare; --keep: leave the generated workspace in the temp folder)
// Whole-process timings on a generated workspace (gen-corpus.mjs, then gen-review.mjs: dated sprints,
// done/started/carried work and KPI histories, so the SPEC §8 rules have work), measured side by side in one run:
//   strategy-docs check --format json   vs   markdownlint-cli2 "**/*.md"   vs   read + yaml.parseDocument (the floor)
// and the in-process incremental update (setFile + fresh diagnostics of the files it reports).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "../test/integration/common.mjs";
import { arg, BENCH as here, GEN_CORPUS, median, REPO as repo } from "./common.mjs";
import { generateDatedCorpus, REVIEW_TODAY } from "./gen-review.mjs";

const items = Number(arg("items", 10000));
const runs = Number(arg("runs", 7));
const today = arg("today", REVIEW_TODAY);
const dir = mkdtempSync(join(tmpdir(), `strategy-bench-${items}-`));
if (process.argv.includes("--undated")) execFileSync(process.execPath, [GEN_CORPUS, "--items", String(items), "--out", dir], { stdio: "inherit" });
else {
  const { review: dated } = generateDatedCorpus({ items, out: dir, today });
  console.log(`generated ${items} items in ${dir}, dated around ${today}: ${dated.done} done, ${dated.inSprints} in sprints, ${dated.carried} carried, ${dated.readings} KPI readings`);
}
if (!existsSync(join(repo, "dist", "cli.js"))) build();

/**
 * CPU time (user + system, ms) of this process's finished children, from /proc (Linux), else null.
 * On a machine that other work keeps busy the wall clock says more about that work; CPU time much less.
 */
function childrenCpuMs() {
  try {
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100; // cutime + cstime, in USER_HZ (100 on Linux)
  } catch {
    return null;
  }
}

function once(command, args, options = {}) {
  const cpuBefore = childrenCpuMs();
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 1 << 30, ...options });
  if (result.error) throw result.error;
  const cpuAfter = childrenCpuMs();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, cpu: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore, result };
}

// The three commands run in turn within each round, so a slow moment of the
// machine hits all of them alike; the figures are the medians over the rounds.
const commands = [
  { label: "strategy-docs check --format json", command: process.execPath, args: [join(repo, "dist", "cli.js"), "check", "--format", "json", "--today", today, dir] },
  { label: "floor: read + yaml.parseDocument", command: process.execPath, args: [join(here, "floor.mjs"), dir] },
  { label: 'markdownlint-cli2 "**/*.md"', command: process.execPath, args: [join(repo, "node_modules", "markdownlint-cli2", "markdownlint-cli2-bin.mjs"), "**/*.md"], options: { cwd: dir } },
];
/** The SPEC §8 rules: the dated workspace gives each of them findings. */
const REVIEW_RULES = ["split-drift", "chronic-carry-over", "kpi-stale", "strategic-work-tactical-kpi"];
const samples = commands.map(() => []);
const cpuSamples = commands.map(() => []);
for (let round = 0; round < runs; round++) {
  commands.forEach((c, i) => {
    const { ms, cpu, result } = once(c.command, c.args, c.options);
    samples[i].push(ms);
    if (cpu !== null) cpuSamples[i].push(cpu);
    if (round === 0 && i === 0) {
      const { summary, diagnostics } = JSON.parse(result.stdout);
      const review = REVIEW_RULES.map((rule) => `${rule} ${diagnostics.filter((d) => d.rule === rule).length}`).join(", ");
      console.log(`\nWhole process, ${items} items in ${dir} (${summary.files} files, ${summary.items} items; ${summary.errors} errors, ${summary.warnings} warnings, ${summary.infos} infos, of them ${review}; exit ${result.status}):`);
    }
  });
}
const [ours, floor, markdownlint] = samples.map(median);
commands.forEach((c, i) => console.log(`${c.label.padEnd(44)} ${(median(samples[i]) / 1000).toFixed(3)} s  (${samples[i].map((s) => (s / 1000).toFixed(2)).join(", ")})`));

// Within a round the commands run back to back, so their ratio is the least disturbed by a machine whose speed drifts.
const perRound = (i) => median(samples[0].map((ms, round) => ms / samples[i][round]));
console.log(`\nratio to markdownlint-cli2: ${(ours / markdownlint).toFixed(3)}× of the medians, ${perRound(2).toFixed(3)}× median per round (must be ≤ 0.10×)`);
console.log(`ratio to the floor script:  ${(ours / floor).toFixed(3)}× of the medians, ${perRound(1).toFixed(3)}× median per round (must be ≤ 1.0×)`);
const cpu = cpuSamples.every((list) => list.length === runs) ? cpuSamples.map(median) : null;
if (cpu) console.log(`CPU time (user + system, both threads of ours): ${cpu.map((value, i) => `${commands[i].label.split(" ")[0]} ${(value / 1000).toFixed(2)} s`).join(", ")}; ours ÷ markdownlint-cli2 ${(cpu[0] / cpu[2]).toFixed(3)}× (less disturbed than the wall clock by other work on the machine; ours reads on a second thread, so its CPU time exceeds its wall time)`);

console.log(`\nIncremental update (in-process, setFile + diagnostics of every reported file):`);
const inc = spawnSync(process.execPath, ["--import", "tsx", join(here, "incremental.ts"), dir, "1000", today], { cwd: repo, encoding: "utf8" });
if (inc.status !== 0) throw new Error(inc.stderr);
const r = JSON.parse(inc.stdout.trim().split("\n").pop());
console.log(`  ${r.items} items: first load ${r.loadMs.toFixed(0)} ms, full check ${r.checkMs.toFixed(0)} ms (${r.diagnostics} diagnostics)`);
console.log(`  ${r.rounds} edits: p50 ${r.p50.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms (must be ≤ 5 ms), p99 ${r.p99.toFixed(2)} ms, max ${r.max.toFixed(2)} ms; ${r.avgFilesReported.toFixed(1)} files re-published per edit`);

mkdirSync(join(here, "results"), { recursive: true });
writeFileSync(join(here, "results", `check-${items}.json`), JSON.stringify({ date: new Date().toISOString(), items, today, runs, samples, cpuSamples, ours, floor, markdownlint, incremental: r }, null, 2));
if (!process.argv.includes("--keep")) rmSync(dir, { recursive: true, force: true });
