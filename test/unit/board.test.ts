import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { applyEdits, assignSprint, buildBoard, buildPlan, defaultSprint, sprintStates } from "../../src/core/index";
import { setSprintSplit } from "../../src/core/plan/assign";
import { endedPhrase, endedText, openSprint, sprintLabel } from "../../src/webview/sprints";
import { shortDate } from "../../src/core/plan/sprint-state";
import { parseWebviewMessage } from "../../src/protocol";
import { applyChanges, readTree, workspaceOf } from "./helpers";

const EXAMPLES = readTree(join(__dirname, "..", "..", "examples"));
const examples = () => workspaceOf(Object.fromEntries(EXAMPLES), readFileSync(join(__dirname, "..", "..", "examples", "strategy.config.yaml"), "utf8"));

const sprintFile = (id: string, extra = "") => `---\ntype: sprint\nid: ${id}\ncapacity: 10\n${extra}---\n`;
const tactic = (id: string, extra: string) => `---\ntype: tactic\nid: ${id}\n${extra}---\nBody of ${id}.\n`;

describe("buildBoard", () => {
  it("ranks each track of the example workspace like `backlog`, and plans the running sprint by default", () => {
    const board = buildBoard(examples(), { today: "2026-11-24" });
    const strategic = board.items.filter((item) => item.track === "strategic");
    const tactical = board.items.filter((item) => item.track === "tactical");
    assert.deepEqual(strategic.map((item) => item.rank), strategic.map((_, i) => i + 1));
    assert.deepEqual(tactical.map((item) => item.rank), tactical.map((_, i) => i + 1));
    assert.equal(strategic[0].id, "trial-nurture-rebuild");
    assert.equal(board.sprint, "2026-s14");
    assert.equal(board.plan?.sprint, "2026-s14");
    assert.deepEqual(board.plan?.proposed.items.sort(), ["template-gallery-seo", "upgrade-nudge-emails"]);
    assert.ok(board.items.every((item) => item.explanation.startsWith("weighted: ") && item.explanation.includes("=")));
    const breakdowns = new Map();
    buildBoard(examples(), { today: "2026-11-24", breakdowns });
    assert.equal(breakdowns.size, board.items.length);
    assert.deepEqual(breakdowns.get(board.items[0].uid).map((term: { field: string }) => term.field), ["impact", "urgency", "effort"]);
    assert.ok(board.closed.some((item) => item.id === "pricing-page-refresh"), "done items are listed apart");
    assert.ok(!board.items.some((item) => item.status === "done" || item.status === "dropped"));
    assert.equal(new Set([...board.items, ...board.unranked, ...board.closed].map((item) => item.uid)).size, board.items.length + board.unranked.length + board.closed.length);
  });

  it("agrees with buildPlan on the proposal and the shares", () => {
    const workspace = examples();
    for (const sprint of ["2026-s14", "2026-s15"]) {
      const board = buildBoard(workspace, { today: "2026-11-24", sprint });
      const plan = buildPlan(workspace, sprint)!.plan;
      assert.deepEqual(board.plan?.proposed, plan.proposed);
      assert.deepEqual(board.plan?.share, plan.share);
      assert.deepEqual(board.plan?.notes, plan.notes);
      assert.equal(board.plan?.byPillar.reduce((sum, entry) => sum + entry.units, 0), Object.values(plan.byPillar).reduce((a, b) => a + b, 0));
    }
  });

  it("takes a what-if model and split without touching the workspace", () => {
    const workspace = examples();
    const texts = [...workspace.index.files.values()].map((file) => file.text);
    const board = buildBoard(workspace, { today: "2026-11-24", sprint: "2026-s14", model: "wsjf", split: { strategic: 50, tactical: 50 } });
    assert.equal(board.scoring.model, "wsjf");
    assert.equal(board.scoring.whatIf, true);
    assert.deepEqual(board.plan?.target, { strategic: 50, tactical: 50 });
    assert.equal(board.plan?.whatIf, true);
    assert.ok(board.items[0].explanation.includes("/"), board.items[0].explanation);
    assert.deepEqual([...workspace.index.files.values()].map((file) => file.text), texts);
  });

  it("lists unranked items with what they miss, and falls back from `custom` without a formula", () => {
    const workspace = workspaceOf({ "s.md": sprintFile("s1"), "a.md": tactic("a", "impact: 3\nurgency: 2\n"), "b.md": tactic("b", "impact: 3\nurgency: 2\neffort: 1\nestimate: 2\n") });
    const board = buildBoard(workspace, { today: "2026-01-01", model: "custom" });
    assert.equal(board.scoring.model, "weighted");
    assert.equal(board.scoring.customAvailable, false);
    assert.deepEqual(board.unranked.map((item) => [item.id, item.missing]), [["a", ["effort"]]]);
    assert.deepEqual(board.items.map((item) => item.id), ["b"]);
    assert.deepEqual(board.plan?.proposed.items, ["b"]);
  });

  it("reports problems through the callback and keeps hostile titles as data", () => {
    const workspace = workspaceOf({ "x.md": tactic("x", "title: <img src=x onerror=alert(1)>\nimpact: 1\nurgency: 1\neffort: 1\n") });
    const board = buildBoard(workspace, { today: "2026-01-01", problemsOf: () => ({ level: "warning", count: 2 }) });
    assert.equal(board.items[0].title, "<img src=x onerror=alert(1)>");
    assert.equal(board.items[0].problem, "warning");
    assert.equal(board.sprint, null);
    assert.equal(board.plan, null);
  });
});

describe("defaultSprint", () => {
  const s = (id: string, start: string | null, end: string | null, status: string | null = null) => ({ id, title: id, capacity: 10, start, end, status });
  it("prefers the running sprint, then the next, then the last", () => {
    const sprints = [s("a", "2026-01-01", "2026-01-14"), s("b", "2026-01-15", "2026-01-28"), s("c", "2026-01-29", "2026-02-11")];
    assert.equal(defaultSprint(sprints, "2026-01-20"), "b");
    assert.equal(defaultSprint(sprints, "2025-12-01"), "a");
    assert.equal(defaultSprint(sprints, "2026-03-01"), "c");
    assert.equal(defaultSprint([s("a", "2026-01-01", "2026-01-14", "done"), s("b", null, null)], "2026-01-05"), "b");
    assert.equal(defaultSprint([], "2026-01-05"), null);
  });
});

describe("sprint names on the board", () => {
  const sprint = (id: string, title: string, start: string | null, end: string | null, state: "ended" | "current" | "next" | "later", status: string | null = null) => ({ id, title, capacity: 10, start, end, status, state });

  it("labels each sprint with its dates and state, and names an ended one by the day it ended or the status that closed it", () => {
    assert.equal(sprintLabel(sprint("2026-s14", "2026-s14", "2026-11-16", "2026-11-27", "ended")), "2026-s14 (16–27 Nov) — ended");
    assert.equal(sprintLabel(sprint("s", "Sprint 15", "2026-11-30", "2026-12-11", "current")), "Sprint 15 (30 Nov–11 Dec) — current");
    assert.equal(sprintLabel(sprint("s", "Sprint 14 (16-27 Nov)", "2026-11-16", "2026-11-27", "ended")), "Sprint 14 (16-27 Nov) — ended", "dates in the title are not repeated");
    assert.equal(sprintLabel(sprint("s", "s", null, null, "later")), "s — later");
    assert.equal(shortDate("2026-11-27"), "27 Nov 2026");
    assert.equal(shortDate("2026-13-01"), null);
    assert.equal(endedPhrase(sprint("s9", "Launch: week 2", "2026-11-16", "2026-11-27", "ended")), "Launch: week 2 ended on 27 Nov 2026");
    assert.equal(endedPhrase(sprint("s9", "s9", "2026-12-16", "2026-12-27", "ended", "done")), "Sprint s9 is done");
    assert.match(endedText(sprint("s9", "s9", null, "2026-11-27", "ended")), /^Sprint s9 ended on 27 Nov 2026: its plan is shown for review, and Apply is off/);
    const sprints = [sprint("a", "a", null, "2026-11-01", "ended"), sprint("b", "b", "2026-12-01", null, "next"), sprint("c", "c", "2026-11-20", null, "current")];
    assert.equal(openSprint(sprints)?.id, "c");
    assert.equal(openSprint(sprints.slice(0, 2))?.id, "b");
    assert.equal(openSprint(sprints.slice(0, 1)), undefined);
  });
});

describe("setSprintSplit", () => {
  it("writes a what-if split as the sprint's own, replacing a block or flow split in place, and the plan reads it back", () => {
    const workspace = examples();
    const block = setSprintSplit(workspace, "2026-s15", { strategic: 50, tactical: 50 });
    const flow = setSprintSplit(workspace, "2026-S14", { strategic: 55, tactical: 45 });
    assert.ok(block && flow);
    const texts = applyChanges(workspace, [block, flow]);
    assert.match(texts["sprints/2026-s15.md"], /\nsplit: \{ strategic: 50, tactical: 50 \}\nstatus: planned\n/);
    assert.match(texts["sprints/2026-s14.md"], /\nsplit: \{ strategic: 55, tactical: 45 \}\nstatus: active\n/);
    assert.deepEqual(buildPlan(workspace, "2026-s15")!.plan.target, { strategic: 50, tactical: 50 });
    assert.deepEqual(buildPlan(workspace, "2026-s14")!.plan.target, { strategic: 55, tactical: 45 });
    const bare = workspaceOf({ "s.md": sprintFile("s1") });
    assert.equal(applyChanges(bare, [setSprintSplit(bare, "s1", { strategic: 60, tactical: 40 })!])["s.md"], "---\ntype: sprint\nid: s1\ncapacity: 10\nsplit: { strategic: 60, tactical: 40 }\n---\n");
    assert.equal(setSprintSplit(workspace, "trial-nurture-rebuild", { strategic: 50, tactical: 50 }), undefined, "only a sprint");
    assert.equal(setSprintSplit(workspace, "nope", { strategic: 50, tactical: 50 }), undefined);
  });
});

describe("assignSprint", () => {
  it("adds `sprint:` after the last field, keeping comments and CRLF", () => {
    const text = "---\r\ntype: tactic\r\nid: a   # keep\r\nimpact: 2 # one\r\n---\r\nBody\r\n";
    const workspace = workspaceOf({ "a.md": text });
    const { changes, assigned, skipped } = assignSprint(workspace, "s1", ["a"]);
    assert.deepEqual([assigned, skipped], [["a"], []]);
    assert.equal(changes.length, 1);
    const change = changes[0];
    assert.equal(change.kind, "edit");
    if (change.kind !== "edit") return;
    assert.equal(applyEdits(text, change.edits), "---\r\ntype: tactic\r\nid: a   # keep\r\nimpact: 2 # one\r\nsprint: s1\r\n---\r\nBody\r\n");
  });

  it("replaces an empty or existing value, edits flow maps, merges edits of one file and skips unknown ids", () => {
    const files = {
      "e.md": "---\ntype: tactic\nid: e\nsprint:\nstatus: idea\n---\n",
      "f.md": "---\ntype: tactic\nid: f\nsprint: old  # moved\n---\n",
      "list.md": "---\nitems:\n  - { type: tactic, id: g, impact: 1 }\n  - type: initiative\n    id: h\n---\n",
      "p.md": "---\ntype: pillar\nid: p\n---\n",
    };
    const workspace = workspaceOf(files);
    const result = assignSprint(workspace, "s9", ["e", "f", "g", "h", "nope", "p", "E"]);
    assert.deepEqual(result.assigned, ["e", "f", "g", "h"]);
    assert.deepEqual(result.skipped.map((entry) => entry.id), ["nope", "p"]);
    const after = new Map(Object.entries({ ...files, ...applyChanges(workspace, result.changes, false) }));
    assert.equal(after.get("e.md"), "---\ntype: tactic\nid: e\nsprint: s9\nstatus: idea\n---\n");
    assert.equal(after.get("f.md"), "---\ntype: tactic\nid: f\nsprint: s9  # moved\n---\n");
    assert.equal(after.get("list.md"), "---\nitems:\n  - { type: tactic, id: g, impact: 1, sprint: s9 }\n  - type: initiative\n    id: h\n    sprint: s9\n---\n");
    assert.equal(result.changes.filter((change) => change.file === "list.md").length, 1);
    // The result parses back with every item in the sprint.
    const reread = workspaceOf(Object.fromEntries(after));
    for (const id of result.assigned) assert.equal(reread.index.find(id)?.refs.find((ref) => ref.field === "sprint")?.id, "s9");
  });

  it("fills in after the colon (`sprint :`), quotes an id YAML would read as a number, and adds after a final block scalar", () => {
    const files = {
      "a.md": "---\ntype: tactic\nid: a\nsprint :  # later\n---\n",
      "b.md": "---\ntype: tactic\nid: b\n---\n",
      "l.md": "---\nitems:\n  - type: tactic\n    id: c\n    notes: |\n      keep\n  - type: kpi\n    id: k\n---\n",
    };
    const workspace = workspaceOf(files);
    const texts = applyChanges(workspace, assignSprint(workspace, "1.10", ["a", "b", "c"]).changes, false);
    assert.equal(texts["a.md"], '---\ntype: tactic\nid: a\nsprint : "1.10"  # later\n---\n');
    assert.equal(texts["b.md"], '---\ntype: tactic\nid: b\nsprint: "1.10"\n---\n');
    assert.equal(texts["l.md"], '---\nitems:\n  - type: tactic\n    id: c\n    notes: |\n      keep\n    sprint: "1.10"\n  - type: kpi\n    id: k\n---\n');
    const reread = workspaceOf({ ...files, ...texts });
    for (const id of ["a", "b", "c"]) assert.equal(reread.index.find(id)?.refs.find((ref) => ref.field === "sprint")?.id, "1.10", id);
    assert.equal(reread.index.find("k")?.refs.length, 0, "the next item is untouched");
  });

  it("applying the example proposal leaves nothing more to propose for that budget", () => {
    const workspace = examples();
    const before = buildBoard(workspace, { today: "2026-11-24", sprint: "2026-s14" }).plan!;
    applyChanges(workspace, assignSprint(workspace, "2026-s14", before.proposed.items).changes);
    const after = buildBoard(workspace, { today: "2026-11-24", sprint: "2026-s14" }).plan!;
    assert.deepEqual(after.planned.items.filter((id) => before.proposed.items.includes(id)).sort(), [...before.proposed.items].sort());
    assert.deepEqual(after.proposed.items, []);
    assert.equal(after.share.strategic, before.share.strategic);
  });
});

describe("protocol", () => {
  it("accepts the webview's messages and rejects anything else", () => {
    assert.equal(parseWebviewMessage({ type: "ready" }).ok, true);
    assert.equal(parseWebviewMessage({ type: "view", sprint: "s1", model: "rice", split: { strategic: 60, tactical: 40 } }).ok, true);
    assert.equal(parseWebviewMessage({ type: "view", model: null, split: null }).ok, true);
    assert.equal(parseWebviewMessage({ type: "open", file: "tactics/a.md", line: 3 }).ok, true);
    assert.equal(parseWebviewMessage({ type: "apply", sprint: "s1", generation: 4 }).ok, true);
    assert.equal(parseWebviewMessage({ type: "undo" }).ok, true);
    assert.equal(parseWebviewMessage({ type: "undo", sprint: "s1" }).ok, false, "undo names nothing: it reverts the last Apply");
    for (const bad of [
      null,
      "ready",
      { type: "run", command: "rm -rf /" },
      { type: "view", split: { strategic: 60, tactical: 30 } },
      { type: "view", model: "eval" },
      { type: "open", file: "a.md", line: 0 },
      { type: "open", file: "a.md", line: 1, extra: true },
      { type: "apply", sprint: "", generation: 1 },
    ]) {
      const result = parseWebviewMessage(bad);
      assert.equal(result.ok, false, JSON.stringify(bad));
      if (!result.ok) assert.ok(result.error.length > 0);
    }
  });
});

describe("board wire (src/board-wire.ts)", () => {
  const { applyBoardPatch, decodeModel, diffBoard, encodeModel } = require("../../src/board-wire") as typeof import("../../src/board-wire");

  it("sends a model as columns and gets the same model back", () => {
    const board = buildBoard(examples(), { today: "2026-11-24", problemsOf: (item) => ({ level: item.id === "roi-calculator" ? "warning" : null, count: item.id === "roi-calculator" ? 1 : 0 }) });
    const wire = JSON.parse(JSON.stringify(encodeModel(board)));
    assert.deepEqual(decodeModel(wire), board);
  });

  it("patches an edit into the same model a full send gives, with ranks from the order", () => {
    const workspace = examples();
    const before = buildBoard(workspace, { today: "2026-11-24", generation: 1 });
    const file = "initiatives/roi-calculator.md";
    workspace.setFile(file, workspace.index.files.get(file)!.text.replace(/^impact: \d+/m, "impact: 5").replace(/^title: .*/m, "title: ROI calculator <b>v2</b>"));
    const after = buildBoard(workspace, { today: "2026-11-24", generation: 2 });
    const patch = diffBoard(before, after);
    assert.ok(patch, "a one-file edit makes a patch");
    assert.equal(patch.changed.id.length, 1);
    assert.deepEqual(applyBoardPatch(JSON.parse(JSON.stringify(before)), JSON.parse(JSON.stringify(patch))), after);
    assert.equal(applyBoardPatch({ ...before, generation: 7 }, patch), undefined, "a patch applies to its base generation only");
  });

  it("sends the whole model when much changed", () => {
    const workspace = examples();
    const before = buildBoard(workspace, { today: "2026-11-24", generation: 1 });
    assert.equal(diffBoard(before, buildBoard(workspace, { today: "2026-11-24", generation: 2, model: "wsjf" })), undefined);
    assert.equal(diffBoard(undefined, before), undefined);
  });
});

describe("board wire: what counts as a change", () => {
  const { diffBoard, isNoChange, PLAIN_FIELDS } = require("../../src/board-wire") as typeof import("../../src/board-wire");

  it("an edit the board does not show is no change; any field of an item is one", () => {
    const workspace = examples();
    const before = buildBoard(workspace, { today: "2026-11-24", generation: 1 });
    const file = "tactics/g2-review-drive.md";
    workspace.setFile(file, `${workspace.index.files.get(file)!.text}\nMore body text.\n`);
    const same = diffBoard(before, buildBoard(workspace, { today: "2026-11-24", generation: 2 }))!;
    assert.equal(isNoChange(same, before), true);
    for (const field of PLAIN_FIELDS.filter((name) => name !== "rank")) {
      const items = before.items.map((item, i) => (i === 3 ? { ...item, [field]: field === "line" || field === "problems" ? 999 : "changed" } : item));
      const patch = diffBoard(before, { ...before, generation: 2, items })!;
      assert.equal(patch.changed.id.length, 1, field);
      assert.equal(isNoChange(patch, before), false, field);
    }
    const moved = diffBoard(before, { ...before, generation: 2, plan: before.plan && { ...before.plan, notes: ["another note"] } })!;
    assert.equal(isNoChange(moved, before), false, "a change outside the items");
  });
});

describe("sprint states (SPEC §8)", () => {
  const s = (id: string, start: string | null, end: string | null, status: string | null = null) => ({ id, start, end, status });
  const sprints = [
    s("s12", "2026-10-19", "2026-10-30"),
    s("s13", "2026-11-02", "2026-11-13", "active"),
    s("s14", "2026-11-16", "2026-11-27", "done"),
    s("s15", "2026-11-30", "2026-12-11"),
    s("s16", "2026-12-14", "2026-12-25"),
    s("s17", "2027-01-04", null),
    s("someday", null, null),
  ];
  it("ended by status or by an end before today; current once started; next is the earliest still to start", () => {
    assert.deepEqual(Object.fromEntries(sprintStates(sprints, "2026-11-30")), { s12: "ended", s13: "ended", s14: "ended", s15: "current", s16: "next", s17: "later", someday: "later" });
    assert.deepEqual(Object.fromEntries(sprintStates(sprints, "2026-11-27")), { s12: "ended", s13: "ended", s14: "ended", s15: "next", s16: "later", s17: "later", someday: "later" });
    // The last day of a sprint still belongs to it; a `status: closed` ends it early.
    assert.equal(sprintStates([s("a", "2026-01-01", "2026-01-14")], "2026-01-14").get("a"), "current");
    assert.equal(sprintStates([s("a", "2026-01-01", "2026-01-14", "Closed")], "2026-01-05").get("a"), "ended");
  });
  it("the board lists each sprint with its state and opens on the current one", () => {
    const ws = workspaceOf({
      "s14.md": "---\ntype: sprint\nid: s14\ncapacity: 10\nstart: 2026-11-16\nend: 2026-11-27\n---\n",
      "s15.md": "---\ntype: sprint\nid: s15\ncapacity: 10\nstart: 2026-11-30\nend: 2026-12-11\n---\n",
      "s16.md": "---\ntype: sprint\nid: s16\ncapacity: 10\nstart: 2026-12-14\n---\n",
    });
    const board = buildBoard(ws, { today: "2026-11-30" });
    assert.deepEqual(board.sprints.map((sprint) => [sprint.id, sprint.state]), [["s14", "ended"], ["s15", "current"], ["s16", "next"]]);
    assert.equal(board.sprint, "s15");
  });
});
