import { strict as assert } from "node:assert";
import {
  completions, contextAt, definition, documentSymbols, escapeMarkdown, hover, idAt, prepareRename, references, rename, strategyOutline, newItemFile, slugify, KINDS,
  type OutlineNode,
  type Position, type StrategyWorkspace,
} from "../../src/core/index";
import { applyChanges, issuesOf, workspaceOf } from "./helpers";

const FILES: Record<string, string> = {
  "pillars/growth.md": "---\ntype: pillar\nid: growth\ntitle: Grow *fast* <now> `x`\nkpis: [nrr]\n---\n",
  "pillars/retention.md": "---\ntype: pillar\nid: retention\ntitle: Keep customers\n---\n",
  // A file-named id: `nrr`.
  "kpis/nrr.md": "---\ntype: kpi\ntitle: Net revenue retention\npillar: growth\ntarget: 110\n---\n",
  "kpis/churn.md": "---\ntype: kpi\nid: churn\ntitle: Churn\npillar: retention\ntarget: 2\n---\n",
  "initiatives/plg.md": "---\ntype: initiative\nid: plg\ntitle: PLG funnel\npillar: growth\nkpi: nrr\nimpact: 5\nurgency: 3\neffort: 2\n---\n",
  "tactics/retarget.md": [
    "---", //                 0
    "type: tactic", //        1
    "id: retarget", //        2
    "title: Retarget `trials` *now*", // 3
    "initiative: plg", //     4
    "pillar: growth", //      5
    "kpis:", //               6
    "  - nrr", //             7
    "  - churn", //           8
    "impact: 4", //           9
    "urgency: 3", //          10
    "effort: 2", //           11
    "estimate: 5", //         12
    "sprint: s1", //          13
    "status: planned", //     14
    "", //                    15
    "---", //                 16
    "Body text: pillar: growth", // 17
    "",
  ].join("\n"),
  "sprints/s1.md": "---\ntype: sprint\nid: s1\ncapacity: 20\n---\n",
  "queue.md": [
    "---", //                 0
    "items:", //              1
    "  - type: tactic", //    2
    "    id: q1", //          3
    "    pillar: \"growth\"", // 4
    "  - type: tactic", //    5
    "    id: q2", //          6
    "    kpis: [churn, ]", // 7
    "", //                    8
    "---", //                 9
    "",
  ].join("\n"),
};

const pos = (line: number, character: number): Position => ({ line, character });
const fresh = () => workspaceOf({ ...FILES });
const fileOf = (ws: StrategyWorkspace, path: string) => ws.index.files.get(path)!;


describe("language service: context", () => {
  const ws = fresh();
  const t = fileOf(ws, "tactics/retarget.md");

  it("is outside on the fences and in the body", () => {
    assert.equal(contextAt(t, pos(0, 1)).where, "outside");
    assert.equal(contextAt(t, pos(16, 0)).where, "outside");
    assert.equal(contextAt(t, pos(17, 20)).where, "outside");
  });

  it("finds a key, and a scalar value with the typed prefix", () => {
    const key = contextAt(t, pos(5, 2));
    assert.deepEqual([key.where, key.key, key.prefix], ["key", "pillar", "pi"]);
    const value = contextAt(t, pos(5, 10));
    assert.deepEqual([value.where, value.key, value.prefix, value.start, value.end], ["value", "pillar", "gr", t.text.indexOf("growth"), t.text.indexOf("growth") + 6]);
    assert.equal(value.block?.kind, "tactic");
    assert.equal(value.block?.item?.id, "retarget");
  });

  it("finds an element of a block list and its siblings", () => {
    const context = contextAt(t, pos(8, 6));
    assert.deepEqual([context.where, context.key, context.inList, context.prefix, context.siblings], ["value", "kpis", true, "ch", ["nrr"]]);
  });

  it("finds an empty element of a flow list and the entry of `items:` it belongs to", () => {
    const q = fileOf(ws, "queue.md");
    const context = contextAt(q, pos(7, 17));
    assert.deepEqual([context.where, context.key, context.inList, context.prefix, context.siblings], ["value", "kpis", true, "", ["churn"]]);
    assert.deepEqual([context.block?.index, context.block?.item?.id, context.block?.keyIndent], [1, "q2", 4]);
    assert.equal(contextAt(q, pos(3, 9)).block?.item?.id, "q1");
  });

  it("sees where a key could go: a blank line at the block's key column", () => {
    const context = contextAt(t, pos(15, 0));
    assert.deepEqual([context.where, context.prefix], ["newKey", ""]);
    assert.ok(context.block?.keys.has("sprint"));
    const q = fileOf(ws, "queue.md");
    assert.equal(contextAt(q, pos(8, 0)).where, "outside", "column 0 is not the entry's key column");
  });

  it("still answers while the YAML does not parse (half-typed flow list, value with no space)", () => {
    const w = fresh();
    w.setFile("tactics/new.md", "---\ntype: tactic\nkpis: [nrr, \npillar:\n---\n");
    const file = fileOf(w, "tactics/new.md");
    assert.equal(file.items.length, 0, "the YAML is broken");
    const list = contextAt(file, pos(2, 12));
    assert.deepEqual([list.where, list.key, list.siblings], ["value", "kpis", ["nrr"]]);
    assert.equal(list.block?.kind, "tactic");
    const bare = contextAt(file, pos(3, 7));
    assert.deepEqual([bare.where, bare.key, bare.needsSpace], ["value", "pillar", true]);
  });

  it("finds ids: references (inside quotes) and own ids, and flags file-named ids", () => {
    const at = idAt(t, pos(5, 9))!;
    assert.deepEqual([at.id, at.ref?.field, at.holder.id], ["growth", "pillar", "retarget"]);
    const q = idAt(fileOf(ws, "queue.md"), pos(4, 14))!;
    assert.equal(fileOf(ws, "queue.md").text.slice(q.start, q.end), "growth", "inside the quotes");
    assert.equal(idAt(t, pos(2, 5))?.ref, undefined);
    assert.equal(idAt(fileOf(ws, "kpis/nrr.md"), pos(1, 7))?.fromFileName, true);
    assert.equal(idAt(t, pos(9, 9)), undefined);
  });
});

describe("language service: completion", () => {
  const ws = fresh();
  const labels = (path: string, at: Position) => completions(ws, path, at).map((c) => c.label);

  it("offers the kinds after `type:`", () => {
    const list = completions(ws, "tactics/retarget.md", pos(1, 8));
    assert.deepEqual(list.map((c) => c.label), ["strategy", "pillar", "kpi", "initiative", "tactic", "sprint"]);
    assert.deepEqual(list[4].range, { start: pos(1, 6), end: pos(1, 12) });
  });

  it("offers only ids of the right kind, with the title as detail", () => {
    const pillars = completions(ws, "tactics/retarget.md", pos(5, 8));
    assert.deepEqual(pillars.map((c) => c.label).sort(), ["growth", "retention"]);
    assert.equal(pillars.find((c) => c.label === "growth")!.detail, "pillar: Grow *fast* <now> `x`");
    assert.deepEqual(labels("tactics/retarget.md", pos(4, 12)), ["plg"]);
    assert.deepEqual(labels("tactics/retarget.md", pos(13, 8)), ["s1"]);
  });

  it("offers the pillar's KPIs first for `kpi:` and skips those already in the list", () => {
    const w = fresh();
    w.setFile("tactics/new.md", "---\ntype: tactic\npillar: retention\nkpi: \n---\n");
    const list = completions(w, "tactics/new.md", pos(3, 5)).sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.deepEqual(list.map((c) => c.label), ["churn", "nrr"]);
    assert.deepEqual(labels("queue.md", pos(7, 17)), ["nrr"]);
    assert.deepEqual(labels("tactics/retarget.md", pos(8, 6)), ["churn"]);
  });

  it("inserts a space after a bare colon, and works in a file whose YAML is broken", () => {
    const w = fresh();
    w.setFile("tactics/new.md", "---\ntype: tactic\nkpis: [nrr, \npillar:\n---\n");
    const list = completions(w, "tactics/new.md", pos(3, 7));
    assert.deepEqual(list.map((c) => c.insertText).sort(), [" growth", " retention"]);
    assert.deepEqual(completions(w, "tactics/new.md", pos(2, 12)).map((c) => c.label), ["churn"]);
    w.setFile("tactics/list.md", "---\ntype: tactic\nkpis:\n  - nrr\n  - \n---\n");
    assert.deepEqual(completions(w, "tactics/list.md", pos(4, 4)).map((c) => c.insertText), ["churn"], "a new `- ` entry of a block list");
  });

  it("offers the kind's fields the item does not have yet on a blank line", () => {
    const fields = labels("tactics/retarget.md", pos(15, 0));
    assert.ok(fields.includes("owner") && fields.includes("channel") && fields.includes("recurring"), fields.join());
    assert.ok(!fields.includes("pillar") && !fields.includes("type") && !fields.includes("capacity"), fields.join());
    const w = fresh();
    w.setFile("k.md", "---\ntype: kpi\nid: k\nta\n---\n");
    const typed = completions(w, "k.md", pos(3, 2));
    assert.ok(typed.some((c) => c.label === "target" && c.insertText === "target: "));
    assert.deepEqual(typed[0].range, { start: pos(3, 0), end: pos(3, 2) });
  });

  it("offers nothing outside the front matter, in a foreign document, or where the field is no reference", () => {
    assert.deepEqual(labels("tactics/retarget.md", pos(17, 20)), []);
    const w = fresh();
    const labelsIn = (path: string, at: Position) => completions(w, path, at).map((c) => c.label);
    w.setFile("post.md", "---\nlayout: post\npillar: \n\n---\n");
    assert.deepEqual(labelsIn("post.md", pos(2, 8)), []);
    assert.deepEqual(labelsIn("post.md", pos(3, 0)), []);
    w.setFile("p2.md", "---\ntype: pillar\nsprint: \n---\n");
    assert.deepEqual(labelsIn("p2.md", pos(2, 8)), []);
    w.setFile("new.md", "---\n\n---\n");
    assert.deepEqual(labelsIn("new.md", pos(1, 0)), ["type"], "a new document starts with `type:`");
    w.setFile("q.md", "---\nitems:\n  - type: kpi\n    id: a\n  - \n---\n");
    assert.deepEqual(labelsIn("q.md", pos(4, 4)), ["type"], "a new entry of `items:`");
  });
});

describe("language service: hover", () => {
  const ws = fresh();

  it("shows a referenced item with its text escaped", () => {
    const info = hover(ws, "tactics/retarget.md", pos(5, 10))!;
    assert.deepEqual(info.range, { start: pos(5, 8), end: pos(5, 14) });
    assert.match(info.markdown, /^\*\*Pillar\*\* growth: Grow \\\*fast\\\* \\<now\\> \\`x\\`/);
    assert.match(info.markdown, /pillars\/growth\\\.md, line 3/);
    assert.match(info.markdown, /KPIs: nrr/);
  });

  it("shows a backlog item's score with its explanation, track, status and estimate", () => {
    const info = hover(ws, "tactics/retarget.md", pos(2, 6))!;
    assert.match(info.markdown, /Score 3\.7 \(rank 1 of 1 tactical\): weighted/);
    assert.match(info.markdown, /Track: tactical · Status: planned · Estimate: 5 · Sprint: s1/);
    assert.match(info.markdown, /Retarget \\`trials\\` \\\*now\\\*/);
    const initiative = hover(ws, "tactics/retarget.md", pos(4, 13))!;
    assert.match(initiative.markdown, /Score 4\.\d+ \(rank 1 of 1 strategic\)/);
  });

  it("says when a reference resolves to nothing, or to the wrong kind", () => {
    const w = fresh();
    w.setFile("t.md", "---\ntype: tactic\npillar: nope\nsprint: growth\n---\n");
    assert.match(hover(w, "t.md", pos(2, 9))!.markdown, /No pillar has the id nope/);
    assert.match(hover(w, "t.md", pos(3, 9))!.markdown, /growth is a pillar, not a sprint/);
  });

  it("describes the kind on `type:`, and the item too when its id is the file name", () => {
    assert.match(hover(ws, "pillars/growth.md", pos(1, 7))!.markdown, /^\*\*pillar\*\*: A strategic pillar/);
    const kpi = hover(ws, "kpis/nrr.md", pos(1, 7))!.markdown;
    assert.match(kpi, /\*\*KPI\*\* nrr: Net revenue retention/);
    assert.match(kpi, /no baseline, no current value \\\(target 110\\\)/);
    assert.equal(hover(ws, "tactics/retarget.md", pos(9, 9)), undefined);
  });

  it("escapes every markdown character of user text", () => {
    assert.equal(escapeMarkdown("a*b_c<d>`e`[f](g) #h\nnext"), "a\\*b\\_c\\<d\\>\\`e\\`\\[f\\]\\(g\\) \\#h next");
  });
});

describe("language service: definition and references", () => {
  const ws = fresh();

  it("goes from a reference to the item's id, or to `type` for a file-named id", () => {
    assert.deepEqual(definition(ws, "tactics/retarget.md", pos(5, 9)), [{ file: "pillars/growth.md", range: { start: pos(2, 4), end: pos(2, 10) } }]);
    assert.deepEqual(definition(ws, "tactics/retarget.md", pos(7, 5)), [{ file: "kpis/nrr.md", range: { start: pos(1, 6), end: pos(1, 9) } }]);
    assert.deepEqual(definition(ws, "tactics/retarget.md", pos(9, 9)), []);
  });

  it("finds every reference to an id across the workspace, and its definition", () => {
    const refs = references(ws, "pillars/growth.md", pos(2, 5)).map((l) => `${l.file}:${l.range.start.line}:${l.range.start.character}`);
    assert.deepEqual(refs, ["initiatives/plg.md:4:8", "kpis/nrr.md:3:8", "pillars/growth.md:2:4", "queue.md:4:13", "tactics/retarget.md:5:8"]);
    const withoutDeclaration = references(ws, "tactics/retarget.md", pos(7, 5), false).map((l) => l.file);
    assert.deepEqual(withoutDeclaration, ["initiatives/plg.md", "pillars/growth.md", "tactics/retarget.md"]);
  });

  it("does not count a reference of another kind's field", () => {
    const w = fresh();
    w.setFile("t.md", "---\ntype: tactic\nsprint: growth\n---\n");
    assert.ok(!references(w, "pillars/growth.md", pos(2, 5)).some((l) => l.file === "t.md"));
  });
});

describe("language service: rename", () => {
  it("renames an id and every reference, keeping quotes and comments", () => {
    const ws = fresh();
    ws.setFile("pillars/growth.md", "---\ntype: pillar\nid: growth   # the main one\ntitle: Grow\nkpis: [nrr]\n---\n");
    const result = rename(ws, "tactics/retarget.md", pos(5, 9), "expansion");
    assert.ok("changes" in result, JSON.stringify(result));
    const texts = applyChanges(ws, result.changes);
    assert.deepEqual(Object.keys(texts).sort(), ["initiatives/plg.md", "kpis/nrr.md", "pillars/growth.md", "queue.md", "tactics/retarget.md"]);
    assert.match(texts["pillars/growth.md"], /^id: expansion   # the main one$/m);
    assert.match(texts["queue.md"], /pillar: "expansion"/);
    assert.match(texts["tactics/retarget.md"], /^pillar: expansion$/m);
    assert.match(texts["tactics/retarget.md"], /Body text: pillar: growth/, "the body is not touched");
    assert.deepEqual(issuesOf(ws, "unknown-reference"), []);
  });

  it("adds `id:` after `type:` when the id comes from the file name", () => {
    const ws = fresh();
    const result = rename(ws, "pillars/growth.md", pos(4, 8), "net-retention");
    assert.ok("changes" in result);
    const texts = applyChanges(ws, result.changes);
    assert.equal(texts["kpis/nrr.md"], "---\ntype: kpi\nid: net-retention\ntitle: Net revenue retention\npillar: growth\ntarget: 110\n---\n");
    assert.match(texts["pillars/growth.md"], /kpis: \[net-retention\]/);
    assert.match(texts["tactics/retarget.md"], / {2}- net-retention\n/);
    assert.deepEqual(issuesOf(ws, "unknown-reference"), []);
  });

  it("keeps CRLF line ends and quotes ids that would read as other values", () => {
    const ws = workspaceOf({ "s.md": "---\r\ntype: sprint\r\ncapacity: 5\r\n---\r\n", "t.md": "---\r\ntype: tactic\r\nsprint: s\r\n---\r\n" });
    const result = rename(ws, "t.md", pos(2, 8), "true");
    assert.ok("changes" in result);
    const texts = applyChanges(ws, result.changes);
    assert.equal(texts["s.md"], "---\r\ntype: sprint\r\nid: \"true\"\r\ncapacity: 5\r\n---\r\n");
    assert.equal(texts["t.md"], "---\r\ntype: tactic\r\nsprint: \"true\"\r\n---\r\n");
  });

  it("refuses an invalid id, a clash, a position that is no id, and an ambiguous id", () => {
    const ws = fresh();
    assert.match((rename(ws, "pillars/growth.md", pos(2, 5), "Not valid!") as { error: string }).error, /not a valid id/);
    assert.match((rename(ws, "pillars/growth.md", pos(2, 5), "churn") as { error: string }).error, /taken by the kpi in kpis\/churn\.md/);
    assert.ok("changes" in rename(ws, "pillars/growth.md", pos(2, 5), "Growth"), "a change of case is no clash");
    assert.match((prepareRename(ws, "tactics/retarget.md", pos(9, 9)) as { error: string }).error, /Only an item's id/);
    assert.match((prepareRename(ws, "kpis/nrr.md", pos(1, 7)) as { error: string }).error, /Only an item's id/, "`type` is not an id");
    ws.setFile("dup.md", "---\ntype: pillar\nid: growth\n---\n");
    assert.match((prepareRename(ws, "tactics/retarget.md", pos(5, 9)) as { error: string }).error, /2 items share the id/);
    const ok = prepareRename(fresh(), "queue.md", pos(4, 15));
    assert.ok("range" in ok && ok.placeholder === "growth");
    assert.deepEqual(ok.range, { start: pos(4, 13), end: pos(4, 19) });
  });
});

describe("language service: symbols", () => {
  it("lists each item of a file with its id range", () => {
    const symbols = documentSymbols(fresh(), "queue.md");
    assert.deepEqual(symbols.map((s) => [s.name, s.kind, s.selectionRange.start.line]), [["q1", "tactic", 3], ["q2", "tactic", 6]]);
    assert.equal(symbols[0].detail, "tactic: q1");
    assert.ok(symbols[0].range.start.line === 2 && symbols[0].range.end.line === 4);
  });
});

describe("language service: outline", () => {
  const show = (nodes: OutlineNode[], depth = 0): string[] =>
    nodes.flatMap((node) => [`${"  ".repeat(depth)}${node.item ? `${node.item.kind} ${node.item.id}` : node.label} (${node.description})`, ...show(node.children, depth + 1)]);

  it("puts KPIs, initiatives and tactics under their pillar, sprints apart, orphans under Unaligned", () => {
    const ws = fresh();
    ws.setFile("tactics/lost.md", "---\ntype: tactic\ntitle: Lost tactic\nsprint: s1\nestimate: 3\n---\n");
    ws.setFile("kpis/orphan.md", "---\ntype: kpi\ntitle: Orphan KPI\ntarget: 1\n---\n");
    assert.deepEqual(show(strategyOutline(ws.index, "2026-11-30")), [
      "pillar growth (1 KPI · 1 initiative · 2 tactics)",
      "  kpi nrr (nrr)",
      "  initiative plg (plg · 1 tactic)",
      "    tactic retarget (retarget · planned)",
      "  tactic q1 (q1)",
      "pillar retention (1 KPI · 0 initiatives · 0 tactics)",
      "  kpi churn (churn)",
      "Sprints (1)",
      "  sprint s1 (later · 8/20 · s1)",
      "    tactic lost (lost)",
      "    tactic retarget (retarget · planned)",
      "Unaligned (3)",
      "  kpi orphan (orphan)",
      "  tactic lost (lost)",
      "  tactic q2 (q2)",
    ]);
  });
});

describe("language service: new items", () => {
  it("derives a slug id from a title", () => {
    assert.equal(slugify("  Ünïcode Title: LinkedIn *retargeting*! "), "unicode-title-linkedin-retargeting");
    assert.equal(slugify("2026 S14"), "2026-s14");
    assert.equal(slugify("!!!"), "");
  });

  it("makes a file in the kind's folder that parses with no schema error, for every kind", () => {
    for (const kind of KINDS) {
      const ws = fresh();
      const made = newItemFile(ws, kind, "New: *thing* #1", { folder: `${kind}s/`, today: "2026-11-24" });
      assert.ok("change" in made, JSON.stringify(made));
      assert.equal(made.change.file, `${kind}s/new-thing-1.md`);
      ws.setFile(made.change.file, made.change.text);
      const item = ws.index.find("new-thing-1")!;
      assert.deepEqual([item.kind, item.data.title], [kind, "New: *thing* #1"]);
      assert.deepEqual(ws.issues(made.change.file).filter((issue) => issue.rule === "schema" || issue.rule === "yaml-syntax"), []);
    }
  });

  it("refuses a clashing id, an existing file and a title with no letters", () => {
    const ws = fresh();
    assert.match((newItemFile(ws, "pillar", "Growth", { folder: "x", today: "2026-11-24" }) as { error: string }).error, /taken by the pillar in pillars\/growth\.md/);
    ws.setFile("notes/plain.md", "# not a strategy file\n");
    assert.match((newItemFile(ws, "kpi", "Plain", { folder: "notes", today: "2026-11-24" }) as { error: string }).error, /notes\/plain\.md exists already/);
    assert.match((newItemFile(ws, "kpi", "???", { folder: "", today: "2026-11-24" }) as { error: string }).error, /Cannot make an id/);
  });
});

describe("language service: rename keeps the item (fuzz findings)", () => {
  for (const [title, pillar] of [
    ["a stray BOM before `type`", "---\n\uFEFFtype: pillar\n---\n"],
    ["an anchor before `type`", "---\n&a type: pillar\n---\n"],
  ] as const) {
    it(`adds \`id:\` at the keys' column after ${title}`, () => {
      const files = { "growth.md": pillar, "t.md": "---\ntype: tactic\npillar: growth\n---\n" };
      const ws = workspaceOf(files);
      const result = rename(ws, "t.md", { line: 2, character: 10 }, "growth-2");
      assert.ok("changes" in result, JSON.stringify(result));
      const texts = applyChanges(ws, result.changes, false);
      const after = workspaceOf({ ...files, ...texts });
      assert.deepEqual([...after.index.items()].map((item) => `${item.kind}:${item.id}`).sort(), ["pillar:growth-2", "tactic:t"]);
      assert.deepEqual(after.allIssues().filter((issue) => issue.rule === "yaml-syntax" || issue.rule === "unknown-reference"), []);
    });
  }
});
