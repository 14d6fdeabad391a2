/**
 * Money on the command line (SPEC §9): `plan` JSON's `budget`, the money
 * section of its tables, `backlog` JSON's `budget` per item and `check`'s
 * `over-budget`, on a small workspace worked out by hand; each case runs
 * in-process and as the built binary (see cli-harness.ts).
 */
import { strict as assert } from "node:assert";
import { runCases, type Case } from "./cli-harness";

const TODAY = "2026-11-24";
const scored = "impact: 4\nurgency: 3\neffort: 2\n";
const doc = (fields: string) => `---\n${fields}---\n`;

/**
 * Sprint s1 (capacity 20, 70/30, budget 45,000): planned `launch` (strategic, 8 units, 30,000, pillar growth) and
 * `ads` (tactical, 2 units, 8,000, growth through `launch`); `old-ads` dropped (9,000) spends nothing.
 * Proposed: `webinar` (strategic, 5 units, 12,000, no pillar) and `posts` (tactical, 3 units, no budget).
 * Planned money 38,000 of 45,000; with the proposal 50,000: 5,000 over, said in a note.
 * Pillar growth (budget 35,000) spends 30,000 + 8,000 = 38,000: `over-budget`, 3,000 over.
 */
const WORKSPACE: Record<string, string> = {
  "strategy.config.yaml": "budget: { currency: EUR }\n",
  "pillars/growth.md": doc("type: pillar\nid: growth\nbudget: 35000\n"),
  "sprints/s1.md": doc("type: sprint\nid: s1\ncapacity: 20\nstart: 2026-11-23\nend: 2026-12-04\nbudget: 45000\n"),
  "initiatives/launch.md": doc(`type: initiative\nid: launch\npillar: growth\nsprint: s1\nestimate: 8\nbudget: 30000\n${scored}`),
  "initiatives/webinar.md": doc(`type: initiative\nid: webinar\nestimate: 5\nbudget: 12000\n${scored}`),
  "tactics/ads.md": doc(`type: tactic\nid: ads\ninitiative: launch\nsprint: s1\nestimate: 2\nbudget: 8000\n${scored}`),
  "tactics/old-ads.md": doc(`type: tactic\nid: old-ads\ninitiative: launch\nsprint: s1\nestimate: 2\nbudget: 9000\nstatus: dropped\n${scored}`),
  "tactics/posts.md": doc(`type: tactic\nid: posts\npillar: growth\nestimate: 3\n${scored}`),
};

const onWorkspace = (name: string, args: string[], rest: Omit<Case, "name" | "args" | "empty" | "files">, files: Record<string, string> = {}): Case => ({
  name,
  args: [...args, "--today", TODAY],
  empty: true,
  files: { ...WORKSPACE, ...files },
  ...rest,
});

const cases: Case[] = [
  onWorkspace("plan --format json: budget with money per track planned and proposed, the cap, per pillar and the currency", ["plan", "--sprint", "s1", "--format", "json"], {
    code: 0,
    expect({ stdout }) {
      const plan = JSON.parse(stdout);
      assert.deepEqual(Object.keys(plan), ["sprint", "capacity", "target", "planned", "proposed", "share", "byPillar", "doesNotFit", "notes", "budget"]);
      assert.deepEqual(plan.planned, { strategic: 8, tactical: 2, items: ["ads", "launch"] });
      assert.deepEqual(plan.proposed, { strategic: 5, tactical: 3, items: ["webinar", "posts"] });
      assert.deepEqual(plan.budget, {
        planned: { strategic: 30000, tactical: 8000 },
        proposed: { strategic: 12000, tactical: 0 },
        cap: 45000,
        byPillar: { growth: 38000, "(unaligned)": 12000 },
        currency: "EUR",
      });
      assert.deepEqual(plan.byPillar, { growth: 13, "(unaligned)": 5 }, "byPillar stays units");
      assert.ok(plan.notes.includes("With the proposal the sprint would spend EUR 50,000 of its EUR 45,000 budget (5,000 over): leave out some paid items or raise `budget`"), plan.notes);
    },
  }),
  onWorkspace("plan --format json: a sprint without a budget has cap null, and no currency configured is null", ["plan", "--sprint", "s1", "--format", "json"], {
    code: 0,
    expect({ stdout }) {
      const { budget, notes } = JSON.parse(stdout);
      assert.equal(budget.cap, null);
      assert.equal(budget.currency, null);
      assert.deepEqual(budget.planned, { strategic: 30000, tactical: 8000 });
      assert.ok(!notes.some((note: string) => /budget \(/.test(note)), notes);
    },
  }, { "strategy.config.yaml": "", "sprints/s1.md": doc("type: sprint\nid: s1\ncapacity: 20\nstart: 2026-11-23\nend: 2026-12-04\n") }),
  onWorkspace("plan (table): money per track and per pillar beside capacity, with the currency", ["plan", "--sprint", "s1"], {
    code: 0,
    expect({ stdout }) {
      assert.match(stdout, /^Money \(EUR\): EUR 50,000 planned and proposed of the EUR 45,000 budget, EUR 5,000 over$/m);
      assert.match(stdout, /^ {2}Track +Planned +Proposed +Total$/m);
      assert.match(stdout, /^ {2}Strategic +30,000 +12,000 +42,000$/m);
      assert.match(stdout, /^ {2}Tactical +8,000 +0 +8,000$/m);
      assert.match(stdout, /^ {2}Pillar +Units +Share +Money$/m);
      assert.match(stdout, /^ {2}growth +13 +72\.2% +38,000$/m);
      assert.match(stdout, /^ {2}\(unaligned\) +5 +27\.8% +12,000$/m);
    },
  }),
  onWorkspace("plan --format markdown: a money section; a currency label with markup is escaped", ["plan", "--sprint", "s1", "--format", "markdown"], {
    code: 0,
    expect({ stdout }) {
      assert.match(stdout, /^### Money \(\\<i\\>€\\<\/i\\>\)$/m);
      assert.match(stdout, /^\\<i\\>€\\<\/i\\> 50,000 planned and proposed of the \\<i\\>€\\<\/i\\> 45,000 budget, \\<i\\>€\\<\/i\\> 5,000 over\.$/m);
      assert.match(stdout, /^\| Strategic \| 30,000 \| 12,000 \| 42,000 \|$/m);
      assert.match(stdout, /^\| growth \| 13 \| 72\.2% \| 38,000 \|$/m);
      assert.doesNotMatch(stdout, /(^|[^\\])<i>/);
    },
  }, { "strategy.config.yaml": "budget: { currency: '<i>€</i>' }\n" }),
  onWorkspace("plan (table): no budget anywhere, no money section and no money column", ["plan", "--sprint", "s1"], {
    code: 0,
    expect({ stdout }) {
      assert.doesNotMatch(stdout, /Money/);
      assert.match(stdout, /^ {2}Pillar +Units +Share$/m);
    },
  }, Object.fromEntries(Object.entries(WORKSPACE).map(([file, text]) => [file, text.replace(/^budget: .*\n/m, "")]))),
  onWorkspace("backlog --format json: every item has its own budget, null when it states none", ["backlog", "--format", "json"], {
    code: 0,
    expect({ stdout }) {
      const { items } = JSON.parse(stdout);
      assert.deepEqual(Object.fromEntries(items.map((item: { id: string; budget: unknown }) => [item.id, item.budget])), { launch: 30000, webinar: 12000, ads: 8000, posts: null });
      const keys = Object.keys(items[0]);
      assert.equal(keys.indexOf("budget"), keys.indexOf("line") + 1, keys.join(","));
    },
  }),
  onWorkspace("check --format json: over-budget on the pillar's budget key, naming the sum, the excess and what spends it", ["check", "--format", "json"], {
    code: 0,
    expect({ stdout }) {
      const found = JSON.parse(stdout).diagnostics.filter((d: { rule: string }) => d.rule === "over-budget");
      assert.deepEqual(found.map(({ file, line, column, endLine, endColumn, severity }: Record<string, unknown>) => ({ file, line, column, endLine, endColumn, severity })), [
        { file: "pillars/growth.md", line: 4, column: 1, endLine: 4, endColumn: 7, severity: "warning" },
      ]);
      assert.equal(
        found[0].message,
        "Pillar `growth` spends EUR 38,000 of its EUR 35,000 budget (3,000 over) across 2 initiatives and tactics, most in `launch` (30,000) and `ads` (8,000): drop or defer some of its paid work, or raise `budget`",
      );
    },
  }),
  onWorkspace("check (text): the sprint over its budget once its items cost more", ["check"], {
    code: 0,
    expect({ stdout }) {
      assert.match(stdout, /sprints\/s1\.md:7:1.*Sprint `s1` spends EUR 47,000 of its EUR 45,000 budget \(2,000 over\)/);
    },
  }, { "initiatives/webinar.md": WORKSPACE["initiatives/webinar.md"].replace("estimate: 5", "estimate: 5\nsprint: s1").replace("budget: 12000", "budget: 9000") }),
];

describe("CLI budgets", () => runCases(cases));
