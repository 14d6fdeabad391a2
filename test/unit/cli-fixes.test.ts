/**
 * The fixes in `check` output: hint lines under each diagnostic of the text
 * format, `fixes` with 1-based end-exclusive edits in JSON (SPEC §6), SARIF
 * `fixes`. The JSON edits, applied by a plain tool that knows nothing of the
 * core, must give exactly what the core's applyEdits gives.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { loadWorkspace } from "../../src/cli/discover";
import type { JsonDiagnostic } from "../../src/cli/format-check";
import { hintLines, toJsonFix, type JsonEdit, type JsonFix } from "../../src/cli/format-fixes";
import { nodeFileSystem } from "../../src/cli/fs";
import { applyEdits, LineIndex, type Fix, type Issue } from "../../src/core/index";
import { positionOf, runCases, runInProcess, TODAY, workspaces, type Case } from "./cli-harness";

const EDIT_KEYS = ["file", "line", "column", "endLine", "endColumn", "newText"];

/** A BOM, CRLF line ends and a character outside the BMP before a misspelt reference (columns count UTF-16 code units). */
const QUEUE =
  "\uFEFF---\r\nitems:\r\n" +
  '  - {id: rocket, type: tactic, title: "\u{1F680} launch", pillar: automaton, kpi: trial-conversion, impact: 3, urgency: 3, effort: 2}\r\n' +
  "  - id: second\r\n    type: tactic\r\n    title: Second \u{1F680}\r\n    pillar: retention   # a comment\r\n" +
  "---\r\nBody \u{1F680} text.\r\n";
const TYPO = "---\ntype: tactic\nid: typo\npillar: automaton\nkpi: trial-conversion\nimpact: 3\nurgency: 3\neffort: 2\n---\n";
/** A pillar whose title would forge an output line if printed raw. */
const EVIL = '---\ntype: pillar\nid: aaa-evil\ntitle: "Evil\\nfake.md:1:1 error forged \\u001b[31mred"\nkpis: [logo-churn]\n---\n';
const ORPHAN = "---\ntype: tactic\nid: orphan\nkpi: logo-churn\nimpact: 3\nurgency: 3\neffort: 2\n---\n";

/** What a bot does with the JSON edits of one file: 1-based line/column of the text after the BOM, applied last to first. */
function applyJsonEdits(raw: string, edits: readonly JsonEdit[]): string {
  const bom = raw.startsWith("\uFEFF") ? "\uFEFF" : "";
  const text = raw.slice(bom.length);
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  const offset = (line: number, column: number) => {
    const lineEnd = line < starts.length ? starts[line] - 1 : text.length;
    const at = starts[line - 1] + column - 1;
    assert.ok(line >= 1 && line <= starts.length && column >= 1 && at <= lineEnd, `position ${line}:${column} outside its line`);
    return at;
  };
  let out = text;
  let previous = Infinity;
  for (const edit of [...edits].reverse()) {
    const start = offset(edit.line, edit.column);
    const end = offset(edit.endLine, edit.endColumn);
    assert.ok(start <= end && end <= previous, "edits are in position order and do not overlap");
    out = out.slice(0, start) + edit.newText + out.slice(end);
    previous = start;
  }
  return bom + out;
}

/** The files a core fix writes, as the core's applyEdits makes them (BOM kept). */
function coreResult(fix: Fix, textOf: (file: string) => { text: string; bom: boolean }): Map<string, string> {
  const out = new Map<string, string>();
  for (const change of fix.changes) {
    if (change.kind === "create") out.set(change.file, change.text);
    else {
      const { text, bom } = textOf(change.file);
      out.set(change.file, (bom ? "\uFEFF" : "") + applyEdits(text, change.edits));
    }
  }
  return out;
}

/** The files a JSON fix writes, applied to the files on disk by {@link applyJsonEdits}. */
function jsonResult(fix: JsonFix, dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of new Set(fix.edits.map((edit) => edit.file))) {
    const edits = fix.edits.filter((edit) => edit.file === file);
    if (edits.some((edit) => edit.createFile)) {
      assert.equal(edits.length, 1, "a new file is one edit");
      assert.deepEqual([edits[0].line, edits[0].column, edits[0].endLine, edits[0].endColumn], [1, 1, 1, 1]);
      assert.ok(!fs.existsSync(path.join(dir, file)), `${file} exists already`);
      out.set(file, edits[0].newText);
    } else out.set(file, applyJsonEdits(fs.readFileSync(path.join(dir, file), "utf8"), edits));
  }
  return out;
}

function diagnosticsOf(stdout: string): JsonDiagnostic[] {
  return JSON.parse(stdout).diagnostics;
}

const cases: Case[] = [
  {
    name: "check --format json: every fix, applied by a plain tool, gives the core's result (BOM, CRLF, UTF-16 columns, new files)",
    args: ["check", "--format", "json", "--today", TODAY],
    files: { "tactics/queue-crlf.md": QUEUE, "tactics/typo.md": TYPO },
    code: 1,
    expect({ stdout }, dir) {
      const diagnostics = diagnosticsOf(stdout);
      const typo = diagnostics.find((d) => d.file === "tactics/queue-crlf.md" && d.rule === "unknown-reference")!;
      // The column counts the rocket as two UTF-16 code units, after the BOM.
      const at = positionOf(path.join(dir, "tactics/queue-crlf.md"), "automaton");
      assert.deepEqual([typo.line, typo.column, typo.endColumn], [at.line, at.column, at.column + "automaton".length]);
      assert.deepEqual(typo.fixes[0], {
        title: "Change to `automation`",
        safe: true,
        edits: [{ file: typo.file, line: at.line, column: at.column, endLine: at.line, endColumn: at.column + "automaton".length, newText: "automation" }],
      });
      assert.ok(diagnostics.some((d) => d.file === "tactics/queue-crlf.md" && d.fixes.some((f) => f.edits.some((e) => e.newText.startsWith("\r\n")))), "no insert in the CRLF file");
      let creates = 0;
      for (const d of diagnostics) {
        for (const fix of d.fixes) {
          assert.deepEqual(Object.keys(fix), ["title", "safe", "edits"]);
          assert.ok(fix.edits.length > 0, fix.title);
          for (const edit of fix.edits) assert.deepEqual(Object.keys(edit), edit.createFile ? [...EDIT_KEYS, "createFile"] : EDIT_KEYS);
          creates += fix.edits.filter((edit) => edit.createFile).length;
        }
      }
      assert.ok(creates >= 2, "the misspelt pillar and the pillar without execution offer new files");
    },
  },
  {
    name: "check --format sarif: each result's fixes as SARIF fix objects",
    args: ["check", "--format", "sarif", "--today", TODAY],
    files: { "tactics/typo.md": TYPO },
    code: 1,
    expect({ stdout }, dir) {
      const [run] = JSON.parse(stdout).runs;
      assert.equal(run.columnKind, "utf16CodeUnits");
      const result = run.results.find((r: { ruleId: string }) => r.ruleId === "unknown-reference");
      const at = positionOf(path.join(dir, "tactics/typo.md"), "automaton");
      const [change, create] = result.fixes;
      assert.deepEqual(change, {
        description: { text: "Change to `automation`" },
        artifactChanges: [
          {
            artifactLocation: { uri: "tactics/typo.md", uriBaseId: "%SRCROOT%" },
            replacements: [{ deletedRegion: { startLine: at.line, startColumn: at.column, endLine: at.line, endColumn: at.column + 9 }, insertedContent: { text: "automation" } }],
          },
        ],
        properties: { safe: true },
      });
      assert.equal(create.description.text, "Create pillar `automaton`");
      assert.deepEqual(create.artifactChanges[0].artifactLocation, { uri: "pillars/automaton.md", uriBaseId: "%SRCROOT%" });
      assert.deepEqual(create.artifactChanges[0].replacements[0].deletedRegion, { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });
      assert.match(create.artifactChanges[0].replacements[0].insertedContent.text, /^---\ntype: pillar\n/);
      assert.deepEqual([create.artifactChanges[0].properties, create.properties], [{ createFile: true }, { safe: false }]);
      // A result without fixes has no `fixes` (SARIF's arrays of fixes and changes are never empty).
      assert.ok(run.results.some((r: { fixes?: unknown }) => r.fixes === undefined));
      for (const r of run.results) for (const fix of r.fixes ?? []) assert.ok(fix.artifactChanges.length > 0 && fix.artifactChanges.every((c: { replacements: unknown[] }) => c.replacements.length > 0));
    },
  },
  {
    name: "check (text): each diagnostic's fixes as hint lines under it, safe ones marked, long lists cut",
    args: ["check", "--today", TODAY],
    files: { "tactics/typo.md": TYPO, "pillars/aaa-evil.md": EVIL, "tactics/orphan.md": ORPHAN },
    code: 1,
    expect({ stdout }) {
      const lines = stdout.split("\n");
      const at = lines.findIndex((line) => /^tactics\/typo\.md:4:9 error unknown-reference /.test(line));
      assert.deepEqual(lines.slice(at + 1, at + 3), ["  fix (safe, --fix applies it): change to `automation`", "  fix: create pillar `automaton` (new file pillars/automaton.md)"]);
      assert.doesNotMatch(lines[at + 3], /^ /);
      // Eight KPIs to choose from: three shown, then how many more.
      const kpi = lines.findIndex((line) => /^tactics\/customer-roundtable-dinners\.md:\d+:\d+ warning tactic-missing-kpi /.test(line));
      assert.deepEqual(lines.slice(kpi + 1, kpi + 5).map((line) => line.replace(/`.*/, "")), ["  fix: add ", "  fix: add ", "  fix: add ", "  … and 5 more fixes (--format json lists them all)"]);
      // A hostile title stays on its hint line, escaped.
      const orphan = lines.findIndex((line) => /^tactics\/orphan\.md:\d+:\d+ warning tactic-missing-pillar /.test(line));
      assert.ok(lines.slice(orphan + 1, orphan + 4).includes("  fix: add `pillar: aaa-evil` (Evil\\nfake.md:1:1 error forged \\u001b[31mred)"), lines.slice(orphan, orphan + 5).join("\n"));
      assert.ok(!lines.some((line) => line.startsWith("fake.md")) && !stdout.includes("\u001b"));
    },
  },
];

describe("CLI fixes", function () {
  runCases(cases);

  const workspace = workspaces();

  it("JSON fixes give the core's result, and SARIF carries the same edits", async () => {
    const dir = workspace({ files: { "tactics/queue-crlf.md": QUEUE, "tactics/typo.md": TYPO, "pillars/aaa-evil.md": EVIL } });
    const json = diagnosticsOf((await runInProcess(["check", "--format", "json", "--today", TODAY], dir)).stdout);
    const sarif = JSON.parse((await runInProcess(["check", "--format", "sarif", "--today", TODAY], dir)).stdout).runs[0].results;
    const loaded = await loadWorkspace([], { cwd: dir, fs: nodeFileSystem, today: () => new Date(`${TODAY}T00:00:00Z`) });
    assert.ok(!("error" in loaded));
    const issues = loaded.workspace.allIssues(true);
    const textOf = (file: string) => loaded.workspace.index.files.get(file)!;
    assert.deepEqual(json.map((d) => `${d.file} ${d.rule} ${d.message}`), issues.map((i) => `${i.file} ${i.rule} ${i.message}`));
    let fixes = 0;
    issues.forEach((issue, i) => {
      assert.equal(json[i].fixes.length, issue.fixes.length);
      issue.fixes.forEach((fix, f) => {
        assert.deepEqual([json[i].fixes[f].title, json[i].fixes[f].safe], [fix.title, fix.safe]);
        assert.deepEqual(jsonResult(json[i].fixes[f], dir), coreResult(fix, textOf), `${issue.file} ${fix.title}`);
        fixes++;
      });
      // SARIF: the same replacements, one artifactChange per file.
      const expected = json[i].fixes.map((fix) => ({
        description: fix.title,
        changes: [...new Set(fix.edits.map((e) => e.file))].map((file) => [file, fix.edits.filter((e) => e.file === file).map((e) => [e.line, e.column, e.endLine, e.endColumn, e.newText])]),
      }));
      const actual = (sarif[i].fixes ?? []).map((fix: { description: { text: string }; artifactChanges: Array<{ artifactLocation: { uri: string }; replacements: Array<{ deletedRegion: Record<string, number>; insertedContent: { text: string } }> }> }) => ({
        description: fix.description.text,
        changes: fix.artifactChanges.map((c) => [c.artifactLocation.uri, c.replacements.map((r) => [r.deletedRegion.startLine, r.deletedRegion.startColumn, r.deletedRegion.endLine, r.deletedRegion.endColumn, r.insertedContent.text])]),
      }));
      assert.deepEqual(actual, expected);
    });
    assert.ok(fixes > 30, `only ${fixes} fixes checked`);
  });

  it("places an edit where applyEdits applies it: a column past the line's end stops before its CRLF", () => {
    const text = "ab\r\ncd\r\n";
    const edits = [{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 9 } }, newText: "X" }];
    const fix = toJsonFix({ title: "t", safe: false, changes: [{ kind: "edit", file: "f.md", edits }] }, () => new LineIndex(text));
    assert.deepEqual(fix.edits, [{ file: "f.md", line: 1, column: 2, endLine: 1, endColumn: 3, newText: "X" }]);
    assert.equal(applyJsonEdits(text, fix.edits), applyEdits(text, edits));
  });

  it("lists the fix --fix applies first; a safe fix among several is only marked safe", () => {
    const edit = (newText: string): Fix["changes"][number] => ({ kind: "edit", file: "f.md", edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText }] });
    const issue = (fixes: Fix[]): Issue => ({ rule: "r", severity: "error", message: "m", file: "f.md", range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, fixes });
    const unsafe: Fix = { title: "Add `a`", safe: false, changes: [edit("a")] };
    const safe: Fix = { title: "KPI `b`", safe: true, changes: [edit("b")] };
    assert.deepEqual(hintLines(issue([unsafe, safe])), ["  fix (safe, --fix applies it): KPI `b`", "  fix: add `a`"]);
    assert.deepEqual(hintLines(issue([safe, { ...safe, title: "Change to `c`" }])), ["  fix (safe): KPI `b`", "  fix (safe): change to `c`"]);
    assert.deepEqual(hintLines(issue([])), []);
  });
});
