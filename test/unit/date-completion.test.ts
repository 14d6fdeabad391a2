/**
 * Completion of dates (SPEC §9, issue 11 "Editor"): after a date field of the
 * item's kind, today (given, never the clock) and, for an initiative or tactic
 * planned into a sprint, the sprint's first and last day, labelled; the day is
 * inserted as written in the sprint, whatever the time zone.
 */
import { strict as assert } from "node:assert";
import { completions, DATE_FIELDS, type CompletionEntry, type Position } from "../../src/core/index";
import { workspaceOf } from "./helpers";

const TODAY = "2026-11-30";
const pos = (line: number, character: number): Position => ({ line, character });

const SPRINT = "---\ntype: sprint\nid: 2026-s15\ntitle: Sprint 15\nstart: 2026-11-30\nend: 2026-12-11\ncapacity: 30\n---\n";
const tactic = (lines: string[]) => ["---", "type: tactic", "id: t", ...lines, "---", ""].join("\n");

/** The date entries at a position, as `label → inserted text`. */
function dates(files: Record<string, string>, path: string, at: Position, options: { today?: string } = { today: TODAY }): Array<[string, string]> {
  return completions(workspaceOf(files), path, at, options)
    .filter((entry) => entry.kind === "date")
    .sort((a, b) => a.sortText!.localeCompare(b.sortText!))
    .map((entry) => [entry.label, entry.insertText]);
}

describe("language service: dates after date fields", () => {
  const files = { "sprints/s15.md": SPRINT, "t.md": tactic(["sprint: 2026-s15", "due: ", "start: 2026-1", "end:", "title: "]) };

  it("offers today and the sprint's start and end after `due: `, labelled, inserting the day", () => {
    assert.deepEqual(dates(files, "t.md", pos(4, 5)), [
      ["today", TODAY],
      ["start of 2026-s15", "2026-11-30"],
      ["end of 2026-s15", "2026-12-11"],
    ]);
    const entries = completions(workspaceOf(files), "t.md", pos(4, 5), { today: TODAY });
    const end = entries.find((entry) => entry.label === "end of 2026-s15")!;
    assert.equal(end.detail, "2026-12-11 (Friday) · the last day of sprint 2026-s15 (Sprint 15)");
    assert.equal(entries.find((entry) => entry.label === "today")!.detail, "2026-11-30 (Monday) · today");
    assert.equal(end.filterText, "2026-12-11", "matched against the day typed, not the words");
    assert.deepEqual(end.range, { start: pos(4, 5), end: pos(4, 5) });
  });

  it("replaces a day half typed, and puts a space after a bare colon", () => {
    const typed = completions(workspaceOf(files), "t.md", pos(5, 13), { today: TODAY }).filter((entry) => entry.kind === "date");
    assert.equal(typed.length, 3);
    for (const entry of typed) assert.deepEqual(entry.range, { start: pos(5, 7), end: pos(5, 13) });
    assert.deepEqual(dates(files, "t.md", pos(6, 4)).map(([, text]) => text), [` ${TODAY}`, " 2026-11-30", " 2026-12-11"]);
  });

  it("offers no date after a field that is not a date, nor in a list", () => {
    assert.deepEqual(dates(files, "t.md", pos(7, 7)), []);
    assert.deepEqual(dates({ "sprints/s15.md": SPRINT, "t.md": tactic(["sprint: 2026-s15", "due: [2026-12-01, "]) }, "t.md", pos(4, 19)), []);
  });

  it("offers today only to an item without a sprint, a sprint's own dates, a KPI's measured and due, a pillar's reviewed", () => {
    const more = {
      ...files,
      "u.md": tactic(["started: "]),
      "s16.md": "---\ntype: sprint\nid: s16\nstart: \ncapacity: 10\n---\n",
      "k.md": "---\ntype: kpi\nid: k\nmeasured: \ndue: \nstart: \n---\n",
      "p.md": "---\ntype: pillar\nid: p\nreviewed: \n---\n",
    };
    assert.deepEqual(dates(more, "u.md", pos(3, 9)), [["today", TODAY]]);
    assert.deepEqual(dates(more, "s16.md", pos(3, 7)), [["today", TODAY]]);
    assert.deepEqual(dates(more, "k.md", pos(3, 10)), [["today", TODAY]]);
    assert.deepEqual(dates(more, "k.md", pos(4, 5)), [["today", TODAY]]);
    assert.deepEqual(dates(more, "k.md", pos(5, 7)), [], "a KPI has no start");
    assert.deepEqual(dates(more, "p.md", pos(3, 10)), [["today", TODAY]]);
  });

  it("without a day given offers the sprint's dates only (the core never reads the clock)", () => {
    assert.deepEqual(dates(files, "t.md", pos(4, 5), {}), [["start of 2026-s15", "2026-11-30"], ["end of 2026-s15", "2026-12-11"]]);
    assert.deepEqual(dates(files, "t.md", pos(4, 5), { today: "soon" }), [["start of 2026-s15", "2026-11-30"], ["end of 2026-s15", "2026-12-11"]]);
  });

  it("reads the sprint of an items: entry, and from its line while the YAML does not parse", () => {
    const queue = ["---", "items:", "  - type: tactic", "    id: q1", "    sprint: 2026-s15", "    end: ", "  - type: initiative", "    id: q2", "    end: ", "---", ""].join("\n");
    assert.deepEqual(dates({ "sprints/s15.md": SPRINT, "q.md": queue }, "q.md", pos(5, 9)).map(([label]) => label), ["today", "start of 2026-s15", "end of 2026-s15"]);
    assert.deepEqual(dates({ "sprints/s15.md": SPRINT, "q.md": queue }, "q.md", pos(8, 9)), [["today", TODAY]], "the next entry has no sprint");
    const broken = tactic(['sprint: "2026-s15"   # pulled in', "kpis: [nrr, ", "due: "]);
    assert.deepEqual(dates({ "sprints/s15.md": SPRINT, "t.md": broken }, "t.md", pos(5, 5)).map(([label]) => label), ["today", "start of 2026-s15", "end of 2026-s15"]);
  });

  it("leaves out what the sprint lacks: an unknown sprint or another kind's id, a sprint without an end, a day that does not exist", () => {
    assert.deepEqual(dates({ "t.md": tactic(["sprint: nowhere", "due: "]) }, "t.md", pos(4, 5)), [["today", TODAY]]);
    const pillar = "---\ntype: pillar\nid: growth\nstart: 2026-12-01\n---\n";
    assert.deepEqual(dates({ "p.md": pillar, "t.md": tactic(["sprint: growth", "due: "]) }, "t.md", pos(4, 5)), [["today", TODAY]], "an id that is not a sprint's");
    const open = "---\ntype: sprint\nid: s\nstart: 2026-12-01\ncapacity: 5\n---\n";
    assert.deepEqual(dates({ "s.md": open, "t.md": tactic(["sprint: s", "due: "]) }, "t.md", pos(4, 5)), [["today", TODAY], ["start of s", "2026-12-01"]]);
    const impossible = "---\ntype: sprint\nid: s\nstart: 2026-02-30\nend: 2026-03-06\ncapacity: 5\n---\n";
    assert.deepEqual(dates({ "s.md": impossible, "t.md": tactic(["sprint: s", "due: "]) }, "t.md", pos(4, 5)), [["today", TODAY], ["end of s", "2026-03-06"]]);
  });

  it("takes the calendar day as written, in any time zone", () => {
    const zoned = "---\ntype: sprint\nid: z\nstart: 2026-12-01T23:30:00-10:00\nend: 2026-12-11T00:30:00+14:00\ncapacity: 5\n---\n";
    const before = process.env.TZ;
    try {
      for (const zone of ["Pacific/Kiritimati", "America/Adak", "UTC"]) {
        process.env.TZ = zone;
        const entries: CompletionEntry[] = completions(workspaceOf({ "z.md": zoned, "t.md": tactic(["sprint: z", "due: "]) }), "t.md", pos(4, 5), { today: TODAY });
        assert.deepEqual(entries.map((entry) => [entry.insertText, entry.detail!.slice(0, 22)]), [
          [TODAY, "2026-11-30 (Monday) · "],
          ["2026-12-01", "2026-12-01 (Tuesday) ·"],
          ["2026-12-11", "2026-12-11 (Friday) · "],
        ], zone);
      }
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it("keeps a long sprint id short in its label, and names every date field", () => {
    const id = "s".repeat(500);
    const long = `---\ntype: sprint\nid: ${id}\nstart: 2026-12-01\ncapacity: 5\n---\n`;
    const [, start] = completions(workspaceOf({ "s.md": long, "t.md": tactic([`sprint: ${id}`, "due: "]) }), "t.md", pos(4, 5), { today: TODAY });
    assert.ok(start.label.length <= 70 && start.label.startsWith("start of sss"), start.label);
    assert.deepEqual([...DATE_FIELDS].sort(), ["done", "due", "end", "measured", "reviewed", "start", "started"]);
  });
});
