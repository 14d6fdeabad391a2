/** `--help` for the program and each command, and `--version`. */
import { name, publisher, version } from "../../package.json";

/** The package version, inlined at build time. */
export const VERSION: string = version;

/** Where the tool is described (SARIF `informationUri`). */
export const INFORMATION_URI = `https://marketplace.visualstudio.com/items?itemName=${publisher}.${name}`;

export const PROGRAM = "strategy-docs";

const COMMON = `  --today YYYY-MM-DD   today's date: for stale-strategy, which sprints have ended,
                       stale KPIs and pace (default: the clock)
  -h, --help           show this help`;

const PATHS = `Paths are markdown files or folders (default: the current folder). The workspace
root is the nearest folder at or above the first path that holds
strategy.config.yaml (else the first folder, else the current folder): the config
is read from it and output paths are relative to it. Files or folders named
inside the root are checked in the context of the whole root; only they are
reported and fixed.`;

export const PROGRAM_HELP = `${PROGRAM} ${VERSION}: checks docs-as-code strategy (pillars, KPIs, initiatives,
tactics and sprints in markdown front matter), ranks the backlog, plans sprints,
reviews them and tracks KPIs as key results.

Usage: ${PROGRAM} <command> [paths...] [options]

Commands:
  check     diagnostics: where strategy and execution have come apart
  backlog   the ranked dual-track backlog (strategic and tactical)
  plan      the capacity split and proposal for a sprint (--sprint ID)
  review    an ended sprint against its split, the trend and delivery per quarter
  kpis      each pillar as an objective, its KPIs as key results
  roadmap   initiatives and tactics over time: lanes × quarters, sprints or months
  export    the backlog as CSV, JSON, a markdown report or an iCalendar (--format)
  help      help for a command: ${PROGRAM} help check

Options:
  -h, --help           show this help (or a command's: ${PROGRAM} check --help)
  --version            print the version

Exit codes: 0 no error-level diagnostic, 1 errors found, 2 bad usage or unreadable input.
`;

const REPORT_FORMATS = `  --format FORMAT      table (default), json or markdown (a sprint-review page)`;

export const COMMAND_HELP: Record<string, string> = {
  check: `Usage: ${PROGRAM} check [paths...] [options]

Checks every strategy document and prints its diagnostics, each with its fixes:
in text as lines under it ("fix (safe, --fix applies it): …"), in json and sarif
as edits (1-based lines and columns, the end exclusive) a tool can apply.

Options:
  --format FORMAT      text (default), json or sarif
  --fix                apply the safe fixes (misspelt kinds, references with one
                       close match), then print what remains
${COMMON}

${PATHS}

Exit codes: 0 no error-level diagnostic, 1 errors found, 2 bad usage or unreadable input.
`,
  backlog: `Usage: ${PROGRAM} backlog [paths...] [options]

Prints the ranked strategic and tactical backlogs, and the items that cannot be
ranked for lack of scoring fields.

Options:
  --format FORMAT      table (default), json or markdown
  --all                include done and dropped items
  --model MODEL        what-if scoring model: weighted, wsjf, rice or ice
                       (default: scoring.model of strategy.config.yaml)
${COMMON}

${PATHS}
`,
  plan: `Usage: ${PROGRAM} plan --sprint ID [paths...] [options]

Prints a sprint's capacity split against its target, what is planned, what the
ranked backlog proposes on top, what does not fit and the share per pillar; when
items state a budget, their money per track and pillar against the sprint's
budget (labelled with budget.currency from the config).

Options:
  --sprint ID          the sprint to plan (required)
  --format FORMAT      table (default), json or markdown
  --split S/T          what-if target split in percent, e.g. 60/40 (sums to 100)
  --model MODEL        what-if scoring model: weighted, wsjf, rice or ice
${COMMON}

${PATHS}
`,
  review: `Usage: ${PROGRAM} review [paths...] [options]

Reviews a sprint: per track what was committed, done and carried over, the
completion and the realised share against the sprint's target split, and the
velocity; the carried-over items; the trend over the last ended sprints
(review.trendSprints); split drift when the strategic share stayed under its
target; and per calendar quarter the strategic completion rate, the median cycle
time and the throughput, each with its change against the previous quarter.

Options:
  --sprint ID          the sprint to review (default: the latest ended sprint)
${REPORT_FORMATS}
${COMMON}

${PATHS}

Exit codes: 0 done, 2 bad usage, an unknown sprint, no ended sprint or unreadable input.
`,
  export: `Usage: ${PROGRAM} export --format FORMAT [paths...] [options]

Exports every open initiative and tactic of the backlog, one per row or event,
with id, title, type, track, pillar, kpis, score, rank, status, sprint, start,
end, due and budget (pillar and KPIs as they apply through the initiative;
start and end the item's own dates, else its sprint's; score and rank as the
backlog ranks them within the track).

  csv       a spreadsheet file: a header row, one row per item, RFC 4180 quoting,
            CRLF line ends, UTF-8 with a byte-order mark (so Excel reads accents);
            text that would start a formula (=, +, -, @) gets a leading '
  json      { "items": [ { "id": …, …, "budget": … } ] }, null where there is nothing
  markdown  a report to paste into a wiki: totals, then a table per track
  ics       an iCalendar (RFC 5545) of the items with dates: an all-day event over
            each item's span, else on its due date; the same UID on every run
            (<id>@strategy-docs), so importing again updates the events

Options:
  --format FORMAT      csv, json, markdown or ics (required)
  --all                include done and dropped items
  --today YYYY-MM-DD   the report's date and the calendar's DTSTAMP (default: the
                       clock), so an export can be reproduced byte for byte
  -h, --help           show this help

${PATHS}

Exit codes: 0 done, 2 bad usage or unreadable input.
`,
  roadmap: `Usage: ${PROGRAM} roadmap [paths...] [options]

Shows the initiatives and tactics that have a span — their own start and end
(one of them alone: that one day), else their sprint's dates — by period, in
swimlanes; their due days as milestones; and the open work with no span apart.
Dropped work is left out; done work stays, as history. The table is a text
Gantt: own dates █, the sprint's ▒, due ◆, today ▼.

Options:
  --by PERIOD          quarter (default), sprint or month
  --lanes LANES        pillar (default; the pillar as it applies through the
                       initiative), channel (a tactic on several channels is in
                       each) or track
  --format FORMAT      table (default), json or markdown (a page for a wiki)
  --today YYYY-MM-DD   the day the roadmap marks as today (default: the clock)
  -h, --help           show this help

${PATHS}

Exit codes: 0 done, 2 bad usage or unreadable input.
`,
  kpis: `Usage: ${PROGRAM} kpis [paths...] [options]

Shows each pillar as an objective and its KPIs as key results: baseline →
current → target, progress toward the target, pace against a due date (ahead,
on pace, behind), confidence, the latest measurement (stale ones marked) and
the initiatives and tactics that move each. KPIs of no pillar are listed last.

Options:
${REPORT_FORMATS}
${COMMON}

${PATHS}

Exit codes: 0 done, 2 bad usage or unreadable input.
`,
};
