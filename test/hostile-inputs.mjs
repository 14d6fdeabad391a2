// Hostile strategy documents, as a pull request could bring them: the unit tests
// and `npm run bench:hostile` build them from here, at any size.

const fence = (lines) => `---\n${lines.join("\n")}\n---\nBody.\n`;

/** A "billion laughs" bomb: `levels` anchors, each a list of `width` aliases of the one before. */
export function aliasBomb(levels = 9, width = 9) {
  const names = "abcdefghijklmnopqrstuvwxyz";
  const lines = ["type: tactic", "title: bomb", `a: &a [${Array(width).fill("lol").join(",")}]`];
  for (let level = 1; level < levels; level++) {
    const [name, previous] = [names[level], names[level - 1]];
    lines.push(`${name}: &${name} [${Array(width).fill(`*${previous}`).join(",")}]`);
  }
  return fence(lines);
}

/** The same bomb built of maps, with merge keys (`<<: *a`) and anchors on maps. */
export function mergeKeyBomb(levels = 9, width = 9) {
  const names = "abcdefghijklmnopqrstuvwxyz";
  const keys = Array.from({ length: width }, (_, k) => `k${k}`);
  const lines = ["type: tactic", "title: merge bomb", `a: &a {${keys.map((k) => `${k}: lol`).join(", ")}}`];
  for (let level = 1; level < levels; level++) {
    const [name, previous] = [names[level], names[level - 1]];
    lines.push(`${name}: &${name} {<<: *${previous}, ${keys.map((k) => `${k}: *${previous}`).join(", ")}}`);
  }
  return fence(lines);
}

/** A bomb inside an `items:` list: every item holds the top of the bomb. */
export function itemsBomb(levels = 8, width = 9, items = 20) {
  const names = "abcdefghijklmnopqrstuvwxyz";
  const lines = ["defs:", `  a: &a [${Array(width).fill("lol").join(",")}]`];
  for (let level = 1; level < levels; level++) {
    const [name, previous] = [names[level], names[level - 1]];
    lines.push(`  ${name}: &${name} [${Array(width).fill(`*${previous}`).join(",")}]`);
  }
  lines.push("items:");
  for (let i = 0; i < items; i++) lines.push(`  - {type: tactic, id: bomb-${i}, notes: *${names[levels - 1]}}`);
  return fence(lines);
}

/** `depth` nested flow sequences: `x: [[[[…]]]]`. */
export function deepFlow(depth = 20000) {
  return fence(["type: tactic", `x: ${"[".repeat(depth)}${"]".repeat(depth)}`]);
}

/** `depth` nested block maps, one more space of indentation a level. */
export function deepBlock(depth = 2000) {
  const lines = ["type: tactic", "x:"];
  for (let level = 1; level <= depth; level++) lines.push(`${" ".repeat(level)}k${level}:`);
  lines[lines.length - 1] += " end";
  return fence(lines);
}

/** `count` items in one `items:` list, all with the same id. */
export function duplicateIds(count = 16000) {
  return fence(["items:", ...Array.from({ length: count }, () => "- {type: tactic, id: x}")]);
}

/** A KPI whose id is `length` characters, and a tactic whose `kpi:` is that id plus one letter (two files). */
export function longIds(length = 20000) {
  const id = `k${"a".repeat(length - 1)}`;
  return {
    "kpi.md": fence(["type: kpi", `id: ${id}`, "target: 1"]),
    "tactic.md": fence(["type: tactic", "id: t", `kpi: ${id}b`]),
  };
}

/** One map with `count` keys; `fallback` adds a tab so that the full YAML parser reads it. */
export function manyKeys(count = 80000, fallback = false) {
  const lines = ["type: tactic", ...Array.from({ length: count }, (_, i) => `key${i}: v`)];
  if (fallback) lines.push("tabbed:\tvalue");
  return fence(lines);
}

/** An honest queue: `count` items in one file (2.6 MB of front matter at 20,000). */
export function bigQueue(count = 20000) {
  const lines = ["items:"];
  for (let i = 0; i < count; i++) {
    lines.push(`  - type: tactic`, `    id: task-${i}`, `    title: Task number ${i} of the queue`, `    pillar: growth`, `    kpi: nrr`);
    lines.push(`    impact: ${1 + (i % 5)}`, `    urgency: ${1 + ((i * 3) % 5)}`, `    effort: ${1 + ((i * 7) % 5)}`, `    estimate: 3`, `    status: idea`);
  }
  return fence(lines);
}

/** An ordinary, valid pair of files to check beside the hostile ones. */
export const PLAIN = {
  "pillar.md": fence(["type: pillar", "id: growth", "kpis: [nrr]"]),
  "nrr.md": fence(["type: kpi", "id: nrr", "pillar: growth", "target: 110"]),
  "plain.md": fence(["type: tactic", "id: plain", "pillar: growth"]),
};

/** Every hostile case by name: file name → text. */
export const HOSTILE = {
  "alias-bomb": () => ({ "bomb.md": aliasBomb() }),
  "merge-key-bomb": () => ({ "bomb.md": mergeKeyBomb() }),
  "items-bomb": () => ({ "bomb.md": itemsBomb() }),
  "deep-flow": () => ({ "deep.md": deepFlow() }),
  "deep-block": () => ({ "deep.md": deepBlock() }),
  "duplicate-ids": () => ({ "dupes.md": duplicateIds() }),
  "long-ids": () => longIds(),
  "many-keys": () => ({ "keys.md": manyKeys() }),
  "many-keys-fallback": () => ({ "keys.md": manyKeys(40000, true) }),
  "fix-choices": () => kpisAndTactics(5000),
  "fix-did-you-mean": () => kpisAndTactics(5000, true),
  "long-history": () => ({ "kpi.md": longHistory() }),
  "many-sprints": () => manySprints(),
};

/** `count` KPIs in one `items:` list and `count` tactics in another that name none (`offByOne`: each names a KPI's id plus a letter). */
export function kpisAndTactics(count = 5000, offByOne = false) {
  const kpis = ["items:"];
  const tactics = ["items:"];
  for (let i = 0; i < count; i++) {
    kpis.push(`  - {type: kpi, id: kpi-number-${i}, pillar: growth, target: 1}`);
    tactics.push(`  - {type: tactic, id: tactic-${i}, pillar: growth${offByOne ? `, kpi: kpi-number-${i}x` : ""}, impact: 3, urgency: 3, effort: 3}`);
  }
  return { "kpis.md": fence(kpis), "tactics.md": fence(tactics) };
}

/** A tactic whose `kpis:` names `count` ids (each resolved, each possibly a diagnostic). */
export function manyRefs(count = 2000) {
  return fence(["type: tactic", "id: many-refs", `kpis: [${Array.from({ length: count }, (_, i) => `k${i}`).join(", ")}]`]);
}

/** A KPI with `count` readings in its `history` (a flow map each), out of date order. */
export function longHistory(count = 100000) {
  const lines = ["type: kpi", "id: long-history", "baseline: 0", "target: 100", "current: 50", "due: 2027-06-30", "history:"];
  for (let i = 0; i < count; i++) lines.push(`  - {date: ${2000 + (i * 7919) % 27}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}, value: ${i % 100}}`);
  return fence(lines);
}

/** `count` ended sprints and one done tactic in each, in two `items:` lists: every sprint in the trend, quarters and drift. */
export function manySprints(count = 3000) {
  const sprints = ["items:"];
  const tactics = ["items:"];
  for (let i = 0; i < count; i++) {
    const day = new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    sprints.push(`  - {type: sprint, id: s${i}, capacity: 10, start: ${day}, end: ${day}}`);
    tactics.push(`  - {type: tactic, id: t${i}, sprint: s${i}, carried: [s${Math.max(0, i - 1)}], estimate: 3, status: done, started: ${day}, done: ${day}}`);
  }
  return { "sprints.md": fence(sprints), "tactics.md": fence(tactics) };
}
