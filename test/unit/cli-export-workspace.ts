/**
 * The workspace the `export` tests run on, and what SPEC §9 says each format
 * must carry for it, worked out by hand: the weighted model (0.5 × impact +
 * 0.3 × urgency + 0.2 × (6 − effort)), spans from the items' own dates or
 * their sprint's, pillar and KPIs through the initiative.
 */

export const TODAY = "2026-11-30";

/** Quotes, commas, a semicolon, a backslash, a line break, HTML, a formula, a bell, an escape sequence and a C1 control. */
const HOSTILE_WRITTEN = '=SUM(A1), "quoted"; a\\b\u0007\nsecond line \u001b[1m<script>alert(1)</script>\u009b | *bold*';
/** What every format shows of it: the control characters left out, tab and line break kept. */
export const HOSTILE_TITLE = '=SUM(A1), "quoted"; a\\b\nsecond line [1m<script>alert(1)</script> | *bold*';
/** Over 75 octets many times, with two-, three- and four-byte characters and iCalendar's specials. */
export const LONG_TITLE = `Ünïcödé spring campaign — ${"launch 🚀 on every channel, with partners; and a\\backslash ".repeat(4).trim()}`;

const front = (fields: Record<string, string>) => `---\n${Object.entries(fields).map(([key, value]) => `${key}: ${value}`).join("\n")}\n---\nNotes.\n`;
const json = (text: string) => JSON.stringify(text);

export const WORKSPACE: Record<string, string> = {
  "strategy.config.yaml": "budget:\n  currency: EUR\n",
  "pillars/growth.md": front({ type: "pillar", title: "Growth", kpis: "[signups]" }),
  "pillars/brand.md": front({ type: "pillar", title: "Brand" }),
  "kpis/signups.md": front({ type: "kpi", title: "Sign-ups", pillar: "growth", target: "200" }),
  "kpis/churn.md": front({ type: "kpi", title: "Churn", pillar: "brand", target: "3" }),
  "sprints/s1.md": front({ type: "sprint", id: "2026-s1", capacity: "20", start: "2026-11-23", end: "2026-12-04" }),
  // 2.5 + 1.2 + 0.8 = 4.5; the sprint's days.
  "initiatives/init-a.md": front({ type: "initiative", title: "Launch the AI builder", pillar: "growth", kpis: "[signups, churn]", impact: "5", urgency: "4", effort: "2", estimate: "8", sprint: "2026-S1", status: "planned", budget: "12000" }),
  // 1.5 + 0.6 + 0.4 = 2.5; only a due date; the id in mixed case.
  "initiatives/init-b.md": front({ type: "initiative", id: "Init-B", title: "Partner portal", pillar: "brand", kpi: "churn", impact: "3", urgency: "2", effort: "4", status: "idea", due: "2027-03-31" }),
  // 2 + 1.2 + 0.4 = 3.6; done: only with --all.
  "initiatives/init-old.md": front({ type: "initiative", title: "Old launch", pillar: "growth", kpi: "signups", impact: "4", urgency: "4", effort: "4", status: "done", start: "2026-09-01", end: "2026-09-30" }),
  // 2 + 1.5 + 1 = 4.5; pillar and KPIs through init-a; its own days; two channels.
  "tactics/hostile.md": front({ type: "tactic", title: json(HOSTILE_WRITTEN), initiative: "init-a", channel: "[email, LinkedIn]", impact: "4", urgency: "5", effort: "1", status: "planned", start: "2026-12-01", end: "2026-12-31", budget: "2500.5" }),
  // 1 + 0.6 + 0.8 = 2.4; a milestone only.
  "tactics/long.md": front({ type: "tactic", title: json(LONG_TITLE), pillar: "brand", kpi: "churn", impact: "2", urgency: "2", effort: "2", status: "planned", due: "2027-01-15" }),
  // 1.5 + 0.9 + 0.6 = 3; only a start: a one-day span; also due.
  "tactics/minus.md": front({ type: "tactic", title: "'-5% churn push'", pillar: "brand", kpi: "churn", channel: "'@social'", impact: "3", urgency: "3", effort: "3", status: "in-progress", start: "2026-12-24", due: "2026-12-31" }),
  // no urgency: unranked; no dates: not in the calendar.
  "tactics/unscored.md": front({ type: "tactic", title: "'+1 referral idea'", pillar: "brand", kpi: "churn", impact: "3", effort: "2" }),
  // One id, two files (a duplicate-id error): 0.5 + 0.3 + 0.2 = 1 and 0.5 + 0.3 + 0.4 = 1.2.
  "tactics/dup-a.md": front({ type: "tactic", id: "dup", title: "First copy", pillar: "brand", kpi: "churn", impact: "1", urgency: "1", effort: "5", due: "2026-12-15" }),
  "tactics/dup-b.md": front({ type: "tactic", id: "dup", title: "Second copy", pillar: "brand", kpi: "churn", impact: "1", urgency: "1", effort: "4", due: "2026-12-16" }),
  // 2.5 + 1.5 + 1 = 5: first of the tactical track with --all.
  "tactics/done.md": front({ type: "tactic", title: "Finished webinar", pillar: "growth", kpi: "signups", impact: "5", urgency: "5", effort: "1", status: "done", start: "2026-10-05", end: "2026-10-09" }),
  // 0.5 + 0.3 + 1 = 1.8; dropped: a cancelled event with --all.
  "tactics/dropped.md": front({ type: "tactic", title: "Dropped stunt", pillar: "growth", kpi: "signups", impact: "1", urgency: "1", effort: "1", status: "dropped", due: "2026-12-20", budget: "900" }),
};

/** A row as the JSON carries it. */
export interface Row {
  id: string; title: string; type: string; track: string; pillar: string | null; kpis: string[]; score: number | null; rank: number | null;
  status: string | null; sprint: string | null; start: string | null; end: string | null; due: string | null; budget: number | null;
}

const row = (fields: Partial<Row> & Pick<Row, "id" | "title" | "type" | "track">): Row => ({
  pillar: null, kpis: [], score: null, rank: null, status: null, sprint: null, start: null, end: null, due: null, budget: null, ...fields,
});

const INIT_A = row({ id: "init-a", title: "Launch the AI builder", type: "initiative", track: "strategic", pillar: "growth", kpis: ["signups", "churn"], score: 4.5, rank: 1, status: "planned", sprint: "2026-S1", start: "2026-11-23", end: "2026-12-04", budget: 12000 });
const INIT_B = row({ id: "Init-B", title: "Partner portal", type: "initiative", track: "strategic", pillar: "brand", kpis: ["churn"], score: 2.5, rank: 2, status: "idea", due: "2027-03-31" });
const INIT_OLD = row({ id: "init-old", title: "Old launch", type: "initiative", track: "strategic", pillar: "growth", kpis: ["signups"], score: 3.6, rank: 2, status: "done", start: "2026-09-01", end: "2026-09-30" });
const HOSTILE = row({ id: "hostile", title: HOSTILE_TITLE, type: "tactic", track: "tactical", pillar: "growth", kpis: ["signups", "churn"], score: 4.5, rank: 1, status: "planned", start: "2026-12-01", end: "2026-12-31", budget: 2500.5 });
const MINUS = row({ id: "minus", title: "-5% churn push", type: "tactic", track: "tactical", pillar: "brand", kpis: ["churn"], score: 3, rank: 2, status: "in-progress", start: "2026-12-24", end: "2026-12-24", due: "2026-12-31" });
const LONG = row({ id: "long", title: LONG_TITLE, type: "tactic", track: "tactical", pillar: "brand", kpis: ["churn"], score: 2.4, rank: 3, status: "planned", due: "2027-01-15" });
const DUP_B = row({ id: "dup", title: "Second copy", type: "tactic", track: "tactical", pillar: "brand", kpis: ["churn"], score: 1.2, rank: 4, due: "2026-12-16" });
const DUP_A = row({ id: "dup", title: "First copy", type: "tactic", track: "tactical", pillar: "brand", kpis: ["churn"], score: 1, rank: 5, due: "2026-12-15" });
const UNSCORED = row({ id: "unscored", title: "+1 referral idea", type: "tactic", track: "tactical", pillar: "brand", kpis: ["churn"] });
const DONE = row({ id: "done", title: "Finished webinar", type: "tactic", track: "tactical", pillar: "growth", kpis: ["signups"], score: 5, rank: 1, status: "done", start: "2026-10-05", end: "2026-10-09" });
const DROPPED = row({ id: "dropped", title: "Dropped stunt", type: "tactic", track: "tactical", pillar: "growth", kpis: ["signups"], score: 1.8, rank: 5, status: "dropped", due: "2026-12-20", budget: 900 });

/** The open items: per track, ranked by rank, then the unranked. */
export const OPEN_ROWS: Row[] = [INIT_A, INIT_B, HOSTILE, MINUS, LONG, DUP_B, DUP_A, UNSCORED];

/** With --all: done and dropped items join and push the ranks down. */
export const ALL_ROWS: Row[] = [
  INIT_A, { ...INIT_OLD }, { ...INIT_B, rank: 3 },
  DONE, { ...HOSTILE, rank: 2 }, { ...MINUS, rank: 3 }, { ...LONG, rank: 4 }, DROPPED, { ...DUP_B, rank: 6 }, { ...DUP_A, rank: 7 }, UNSCORED,
];

/** An event as the calendar must hold it: UID, first day, exclusive end, title, categories. */
export interface ExpectedEvent {
  uid: string; start: string; end: string; summary: string; categories: string[]; status?: string;
}

/** The open items' events: those with a span or a due date. */
export const OPEN_EVENTS: ExpectedEvent[] = [
  { uid: "init-a@strategy-docs", start: "2026-11-23", end: "2026-12-05", summary: INIT_A.title, categories: ["strategic"] },
  { uid: "init-b@strategy-docs", start: "2027-03-31", end: "2027-04-01", summary: INIT_B.title, categories: ["strategic"], status: "TENTATIVE" },
  { uid: "hostile@strategy-docs", start: "2026-12-01", end: "2027-01-01", summary: HOSTILE_TITLE, categories: ["tactical", "email", "LinkedIn"] },
  { uid: "minus@strategy-docs", start: "2026-12-24", end: "2026-12-25", summary: MINUS.title, categories: ["tactical", "@social"] },
  { uid: "long@strategy-docs", start: "2027-01-15", end: "2027-01-16", summary: LONG_TITLE, categories: ["tactical"] },
  { uid: "dup~2@strategy-docs", start: "2026-12-16", end: "2026-12-17", summary: "Second copy", categories: ["tactical"] },
  { uid: "dup@strategy-docs", start: "2026-12-15", end: "2026-12-16", summary: "First copy", categories: ["tactical"] },
];

/** With --all, the done and dropped items' events join. */
export const ALL_EVENTS: ExpectedEvent[] = [
  ...OPEN_EVENTS,
  { uid: "init-old@strategy-docs", start: "2026-09-01", end: "2026-10-01", summary: "Old launch", categories: ["strategic"] },
  { uid: "done@strategy-docs", start: "2026-10-05", end: "2026-10-10", summary: "Finished webinar", categories: ["tactical"] },
  { uid: "dropped@strategy-docs", start: "2026-12-20", end: "2026-12-21", summary: "Dropped stunt", categories: ["tactical"], status: "CANCELLED" },
];
