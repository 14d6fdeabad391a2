/**
 * Models of the board's Roadmap and Calendar tabs, and of the Plan tab with
 * money and team scores, built by the real core (through tsx): a small
 * campaign workspace with own flight dates on two channels, sprint dates,
 * milestones, budgets (one sprint over its budget), two people's scores (one
 * disagreement) and a tactic on two channels; a hostile copy whose document
 * text is markup; and large dated workspaces for the benchmark.
 */
import { buildBoard, buildCalendarTab, buildRoadmapTab } from "../../src/core/index.ts";
import { breakdownsOf, examplesWorkspace, HOSTILE, REVIEW_DAY, workspaceOf } from "./models.mjs";

export { buildCalendarTab, buildRoadmapTab };

/** The campaign workspace's day: sprint s2 runs (30 Nov – 11 Dec 2026). */
export const TIME_DAY = "2026-11-30";

/** The campaign workspace's documents (path → text); `evil` replaces document text with markup. */
export function campaignFiles(evil = (text) => text) {
  const doc = (lines) => `---\n${lines.join("\n")}\n---\n`;
  return {
    "pillars/growth.md": doc(["type: pillar", "id: growth", `title: ${JSON.stringify(evil("Growth"))}`, "budget: 50000"]),
    "pillars/retention.md": doc(["type: pillar", "id: retention", "title: Retention"]),
    "sprints/s1.md": doc(["type: sprint", "id: 2026-s1", "title: Sprint 1", "start: 2026-11-16", "end: 2026-11-27", "capacity: 20"]),
    "sprints/s2.md": doc(["type: sprint", "id: 2026-s2", "title: Sprint 2", "start: 2026-11-30", "end: 2026-12-11", "capacity: 20", "budget: 5000"]),
    "initiatives/launch.md": doc([
      "type: initiative", "id: launch", `title: ${JSON.stringify(evil("AI builder launch"))}`, "pillar: growth", "start: 2026-10-05", "end: 2026-12-18", "due: 2026-12-10",
      "budget: 12000", "estimate: 5", "status: in-progress", "sprint: 2026-s2",
      "scores:", `  ${JSON.stringify(evil("dana"))}: { impact: 5, urgency: 3, effort: 2 }`, "  li: { impact: 2, urgency: 3, effort: 3 }",
    ]),
    "initiatives/renewal.md": doc(["type: initiative", "id: renewal", "title: Renewal playbook", "pillar: retention", "sprint: 2026-s2", "budget: 3000", "estimate: 3", "impact: 4", "urgency: 4", "effort: 2", "status: planned"]),
    "initiatives/roi.md": doc(["type: initiative", "id: roi-calculator", "title: ROI calculator", "pillar: growth", "impact: 3", "urgency: 2", "effort: 3", "status: idea"]),
    "initiatives/gala.md": doc(["type: initiative", "id: partner-gala", "title: Partner gala", "pillar: retention", "due: 2027-01-20", "status: planned"]),
    "tactics/linkedin.md": doc([
      "type: tactic", "id: linkedin-ads", `title: ${JSON.stringify(evil("LinkedIn ads"))}`, "initiative: launch", `channel: [${JSON.stringify(evil("LinkedIn"))}, Paid social]`,
      "start: 2026-11-23", "end: 2026-12-04", "budget: 4000", "impact: 3", "urgency: 4", "effort: 2", "status: planned",
    ]),
    "tactics/newsletter.md": doc(["type: tactic", "id: newsletter", "title: December newsletter", "pillar: retention", "channel: email", "start: 2026-12-01", "end: 2026-12-01", "budget: 500", "impact: 2", "urgency: 2", "effort: 1", "status: planned", "sprint: 2026-s2"]),
    "tactics/webinar.md": doc(["type: tactic", "id: webinar", "title: Launch webinar", "initiative: launch", "channel: email", "sprint: 2026-s2", "due: 2026-12-09", "impact: 4", "urgency: 3", "effort: 2", "status: planned"]),
    "tactics/retarget.md": doc(["type: tactic", "id: retargeting", "title: Retargeting", "pillar: growth", "channel: Paid social", "start: 2026-11-02", "end: 2026-11-20", "status: done"]),
    "tactics/dropped.md": doc(["type: tactic", "id: billboard", "title: Billboard", "pillar: growth", "channel: outdoor", "start: 2026-12-01", "end: 2026-12-31", "status: dropped"]),
    "tactics/idea.md": doc(["type: tactic", "id: podcast-tour", "title: Podcast tour", "pillar: growth", "channel: audio", "impact: 2", "urgency: 1", "effort: 4", "status: idea"]),
  };
}

const CONFIG = "budget:\n  currency: EUR\nscoring:\n  disagreement: 2\n";

let campaigns;
/** The campaign workspace (built once: the tab builders only read it). */
export function campaignWorkspace() {
  campaigns ??= workspaceOf(campaignFiles(), CONFIG);
  return campaigns;
}

const common = { generation: 1, folder: "campaigns", folders: ["campaigns"] };

/** The campaign workspace's Roadmap tab (`by`, `lanes` as the host would pass them). */
export function roadmapModel(options = {}) {
  return buildRoadmapTab(campaignWorkspace(), { today: TIME_DAY, ...common, ...options });
}

/** The campaign workspace's Calendar tab (today's month unless `month`). */
export function calendarModel(options = {}) {
  return buildCalendarTab(campaignWorkspace(), { today: TIME_DAY, ...common, ...options });
}

/** The campaign workspace's Plan tab (sprint 2026-s2: over its 5,000 budget), with its items' score terms. */
export function campaignBoard(options = {}) {
  const breakdowns = new Map();
  const model = buildBoard(campaignWorkspace(), { today: TIME_DAY, ...common, breakdowns, ...options });
  breakdownsOf.set(model, breakdowns);
  return model;
}

/** The campaign workspace with markup as titles, a pillar title, a person and a channel: its Roadmap, Calendar and Plan models. */
export function hostileTimeModels() {
  const workspace = workspaceOf(campaignFiles((text) => `${HOSTILE} ${text}`), CONFIG);
  const breakdowns = new Map();
  const board = buildBoard(workspace, { today: TIME_DAY, ...common, breakdowns });
  breakdownsOf.set(board, breakdowns);
  return {
    roadmap: buildRoadmapTab(workspace, { today: TIME_DAY, ...common }),
    channels: buildRoadmapTab(workspace, { today: TIME_DAY, ...common, lanes: "channel" }),
    calendar: buildCalendarTab(workspace, { today: TIME_DAY, ...common }),
    board,
  };
}

/** The examples' Roadmap and Calendar tabs on the review day (as in the integration tests). */
export function exampleRoadmapModel(options = {}) {
  return buildRoadmapTab(examplesWorkspace(), { today: REVIEW_DAY, ...common, folder: "examples", folders: ["examples"], ...options });
}

export function exampleCalendarModel(options = {}) {
  return buildCalendarTab(examplesWorkspace(), { today: REVIEW_DAY, ...common, folder: "examples", folders: ["examples"], ...options });
}

/**
 * A dated workspace of `count` initiatives and tactics over 4 pillars, 3 channels and 12 two-week
 * sprints from 6 July 2026: a third with own dates, a third in a sprint, the rest due on a day.
 */
export function datedWorkspace(count) {
  const files = {};
  const pillars = ["growth", "retention", "platform", "brand"];
  for (const p of pillars) files[`pillars/${p}.md`] = `---\ntype: pillar\nid: ${p}\ntitle: Pillar ${p}\n---\n`;
  const day = (offset) => new Date(Date.UTC(2026, 6, 6 + offset)).toISOString().slice(0, 10);
  for (let s = 0; s < 12; s++) files[`sprints/s${s}.md`] = `---\ntype: sprint\nid: 2026-s${s}\nstart: ${day(14 * s)}\nend: ${day(14 * s + 11)}\ncapacity: 40\n---\n`;
  for (let i = 0; i < count; i++) {
    const kind = i % 2 ? "tactic" : "initiative";
    const id = `${kind}-${String(i).padStart(5, "0")}`;
    const dates = i % 3 === 0 ? `start: ${day(i % 150)}\nend: ${day((i % 150) + 3 + (i % 20))}\n` : i % 3 === 1 ? `sprint: 2026-s${i % 12}\n` : `due: ${day(i % 160)}\n`;
    const channel = kind === "tactic" ? `channel: ${["email", "linkedin", "events"][i % 3]}\n` : "";
    files[`${kind}s/${id}.md`] = `---\ntype: ${kind}\nid: ${id}\ntitle: ${kind} number ${i}\npillar: ${pillars[i % 4]}\n${dates}${channel}status: planned\n---\n`;
  }
  return workspaceOf(files);
}

const dated = new Map();
/** {@link datedWorkspace} of `count` items (each size built once). */
export function datedModels(count) {
  if (!dated.has(count)) dated.set(count, datedWorkspace(count));
  const workspace = dated.get(count);
  return {
    roadmap: (options = {}) => buildRoadmapTab(workspace, { today: TIME_DAY, ...common, ...options }),
    calendar: (options = {}) => buildCalendarTab(workspace, { today: TIME_DAY, ...common, ...options }),
  };
}
