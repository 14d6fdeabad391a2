import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StrategyWorkspace, type Issue } from "../../src/core/index";
import { brief, issuesOf, readTree, SHARED, TODAY, workspaceOf } from "./helpers";

const key = (issues: readonly Issue[]) => issues.map((i) => `${i.file}:${i.range.start.line}:${i.range.start.character}:${i.rule}:${i.message}`).sort();

describe("workspace: incremental updates", () => {
  it("resolves a reference when the missing item appears, and breaks it when it goes", () => {
    const ws = workspaceOf({ "t.md": "---\ntype: tactic\npillar: growth\nkpi: nrr\n---\n" });
    assert.equal(issuesOf(ws, "unknown-reference").length, 2);
    const changed = ws.setFile("p.md", "---\ntype: pillar\nid: growth\n---\n");
    assert.ok(changed.includes("t.md") && changed.includes("p.md"));
    assert.deepEqual(brief(issuesOf(ws, "unknown-reference")), ["t.md:4:6 unknown-reference"]);
    ws.deleteFile("p.md");
    assert.equal(issuesOf(ws, "unknown-reference").length, 2);
  });

  it("finds duplicates across files as they appear and disappear", () => {
    const ws = workspaceOf({ "a.md": "---\ntype: kpi\nid: nrr\ntarget: 1\n---\n" });
    ws.setFile("b.md", "---\ntype: kpi\nid: NRR\ntarget: 1\n---\n");
    assert.equal(issuesOf(ws, "duplicate-id").length, 2);
    ws.setFile("b.md", "---\ntype: kpi\nid: churn\ntarget: 1\n---\n");
    assert.equal(issuesOf(ws, "duplicate-id").length, 0);
  });

  it("updates a tactic that inherits through an initiative when the initiative changes", () => {
    const ws = workspaceOf({
      "p.md": "---\ntype: pillar\nid: growth\nkpis: [nrr]\n---\n",
      "k.md": "---\ntype: kpi\nid: nrr\ntarget: 1\n---\n",
      "i.md": "---\ntype: initiative\nid: plg\npillar: growth\nkpi: nrr\n---\n",
      "t.md": "---\ntype: tactic\ninitiative: plg\n---\n",
    });
    assert.deepEqual(issuesOf(ws, "tactic-missing-pillar"), []);
    ws.setFile("i.md", "---\ntype: initiative\nid: plg\nkpi: nrr\n---\n");
    assert.deepEqual(issuesOf(ws, "tactic-missing-pillar").map((i) => i.file).sort(), ["i.md", "t.md"]);
    assert.deepEqual(issuesOf(ws, "pillar-without-execution").map((i) => i.file), ["p.md"]);
  });

  it("reports a tactic under an initiative when the initiative's pillar changes (its message names the pillar's KPIs)", () => {
    const ws = workspaceOf({
      "p.md": "---\ntype: pillar\nid: growth\nkpis: [nrr]\n---\n",
      "i.md": "---\ntype: initiative\nid: plg\npillar: growth\n---\n",
      "t.md": "---\ntype: tactic\ninitiative: plg\n---\n",
    });
    assert.match(issuesOf(ws, "tactic-missing-kpi").find((i) => i.file === "t.md")!.message, /\(nrr\)/);
    const changed = ws.setFile("p.md", "---\ntype: pillar\nid: growth\nkpis: [arr]\n---\n");
    assert.ok(changed.includes("t.md"), changed.join());
    assert.match(issuesOf(ws, "tactic-missing-kpi").find((i) => i.file === "t.md")!.message, /\(arr\)/);
  });

  it("re-checks a sprint when an item joins it", () => {
    const ws = workspaceOf({ "s.md": "---\ntype: sprint\nid: s1\ncapacity: 5\n---\n" });
    ws.setFile("t.md", "---\ntype: tactic\nsprint: s1\nestimate: 8\n---\n");
    assert.equal(issuesOf(ws, "sprint-over-capacity").length, 1);
    ws.setFile("t.md", "---\ntype: tactic\nestimate: 8\n---\n");
    assert.equal(issuesOf(ws, "sprint-over-capacity").length, 0);
  });

  it("keeps checking the rest when one file is broken", () => {
    const ws = workspaceOf({ "k.md": "---\ntype: kpi\nid: nrr\n---\n", "b.md": "---\ntype: tactic\ntitle: [oops\n---\n" });
    assert.equal(issuesOf(ws, "yaml-syntax").length, 1);
    assert.equal(issuesOf(ws, "kpi-without-target").length, 1);
  });

  it("gives the same diagnostics as a fresh check after many random edits (generated workspace)", function () {
    this.timeout(60000);
    const out = mkdtempSync(join(tmpdir(), "sd-inc-"));
    execFileSync(process.execPath, [join(SHARED, "tools", "gen-corpus.mjs"), "--items", "60", "--out", out, "--seed", "7"]);
    const files = readTree(out);
    const ws = new StrategyWorkspace({ today: () => TODAY });
    ws.load(files);
    const paths = [...files.keys()].sort();
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
    const edits: Array<(text: string) => string> = [
      (t) => t.replace(/pillar: pillar-(\d+)/, "pillar: pillar-00001"),
      (t) => t.replace(/\npillar: [^\n]+/, ""),
      (t) => t.replace(/\nkpi: [^\n]+/, ""),
      (t) => t.replace(/type: pillar/, "type: tactic"),
      (t) => t.replace(/\nid: ([^\n]+)/, "\nid: $1-x"),
      (t) => t.replace(/initiative: init-\d+/, "initiative: init-00002"),
      (t) => t.replace(/sprint: [^\n]+/, "sprint: 2026-s01"),
      (t) => t.replace(/status: \w+/, "status: dropped"),
      (t) => t.replace(/---\n/, "---\nid: init-00003\n"),
      (t) => t.replace(/target: \d+/, ""),
      (t) => t.replace(/estimate: \d+/, "estimate: 300\nsprint: 2026-s02"),
      (t) => t.replace(/type: tactic/, "type: initiative"),
      (t) => t.replace(/kpis: \[[^\]]*\]/, ""),
      (t) => t.replace(/\npillar: [^\n]+/, "\npillar: pillar-00002"),
      (t) => t.replace(/---\n/, "---\ninitiative: init-00001\n"),
      (t) => t + "",
    ];
    for (let step = 0; step < 400; step++) {
      const path = pick(paths);
      if (random() < 0.05) {
        ws.deleteFile(path);
        files.delete(path);
        paths.splice(paths.indexOf(path), 1);
        continue;
      }
      const text = pick(edits)(files.get(path)!);
      files.set(path, text);
      // Every file the update does not name must keep exactly the diagnostics it had.
      const before = new Map(paths.map((p) => [p, key(ws.issues(p))]));
      const changed = new Set(ws.setFile(path, text));
      for (const p of paths) if (!changed.has(p)) assert.deepEqual(key(ws.issues(p)), before.get(p), `${p} changed after an edit of ${path}, but was not reported`);
    }
    const fresh = new StrategyWorkspace({ today: () => TODAY });
    fresh.load(files);
    assert.deepEqual(key(ws.allIssues()), key(fresh.allIssues()));
  });
});
