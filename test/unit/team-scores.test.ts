import { strict as assert } from "node:assert";
import { applyEdits, buildBacklog, buildBoard, buildPlan, disjointEdits, hover, parseStrategyFile, setPersonScores, teamScores, type FileChange, type Item } from "../../src/core/index";
import type { ScoringConfig, ScoringModel } from "../../src/core/config/types";
import { rankItems, scoreFields } from "../../src/core/score/index";
import { decodeModel, encodeModel, sameItem } from "../../src/board-wire";
import { issuesOf, TODAY_ISO, workspaceOf } from "./helpers";
import { runCases, TODAY, type Case } from "./cli-harness";

function config(model: ScoringModel, extra: Partial<ScoringConfig> = {}): ScoringConfig {
  return { model, weights: { impact: 0.5, urgency: 0.3, effort: 0.2 }, aggregate: "mean", disagreement: 2, ...extra };
}

/** The score of `fields`, which must have one. */
function scored(fields: Record<string, unknown>, scoring: ScoringConfig) {
  const result = scoreFields(fields, scoring);
  assert.ok(result.ok, JSON.stringify(result));
  return result;
}

/** A one-item tactic file. */
const tactic = (lines: string, id = "t") => `---\ntype: tactic\nid: ${id}\n${lines}---\n`;

describe("team scores: the effective fields", () => {
  it("a field the item does not state is the mean of the people's values, or the median (an even count: the middle two's mean)", () => {
    const scores = { a: { impact: 1 }, b: { impact: 2 }, c: { impact: 5 }, d: { impact: 4 } };
    const weights = { weights: { impact: 1, urgency: 0, effort: 0 } };
    assert.equal(scored({ scores }, config("weighted", weights)).score, 3);
    assert.equal(scored({ scores }, config("weighted", { ...weights, aggregate: "median" })).score, 3);
    const odd = { a: { impact: 1 }, b: { impact: 2 }, c: { impact: 5 } };
    assert.equal(scored({ scores: odd }, config("weighted", weights)).score, 2.666667);
    assert.equal(scored({ scores: odd }, config("weighted", { ...weights, aggregate: "median" })).score, 2);
    const even = { a: { impact: 1 }, b: { impact: 1 }, c: { impact: 4 }, d: { impact: 5 } };
    assert.equal(scored({ scores: even }, config("weighted", { ...weights, aggregate: "median" })).score, 2.5);
  });

  it("the item's own field wins; the people fill in only what it does not state", () => {
    const result = scored({ impact: 4, scores: { dana: { impact: 5, urgency: 2, effort: 2 }, li: { impact: 1, urgency: 4, effort: 4 } } }, config("weighted"));
    assert.deepEqual(result.breakdown.map((term) => [term.field, term.value, term.people ?? 0]), [["impact", 4, 0], ["urgency", 3, 2], ["effort", 3, 2]]);
    assert.equal(result.score, 0.5 * 4 + 0.3 * 3 + 0.2 * 3);
  });

  it("every model scores the team's values as if the item stated them", () => {
    const people = { dana: { impact: 5, urgency: 3, effort: 2, reach: 400, confidence: 80, riskReduction: 2 }, li: { impact: 3, urgency: 1, effort: 4, reach: 200, confidence: 60, riskReduction: 4 } };
    const means = { impact: 4, urgency: 2, effort: 3, reach: 300, confidence: 70, riskReduction: 3 };
    for (const model of ["weighted", "wsjf", "rice", "ice"] as const) {
      assert.equal(scored({ scores: people }, config(model)).score, scored(means, config(model)).score, model);
    }
    const formula = config("custom", { formula: "(impact * 2 + urgency) / effort + value" });
    const custom = scored({ value: 1, scores: { dana: { impact: 5, urgency: 3, effort: 2, value: 9 }, li: { impact: 3, urgency: 1, effort: 4 } } }, formula);
    assert.equal(custom.score, 4.333333);
    assert.deepEqual(custom.breakdown.map((term) => [term.field, term.people ?? 0]), [["impact", 2], ["urgency", 2], ["effort", 2], ["value", 0]]);
    assert.match(custom.explanation, /from the team: impact 4 \(mean of 2 people\), urgency 2 \(mean of 2 people\), effort 3 \(mean of 2 people\)$/);
  });

  it("the breakdown says which fields came from how many people", () => {
    const result = scored({ impact: 4, scores: { dana: { impact: 5, urgency: 3, effort: 2 }, li: { urgency: 4 } } }, config("weighted", { aggregate: "median" }));
    assert.equal(result.explanation, "weighted: 0.5×impact 4 + 0.3×urgency 3.5 + 0.2×(6−effort 2) = 3.85; from the team: urgency 3.5 (median of 2 people), effort 2 (from 1 person)");
    assert.deepEqual(result.breakdown[1], { field: "urgency", value: 3.5, weight: 0.3, contribution: 1.05, people: 2, aggregate: "median" });
    assert.equal(result.breakdown[0].people, undefined);
    // Nobody's numbers, nothing said: the plain explanation.
    assert.equal(scored({ impact: 4, urgency: 3, effort: 2, scores: { dana: { note: "later" } } }, config("weighted")).explanation, "weighted: 0.5×impact 4 + 0.3×urgency 3 + 0.2×(6−effort 2) = 3.7");
  });

  it("a field nobody scored is still missing; ranking ties break on the team's urgency", () => {
    const missing = scoreFields({ scores: { dana: { impact: 4, urgency: 3 } } }, config("weighted"));
    assert.deepEqual(missing, { ok: false, missing: ["effort"] });
    const items = [
      { id: "a", data: { impact: 3, urgency: 3, effort: 3, scores: {} } },
      { id: "b", data: { impact: 3, effort: 3, scores: { dana: { urgency: 3 }, li: { urgency: 3 } } } },
    ];
    const ranking = rankItems(items, (item) => item.data, (item) => item.id, config("weighted", { weights: { impact: 1, urgency: 0, effort: 0 } }));
    assert.deepEqual(ranking.ranked.map((entry) => entry.item.id), ["a", "b"]);
    const ahead = [{ id: "a", data: { impact: 3, urgency: 2, effort: 3 } }, items[1]];
    assert.deepEqual(rankItems(ahead, (item) => item.data, (item) => item.id, config("weighted", { weights: { impact: 1, urgency: 0, effort: 0 } })).ranked.map((entry) => entry.item.id), ["b", "a"]);
  });
});

describe("team scores: backlog, plan, board and unscored-item", () => {
  const files = {
    "s.md": "---\ntype: sprint\nid: s1\ncapacity: 10\nsplit: {strategic: 0, tactical: 100}\n---\n",
    "a.md": tactic("pillar: p\nestimate: 3\nscores:\n  dana: {impact: 5, urgency: 5, effort: 1}\n  li: {impact: 1, urgency: 4, effort: 2}\n", "a"),
    "b.md": tactic("pillar: p\nestimate: 3\nimpact: 2\nurgency: 2\neffort: 4\n", "b"),
    "c.md": tactic("estimate: 3\nimpact: 5\nscores:\n  dana: {urgency: 5}\n", "c"),
  };

  it("the backlog ranks on the team's values and carries scores and spread; an item the team scored is not unscored", () => {
    const ws = workspaceOf(files);
    const backlog = buildBacklog(ws);
    assert.deepEqual(backlog.items.map((entry) => entry.id), ["a", "b"]);
    assert.deepEqual(backlog.items[0].scores, { dana: { impact: 5, urgency: 5, effort: 1 }, li: { impact: 1, urgency: 4, effort: 2 } });
    assert.deepEqual(backlog.items[0].spread, { impact: 4, urgency: 1, effort: 1 });
    assert.equal("scores" in backlog.items[1], false);
    assert.deepEqual(backlog.unranked.map((entry) => [entry.id, entry.missing, entry.scores, entry.spread]), [["c", ["effort"], { dana: { urgency: 5 } }, undefined]]);
    assert.deepEqual(issuesOf(ws, "unscored-item").map((issue) => [issue.itemId ?? issue.file, issue.message]), [["c", "`c` cannot be ranked: add `effort:`"]]);
  });

  it("the plan proposes in the order the team's scores give; the board shows each person's values", () => {
    const ws = workspaceOf(files);
    const plan = buildPlan(ws, "s1", { today: TODAY_ISO })!;
    assert.deepEqual(plan.plan.proposed.items, ["a", "b"]);
    assert.equal(plan.items.get("a")!.score, backlogScore(ws, "a"));
    const board = buildBoard(ws, { today: TODAY_ISO, sprint: "s1" });
    const a = board.items.find((item) => item.id === "a")!;
    assert.deepEqual([a.score, a.scores?.li, a.spread], [backlogScore(ws, "a"), { impact: 1, urgency: 4, effort: 2 }, { impact: 4, urgency: 1, effort: 1 }]);
    assert.match(a.explanation, /from the team: impact 3 \(mean of 2 people\)/);
    // The wire carries them, and a patch sees a person's changed value.
    assert.deepEqual(decodeModel(encodeModel(board)).items.find((item) => item.id === "a"), a);
    ws.setFile("a.md", files["a.md"].replace("li: {impact: 1", "li: {impact: 2"));
    const next = buildBoard(ws, { today: TODAY_ISO, sprint: "s1", generation: 1 });
    const changed = next.items.find((item) => item.id === "a")!;
    assert.ok(!sameItem(a, changed) && sameItem(a, { ...a, scores: JSON.parse(JSON.stringify(a.scores)) }));
    assert.deepEqual(encodeModel(next).items.team[next.items.indexOf(changed)], JSON.stringify({ scores: changed.scores, spread: changed.spread }));
  });
});

function backlogScore(ws: ReturnType<typeof workspaceOf>, id: string): number {
  return buildBacklog(ws).items.find((entry) => entry.id === id)!.score;
}

describe("team scores: spread and score-disagreement", () => {
  it("spread is max − min per field at least two people scored, people only even where the item's own value wins", () => {
    const item = { data: { impact: 3, scores: { dana: { impact: 5, urgency: 2, reach: 300 }, li: { impact: 2, urgency: 2 }, sam: { impact: 4, note: "x" } } } };
    assert.deepEqual(teamScores(item), {
      scores: { dana: { impact: 5, urgency: 2, reach: 300 }, li: { impact: 2, urgency: 2 }, sam: { impact: 4 } },
      spread: { impact: 3, urgency: 0 },
    });
    assert.deepEqual(teamScores({ data: { impact: 3 } }), { scores: {}, spread: {} });
    assert.deepEqual(teamScores({ data: { scores: "tbd" } }), { scores: {}, spread: {} });
  });

  it("fires at exactly the threshold, not below it, naming who said what on the top scorer's key", () => {
    const ws = workspaceOf({
      "two.md": tactic("scores:\n  dana: {impact: 4, urgency: 3}\n  li: {impact: 2, urgency: 3}\n", "two"),
      "almost.md": tactic("scores:\n  dana: {riskReduction: 3.9}\n  li: {riskReduction: 2}\n", "almost"),
      "exactly.md": tactic("scores:\n  dana: {riskReduction: 2}\n  li:\n    riskReduction: 4.0\n", "exactly"),
    });
    const issues = issuesOf(ws, "score-disagreement");
    assert.deepEqual(issues.map((issue) => [issue.file, issue.severity, issue.range.start.line, issue.range.start.character, issue.range.end.character]), [
      ["exactly.md", "info", 6, 4, 17],
      ["two.md", "info", 4, 9, 15],
    ]);
    assert.equal(issues[1].message, "`two`: dana says impact 4, li says 2 (2 points apart; 2 or more is a disagreement): talk it through before planning");
    assert.equal(issues[0].message, "`exactly`: li says riskReduction 4, dana says 2 (2 points apart; 2 or more is a disagreement): talk it through before planning");
  });

  it("follows scoring.disagreement, skips reach and confidence, and falls back to the `scores:` key", () => {
    const text = tactic("scores:\n  dana: {impact: 5, reach: 900, confidence: 90}\n  li: {impact: 2, reach: 10, confidence: 20}\n");
    assert.equal(issuesOf(workspaceOf({ "t.md": text }, "scoring: { disagreement: 3.5 }\n"), "score-disagreement").length, 0);
    assert.deepEqual(issuesOf(workspaceOf({ "t.md": text }, "scoring: { disagreement: 3 }\n"), "score-disagreement").map((issue) => issue.range.start), [{ line: 4, character: 9 }]);
    const aliased = "---\nitems:\n  - {type: tactic, id: a, scores: &s {dana: {impact: 5}, li: {impact: 1}}}\n  - {type: tactic, id: b, scores: *s}\n---\n";
    const issues = issuesOf(workspaceOf({ "t.md": aliased }), "score-disagreement");
    assert.deepEqual(issues.map((issue) => [issue.itemId, issue.range.start.line, issue.range.start.character]), [["a", 2, 45], ["b", 3, 26]]);
  });

  it("names many people in a bounded message", () => {
    const people = Array.from({ length: 30 }, (_, i) => `  p${i}: {impact: ${(i % 5) + 1}}\n`).join("");
    const [issue] = issuesOf(workspaceOf({ "t.md": tactic(`scores:\n${people}`) }), "score-disagreement");
    assert.match(issue.message, /^`t`: p4 says impact 5, p9 says 5, p14 says 5, p19 says 5, 25 more between them, p25 says 1 \(4 points apart/);
  });
});

describe("team scores: hostile person names", () => {
  const hostile = tactic('scores:\n  __proto__: {impact: 5}\n  constructor: {impact: 1}\n  toString: {urgency: 2}\n  "a|b`*\\nline two ' + "x".repeat(200) + '": {urgency: 5}\n');

  it("are plain keys: no prototype is touched, every name is kept as written", () => {
    const ws = workspaceOf({ "t.md": hostile });
    const item = ws.index.find("t")!;
    const team = teamScores(item);
    assert.equal(Object.getPrototypeOf(team.scores), Object.prototype);
    assert.ok(Object.hasOwn(team.scores, "__proto__") && Object.hasOwn(team.scores, "constructor"));
    assert.deepEqual(Object.keys(team.scores).slice(0, 3), ["__proto__", "constructor", "toString"]);
    assert.deepEqual(team.spread, { impact: 4, urgency: 3 });
    assert.equal(({} as Record<string, unknown>).impact, undefined);
    const json = JSON.parse(JSON.stringify(buildBacklog(ws).unranked[0]));
    assert.deepEqual(json.scores.__proto__, { impact: 5 });
  });

  it("are one clipped line in messages and escaped in the hover", () => {
    const ws = workspaceOf({ "t.md": hostile });
    const messages = issuesOf(ws, "score-disagreement").map((issue) => issue.message);
    assert.equal(messages.length, 2);
    assert.match(messages[0], /^`t`: __proto__ says impact 5, constructor says 1 /);
    assert.match(messages[1], /^`t`: a\|b`\* line two x{24}… says urgency 5, toString says 2 /);
    assert.ok(messages.every((message) => !/[\n\r]/.test(message)));
    const { markdown } = hover(ws, "t.md", { line: 3, character: 2 })!;
    assert.match(markdown, /\| \\_\\_proto\\_\\_ \| 5 \| — \|/);
    assert.match(markdown, /\| a\\\|b\\`\\\* line two x{24}… \| — \| 5 \|/);
    assert.match(markdown, /\| \*Spread\* \| 4 \| 3 \|\n\| \*Used\* \| 3 \(mean\) \| 3\.5 \(mean\) \|/);
  });
});

describe("team scores: hover", () => {
  it("on the item's id and on `scores:`, a table of people by field with the spread and the value used", () => {
    const ws = workspaceOf({ "t.md": tactic("impact: 4\nscores:\n  dana: {impact: 5, urgency: 3, effort: 2}\n  li: {impact: 2, urgency: 3}\n") });
    const table = [
      "**Team scores** (2 people; a field the item states itself wins, else the mean):",
      "",
      "| Person | impact | urgency | effort |",
      "|---|--:|--:|--:|",
      "| dana | 5 | 3 | 2 |",
      "| li | 2 | 3 | — |",
      "| *Spread* | 3 | 0 | — |",
      "| *Used* | 4 (own) | 3 (mean) | 2 (mean) |",
    ].join("\n");
    const onId = hover(ws, "t.md", { line: 2, character: 4 })!.markdown;
    assert.ok(onId.endsWith(`\n\n${table}`), onId);
    assert.ok(onId.includes("from the team\\: urgency 3 \\(mean of 2 people\\), effort 2 \\(from 1 person\\)"), onId);
    const onKey = hover(ws, "t.md", { line: 4, character: 2 })!.markdown;
    assert.ok(onKey.startsWith("**scores** (tactic field):") && onKey.endsWith(table), onKey);
    assert.doesNotMatch(hover(workspaceOf({ "t.md": tactic("impact: 4\n") }), "t.md", { line: 2, character: 4 })!.markdown, /Team scores/);
  });
});

/** The item `id` of a file. */
function itemOf(text: string, id = "t"): Item {
  return parseStrategyFile("t.md", text).items.find((item) => item.id === id)!;
}

/** The text after one change, which must parse cleanly with disjoint edits; and the item's `scores`. */
function written(text: string, change: FileChange | undefined, id = "t"): { text: string; scores: unknown } {
  assert.ok(change && change.kind === "edit", "no change");
  assert.equal(disjointEdits(change.edits).length, change.edits.length, "overlapping edits");
  const out = applyEdits(text, change.edits);
  const file = parseStrategyFile("t.md", out);
  assert.deepEqual(file.findings, [], out);
  return { text: out, scores: file.items.find((item) => item.id === id)!.data.scores };
}

const DANA = { impact: 4, urgency: 3, effort: 2 };

describe("setPersonScores", () => {
  it("adds `scores:` as a block map when absent, after the item's last field (a comment after it stays last)", () => {
    const text = tactic("impact: 2 # own\n# last words\n");
    const out = written(text, setPersonScores(itemOf(text), "dana", DANA));
    assert.equal(out.text, "---\ntype: tactic\nid: t\nimpact: 2 # own\nscores:\n  dana: {impact: 4, urgency: 3, effort: 2}\n# last words\n---\n");
  });

  it("adds a person to a block map in its style, and to a flow map before its brace", () => {
    const block = tactic("scores:\n  li:   # lead\n    impact: 2\n# end of scores\nstatus: planned\n");
    assert.equal(written(block, setPersonScores(itemOf(block), "dana", DANA)).text, tactic("scores:\n  li:   # lead\n    impact: 2\n  dana: {impact: 4, urgency: 3, effort: 2}\n# end of scores\nstatus: planned\n"));
    const flow = tactic("scores: {li: {impact: 2}}  # team\n");
    assert.equal(written(flow, setPersonScores(itemOf(flow), "dana", DANA)).text, tactic("scores: {li: {impact: 2}, dana: {impact: 4, urgency: 3, effort: 2}}  # team\n"));
    const empty = tactic("scores:   # nobody yet\nstatus: planned\n");
    assert.deepEqual(written(empty, setPersonScores(itemOf(empty), "dana", DANA)).text, tactic("scores: {dana: {impact: 4, urgency: 3, effort: 2}}   # nobody yet\nstatus: planned\n"));
  });

  it("replaces the person's values in place, block or flow, keeping their other fields and comments", () => {
    const block = tactic("scores:\n  dana:\n    impact: 1   # first guess\n    reach: 300\n  li: {impact: 2}\n");
    const out = written(block, setPersonScores(itemOf(block), "dana", DANA));
    assert.equal(out.text, tactic("scores:\n  dana:\n    impact: 4   # first guess\n    reach: 300\n    urgency: 3\n    effort: 2\n  li: {impact: 2}\n"));
    const flow = tactic("scores: {dana: {effort: 5, impact: 1}, li: {impact: 2}}\n");
    assert.deepEqual(written(flow, setPersonScores(itemOf(flow), "dana", DANA)).scores, { dana: { effort: 2, impact: 4, urgency: 3 }, li: { impact: 2 } });
    const nothing = tactic("scores:\n  dana:\n  li: {impact: 2}\n");
    assert.deepEqual(written(nothing, setPersonScores(itemOf(nothing), "dana", DANA)).scores, { dana: DANA, li: { impact: 2 } });
  });

  it("edits an item of an `items:` list, block or flow, and leaves its neighbours alone", () => {
    const text = "---\nitems:\n  - type: tactic\n    id: t\n    impact: 2\n  - type: tactic\n    id: u\n  - {type: tactic, id: f}\n---\n";
    assert.equal(written(text, setPersonScores(itemOf(text), "dana", DANA)).text, "---\nitems:\n  - type: tactic\n    id: t\n    impact: 2\n    scores:\n      dana: {impact: 4, urgency: 3, effort: 2}\n  - type: tactic\n    id: u\n  - {type: tactic, id: f}\n---\n");
    const out = written(text, setPersonScores(itemOf(text, "f"), "dana", DANA), "f");
    assert.match(out.text, /\n {2}- \{type: tactic, id: f, scores: \{dana: \{impact: 4, urgency: 3, effort: 2\}\}\}\n/);
  });

  it("keeps CRLF line ends and quotes a name that is not a plain key", () => {
    const text = "---\r\ntype: tactic\r\nid: t\r\nimpact: 2\r\n---\r\nBody\r\n";
    const out = written(text, setPersonScores(itemOf(text), "Dana Li", { impact: 4 }));
    assert.equal(out.text, "---\r\ntype: tactic\r\nid: t\r\nimpact: 2\r\nscores:\r\n  Dana Li: {impact: 4}\r\n---\r\nBody\r\n");
    for (const name of ["yes", "a: b", "#x", "  padded", "- dash", "__proto__", 'quote"d', "12"]) {
      const scores = written(text, setPersonScores(itemOf(text), name, { impact: 4 })).scores as Record<string, unknown>;
      assert.deepEqual(Object.keys(scores), [name], name);
      assert.deepEqual(Object.getOwnPropertyDescriptor(scores, name)?.value, { impact: 4 }, name);
    }
    const existing = tactic('scores:\n  "a: b": {impact: 1}\n');
    assert.deepEqual(written(existing, setPersonScores(itemOf(existing), "a: b", { impact: 5 })).scores, { "a: b": { impact: 5 } });
  });

  it("refuses what it cannot write", () => {
    const text = tactic("impact: 2\n");
    assert.equal(setPersonScores(itemOf(text), " ", DANA), undefined);
    assert.equal(setPersonScores(itemOf(text), "dana", {}), undefined);
    assert.equal(setPersonScores(itemOf(text), "dana", { impact: Number.NaN }), undefined);
    assert.equal(setPersonScores(itemOf(text), "dana", { "im pact": 3 }), undefined);
    assert.equal(setPersonScores(itemOf(tactic("scores: [dana]\n")), "dana", DANA), undefined);
    const alias = "---\nitems:\n  - {type: tactic, id: a, scores: &s {li: {impact: 1}}}\n  - {type: tactic, id: t, scores: *s}\n---\n";
    assert.equal(setPersonScores(itemOf(alias), "dana", DANA), undefined);
  });
});

describe("CLI: backlog JSON with the team's scores", () => {
  const cases: Case[] = [
    {
      name: "backlog --format json: scores and spread on the items people scored, after explanation",
      args: ["backlog", "--format", "json", "--today", TODAY],
      empty: true,
      files: {
        "a.md": tactic("pillar: p\nscores:\n  dana: {impact: 5, urgency: 3, effort: 2}\n  li: {impact: 2, urgency: 3, effort: 3}\n", "a"),
        "b.md": tactic("pillar: p\nimpact: 3\nurgency: 3\neffort: 3\n", "b"),
        "c.md": tactic("scores:\n  dana: {impact: 4}\n", "c"),
      },
      code: 0,
      expect({ stdout }) {
        const { items, unranked } = JSON.parse(stdout);
        const a = items.find((item: { id: string }) => item.id === "a");
        assert.deepEqual(Object.keys(a).slice(-3), ["explanation", "scores", "spread"]);
        assert.deepEqual(a.scores, { dana: { impact: 5, urgency: 3, effort: 2 }, li: { impact: 2, urgency: 3, effort: 3 } });
        assert.deepEqual(a.spread, { impact: 3, urgency: 0, effort: 1 });
        assert.equal(a.score, 3.35);
        assert.match(a.explanation, /impact 3\.5 \(mean of 2 people\)/);
        assert.ok(!("scores" in items.find((item: { id: string }) => item.id === "b")));
        assert.deepEqual(unranked, [{ id: "c", missing: ["effort", "urgency"], title: "c", type: "tactic", track: "tactical", file: "c.md", line: 3, scores: { dana: { impact: 4 } } }]);
      },
    },
  ];
  runCases(cases);
});
