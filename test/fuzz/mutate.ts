/**
 * Mutations of real files: the example workspace (strategy documents that
 * refer to each other) and the shared corpora (front matter written by other
 * projects). A case takes one file, applies a few byte and line mutations or
 * splices in a YAML fragment, and checks the workspace with the file replaced.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import fc from "fast-check";
import type { FuzzCase } from "./common";

const ROOT = join(__dirname, "..", "..");
const CORPORA = join(ROOT, "..", "shared", "corpora");

function readTree(root: string, out: Map<string, string>, limit = Infinity): Map<string, string> {
  if (!existsSync(root)) return out;
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (out.size >= limit) return;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(md|markdown|ya?ml)$/i.test(name)) out.set(relative(root, path).split(sep).join("/"), readFileSync(path, "utf8"));
    }
  };
  walk(root);
  return out;
}

let examples: Map<string, string> | undefined;
let corpus: Array<[string, string]> | undefined;

/** The example workspace: path → text (its config under `strategy.config.yaml`). */
export function exampleFiles(): Map<string, string> {
  return (examples ??= readTree(join(ROOT, "examples"), new Map()));
}

/** Real markdown files with front matter from the shared corpora (up to 3,000 files, read once). */
function corpusFiles(): Array<[string, string]> {
  return (corpus ??= [...readTree(CORPORA, new Map(), 3000)].filter(([, text]) => text.startsWith("---") || text.startsWith("\uFEFF---")));
}

/** Fragments spliced into real files: YAML constructs and strategy lines. */
export const FRAGMENTS = [
  "type: tactic\n", "type: pillar\nid: growth\n", "- type: tactic\n  id: x\n", "items:\n  - type: kpi\n    id: nrr\n", "<<: *a\n", "a: &a [x, *a]\n",
  "x: &a {type: tactic}\n", "pillar: ''\n", "kpis: []\n", "kpi: ~\n", "pillar: Growth Team\n", "sprint: \"1.10\"\n", "id: __proto__\n", "constructor: 1\n",
  "notes: |\n  block\n", "? k\n: v\n", "!!map {a: b}\n", "[[[[[[]]]]]]\n", "\uFEFF", "\u2028", "\r", "\t", "---\n", "...\n", "# comment\n", "'", "\"", "{", "[", ": ", "&", "*", "|", ">",
];

const CHARS = ["\n", "\r", "\r\n", "\t", " ", ":", "-", "#", "&", "*", "{", "}", "[", "]", ",", "'", "\"", "|", ">", "!", "%", "?", "\uFEFF", "\u2028", "\u00a0", "x", "1"];

type Mutation =
  | { op: "insert"; at: number; text: string }
  | { op: "delete"; at: number; length: number }
  | { op: "duplicate" | "dropLine"; line: number }
  | { op: "swap"; line: number; other: number }
  | { op: "indent"; line: number; by: number }
  | { op: "strategy"; kind: string };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant("insert" as const), at: fc.nat(), text: fc.constantFrom(...CHARS) }),
  fc.record({ op: fc.constant("insert" as const), at: fc.nat(), text: fc.constantFrom(...FRAGMENTS) }),
  fc.record({ op: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constantFrom("duplicate" as const, "dropLine" as const), line: fc.nat() }),
  fc.record({ op: fc.constant("swap" as const), line: fc.nat(), other: fc.nat() }),
  fc.record({ op: fc.constant("indent" as const), line: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ op: fc.constant("strategy" as const), kind: fc.constantFrom("tactic", "pillar", "kpi", "initiative", "sprint", "strategy", "tactc") }),
);

/** Applies one mutation; positions are taken modulo the text's length, so any number is valid. */
export function mutate(text: string, m: Mutation): string {
  const lines = text.split("\n");
  const line = (n: number) => n % lines.length;
  switch (m.op) {
    case "insert": {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case "delete": {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case "duplicate":
      lines.splice(line(m.line), 0, lines[line(m.line)]);
      return lines.join("\n");
    case "dropLine":
      lines.splice(line(m.line), 1);
      return lines.join("\n");
    case "swap": {
      const [a, b] = [line(m.line), line(m.other)];
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join("\n");
    }
    case "indent": {
      const at = line(m.line);
      lines[at] = m.by > 0 ? " ".repeat(m.by) + lines[at] : lines[at].replace(new RegExp(`^ {0,${-m.by}}`), "");
      return lines.join("\n");
    }
    case "strategy":
      // Makes a foreign file one of ours: a `type:` line right after the opening fence.
      return text.replace(/^(\uFEFF?---\r?\n)/, `$1type: ${m.kind}\n`);
  }
}

/** A real file with a few mutations, in its workspace (the examples) or alone (a corpus file). */
export const mutatedText: fc.Arbitrary<FuzzCase> = fc
  .record({
    pick: fc.nat(),
    fromExamples: fc.boolean(),
    /** The examples' config (parsing it costs as much as the files): one case in four. */
    config: fc.constantFrom(false, false, false, true),
    mutations: fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
    probes: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
  })
  .map(({ pick, fromExamples, config, mutations, probes }) => {
    const pool: Array<[string, string]> = fromExamples ? [...exampleFiles()].filter(([path]) => path.endsWith(".md")) : corpusFiles();
    const [path, original] = pool.length ? pool[pick % pool.length] : ["empty.md", ""];
    const text = mutations.reduce(mutate, original);
    const examples = fromExamples ? { examples: config ? ("with config" as const) : true } : {};
    return { files: { [path]: text }, before: { [path]: original }, subjects: [path], probes, ...examples };
  });
