import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StrategyWorkspace } from "../../src/core/index";
import { readTree, SHARED, TODAY } from "./helpers";

function countByRule(workspace: StrategyWorkspace): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const issue of workspace.allIssues()) counts[issue.rule] = (counts[issue.rule] ?? 0) + 1;
  return counts;
}

describe("correct at scale and on real text", () => {
  it("reports exactly the expected diagnostics on a generated 1,000-item workspace", () => {
    const out = mkdtempSync(join(tmpdir(), "sd-gen-"));
    execFileSync(process.execPath, [join(SHARED, "tools", "gen-corpus.mjs"), "--items", "1000", "--out", out]);
    const expected = JSON.parse(readFileSync(join(out, "expected.json"), "utf8")) as { files: number; items: number; rules: Record<string, number> };
    const workspace = new StrategyWorkspace({ today: () => TODAY });
    const files = readTree(out);
    workspace.load(files);
    assert.equal(files.size, expected.files);
    assert.equal(workspace.index.itemCount, expected.items);
    const counts = countByRule(workspace);
    for (const [rule, count] of Object.entries(expected.rules)) assert.equal(counts[rule] ?? 0, count, rule);
    // Nothing it did not plant: no parse errors, no duplicates.
    for (const rule of ["yaml-syntax", "schema", "duplicate-id", "unreadable-file"]) assert.equal(counts[rule] ?? 0, 0, rule);
  });

  for (const corpus of ["hugo-docs", "backlog-md", "markdownlint-tests"]) {
    it(`reports nothing on ${corpus} (markdown written by others) and reads every file`, () => {
      const files = readTree(join(SHARED, "corpora", corpus));
      const workspace = new StrategyWorkspace({ today: () => TODAY });
      workspace.load(files);
      assert.equal(workspace.index.files.size, files.size);
      assert.deepEqual(workspace.allIssues(), []);
      assert.equal(workspace.index.itemCount, 0);
    });
  }
});
