import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseStrategyFile } from "../src/core/parse/document";
const paths: string[] = [];
const walk = (d: string) => { for (const e of readdirSync(d, { withFileTypes: true })) { const p = join(d, e.name); if (e.isDirectory()) walk(p); else if (e.name.endsWith(".md")) paths.push(p); } };
walk("/tmp/strategy-bench-10000-pNFpDo");
const texts = paths.map((p) => [p.slice(32 + 1), readFileSync(p, "utf8")]);
const { Session } = require("node:inspector"); const s = new Session(); s.connect();
s.post("Profiler.enable", () => s.post("Profiler.start", () => {
  const t = performance.now();
  for (let r = 0; r < 3; r++) for (const [p, t] of texts) parseStrategyFile(p, t);
  console.log("per pass ms", (performance.now() - t) / 3);
  s.post("Profiler.stop", (e: unknown, { profile }: any) => {
    const byId = new Map(profile.nodes.map((n: any) => [n.id, n])); const self = new Map<string, number>();
    profile.samples.forEach((sid: number, i: number) => { const n: any = byId.get(sid); const k = n.callFrame.functionName + " " + n.callFrame.url.split("/").pop() + ":" + n.callFrame.lineNumber; self.set(k, (self.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0)); });
    [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 22).forEach(([k, v]) => console.log((v / 3000).toFixed(1).padStart(7), k));
  });
}));
