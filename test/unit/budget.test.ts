/**
 * Budgets (SPEC §9): an item's own budget, a pillar's and a sprint's sums
 * (through initiatives, each item once, dropped excluded), `over-budget` and
 * its message, the plan's and the backlog's money, and incremental checks.
 */
import { strict as assert } from "node:assert";
import { budgetOf, buildBacklog, buildBoard, buildPlan, formatMoney, pillarSpend, sprintSpend, StrategyWorkspace, type Issue, type StrategyWorkspace as Workspace } from "../../src/core/index";
import { formatBacklogJson } from "../../src/cli/format-backlog";
import { formatPlanJson, formatPlanMarkdown, formatPlanTable } from "../../src/cli/format-plan";
import { issuesOf, TODAY, TODAY_ISO, workspaceOf } from "./helpers";

const doc = (fields: string) => `---\n${fields}\n---\n`;
const scored = "impact: 4\nurgency: 3\neffort: 2";

/**
 * Pillar `growth` (cap 30,000): initiative `launch` 20,000 (its own cost), its tactics `ads` 5,000 and
 * `emails` 3,000 (which also names the pillar itself: counted once), `report` done 2,000; not counted:
 * `dropped-ads` (dropped), `brand-film` (under `launch` but its own pillar is `brand`), the KPI naming the pillar.
 * Sum = 20,000 + 5,000 + 3,000 + 2,000 = 30,000: at the cap, not over. Pillar `brand` (cap 500) spends `brand-film`'s 400.
 */
const PILLARS: Record<string, string> = {
  "p/growth.md": doc("type: pillar\nid: growth\nbudget: 30000"),
  "p/brand.md": doc("type: pillar\nid: brand\nbudget: 500"),
  "k/signups.md": doc("type: kpi\nid: signups\npillar: growth\nbudget: 99999"),
  "i/launch.md": doc("type: initiative\nid: launch\npillar: growth\nbudget: 20000"),
  "i/no-money.md": doc("type: initiative\nid: no-money\npillar: growth"),
  "t/ads.md": doc("type: tactic\nid: ads\ninitiative: launch\nbudget: 5000"),
  "t/emails.md": doc("type: tactic\nid: emails\npillar: growth\ninitiative: launch\nbudget: 3000"),
  "t/report.md": doc("type: tactic\nid: report\npillar: growth\nstatus: done\nbudget: 2000"),
  "t/dropped-ads.md": doc("type: tactic\nid: dropped-ads\ninitiative: launch\nstatus: dropped\nbudget: 9000"),
  "t/brand-film.md": doc("type: tactic\nid: brand-film\npillar: brand\ninitiative: launch\nbudget: 400"),
};

const item = (ws: Workspace, id: string) => ws.index.find(id)!;

describe("budgets: what items cost and what pillars spend", () => {
  it("reads an item's own budget; a missing or invalid one is null", () => {
    const ws = workspaceOf({ ...PILLARS, "t/bad.md": doc("type: tactic\nid: bad\nbudget: lots"), "t/neg.md": doc("type: tactic\nid: neg\nbudget: -5") });
    assert.equal(budgetOf(item(ws, "launch")), 20000);
    assert.equal(budgetOf(item(ws, "no-money")), null);
    assert.equal(budgetOf(item(ws, "bad")), null);
    assert.equal(budgetOf(item(ws, "neg")), null);
    assert.ok(issuesOf(ws, "schema").some((issue) => issue.file === "t/bad.md"), "a wrong budget is a schema error");
  });

  it("sums a pillar's initiatives and tactics, through initiatives, each once, dropped excluded, an initiative's budget without its tactics'", () => {
    const ws = workspaceOf(PILLARS);
    const spend = pillarSpend(ws.index, item(ws, "growth"));
    assert.equal(spend.sum, 30000);
    assert.equal(spend.cap, 30000);
    assert.deepEqual(spend.items.map((i) => i.id), ["launch", "ads", "emails", "report"]);
    const brand = pillarSpend(ws.index, item(ws, "brand"));
    assert.deepEqual({ sum: brand.sum, items: brand.items.map((i) => i.id) }, { sum: 400, items: ["brand-film"] });
  });

  it("a tactic that leaves its initiative's pillar takes its money along; a pillar with no budget has no cap", () => {
    const ws = workspaceOf({ ...PILLARS, "p/growth.md": doc("type: pillar\nid: growth"), "t/ads.md": doc("type: tactic\nid: ads\npillar: brand\ninitiative: launch\nbudget: 5000") });
    assert.deepEqual([pillarSpend(ws.index, item(ws, "growth")).sum, pillarSpend(ws.index, item(ws, "growth")).cap], [25000, null]);
    assert.equal(pillarSpend(ws.index, item(ws, "brand")).sum, 5400);
  });
});

/** Sprint `s1` (cap 10,000): `a` strategic 4,000 (pillar growth), `b` 1,500 (growth through `launch`), `c` 500 (no pillar), `d` dropped, `e` only carried from it. */
const SPRINT: Record<string, string> = {
  "strategy.config.yaml": "budget: { currency: EUR }\n",
  "p/growth.md": doc("type: pillar\nid: growth"),
  "i/launch.md": doc("type: initiative\nid: launch\npillar: growth"),
  "s/s1.md": doc("type: sprint\nid: s1\ncapacity: 20\nstart: 2026-11-23\nend: 2026-12-04\nbudget: 10000"),
  "s/s2.md": doc("type: sprint\nid: s2\ncapacity: 20\nstart: 2026-12-07\nend: 2026-12-18"),
  "i/a.md": doc(`type: initiative\nid: a\npillar: growth\nsprint: s1\nestimate: 5\nbudget: 4000\n${scored}`),
  "t/b.md": doc(`type: tactic\nid: b\ninitiative: launch\nsprint: S1\nestimate: 2\nbudget: 1500\n${scored}`),
  "t/c.md": doc(`type: tactic\nid: c\nsprint: s1\nestimate: 1\nbudget: 500\n${scored}`),
  "t/d.md": doc(`type: tactic\nid: d\nsprint: s1\nestimate: 1\nbudget: 9999\nstatus: dropped\n${scored}`),
  "t/e.md": doc(`type: tactic\nid: e\nsprint: s2\ncarried: [s1]\nestimate: 1\nbudget: 700\n${scored}`),
};

function withConfig(files: Record<string, string>): Workspace {
  const { "strategy.config.yaml": config, ...rest } = files;
  return workspaceOf(rest, config);
}

describe("budgets: what a sprint spends", () => {
  it("sums its not-dropped items by track and by pillar; carried items count where they are now", () => {
    const ws = withConfig(SPRINT);
    const spend = sprintSpend(ws.index, item(ws, "s1"));
    assert.equal(spend.sum, 6000);
    assert.equal(spend.cap, 10000);
    assert.deepEqual(spend.byTrack, { strategic: 4000, tactical: 2000 });
    assert.deepEqual(spend.byPillar, { growth: 5500, "(unaligned)": 500 });
    assert.deepEqual(spend.items.map((i) => i.id), ["a", "b", "c"]);
    assert.deepEqual(sprintSpend(ws.index, item(ws, "s2")), { sum: 700, cap: null, byTrack: { strategic: 0, tactical: 700 }, byPillar: { "(unaligned)": 700 }, items: [item(ws, "e")] });
  });

  it("adds fractional budgets without float noise", () => {
    const ws = workspaceOf({ "s.md": doc("type: sprint\nid: s\nbudget: 0.3"), "a.md": doc("type: tactic\nid: a\nsprint: s\nbudget: 0.1"), "b.md": doc("type: tactic\nid: b\nsprint: s\nbudget: 0.2") });
    assert.equal(sprintSpend(ws.index, item(ws, "s")).sum, 0.3);
    assert.deepEqual(issuesOf(ws, "over-budget"), []);
  });
});

describe("over-budget", () => {
  it("names the sum and the excess with the currency, on the sprint's budget key", () => {
    const ws = workspaceOf(
      { "s.md": doc("type: sprint\nid: 2026-s15\ncapacity: 40\nbudget: 45000"), "a.md": doc("type: initiative\nid: a\nsprint: 2026-s15\nbudget: 40000"), "b.md": doc("type: tactic\nid: b\nsprint: 2026-s15\nbudget: 12000") },
      "budget: { currency: EUR }\n",
    );
    const [issue, ...rest] = issuesOf(ws, "over-budget");
    assert.deepEqual(rest, []);
    assert.equal(issue.severity, "warning");
    assert.match(issue.message, /^Sprint `2026-s15` spends EUR 52,000 of its EUR 45,000 budget \(7,000 over\): move paid items to a later sprint/);
    assert.deepEqual(issue.range, { start: { line: 4, character: 0 }, end: { line: 4, character: 6 } });
  });

  it("on a pillar, names how many items spend and the largest; without a currency, plain amounts", () => {
    const ws = workspaceOf({ ...PILLARS, "p/growth.md": doc("type: pillar\nid: growth\ntitle: Growth\nbudget: 25000.5") });
    const found = issuesOf(ws, "over-budget");
    assert.deepEqual(found.map((i) => i.file), ["p/growth.md"], "brand spends 400 of its 500");
    assert.equal(
      found[0].message,
      "Pillar `growth` spends 30,000 of its 25,000.50 budget (4,999.50 over) across 4 initiatives and tactics, most in `launch` (20,000), `ads` (5,000), `emails` (3,000) and 1 more: drop or defer some of its paid work, or raise `budget`",
    );
    assert.equal(found[0].range.start.line, 4);
  });

  it("fires at the first unit over, not at the cap; a budget of 0 is a cap; no budget, no check; ignore: silences it", () => {
    const sprint = (budget: string, extra = "") => ({ "s.md": doc(`type: sprint\nid: s\n${budget}${extra}`), "a.md": doc("type: tactic\nid: a\nsprint: s\nbudget: 100") });
    assert.equal(issuesOf(workspaceOf(sprint("budget: 100")), "over-budget").length, 0);
    assert.equal(issuesOf(workspaceOf(sprint("budget: 99.99")), "over-budget").length, 1);
    assert.equal(issuesOf(workspaceOf(sprint("budget: 0")), "over-budget").length, 1);
    assert.equal(issuesOf(workspaceOf(sprint("capacity: 3")), "over-budget").length, 0);
    assert.equal(issuesOf(workspaceOf(sprint("budget: 5", "\nignore: [over-budget]")), "over-budget").length, 0);
  });

  it("is re-checked on the pillar when a tactic under it (directly or through its initiative) changes, as a fresh check does", () => {
    const key = (issues: readonly Issue[]) => issues.map((i) => `${i.file}:${i.range.start.line}:${i.rule}:${i.message}`).sort();
    const steps: Array<[string, string | null]> = [
      ["p/growth.md", doc("type: pillar\nid: growth\nbudget: 29000")],
      ["t/ads.md", doc("type: tactic\nid: ads\ninitiative: launch\nbudget: 4000")],
      ["t/ads.md", doc("type: tactic\nid: ads\ninitiative: launch\nbudget: 4000\nstatus: dropped")],
      ["t/brand-film.md", doc("type: tactic\nid: brand-film\ninitiative: launch\nbudget: 400")],
      ["t/emails.md", doc("type: tactic\nid: emails\npillar: brand\ninitiative: launch\nbudget: 3000")],
      ["i/launch.md", doc("type: initiative\nid: launch\npillar: brand\nbudget: 20000")],
      ["i/launch.md", doc("type: initiative\nid: launch\npillar: growth\nbudget: 20000")],
      ["t/ads.md", doc("type: tactic\nid: ads\ninitiative: other\nbudget: 4000")],
      ["i/other.md", doc("type: initiative\nid: other\npillar: growth")],
      ["i/launch.md", null],
      ["s/s1.md", doc("type: sprint\nid: s1\nbudget: 100")],
      ["t/report.md", doc("type: tactic\nid: report\npillar: growth\nsprint: s1\nbudget: 2000")],
      ["t/report.md", doc("type: tactic\nid: report\npillar: growth\nsprint: s2\nbudget: 2000")],
    ];
    const ws = workspaceOf(PILLARS);
    const current: Record<string, string> = { ...PILLARS };
    let fired = 0;
    for (const [path, text] of steps) {
      if (text === null) delete current[path];
      else current[path] = text;
      const before = new Map(Object.keys({ ...current, [path]: "" }).map((p) => [p, key(ws.issues(p))]));
      const changed = new Set(text === null ? ws.deleteFile(path) : ws.setFile(path, text));
      for (const p of Object.keys(current)) if (!changed.has(p)) assert.deepEqual(key(ws.issues(p)), before.get(p), `${p} changed after an edit of ${path}, but was not reported`);
      const fresh = new StrategyWorkspace({ today: () => TODAY });
      fresh.load(Object.entries(current));
      assert.deepEqual(key(ws.allIssues()), key(fresh.allIssues()), `after ${path}: ${text}`);
      fired += issuesOf(ws, "over-budget").length;
    }
    assert.ok(fired >= 5, `over-budget fired ${fired} times over the steps`);
  });
});

describe("budgets: money in the plan, the backlog and the board", () => {
  it("the plan sums planned and proposed money per track and pillar against the sprint's budget, and says when it is over", () => {
    const ws = withConfig({
      ...SPRINT,
      "t/f.md": doc(`type: tactic\nid: f\npillar: growth\nestimate: 2\nbudget: 5000\n${scored}`),
      "i/g.md": doc(`type: initiative\nid: g\nestimate: 3\n${scored}`),
    });
    const { plan } = buildPlan(ws, "s1", { today: TODAY_ISO })!;
    assert.deepEqual(plan.proposed.items, ["g", "f"]);
    assert.deepEqual(plan.budget, {
      planned: { strategic: 4000, tactical: 2000 },
      proposed: { strategic: 0, tactical: 5000 },
      cap: 10000,
      byPillar: { growth: 10500, "(unaligned)": 500 },
      currency: "EUR",
    });
    assert.ok(plan.notes.includes("With the proposal the sprint would spend EUR 11,000 of its EUR 10,000 budget (1,000 over): leave out some paid items or raise `budget`"), plan.notes.join("\n"));
    const json = JSON.parse(formatPlanJson(plan));
    assert.deepEqual(json.budget, plan.budget);
    assert.deepEqual(json.byPillar, { growth: 9, "(unaligned)": 4 }, "byPillar stays units, as SPEC §6 has it");

    const table = formatPlanTable(plan, (id) => buildPlan(ws, "s1", { today: TODAY_ISO })!.items.get(id));
    assert.match(table, /^Money \(EUR\): EUR 11,000 planned and proposed of the EUR 10,000 budget, EUR 1,000 over$/m);
    assert.match(table, /^ {2}Tactical +2,000 +5,000 +7,000$/m);
    assert.match(table, /^ {2}growth +9 +69\.2% +10,500$/m);
    const markdown = formatPlanMarkdown(plan, () => undefined);
    assert.match(markdown, /^### Money \(EUR\)$/m);
    assert.match(markdown, /^\| Strategic \| 4,000 \| 0 \| 4,000 \|$/m);
  });

  it("notes planned work already over the sprint's budget; a plan without money shows no money section", () => {
    const over = withConfig({ ...SPRINT, "s/s1.md": SPRINT["s/s1.md"].replace("budget: 10000", "budget: 5000") });
    assert.ok(buildPlan(over, "s1", { today: TODAY_ISO })!.plan.notes.some((note) => note.startsWith("Planned work spends EUR 6,000 of the sprint's EUR 5,000 budget (1,000 over)")));
    const none = workspaceOf({ "s.md": doc("type: sprint\nid: s\ncapacity: 10"), "a.md": doc(`type: tactic\nid: a\nestimate: 2\n${scored}`) });
    const { plan } = buildPlan(none, "s", { today: TODAY_ISO })!;
    assert.deepEqual(plan.budget, { planned: { strategic: 0, tactical: 0 }, proposed: { strategic: 0, tactical: 0 }, cap: null, byPillar: {}, currency: null });
    assert.doesNotMatch(formatPlanTable(plan, () => undefined), /Money/);
    assert.match(formatPlanTable(plan, () => undefined), /^ {2}Pillar +Units +Share$/m);
  });

  it("backlog entries carry their own budget, null when none, in JSON too", () => {
    const ws = withConfig({ ...SPRINT, "i/launch.md": doc(`type: initiative\nid: launch\npillar: growth\nbudget: 12000\n${scored}`) });
    const entries = buildBacklog(ws).items;
    assert.deepEqual(Object.fromEntries(entries.map((e) => [e.id, e.budget])), { launch: 12000, a: 4000, b: 1500, c: 500, e: 700 });
    const json = JSON.parse(formatBacklogJson(buildBacklog(withConfig({ ...SPRINT, "t/x.md": doc(`type: tactic\nid: x\n${scored}`) })))).items;
    assert.equal(json.find((e: { id: string }) => e.id === "x").budget, null);
    assert.equal(json.find((e: { id: string }) => e.id === "b").budget, 1500);
  });

  it("the board's plan carries the same money as the plan", () => {
    const ws = withConfig(SPRINT);
    const board = buildBoard(ws, { today: TODAY_ISO, sprint: "s1" });
    assert.deepEqual(board.plan!.money, buildPlan(ws, "s1", { today: TODAY_ISO })!.plan.budget);
    assert.equal(board.plan!.money.cap, 10000);
  });
});

describe("formatMoney", () => {
  it("groups thousands, shows cents only when there are some, and puts the currency label first", () => {
    const cases: Array<[number, string | undefined, string]> = [
      [0, undefined, "0"],
      [999, undefined, "999"],
      [1000, undefined, "1,000"],
      [52000, "EUR", "EUR 52,000"],
      [1250.5, undefined, "1,250.50"],
      [1234567.891, "USD", "USD 1,234,567.89"],
      [-7000, undefined, "-7,000"],
      [0.004, undefined, "0"],
      [1e22, undefined, "1e+22"],
    ];
    for (const [amount, currency, expected] of cases) assert.equal(formatMoney(amount, currency), expected, `${amount} ${currency}`);
  });
});
