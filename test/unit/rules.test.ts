import { strict as assert } from "node:assert";
import { RULES } from "../../src/core/index";
import { issuesOf, workspaceOf } from "./helpers";

// Each rule documents itself with ok / not-ok examples; running them keeps the docs honest.
describe("rules: documented examples", () => {
  for (const rule of RULES) {
    describe(rule.id, () => {
      it("has ok and not-ok examples, a description and a default severity", () => {
        assert.ok(rule.examples.ok.length > 0 && rule.examples.notOk.length > 0);
        assert.ok(rule.description.length > 10);
        assert.ok(["error", "warning", "info"].includes(rule.defaultSeverity));
      });
      for (const example of rule.examples.ok) {
        it(`ok: ${example.title}`, () => {
          assert.deepEqual(issuesOf(workspaceOf(example.files), rule.id), []);
        });
      }
      for (const example of rule.examples.notOk) {
        it(`not ok: ${example.title}`, () => {
          const found = issuesOf(workspaceOf(example.files), rule.id);
          assert.equal(found.length, example.count ?? 1, JSON.stringify(found, null, 1));
          for (const issue of found) {
            assert.equal(issue.severity, rule.defaultSeverity);
            assert.ok(issue.message.length > 10);
            // Never "just line 1": a range on the exact key or value (a one-line span).
            assert.ok(issue.range.end.line > issue.range.start.line || issue.range.end.character > issue.range.start.character || rule.id === "unreadable-file", `${rule.id} gives an empty range`);
          }
        });
      }
    });
  }

  it("ignore: silences a rule for one item only", () => {
    const ws = workspaceOf({
      "a.md": "---\ntype: kpi\nid: a\nignore: [kpi-without-target]\n---\n",
      "b.md": "---\ntype: kpi\nid: b\n---\n",
    });
    assert.deepEqual(issuesOf(ws, "kpi-without-target").map((i) => i.file), ["b.md"]);
  });

  it("severities come from the config, and off silences a rule", () => {
    const files = { "k.md": "---\ntype: kpi\nid: nrr\n---\n", "s.md": "---\ntype: strategy\nreviewed: 2020-01-01\n---\n" };
    const ws = workspaceOf(files, "rules:\n  kpi-without-target: error\n  stale-strategy: off\n");
    assert.equal(issuesOf(ws, "kpi-without-target")[0].severity, "error");
    assert.deepEqual(issuesOf(ws, "stale-strategy"), []);
  });
});
