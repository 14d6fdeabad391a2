import { strict as assert } from "node:assert";
import { sprintAtAGlance, sprintLensTitle, sprintsInOrder, strategyOutline } from "../../src/core/language/outline";
import { workspaceOf } from "./helpers";

const TODAY = "2026-11-30";
const glanceOf = (ws: ReturnType<typeof workspaceOf>, day: string) => sprintAtAGlance(ws.index, { strategic: 70, tactical: 30 }, day)!;
const sprint = (id: string, fields: string) => `---\ntype: sprint\nid: ${id}\n${fields}\n---\n`;
const tactic = (id: string, fields: string) => `---\ntype: tactic\nid: ${id}\ntitle: ${id}\n${fields}\n---\n`;

/** Sprints 13 and 14 ended (14 by its end, 13 by its status), 15 current, 16 next, 17 later, `someday` undated. */
const FILES: Record<string, string> = {
  "sprints/s13.md": sprint("s13", "title: Sprint 13\ncapacity: 40\nstart: 2026-11-02\nend: 2026-11-13\nstatus: done"),
  "sprints/s14.md": sprint("s14", "title: Sprint 14 (16-27 Nov)\ncapacity: 40\nstart: 2026-11-16\nend: 2026-11-27"),
  "sprints/s17.md": sprint("s17", "title: Sprint 17\ncapacity: 30\nstart: 2026-12-28\nend: 2027-01-08"),
  "sprints/s16.md": sprint("s16", "title: Sprint 16\ncapacity: 30\nstart: 2026-12-14\nend: 2026-12-25"),
  "sprints/s15.md": sprint("s15", "title: Sprint 15 (30 Nov-11 Dec)\ncapacity: 30\nstart: 2026-11-30\nend: 2026-12-11\nsplit: {strategic: 60, tactical: 40}"),
  "sprints/someday.md": sprint("someday", "capacity: 10"),
  "tactics/a.md": tactic("a", "track: strategic\nestimate: 17\nsprint: s15"),
  "tactics/b.md": tactic("b", "track: tactical\nestimate: 11\nsprint: s15"),
  "tactics/c.md": tactic("c", "track: tactical\nestimate: 5\nsprint: s15\nstatus: dropped"),
  "tactics/d.md": tactic("d", "track: strategic\nestimate: 33\nsprint: s14"),
};

describe("language service: sprint states in the outline, the CodeLens and the status bar", () => {
  it("orders the open sprints by start (undated last), then the ended ones, the latest to end first", () => {
    const ws = workspaceOf({ ...FILES });
    assert.deepEqual(sprintsInOrder(ws.index, TODAY).map(({ item, state }) => `${item.id} ${state}`), [
      "s15 current", "s16 next", "s17 later", "someday later", "s14 ended", "s13 ended",
    ]);
  });

  it("marks each sprint's state, load and capacity in the tree's description", () => {
    const ws = workspaceOf({ ...FILES });
    const group = strategyOutline(ws.index, TODAY).find((node) => node.label === "Sprints")!;
    assert.deepEqual(group.children.map((node) => `${node.item!.id}: ${node.description} [${node.state}]`), [
      "s15: current · 28/30 · s15 [current]",
      "s16: next · 0/30 · s16 [next]",
      "s17: later · 0/30 · s17 [later]",
      "someday: later · 0/10 · someday [later]",
      "s14: ended · 33/40 · s14 [ended]",
      "s13: ended · 0/40 · s13 [ended]",
    ]);
    // A day later in December, Sprint 15 is still current; after its end it has ended and 16 is next.
    const after = strategyOutline(ws.index, "2026-12-12").find((node) => node.label === "Sprints")!;
    assert.deepEqual(after.children.slice(0, 2).map((node) => `${node.item!.id} ${node.state}`), ["s16 next", "s17 later"]);
    assert.equal(after.children.find((node) => node.item!.id === "s15")!.state, "ended");
  });

  it("says an ended sprint is reviewed, with the day it ended, and names the current and next one", () => {
    assert.equal(sprintLensTitle("ended", "2026-11-27"), "Sprint ended 27 Nov · Review allocation");
    assert.equal(sprintLensTitle("ended", null), "Sprint ended · Review allocation");
    assert.equal(sprintLensTitle("ended", "2026-13-40"), "Sprint ended · Review allocation");
    assert.equal(sprintLensTitle("current", "2026-12-11"), "Current sprint · Preview allocation");
    assert.equal(sprintLensTitle("next", null), "Next sprint · Preview allocation");
    assert.equal(sprintLensTitle("later", null), "Preview allocation");
    assert.equal(sprintLensTitle(undefined, null), "Preview allocation");
  });

  it("gives the status bar the current sprint's load, capacity and split (dropped items left out)", () => {
    const ws = workspaceOf({ ...FILES });
    const glance = sprintAtAGlance(ws.index, { strategic: 70, tactical: 30 }, TODAY)!;
    assert.deepEqual(
      { id: glance.item.id, state: glance.state, name: glance.name, total: glance.load.total, strategic: glance.load.strategic, capacity: glance.capacity, target: glance.target, share: glance.strategicShare },
      { id: "s15", state: "current", name: "Sprint 15", total: 28, strategic: 17, capacity: 30, target: { strategic: 60, tactical: 40 }, share: 61 },
    );
  });

  it("falls back to the next sprint and the configured split, then to the last to end, and to nothing without a dated sprint", () => {
    const ws = workspaceOf({ ...FILES });
    const next = sprintAtAGlance(ws.index, { strategic: 70, tactical: 30 }, "2026-12-12")!;
    assert.deepEqual([next.item.id, next.state, next.target.strategic, next.strategicShare, next.load.total], ["s16", "next", 70, null, 0]);
    assert.equal(glanceOf(ws, "2026-11-30").endedOn, null);
    const ended = glanceOf(ws, "2027-02-01");
    assert.deepEqual([ended.item.id, ended.state, ended.endedOn], ["s17", "ended", "8 Jan"]);
    assert.equal(sprintAtAGlance(workspaceOf({ "sprints/someday.md": FILES["sprints/someday.md"] }).index, { strategic: 70, tactical: 30 }, TODAY), null);
    assert.equal(sprintAtAGlance(workspaceOf({ "tactics/a.md": FILES["tactics/a.md"] }).index, { strategic: 70, tactical: 30 }, TODAY), null);
  });
});
