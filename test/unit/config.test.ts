import { strict as assert } from "node:assert";
import { buildBacklog, CONFIG_FILE, defaultConfig, loadConfig } from "../../src/core/index";
import { issuesOf, workspaceOf } from "./helpers";

describe("config (strategy.config.yaml)", () => {
  it("fills the SPEC defaults", () => {
    const { config, findings } = loadConfig(undefined);
    assert.deepEqual(findings, []);
    assert.deepEqual(config.capacity, { split: { strategic: 70, tactical: 30 }, tolerance: 10 });
    assert.deepEqual(config.scoring.weights, { impact: 0.5, urgency: 0.3, effort: 0.2 });
    assert.equal(config.review.maxAgeDays, 120);
  });

  it("reads every section", () => {
    const text = "include: [\"docs/**/*.md\"]\nexclude: [\"**/drafts/**\"]\nscoring: { model: wsjf }\ncapacity: { split: { strategic: 60, tactical: 40 }, tolerance: 5 }\nreview: { maxAgeDays: 90 }\nrules: { stale-strategy: off }\n";
    const { config, findings } = loadConfig(text, CONFIG_FILE, ["stale-strategy"]);
    assert.deepEqual(findings, []);
    assert.deepEqual(config.include, ["docs/**/*.md"]);
    assert.equal(config.scoring.model, "wsjf");
    assert.deepEqual(config.capacity.split, { strategic: 60, tactical: 40 });
    assert.equal(config.capacity.tolerance, 5);
    assert.equal(config.review.maxAgeDays, 90);
    assert.equal(config.rules["stale-strategy"], "off");
  });

  it("applies a base (the editor's settings) where the file says nothing, the file winning key by key", () => {
    const base = defaultConfig();
    base.scoring = { ...base.scoring, model: "custom", weights: { impact: 1, urgency: 0, effort: 0 }, formula: "impact / effort" };
    base.review.maxAgeDays = 30;
    base.rules = { "stale-strategy": "off", "unscored-item": "warning" };
    const text = "scoring: { weights: { urgency: 0.5 } }\nrules: { unscored-item: error }\n";
    const { config, findings } = loadConfig(text, CONFIG_FILE, [], base);
    assert.deepEqual(findings, []);
    assert.deepEqual(config.scoring, { model: "custom", weights: { impact: 1, urgency: 0.5, effort: 0 }, formula: "impact / effort", aggregate: "mean", disagreement: 2 });
    assert.equal(config.review.maxAgeDays, 30);
    assert.deepEqual(config.rules, { "stale-strategy": "off", "unscored-item": "error" });
    assert.equal(base.rules["unscored-item"], "warning", "the base is not changed");
    assert.equal(loadConfig(undefined, CONFIG_FILE, [], base).config.review.maxAgeDays, 30);
    const bad = loadConfig("scoring: { model: custom }\n", CONFIG_FILE, [], { ...base, scoring: { ...base.scoring, formula: "impact +" } });
    assert.equal(bad.config.scoring.model, "weighted");
    assert.match(bad.findings[0].message, /The `scoring.formula` setting: .*; the weighted model applies/);
  });

  it("puts a bad value on its exact position and keeps the default and the other settings", () => {
    const text = "review:\n  maxAgeDays: soon\ncapacity:\n  tolerance: 5\nrules:\n  stale-strategy: loud\n  no-such-rule: off\nbogus: 1\n";
    const ws = workspaceOf({}, text);
    const issues = ws.issues(CONFIG_FILE).map((i) => `${i.range.start.line}:${i.range.start.character} ${i.rule} ${i.message}`);
    assert.deepEqual(issues, [
      '1:14 schema `review.maxAgeDays` should be a number of days, e.g. 120 (found "soon"); the default applies',
      '5:18 schema A rule\'s severity is `error`, `warning`, `info` or `off` (found "loud"); the default applies',
      "6:2 schema Unknown rule `no-such-rule`: see the rules table in the README",
      "7:0 schema Unknown setting `bogus`: use include, exclude, scoring, capacity, review, budget or rules",
    ]);
    assert.equal(ws.getConfig().review.maxAgeDays, 120);
    assert.equal(ws.getConfig().capacity.tolerance, 5);
  });

  it("treats prototype names as unknown settings, and as ordinary formula fields", () => {
    const ws = workspaceOf({}, "constructor: 1\n__proto__: 2\ntoString: 3\n");
    assert.equal(ws.issues(CONFIG_FILE).filter((i) => /Unknown setting/.test(i.message)).length, 3);
    const custom = workspaceOf({ "t.md": "---\ntype: tactic\nconstructor: 9\n---\n" }, "scoring:\n  model: custom\n  formula: toString * 2\n");
    assert.match(issuesOf(custom, "unscored-item")[0].fixes[0].changes[0].kind, /edit/);
  });

  it("reports broken YAML in the config and applies the defaults", () => {
    const ws = workspaceOf({}, "capacity: {split: [\n");
    assert.equal(ws.issues(CONFIG_FILE)[0].rule, "yaml-syntax");
    assert.deepEqual(ws.getConfig(), defaultConfig());
  });

  it("checks a custom formula, pointing at the bad character", () => {
    const ws = workspaceOf({}, 'scoring:\n  model: custom\n  formula: "(impact * 2 + ) / effort"\n');
    const [issue] = ws.issues(CONFIG_FILE);
    assert.equal(issue.rule, "schema");
    assert.deepEqual(issue.range.start, { line: 2, character: 26 });
    assert.equal(ws.getConfig().scoring.model, "weighted");
  });

  it("ranks with a custom formula and flags items missing its fields", () => {
    const files = {
      "a.md": "---\ntype: tactic\nimpact: 4\nurgency: 3\neffort: 2\nrevenue: 10\n---\n",
      "b.md": "---\ntype: tactic\nimpact: 5\nurgency: 3\neffort: 1\n---\n",
    };
    const ws = workspaceOf(files, "scoring:\n  model: custom\n  formula: revenue * impact / effort\n");
    const backlog = buildBacklog(ws);
    assert.deepEqual(backlog.items.map((i) => [i.id, i.score]), [["a", 20]]);
    assert.deepEqual(backlog.unranked.map((u) => [u.id, u.missing]), [["b", ["revenue"]]]);
    assert.deepEqual(issuesOf(ws, "unscored-item").map((i) => i.file), ["b.md"]);
  });
});

describe("config over VS Code settings (base)", () => {
  const custom = (formula?: string) => {
    const base = defaultConfig();
    base.scoring.model = "custom";
    if (formula !== undefined) base.scoring.formula = formula;
    return base;
  };

  it("a custom model from the settings takes its formula from the file", () => {
    const { config, findings } = loadConfig('scoring: { formula: "impact / effort" }\n', CONFIG_FILE, [], custom());
    assert.equal(config.scoring.model, "custom");
    assert.deepEqual(findings, []);
  });

  it("without a file, a custom model whose formula is missing or does not parse ranks by weighted", () => {
    assert.equal(loadConfig(undefined, CONFIG_FILE, [], custom()).config.scoring.model, "weighted");
    assert.equal(loadConfig(undefined, CONFIG_FILE, [], custom("impact +")).config.scoring.model, "weighted");
    assert.equal(loadConfig(undefined, CONFIG_FILE, [], custom("impact / effort")).config.scoring.model, "custom");
  });

  it("a formula setting that does not parse is reported on the file that keeps the custom model", () => {
    const { config, findings } = loadConfig("review: { maxAgeDays: 30 }\n", CONFIG_FILE, [], custom("impact +"));
    assert.equal(config.scoring.model, "weighted");
    assert.ok(findings.some((finding) => finding.message.startsWith("The `scoring.formula` setting")), JSON.stringify(findings));
  });
});
