import { strict as assert } from "node:assert";
import { applyEdits, disjointEdits, parseStrategyFile, safeEdits, type Fix, type Issue, type StrategyWorkspace } from "../../src/core/index";
import { applyChanges, issuesOf, workspaceOf } from "./helpers";

/** Applies every safe fix until none is left, like `check --fix`; returns the texts. */
function fixAll(ws: StrategyWorkspace, files: Record<string, string>): Record<string, string> {
  const texts = { ...files };
  for (let pass = 0; pass < 10; pass++) {
    const edits = safeEdits(ws.allIssues());
    if (!edits.size) break;
    for (const [path, list] of edits) {
      const parsed = ws.index.files.get(path)!;
      texts[path] = (parsed.bom ? "\uFEFF" : "") + applyEdits(parsed.text, list);
      ws.setFile(path, texts[path]);
    }
  }
  return texts;
}

/** Applies one fix's edits to the workspace's texts (the workspace keeps its own). */
const apply = (ws: StrategyWorkspace, fix: Fix) => applyChanges(ws, fix.changes, false);

const only = (issues: Issue[]) => {
  assert.equal(issues.length, 1);
  return issues[0];
};

describe("fixes", () => {
  it("--fix corrects a misspelt kind and keeps comments, CRLF and the BOM; twice equals once", () => {
    const files = { "t.md": "\uFEFF---\r\n# owner: dana\r\ntype: tactc   # was a typo\r\nimpact: 4 # 1..5\r\n---\r\nBody\r\n" };
    const once = fixAll(workspaceOf(files), files);
    assert.equal(once["t.md"], "\uFEFF---\r\n# owner: dana\r\ntype: tactic   # was a typo\r\nimpact: 4 # 1..5\r\n---\r\nBody\r\n");
    const twice = fixAll(workspaceOf(once), once);
    assert.deepEqual(twice, once);
  });

  it("--fix corrects a reference with exactly one close match, and re-checking leaves no such issue", () => {
    const files = {
      "p.md": "---\ntype: pillar\nid: automation\n---\n",
      "t.md": "---\ntype: tactic\npillar: automaton # sic\n---\n",
    };
    const ws = workspaceOf(files);
    const fixed = fixAll(ws, files);
    assert.equal(fixed["t.md"], "---\ntype: tactic\npillar: automation # sic\n---\n");
    assert.deepEqual(issuesOf(ws, "unknown-reference"), []);
  });

  it("does not guess when two ids are equally close", () => {
    const files = { "a.md": "---\ntype: pillar\nid: growth-a\n---\n", "b.md": "---\ntype: pillar\nid: growth-b\n---\n", "t.md": "---\ntype: tactic\npillar: growth-c\n---\n" };
    const ws = workspaceOf(files);
    const issue = only(issuesOf(ws, "unknown-reference"));
    assert.equal(issue.fixes.filter((f) => f.safe).length, 0);
    assert.deepEqual(issue.fixes.map((f) => f.title), ["Change to `growth-a`", "Change to `growth-b`", "Create pillar `growth-c`"]);
    assert.deepEqual(fixAll(ws, files), files);
  });

  it("adds a field after a final block scalar on the next line, not in the body", () => {
    const files = { "k.md": "---\ntype: kpi\nid: k\nnotes: |\n  line one\n  line two\n---\nBody\n" };
    const ws = workspaceOf(files);
    const issue = only(issuesOf(ws, "kpi-without-target"));
    assert.equal(apply(ws, issue.fixes[0])["k.md"], "---\ntype: kpi\nid: k\nnotes: |\n  line one\n  line two\ntarget: 0  # the value to reach: set me\n---\nBody\n");
  });

  it("quotes a title that plain YAML would misread in a created file", () => {
    const ws = workspaceOf({ "p.md": "---\ntype: pillar\nid: emea\ntitle: \"Growth: EMEA #2\"\n---\n" });
    const issue = only(issuesOf(ws, "pillar-without-kpi"));
    const created = apply(ws, issue.fixes[0]);
    const [file, text] = Object.entries(created)[0];
    assert.ok(text.includes('title: "Growth: EMEA #2 KPI"'), text);
    const after = workspaceOf({ "p.md": "---\ntype: pillar\nid: emea\n---\n", [file]: text });
    assert.deepEqual(issuesOf(after, "yaml-syntax"), []);
  });

  it("offers each pillar as a choice, the pillar of the tactic's KPI first, inserted at the item's indentation", () => {
    const files = {
      "a.md": "---\ntype: pillar\nid: alpha\n---\n",
      "z.md": "---\ntype: pillar\nid: zeta\n---\n",
      "k.md": "---\ntype: kpi\nid: nrr\npillar: zeta\ntarget: 1\n---\n",
      "q.md": "---\nitems:\n  - type: tactic\n    id: t1\n    kpi: nrr   # keep me\n  - type: tactic\n    id: t2\n    pillar: alpha\n    kpi: nrr\n---\n",
    };
    const ws = workspaceOf(files);
    const issue = only(issuesOf(ws, "tactic-missing-pillar"));
    assert.deepEqual(issue.fixes.map((f) => f.title), ["Add `pillar: zeta` (zeta)", "Add `pillar: alpha` (alpha)"]);
    const out = apply(ws, issue.fixes[0]);
    assert.equal(out["q.md"], "---\nitems:\n  - type: tactic\n    id: t1\n    kpi: nrr   # keep me\n    pillar: zeta\n  - type: tactic\n    id: t2\n    pillar: alpha\n    kpi: nrr\n---\n");
    ws.setFile("q.md", out["q.md"]);
    assert.deepEqual(issuesOf(ws, "tactic-missing-pillar"), []);
  });

  it("offers the pillar's KPIs first for a missing KPI", () => {
    const files = {
      "p.md": "---\ntype: pillar\nid: growth\nkpis: [nrr]\n---\n",
      "k1.md": "---\ntype: kpi\nid: arr\ntarget: 1\n---\n",
      "k2.md": "---\ntype: kpi\nid: nrr\ntarget: 1\n---\n",
      "t.md": "---\r\ntype: tactic\r\npillar: growth\r\n---\r\n",
    };
    const ws = workspaceOf(files);
    const issue = only(issuesOf(ws, "tactic-missing-kpi"));
    assert.deepEqual(issue.fixes.map((f) => f.title.split(" (")[0]), ["Add `kpi: nrr`", "Add `kpi: arr`"]);
    assert.equal(apply(ws, issue.fixes[0])["t.md"], "---\r\ntype: tactic\r\npillar: growth\r\nkpi: nrr\r\n---\r\n");
  });

  it("creates an initiative stub for a pillar without execution, which clears the warning", () => {
    const files = { "pillars/growth.md": "---\ntype: pillar\ntitle: Growth\nkpis: [nrr]\n---\n", "kpis/nrr.md": "---\ntype: kpi\npillar: growth\ntarget: 1\n---\n" };
    const ws = workspaceOf(files);
    const issue = only(issuesOf(ws, "pillar-without-execution"));
    const [change] = issue.fixes[0].changes;
    assert.equal(change.kind, "create");
    assert.equal(change.file, "initiatives/growth-initiative.md");
    if (change.kind === "create") ws.setFile(change.file, change.text);
    assert.deepEqual(issuesOf(ws, "pillar-without-execution"), []);
    assert.deepEqual(issuesOf(ws, "schema"), []);
  });

  it("converts a pillar with execution fields to a tactic; marks stale strategy reviewed today", () => {
    const ws = workspaceOf({ "p.md": "---\ntype: pillar\nchannel: email\nreviewed: 2020-01-01 # old\n---\n" });
    const called = only(issuesOf(ws, "tactic-called-strategy"));
    assert.match(apply(ws, called.fixes[0])["p.md"], /^---\ntype: tactic\n/);
    const stale = only(issuesOf(ws, "stale-strategy"));
    assert.match(apply(ws, stale.fixes[0])["p.md"], /reviewed: 2026-11-24 # old/);
  });

  it("inserts the missing scoring fields and a KPI target; never as --fix", () => {
    const files = { "t.md": "---\ntype: tactic\nimpact: 4\n---\n", "k.md": "---\ntype: kpi\nid: nrr\n---\n" };
    const ws = workspaceOf(files);
    const unscored = only(issuesOf(ws, "unscored-item"));
    const out = apply(ws, unscored.fixes[0])["t.md"];
    assert.equal(out, "---\ntype: tactic\nimpact: 4\nurgency: 3  # 1..5: set me\neffort: 3  # 1..5 (bigger = more work): set me\n---\n");
    assert.ok(only(issuesOf(ws, "kpi-without-target")).fixes[0].changes.length === 1);
    assert.deepEqual(fixAll(ws, files), files);
  });

  it("skips overlapping edits instead of corrupting the text", () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };
    assert.equal(applyEdits("abcdef", [{ range, newText: "X" }, { range, newText: "Y" }]).length, 4);
  });
});

/** `kind:id` of every item of a text, and whether it parses: what a fix must never lose. */
function itemsOf(text: string, path = "x.md"): { items: string[]; yamlErrors: number } {
  const file = parseStrategyFile(path, text);
  return { items: file.items.map((item) => `${item.kind}:${item.id}`), yamlErrors: file.findings.filter((f) => f.rule === "yaml-syntax").length };
}

/** The text after the first fix of the one issue of `rule` on `file`, checked to keep every item of the file. */
function fixed(files: Record<string, string>, file: string, rule: string, choice = 0): string {
  const ws = workspaceOf(files);
  const issue = only(issuesOf(ws, rule).filter((i) => i.file === file));
  const text = apply(ws, issue.fixes[choice])[file];
  assert.deepEqual(itemsOf(text, file), { items: itemsOf(files[file], file).items, yamlErrors: 0 }, text);
  return text;
}

describe("fixes never lose an item (one way to set a field)", () => {
  const pillar = { "g.md": "---\ntype: pillar\nid: growth\nkpis: [nrr]\n---\n", "n.md": "---\ntype: kpi\nid: nrr\npillar: growth\ntarget: 1\n---\n" };

  it("replaces a present but empty, null or invalid value instead of adding the key again", () => {
    const cases: Array<[string, string, string]> = [
      ["tactic-missing-pillar", "pillar: ''", "pillar: growth"],
      ["tactic-missing-pillar", "pillar:", "pillar: growth"],
      ["tactic-missing-pillar", "pillar:   # later", "pillar: growth   # later"],
      ["tactic-missing-pillar", "pillar: Growth Team # sic", "pillar: growth # sic"],
      ["tactic-missing-pillar", "pillar: [growth, x]", "pillar: growth"],
      ["tactic-missing-kpi", "kpi: ~", "kpi: nrr"],
      ["tactic-missing-kpi", "kpi: !!null", "kpi: !!null nrr"],
    ];
    for (const [rule, before, after] of cases) {
      const text = fixed({ ...pillar, "t.md": `---\ntype: tactic\nid: t\n${before}\nimpact: 1\n---\nBody\n` }, "t.md", rule);
      assert.equal(text, `---\ntype: tactic\nid: t\n${after}\nimpact: 1\n---\nBody\n`, before);
    }
  });

  it("replaces an empty or invalid list of a pillar, flow or block, and the finding goes", () => {
    const kpi = { "n.md": "---\ntype: kpi\nid: nrr\ntarget: 1\n---\n" };
    assert.equal(fixed({ ...kpi, "p.md": "---\ntype: pillar\nid: p\nkpis: []\n---\n" }, "p.md", "pillar-without-kpi"), "---\ntype: pillar\nid: p\nkpis: [nrr]\n---\n");
    const block = fixed({ ...kpi, "p.md": "---\ntype: pillar\nid: p\nkpis:\n  - Bad Id\n  # c\n  - x y\nhorizon: 2027\n---\n" }, "p.md", "pillar-without-kpi");
    assert.equal(block, "---\ntype: pillar\nid: p\nkpis: [nrr]\nhorizon: 2027\n---\n");
    assert.deepEqual(issuesOf(workspaceOf({ ...kpi, "p.md": block }), "pillar-without-kpi"), []);
  });

  it("in an items: queue, edits only the item at fault and keeps the whole queue", () => {
    const queue = "---\nitems:\n  - {type: tactic, id: a, pillar: , kpi: nrr}\n  - type: tactic\n    id: b\n    pillar: growth\n    kpis: []\n---\n";
    assert.equal(fixed({ ...pillar, "q.md": queue }, "q.md", "tactic-missing-pillar"), queue.replace("pillar: ,", "pillar: growth,"));
    assert.equal(fixed({ ...pillar, "q.md": queue }, "q.md", "tactic-missing-kpi"), queue.replace("kpis: []\n", "kpis: []\n    kpi: nrr\n"));
  });

  it("adds pairs to a flow map item, with or without a trailing comma, several at one point, after a last value that is only a tag", () => {
    const files = { "q.md": "---\nitems:\n  - {type: tactic, id: a, impact: 2}\n  - {type: tactic, id: b, impact: 2, }\n  - {type: tactic, id: c, impact: 2, owner: !!null}\n---\n" };
    const ws = workspaceOf(files);
    const [a, b, c] = issuesOf(ws, "unscored-item");
    assert.equal(apply(ws, a.fixes[0])["q.md"], files["q.md"].replace("impact: 2}", "impact: 2, urgency: 3, effort: 3}"));
    assert.equal(apply(ws, b.fixes[0])["q.md"], files["q.md"].replace("impact: 2, }", "impact: 2, urgency: 3, effort: 3, }"));
    assert.equal(apply(ws, c.fixes[0])["q.md"], files["q.md"].replace("owner: !!null}", "owner: !!null, urgency: 3, effort: 3}"));
  });

  it("in a flow map, a key written without a colon gets one, and a pair after it does not land in the next item", () => {
    const queue = "---\nitems:\n  - {type: tactic, id: a, kpi: nrr, pillar}\n  - {type: tactic, id: b, pillar: growth, kpi: nrr, x}\n---\n";
    assert.equal(fixed({ ...pillar, "q.md": queue }, "q.md", "tactic-missing-pillar"), queue.replace("pillar}", "pillar: growth}"));
    const ws = workspaceOf({ ...pillar, "q.md": queue });
    const b = issuesOf(ws, "unscored-item").find((issue) => issue.itemId === "b")!;
    assert.equal(apply(ws, b.fixes[0])["q.md"], queue.replace("x}", "x, impact: 3, urgency: 3, effort: 3}"));
  });

  it("indents an added line like the item's keys: not counting a BOM on the first key line, after `- ` in items:", () => {
    const bom = fixed({ ...pillar, "t.md": "---\n\uFEFFtype: tactic\nid: t\nkpi: nrr\n---\n" }, "t.md", "tactic-missing-pillar");
    assert.equal(bom, "---\n\uFEFFtype: tactic\nid: t\nkpi: nrr\npillar: growth\n---\n");
    // A lone CR ends the fence but not the line: the keys' column counts from where the front matter starts.
    const cr = fixed({ ...pillar, "t.md": "---\r  type: tactic\n  id: t\n  kpi: nrr\n---\n" }, "t.md", "tactic-missing-pillar");
    assert.equal(cr, "---\r  type: tactic\n  id: t\n  kpi: nrr\n  pillar: growth\n---\n");
    const flush = "---\nitems:\n- type: tactic\n  id: a\n  kpi: nrr\n- &b type: tactic\n  id: b\n  kpi: nrr\n---\n";
    const ws = workspaceOf({ ...pillar, "q.md": flush });
    const [first, second] = issuesOf(ws, "tactic-missing-pillar");
    assert.equal(apply(ws, first.fixes[0])["q.md"], flush.replace("id: a\n  kpi: nrr\n", "id: a\n  kpi: nrr\n  pillar: growth\n"));
    assert.equal(apply(ws, second.fixes[0])["q.md"], flush.replace("id: b\n  kpi: nrr\n", "id: b\n  kpi: nrr\n  pillar: growth\n"));
  });

  it("adds a line after a flow list whose closing bracket stands at the keys' column", () => {
    const text = "---\ntype: tactic\nid: t\nkpi: nrr\naliases: [\n  '/a/',\n  '/b/',\n]\n---\n";
    assert.equal(fixed({ ...pillar, "t.md": text }, "t.md", "tactic-missing-pillar"), text.replace("]\n", "]\npillar: growth\n"));
  });

  it("finds an item's last line in its text, not at an alias's anchor (which may lie in another item)", () => {
    const queue = "---\nitems:\n  - type: kpi\n    id: k\n    notes: &n [a,\n      b]\n  - type: tactic\n    id: t\n    kpi: nrr\n    notes: *n\n---\n";
    assert.equal(fixed({ ...pillar, "q.md": queue }, "q.md", "tactic-missing-pillar"), queue.replace("notes: *n\n", "notes: *n\n    pillar: growth\n"));
    const alias = "---\nx: &a Growth Team\ntype: tactic\nid: t\nkpi: nrr\npillar: *a\n---\n";
    assert.equal(fixed({ ...pillar, "t.md": alias }, "t.md", "tactic-missing-pillar"), alias.replace("pillar: *a", "pillar: growth"));
  });

  it("stale-strategy and tactic-called-strategy set their field in place of an alias, leaving the anchor's field alone", () => {
    const text = "---\nsince: &d 2020-01-01\ntype: pillar\nid: p\nkpis: [nrr]\nchannel: email\nreviewed: *d\n---\n";
    assert.equal(fixed({ ...pillar, "p.md": text }, "p.md", "stale-strategy"), text.replace("reviewed: *d", "reviewed: 2026-11-24"));
    const ws = workspaceOf({ ...pillar, "p.md": text });
    const converted = apply(ws, only(issuesOf(ws, "tactic-called-strategy")).fixes[0])["p.md"];
    assert.equal(converted, text.replace("type: pillar", "type: tactic"));
  });

  it("--fix of a kind after a lone CR keeps `type:` a key and the item (the CR is part of the value for YAML)", () => {
    const files = { "t.md": "---\ntype:\rtactic\nid: t\n---\nBody\n" };
    const ws = workspaceOf(files);
    // The message writes the CR as an escape: printed raw, it would send a terminal's cursor back.
    assert.equal(only(issuesOf(ws, "schema")).message, "Unknown kind `\\rtactic`: did you mean `tactic`?");
    const out = fixAll(ws, files);
    assert.equal(out["t.md"], "---\ntype: tactic\nid: t\n---\nBody\n");
    assert.deepEqual(itemsOf(out["t.md"]), { items: ["tactic:t"], yamlErrors: 0 });
    // A value that ends the line keeps its line break, CRLF or not.
    const crlf = { "t.md": "---\r\ntype: tactc\r\nid: t\r\n---\r\n" };
    assert.equal(fixAll(workspaceOf(crlf), crlf)["t.md"], "---\r\ntype: tactic\r\nid: t\r\n---\r\n");
  });

  it("quotes a did-you-mean id that plain YAML would read as a number, so --fix converges", () => {
    const files = { "s.md": "---\ntype: sprint\nid: \"1.10\"\ncapacity: 5\n---\n", "t.md": "---\ntype: tactic\nid: t\nsprint: 1.1O\n---\n" };
    const ws = workspaceOf(files);
    assert.equal(fixAll(ws, files)["t.md"], "---\ntype: tactic\nid: t\nsprint: \"1.10\"\n---\n");
    assert.deepEqual(issuesOf(ws, "unknown-reference"), []);
  });
});

describe("disjointEdits", () => {
  const edit = (line: number, from: number, to: number, newText: string) => ({ range: { start: { line, character: from }, end: { line, character: to } }, newText });

  it("keeps edits in position order, drops one that overlaps an earlier one, keeps inserts at one point", () => {
    const kept = disjointEdits([edit(1, 5, 9, "b"), edit(0, 0, 4, "a"), edit(1, 7, 8, "x"), edit(2, 0, 0, "i1"), edit(2, 0, 0, "i2")]);
    assert.deepEqual(kept.map((e) => e.newText), ["a", "b", "i1", "i2"]);
  });
});

describe("fixes keep a comment after the value (a fuzz finding)", () => {
  it("a value written after a bare tag keeps the space before the comment that follows", () => {
    const files = { "k.md": "---\ntype: kpi\nid: nrr\npillar: s1\ntarget: 1\n---\n", "p.md": "---\ntype: pillar  #c\nid: S1  #c\nkpis: !  #c\n---\n" };
    const ws = workspaceOf(files);
    const issue = issuesOf(ws, "pillar-without-kpi").find((i) => i.file === "p.md");
    assert.equal(issue, undefined, "the KPI names the pillar");
    const lonely = workspaceOf({ "p.md": files["p.md"], "k.md": "---\ntype: kpi\nid: nrr\ntarget: 1\n---\n" });
    const fix = issuesOf(lonely, "pillar-without-kpi")[0].fixes.find((f) => f.title.startsWith("Set `kpis: [nrr]`"))!;
    const texts = applyChanges(lonely, fix.changes, false);
    assert.equal(texts["p.md"], "---\ntype: pillar  #c\nid: S1  #c\nkpis: !  [nrr] #c\n---\n");
    assert.deepEqual([...workspaceOf({ ...texts, "k.md": "---\ntype: kpi\nid: nrr\ntarget: 1\n---\n" }).index.items()].map((item) => item.id).sort(), ["S1", "nrr"]);
  });
});
