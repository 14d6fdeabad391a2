import { strict as assert } from "node:assert";
import { StrategyWorkspace, type Issue } from "../../src/core/index";
import { editDistance } from "../../src/core/model/kinds";
import { MAX_ITEMS } from "../../src/core/parse/budgets";
import * as H from "../hostile-inputs.mjs";
import { TODAY, workspaceOf } from "./helpers";

/**
 * Hostile files (issue 8): each is reported in words or checked in linear time,
 * and the ordinary files beside it are still checked. The time limits are ~20×
 * what the cases take on a loaded 2-core machine: they catch a hang or a
 * quadratic cost coming back, not a slow day.
 */
function check(files: Record<string, string>, withFixes = true): { issues: Issue[]; ms: number; ws: StrategyWorkspace } {
  const start = performance.now();
  const ws = workspaceOf({ ...H.PLAIN, ...files });
  const issues = ws.allIssues(withFixes);
  return { issues, ms: performance.now() - start, ws };
}

const of = (issues: Issue[], file: string, rule?: string) => issues.filter((i) => i.file === file && (!rule || i.rule === rule));

/** The ordinary files were checked: the plain tactic still has its missing-KPI warning. */
function plainChecked(issues: Issue[]): void {
  assert.equal(of(issues, "plain.md", "tactic-missing-kpi").length, 1);
  assert.equal(of(issues, "pillar.md").length, 0);
}

describe("budgets: hostile files are reported, never expanded", () => {
  const budgetCases: Array<[string, () => Record<string, string>, string, RegExp, number]> = [
    ["a 9-level alias bomb", () => ({ "bomb.md": H.aliasBomb() }), "bomb.md", /^Aliases in the front matter expand to more than 100,000 nodes: this front matter was not checked$/, 9],
    ["a 26-level alias bomb, 40 wide", () => ({ "bomb.md": H.aliasBomb(26, 40) }), "bomb.md", /^Aliases .* 100,000 nodes/, 7],
    ["a bomb of maps and merge keys", () => ({ "bomb.md": H.mergeKeyBomb() }), "bomb.md", /^Aliases .* 100,000 nodes/, 8],
    ["a bomb held by every item of an items: list", () => ({ "bomb.md": H.itemsBomb() }), "bomb.md", /^Aliases .* 100,000 nodes/, 0],
    ["[[[…]]] 20,000 deep", () => ({ "deep.md": H.deepFlow(20000) }), "deep.md", /^The front matter nests more than 64 levels deep: this front matter was not checked$/, 3],
    ["[[[…]]] 200,000 deep (0.4 MB)", () => ({ "deep.md": H.deepFlow(200000) }), "deep.md", /nests more than 64 levels/, 3],
    ["block maps 2,000 deep", () => ({ "deep.md": H.deepBlock(2000) }), "deep.md", /nests more than 64 levels/, 67],
    ["an item naming 2,000 KPIs", () => ({ "t.md": H.manyRefs(2000) }), "t.md", /^An item names more than 1,000 ids in its references: this front matter was not checked$/, 4],
    ["more than 25,000 items", () => ({ "q.md": H.duplicateIds(MAX_ITEMS + 1) }), "q.md", /^The `items:` list has more than 25,000 items/, MAX_ITEMS + 3],
    ["front matter over 512 KB beyond the simple subset", () => ({ "k.md": H.manyKeys(50000, true) }), "k.md", /^The front matter is 5\d\d KB and uses YAML beyond the simple subset/, 2],
  ];
  for (const [title, make, file, message, line] of budgetCases) {
    it(`${title}: one unreadable-file diagnostic${line ? ` on line ${line}` : ""}, the rest checked`, () => {
      const { issues, ms } = check(make());
      const found = of(issues, file);
      assert.equal(found.length, 1, JSON.stringify(found.slice(0, 3)));
      assert.equal(found[0].rule, "unreadable-file");
      assert.equal(found[0].severity, "warning");
      assert.match(found[0].message, message);
      if (line) assert.equal(found[0].range.start.line + 1, line);
      plainChecked(issues);
      assert.ok(ms < 10_000, `${ms.toFixed(0)} ms`);
    });
  }

  it("an alias bomb in an open document costs what its text costs (under 50 ms a parse)", () => {
    const ws = workspaceOf(H.PLAIN);
    const start = performance.now();
    for (let i = 0; i < 20; i++) ws.setFile("bomb.md", H.aliasBomb(9 + (i % 3), 9));
    assert.ok((performance.now() - start) / 20 < 50);
  });

  it("aliases within the budget are read as the anchored value, the latest anchor of a name winning", () => {
    const ws = workspaceOf({
      ...H.PLAIN,
      "t.md": "---\ntype: tactic\nid: t\nx: &p nope\nlater: &p growth\npillar: *p\nkpis: &k [nrr]\nalso: *k\n---\n",
      "list.md": "---\ndefaults: &d {type: tactic, pillar: growth, kpi: nrr}\nitems:\n  - {type: tactic, id: a, pillar: growth, kpi: nrr, impact: &i 4}\n  - {type: tactic, id: b, pillar: growth, kpi: nrr, impact: *i}\n---\n",
    });
    const t = ws.index.find("t")!;
    assert.equal(t.data.pillar, "growth");
    assert.deepEqual(t.data.also, ["nrr"]);
    assert.equal(ws.index.find("b")!.data.impact, 4);
    assert.deepEqual(of(ws.allIssues(), "t.md", "unknown-reference"), []);
  });

  it("a page of another tool is not ours, even over a budget", () => {
    const { issues } = check({ "guide.md": `---\ntitle: Guide\nx: ${"[".repeat(200)}${"]".repeat(200)}\n---\n` });
    assert.deepEqual(of(issues, "guide.md"), []);
  });

  it("strategy.config.yaml over a budget is a diagnostic on the config, and the defaults apply", () => {
    const ws = new StrategyWorkspace({ today: () => TODAY });
    ws.setConfigText(H.aliasBomb().replace(/^---\n|---\nBody\.\n$/g, "").replace("type: tactic\n", ""));
    ws.load(Object.entries(H.PLAIN));
    const config = ws.allIssues().filter((i) => i.file === "strategy.config.yaml");
    assert.equal(config.length, 1);
    assert.match(config[0].message, /Aliases .* 100,000 nodes/);
    assert.equal(ws.getConfig().scoring.model, "weighted");
  });
});

describe("budgets: what used to be quadratic is linear", () => {
  it("16,000 items sharing one id: each message names three others and counts the rest", () => {
    const { issues, ms } = check({ "dupes.md": H.duplicateIds(16000) });
    const dupes = of(issues, "dupes.md", "duplicate-id");
    assert.equal(dupes.length, 16000);
    assert.equal(dupes[0].message, "Id `x` of tactic `x` is also used by dupes.md:4, dupes.md:5, dupes.md:6 and 15,996 more: give each item its own id");
    assert.equal(dupes[5].message, "Id `x` of tactic `x` is also used by dupes.md:3, dupes.md:4, dupes.md:5 and 15,996 more: give each item its own id");
    plainChecked(issues);
    assert.ok(ms < 20_000, `${ms.toFixed(0)} ms`);
  });

  it("a quick fix at one of 16,000 duplicates builds the fixes of the issues at the cursor only", () => {
    const ws = workspaceOf({ ...H.PLAIN, "dupes.md": H.duplicateIds(16000) });
    const cursor = { start: { line: 9, character: 21 }, end: { line: 9, character: 21 } };
    const start = performance.now();
    const issues = ws.issues("dupes.md", cursor);
    const ms = performance.now() - start;
    const withFixes = issues.filter((issue) => issue.fixes.length);
    assert.equal(issues.length, 64000);
    assert.deepEqual([...new Set(withFixes.map((issue) => issue.range.start.line))], [9]);
    assert.deepEqual(withFixes.map((issue) => issue.rule).sort(), ["tactic-missing-kpi", "tactic-missing-pillar", "unscored-item"]);
    assert.ok(ms < 10_000, `${ms.toFixed(0)} ms`);
  });

  it("removing a file of 16,000 duplicates is one pass (then the id is free again)", () => {
    const ws = workspaceOf({ ...H.PLAIN, "dupes.md": H.duplicateIds(16000), "x.md": "---\ntype: kpi\nid: x\ntarget: 1\nmeasured: 2026-11-20\n---\n" });
    const start = performance.now();
    ws.deleteFile("dupes.md");
    assert.ok(performance.now() - start < 2000);
    assert.deepEqual(ws.allIssues().filter((i) => i.file === "x.md"), []);
  });

  it("a 20,000-character id one letter off another: did-you-mean in a banded distance", () => {
    const { issues, ms } = check(H.longIds(20000));
    const unknown = of(issues, "tactic.md", "unknown-reference");
    assert.equal(unknown.length, 1);
    assert.ok(unknown[0].fixes.some((fix) => fix.safe && fix.title.startsWith("Change to")));
    assert.ok(ms < 5000, `${ms.toFixed(0)} ms`);
  });

  it("a megabyte-long id is cut short in messages and fix titles, never in the fix itself", () => {
    const files = H.longIds(1_000_000);
    const { issues } = check(files);
    const unknown = of(issues, "tactic.md", "unknown-reference")[0];
    assert.ok(unknown.message.length < 200, unknown.message.slice(0, 300));
    assert.match(unknown.message, /^No kpi has the id `ka{47}…a{23}b`/);
    const change = unknown.fixes.find((fix) => fix.safe)!;
    assert.ok(change.title.length < 120);
    const edit = change.changes[0];
    assert.ok(edit.kind === "edit" && edit.edits[0].newText.length === 1_000_000);
  });

  it("5,000 tactics without a KPI: each fix lists 10 choices without sorting the workspace again", () => {
    const { issues, ms } = check(H.kpisAndTactics(5000));
    const missing = of(issues, "tactics.md", "tactic-missing-kpi");
    assert.equal(missing.length, 5000);
    assert.deepEqual(missing[0].fixes.slice(0, 2).map((fix) => fix.title.split(" (")[0]), ["Add `kpi: nrr`", "Add `kpi: kpi-number-0`"]);
    assert.ok(missing.every((issue) => issue.fixes.length === 10));
    assert.ok(ms < 15_000, `${ms.toFixed(0)} ms`);
  });

  it("5,000 references a letter off 5,000 ids of one prefix: did-you-mean walks the ids as a trie", () => {
    const { issues, ms } = check(H.kpisAndTactics(5000, true));
    const unknown = of(issues, "tactics.md", "unknown-reference");
    assert.equal(unknown.length, 5000);
    assert.deepEqual(unknown[0].fixes.map((fix) => fix.title), ["Change to `kpi-number-0`", "Change to `kpi-number-1`", "Change to `kpi-number-10`", "Create kpi `kpi-number-0x`"]);
    assert.ok(ms < 15_000, `${ms.toFixed(0)} ms`);
  });

  it("a control character in a quoted value is written as an escape, in every rule's message", () => {
    const { issues } = check({ "t.md": "---\ntype: tactic\nid: t\npillar: \"grow\\u0007th\"\n---\n", "k.md": "---\ntype:\rtactc\nid: k\n---\n" });
    assert.ok(issues.every((issue) => !/[\u0000-\u001f]/.test(issue.message)), issues.map((i) => i.message).join("\n"));
    assert.ok(issues.some((issue) => issue.message.includes("\\u0007")));
    assert.ok(issues.some((issue) => issue.message.includes("`\\rtactc`")));
  });

  it("editDistance agrees with the full dynamic program within its limit", () => {
    const full = (a: string, b: string) => {
      let row = Array.from({ length: b.length + 1 }, (_, j) => j);
      for (let i = 1; i <= a.length; i++) {
        const next = [i];
        for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        row = next;
      }
      return row[b.length];
    };
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const word = () => Array.from({ length: Math.floor(random() * 9) }, () => "abc"[Math.floor(random() * 3)]).join("");
    for (let n = 0; n < 5000; n++) {
      const [a, b] = [word(), word()];
      for (const limit of [0, 1, 2, 3]) assert.equal(editDistance(a, b, limit), Math.min(full(a, b), limit + 1), `${a} ${b} ${limit}`);
    }
  });

  for (const [title, fallback, count] of [["80,000 keys in one map", false, 80000], ["40,000 keys and a tab (the full parser)", true, 40000]] as const) {
    it(`${title}: read in linear time, and a duplicate key among them is still found`, () => {
      const { issues, ms } = check({ "keys.md": H.manyKeys(count, fallback) });
      assert.deepEqual(of(issues, "keys.md", "yaml-syntax"), []);
      assert.equal(of(issues, "keys.md", "tactic-missing-pillar").length, 1);
      assert.ok(ms < 20_000, `${ms.toFixed(0)} ms`);
      const duplicated = H.manyKeys(count, fallback).replace("\n---\nBody", `\nkey${count - 1}: again\n---\nBody`);
      const again = of(check({ "keys.md": duplicated }).issues, "keys.md");
      assert.deepEqual(again.map((i) => [i.rule, i.message, i.range.start.line + 1]), [["yaml-syntax", "The front matter is not valid YAML: Map keys must be unique", count + (fallback ? 4 : 3)]]);
    });
  }

  it("an honest queue of 20,000 items in one file is checked in full", () => {
    const { issues, ws, ms } = check({ "queue.md": H.bigQueue(20000) });
    assert.equal([...ws.index.items()].filter((item) => item.file === "queue.md").length, 20000);
    assert.deepEqual(of(issues, "queue.md"), []);
    assert.ok(ms < 20_000, `${ms.toFixed(0)} ms`);
  });
});

describe("budgets: answers do not depend on load order", () => {
  it("a reference to an id held by two items of other kinds names the first in document order", () => {
    const files = {
      "a.md": "---\ntype: kpi\nid: shared\ntarget: 1\n---\n",
      "b.md": "---\ntype: initiative\nid: shared\n---\n",
      "t.md": "---\ntype: tactic\nid: t\npillar: shared\n---\n",
    };
    const message = (ws: StrategyWorkspace) => ws.issues("t.md").find((i) => i.rule === "unknown-reference")?.message;
    const forward = workspaceOf(files);
    const backward = new StrategyWorkspace({ today: () => TODAY });
    backward.load(Object.entries(files).reverse());
    const edited = workspaceOf({ "t.md": files["t.md"], "b.md": files["b.md"] });
    edited.setFile("a.md", files["a.md"]);
    assert.equal(message(forward), "`pillar: shared` names a kpi, not a pillar: use the id of a pillar");
    assert.equal(message(backward), message(forward));
    assert.equal(message(edited), message(forward));
    const initiative = workspaceOf({ "b.md": files["b.md"], "t.md": files["t.md"] });
    assert.equal(message(initiative), "`pillar: shared` names an initiative, not a pillar: use the id of a pillar");
  });
});
