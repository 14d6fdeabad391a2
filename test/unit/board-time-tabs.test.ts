import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildCalendar, buildCalendarTab, buildRoadmap, buildRoadmapTab, itemLine, itemTitle, MAX_UNSCHEDULED } from "../../src/core/index";
import { parseWebviewMessage } from "../../src/protocol";
import { readTree, workspaceOf } from "./helpers";

const EXAMPLES = readTree(join(__dirname, "..", "..", "examples"));
const examples = () => workspaceOf(Object.fromEntries(EXAMPLES), readFileSync(join(__dirname, "..", "..", "examples", "strategy.config.yaml"), "utf8"));
const DAY = "2026-11-30";

describe("board tabs: Roadmap model", () => {
  it("is the core's roadmap with the options given, every item it draws located at its id's line", () => {
    const workspace = examples();
    for (const [by, lanes] of [[undefined, undefined], ["month", "channel"], ["sprint", "track"]] as const) {
      const model = buildRoadmapTab(workspace, { today: DAY, generation: 3, folder: "examples", folders: ["examples"], by, lanes });
      assert.deepEqual(model.roadmap, buildRoadmap(workspace, { today: DAY, ...(by ? { by } : {}), ...(lanes ? { lanes } : {}) }));
      assert.deepEqual([model.generation, model.folder, model.today], [3, "examples", DAY]);
      const drawn = new Set([...model.roadmap.rows.flatMap((row) => row.items.map((item) => item.id)), ...model.roadmap.milestones.map((m) => m.id), ...model.roadmap.unscheduled]);
      assert.deepEqual(new Set(model.locations.map((location) => location.id)), drawn, `${by}/${lanes}: each id drawn is located, and only those`);
      for (const location of model.locations) {
        const item = workspace.index.find(location.id, ["initiative", "tactic"])!;
        assert.deepEqual([location.file, location.line, location.kind], [item.file, itemLine(item), item.kind]);
      }
    }
  });

  it("names pillar lanes by their titles, labels amounts with the configured currency", () => {
    const workspace = examples();
    const model = buildRoadmapTab(workspace, { today: DAY });
    const lanes = model.roadmap.rows.map((row) => row.lane).filter((lane): lane is string => lane !== null);
    assert.ok(lanes.length >= 2);
    for (const lane of lanes) assert.equal(model.laneTitles[lane.toLowerCase()], itemTitle(workspace.index.find(lane, ["pillar"])!), lane);
    assert.equal(model.currency, workspace.getConfig().budget.currency?.trim() || null);
    assert.deepEqual(buildRoadmapTab(workspace, { today: DAY, lanes: "channel" }).laneTitles, {}, "channel lanes show as written");
  });

  it("locates the first unscheduled items only, and takes a lane named like an Object member as text", () => {
    const files: Record<string, string> = { "p.md": "---\ntype: pillar\nid: constructor\ntitle: Proto pillar\n---\n" };
    for (let i = 0; i < MAX_UNSCHEDULED + 5; i++) files[`i${i}.md`] = `---\ntype: initiative\nid: idea-${String(i).padStart(3, "0")}\n---\n`;
    files["d.md"] = "---\ntype: initiative\nid: dated\npillar: constructor\nstart: 2026-12-01\nend: 2026-12-04\n---\n";
    const model = buildRoadmapTab(workspaceOf(files), { today: DAY });
    assert.equal(model.roadmap.unscheduled.length, MAX_UNSCHEDULED + 5);
    assert.equal(model.locations.filter((location) => location.id.startsWith("idea-")).length, MAX_UNSCHEDULED);
    assert.deepEqual(model.roadmap.rows.map((row) => row.lane), ["constructor"]);
    assert.ok(Object.hasOwn(model.laneTitles, "constructor"), "an own key, not the prototype's");
    assert.equal(model.laneTitles.constructor, "Proto pillar");
    assert.equal(Object.getPrototypeOf(model.laneTitles), Object.prototype);
  });
});

describe("board tabs: Calendar model", () => {
  it("is the core's campaign calendar of the month asked for, else of today's month", () => {
    const workspace = examples();
    const model = buildCalendarTab(workspace, { today: DAY, month: "2026-12", generation: 2 });
    assert.deepEqual(model.calendar, buildCalendar(workspace, { today: DAY, month: "2026-12" }));
    assert.equal(model.generation, 2);
    assert.equal(buildCalendarTab(workspace, { today: DAY }).calendar.month, "2026-11");
    assert.equal(buildCalendarTab(workspace, { today: DAY, month: "2026-13" }).calendar.month, "2026-11", "not a month: today's");
    assert.equal(buildCalendarTab(workspace, { today: DAY, month: null }).calendar.month, "2026-11");
    assert.ok(model.calendar.channels.flatMap((channel) => channel.campaigns).every((campaign) => campaign.file && campaign.line > 0), "each campaign carries where to open it");
  });
});

describe("protocol: the time tabs' view requests", () => {
  it("accepts the roadmap's periods and lanes and a calendar month, null for the default", () => {
    for (const message of [
      { type: "view", tab: "roadmap", roadmapBy: "sprint", roadmapLanes: "channel" },
      { type: "view", tab: "calendar", month: "2027-01" },
      { type: "view", month: null, roadmapBy: null, roadmapLanes: null },
    ]) assert.ok(parseWebviewMessage(message).ok, JSON.stringify(message));
  });

  it("refuses what is not a period, a lane or a month, saying which field", () => {
    for (const [message, field] of [
      [{ type: "view", roadmapBy: "week" }, "roadmapBy"],
      [{ type: "view", roadmapLanes: "kpi" }, "roadmapLanes"],
      [{ type: "view", month: "2027-1" }, "month"],
      [{ type: "view", month: "2027-00" }, "month"],
      [{ type: "view", tab: "gantt" }, "tab"],
    ] as const) {
      const parsed = parseWebviewMessage(message);
      assert.ok(!parsed.ok && parsed.error.startsWith(field), `${JSON.stringify(message)}: ${parsed.ok ? "accepted" : parsed.error}`);
    }
  });
});
