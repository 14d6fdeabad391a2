import { strict as assert } from "node:assert";
import { parseStrategyFile } from "../../src/core/index";
import { brief, issuesOf, workspaceOf } from "./helpers";

const TACTIC = "type: tactic\ntitle: LinkedIn retargeting\nimpact: 4 # 1..5\n";

describe("parse: front matter and items", () => {
  it("reads a one-item file; the id defaults to the file name", () => {
    const file = parseStrategyFile("tactics/linkedin.md", `---\n${TACTIC}---\nBody.\n`);
    assert.equal(file.isStrategy, true);
    assert.equal(file.items.length, 1);
    assert.equal(file.items[0].id, "linkedin");
    assert.equal(file.items[0].data.impact, 4);
    assert.equal(file.items[0].track, "tactical");
  });

  it("keeps exact 0-based ranges of keys and values, with CRLF and a BOM", () => {
    const text = "\uFEFF---\r\ntype: tactic\r\npillar: growth\r\n---\r\n";
    const file = parseStrategyFile("t.md", text);
    assert.equal(file.bom, true);
    assert.equal(file.eol, "\r\n");
    const ref = file.items[0].refs[0];
    assert.deepEqual(file.lines().rangeOf(ref.start, ref.end), { start: { line: 2, character: 8 }, end: { line: 2, character: 14 } });
    const ws = workspaceOf({ "t.md": text });
    const [issue] = issuesOf(ws, "unknown-reference");
    assert.deepEqual(issue.range, { start: { line: 2, character: 8 }, end: { line: 2, character: 14 } });
  });

  it("ignores TOML (+++) front matter, plain READMEs and other tools' `type:`", () => {
    for (const text of ["+++\ntype = \"tactic\"\n+++\n", "# Readme\n\ntype: tactic\n", "---\ntype: bug\nstatus: open\n---\n", "---\ntype: guide\n---\n"]) {
      const file = parseStrategyFile("x.md", text);
      assert.equal(file.isStrategy, false, text);
      assert.deepEqual(file.findings, []);
    }
  });

  it("takes front matter only at the very start; `---` later in the body is markdown", () => {
    assert.equal(parseStrategyFile("x.md", "Intro\n---\ntype: tactic\n---\n").isStrategy, false);
    const file = parseStrategyFile("x.md", `---\n${TACTIC}---\nText\n\n---\n\ntype: pillar\n---\n`);
    assert.equal(file.items.length, 1);
    assert.equal(file.items[0].kind, "tactic");
  });

  it("treats empty front matter as not ours", () => {
    for (const text of ["---\n---\n", "---\n\n---\nBody", "---\n# only a comment\n---\n"]) {
      const file = parseStrategyFile("x.md", text);
      assert.equal(file.isStrategy, false);
      assert.deepEqual(file.findings, []);
    }
  });

  it("reads `items:` lists; each entry needs its own id", () => {
    const text = "---\n# the queue\nitems:\n  - type: tactic\n    id: a\n    kpis: [x, y]\n  - type: tactic\n    title: no id\n  - type: kpi\n    id: k\n---\n";
    const file = parseStrategyFile("queue.md", text);
    assert.deepEqual(file.items.map((i) => [i.kind, i.id, i.index]), [["tactic", "a", 0], ["kpi", "k", 2]]);
    assert.equal(file.findings.length, 1);
    assert.match(file.findings[0].message, /needs its own `id:`/);
    assert.deepEqual(file.findings[0].range.start, { line: 6, character: 10 });
    assert.deepEqual(file.items[0].refs.map((r) => r.id), ["x", "y"]);
  });

  it("an `items:` list with no known kind is not ours", () => {
    assert.equal(parseStrategyFile("menu.md", "---\nitems:\n  - name: Home\n  - name: Docs\n---\n").isStrategy, false);
  });

  it("suggests the kind for a near miss, and only for a near miss", () => {
    for (const [typo, kind] of [["tactc", "tactic"], ["pilar", "pillar"], ["initative", "initiative"], ["Sprnt", "sprint"], ["stratgey", "strategy"]]) {
      const file = parseStrategyFile("x.md", `---\ntype: ${typo}\n---\n`);
      assert.equal(file.findings.length, 1, typo);
      assert.equal(file.findings[0].rule, "schema");
      assert.match(file.findings[0].message, new RegExp(`did you mean \`${kind}\``));
      assert.equal(file.findings[0].fixes[0].safe, true);
    }
    // kpi has 3 letters: too short for a near miss; "task" and "bug" are other tools' kinds.
    for (const other of ["kip", "task", "bug", "feature", "tutorial"]) {
      assert.deepEqual(parseStrategyFile("x.md", `---\ntype: ${other}\n---\n`).findings, [], other);
    }
  });

  it("accepts kinds in any case", () => {
    assert.equal(parseStrategyFile("x.md", "---\ntype: Pillar\n---\n").items[0].kind, "pillar");
  });

  it("reports broken YAML of a strategy document, and only of one", () => {
    const broken = parseStrategyFile("t.md", "---\ntype: tactic\ntitle: [unclosed\nimpact: 4\n---\n");
    assert.equal(broken.findings[0].rule, "yaml-syntax");
    assert.equal(broken.findings[0].range.start.line >= 1, true);
    assert.deepEqual(parseStrategyFile("doc.md", "---\ntitle: [unclosed\n---\n").findings, []);
    const unclosed = parseStrategyFile("t.md", "---\ntype: tactic\ntitle: A\n\nBody without a closing fence\n");
    assert.equal(unclosed.findings[0].rule, "yaml-syntax");
    assert.match(unclosed.findings[0].message, /not closed/);
  });

  it("reports duplicate keys as broken YAML", () => {
    const file = parseStrategyFile("t.md", "---\ntype: tactic\nimpact: 4\nimpact: 5\n---\n");
    assert.equal(file.findings[0].rule, "yaml-syntax");
  });

  it("gives schema messages a marketer understands, on the value at fault", () => {
    const ws = workspaceOf({ "t.md": "---\ntype: tactic\nimpact: high\nurgency: 7\nstatus: doing\nestimate: -2\n---\n" });
    const messages = issuesOf(ws, "schema").map((i) => `${i.range.start.line}:${i.range.start.character} ${i.message}`);
    assert.deepEqual(messages, [
      '2:8 `impact` should be a whole number from 1 to 5 (found "high")',
      "3:9 `urgency` should be at most 5 (scale 1 to 5) (found 7)",
      '4:8 `status` should be one of idea, planned, in-progress, done, dropped (found "doing")',
      "5:10 `estimate` cannot be negative (found -2)",
    ]);
  });

  it("allows unknown extra fields and keeps them", () => {
    const file = parseStrategyFile("t.md", "---\ntype: tactic\nbudget_usd: 1200\ncustom:\n  nested: [1, 2]\n---\n");
    assert.deepEqual(file.findings, []);
    assert.equal(file.items[0].data.budget_usd, 1200);
  });

  it("keeps a `__proto__` key as an ordinary field", () => {
    const file = parseStrategyFile("t.md", "---\ntype: tactic\n__proto__: x\nimpact: 4\n---\n");
    assert.equal(Object.getPrototypeOf(file.items[0].data), Object.prototype);
    assert.equal(file.items[0].data.__proto__ === "x" || Object.getOwnPropertyDescriptor(file.items[0].data, "__proto__")?.value === "x", true);
    assert.equal(file.items[0].data.impact, 4);
  });

  it("requires sprint capacity, and a split that adds up to 100", () => {
    const ws = workspaceOf({ "s.md": "---\ntype: sprint\nsplit: {strategic: 70, tactical: 20}\n---\n" });
    const messages = issuesOf(ws, "schema").map((i) => i.message);
    assert.equal(messages.length, 2);
    assert.match(messages.join("\n"), /needs `capacity`/);
    assert.match(messages.join("\n"), /add up to 100/);
  });

  it("rejects an id that is not a slug, and a file name that is not one", () => {
    assert.match(parseStrategyFile("t.md", "---\ntype: tactic\nid: Has Spaces\n---\n").findings[0].message, /`id` should be an id/);
    assert.match(parseStrategyFile("My Tactic.md", "---\ntype: tactic\n---\n").findings[0].message, /file name `My Tactic` is not a valid id/);
  });

  it("reads references only from the fields of the item's kind", () => {
    const ws = workspaceOf({
      "p.md": "---\ntype: pillar\nid: growth\nsprint: s9\n---\n",
      "i.md": "---\ntype: initiative\nid: plg\ninitiative: other\n---\n",
    });
    assert.deepEqual(ws.index.find("growth")!.refs, []);
    assert.deepEqual(ws.index.find("plg")!.refs, []);
    assert.deepEqual(issuesOf(ws, "unknown-reference"), []);
    assert.equal(issuesOf(ws, "tactic-called-strategy").length, 1);
  });

  it("accepts numeric ids and references", () => {
    const ws = workspaceOf({ "s.md": "---\ntype: sprint\nid: 14\ncapacity: 10\n---\n", "t.md": "---\ntype: tactic\nsprint: 14\n---\n" });
    assert.deepEqual(issuesOf(ws, "unknown-reference"), []);
  });

  it("turns binary text into an unreadable-file finding", () => {
    const file = parseStrategyFile("x.md", "GIF89a\u0000\u0001");
    assert.equal(file.findings[0].rule, "unreadable-file");
  });

  it("puts a finding for a missing required field on `type`", () => {
    const ws = workspaceOf({ "s.md": "---\ntitle: S\ntype: sprint\n---\n" });
    assert.deepEqual(brief(issuesOf(ws, "schema")), ["s.md:3:7 schema"]);
  });
});

describe("parse: ignore", () => {
  it("`ignore: [schema]` silences the item's own schema findings, and only its own", () => {
    const ws = workspaceOf({
      "a.md": "---\ntype: tactic\nid: a\nimpact: 9\nignore: [schema]\n---\n",
      "b.md": "---\nitems:\n  - type: tactic\n    id: b1\n    impact: 9\n    ignore: schema\n  - type: tactic\n    id: b2\n    impact: 9\n---\n",
    });
    assert.deepEqual(brief(issuesOf(ws, "schema")), ["b.md:9:13 schema"]);
  });
});

describe("parse: empty references (SPEC §1)", () => {
  const base = { "p.md": "---\ntype: pillar\nid: growth\nkpis: [nrr]\n---\n", "k.md": "---\ntype: kpi\nid: nrr\npillar: growth\ntarget: 1\n---\n" };
  for (const empty of ["kpi:", "kpi: ~", "kpis: []", "kpi: ''", 'kpi: ""', "kpi: null"]) {
    it(`\`${empty}\` counts as a missing KPI: the rule's warning, no schema error`, () => {
      const ws = workspaceOf({ ...base, "t.md": `---\ntype: tactic\nid: t\npillar: growth\n${empty}\nimpact: 3\nurgency: 3\neffort: 3\n---\n` });
      assert.deepEqual(ws.issues("t.md").map((issue) => issue.rule), ["tactic-missing-kpi"]);
      assert.ok(!("kpi" in ws.index.find("t")!.data) && !("kpis" in ws.index.find("t")!.data));
    });
  }
  it("an empty pillar, initiative or sprint is missing too; a wrong type is still a schema error with an example of its kind", () => {
    const ws = workspaceOf({ ...base, "t.md": "---\ntype: tactic\nid: t\npillar: ''\ninitiative:\nsprint: ~\nkpi: nrr\nimpact: 3\nurgency: 3\neffort: 3\n---\n" });
    assert.deepEqual(ws.issues("t.md").map((issue) => issue.rule), ["tactic-missing-pillar"]);
    const wrong = workspaceOf({ ...base, "t.md": "---\ntype: tactic\nid: t\npillar: growth\nkpi: {a: 1}\nsprint: [[]]\n---\n" });
    assert.deepEqual(issuesOf(wrong, "schema").map((issue) => issue.message), [
      "`kpi` should be an id like `trial-conversion` (found a map)",
      "`sprint` should be an id like `2026-s14` (found a list)",
    ]);
  });
});

describe("parse: ranges and CRLF (a fuzz finding)", () => {
  it("a yaml-syntax range never ends between the CR and LF of a line break", () => {
    for (const text of ["---\r\nitems:\r\n  - {type: strategy, type: a:[}\r\n---\r\n", "---\r\n? complex\r\n: key\r\n{type: strategy, type: [}\r\n---\r\n"]) {
      const ws = workspaceOf({ "a.md": text });
      const lines = text.split("\r\n");
      const issues = ws.allIssues();
      assert.ok(issues.length > 0);
      for (const issue of issues) assert.ok(issue.range.end.character <= lines[issue.range.end.line].length, JSON.stringify(issue.range));
    }
  });
});

describe("parse: time and money fields (SPEC §9)", () => {
  it("reports `end` before `start` on `end`, for campaigns and sprints, and keeps `start`", () => {
    const file = parseStrategyFile("t.md", "---\ntype: tactic\nstart: 2026-12-10\nend: 2026-12-01\nbudget: 500\n---\n");
    assert.equal(file.findings.length, 1);
    assert.equal(file.findings[0].rule, "schema");
    assert.match(file.findings[0].message, /`end` \(2026-12-01\) is before `start` \(2026-12-10\)/);
    assert.deepEqual(file.findings[0].range.start, { line: 3, character: 5 });
    assert.equal(file.items[0].data.start, "2026-12-10");
    assert.equal(file.items[0].data.end, undefined);
    assert.equal(file.items[0].data.budget, 500);
    assert.equal(parseStrategyFile("s.md", "---\ntype: sprint\ncapacity: 1\nstart: 2026-12-10\nend: 2026-12-09\n---\n").findings.length, 1);
    assert.equal(parseStrategyFile("s.md", "---\ntype: sprint\ncapacity: 1\nstart: 2026-12-10\nend: 2026-12-10\n---\n").findings.length, 0, "a one-day span");
  });

  it("checks each person's scores and a negative budget", () => {
    const file = parseStrategyFile("t.md", "---\ntype: initiative\nscores:\n  dana: {impact: 5, urgency: 3}\n  li: {impact: 9}\nbudget: -1\n---\n");
    assert.deepEqual(file.findings.map((f) => [f.range.start.line, f.message.slice(0, 40)]).sort(), [[4, "`impact` should be at most 5 (scale 1 to"], [5, "`budget` cannot be negative (found -1)"]]);
  });
});
