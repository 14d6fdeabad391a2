// In-process: load a workspace, then time one-file updates as the editor makes them
// (setFile + fresh diagnostics of every file it reports), p50/p95 over many edits.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { StrategyWorkspace } from "../src/core/index";
import { median, quantile } from "./common.mjs";

const root = process.argv[2];
const rounds = Number(process.argv[3] ?? 1000);
/** The workspace's today (`YYYY-MM-DD`), as the CLI's --today; the clock when not given. */
const today = process.argv[4];
const files = new Map<string, string>();
const walk = (dir: string) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith(".md")) files.set(relative(root, path).split(sep).join("/"), readFileSync(path, "utf8"));
  }
};
walk(root);
const workspace = new StrategyWorkspace(today ? { today: () => new Date(`${today}T12:00:00Z`) } : {});
let start = performance.now();
workspace.load(files);
const loadMs = performance.now() - start;
start = performance.now();
const initial = workspace.allIssues().length;
const checkMs = performance.now() - start;

const paths = [...files.keys()].sort();
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const times: number[] = [];
let touched = 0;
for (let i = 0; i < rounds; i++) {
  const path = paths[Math.floor(random() * paths.length)];
  const text = files.get(path)!;
  // A keystroke: one more character in the title, or a changed reference.
  const next = i % 3 === 0 ? text.replace(/pillar: pillar-(\d)/, "pillar: pillar-0") : text.replace(/title: ([^\n]*)/, `title: $1${i % 10}`);
  files.set(path, next);
  const t0 = performance.now();
  const changed = workspace.setFile(path, next);
  for (const file of changed) workspace.issues(file);
  times.push(performance.now() - t0);
  touched += changed.length;
}
console.log(JSON.stringify({ files: files.size, items: workspace.index.itemCount, diagnostics: initial, loadMs, checkMs, rounds, p50: median(times), p95: quantile(times, 0.95), p99: quantile(times, 0.99), max: Math.max(...times), avgFilesReported: touched / rounds }));
