import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { buildCli, REPO } from "./cli-harness";

describe("CLI: a reader that stops early", () => {
  before(buildCli);

  it("ends quietly with the command's code when the pipe closes (`strategy-docs backlog | head -1`)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "strategy-pipe-"));
    try {
      const items = Array.from({ length: 4000 }, (_, i) => `  - {type: tactic, id: t${i}, title: Tactic number ${i} with a longer title, impact: 3, urgency: 2, effort: 2}`);
      fs.writeFileSync(path.join(dir, "queue.md"), `---\nitems:\n${items.join("\n")}\n---\n`);
      const child = spawn(process.execPath, [path.join(REPO, "dist/cli.js"), "backlog", dir], { stdio: ["ignore", "pipe", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdout.once("data", () => child.stdout.destroy());
      const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
      assert.equal(stderr, "");
      assert.equal(code, 0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
