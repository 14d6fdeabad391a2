/**
 * Generators of hostile strategy documents: front matter of every kind with
 * fields of random types, YAML syntax fragments (anchors, aliases, merge keys,
 * tags, block scalars, flow collections, odd numbers and dates, BOM, CRLF,
 * lone CR, U+2028, duplicate keys, `__proto__` and `constructor`), and whole
 * workspaces of files that refer to each other. Every document is rendered as
 * text; the invariants never see the generator's structure.
 */
import fc from "fast-check";
import { KIND_FIELDS, KINDS } from "../../src/core/index";
import { hostileArb } from "./hostile";
import { mutatedText } from "./mutate";
import type { FuzzCase } from "./common";

/** Ids that refer to each other across generated files, and ones YAML or JavaScript misread. */
export const IDS = ["growth", "Growth", "grwth", "nrr", "arr", "s1", "S1", "s2", "plg", "1.10", "1.1", "2026-s14", "__proto__", "constructor", "toString", "a", "t1", "k.1", "yes", "on", "null", "growth-team", "x".repeat(120), `${"y".repeat(60)}z`];

const KEYS = [...new Set(Object.values(KIND_FIELDS).flat())].filter((key) => key !== "type" && key !== "id").concat("__proto__", "constructor", "toString");
const ODD_KEYS = ["hasOwnProperty", "<<", "Type", "items", "? odd", "\"quoted key\"", "a b", "x"];

/** A value as YAML source: `{I}` stands for the indentation of the key it belongs to. */
interface Value {
  text: string;
  /** Whether it may stand inside a flow collection. */
  flow: boolean;
}

const flowValue = (text: string): Value => ({ text, flow: true });
const blockValue = (text: string): Value => ({ text, flow: false });

const numbers = ["0", "1", "3", "5", "6", "-1", "1.5", ".5", "1e3", "0x1F", "0o17", ".inf", "-.inf", ".nan", "007", "1_000", "+12", "12345678901234567890", "-0", "3.0", "40"];
const dates = ["2026-11-24", "2024-10-01", "2026-02-30", "2026-11-24T10:00:00Z", "2026-13-01", "20261124", "2026-11-24 10:00"];
const words = ["true", "False", "yes", "no", "on", "~", "null", "NULL", "", "idea", "planned", "done", "dropped", "strategic", "tactical", "up", "down", "weekly"];
const quoted = ["\"1.10\"", "'it''s'", "\"a\\nb\"", "\"tab\\t\"", "'Growth: EMEA #2'", "\"\\u2028\"", "\"growth\"", "'nrr'", "\"\"", "''"];
const odd = ["Growth Team", "a: b", "a #b", "a#b", "x,y", "*a", "*nope", "&a x", "!!str 1", "!!int x", "!!null", "!custom x", "!<tag:x> y", "x\u2028y", "\u00a0", "\u{1F600}", "é", "- x", "@x", "`x`", "%x", "x\ty"];
const flows = ["[]", "{}", "[growth, nrr]", "[a, [b, c]]", "{strategic: 70, tactical: 30}", "{strategic: 60, tactical: 30}", "{strategic: 70}"];
const oddFlows = ["[a, ]", "[a,\n{I}  b]", "{a: 1, a: 2}", "[*a]", "{<<: *a}", "{a, b: [c, {d: e}]}"];
const blocks = ["|\n{I}  line one\n{I}  line two", ">-\n{I}  folded\n\n{I}  text", "|+\n{I}  keep\n", "|2\n{I}    indented", "\n{I}  - growth\n{I}  - nrr", "\n{I}- a\n{I}- b", "\n{I}  strategic: 70\n{I}  tactical: 30", "\n{I}  a:\n{I}    b: [c]", "one\n{I}  two", "\"quoted\n{I}  across\""];

/**
 * Any value of any type, weighted towards what the schemas check: four in five
 * are values YAML reads (of any type, right or wrong for the field), one in five
 * is odd syntax that may break the file (which then has no items to fix).
 */
export const valueArb: fc.Arbitrary<Value> = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom(...IDS).map(flowValue) },
  { weight: 12, arbitrary: fc.constantFrom(...numbers, ...dates, ...words, ...quoted).map(flowValue) },
  { weight: 6, arbitrary: fc.constantFrom(...flows).map(flowValue) },
  { weight: 6, arbitrary: fc.constantFrom(...blocks).map(blockValue) },
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...IDS, "1", "~"), { maxLength: 4 }).map((ids) => flowValue(`[${ids.join(", ")}]`)) },
  { weight: 4, arbitrary: fc.constantFrom(...odd, ...oddFlows).map(flowValue) },
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom("&a ", "&b ", "!!str ", "!!seq ", "!!map "), fc.constantFrom(...IDS, "[a]", "{b: c}")).map(([p, v]) => flowValue(p + v)) },
  { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom("a", "1", " ", ":", "#", "-", ",", "[", "{", "'", "\"", "&", "*", "!", "\\", "é"), maxLength: 10 }).map(flowValue) },
);

/** Kinds as written: right, near misses, wrong case, with odd characters. */
export const kindArb = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...KINDS) },
  { weight: 2, arbitrary: fc.constantFrom("tactc", "Tactic", "TACTIC", "pilar", "kpis", "strategyy", "initative", "\rtactic", "tactic\u2028", "\"tactic\"", "'pillar'", "!!str tactic", "&k tactic", "task", "", "~", "[tactic]") },
);

/** One item: its kind, id and fields (keys unique: a document repeats one on its own, see {@link documentArb}). */
export const itemArb = fc.record({
  kind: kindArb,
  /** An id four times in five (`freq` is the odds of null: 1 in 5). */
  id: fc.option(fc.constantFrom(...IDS), { freq: 5 }),
  fields: fc.uniqueArray(fc.tuple(fc.oneof({ weight: 15, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: fc.constantFrom(...ODD_KEYS) }), valueArb), { maxLength: 6, selector: ([key]) => key }),
  typeAt: fc.nat({ max: 8 }),
  anchor: fc.constantFrom("", "", "", "", "", "", "", "", "&m ", "!!map "),
  comment: fc.constantFrom("", "", " # note", "  #c"),
});
type ItemSpec = (typeof itemArb extends fc.Arbitrary<infer T> ? T : never) & { duplicate: boolean };

function pairsOf(item: ItemSpec): Array<[string, Value]> {
  const pairs: Array<[string, Value]> = [...item.fields];
  if (item.duplicate) pairs.push(pairs.length ? pairs[0] : ["type", flowValue("tactic")]);
  if (item.id !== null) pairs.unshift(["id", flowValue(item.id)]);
  pairs.splice(Math.min(item.typeAt, pairs.length), 0, ["type", flowValue(item.kind)]);
  return pairs;
}

/** An item as block map lines at column `indent`; the first line goes after `lead` (`- ` or nothing). */
function blockItem(item: ItemSpec, indent: number, lead: string): string[] {
  const pad = " ".repeat(indent);
  return pairsOf(item).map(([key, value], i) => {
    const text = value.text.replaceAll("{I}", pad);
    const sep = text.startsWith("\n") ? "" : " ";
    const prefix = i === 0 ? `${" ".repeat(indent - lead.length)}${lead}${item.anchor}` : pad;
    return `${prefix}${key}:${sep}${text}${text.includes("\n") ? "" : item.comment}`;
  });
}

/** An item as a flow map on one line (block-only values become `~`). */
function flowItem(item: ItemSpec): string {
  return `{${pairsOf(item).map(([key, value]) => `${key}: ${value.flow && !value.text.includes("\n") ? value.text : "~"}`).join(", ")}}`;
}

/** A whole front matter document: one item, or an `items:` queue in one of its layouts. */
export const documentArb = fc
  .record({
    layout: fc.constantFrom("root", "root", "items", "items-flush", "items-flow", "root-flow", "root-indented"),
    items: fc.array(itemArb, { minLength: 1, maxLength: 4 }),
    /** One document in twelve writes a key of its first item twice. */
    duplicate: fc.oneof({ weight: 11, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    prelude: fc.oneof({ weight: 12, arbitrary: fc.constant("") }, { weight: 4, arbitrary: fc.constantFrom("base: &a {pillar: growth, kpi: nrr}\n", "# owner: dana\n", "a: &a [x, y]\nb: &b [*a, *a]\n", "? complex\n: key\n", "%YAML 1.2\n") }),
    between: fc.constantFrom("", "", "# between\n", "\n"),
    eol: fc.constantFrom("\n", "\n", "\n", "\r\n"),
    /** One line break made odd: a lone CR, U+2028, NEL or CRLF in an LF file. */
    oddBreak: fc.oneof({ weight: 8, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(fc.nat(), fc.constantFrom("\r", "\u2028", "\u0085", "\r\n")) }),
    bom: fc.constantFrom("", "", "", "", "\uFEFF", "fm"),
    body: fc.constantFrom("", "Body\n", "# Title\n\nText with --- inside\n---\n", "---\nnot front matter\n", "odd \u2028 body\r\n", "<!-- type: tactic -->\n"),
  })
  .map(({ layout, items: specs, duplicate, prelude, between, eol, oddBreak, bom, body }) => {
    const items = specs.map((item, i) => ({ ...item, duplicate: duplicate && i === 0 }));
    let front: string;
    if (layout === "root" || layout === "root-indented") front = blockItem(items[0], layout === "root" ? 0 : 2, "").join("\n");
    else if (layout === "root-flow") front = flowItem(items[0]);
    else if (layout === "items-flow") front = `items:\n${items.map((item) => `  - ${flowItem(item)}`).join("\n")}`;
    else {
      const indent = layout === "items" ? 4 : 2;
      front = `items:\n${items.map((item) => blockItem(item, indent, "- ").join("\n")).join(`\n${between}`)}`;
    }
    let text = `---\n${bom === "fm" ? "\uFEFF" : ""}${prelude}${front}\n---\n${body}`;
    if (oddBreak) {
      const breaks = [...text.matchAll(/\n/g)].map((match) => match.index);
      const at = breaks[oddBreak[0] % breaks.length];
      text = text.slice(0, at) + oddBreak[1] + text.slice(at + 1);
    }
    return (bom === "\uFEFF" ? bom : "") + (eol === "\n" ? text : text.replace(/(?<!\r)\n/g, eol));
  });

const PATHS = ["pillars/growth.md", "kpis/nrr.md", "t.md", "q.md", "sprints/s1.md", "Tactic One.md", "__proto__.md", "constructor.md", "a/b/c.markdown", "s2.md", "1.10.md"];

/** Small fixed items that generated references can resolve to. */
const CONTEXT: Record<string, string> = {
  "ctx/growth.md": "---\ntype: pillar\nid: growth\nkpis: [nrr]\n---\n",
  "ctx/nrr.md": "---\ntype: kpi\nid: nrr\npillar: growth\ntarget: 110\n---\n",
  "ctx/s1.md": "---\ntype: sprint\nid: s1\ncapacity: 10\nstart: 2026-11-20\nend: 2026-12-03\n---\n",
  "ctx/plg.md": "---\ntype: initiative\nid: plg\npillar: growth\nkpis: [nrr]\nimpact: 4\nurgency: 3\neffort: 2\nestimate: 5\n---\n",
};

const CONFIGS = [
  "scoring:\n  model: rice\n",
  "scoring:\n  model: custom\n  formula: (impact * 2 + urgency) / effort\n",
  "scoring: {model: wsjf}\ncapacity:\n  split: {strategic: 0, tactical: 100}\n  tolerance: 0\n",
  "rules:\n  unknown-reference: off\n  schema: info\n",
  "review:\n  maxAgeDays: 1\nscoring:\n  model: ice\n",
  "scoring: [oops\n",
  "__proto__: {polluted: true}\nrules: {constructor: error}\n",
  "include: [\"**/+(a|aa)+(a|aa)b\", \"{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}/**\", \"**/*.md\"]\nexclude: [\"**/*(a|aa)*(a|aa)*(a|aa)c\", \"[\"]\n",
];

/** A workspace of generated files that refer to each other (and sometimes the fixed context and a config). */
export const workspaceArb: fc.Arbitrary<FuzzCase> = fc
  .record({
    docs: fc.array(fc.tuple(fc.constantFrom(...PATHS), documentArb), { minLength: 1, maxLength: 4 }),
    context: fc.boolean(),
    config: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(...CONFIGS) }),
    probes: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
    /** A first version of some files: the workspace is loaded with it, then set to the final texts. */
    first: fc.array(fc.tuple(fc.nat(), fc.option(documentArb)), { maxLength: 2 }),
  })
  .map(({ docs, context, config, probes, first }) => {
    const files: Record<string, string> = context ? { ...CONTEXT } : {};
    for (const [path, text] of docs) files[path] = text;
    const subjects = docs.map(([path]) => path).filter((path, i, all) => all.indexOf(path) === i);
    const before: Record<string, string> = { ...files };
    for (const [which, text] of first) {
      const path = subjects[which % subjects.length];
      if (text === null) delete before[path];
      else before[path] = text;
    }
    return { files, before, subjects, probes, ...(config === null ? {} : { config }) };
  });

/** Generated workspaces and mutated real files, mixed, and one case in 400 a large hostile file (they cost a second each). */
export const caseArb: fc.Arbitrary<FuzzCase> = fc.oneof({ weight: 240, arbitrary: workspaceArb }, { weight: 159, arbitrary: mutatedText }, { weight: 1, arbitrary: hostileArb });
