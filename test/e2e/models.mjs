/**
 * Board models for the e2e tests and the benchmark, built by the real core
 * (`buildBoard`, loaded through tsx): the examples/ workspace, a hostile copy
 * whose document text is markup, and large synthetic backlogs.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildBoard, buildKpiTab, buildReviewTab } from "../../src/core/index.ts";
import { readTree, TODAY_ISO as TODAY, workspaceOf } from "../unit/helpers.ts";
import { ROOT } from "./harness/page.mjs";

/** The fixed "today" of the tests (`YYYY-MM-DD`: sprint 2026-s14 is running) and a workspace over path → text, as the unit tests have them. */
export { TODAY, workspaceOf };
export { buildBoard, buildKpiTab, buildReviewTab };
/** The host's wire encoding of the model and its patches (src/board-wire.ts). */
export { diffBoard, encodeModel } from "../../src/board-wire.ts";

/** The worst problem and the count of problems of each item, from the workspace's diagnostics (as the host's published ones). */
export function problemsFrom(workspace) {
  const rank = { error: 3, warning: 2, info: 1 };
  const byItem = new Map();
  for (const issue of workspace.allIssues(false)) {
    if (!issue.itemId) continue;
    const key = `${issue.file}#${issue.itemId.toLowerCase()}`;
    const entry = byItem.get(key) ?? { level: null, count: 0 };
    entry.count++;
    if (!entry.level || rank[issue.severity] > rank[entry.level]) entry.level = issue.severity;
    byItem.set(key, entry);
  }
  return (item) => byItem.get(`${item.file}#${item.key}`) ?? { level: null, count: 0 };
}

const EXAMPLES = join(ROOT, "examples");

let examples;
/** The examples/ workspace (loaded once: buildBoard only reads it). */
export function examplesWorkspace() {
  examples ??= workspaceOf(Object.fromEntries(readTree(EXAMPLES)), readFileSync(join(EXAMPLES, "strategy.config.yaml"), "utf8"));
  return examples;
}

/** The score terms of a model's items by uid (what the host answers `explain` with). */
export const breakdownsOf = new WeakMap();

/** The board of examples/ (sprint 2026-s14 by default), with problem badges. */
export function exampleModel(options = {}) {
  const workspace = examplesWorkspace();
  const breakdowns = new Map();
  const model = buildBoard(workspace, { today: TODAY, generation: 1, folder: "examples", folders: ["examples"], problemsOf: problemsFrom(workspace), breakdowns, ...options });
  breakdownsOf.set(model, breakdowns);
  return model;
}

/** The day the examples' Review and KPIs tabs are shown on (as in the integration tests): three sprints have ended. */
export const REVIEW_DAY = "2026-11-30";

/** The Review tab of examples/ on {@link REVIEW_DAY} (the latest ended sprint unless `sprint` names another). */
export function exampleReviewModel(options = {}) {
  return buildReviewTab(examplesWorkspace(), { today: REVIEW_DAY, generation: 1, folder: "examples", folders: ["examples"], ...options });
}

/** The KPIs tab of examples/ on {@link REVIEW_DAY}. */
export function exampleKpiModel(options = {}) {
  return buildKpiTab(examplesWorkspace(), { today: REVIEW_DAY, generation: 1, folder: "examples", folders: ["examples"], ...options });
}

export const HOSTILE = `<img src=x onerror=alert(1)>`;

/**
 * The example board with markup everywhere document text shows: an item's title,
 * a pillar id and title, a sprint id and title, a note, a does-not-fit entry, a
 * missing field of an unranked item and an explanation.
 */
export function hostileModel(generation = 1) {
  const model = structuredClone(exampleModel({ generation }));
  const evil = (tag) => `${HOSTILE}${tag}`;
  const first = model.items.find((item) => item.track === "strategic");
  first.title = evil(" title");
  first.explanation = evil(" explanation");
  const tactic = model.items.find((item) => item.track === "tactical");
  tactic.title = `<script>alert(2)</script><b>bold</b> & "quotes"`;
  const pillarId = first.pillar;
  const pillar = model.pillars.find((p) => p.id === pillarId);
  pillar.title = evil(" pillar title");
  for (const item of [...model.items, ...model.unranked, ...model.closed]) if (item.pillar === pillarId) item.pillar = evil("-pillar");
  pillar.id = evil("-pillar");
  for (const entry of model.plan.byPillar) if (entry.pillar === pillarId) Object.assign(entry, { pillar: evil("-pillar"), title: evil(" pillar title") });
  const sprintId = model.sprint;
  const hostileSprint = evil("-sprint");
  for (const sprint of model.sprints) if (sprint.id === sprintId) Object.assign(sprint, { id: hostileSprint, title: evil(" sprint title") });
  for (const item of [...model.items, ...model.unranked, ...model.closed]) if (item.sprint === sprintId) item.sprint = hostileSprint;
  model.sprint = hostileSprint;
  model.plan.sprint = hostileSprint;
  model.plan.notes = [...model.plan.notes, evil(" note")];
  model.plan.doesNotFit = [...model.plan.doesNotFit, evil("-does-not-fit")];
  if (model.unranked[0]) model.unranked[0].missing = [evil("-field")];
  model.folder = evil("-folder");
  return model;
}

/**
 * A synthetic workspace of `count` backlog items (initiatives and tactics alternating,
 * scores, pillars and open statuses spread out) over 4 pillars and one 200-unit sprint: everything scored, nothing closed.
 */
export function bigWorkspace(count) {
  const files = {
    "sprint.md": "---\ntype: sprint\nid: big-s1\ncapacity: 200\nstart: 2026-11-16\nend: 2026-11-27\n---\n",
  };
  const pillars = ["growth", "retention", "platform", "brand"];
  pillars.forEach((p) => {
    files[`pillars/${p}.md`] = `---\ntype: pillar\nid: ${p}\ntitle: Pillar ${p}\nkpis: [${p}-kpi]\n---\n`;
    files[`kpis/${p}-kpi.md`] = `---\ntype: kpi\nid: ${p}-kpi\npillar: ${p}\nmetric: m\ntarget: 10\n---\n`;
  });
  for (let i = 0; i < count; i++) {
    const kind = i % 2 ? "tactic" : "initiative";
    const pillar = pillars[Math.floor(i / 2) % 4];
    const status = ["idea", "planned", "in-progress"][i % 3];
    const id = `${kind}-${String(i).padStart(5, "0")}`;
    files[`${kind}s/${id}.md`] =
      `---\ntype: ${kind}\nid: ${id}\ntitle: ${kind === "tactic" ? "Tactic" : "Initiative"} number ${i}\npillar: ${pillar}\nkpi: ${pillar}-kpi\n` +
      `impact: ${1 + (i % 5)}\nurgency: ${1 + ((i * 7) % 5)}\neffort: ${1 + ((i * 3) % 5)}\nestimate: ${1 + (i % 8)}\nstatus: ${status}\n---\n`;
  }
  return workspaceOf(files);
}

const big = new Map();
/** The board of {@link bigWorkspace} (each size built once; a fresh copy each call). */
export function bigModel(count, generation = 1) {
  if (!big.has(count)) big.set(count, buildBoard(bigWorkspace(count), { today: TODAY, generation: 0 }));
  return { ...structuredClone(big.get(count)), generation };
}

/**
 * The examples' Review tab with markup wherever document text shows: the reviewed sprint's id
 * and title, a carried-over item's id and title, the drift's sprints, a quarter's label, the folder.
 */
export function hostileReviewModel(generation = 1) {
  const model = structuredClone(exampleReviewModel({ generation }));
  const evil = (tag) => `${HOSTILE}${tag}`;
  const { review } = model;
  const sprint = model.sprint;
  const sprintId = evil("-sprint");
  const rename = (id) => (id === sprint ? sprintId : id);
  for (const entry of model.sprints) if (entry.id === sprint) Object.assign(entry, { id: sprintId, title: evil(" sprint title") });
  model.sprint = review.sprint = sprintId;
  for (const point of review.trend) point.sprint = rename(point.sprint);
  if (review.drift) review.drift.sprints = review.drift.sprints.map(rename);
  const item = review.carriedOver.items[0];
  review.carriedOver.items[0] = evil("-item");
  for (const location of model.locations) {
    if (location.id === sprint) Object.assign(location, { id: sprintId, title: evil(" sprint title") });
    if (location.id === item) Object.assign(location, { id: evil("-item"), title: evil(" item title") });
  }
  review.quarters[0].quarter = evil("-Q");
  model.folder = evil("-folder");
  return model;
}

/**
 * The examples' KPIs tab with markup wherever document text shows: an objective's title and pillar id,
 * a key result's id, title, unit and progress note, an item that moves it, and an unattached KPI's title.
 */
export function hostileKpiModel(generation = 1) {
  const model = structuredClone(exampleKpiModel({ generation }));
  const evil = (tag) => `${HOSTILE}${tag}`;
  const objective = model.report.objectives[0];
  const [kr, second] = objective.keyResults;
  const relabel = (id, next, title) => {
    for (const location of model.locations) if (location.id === id) Object.assign(location, { id: next, title });
  };
  relabel(objective.pillar, evil("-pillar"), evil(" objective title"));
  Object.assign(objective, { pillar: evil("-pillar"), title: evil(" objective title") });
  relabel(kr.id, evil("-kpi"), evil(" kpi title"));
  Object.assign(kr, { id: evil("-kpi"), title: evil(" kpi title"), unit: evil(" unit") });
  relabel(kr.movedBy[0], evil("-mover"), evil(" mover title"));
  kr.movedBy[0] = evil("-mover");
  Object.assign(second, { progress: null, progressNote: evil(" note"), pace: null });
  if (model.report.unattached[0]) model.report.unattached[0].title = evil(" unattached title");
  return model;
}

/** The KPIs tab of a workspace with `pillars` pillars of two measured KPIs each, each moved by two tactics (a long report). */
export function manyKpisModel(pillars, generation = 1) {
  const files = {};
  for (let p = 0; p < pillars; p++) {
    const id = `pillar-${String(p).padStart(3, "0")}`;
    files[`pillars/${id}.md`] = `---\ntype: pillar\nid: ${id}\ntitle: Pillar ${p}\n---\n`;
    for (let k = 0; k < 2; k++) {
      const kpi = `${id}-kpi-${k}`;
      files[`kpis/${kpi}.md`] = `---\ntype: kpi\nid: ${kpi}\npillar: ${id}\nmetric: m\nunit: "%"\nbaseline: 10\ncurrent: ${12 + (p % 7)}\ntarget: 30\nmeasured: 2026-11-02\ndue: 2027-06-30\nhistory:\n  - { date: 2026-09-01, value: 10 }\n  - { date: 2026-10-01, value: 11 }\n  - { date: 2026-11-02, value: ${12 + (p % 7)} }\n---\n`;
      for (let t = 0; t < 2; t++) files[`tactics/${kpi}-t${t}.md`] = `---\ntype: tactic\nid: ${kpi}-t${t}\ntitle: Tactic ${t} for ${kpi}\npillar: ${id}\nkpi: ${kpi}\n---\n`;
    }
  }
  return buildKpiTab(workspaceOf(files), { today: REVIEW_DAY, generation, folder: "many", folders: ["many"] });
}
