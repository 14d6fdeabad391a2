/**
 * Large hostile documents, the classes of issue 8 at random sizes: alias bombs
 * (flow lists, merge keys, anchors on maps, aliases in an `items:` queue), deep
 * nesting (flow and block), many keys in one map (with a tab or an anchor that
 * sends it to the full parser), many items sharing one id, and long ids that
 * differ by a letter. Each is checked beside an ordinary file, under the larger
 * budget {@link LARGE_BUDGET_MS}: a budget may cut such a file short, never hang.
 */
import fc from "fast-check";
import type { FuzzCase } from "./common";

/** Per-operation budget (ms) for these cases: "a second or two at any size under the file limit". */
export const LARGE_BUDGET_MS = 2000;

const ORDINARY = { "ok/growth.md": "---\ntype: pillar\nid: growth\nkpis: [nrr]\n---\n", "ok/nrr.md": "---\ntype: kpi\nid: nrr\npillar: growth\ntarget: 1\n---\n" };

/** `levels` anchors, each a collection of `width` aliases of the one before. */
function bomb(style: string, levels: number, width: number): string {
  const name = (i: number) => `a${i}`;
  const lines = [style === "map" || style === "merge" ? `${name(0)}: &${name(0)} {x: lol}` : `${name(0)}: &${name(0)} [lol, lol]`];
  for (let i = 1; i < levels; i++) {
    const refs = Array.from({ length: width }, (_, j) => (style === "map" ? `k${j}: *${name(i - 1)}` : `*${name(i - 1)}`));
    if (style === "merge") lines.push(`${name(i)}: &${name(i)}\n${Array.from({ length: width }, (_, j) => `  k${j}: *${name(i - 1)}`).join("\n")}\n  <<: *${name(i - 1)}`);
    else lines.push(style === "map" ? `${name(i)}: &${name(i)} {${refs.join(", ")}}` : `${name(i)}: &${name(i)} [${refs.join(", ")}]`);
  }
  const last = name(levels - 1);
  if (style === "items") return `---\nitems:\n  - &e {type: tactic, id: t, x: *${last}}\n${Array.from({ length: width }, () => "  - *e").join("\n")}\n---\n`.replace("items:\n", `${lines.join("\n")}\nitems:\n`);
  return `---\ntype: tactic\ntitle: bomb\n${lines.join("\n")}\nb: *${last}\n---\n`;
}

function nested(flow: boolean, depth: number): string {
  if (flow) return `---\ntype: tactic\nx: ${"[".repeat(depth)}${"]".repeat(depth)}\n---\n`;
  return `---\ntype: tactic\nx:\n${Array.from({ length: depth }, (_, i) => `${"  ".repeat(i + 1)}k${i}:`).join("\n")} 1\n---\n`;
}

function manyKeys(count: number, fallback: string): string {
  const keys = Array.from({ length: count }, (_, i) => `k${i}: ${i}`);
  if (fallback) keys[count >> 1] = `k${count >> 1}:${fallback}1`;
  return `---\ntype: tactic\nid: keys\n${keys.join("\n")}\n---\n`;
}

const sameId = (count: number, flow: boolean) =>
  `---\nitems:\n${Array.from({ length: count }, () => (flow ? "  - {type: tactic, id: x}" : "  - type: tactic\n    id: x")).join("\n")}\n---\n`;

/** One large hostile file among ordinary ones. */
export const hostileArb: fc.Arbitrary<FuzzCase> = fc
  .oneof(
    fc.tuple(fc.constantFrom("flow", "map", "merge", "items"), fc.integer({ min: 2, max: 9 }), fc.integer({ min: 2, max: 9 })).map(([style, levels, width]) => ({ "bomb.md": bomb(style, levels, width) })),
    fc.tuple(fc.boolean(), fc.integer({ min: 10, max: 20_000 })).map(([flow, depth]) => ({ "deep.md": nested(flow, flow ? depth : Math.min(depth, 700)) })),
    fc.tuple(fc.integer({ min: 100, max: 40_000 }), fc.constantFrom("", " ", "\t", " &a ")).map(([count, fallback]) => ({ "keys.md": manyKeys(count, fallback) })),
    fc.tuple(fc.integer({ min: 10, max: 3000 }), fc.boolean()).map(([count, flow]) => ({ "same.md": sameId(count, flow) })),
    fc.integer({ min: 10, max: 20_000 }).map((length) => {
      const id = `k${"x".repeat(length)}`;
      return { "k.md": `---\ntype: kpi\nid: ${id}\ntarget: 1\n---\n`, "t.md": `---\ntype: tactic\nid: t\nkpi: ${id}y\npillar: growth\n---\n` };
    }),
  )
  .map((files) => ({ files: { ...ORDINARY, ...files }, subjects: Object.keys(files), probes: [7], budget: LARGE_BUDGET_MS }));
