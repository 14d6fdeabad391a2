/**
 * `review` and `kpis`: one table of cases on a small workspace whose figures
 * are worked out by hand from SPEC §8, each run in-process and as the built
 * binary (see cli-harness.ts); then the formatters' cells and widths.
 */
import { strict as assert } from "node:assert";
import { changeCell, formatReviewTable, percentCell, wrapWords } from "../../src/cli/format-review";
import { formatKpisTable } from "../../src/cli/format-kpis";
import type { KeyResult, SprintReview } from "../../src/core/index";
import { runCases, usageError, type Case, type Result } from "./cli-harness";

const TODAY = "2026-11-30";
const HOSTILE_ITEM = "ABM <script>alert(1)</script> | `pilot` *now*";
const HOSTILE_KPI = "Sign-ups <script>x</script> | `weekly` _new_";
const HOSTILE_PILLAR = "# Brand <script>y</script> | `loud` *bold*";

const tactic = (id: string, fields: string) => `---\ntype: tactic\nid: ${id}\ntitle: Tactic ${id}\npillar: growth\nkpi: signups\n${fields}---\n`;
const initiative = (id: string, kpi: string, fields: string) => `---\ntype: initiative\nid: ${id}\ntitle: Initiative ${id}\npillar: growth\nkpi: ${kpi}\n${fields}---\n`;
const sprint = (id: string, start: string, end: string, extra = "") => `---\ntype: sprint\nid: ${id}\ntitle: Sprint ${id.slice(-1)}\ncapacity: 20\nstart: ${start}\nend: ${end}\n${extra}---\n`;

/**
 * Three ended sprints and a current one. Worked out by hand (SPEC §8):
 * s1 done 8 S + 2 T (80% strategic); s2 committed 8 S (init-b carried, init-c) + 5 T, done 3 S + 5 T (37.5%);
 * s3 committed 7 S (init-b still open in it, init-d) + 4 T (tac-e dropped), done 2 S + 4 T (33.3%):
 * the last two more than 10 points under 70, so drift fires on s3.
 * Quarters: Q3 = s1 (100% strategic completion), cycle init-a 23 d, tac-a 2 d;
 * Q4 = s2 + s3 (5 ÷ 15 = 33.3%), cycle S median(15, 10) = 12.5, T median(4, 3, 3) = 3.
 */
const WORKSPACE: Record<string, string> = {
  "strategy.config.yaml": "capacity:\n  split: { strategic: 70, tactical: 30 }\n  tolerance: 10\n",
  "pillars/growth.md": "---\ntype: pillar\ntitle: Growth engine\nkpis: [signups]\n---\n",
  "pillars/brand.md": `---\ntype: pillar\ntitle: '${HOSTILE_PILLAR}'\n---\n`,
  "kpis/churn.md": "---\ntype: kpi\ntitle: Monthly churn\nunit: '%'\ndirection: down\npillar: growth\nbaseline: 5\ntarget: 3\ncurrent: 4.5\nmeasured: 2026-11-20\ndue: 2026-12-31\nhistory:\n  - { date: 2026-10-01, value: 4.8 }\n  - { date: 2026-09-01, value: 5 }\n---\n",
  "kpis/signups.md": `---\ntype: kpi\ntitle: '${HOSTILE_KPI}'\nunit: signups/week\nbaseline: 100\ntarget: 200\ncurrent: 160\nmeasured: 2026-09-01\nconfidence: 60\n---\n`,
  "kpis/orphan.md": "---\ntype: kpi\ntitle: Orphan metric\nlevel: tactical\nbaseline: 10\ntarget: 10\ncurrent: 12\n---\n",
  "sprints/s1.md": sprint("2026-s1", "2026-09-14", "2026-09-25", "status: done\n"),
  "sprints/s2.md": sprint("2026-s2", "2026-10-05", "2026-10-16"),
  "sprints/s3.md": sprint("2026-s3", "2026-10-19", "2026-10-30"),
  "sprints/s4.md": sprint("2026-s4", "2026-11-23", "2026-12-04", "status: active\n"),
  "initiatives/init-a.md": initiative("init-a", "churn", "estimate: 8\nsprint: 2026-s1\nstatus: done\nstarted: 2026-09-01\ndone: 2026-09-24\n"),
  "initiatives/init-b.md": initiative("init-b", "churn", "estimate: 5\nsprint: 2026-s3\ncarried: [2026-s2]\nstatus: in-progress\nstarted: 2026-10-06\n").replace("title: Initiative init-b", `title: '${HOSTILE_ITEM}'`),
  "initiatives/init-c.md": initiative("init-c", "churn", "estimate: 3\nsprint: 2026-s2\nstatus: done\nstarted: 2026-10-01\ndone: 2026-10-16\n"),
  "initiatives/init-d.md": initiative("init-d", "signups", "estimate: 2\nsprint: 2026-s3\nstatus: done\nstarted: 2026-10-19\ndone: 2026-10-29\n"),
  "tactics/tac-a.md": tactic("tac-a", "estimate: 2\nsprint: 2026-s1\nstatus: done\nstarted: 2026-09-20\ndone: 2026-09-22\n"),
  "tactics/tac-b.md": tactic("tac-b", "estimate: 3\nsprint: 2026-s2\nstatus: done\nstarted: 2026-10-05\ndone: 2026-10-09\n"),
  "tactics/tac-c.md": tactic("tac-c", "estimate: 2\nsprint: 2026-s2\nstatus: done\nstarted: 2026-10-12\ndone: 2026-10-15\n"),
  "tactics/tac-d.md": tactic("tac-d", "estimate: 4\nsprint: 2026-s3\nstatus: done\nstarted: 2026-10-20\ndone: 2026-10-23\n"),
  "tactics/tac-e.md": tactic("tac-e", "estimate: 1\nsprint: 2026-s3\nstatus: dropped\n"),
  "tactics/tac-f.md": tactic("tac-f", "estimate: 3\nsprint: 2026-s4\nstatus: planned\n"),
};

const both = (strategic: unknown, tactical: unknown) => ({ strategic, tactical });
const point = (sprint: string, end: string, velocity: number, completion: number[], share: number[]) => ({
  sprint, end, velocity, completion: both(completion[0], completion[1]), realisedShare: both(share[0], share[1]), target: 70,
});
const S1 = point("2026-s1", "2026-09-25", 10, [100, 100], [80, 20]);
const S2 = point("2026-s2", "2026-10-16", 8, [37.5, 100], [37.5, 62.5]);
const S3 = point("2026-s3", "2026-10-30", 6, [28.6, 100], [33.3, 66.7]);

const REVIEW_S3 = {
  sprint: "2026-s3", ended: true, target: both(70, 30),
  committed: both(7, 4), done: both(2, 4), carriedOver: { strategic: 5, tactical: 0, items: ["init-b"] },
  completion: both(28.6, 100), realisedShare: both(33.3, 66.7), velocity: 6,
  trend: [S1, S2, S3],
  drift: { sprints: ["2026-s2", "2026-s3"], target: 70 },
  quarters: [
    { quarter: "2026-Q3", strategicCompletion: 100, cycleTimeDays: both(23, 2), throughput: both(1, 1), change: null },
    { quarter: "2026-Q4", strategicCompletion: 33.3, cycleTimeDays: both(12.5, 3), throughput: both(2, 3),
      change: { strategicCompletion: -66.7, cycleTimeDays: both(-45.7, 50), throughput: both(100, 200) } },
  ],
};
const REVIEW_KEYS = ["sprint", "ended", "target", "committed", "done", "carriedOver", "completion", "realisedShare", "velocity", "trend", "drift", "quarters"];
const KEY_RESULT_KEYS = ["id", "title", "level", "unit", "direction", "baseline", "current", "target", "progress", "confidence", "measured", "stale", "due", "pace", "progressNote", "history", "movedBy"];

const keyResult = (fields: Partial<KeyResult>) => ({
  level: "strategic", unit: null, direction: "up", baseline: null, current: null, target: null, progress: null, confidence: null,
  measured: null, stale: false, due: null, pace: null, progressNote: null, history: [], movedBy: [], ...fields,
});
const CHURN = keyResult({
  id: "churn", title: "Monthly churn", unit: "%", direction: "down", baseline: 5, current: 4.5, target: 3, progress: 25,
  measured: "2026-11-20", due: "2026-12-31", pace: "behind",
  history: [{ date: "2026-09-01", value: 5 }, { date: "2026-10-01", value: 4.8 }], movedBy: ["init-a", "init-b", "init-c"],
});
const SIGNUPS = keyResult({
  id: "signups", title: HOSTILE_KPI, unit: "signups/week", baseline: 100, current: 160, target: 200, progress: 60, confidence: 60,
  measured: "2026-09-01", stale: true, movedBy: ["init-d", "tac-a", "tac-b", "tac-c", "tac-d", "tac-f"],
});

/** What a CommonMark renderer shows for backslash-escaped text. */
const unescapeMarkdown = (text: string) => text.replace(/\\([!-/:-@[-`{-~])/g, "$1");

/** A hostile title in a markdown table row: no raw HTML or code span, and it reads back as written. */
function assertEscapedCell(stdout: string, row: RegExp, title: string): void {
  assert.doesNotMatch(stdout, /(^|[^\\])<script/m, "an unescaped <script");
  const cell = row.exec(stdout)?.[1];
  assert.ok(cell, stdout);
  assert.doesNotMatch(cell, /(^|[^\\])[<`*_|]/, `markdown left unescaped: ${cell}`);
  assert.equal(unescapeMarkdown(cell), title);
}

function fitsIn80({ stdout }: Result): void {
  for (const line of stdout.split("\n")) assert.ok([...line].length <= 80, `${[...line].length} columns: ${line}`);
}

const onWorkspace = (name: string, args: string[], rest: Omit<Case, "name" | "args" | "empty" | "files">): Case => ({ name, args, empty: true, files: WORKSPACE, ...rest });

const cases: Case[] = [
  onWorkspace("review --format json: the latest ended sprint, exactly SPEC §8's shape and figures", ["review", "--format", "json", "--today", TODAY], {
    code: 0,
    expect({ stdout }) {
      const review = JSON.parse(stdout);
      assert.deepEqual(Object.keys(review), REVIEW_KEYS);
      assert.deepEqual(Object.keys(review.trend[0]), ["sprint", "end", "velocity", "completion", "realisedShare", "target"]);
      assert.deepEqual(Object.keys(review.quarters[1].change), ["strategicCompletion", "cycleTimeDays", "throughput"]);
      assert.deepEqual(review, REVIEW_S3);
    },
  }),
  onWorkspace("review --sprint of an earlier sprint: its own figures, trend up to it, no drift yet", ["review", "--sprint", "2026-S2", "--format", "json", "--today", TODAY], {
    code: 0,
    expect({ stdout }) {
      const review = JSON.parse(stdout);
      assert.deepEqual([review.sprint, review.committed, review.done, review.carriedOver], ["2026-s2", both(8, 5), both(3, 5), { strategic: 5, tactical: 0, items: ["init-b"] }]);
      assert.deepEqual(review.trend, [S1, S2]);
      assert.equal(review.drift, null);
      assert.equal(review.quarters.at(-1).quarter, "2026-Q4");
    },
  }),
  onWorkspace("review (table) within 80 columns: the tracks, drift, carried items, trend and quarters", ["review", "--today", TODAY], {
    code: 0,
    expect(result) {
      const { stdout } = result;
      fitsIn80(result);
      assert.match(stdout, /^Sprint review: 2026-s3 — Sprint 3\nEnded 2026-10-30\. Target 70% strategic \/ 30% tactical\.\nVelocity: 6 units done \(8 in 2026-s2\)\.\n/);
      assert.match(stdout, /\nRealised strategic share 33\.3% against a 70% target: 36\.7 points under\.\n/);
      assert.match(stdout, /\n {2}Strategic +7 +2 +5 +28\.6% +33\.3% +70%\n {2}Tactical +4 +4 +0 +100\.0% +66\.7% +30%\n/);
      // One paragraph, wrapped with a hanging indent.
      assert.ok(stdout.replace(/\n {2}(?=\S)/g, " ").includes("\nSplit drift: the realised strategic share fell short of the 70% target by more than the tolerance in 2026-s2 (37.5%), 2026-s3 (33.3%); plan more strategic work in the next sprint.\n"), stdout);
      assert.ok(stdout.includes(`\nCarried over (1 item, 5 units)\n  Id      Track      Est.  Sprint   Status\n  init-b  strategic     5  2026-s3  in-progress\n  ${HOSTILE_ITEM}\n`), "the title as written, on a line of its own");
      assert.match(stdout, /\nTrend \(3 ended sprints, oldest first\)\n.*\n {2}2026-s1 +2026-09-25 +10 +80\.0% +70% +100\.0% \/ 100\.0%\n/);
      assert.match(stdout, /\n {2}2026-Q4 +33\.3% +12\.5 +3\.0 +2 +3\n {3}change +\u221266\.7% +\u221245\.7% +\+50\.0% +\+100\.0% +\+200\.0%\n/);
    },
  }),
  onWorkspace("review --format markdown: a heading, sentences and GitHub tables, hostile titles escaped", ["review", "--format", "markdown", "--today", TODAY], {
    code: 0,
    expect({ stdout }) {
      assert.match(stdout, /^## Sprint review: 2026-s3 — Sprint 3\n\nEnded 2026-10-30\. .* Velocity: 6 units done \(8 in 2026-s2\)\. /);
      assert.match(stdout, /\n\| Strategic \| 7 \| 2 \| 5 \| 28\.6% \| 33\.3% \| 70% \|\n/);
      assert.match(stdout, /\n> \*\*Split drift:\*\* the realised strategic share/);
      assert.match(stdout, /\n\| 2026-Q4 \| 33\.3% \(\u221266\.7%\) \| 12\.5 \(\u221245\.7%\) \| 3\.0 \(\+50\.0%\) \| 2 \(\+100\.0%\) \| 3 \(\+200\.0%\) \|\n/);
      assertEscapedCell(stdout, /^\| init-b \| (.*) \| strategic \| 5 \|/m, HOSTILE_ITEM);
    },
  }),
  onWorkspace("review of the current sprint says it has not ended", ["review", "--sprint", "2026-s4", "--today", TODAY], {
    code: 0,
    expect(result) {
      fitsIn80(result);
      assert.match(result.stdout, /^Sprint review: 2026-s4 — Sprint 4\nNot ended yet: the figures so far\./);
    },
  }),
  onWorkspace("kpis --format json: exactly SPEC §8's shape and figures", ["kpis", "--format", "json", "--today", TODAY], {
    code: 0,
    expect({ stdout }) {
      const report = JSON.parse(stdout);
      assert.deepEqual(Object.keys(report), ["objectives", "unattached"]);
      assert.deepEqual(Object.keys(report.objectives[0]), ["pillar", "title", "progress", "keyResults"]);
      for (const kr of [...report.objectives[1].keyResults, ...report.unattached]) assert.deepEqual(Object.keys(kr), KEY_RESULT_KEYS);
      const [orphan] = report.unattached;
      assert.equal(typeof orphan.progressNote, "string");
      assert.deepEqual(report, {
        objectives: [
          { pillar: "brand", title: HOSTILE_PILLAR, progress: null, keyResults: [] },
          { pillar: "growth", title: "Growth engine", progress: 42.5, keyResults: [CHURN, SIGNUPS] },
        ],
        unattached: [keyResult({ id: "orphan", title: "Orphan metric", level: "tactical", baseline: 10, current: 12, target: 10, stale: true, progressNote: orphan.progressNote })],
      });
    },
  }),
  onWorkspace("kpis (table) within 80 columns: progress, pace, confidence, stale marked, moved by", ["kpis", "--today", TODAY], {
    code: 0,
    expect(result) {
      const { stdout } = result;
      fitsIn80(result);
      assert.ok(stdout.includes(`\n${HOSTILE_PILLAR} (brand): progress —\n  (no KPIs: `), stdout);
      assert.match(stdout, /\nGrowth engine \(growth\): progress 42\.5%\n/);
      assert.match(stdout, /\n {2}churn +25\.0% +behind +— +2026-11-20 +3\n {4}Monthly churn: 5 → 4\.5 → 3 % \(lower is better; due 2026-12-31\)\n/);
      assert.match(stdout, /\n {2}signups +60\.0% +— +60% +2026-09-01 \(stale\) +6\n/);
      assert.match(stdout, /\nKPIs of no pillar\n.*\n {2}orphan +— +— +— +never \(stale\) +0\n {4}Orphan metric: 10 → 12 → 10 \(/);
    },
  }),
  onWorkspace("kpis --format markdown: a section per objective, hostile titles escaped", ["kpis", "--format", "markdown", "--today", TODAY], {
    code: 0,
    expect({ stdout }) {
      assert.match(stdout, /^## KPIs as key results\n/);
      assert.match(stdout, /\n### Growth engine \(growth\): progress 42\.5%\n\n\| Key result \| Title \|/);
      assert.match(stdout, /\n\| churn \| Monthly churn \| 5 → 4\.5 → 3 % \(lower is better; due 2026-12-31\) \| 25\.0% \| behind \| — \| 2026-11-20 \| init-a, init-b, init-c \|\n/);
      assert.match(stdout, /\| 2026-09-01 \(stale\) \| init-d, tac-a, tac-b, tac-c, tac-d and 1 more \|\n/);
      assertEscapedCell(stdout, /^\| signups \| (.*) \| 100 → 160 → 200 signups\/week \|/m, HOSTILE_KPI);
      const heading = /^### (.*) \(brand\): progress —\n\n_No KPIs: add `kpis:` to the pillar, or `pillar:` to a KPI\._$/m.exec(stdout)?.[1];
      assert.equal(heading && unescapeMarkdown(heading), HOSTILE_PILLAR);
      assert.doesNotMatch(heading!, /(^|[^\\])[<`*|#]/);
    },
  }),
  onWorkspace("review of an unknown sprint names the ended ones", ["review", "--sprint", "2099-s1", "--today", TODAY], usageError(/2099-s1.*2026-s1, 2026-s2, 2026-s3/)),
  {
    name: "review before any sprint has ended",
    args: ["review", "--today", TODAY],
    empty: true,
    files: { "sprints/s9.md": sprint("2026-s9", "2026-12-07", "2026-12-18") },
    ...usageError(/no sprint has ended yet/i),
  },
  onWorkspace("review with a bad --today", ["review", "--today", "2026-02-30"], usageError(/--today takes a date as YYYY-MM-DD, not '2026-02-30'/)),
  onWorkspace("kpis with a bad --today", ["kpis", "--today", "soon"], usageError(/--today/)),
  onWorkspace("kpis takes no --sprint", ["kpis", "--sprint", "2026-s3"], usageError(/unknown option --sprint for kpis/)),
  onWorkspace("review with an unknown format", ["review", "--format", "csv"], usageError(/unknown format 'csv' for review \(use table, json, markdown\)/)),
  ...["review", "kpis"].map((command): Case => ({ name: `${command} --help`, args: [command, "--help"], code: 0, expect: ({ stdout }) => assert.match(stdout, new RegExp(`^Usage: strategy-docs ${command} [^]*--format FORMAT[^]*--today`)) })),
  { name: "--help lists review and kpis", args: ["--help"], code: 0, expect: ({ stdout }) => assert.match(stdout, /\n {2}review +.+\n {2}kpis +.+\n/) },
  {
    name: "review and kpis on an empty folder",
    args: ["kpis", "--format", "markdown"],
    empty: true,
    code: 0,
    expect: ({ stdout }) => assert.equal(stdout, "## KPIs as key results\n\nEach pillar is an objective and its KPIs are its key results. Progress = (current − baseline) ÷ (target − baseline).\n\n_No pillars or KPIs yet._\n"),
  },
];

describe("CLI review and kpis", () => runCases(cases));

describe("review and kpis cells", () => {
  it("writes changes with a sign and a true minus, and none as a dash", () => {
    assert.deepEqual([changeCell(40.8), changeCell(-26.5), changeCell(0), changeCell(null)], ["+40.8%", "\u221226.5%", "0.0%", "—"]);
    assert.deepEqual([percentCell(100), percentCell(57.14), percentCell(null)], ["100.0%", "57.1%", "—"]);
  });

  it("wraps words to the width, indenting the lines after the first", () => {
    assert.deepEqual(wrapWords("one two three four", 9, "", "  "), ["one two", "  three", "  four"]);
    assert.deepEqual(wrapWords("a  b", 9, "    "), ["    a b"]);
    assert.deepEqual(wrapWords("abcdefghij", 6, "", "  "), ["abcd", "  efgh", "  ij"]);
  });

  it("keeps long ids, titles and figures within 80 columns", () => {
    const long = "an-extraordinarily-long-sprint-identifier-2026-s13";
    const review = structuredClone(REVIEW_S3) as unknown as SprintReview;
    review.sprint = long;
    review.trend = review.trend.map((p) => ({ ...p, sprint: long }));
    review.quarters[1].change!.throughput = { strategic: 1234.5, tactical: -99.9 };
    const lookup = () => ({ title: "A title ".repeat(20), track: "strategic", estimate: 13, sprint: long, status: "in-progress" });
    for (const line of formatReviewTable(review, lookup).split("\n")) assert.ok([...line].length <= 80, line);
    const kpis = { objectives: [{ pillar: "p", title: "P ".repeat(60), progress: 12.3, keyResults: [{ ...CHURN, id: long, title: "T ".repeat(60), unit: "USD per quarter" } as KeyResult] }], unattached: [] };
    for (const line of formatKpisTable(kpis).split("\n")) assert.ok([...line].length <= 80, line);
  });

  it("writes control characters in document text as escapes", () => {
    const review = { ...(structuredClone(REVIEW_S3) as unknown as SprintReview) };
    const text = formatReviewTable(review, () => ({ title: "two\nlines\u001b[31m", track: "strategic", estimate: 5, sprint: null, status: null }));
    assert.ok(text.includes("two\\nlines\\u001b[31m"), text);
    assert.doesNotMatch(text, /\u001b/);
  });
});
