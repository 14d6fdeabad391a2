/**
 * The front matter injection grammar (syntaxes/strategy-frontmatter.injection.json),
 * tokenized with vscode-textmate + vscode-oniguruma (the engine VS Code uses; the
 * onig WASM ships inside the npm package):
 *
 * - always: every regex compiles, the kinds and reference keys are the core's, and
 *   sample lines tokenize as expected inside a minimal host grammar that scopes
 *   front matter exactly as VS Code's markdown grammar does;
 * - when the code-server install of the integration tests is in the cache
 *   (scripts/vscode-env.mjs): the same samples inside VS Code's own markdown and
 *   YAML grammars (markdown-basics, yaml), i.e. what the editor really shows.
 */
import { strict as assert } from "node:assert";
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import * as oniguruma from "vscode-oniguruma";
import * as textmate from "vscode-textmate";
import { KINDS, REFERENCE_FIELDS } from "../../src/core/index";
import manifest from "../../package.json";

const ROOT = path.resolve(__dirname, "../..");
const GRAMMAR_FILE = path.join(ROOT, "syntaxes", "strategy-frontmatter.injection.json");
const grammarJson = JSON.parse(readFileSync(GRAMMAR_FILE, "utf8"));
const INJECTION = grammarJson.scopeName as string;

/** The front matter rule of VS Code's markdown grammar (markdown-basics), with a stand-in for YAML inside. */
const MINIMAL_MARKDOWN = {
  scopeName: "text.html.markdown",
  patterns: [
    {
      begin: "\\A(?=(-{3,}))",
      end: "^ {,3}\\1-*[ \\t]*$|^[ \\t]*\\.{3}$",
      applyEndPatternLast: 1,
      endCaptures: { 0: { name: "punctuation.definition.end.frontmatter" } },
      patterns: [
        {
          begin: "\\A(-{3,})(.*)$",
          while: "^(?! {,3}\\1-*[ \\t]*$|[ \\t]*\\.{3}$)",
          beginCaptures: { 1: { name: "punctuation.definition.begin.frontmatter" } },
          contentName: "meta.embedded.block.frontmatter",
          // Instead of source.yaml: just strings and comments.
          patterns: [
            { match: '"[^"]*"', name: "string.quoted.double.yaml" },
            { match: "(?:^|(?<=[ \\t]))#.*$", name: "comment.line.number-sign.yaml" },
          ],
        },
      ],
    },
    { match: ".+", name: "meta.paragraph.markdown" },
  ],
};

let onigLoaded: Promise<textmate.IOnigLib> | undefined;
function onigLib(): Promise<textmate.IOnigLib> {
  onigLoaded ??= (async () => {
    const wasm = readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    };
  })();
  return onigLoaded;
}

/** Loads text.html.markdown from `files` (scope → grammar file or object) with our injection. */
async function markdownWithInjection(files: Record<string, string | object>): Promise<textmate.IGrammar> {
  const registry = new textmate.Registry({
    onigLib: onigLib(),
    loadGrammar: async (scopeName) => {
      const source = scopeName === INJECTION ? GRAMMAR_FILE : files[scopeName];
      if (source === undefined) return null;
      if (typeof source !== "string") return textmate.parseRawGrammar(JSON.stringify(source), `${scopeName}.json`);
      return textmate.parseRawGrammar(readFileSync(source, "utf8"), source);
    },
    // What VS Code does for `injectTo: ["text.html.markdown"]`.
    getInjections: (scopeName) => (scopeName === "text.html.markdown" ? [INJECTION] : undefined),
  });
  const grammar = await registry.loadGrammar("text.html.markdown");
  assert.ok(grammar, "text.html.markdown loads");
  return grammar;
}

interface Token { text: string; scopes: string[] }

/** Tokenizes a document; returns its tokens per line. */
function tokenize(grammar: textmate.IGrammar, text: string): Token[][] {
  let state = textmate.INITIAL;
  return text.split("\n").map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((token) => ({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes }));
  });
}

const KIND = "keyword.other.kind.strategy-docs";
const KIND_VALUE = "entity.name.type.kind.strategy-docs";
const KEY = "keyword.other.reference.strategy-docs";
const ID = "variable.other.reference.strategy-docs";

/** The innermost scope of each token of line `line` whose text is `text` (in order). */
function scopesOf(lines: Token[][], line: number, text: string): string[] {
  return lines[line].filter((token) => token.text === text).map((token) => token.scopes[token.scopes.length - 1]);
}

const SAMPLE = [
  "---", //                        0
  "type: tactic", //               1
  "pillar: growth", //             2
  "kpis: [a, b]", //               3
  'kpi: "trial-conversion"  # c', // 4
  "sprint: 14", //                 5
  "initiative: plg-funnel", //     6
  'title: "pillar: no" # kpi: x', // 7  a string and a comment, not references
  "type: bug", //                  8  not a strategy kind
  "owner: dana", //                9
  "items:", //                     10
  "  - type: KPI", //              11
  "    kpis:", //                  12
  "      - x", //                  13
  "      - 'y' # z", //            14
  "  - type: pillar", //           15
  "    kpis: [p,", //              16
  "      q]", //                   17
  "---", //                        18
  "pillar: growth", //             19 body text, not front matter
].join("\n");

/** Assertions shared by the minimal host and VS Code's own markdown + YAML grammars. */
function checkSample(lines: Token[][]): void {
  assert.deepEqual(scopesOf(lines, 1, "type"), [KIND]);
  assert.deepEqual(scopesOf(lines, 1, "tactic"), [KIND_VALUE]);
  assert.deepEqual(scopesOf(lines, 2, "pillar"), [KEY]);
  assert.deepEqual(scopesOf(lines, 2, "growth"), [ID]);
  assert.deepEqual(scopesOf(lines, 3, "kpis"), [KEY]);
  assert.deepEqual(scopesOf(lines, 3, "a"), [ID]);
  assert.deepEqual(scopesOf(lines, 3, "b"), [ID]);
  assert.ok(lines[3].every((token) => token.scopes.includes("meta.embedded.block.frontmatter")));
  assert.deepEqual(scopesOf(lines, 4, "trial-conversion"), [ID]);
  assert.deepEqual(scopesOf(lines, 4, "# c"), ["comment.line.number-sign.strategy-docs"]);
  assert.deepEqual(scopesOf(lines, 5, "14"), [ID]);
  assert.deepEqual(scopesOf(lines, 6, "plg-funnel"), [ID]);
  for (const line of [7, 8, 9, 10, 19]) {
    const ours = lines[line].filter((token) => token.scopes.some((scope) => scope.endsWith(".strategy-docs")));
    assert.deepEqual(ours, [], `line ${line} has no strategy-docs scopes`);
  }
  assert.deepEqual(scopesOf(lines, 11, "KPI"), [KIND_VALUE]);
  assert.deepEqual(scopesOf(lines, 12, "kpis"), [KEY]);
  assert.deepEqual(scopesOf(lines, 13, "x"), [ID]);
  assert.deepEqual(scopesOf(lines, 14, "y"), [ID]);
  assert.deepEqual(scopesOf(lines, 15, "pillar"), [KIND_VALUE], "a block list of ids ends at the next item");
  assert.deepEqual(scopesOf(lines, 16, "p"), [ID]);
  assert.deepEqual(scopesOf(lines, 17, "q"), [ID]);
  assert.ok(!lines[19].some((token) => token.scopes.includes("meta.embedded.block.frontmatter")));
}

/** Every regex of the grammar (match, begin, end, while), with where it is. */
function regexes(node: unknown, where = "grammar"): Array<[string, string]> {
  if (!node || typeof node !== "object") return [];
  const found: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(node)) {
    if (typeof value === "string" && ["match", "begin", "end", "while"].includes(key)) found.push([`${where}.${key}`, value]);
    else if (typeof value === "object") found.push(...regexes(value, `${where}.${key}`));
  }
  return found;
}

describe("front matter injection grammar (syntaxes/)", () => {
  it("is contributed as an injection into markdown", () => {
    const contributed = manifest.contributes.grammars.find((grammar) => grammar.scopeName === INJECTION);
    assert.ok(contributed, "package.json contributes.grammars names the grammar's scopeName");
    assert.deepEqual(contributed.injectTo, ["text.html.markdown"]);
    assert.equal(path.resolve(ROOT, contributed.path), GRAMMAR_FILE);
    assert.match(grammarJson.injectionSelector, /^L:meta\.embedded\.block\.frontmatter\b/);
  });

  it("compiles every regex with oniguruma", async () => {
    await onigLib();
    const all = regexes(grammarJson);
    assert.ok(all.length >= 8, `found ${all.length} regexes`);
    for (const [where, source] of all) {
      assert.doesNotThrow(() => new oniguruma.OnigScanner([source]).dispose(), `${where}: ${source}`);
    }
  });

  it("knows exactly the core's kinds and reference keys", async () => {
    const grammar = await markdownWithInjection({ "text.html.markdown": MINIMAL_MARKDOWN });
    for (const kind of KINDS) {
      const lines = tokenize(grammar, `---\ntype: ${kind}\n---`);
      assert.deepEqual(scopesOf(lines, 1, kind), [KIND_VALUE], kind);
    }
    for (const field of Object.keys(REFERENCE_FIELDS)) {
      const lines = tokenize(grammar, `---\n${field}: some-id\n${field}: [a]\n---`);
      assert.deepEqual(scopesOf(lines, 1, field), [KEY], field);
      assert.deepEqual(scopesOf(lines, 1, "some-id"), [ID], field);
      assert.deepEqual(scopesOf(lines, 2, "a"), [ID], field);
    }
    const lines = tokenize(grammar, "---\ntype: guide\nowner: growth\nid: growth\ntypes: tactic\nsub-type: tactic\nnorth-star-kpi: growth\nmy_pillar: [a]\n---");
    for (const line of lines) assert.ok(line.every((token) => !token.scopes.some((scope) => scope.endsWith(".strategy-docs"))), JSON.stringify(line));
  });

  it("highlights kinds, reference keys and ids (scalars, flow and block lists) in front matter only", async () => {
    checkSample(tokenize(await markdownWithInjection({ "text.html.markdown": MINIMAL_MARKDOWN }), SAMPLE));
  });

  it("does the same inside VS Code's own markdown and YAML grammars (from the code-server install)", async function () {
    const { CACHE_DIR } = await import("../../scripts/vscode-env.mjs");
    const extensions = path.join(CACHE_DIR, "code-server", "node_modules", "code-server", "lib", "vscode", "extensions");
    const markdown = path.join(extensions, "markdown-basics", "syntaxes", "markdown.tmLanguage.json");
    if (!existsSync(markdown)) {
      console.log(`      (skipped: VS Code's markdown grammar is not at ${markdown}; \`node scripts/vscode-env.mjs\` installs it)`);
      this.skip();
    }
    // source.yaml includes the versioned YAML grammars; all ship with the yaml extension.
    const yaml = path.join(extensions, "yaml", "syntaxes");
    const files: Record<string, string> = { "text.html.markdown": markdown, "source.yaml": path.join(yaml, "yaml.tmLanguage.json") };
    for (const version of ["1.0", "1.1", "1.2", "1.3"]) files[`source.yaml.${version}`] = path.join(yaml, `yaml-${version}.tmLanguage.json`);
    files["source.yaml.embedded"] = path.join(yaml, "yaml-embedded.tmLanguage.json");
    const lines = tokenize(await markdownWithInjection(files), SAMPLE);
    checkSample(lines);
    // YAML still colours the other keys.
    assert.ok(lines[9][0].scopes.includes("entity.name.tag.yaml"), JSON.stringify(lines[9]));
    // Nothing the YAML grammar would not flag on its own turns invalid.
    assert.ok(lines.flat().every((token) => !token.scopes.some((scope) => scope.startsWith("invalid"))), "no invalid.* scopes");
  });
});
