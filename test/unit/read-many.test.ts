import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadWorkspace } from "../../src/cli/discover";
import { nodeFileSystem } from "../../src/cli/fs";
import { readMany, type ReadResult } from "../../src/cli/read-many";
import { SHARED, TODAY } from "./helpers";

describe("reading many files on a second thread", () => {
  it("delivers every file in order: bytes, errors and oversize files", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sd-read-"));
    const paths: string[] = [];
    for (let i = 0; i < 600; i++) {
      const path = join(dir, `f${i}.md`);
      writeFileSync(path, i === 500 ? "x".repeat(100) : `---\ntype: kpi\nid: k${i}\n---\n`);
      paths.push(path);
    }
    paths.splice(300, 0, join(dir, "missing.md"));
    const seen: Array<ReadResult | { oversize: number }> = [];
    await readMany(paths, 50, (index, result) => {
      assert.equal(index, seen.length);
      seen.push(result);
    }, 1);
    assert.equal(seen.length, paths.length);
    // Past the head start the worker reads it, and sends only the size of a file over the limit.
    assert.deepEqual(seen[501], { oversize: 100 });
    assert.equal((seen[300] as { code?: string }).code, "ENOENT");
    assert.deepEqual(Buffer.from(seen[599] as Uint8Array), readFileSync(paths[599]));
  });

  it("rejects, instead of crashing the process, when handling a file fails on the threaded path", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sd-read-"));
    const paths = Array.from({ length: 400 }, (_, i) => {
      const path = join(dir, `f${i}.md`);
      writeFileSync(path, "x");
      return path;
    });
    await assert.rejects(
      readMany(paths, 50, (index) => {
        if (index === 300) throw new Error("boom");
      }, 1),
      /boom/,
    );
  });

  it("gives the same workspace as reading on one thread (generated 1,000 items and the examples)", async function () {
    this.timeout(60000);
    const out = mkdtempSync(join(tmpdir(), "sd-par-"));
    execFileSync(process.execPath, [join(SHARED, "tools", "gen-corpus.mjs"), "--items", "1000", "--out", out]);
    for (const root of [out, join(__dirname, "..", "..", "examples")]) {
      const options = { cwd: root, fs: nodeFileSystem, today: () => TODAY };
      const parallel = await loadWorkspace([], { ...options, parallelFrom: 1 });
      const single = await loadWorkspace([], { ...options, parallelFrom: Infinity });
      if ("error" in parallel || "error" in single) throw new Error("load failed");
      assert.deepEqual([...parallel.workspace.index.files.keys()], [...single.workspace.index.files.keys()]);
      assert.deepEqual(parallel.workspace.allIssues(false), single.workspace.allIssues(false));
      assert.ok(parallel.workspace.index.itemCount > 0);
    }
  });
});
