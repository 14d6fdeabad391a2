/**
 * `export --format csv|json|markdown|ics`: each output read back by an
 * independent library (csv-parse for the CSV, ical.js for the calendar) and
 * compared with the rows and events worked out by hand in
 * cli-export-workspace.ts; every case runs in-process and as the built binary.
 */
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import ICAL from "ical.js";
import { csvField, textCell } from "../../src/cli/format-export-csv";
import { foldLines, formatExportIcs, nextDay } from "../../src/cli/format-export-ics";
import { REPO, runCases, usageError, workspaces, type Case, type Result } from "./cli-harness";
import { ALL_EVENTS, ALL_ROWS, HOSTILE_TITLE, LONG_TITLE, OPEN_EVENTS, OPEN_ROWS, TODAY, WORKSPACE, type ExpectedEvent, type Row } from "./cli-export-workspace";

const COLUMNS = ["id", "title", "type", "track", "pillar", "kpis", "score", "rank", "status", "sprint", "start", "end", "due", "budget"];

/** A row as its CSV cells: none empty, KPIs joined with `;`, text that starts a formula behind a `'`. */
function csvCellsOf(row: Row): string[] {
  const text = (value: string | null) => (value === null ? "" : /^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
  const number = (value: number | null) => (value === null ? "" : String(value));
  return [row.id, text(row.title), row.type, row.track, text(row.pillar), row.kpis.join(";"), number(row.score), number(row.rank),
    text(row.status), text(row.sprint), text(row.start), text(row.end), text(row.due), number(row.budget)];
}

/** The CSV as RFC 4180 and a spreadsheet want it, and its records read back by csv-parse. */
function readCsv(stdout: string): string[][] {
  assert.ok(stdout.startsWith("\uFEFFid,title,"), "a UTF-8 byte-order mark, then the header");
  assert.ok(stdout.endsWith("\r\n"), "the last record ends in CRLF");
  // Outside quoted fields every line break is CRLF: strip the quoted fields, then look.
  assert.doesNotMatch(stdout.replace(/"(?:[^"]|"")*"/g, ""), /[^\r]\n|\r[^\n]/, "a bare LF or CR between records");
  return parseCsv(stdout, { bom: true, relaxColumnCount: false, skipEmptyLines: false }) as string[][];
}

interface ParsedEvent extends ExpectedEvent {
  description: string;
  stamp: string;
  allDay: boolean;
}

/** The calendar read back by ical.js, after checking the content lines themselves. */
function readIcs(stdout: string): { name: string; events: ParsedEvent[] } {
  assert.ok(stdout.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"), stdout.slice(0, 80));
  assert.ok(stdout.endsWith("END:VCALENDAR\r\n"));
  const lines = stdout.slice(0, -2).split("\r\n");
  for (const line of lines) {
    assert.ok(Buffer.byteLength(line) <= 75, `${Buffer.byteLength(line)} octets: ${line}`);
    assert.doesNotMatch(line, /[\n\r\u0000-\u0008\u000B-\u001F\u007F]/, `a control character in ${JSON.stringify(line)}`);
  }
  const calendar = new ICAL.Component(ICAL.parse(stdout));
  const events = calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    const status = component.getFirstPropertyValue("status");
    return {
      uid: event.uid,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      allDay: event.startDate.isDate && event.endDate.isDate,
      summary: event.summary,
      categories: component.getFirstProperty("categories")?.getValues().map(String) ?? [],
      ...(status ? { status: String(status) } : {}),
      description: event.description,
      stamp: String(component.getFirstPropertyValue("dtstamp")),
    };
  });
  return { name: String(calendar.getFirstPropertyValue("name")), events };
}

const withoutDetails = ({ description: _d, stamp: _s, allDay: _a, ...event }: ParsedEvent): ExpectedEvent => event;
const byUid = (a: { uid: string }, b: { uid: string }) => (a.uid < b.uid ? -1 : 1);

const onWorkspace = (name: string, args: string[], rest: Omit<Case, "name" | "args" | "empty" | "files">): Case => ({ name, args, empty: true, files: WORKSPACE, ...rest });

/** The first run's calendar, for the second run to match byte for byte. */
let firstIcs = "";

const cases: Case[] = [
  onWorkspace("csv: a header and the open items, parsed back by a CSV library with the same cells", ["export", "--format", "csv", "--today", TODAY], {
    code: 0,
    expect({ stdout }) {
      const [header, ...records] = readCsv(stdout);
      assert.deepEqual(header, COLUMNS);
      assert.deepEqual(records, OPEN_ROWS.map(csvCellsOf));
      // The hostile title: quoted (it holds a comma, quotes and a line break), its formula neutralised.
      assert.ok(stdout.includes(`"'${HOSTILE_TITLE.replace(/"/g, '""')}"`));
      assert.equal(records[OPEN_ROWS.findIndex((row) => row.id === "minus")][1], "'-5% churn push");
      assert.equal(records[OPEN_ROWS.findIndex((row) => row.id === "unscored")][1], "'+1 referral idea");
    },
  }),
  onWorkspace("csv --all: done and dropped items join, ranks as the backlog ranks them all", ["export", "--format", "csv", "--all", "--today", TODAY], {
    code: 0,
    expect({ stdout }) {
      assert.deepEqual(readCsv(stdout).slice(1), ALL_ROWS.map(csvCellsOf));
    },
  }),
  onWorkspace("json: { items } with SPEC §9's keys in order, null for none, KPIs a list", ["export", "--format", "json", "--today", TODAY], {
    code: 0,
    expect({ stdout }) {
      const json = JSON.parse(stdout);
      assert.deepEqual(Object.keys(json), ["items"]);
      for (const item of json.items) assert.deepEqual(Object.keys(item), COLUMNS);
      assert.deepEqual(json.items, OPEN_ROWS);
    },
  }),
  onWorkspace("json --all", ["export", "--all", "--format", "json", "--today", TODAY], {
    code: 0,
    expect({ stdout }) {
      assert.deepEqual(JSON.parse(stdout).items, ALL_ROWS);
    },
  }),
  onWorkspace("ics: one all-day event per dated item, parsed back by ical.js; exclusive DTEND, stable UIDs, text as written", ["export", "--format", "ics", "--today", TODAY], {
    code: 0,
    expect({ stdout }) {
      firstIcs = stdout;
      const { name, events } = readIcs(stdout);
      assert.equal(name, "Strategy Docs: workspace");
      assert.deepEqual(events.map(withoutDetails), OPEN_EVENTS);
      for (const event of events) {
        assert.ok(event.allDay, `${event.uid} is all-day`);
        assert.equal(event.stamp, "2026-11-30T00:00:00Z");
      }
      // Escaped on the way out (`\,` `\;` `\\` `\n`), as written on the way back.
      assert.ok(stdout.includes("SUMMARY:=SUM(A1)\\, \"quoted\"\\; a\\\\b\\nsecond line [1m<script>"), "escaped text");
      // The long title is folded (CRLF and a space), and unfolds to the title.
      const folded = /\r\nSUMMARY:Ünïcödé[^]*?\r\n(?! )/.exec(stdout)?.[0] ?? "";
      assert.ok(folded.split("\r\n ").length > 3, folded);
      assert.equal(events.find((event) => event.uid === "long@strategy-docs")?.summary, LONG_TITLE);
      const hostile = events.find((event) => event.uid === "hostile@strategy-docs")!;
      assert.match(hostile.description, /^Tactic on the tactical track\nPillar: growth\nKPIs: signups, churn\nStatus: planned\n/);
      assert.match(hostile.description, /\nBudget: EUR 2,500\.50\nChannel: email, LinkedIn\nSource: tactics\/hostile\.md, line 2$/);
      const initA = events.find((event) => event.uid === "init-a@strategy-docs")!;
      assert.match(initA.description, /\nDates of sprint 2026-S1\n/);
      const minus = events.find((event) => event.uid === "minus@strategy-docs")!;
      assert.match(minus.description, /\nDue: 2026-12-31\n/);
    },
    again({ stdout }) {
      assert.equal(stdout, firstIcs, "the same bytes on the second run");
    },
  }),
  onWorkspace("ics --all: done items and a dropped one (CANCELLED) join; the open ones keep their UIDs", ["export", "--format", "ics", "--all", "--today", TODAY], {
    code: 0,
    expect({ stdout }) {
      assert.deepEqual(readIcs(stdout).events.map(withoutDetails).sort(byUid), [...ALL_EVENTS].sort(byUid));
    },
  }),
  onWorkspace("markdown: a wiki report, totals and a table per track, document text escaped", ["export", "--format", "markdown", "--today", TODAY], {
    code: 0,
    expect({ stdout }) {
      assert.match(stdout, /^# Backlog: workspace\n\nExported on 2026-11-30: the open initiatives and tactics/);
      assert.match(stdout, /\n- 8 items: 2 strategic, 6 tactical; 1 cannot be scored yet \(no rank\)\n/);
      assert.match(stdout, /\n- 3 scheduled \(own dates, else their sprint's\), 4 with only a due date, 1 unscheduled\n/);
      assert.match(stdout, /\n- Budget: EUR 14,500\.50 over the 2 items that state one\n/);
      assert.match(stdout, /\n## Strategic backlog \(2 · EUR 12,000\)\n\n\| Rank \| Score \| Id \| Title \|/);
      assert.match(stdout, /\n## Tactical backlog \(6 · EUR 2,500\.50\)\n/);
      assert.match(stdout, /\n\| 1 \| 4\.50 \| init-a \| Launch the AI builder \| growth \| signups, churn \| planned \| 2026-S1 \| 2026-11-23 – 2026-12-04 \(sprint\) \| – \| 12,000 \|\n/);
      assert.doesNotMatch(stdout, /(^|[^\\])<script/m, "an unescaped <script");
      assert.match(stdout, /\n\| – \| – \| unscored \| \\\+1 referral idea \| brand \| churn \| – \| – \| – \| – \| – \|\n/);
      const cell = /\n\| 1 \| 4\.50 \| hostile \| ([^\n]*?) \| growth \|/.exec(stdout)?.[1];
      assert.equal(cell?.replace(/\\([!-/:-@[-`{-~])/g, "$1"), HOSTILE_TITLE.replace("\n", " "));
    },
  }),
  onWorkspace("export without --format is a usage error naming the formats", ["export"], usageError(/export needs --format csv, json, markdown or ics/)),
  onWorkspace("an unknown format is a usage error naming the formats", ["export", "--format", "xlsx"], usageError(/unknown format 'xlsx' for export \(use csv, json, markdown, ics\)/)),
  onWorkspace("backlog's table format is not an export format", ["export", "--format", "table"], usageError(/unknown format 'table' for export/)),
  onWorkspace("export --help: the formats, what each holds, the options", ["export", "--help"], {
    code: 0,
    expect({ stdout, stderr }) {
      assert.equal(stderr, "");
      assert.match(stdout, /^Usage: strategy-docs export --format FORMAT \[paths\.\.\.\] \[options\]\n/);
      for (const text of [/\n {2}csv {7}a spreadsheet file/, /\n {2}ics {7}an iCalendar \(RFC 5545\)/, /\n {2}--all {16}include done and dropped items\n/]) assert.match(stdout, text);
    },
  }),
  onWorkspace("help export", ["help", "export"], {
    code: 0,
    expect({ stdout }) {
      assert.match(stdout, /^Usage: strategy-docs export /);
    },
  }),
  onWorkspace("the program's help lists export", ["--help"], {
    code: 0,
    expect({ stdout }) {
      assert.match(stdout, /\n {2}export {4}the backlog as CSV, JSON, a markdown report or an iCalendar \(--format\)\n/);
    },
  }),
  onWorkspace("--all takes no value", ["export", "--format", "csv", "--all=yes"], usageError(/option --all takes no value/)),
  {
    name: "the examples export as a calendar that parses, every event all-day with DTSTAMP from --today",
    args: ["export", "--format", "ics", "--all", "--today", TODAY],
    code: 0,
    expect({ stdout }: Result) {
      const { events } = readIcs(stdout);
      assert.equal(new Set(events.map((event) => event.uid)).size, events.length, "unique UIDs");
      for (const event of events) assert.ok(event.allDay && event.stamp === "2026-11-30T00:00:00Z" && event.end > event.start, event.uid);
    },
  },
];

describe("CLI export", () => {
  runCases(cases);

  it("the calendar is the same bytes whatever the clock's time zone (built binary)", function () {
    this.timeout(60_000);
    const dir = workspaces()({ empty: true, files: WORKSPACE });
    const run = (tz: string) => spawnSync(process.execPath, [path.join(REPO, "dist", "cli.js"), "export", "--format", "ics", "--all", "--today", TODAY], { cwd: dir, encoding: "utf8", env: { ...process.env, TZ: tz } });
    const [west, east] = [run("Pacific/Pago_Pago"), run("Pacific/Kiritimati")];
    assert.equal(west.status, 0, west.stderr);
    assert.equal(west.stdout, east.stdout);
    assert.deepEqual(readIcs(west.stdout).events.map(withoutDetails).sort(byUid), [...ALL_EVENTS].sort(byUid));
  });

  it("cells: every formula start neutralised, RFC 4180 quoting only where needed", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r", "＝", "＠"]) assert.equal(textCell(`${start}1+1`), `'${start}1+1`);
    for (const plain of ["1+1", "a=b", " =1", "'quoted", "", "é"]) assert.equal(textCell(plain), plain);
    assert.equal(csvField("plain text"), "plain text");
    assert.equal(csvField('say "hi", then\r\nleave'), '"say ""hi"", then\r\nleave"');
  });

  it("folding: at most 75 octets a line, never inside a character, unfolding to the line", () => {
    const unfold = (text: string) => text.replace(/\r\n /g, "");
    for (const line of ["a".repeat(75), "a".repeat(76), "é".repeat(40), `x${"🚀".repeat(30)}`, "€".repeat(26), "short", ""]) {
      const folded = foldLines(line);
      assert.equal(unfold(folded), line);
      for (const part of folded.split("\r\n")) assert.ok(Buffer.byteLength(part) <= 75, `${Buffer.byteLength(part)} octets`);
      assert.ok(!folded.includes("\uFFFD") && Buffer.from(folded).toString() === folded, "no character cut in two");
    }
    assert.equal(foldLines("a".repeat(75)), "a".repeat(75));
    assert.equal(foldLines("a".repeat(76)), `${"a".repeat(75)}\r\n a`);
    assert.equal(foldLines("short\r\nlines"), "short\r\nlines");
  });

  it("a calendar name with iCalendar's specials and a line break stays one escaped line", () => {
    const text = formatExportIcs({ entries: [], today: TODAY, all: false, currency: null, name: "plans, v2; a\\b\nnext" });
    assert.match(text, /\r\nNAME:Strategy Docs: plans\\, v2\\; a\\\\b\\nnext\r\n/);
    // ical.js reads NAME (RFC 7986) as it stands; its TEXT decoder reads it back as written.
    const decoder = (ICAL.design.icalendar.value as unknown as Record<string, { fromICAL(raw: string): string }>).text;
    assert.equal(decoder.fromICAL(readIcs(text).name), "Strategy Docs: plans, v2; a\\b\nnext");
  });

  it("the day after: month, year and leap-day edges, by calendar", () => {
    assert.deepEqual(["2026-12-31", "2028-02-28", "2028-02-29", "2026-02-28", "2026-03-29", "9999-12-30"].map(nextDay), ["2027-01-01", "2028-02-29", "2028-03-01", "2026-03-01", "2026-03-30", "9999-12-31"]);
    assert.equal(nextDay("9999-12-31"), null, "no five-digit years");
  });
});
