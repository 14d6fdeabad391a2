import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fastParseFrontMatter } from "../../src/core/parse/fast-yaml";
import { sliceFrontMatter } from "../../src/core/parse/frontmatter";
import { fullParse } from "../../src/core/parse/full-yaml";
import type { YNode } from "../../src/core/parse/yaml-node";
import { readTree, SHARED } from "./helpers";

/** What both readers must agree on: values, key and scalar ranges, collection kinds and starts. */
function shape(node: YNode | null): unknown {
  if (!node) return null;
  if (node.kind === "scalar") return [node.value, node.start, node.end];
  if (node.kind === "seq") return { seq: node.items.map(shape), start: node.start, flow: node.flow, ...(node.flow ? { end: node.end } : {}) };
  return { map: node.pairs.map((p) => [p.key, p.keyStart, p.keyEnd, shape(p.value)]), start: node.start, flow: node.flow, ...(node.flow ? { end: node.end } : {}) };
}

/** Compares the readers on one text; returns whether the fast one answered. */
function compare(name: string, text: string): boolean {
  const slice = sliceFrontMatter(text);
  if (slice.kind !== "yaml") return false;
  const fast = fastParseFrontMatter(text, slice.start, slice.end);
  if (!fast) return false;
  const full = fullParse(text, slice.start, slice.end);
  assert.deepEqual(full.errors, [], `${name}: the fast reader accepted YAML that yaml rejects`);
  const expected = full.root === null ? { map: [], start: 0, flow: false } : shape(full.root);
  assert.deepEqual(shape(fast), expected, name);
  return true;
}

describe("fast front matter reader agrees with yaml", () => {
  const corpora: Array<[string, string]> = [
    ["examples", join(__dirname, "..", "..", "examples")],
    ["hugo-docs", join(SHARED, "corpora", "hugo-docs")],
    ["backlog-md", join(SHARED, "corpora", "backlog-md")],
    ["markdownlint-tests", join(SHARED, "corpora", "markdownlint-tests")],
  ];
  for (const [name, root] of corpora) {
    it(`on every file of ${name}`, () => {
      let answered = 0;
      let total = 0;
      for (const [path, text] of readTree(root)) {
        total++;
        const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
        if (compare(`${name}/${path}`, body)) answered++;
      }
      assert.ok(total > 0);
      // It must carry most real front matter, or it is not worth having.
      if (name !== "markdownlint-tests") assert.ok(answered / total > 0.5, `${name}: fast path took ${answered}/${total}`);
    });
  }

  it("on a generated 1,000-item workspace (all of it)", () => {
    const out = mkdtempSync(join(tmpdir(), "sd-gen-"));
    execFileSync(process.execPath, [join(SHARED, "tools", "gen-corpus.mjs"), "--items", "1000", "--out", out]);
    const files = readTree(out);
    for (const [path, text] of files) assert.ok(compare(path, text), `fast path gave up on ${path}`);
  });

  const snippets: Record<string, string> = {
    "comments everywhere": "# lead\ntype: tactic # kind\n\nimpact: 4   # 1..5\n# between\nkpis: [a, b] # two\n",
    "scalars of the core schema": "a: ~\nb: null\nc: true\nd: False\ne: 12\nf: -3\ng: 1.5\nh: .5\ni: 007\nj: 2026-11-24\nk: 1e3\nl: 0x1F\nm: .inf\nn: +12\n",
    "quotes": "a: \"double\"\nb: 'single'\nc: \"with # hash\"\nd: 'it''s'\ne: \"esc\\n\"\n",
    "block sequences at both indents": "kpis:\n- a\n- b\nx:\n  - c\n  - d\n",
    "items list": "items:\n  - type: tactic\n    id: a\n    kpis: [x]\n  - type: kpi\n    id: b\n",
    "nested maps": "split:\n  strategic: 70\n  tactical: 30\ncustom:\n  deep:\n    deeper: 1\n",
    "flow maps": "split: {strategic: 70, tactical: 30}\nempty: {}\nnone: []\n",
    "plain with punctuation": "title: Launch: the sequel\nurl: https://example.com/a#b\ntext: a, b and [c]\n",
    "multi-line plain": "title: one\n  two\n",
    "block scalar": "body: |\n  line\n",
    "anchors and aliases": "a: &x 1\nb: *x\n",
    "tags": "a: !!str 1\n",
    "tabs": "a:\tb\n",
    "duplicate keys": "a: 1\na: 2\n",
    "bad indentation": "a: 1\n  b: 2\n",
    "trailing comma": "a: [1, 2, ]\n",
    "nested flow": "a: [[1], {b: 2}]\n",
    "a dash value": "a: - b\n",
    "colon in a plain value": "a: b: c\n",
    "quoted key": "\"a\": 1\n",
    "document marker": "a: 1\n...\n",
    "directive": "%YAML 1.2\na: 1\n",
    "CRLF": "a: 1\r\nb: [x, y]\r\n",
  };
  for (const [title, yaml] of Object.entries(snippets)) {
    it(`snippet: ${title}`, () => {
      compare(title, `---\n${yaml}---\n`);
    });
  }
});
