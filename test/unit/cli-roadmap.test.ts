/**
 * `roadmap`: one table of cases on a small workspace whose roadmap is worked
 * out by hand from SPEC §9, each run in-process and as the built binary (see
 * cli-harness.ts); then the text Gantt's pieces.
 */
import { strict as assert } from "node:assert";
import { rangeText } from "../../src/cli/format-roadmap";
import { runCases, usageError, type Case, type Result } from "./cli-harness";

const TODAY = "2026-11-30";
const HOSTILE = "Flight <script>alert(1)</script> | `now` *big*";

const doc = (type: string, fields: Record<string, string | number>) => `---\ntype: ${type}\n${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join("\n")}\n---\n`;

/**
 * Two pillars, two sprints, a flight over the new year on two channels, a
 * milestone alone, done and dropped work. By quarter and pillar (worked out by hand):
 * periods 2026-Q4 (earliest: old-flight 2 Nov) to 2027-Q1 (latest: launch due 10 Feb);
 * retention: renewal-playbook (sprint s15, 30 Nov–11 Dec), winter-flight (via the
 * initiative, own dates 20 Dec–8 Jan); automation: only the launch milestone;
 * null: old-flight (done, kept). Unscheduled: launch (a milestone is no span), roi-calculator.
 */
const WORKSPACE: Record<string, string> = {
  "strategy.config.yaml": "budget: { currency: EUR }\n",
  "pillars/retention.md": doc("pillar", { id: "retention", title: "Retention and advocacy" }),
  "pillars/automation.md": doc("pillar", { id: "automation", title: "Automation" }),
  "sprints/s15.md": doc("sprint", { id: "2026-s15", capacity: 20, start: "2026-11-30", end: "2026-12-11" }),
  "sprints/s16.md": doc("sprint", { id: "2026-s16", capacity: 20, start: "2026-12-14", end: "2026-12-25" }),
  "initiatives/renewal.md": doc("initiative", { id: "renewal-playbook", pillar: "retention", sprint: "2026-s15", status: "planned", budget: 12000 }),
  "initiatives/launch.md": doc("initiative", { id: "ai-builder-launch", pillar: "automation", due: "2027-02-10", status: "planned" }),
  "initiatives/roi.md": doc("initiative", { id: "roi-calculator", pillar: "retention", status: "idea" }),
  "tactics/winter.md": doc("tactic", { id: "winter-flight", title: `'${HOSTILE}'`, initiative: "renewal-playbook", channel: "[email, linkedin]", start: "2026-12-20", end: "2027-01-08", budget: 2500, status: "planned" }),
  "tactics/old.md": doc("tactic", { id: "old-flight", channel: "email", start: "2026-11-02", end: "2026-11-06", status: "done" }),
  "tactics/dropped.md": doc("tactic", { id: "dropped-flight", pillar: "retention", start: "2026-12-01", status: "dropped" }),
};

const item = (id: string, type: string, start: string, end: string, from: string, status: string | null, budget: number | null) => ({ id, type, start, end, from, status, budget });
const RENEWAL = item("renewal-playbook", "initiative", "2026-11-30", "2026-12-11", "sprint", "planned", 12000);
const WINTER = item("winter-flight", "tactic", "2026-12-20", "2027-01-08", "item", "planned", 2500);
const OLD = item("old-flight", "tactic", "2026-11-02", "2026-11-06", "item", "done", null);

const ROADMAP = {
  by: "quarter", lanes: "pillar", today: TODAY,
  periods: [{ id: "2026-Q4", start: "2026-10-01", end: "2026-12-31" }, { id: "2027-Q1", start: "2027-01-01", end: "2027-03-31" }],
  rows: [{ lane: "automation", items: [] }, { lane: "retention", items: [RENEWAL, WINTER] }, { lane: null, items: [OLD] }],
  milestones: [{ id: "ai-builder-launch", due: "2027-02-10", lane: "automation" }],
  unscheduled: ["ai-builder-launch", "roi-calculator"],
};

const json = ({ stdout }: Result) => JSON.parse(stdout);

function fitsIn80({ stdout }: Result): void {
  for (const line of stdout.split("\n")) assert.ok([...line].length <= 80, `${[...line].length} columns: ${line}`);
}

/** What a CommonMark renderer shows for backslash-escaped text. */
const unescapeMarkdown = (text: string) => text.replace(/\\([!-/:-@[-`{-~])/g, "$1");

const onWorkspace = (name: string, args: string[], rest: Omit<Case, "name" | "args" | "empty" | "files">): Case => ({ name, args, empty: true, files: WORKSPACE, ...rest });

const cases: Case[] = [
  onWorkspace("roadmap --format json: exactly SPEC §9's shape, by quarter and pillar by default", ["roadmap", "--format", "json", "--today", TODAY], {
    code: 0,
    expect(result) {
      const roadmap = json(result);
      assert.deepEqual(Object.keys(roadmap), ["by", "lanes", "today", "periods", "rows", "milestones", "unscheduled"]);
      assert.deepEqual(Object.keys(roadmap.rows[1].items[0]), ["id", "type", "start", "end", "from", "status", "budget"]);
      assert.deepEqual(roadmap, ROADMAP);
    },
  }),
  onWorkspace("roadmap --by sprint --lanes channel: the sprints met, the flight in each channel's lane", ["roadmap", "--by", "sprint", "--lanes", "channel", "--format", "json", "--today", TODAY], {
    code: 0,
    expect(result) {
      const roadmap = json(result);
      assert.deepEqual(roadmap.periods, [{ id: "2026-s15", start: "2026-11-30", end: "2026-12-11" }, { id: "2026-s16", start: "2026-12-14", end: "2026-12-25" }]);
      assert.deepEqual(roadmap.rows, [{ lane: "email", items: [OLD, WINTER] }, { lane: "linkedin", items: [WINTER] }, { lane: null, items: [RENEWAL] }]);
      assert.deepEqual(roadmap.milestones, [{ id: "ai-builder-launch", due: "2027-02-10", lane: null }]);
    },
  }),
  onWorkspace("roadmap --by month --lanes track: months from November through February", ["roadmap", "--by", "month", "--lanes", "track", "--format", "json", "--today", TODAY], {
    code: 0,
    expect(result) {
      const roadmap = json(result);
      assert.deepEqual(roadmap.periods.map((p: { id: string }) => p.id), ["2026-11", "2026-12", "2027-01", "2027-02"]);
      assert.deepEqual(roadmap.periods[3], { id: "2027-02", start: "2027-02-01", end: "2027-02-28" });
      assert.deepEqual(roadmap.rows, [{ lane: "strategic", items: [RENEWAL] }, { lane: "tactical", items: [OLD, WINTER] }]);
      assert.deepEqual(roadmap.milestones, [{ id: "ai-builder-launch", due: "2027-02-10", lane: "strategic" }]);
    },
  }),
  onWorkspace("roadmap (table): a text Gantt within 80 columns, with lanes, milestones and unscheduled work", ["roadmap", "--today", TODAY], {
    code: 0,
    expect(result) {
      fitsIn80(result);
      const { stdout } = result;
      assert.match(stdout, /^Roadmap by quarter, lanes by pillar: 2026-Q4 to 2027-Q1\. Today 30 Nov 2026\.\n/);
      assert.match(stdout, /\n +2026-Q4 +2027-Q1\n +┬─+▼─+┬─+\n/);
      assert.match(stdout, /\nautomation\n {2}ai-builder-launch +[ ·┊]+◆[ ·]* +due 10 Feb 2027\n/);
      assert.match(stdout, /\nRetention and advocacy \(retention\) · budget EUR 14,500\n {2}renewal-playbook +[ ·]*▒+[ ·]* +30 Nov–11 Dec 2026\n {2}winter-flight +[ ·┊]*█+[ ·]* +20 Dec 2026–8 Jan 2027\n/);
      assert.match(stdout, /\nNo pillar\n {2}old-flight +·? +█+ +┊ +· +2–6 Nov 2026\n/);
      assert.match(stdout, /\nMilestones \(1\)\n.*\n {2}2027-02-10 +ai-builder-launch +automation +ai-builder-launch\n/);
      assert.match(stdout, /\nUnscheduled open work \(2\)\n.*\n {2}ai-builder-launch +initiative +planned +.*\n {2}roi-calculator +initiative +idea/);
      assert.doesNotMatch(stdout, /dropped-flight/);
      // The flight's bar starts in the last weeks of Q4 and runs into Q1: on both sides of the Q1 tick.
      const [ruler] = stdout.split("\n").filter((line) => line.includes("┬"));
      const bar = stdout.split("\n").find((line) => line.startsWith("  winter-flight"))!;
      const q1 = ruler.lastIndexOf("┬");
      assert.equal(bar[q1 - 1], "█");
      assert.equal(bar[q1], "█");
    },
  }),
  onWorkspace("roadmap --format markdown: a wiki page, a table per lane, hostile titles escaped", ["roadmap", "--lanes", "channel", "--format", "markdown", "--today", TODAY], {
    code: 0,
    expect({ stdout }) {
      assert.match(stdout, /^## Roadmap\n\nRoadmap by quarter, lanes by channel: 2026-Q4 to 2027-Q1 \(1 Oct 2026 – 31 Mar 2027\)\. Today 30 Nov 2026\.\n/);
      assert.match(stdout, /\n### Channel email · budget EUR 2,500\n\n\| Item \| Title \| Type \| Start \| End \| Dates from \| Periods \| Due \| Status \| Budget \|\n/);
      assert.match(stdout, /\n### No channel · budget EUR 12,000\n/);
      assert.match(stdout, /\| renewal-playbook \| renewal-playbook \| initiative \| 2026-11-30 \| 2026-12-11 \| sprint \| 2026-Q4 \| — \| planned \| EUR 12,000 \|/);
      assert.doesNotMatch(stdout, /(^|[^\\])<script/m, "an unescaped <script");
      const cell = /\| winter-flight \| ((?:[^|\\]|\\.)+) \| tactic \| 2026-12-20 \| 2027-01-08 \| own dates \| 2026-Q4 – 2027-Q1 \|/.exec(stdout)?.[1];
      assert.ok(cell, stdout);
      assert.equal(unescapeMarkdown(cell), HOSTILE);
      assert.match(stdout, /\n### Milestones\n\n\| Due \| Item \| Lane \| Title \|\n\|---\|---\|---\|---\|\n\| 2027-02-10 \| ai-builder-launch \| — \| ai-builder-launch \|\n/);
      assert.match(stdout, /\n### Unscheduled open work\n\n[^]*\| roi-calculator \| initiative \| idea \| roi-calculator \|\n/);
    },
  }),
  {
    name: "roadmap on an empty folder: nothing scheduled, the JSON empty",
    args: ["roadmap", "--today", TODAY],
    empty: true,
    code: 0,
    expect: ({ stdout }) => assert.match(stdout, /Nothing is scheduled: give initiatives and tactics start: and end: dates/),
  },
  {
    name: "roadmap --format json on an empty folder",
    args: ["roadmap", "--format", "json", "--today", TODAY],
    empty: true,
    code: 0,
    expect: (result) => assert.deepEqual(json(result), { by: "quarter", lanes: "pillar", today: TODAY, periods: [], rows: [], milestones: [], unscheduled: [] }),
  },
  {
    name: "roadmap (table) with hostile text: control characters written as escapes, long ids cut, 80 columns kept",
    args: ["roadmap", "--lanes", "channel", "--today", TODAY],
    empty: true,
    files: {
      "t/long.md": doc("tactic", { id: `flight-${"x".repeat(90)}`, channel: '"Web\\u0007 | <b>site</b>"', start: "2026-12-01", end: "2026-12-02", title: '"Bell\\u0007 and\\r return"' }),
      "t/open.md": doc("tactic", { id: "open", title: '"Line\\u2028break and \\u001b[31mred"' }),
    },
    code: 0,
    expect: (result) => {
      fitsIn80(result);
      assert.doesNotMatch(result.stdout, /[\u0000-\u0009\u000b-\u001f\u2028]/);
      assert.match(result.stdout, /\nChannel Web\\u0007 \| <b>site<\/b>\n {2}flight-x+…/);
      assert.match(result.stdout, /open +tactic +— +Line\\u2028break and \\u001b\[31mred/);
    },
  },
  {
    name: "roadmap of the examples by month: the table within 80 columns",
    args: ["roadmap", "--by", "month", "--today", TODAY],
    code: 0,
    expect: (result) => {
      fitsIn80(result);
      assert.match(result.stdout, /^Roadmap by month, lanes by pillar/);
    },
  },
  onWorkspace("roadmap with an unknown --by", ["roadmap", "--by", "week"], usageError(/unknown --by 'week' \(use quarter, sprint, month\)/)),
  onWorkspace("roadmap with an unknown --lanes", ["roadmap", "--lanes", "owner"], usageError(/unknown --lanes 'owner' \(use pillar, channel, track\)/)),
  onWorkspace("roadmap --by without a value", ["roadmap", "--by"], usageError(/option --by needs a value/)),
  onWorkspace("roadmap with an unknown format", ["roadmap", "--format", "ics"], usageError(/unknown format 'ics' for roadmap \(use table, json, markdown\)/)),
  onWorkspace("roadmap with a bad --today", ["roadmap", "--today", "2026-02-30"], usageError(/--today takes a date as YYYY-MM-DD, not '2026-02-30'/)),
  onWorkspace("roadmap takes no --sprint", ["roadmap", "--sprint", "2026-s15"], usageError(/unknown option --sprint for roadmap/)),
  { name: "roadmap --help", args: ["roadmap", "--help"], code: 0, expect: ({ stdout }) => assert.match(stdout, /^Usage: strategy-docs roadmap [^]*--by PERIOD +quarter \(default\), sprint or month[^]*--lanes LANES[^]*--today/) },
  { name: "--help lists roadmap", args: ["--help"], code: 0, expect: ({ stdout }) => assert.match(stdout, /\n {2}roadmap +initiatives and tactics over time/) },
];

describe("CLI roadmap", function () {
  this.timeout(60_000);
  runCases(cases);

  describe("the Gantt's dates", () => {
    it("a day, days of one month, of two months, over the new year; years when the axis runs over several", () => {
      assert.equal(rangeText("2026-12-10", "2026-12-10", false), "10 Dec");
      assert.equal(rangeText("2026-12-10", "2026-12-10", true), "10 Dec 2026");
      assert.equal(rangeText("2026-11-02", "2026-11-13", false), "2–13 Nov");
      assert.equal(rangeText("2026-11-30", "2026-12-11", false), "30 Nov–11 Dec");
      assert.equal(rangeText("2026-11-30", "2026-12-11", true), "30 Nov–11 Dec 2026");
      assert.equal(rangeText("2026-12-20", "2027-01-08", false), "20 Dec 2026–8 Jan 2027");
    });
  });
});
