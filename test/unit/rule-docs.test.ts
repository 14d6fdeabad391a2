import { strict as assert } from "node:assert";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { RULES } from "../../src/core/index";
import { ruleHelpMarkdown, ruleHelpPages, rulesWithoutGuidance, ruleWhy } from "../../src/core/language/rule-help";

const DIR = join(__dirname, "..", "..", "docs", "rules");

describe("rule help pages (docs/rules)", () => {
  it("has a page for every rule and no other (run `npx tsx scripts/gen-rule-docs.ts`)", () => {
    const files = readdirSync(DIR).filter((name) => name.endsWith(".md")).sort();
    assert.deepEqual(files, [...ruleHelpPages().keys()].sort());
  });

  for (const rule of RULES) {
    it(`${rule.id}: the shipped page is the generated one`, () => {
      assert.equal(readFileSync(join(DIR, `${rule.id}.md`), "utf8"), ruleHelpMarkdown(rule));
    });
  }

  it("every rule has its why and how to fix written", () => {
    assert.deepEqual(rulesWithoutGuidance(), []);
    for (const rule of RULES) assert.ok((ruleWhy(rule.id)?.length ?? 0) > 20, rule.id);
  });

  it("each page says what it catches, why, how to fix, and shows a flagged and a fine example", () => {
    for (const rule of RULES) {
      const page = ruleHelpMarkdown(rule);
      for (const heading of ["## What it catches", "## Why it matters", "## How to fix", "## Example", "### Flagged: ", "### Fine: "]) {
        assert.ok(page.includes(heading), `${rule.id} lacks ${heading}`);
      }
      assert.ok(page.includes(rule.description), rule.id);
      if (rule.pitfall) assert.ok(page.includes(rule.pitfall), rule.id);
    }
  });

  it("links nothing relative and shows no image (VS Code warns about relative image URLs in a package)", () => {
    for (const [name, page] of ruleHelpPages()) {
      assert.doesNotMatch(page, /!\[|<img|\]\((?!https:)/i, name);
    }
  });

  it("shows a not-ok example's files in fences that its text cannot close", () => {
    const page = ruleHelpMarkdown(RULES.find((rule) => rule.id === "yaml-syntax")!);
    assert.match(page, /```markdown\n---\ntype: tactic\nkpis: \[a, b\n---\n```/);
    const binary = ruleHelpMarkdown(RULES.find((rule) => rule.id === "unreadable-file")!);
    assert.doesNotMatch(binary, /PNG/); // the binary example is named, not dumped
  });
});
