/**
 * The CLI test harness: each case runs twice, in-process through `main` with a
 * capturing io, and as the built binary (`node dist/cli.js`). Every case gets
 * its own temporary copy of `examples/` (or an empty folder), so `--fix` cases can write.
 */
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main, type CliIO } from "../../src/cli/main";
import { nodeFileSystem } from "../../src/cli/fs";

export const REPO = path.resolve(__dirname, "../..");
const CLI = path.join(REPO, "dist", "cli.js");
/** The `--today` of the cases. */
export const TODAY = "2026-11-24";

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

type Runner = (args: string[], cwd: string) => Promise<Result>;

/** Runs the CLI in-process, as the binary's entry does. */
export async function runInProcess(args: string[], cwd: string): Promise<Result> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), fs: nodeFileSystem };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const runners: Record<string, Runner> = {
  "in-process": runInProcess,
  binary: async (args, cwd) => {
    const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8" });
    return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
  },
};

export interface Case {
  name: string;
  args: string[];
  /** Start from an empty folder instead of a copy of `examples/`. */
  empty?: boolean;
  /** Files to add (path relative to the workspace → text or bytes). */
  files?: Record<string, string | Uint8Array>;
  /** Run from the workspace's parent folder, naming the workspace as the path. */
  fromParent?: boolean;
  code: number;
  expect?(result: Result, dir: string): void;
  /** Run the same arguments a second time, then check this. */
  again?(result: Result, dir: string, before: Map<string, Buffer>): void;
}

/** A usage error: exit 2 and exactly one line on stderr, no stack trace, nothing on stdout. */
export function usageError(pattern: RegExp): Pick<Case, "code" | "expect"> {
  return {
    code: 2,
    expect({ stdout, stderr }) {
      assert.equal(stdout, "");
      assert.match(stderr, /^strategy-docs: [^\n]+\n$/);
      assert.match(stderr, pattern);
      assert.doesNotMatch(stderr, /\n\s+at /);
    },
  };
}

export function markdownFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((file) => file.endsWith(".md"));
}

/** 1-based line and column of the first match of `needle` in a file. */
export function positionOf(file: string, needle: string): { line: number; column: number } {
  const lines = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "").split(/\r?\n/);
  const line = lines.findIndex((text) => text.includes(needle));
  return { line: line + 1, column: lines[line].indexOf(needle) + 1 };
}

/** Newest modification time under a folder. */
function newest(dir: string): number {
  let time = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) time = Math.max(time, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return time;
}

/** Builds dist/cli.js when a source is newer (a mocha `before`). */
export function buildCli(this: Mocha.Context): void {
  this.timeout(120_000);
  const sources = Math.max(newest(path.join(REPO, "src")), fs.statSync(path.join(REPO, "package.json")).mtimeMs);
  if (fs.existsSync(CLI) && fs.statSync(CLI).mtimeMs >= sources) return;
  const build = spawnSync(process.execPath, ["esbuild.js"], { cwd: REPO, encoding: "utf8" });
  // esbuild.js also builds the extension; only the CLI bundle matters here.
  if (!fs.existsSync(CLI) || fs.statSync(CLI).mtimeMs < sources) assert.fail(`node esbuild.js did not build dist/cli.js:\n${build.stderr}`);
}

/** Temporary workspaces: a copy of `examples/` (or an empty folder) plus a case's files; removed after the suite. */
export function workspaces(): (test: Pick<Case, "empty" | "files">) => string {
  const temp: string[] = [];
  after(() => {
    for (const dir of temp) fs.rmSync(dir, { recursive: true, force: true });
  });
  return (test) => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), "strategy-docs-cli-"));
    temp.push(parent);
    const dir = path.join(parent, "workspace");
    if (test.empty) fs.mkdirSync(dir);
    else fs.cpSync(path.join(REPO, "examples"), dir, { recursive: true });
    for (const [file, content] of Object.entries(test.files ?? {})) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), content);
    }
    return dir;
  };
}

/** Within a mocha `describe`: builds the binary if stale, then runs every case with each runner. */
export function runCases(cases: readonly Case[]): void {
  before(buildCli);
  const workspace = workspaces();
  for (const [runnerName, runner] of Object.entries(runners)) {
    describe(runnerName, () => {
      for (const test of cases) {
        it(test.name, async () => {
          const dir = workspace(test);
          const cwd = test.fromParent ? path.dirname(dir) : dir;
          const args = test.fromParent ? [...test.args, "workspace"] : test.args;
          const result = await runner(args, cwd);
          assert.equal(result.code, test.code, `exit code ${result.code}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
          test.expect?.(result, dir);
          if (test.again) {
            const before = new Map(markdownFiles(dir).map((file) => [file, fs.readFileSync(path.join(dir, file))]));
            test.again(await runner(args, cwd), dir, before);
          }
        });
      }
    });
  }
}
