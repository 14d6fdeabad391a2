#!/usr/bin/env node
// npm run bench:hostile [-- --runs 3]
// Whole-process `strategy-docs check --format json` on workspaces that each hold one hostile file
// (issue 8: alias bombs, deep nesting, the quadratic cases, fix builders) beside ordinary files, at sizes
// up to the 5 MB file limit, and on the honest 20,000-item queue. Fixes are built, as `check` prints them. Prints the time, the hostile file's diagnostics
// and whether the ordinary files were still checked.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "../test/integration/common.mjs";
import * as H from "../test/hostile-inputs.mjs";
import { arg, median, REPO as repo } from "./common.mjs";

const runs = Number(arg("runs", 3));
if (!existsSync(join(repo, "dist", "cli.js"))) build();

/** Each case at its largest: just under the 5 MB file limit, or the 1 MB limit of the full parser where it applies. */
const CASES = {
  "alias bomb, 9 levels": () => ({ "bomb.md": H.aliasBomb(9, 9) }),
  "alias bomb, 26 levels × 40": () => ({ "bomb.md": H.aliasBomb(26, 40) }),
  "merge-key bomb": () => ({ "bomb.md": H.mergeKeyBomb(12, 9) }),
  "bomb in an items: list": () => ({ "bomb.md": H.itemsBomb(8, 9, 2000) }),
  "[[[…]]] 20,000 deep": () => ({ "deep.md": H.deepFlow(20000) }),
  "[[[…]]] 250,000 deep (0.5 MB)": () => ({ "deep.md": H.deepFlow(250000) }),
  "[[[…]]] 2,500,000 deep (4.8 MB)": () => ({ "deep.md": H.deepFlow(2500000) }),
  "block maps 3,000 deep (4.5 MB)": () => ({ "deep.md": H.deepBlock(3000) }),
  "16,000 items with one id": () => ({ "dupes.md": H.duplicateIds(16000) }),
  "25,000 items with one id (0.6 MB)": () => ({ "dupes.md": H.duplicateIds(25000) }),
  "200,000 items with one id (4.8 MB)": () => ({ "dupes.md": H.duplicateIds(200000) }),
  "20,000-character ids": () => H.longIds(20000),
  "2,500,000-character ids (4.8 MB)": () => H.longIds(2500000),
  "80,000 keys": () => ({ "keys.md": H.manyKeys(80000) }),
  "400,000 keys (4.8 MB)": () => ({ "keys.md": H.manyKeys(400000) }),
  "40,000 keys and a tab (full parser)": () => ({ "keys.md": H.manyKeys(40000, true) }),
  "45,000 keys and a tab (0.5 MB, full parser)": () => ({ "keys.md": H.manyKeys(45000, true) }),
  "400,000 keys, the last one twice (4.8 MB)": () => ({ "keys.md": H.manyKeys(400000).replace("\n---\nBody", "\nkey0: again\n---\nBody") }),
  "an item naming 400,000 KPIs (4.8 MB)": () => ({ "refs.md": H.manyRefs(400000) }),
  "5,000 tactics without a KPI (fixes)": () => H.kpisAndTactics(5000),
  "5,000 references a letter off (fixes)": () => H.kpisAndTactics(5000, true),
  "honest queue of 20,000 items": () => ({ "queue.md": H.bigQueue(20000) }),
};

const results = [];
for (const [name, make] of Object.entries(CASES)) {
  const dir = mkdtempSync(join(tmpdir(), "strategy-hostile-"));
  const files = { ...H.PLAIN, ...make() };
  let bytes = 0;
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
    if (!(path in H.PLAIN)) bytes += Buffer.byteLength(text);
  }
  const times = [];
  let output;
  for (let run = 0; run < runs; run++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [join(repo, "dist", "cli.js"), "check", "--format", "json", dir], { encoding: "utf8", maxBuffer: 1 << 30, timeout: 120_000 });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.error || result.status === 2) {
      output = { error: result.error?.message ?? result.stderr.trim() };
      break;
    }
    output = JSON.parse(result.stdout);
  }
  if (output.error) {
    console.log(`${name.padEnd(44)} FAILED: ${output.error}`);
    results.push({ name, error: output.error });
    rmSync(dir, { recursive: true, force: true });
    continue;
  }
  rmSync(dir, { recursive: true, force: true });
  const hostile = output.diagnostics.filter((d) => !(d.file in H.PLAIN));
  const byRule = {};
  for (const d of hostile) byRule[d.rule] = (byRule[d.rule] ?? 0) + 1;
  const plainChecked = output.diagnostics.some((d) => d.file === "plain.md" && d.rule === "tactic-missing-kpi");
  const budget = hostile.find((d) => d.rule === "unreadable-file");
  results.push({ name, mb: bytes / 1048576, ms: median(times), byRule, plainChecked, budget: budget?.message });
  console.log(
    `${name.padEnd(44)} ${(bytes / 1048576).toFixed(2).padStart(5)} MB ${(median(times) / 1000).toFixed(2).padStart(6)} s  ordinary files checked: ${plainChecked ? "yes" : "NO"}  ${budget ? `"${budget.message}" (line ${budget.line})` : JSON.stringify(byRule)}`,
  );
}
mkdirSync(join(repo, "bench", "results"), { recursive: true });
writeFileSync(join(repo, "bench", "results", "hostile.json"), JSON.stringify({ date: new Date().toISOString(), runs, results }, null, 2));
