/**
 * One table of CLI cases, each run in-process and as the built binary (see
 * cli-harness.ts). The fixes in `check` output have their own file, cli-fixes.test.ts.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { main, type CliIO } from "../../src/cli/main";
import { nodeFileSystem } from "../../src/cli/fs";
import { markdownText } from "../../src/cli/format-table";
import { RULES } from "../../src/core/index";
import { version } from "../../package.json";
import { markdownFiles, positionOf, REPO, runCases, TODAY, usageError, type Case } from "./cli-harness";

const DIAGNOSTIC_KEYS = ["file", "line", "column", "endLine", "endColumn", "severity", "rule", "message", "fixes"];
/** A diagnostic line of the text output, and a hint line under it. */
const DIAGNOSTIC_LINE = /^[\w./-]+\.md:\d+:\d+ (error|warning|info) [a-z-]+ .+$/;
const HINT_LINE = /^ {2}(fix( \(safe(, --fix applies it)?\))?: .+|… and \d+ more fixes \(--format json lists them all\))$/;
const BACKLOG_KEYS = ["id", "title", "type", "track", "pillar", "score", "rank", "estimate", "sprint", "status", "file", "line"];
const PLAN_KEYS = ["sprint", "capacity", "target", "planned", "proposed", "share", "byPillar", "doesNotFit", "notes", "budget"];

const FIX_ME = "\uFEFF---\r\ntype: tactc\r\nid: fix-me\r\ntitle: Fix me\r\n# keep this comment\r\npillar: automaton   # and this one\r\nkpi: trial-conversion\r\nimpact: 3\r\nurgency: 3\r\neffort: 2\r\n---\r\nBody text.\r\n";
const FIXED = FIX_ME.replace("type: tactc", "type: tactic").replace("pillar: automaton", "pillar: automation");

/** A title full of markdown and HTML; markdown output must show it as written. */
const HOSTILE_TITLE = "<img src=x onerror=alert(1)> *bold* _em_ `code` [link](u) <!-- c --> <details> # h ~s~ $m$ &amp; a\\b | p";
const HOSTILE_FILE = `---\ntype: tactic\ntitle: '${HOSTILE_TITLE}'\npillar: automation\nkpi: trial-conversion\nimpact: 5\nurgency: 5\neffort: 1\nestimate: 1\n---\n`;

/** What a CommonMark renderer shows for backslash-escaped text. */
const unescapeMarkdown = (text: string) => text.replace(/\\([!-/:-@[-`{-~])/g, "$1");

/** The hostile item's title cell: escaped, no raw HTML, and shown literally. */
function assertHostileTitle(stdout: string, row: RegExp): void {
  assert.doesNotMatch(stdout, /(^|[^\\])<img/m, "an unescaped <img");
  const cell = row.exec(stdout)?.[1];
  assert.ok(cell, stdout);
  assert.equal(cell, "\\<img src=x onerror=alert(1)\\> \\*bold\\* \\_em\\_ \\`code\\` \\[link\\](u) \\<!-- c --\\> \\<details\\> \\# h \\~s\\~ \\$m\\$ \\&amp; a\\\\b \\| p");
  assert.doesNotMatch(cell, /(^|[^\\])[<`*_~[]/, "markdown syntax left unescaped");
  assert.equal(unescapeMarkdown(cell), HOSTILE_TITLE);
}

const cases: Case[] = [
  {
    name: "check (text) exits 0 with the summary",
    args: ["check", "--today", TODAY],
    code: 0,
    expect({ stdout }, dir) {
      const lines = stdout.trimEnd().split("\n");
      assert.match(lines.at(-1)!, new RegExp(`^${markdownFiles(dir).length} files, \\d+ items: 0 errors, 9 warnings, 6 infos$`));
      assert.equal(lines.at(-2), "");
      const body = lines.slice(0, -2);
      assert.equal(body.filter((line) => DIAGNOSTIC_LINE.test(line)).length, 15);
      assert.match(body[0], DIAGNOSTIC_LINE);
      for (const line of body) assert.ok(DIAGNOSTIC_LINE.test(line) || HINT_LINE.test(line), line);
      const { line, column } = positionOf(path.join(dir, "strategy.md"), "reviewed:");
      assert.ok(lines.some((text) => text.startsWith(`strategy.md:${line}:${column + "reviewed: ".length} info stale-strategy `) && text.includes(TODAY)), stdout);
    },
  },
  {
    name: "check with the workspace named as a path, from elsewhere",
    args: ["check", "--today", TODAY, "--format", "json"],
    fromParent: true,
    code: 0,
    expect({ stdout }) {
      const { diagnostics } = JSON.parse(stdout);
      assert.equal(diagnostics.length, 15);
      // Paths stay relative to the root (the folder argument), not to the cwd.
      assert.ok(diagnostics.every((d: { file: string }) => !d.file.includes("..") && !path.isAbsolute(d.file)));
    },
  },
  {
    name: "check --format json has exactly the SPEC's shape",
    args: ["check", ".", "--format", "json", "--today", TODAY],
    code: 0,
    expect({ stdout }, dir) {
      const output = JSON.parse(stdout);
      assert.deepEqual(Object.keys(output), ["diagnostics", "summary"]);
      assert.deepEqual(Object.keys(output.summary), ["files", "items", "errors", "warnings", "infos"]);
      assert.equal(output.summary.files, markdownFiles(dir).length);
      assert.ok(output.summary.items > 30);
      assert.deepEqual({ ...output.summary, files: 0, items: 0 }, { files: 0, items: 0, errors: 0, warnings: 9, infos: 6 });
      assert.equal(output.diagnostics.length, 15);
      for (const d of output.diagnostics) {
        assert.deepEqual(Object.keys(d), DIAGNOSTIC_KEYS);
        assert.ok(d.line >= 1 && d.column >= 1 && d.endLine >= d.line && d.endColumn >= 1, JSON.stringify(d));
        assert.ok(!d.file.includes("\\") && fs.existsSync(path.join(dir, d.file)), d.file);
      }
      const stale = output.diagnostics.find((d: { rule: string }) => d.rule === "stale-strategy");
      const { line, column } = positionOf(path.join(dir, "strategy.md"), "reviewed:");
      assert.deepEqual([stale.file, stale.line, stale.column, stale.severity], ["strategy.md", line, column + "reviewed: ".length, "info"]);
    },
  },
  {
    name: "check --format sarif is SARIF 2.1.0 with every rule and 15 results",
    args: ["check", "--format", "sarif", "--today", TODAY],
    code: 0,
    expect({ stdout }) {
      const log = JSON.parse(stdout);
      assert.equal(log.version, "2.1.0");
      assert.match(log.$schema, /sarif-2\.1\.0/);
      const [run] = log.runs;
      assert.equal(run.tool.driver.name, "strategy-docs");
      assert.deepEqual(run.tool.driver.rules.map((r: { id: string }) => r.id), RULES.map((r) => r.id));
      assert.ok(run.tool.driver.rules.every((r: { shortDescription: { text: string }; defaultConfiguration: { level: string } }) => r.shortDescription.text && ["error", "warning", "note"].includes(r.defaultConfiguration.level)));
      assert.equal(run.results.length, 15);
      for (const result of run.results) {
        assert.ok(["warning", "note"].includes(result.level));
        const { artifactLocation, region } = result.locations[0].physicalLocation;
        assert.equal(artifactLocation.uriBaseId, "%SRCROOT%");
        assert.match(artifactLocation.uri, /^[\w-]+(\/[\w.-]+)*\.md$/);
        assert.ok(region.startLine >= 1 && region.startColumn >= 1 && region.endLine >= region.startLine);
      }
      assert.equal(run.results.filter((r: { level: string }) => r.level === "note").length, 6);
    },
  },
  {
    name: "an error-level diagnostic exits 1",
    args: ["check", "--today", TODAY],
    files: { "tactics/bad-ref.md": "---\ntype: tactic\ntitle: Points nowhere\npillar: nope\nkpi: trial-conversion\nimpact: 3\nurgency: 3\neffort: 2\n---\n" },
    code: 1,
    expect({ stdout }) {
      assert.match(stdout, /^tactics\/bad-ref\.md:4:9 error unknown-reference /m);
      assert.match(stdout, /: 1 error, 9 warnings, 6 infos\n$/);
    },
  },
  {
    name: "a binary .md is an unreadable-file warning and the rest is still checked",
    args: ["check", "--format", "json", "--today", TODAY],
    files: { "tactics/broken.md": new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02, 0x0a]) },
    code: 0,
    expect({ stdout }) {
      const output = JSON.parse(stdout);
      const unreadable = output.diagnostics.filter((d: { rule: string }) => d.rule === "unreadable-file");
      assert.equal(unreadable.length, 1);
      assert.deepEqual([unreadable[0].file, unreadable[0].severity, unreadable[0].line], ["tactics/broken.md", "warning", 1]);
      assert.deepEqual([output.summary.warnings, output.summary.infos], [10, 6]);
    },
  },
  {
    name: "a workspace without problems says so",
    empty: true,
    files: { "README.md": "# Just a readme\n" },
    args: ["check"],
    code: 0,
    expect({ stdout }) {
      assert.equal(stdout, "No problems in 1 file (0 items).\n");
    },
  },
  {
    name: "check --fix fixes a misspelt kind and reference, keeping comments, CRLF and BOM",
    args: ["check", "--fix", "--today", TODAY],
    files: { "tactics/fix-me.md": FIX_ME },
    code: 0,
    expect({ stdout, stderr }, dir) {
      assert.equal(fs.readFileSync(path.join(dir, "tactics/fix-me.md"), "utf8"), FIXED);
      assert.equal(stderr, "Fixed 2 problems in 1 file.\n");
      assert.doesNotMatch(stdout, /fix-me/);
      assert.match(stdout, /: 0 errors, 9 warnings, 6 infos\n$/);
    },
    again({ code, stderr }, dir, before) {
      assert.equal(code, 0);
      assert.equal(stderr, "");
      for (const [file, bytes] of before) assert.ok(bytes.equals(fs.readFileSync(path.join(dir, file))), `${file} changed`);
    },
  },
  {
    name: "check of named files: checked in the context of the whole root, only they are reported (a pre-commit hook)",
    args: ["check", "tactics/competitor-comparison-ads.md", "tactics/queue.md", "--format", "json", "--today", TODAY],
    code: 0,
    expect({ stdout }) {
      const { diagnostics, summary } = JSON.parse(stdout);
      // Their references to pillars and KPIs elsewhere resolve: no unknown-reference.
      assert.deepEqual(diagnostics.map((d: { file: string; rule: string }) => `${d.file} ${d.rule}`), [
        "tactics/competitor-comparison-ads.md tactic-missing-pillar",
        "tactics/queue.md unscored-item",
      ]);
      assert.deepEqual(summary, { files: 2, items: 7, errors: 0, warnings: 1, infos: 1 });
    },
  },
  {
    name: "check of a folder below the config: the root is where strategy.config.yaml is, the folder is reported",
    args: ["check", "pillars", "--format", "json", "--today", TODAY],
    code: 0,
    expect({ stdout }) {
      const { diagnostics, summary } = JSON.parse(stdout);
      assert.deepEqual(diagnostics.map((d: { rule: string }) => d.rule).sort(), ["pillar-without-execution", "pillar-without-kpi", "tactic-called-strategy"]);
      assert.ok(diagnostics.every((d: { file: string }) => d.file.startsWith("pillars/")));
      assert.equal(summary.files, 4);
    },
  },
  {
    name: "check --fix of a named file edits that file only",
    args: ["check", "--fix", "tactics/fix-me.md", "--today", TODAY],
    files: { "tactics/fix-me.md": FIX_ME, "tactics/other.md": "---\ntype: tactc\n---\n" },
    code: 0,
    expect(_result, dir) {
      assert.equal(fs.readFileSync(path.join(dir, "tactics/fix-me.md"), "utf8"), FIXED);
      assert.equal(fs.readFileSync(path.join(dir, "tactics/other.md"), "utf8"), "---\ntype: tactc\n---\n");
    },
  },
  {
    name: "backlog --format json: the SPEC's keys, ranks 1..n per track, scores descending",
    args: ["backlog", "--format", "json", "--today", TODAY],
    code: 0,
    expect({ stdout }) {
      const backlog = JSON.parse(stdout);
      assert.deepEqual(Object.keys(backlog), ["items", "unranked"]);
      for (const track of ["strategic", "tactical"]) {
        const items = backlog.items.filter((item: { track: string }) => item.track === track);
        assert.ok(items.length > 0);
        assert.deepEqual(items.map((item: { rank: number }) => item.rank), items.map((_: unknown, i: number) => i + 1));
        for (let i = 1; i < items.length; i++) assert.ok(items[i - 1].score >= items[i].score);
      }
      for (const item of backlog.items) {
        assert.deepEqual(Object.keys(item).slice(0, BACKLOG_KEYS.length), BACKLOG_KEYS);
        // SPEC §9 adds budget (always, first) and, where they apply, scores and spread (after explanation).
        const added = Object.keys(item).slice(BACKLOG_KEYS.length);
        assert.deepEqual(added.slice(0, 2), ["budget", "explanation"]);
        assert.ok(added.slice(2).every((key) => ["scores", "spread"].includes(key)), added.join(", "));
        assert.equal(item.score, Math.round(item.score * 100) / 100);
        assert.ok(item.line >= 1 && !item.file.includes("\\"));
      }
      assert.ok(!backlog.items.some((item: { status: string }) => item.status === "done" || item.status === "dropped"));
      assert.deepEqual(backlog.unranked.map((u: { id: string; missing: string[] }) => [u.id, u.missing]), [["churn-survey-followups", ["effort"]]]);
    },
  },
  {
    name: "backlog --all includes done items; --model changes the scores",
    args: ["backlog", "--all", "--model", "wsjf", "--format", "json"],
    code: 0,
    expect({ stdout }) {
      const { items } = JSON.parse(stdout);
      assert.ok(items.some((item: { status: string }) => item.status === "done"));
      assert.ok(items.some((item: { score: number }) => item.score > 5), "wsjf scores are not on the 1..5 scale");
    },
  },
  {
    name: "backlog (table) has both sections and the unranked list",
    args: ["backlog"],
    code: 0,
    expect({ stdout }) {
      assert.match(stdout, /^Strategic backlog \(\d+\)\nRank +Score +Id +/);
      assert.match(stdout, /\nTactical backlog \(\d+\)\n/);
      assert.match(stdout, /\nUnranked \(1\).*\n.*\nchurn-survey-followups +tactical +tactics\/queue\.md:\d+ +effort\n/);
      for (const line of stdout.split("\n")) assert.ok(line.length <= 100, line);
    },
  },
  {
    name: "backlog --format markdown escapes pipes",
    args: ["backlog", "--format", "markdown"],
    files: { "tactics/pipes.md": "---\ntype: tactic\ntitle: A | B test\npillar: automation\nkpi: trial-conversion\nimpact: 3\nurgency: 3\neffort: 2\n---\n" },
    code: 0,
    expect({ stdout }) {
      assert.match(stdout, /^## Strategic backlog\n\n\| Rank \| Score \| Id \|/);
      assert.match(stdout, /\| pipes \| A \\\| B test \|/);
    },
  },
  {
    name: "backlog --format markdown escapes markdown and HTML in titles",
    args: ["backlog", "--format", "markdown"],
    files: { "tactics/hostile.md": HOSTILE_FILE },
    code: 0,
    expect({ stdout }) {
      assertHostileTitle(stdout, /^\| 1 \| 5\.00 \| hostile \| (.*) \| automation \| 1 \|/m);
    },
  },
  {
    name: "backlog (table) shows titles as written",
    args: ["backlog"],
    files: { "tactics/hostile.md": HOSTILE_FILE },
    code: 0,
    expect({ stdout }) {
      assert.match(stdout, /\n +1 +5\.00 +hostile +automation .*\n +<img src=x onerror=alert\(1\)> \*bold\* _em_ `code`/);
    },
  },
  {
    name: "plan --format json: exactly the SPEC's keys and the planned split",
    args: ["plan", "--sprint", "2026-s14", "--format", "json", "--today", TODAY],
    code: 0,
    expect({ stdout }) {
      const plan = JSON.parse(stdout);
      assert.deepEqual(Object.keys(plan), PLAN_KEYS);
      assert.deepEqual([plan.sprint, plan.capacity, plan.target], ["2026-s14", 40, { strategic: 70, tactical: 30 }]);
      assert.deepEqual([plan.planned.strategic, plan.planned.tactical], [21, 9]);
      assert.deepEqual(Object.keys(plan.planned), ["strategic", "tactical", "items"]);
      assert.deepEqual(Object.keys(plan.proposed), ["strategic", "tactical", "items"]);
      assert.ok(plan.planned.items.includes("trial-nurture-rebuild"));
      assert.ok(Array.isArray(plan.doesNotFit) && Array.isArray(plan.notes));
    },
  },
  {
    name: "plan --split is a what-if target",
    args: ["plan", "--sprint", "2026-s14", "--split", "60/40", "--format", "json", "--today", TODAY],
    code: 0,
    expect({ stdout }) {
      assert.deepEqual(JSON.parse(stdout).target, { strategic: 60, tactical: 40 });
    },
  },
  {
    name: "plan (table) shows the split, the items and the pillars within 100 columns",
    args: ["plan", "--sprint", "2026-s14", "--today", TODAY],
    code: 0,
    expect({ stdout }) {
      assert.match(stdout, /^Sprint 2026-s14: capacity 40, target 70% strategic \/ 30% tactical/);
      assert.match(stdout, /\n  Strategic +70% +21 /);
      assert.match(stdout, /\nPlanned \(\d+ items, 30 units\)\n/);
      assert.match(stdout, /\nBy pillar\n/);
      for (const line of stdout.split("\n")) assert.ok(line.length <= 100, line);
    },
  },
  {
    name: "plan --format markdown",
    args: ["plan", "--sprint", "2026-s14", "--format", "markdown", "--today", TODAY],
    code: 0,
    expect({ stdout }) {
      assert.match(stdout, /^## Sprint 2026-s14\n/);
      assert.match(stdout, /\n\| Strategic \| 70% \| 21 \|/);
    },
  },
  {
    name: "plan --format markdown escapes markdown and HTML in titles",
    args: ["plan", "--sprint", "2026-s14", "--format", "markdown", "--today", TODAY],
    files: { "tactics/hostile.md": HOSTILE_FILE },
    code: 0,
    expect({ stdout }) {
      assert.match(stdout, /\n### Proposed \(\d+ units\)\n/);
      assertHostileTitle(stdout, /^\| 5\.00 \| 1 \| hostile \| (.*) \| tactical \| automation \|/m);
    },
  },
  { name: "plan with an unknown sprint", args: ["plan", "--sprint", "2099-s1"], ...usageError(/no sprint with id 2099-s1 \(sprints: 2026-s12, 2026-s13, 2026-s14, 2026-s15\)/) },
  { name: "plan without --sprint", args: ["plan"], ...usageError(/--sprint/) },
  { name: "plan with a split that does not sum to 100", args: ["plan", "--sprint", "2026-s14", "--split", "60/30"], ...usageError(/--split/) },
  { name: "an unknown option", args: ["check", "--frobnicate"], ...usageError(/unknown option --frobnicate/) },
  { name: "an unknown command", args: ["frobnicate"], ...usageError(/unknown command 'frobnicate'/) },
  { name: "an unknown format", args: ["check", "--format", "xml"], ...usageError(/unknown format 'xml' for check \(use text, json, sarif\)/) },
  { name: "a missing option value", args: ["check", "--format"], ...usageError(/option --format needs a value/) },
  { name: "a bad --today", args: ["check", "--today", "2026-13-01"], ...usageError(/--today/) },
  { name: "an unknown model", args: ["backlog", "--model", "magic"], ...usageError(/unknown model 'magic'/) },
  { name: "a path that does not exist", args: ["check", "no-such-folder"], ...usageError(/no such file or folder: no-such-folder$/m) },
  ...["check", "backlog", "plan"].flatMap((command): Case[] => [
    { name: `${command} --help`, args: [command, "--help"], code: 0, expect: ({ stdout }) => assert.match(stdout, new RegExp(`^Usage: strategy-docs ${command} `)) },
    { name: `help ${command}`, args: ["help", command], code: 0, expect: ({ stdout }) => assert.match(stdout, new RegExp(`^Usage: strategy-docs ${command} `)) },
  ]),
  { name: "--help", args: ["--help"], code: 0, expect: ({ stdout }) => assert.match(stdout, /Usage: strategy-docs <command>/) },
  { name: "--version", args: ["--version"], code: 0, expect: ({ stdout }) => assert.equal(stdout, `${version}\n`) },
];

describe("CLI", function () {
  it("turns an unexpected exception into one line and exit 2", async () => {
    let stderr = "";
    const io: CliIO = {
      cwd: REPO,
      stdout: () => {
        throw new Error("stdout is gone\nsecond line");
      },
      stderr: (text) => (stderr += text),
      fs: nodeFileSystem,
    };
    assert.equal(await main(["--version"], io), 2);
    assert.equal(stderr, "strategy-docs: internal error: stdout is gone\n");
  });

  it("uses io.today when --today is not given", async () => {
    let stdout = "";
    const io: CliIO = { cwd: path.join(REPO, "examples"), stdout: (text) => (stdout += text), stderr: () => {}, fs: nodeFileSystem, today: () => new Date("2026-03-01") };
    assert.equal(await main(["check", "--format", "json"], io), 0);
    assert.equal(JSON.parse(stdout).diagnostics.filter((d: { rule: string }) => d.rule === "stale-strategy").length, 0);
  });

  runCases(cases);
});

describe("markdownText", () => {
  it("escapes what could start a block at the beginning of a cell or line", () => {
    assert.equal(markdownText("- item"), "\\- item");
    assert.equal(markdownText("+ item"), "\\+ item");
    assert.equal(markdownText("2026. A year"), "2026\\. A year");
    assert.equal(markdownText("1) First"), "1\\) First");
    assert.equal(markdownText("# Heading"), "\\# Heading");
    assert.equal(markdownText("> quote"), "\\> quote");
  });

  it("leaves everyday punctuation alone and makes line breaks spaces", () => {
    assert.equal(markdownText("Trial-to-paid: 3.5% (Q1), \"fast\" & 'cheap'!"), "Trial-to-paid: 3.5% (Q1), \"fast\" \\& 'cheap'!");
    assert.equal(markdownText("one\r\ntwo\nthree\rfour"), "one two three four");
  });
});
