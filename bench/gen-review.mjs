#!/usr/bin/env node
// How the generator is extended locally (SPEC §8 review data at scale)
// ----------------------------------------------------------------------
// ../shared/tools/gen-corpus.mjs is shared and read-only: it writes pillars, KPIs, initiatives,
// tactics (some in `items:` queue files) and ten undated sprints `2026-s01`…`2026-s10`. This
// script post-processes such a folder in place so the sprint review, the KPI report and the four
// §8 rules have work to do, and adds what it planted to the folder's expected.json:
//   - sprints get two-week dates around --today: s01–s06 ended, s07 current (today inside it),
//     s08 next, s09–s10 later;
//   - ~25% of the backlog items are done, with a `done` date in the 26 weeks before today (so
//     several calendar quarters have delivery metrics and a change), `started` on 80% of them, and the sprint
//     holding that date on about a third; open items that had a sprint move to an ended
//     (left open: carried over), the current, the next or a later sprint, some with `carried`
//     naming one or two ended sprints before it (two: `chronic-carry-over`);
//   - every KPI gets a monthly `history` (2–8 readings), `current` and `measured` (the last
//     reading; 15% older than 45 days: `kpi-stale`), and some `due`, `confidence` and
//     `level: tactical` (15%; most initiatives that had one get a strategic KPI instead, the rest
//     are `strategic-work-tactical-kpi`).
// Deterministic for a seed (its own mulberry32 stream), one pass over the files, every list
// bounded (history ≤ 8, carried ≤ 2). It knows the generator's output format (`key: value`
// lines; queue items as `  - ` blocks) and rewrites only the fields it sets.
//
//   node bench/gen-review.mjs --dir DIR [--today 2026-11-30] [--seed 1]
//   node bench/gen-review.mjs --items 10000 --out DIR [--today …] [--seed …]   (runs gen-corpus first)
// From another bench: import { generateDatedCorpus, addReviewData } from "./gen-review.mjs".
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { arg, GEN_CORPUS } from "./common.mjs";

/** The day the generated dates are laid out around, unless told otherwise (the suites' day). */
export const REVIEW_TODAY = "2026-11-30";
/** How many of the ten generated sprints have ended by today; the next one is current. */
const ENDED = 6;
const STALE_AFTER = 45;

const DAY = 86_400_000;
const addDays = (iso, days) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** mulberry32, as gen-corpus uses: small and deterministic. */
function generator(seed) {
  let state = seed | 0;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { random, int: (lo, hi) => lo + Math.floor(random() * (hi - lo + 1)) };
}

/** Front matter split into item blocks of ordered `[key, raw value]` pairs (`queue` when it is an `items:` list). */
function parse(text) {
  const end = text.indexOf("\n---\n", 4);
  const front = text.slice(4, end);
  const body = text.slice(end + 5);
  const pairs = (lines) => lines.filter(Boolean).map((line) => {
    const colon = line.indexOf(":");
    return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
  });
  if (!front.startsWith("items:")) return { queue: false, blocks: [new Map(pairs(front.split("\n")))], body };
  const blocks = front.slice("items:\n".length).split(/^ {2}- /m).filter(Boolean).map((block) => new Map(pairs(block.split("\n"))));
  return { queue: true, blocks, body };
}

function serialize({ queue, blocks, body }) {
  const lines = (block) => [...block].filter(([, value]) => value !== undefined).map(([key, value]) => `${key}:${value.startsWith("\n") ? "" : " "}${value}`);
  const front = queue ? `items:\n${blocks.map((block) => `  - ${lines(block).join("\n    ")}`).join("\n")}` : lines(blocks[0]).join("\n");
  return `---\n${front}\n---\n${body}`;
}

/** The generated sprints' ids, oldest first, with their dates around `today`. */
function layOutSprints(ids, today) {
  const currentStart = addDays(today, -3);
  return ids.map((id, i) => {
    const start = addDays(currentStart, (i - ENDED) * 14);
    return { id, number: i + 1, start, end: addDays(start, 11), ended: i < ENDED };
  });
}

/**
 * Adds SPEC §8 review data to a folder written by gen-corpus.mjs, in place (see the top of this
 * file), and the counts of what it planted to its expected.json. Returns those counts.
 * @param {string} dir the generated workspace
 * @param {{ today?: string, seed?: number }} [options] the day to lay the dates around, the seed
 */
export function addReviewData(dir, { today = REVIEW_TODAY, seed = 1 } = {}) {
  const { random, int } = generator(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const folder = (name) => readdirSync(join(dir, name)).filter((file) => file.endsWith(".md")).sort().map((file) => join(dir, name, file));
  const sprintFiles = folder("sprints");
  const sprints = layOutSprints(sprintFiles.map((file) => basename(file, ".md")), today);
  const ended = sprints.filter((sprint) => sprint.ended);
  const planted = { "kpi-stale": 0, "chronic-carry-over": 0, "strategic-work-tactical-kpi": 0 };
  const counts = { done: 0, started: 0, carried: 0, inSprints: 0, readings: 0 };

  sprintFiles.forEach((file, i) => {
    const { number, start, end } = sprints[i];
    writeFileSync(file, `---\ntype: sprint\ntitle: Sprint ${number}\ncapacity: 400\nstart: ${start}\nend: ${end}\n---\n`);
  });

  // KPIs first: an initiative's finding depends on its KPI's level.
  const tactical = new Set();
  const strategicKpis = [];
  for (const file of folder("kpis")) {
    const parsed = parse(readFileSync(file, "utf8"));
    const kpi = parsed.blocks[0];
    const id = basename(file, ".md");
    const baseline = Number(kpi.get("baseline"));
    const hasTarget = kpi.has("target");
    const goal = hasTarget ? Number(kpi.get("target")) : baseline * 1.5;
    const stale = random() < 0.15;
    const measured = addDays(today, stale ? -int(STALE_AFTER + 1, 150) : -int(0, 40));
    const n = int(2, 8);
    const reach = random() * 1.2 - 0.1; // how far towards the goal the last reading is (a little past it, or the wrong way)
    const history = [];
    for (let j = n - 1; j >= 0; j--) {
      const share = (reach * (n - j)) / n + (random() - 0.5) * 0.05;
      history.push(`{date: ${addDays(measured, -30 * j)}, value: ${Math.round((baseline + (goal - baseline) * share) * 10) / 10}}`);
    }
    counts.readings += n;
    if (stale && hasTarget) planted["kpi-stale"]++;
    if (random() < 0.15) {
      kpi.set("level", "tactical");
      tactical.add(id);
    } else strategicKpis.push(id);
    kpi.set("current", history[n - 1].replace(/.*value: (.*)\}/, "$1"));
    kpi.set("measured", measured);
    // Block style, as the examples and recordReading write it (a one-line list of maps is read by the full YAML parser).
    kpi.set("history", `\n${history.map((reading) => `  - ${reading}`).join("\n")}`);
    if (random() < 0.5) kpi.set("due", addDays(today, int(-30, 400)));
    if (random() < 0.5) kpi.set("confidence", String(int(10, 95)));
    writeFileSync(file, serialize(parsed));
  }

  const sprintAt = (day) => sprints.find((sprint) => sprint.start <= day && day <= sprint.end);
  const carriedBefore = (sprint, count) => {
    const earlier = ended.filter((candidate) => candidate.number < sprint.number).slice(-count);
    return earlier.length ? earlier.map((entry) => entry.id) : undefined;
  };
  const backlogItem = (item) => {
    const strategic = item.get("type") === "initiative";
    // Most strategic work that gen-corpus gave a tactical KPI is measured by a strategic one instead.
    if (strategic && tactical.has(item.get("kpi")) && random() < 0.85) item.set("kpi", pick(strategicKpis));
    if (strategic && tactical.has(item.get("kpi"))) planted["strategic-work-tactical-kpi"]++;
    if (item.get("status") === "done" || (strategic && random() < 0.25)) {
      const done = addDays(today, -int(1, 182));
      item.set("status", "done");
      item.set("done", done);
      counts.done++;
      if (random() < 0.8) {
        item.set("started", addDays(done, -int(0, strategic ? 45 : 15)));
        counts.started++;
      }
      const sprint = sprintAt(done);
      item.set("sprint", sprint && random() < 0.35 ? sprint.id : undefined);
      const carried = item.get("sprint") && random() < 0.1 ? carriedBefore(sprint, 1) : undefined;
      item.set("carried", carried && `[${carried}]`);
    } else {
      if (item.get("status") === "in-progress") {
        item.set("started", addDays(today, -int(1, 60)));
        counts.started++;
      }
      if (!item.has("sprint") && random() >= 0.03) return;
      const roll = random();
      const sprint = roll < 0.15 ? pick(ended) : roll < 0.6 ? sprints[ENDED] : roll < 0.85 ? sprints[ENDED + 1] : pick(sprints.slice(ENDED + 2));
      item.set("sprint", sprint.id);
      if (random() < 0.2) {
        const carried = carriedBefore(sprint, int(1, 2));
        item.set("carried", carried && `[${carried.join(", ")}]`);
        if (carried?.length >= 2) planted["chronic-carry-over"]++;
      }
    }
    if (item.get("sprint")) counts.inSprints++;
    if (item.get("carried")) counts.carried++;
  };
  for (const file of [...folder("initiatives"), ...folder("tactics"), ...folder("queues")]) {
    const parsed = parse(readFileSync(file, "utf8"));
    parsed.blocks.forEach(backlogItem);
    writeFileSync(file, serialize(parsed));
  }

  const expectedFile = join(dir, "expected.json");
  const expected = JSON.parse(readFileSync(expectedFile, "utf8"));
  expected.rules = { ...expected.rules, ...planted };
  expected.review = { today, seed, sprints: sprints.map(({ id, start, end }) => ({ id, start, end })), ...counts };
  writeFileSync(expectedFile, `${JSON.stringify(expected, null, 2)}\n`);
  return expected;
}

/**
 * Runs gen-corpus.mjs into `out`, then {@link addReviewData}: a dated workspace of about `items` items.
 * @param {{ items: number, out: string, today?: string, seed?: number }} options
 */
export function generateDatedCorpus({ items, out, today = REVIEW_TODAY, seed = 1 }) {
  execFileSync(process.execPath, [GEN_CORPUS, "--items", String(items), "--out", out, "--seed", String(seed)], { stdio: "ignore" });
  return addReviewData(out, { today, seed });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const today = arg("today", REVIEW_TODAY);
  const seed = Number(arg("seed", 1));
  const out = arg("dir", undefined) ?? arg("out", undefined);
  if (!out || !/^\d{4}-\d{2}-\d{2}$/.test(today) || !Number.isInteger(seed)) {
    console.error("usage: gen-review.mjs --dir DIR | --items N --out DIR  [--today YYYY-MM-DD] [--seed S]");
    process.exit(2);
  }
  const expected = arg("items", undefined) ? generateDatedCorpus({ items: Number(arg("items")), out, today, seed }) : addReviewData(out, { today, seed });
  const { done, started, carried, inSprints, readings } = expected.review;
  console.log(`dated ${out} around ${today}: ${done} done, ${started} started, ${inSprints} in sprints, ${carried} carried, ${readings} KPI readings; planted ${JSON.stringify({ ...expected.rules })}`);
}
