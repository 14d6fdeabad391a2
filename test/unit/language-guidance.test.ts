import { strict as assert } from "node:assert";
import { completions, hover, KINDS, newItemFile, type Position } from "../../src/core/index";
import { FIELD_DOCS, FIRST_FIELDS } from "../../src/core/language/field-docs";
import { KIND_FIELDS } from "../../src/core/parse/quick-valid";
import { issuesOf, workspaceOf } from "./helpers";

const pos = (line: number, character: number): Position => ({ line, character });

const FILES = {
  "pillars/growth.md": "---\ntype: pillar\nid: growth\ntitle: Growth\nkpis: [nrr]\n---\n",
  "kpis/nrr.md": "---\ntype: kpi\ntitle: Net revenue retention\npillar: growth\ntarget: 110\n---\n",
  "kpis/churn.md": "---\ntype: kpi\nid: churn\ntitle: Churn\ntarget: 2\n---\n",
  "tactics/t.md": "---\ntype: tactic\nid: t\n\n---\n",
  "initiatives/i.md": "---\ntype: initiative\nid: i\nimpact: 4\nurgency: 3\neffort: 2\nestimate: 5\n---\n",
};

const sorted = <T extends { sortText?: string; label: string }>(list: T[]) => [...list].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));

describe("language service: guidance while writing front matter", () => {
  it("documents every field of every kind in one line", () => {
    for (const kind of KINDS) {
      for (const field of KIND_FIELDS[kind]) assert.ok((FIELD_DOCS[field]?.length ?? 0) > 10, `${kind}.${field}`);
      for (const field of FIRST_FIELDS[kind]) assert.ok(KIND_FIELDS[kind].includes(field), `${kind} lists ${field} first but has no such field`);
    }
  });

  it("lists the fields that matter first for a tactic, each with what it takes", () => {
    const list = sorted(completions(workspaceOf(FILES), "tactics/t.md", pos(3, 0)));
    assert.deepEqual(list.slice(0, 9).map((c) => c.label), ["title", "pillar", "kpi", "initiative", "impact", "urgency", "effort", "estimate", "sprint"]);
    assert.match(list.find((c) => c.label === "impact")!.detail!, /1 \(barely\) to 5 \(a lot\)/);
    assert.match(list.find((c) => c.label === "pillar")!.detail!, /pillar it serves/);
    for (const entry of list) assert.doesNotMatch(entry.detail ?? "", /^tactic field$/);
  });

  it("lists a sprint's dates and capacity first", () => {
    const ws = workspaceOf({ "s.md": "---\ntype: sprint\nid: s\n\n---\n" });
    assert.deepEqual(sorted(completions(ws, "s.md", pos(3, 0))).slice(0, 5).map((c) => c.label), ["title", "start", "end", "capacity", "split"]);
  });

  it("explains a field and its range on a hover over its key", () => {
    const ws = workspaceOf(FILES);
    for (const [line, field, range] of [[3, "impact", /1 \(barely\) to 5/], [4, "urgency", /1 \(whenever\) to 5 \(now\)/], [5, "effort", /6 − effort/], [6, "estimate", /capacity units/]] as const) {
      const info = hover(ws, "initiatives/i.md", pos(line, 2));
      assert.ok(info, field);
      assert.match(info.markdown, new RegExp(`^\\*\\*${field}\\*\\* \\(initiative field\\): `));
      assert.match(info.markdown, range);
      assert.deepEqual(info.range, { start: pos(line, 0), end: pos(line, field.length) });
    }
    assert.match(hover(ws, "kpis/nrr.md", pos(4, 1))!.markdown, /value the KPI should reach/);
  });

  it("says nothing on a key that is not a field of the kind, or outside strategy documents", () => {
    const ws = workspaceOf({ "p.md": "---\ntype: pillar\nid: p\nsprint: s1\n---\n", "post.md": "---\nlayout: post\nimpact: 3\n---\n" });
    assert.equal(hover(ws, "p.md", pos(3, 2)), undefined);
    assert.equal(hover(ws, "post.md", pos(2, 2)), undefined);
  });

  it("completes KPI ids while `kpi: ` is typed, the pillar's first, with no schema error", () => {
    const ws = workspaceOf({ ...FILES, "tactics/t.md": "---\ntype: tactic\nid: t\npillar: growth\nkpi: \n---\n" });
    assert.deepEqual(sorted(completions(ws, "tactics/t.md", pos(4, 5))).map((c) => c.label), ["nrr", "churn"]);
    assert.deepEqual(issuesOf(ws, "schema"), []);
  });
});

describe("language service: a guided new tactic", () => {
  it("is born aligned and scored: no diagnostic, no commented placeholder", () => {
    const ws = workspaceOf(FILES);
    const made = newItemFile(ws, "tactic", "Webinar series", { folder: "tactics", today: "2026-11-30", fields: { pillar: "growth", kpi: "nrr", impact: 4, urgency: 3, effort: 2 } });
    assert.ok("change" in made, JSON.stringify(made));
    assert.equal(made.change.text, "---\ntype: tactic\ntitle: Webinar series\nstatus: idea\npillar: growth\nkpi: nrr\nimpact: 4\nurgency: 3\neffort: 2\n---\n# Webinar series\n\n");
    ws.setFile(made.change.file, made.change.text);
    assert.deepEqual(ws.issues(made.change.file).map((issue) => issue.rule), []);
  });

  it("leaves out a field the person skipped (Escape), and any value out of range", () => {
    const ws = workspaceOf(FILES);
    const made = newItemFile(ws, "initiative", "Partner push", { folder: "initiatives", today: "2026-11-30", fields: { pillar: "growth", impact: 9, effort: 2 } });
    assert.ok("change" in made);
    assert.doesNotMatch(made.change.text.split("\n---\n")[0], /#|kpi:|impact:|urgency:/);
    assert.match(made.change.text, /pillar: growth\neffort: 2\n/);
  });
});
