/**
 * `review` output: the reviewed sprint per track against its target, the
 * carried-over items, the trend, split drift and the delivery metrics per
 * quarter — as text for an 80-column terminal, JSON (SPEC §8) and the GitHub
 * markdown a lead pastes into a sprint-review page.
 */
import { displayText, type PerTrack, type QuarterMetrics, type SprintReview, type TrendPoint } from "../core/index";
import { markdownTable, markdownText, renderTable, type Column } from "./format-table";

/** The width the `review` and `kpis` text reports are fitted to. */
export const REPORT_WIDTH = 80;
/** A figure that has no value. */
export const NONE = "—";

/** What the report shows of an item it names by id (carried-over items, the sprint). */
export interface ItemFacts {
  title: string;
  track: string | null;
  estimate: number | null;
  sprint: string | null;
  status: string | null;
}
export type FactsLookup = (id: string) => ItemFacts | undefined;

/** How document text is written: control characters as escapes in a terminal, markdown escaped too in markdown. */
export type Escape = (text: string) => string;
export const plainText: Escape = displayText;
export const markdownEscape: Escape = (text) => markdownText(displayText(text));

const TRACKS = ["strategic", "tactical"] as const;
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** "57.1%", or "—" for no value. */
export const percentCell = (value: number | null): string => (value === null ? NONE : `${value.toFixed(1)}%`);
const daysCell = (value: number | null): string => (value === null ? NONE : value.toFixed(1));

/** A relative change: "+40.8%", "−26.5%" (a true minus sign), "—" for none. */
export function changeCell(value: number | null): string {
  if (value === null) return NONE;
  return `${value > 0 ? "+" : value < 0 ? "\u2212" : ""}${Math.abs(value).toFixed(1)}%`;
}

/** Words wrapped to `width` columns, the first line starting with `first` and the others with `rest`; a word too long for a line is split. */
export function wrapWords(text: string, width = REPORT_WIDTH, first = "", rest = first): string[] {
  const room = Math.max(1, width - Math.max(first.length, rest.length));
  const words = text.split(" ").flatMap((word) => (word.length <= room ? [word] : (word.match(new RegExp(`.{1,${room}}`, "gsu")) ?? [word])));
  const lines: string[] = [];
  let line = first;
  for (const word of words.filter(Boolean)) {
    if (line.trim() && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest + word;
    } else line = line.trim() ? `${line} ${word}` : line + word;
  }
  return [...lines, line];
}

/** The trend point of the reviewed sprint, and the one before it. */
function neighbours(review: SprintReview): { own?: TrendPoint; previous?: TrendPoint } {
  const at = review.trend.findIndex((point) => point.sprint === review.sprint);
  if (at < 0) return { previous: review.trend.at(-1) };
  return { own: review.trend[at], ...(at > 0 ? { previous: review.trend[at - 1] } : {}) };
}

/** The headline and the sentences under the track table. */
function headline(review: SprintReview, lookup: FactsLookup, esc: Escape): { title: string; lines: string[] } {
  const name = lookup(review.sprint)?.title;
  const title = `Sprint review: ${esc(review.sprint)}${name && name !== review.sprint ? ` — ${esc(name)}` : ""}`;
  const { own, previous } = neighbours(review);
  const state = !review.ended ? "Not ended yet: the figures so far." : own?.end ? `Ended ${own.end}.` : "Ended (by its status).";
  const lines = [`${state} Target ${review.target.strategic}% strategic / ${review.target.tactical}% tactical.`];
  lines.push(`Velocity: ${plural(review.velocity, "unit")} done${previous ? ` (${previous.velocity} in ${esc(previous.sprint)})` : ""}.`);
  const share = review.realisedShare.strategic;
  if (share === null) lines.push("Nothing was done in this sprint, so it has no realised share.");
  else {
    const gap = Math.round((share - review.target.strategic) * 10) / 10;
    const where = gap === 0 ? "on target" : `${Math.abs(gap).toFixed(1)} points ${gap < 0 ? "under" : "over"}`;
    lines.push(`Realised strategic share ${percentCell(share)} against a ${review.target.strategic}% target: ${where}.`);
  }
  return { title, lines };
}

/** The split-drift finding, naming each sprint's realised share (after "Split drift: "); undefined when drift does not fire. */
function driftSentence(review: SprintReview, esc: Escape): string | undefined {
  if (!review.drift) return undefined;
  const shares = new Map(review.trend.map((point) => [point.sprint, point.realisedShare.strategic]));
  const named = review.drift.sprints.map((id) => (shares.get(id) != null ? `${esc(id)} (${percentCell(shares.get(id)!)})` : esc(id)));
  return `the realised strategic share fell short of the ${review.drift.target}% target by more than the tolerance in ${named.join(", ")}; plan more strategic work in the next sprint.`;
}

const TRACK_COLUMNS: readonly Column[] = [
  { header: "Track" },
  { header: "Committed", align: "right" },
  { header: "Done", align: "right" },
  { header: "Carried", align: "right" },
  { header: "Completion", align: "right" },
  { header: "Realised", align: "right" },
  { header: "Target", align: "right" },
];

function trackRows(review: SprintReview): string[][] {
  return TRACKS.map((track) => [
    capital(track),
    String(review.committed[track]),
    String(review.done[track]),
    String(review.carriedOver[track]),
    percentCell(review.completion[track]),
    percentCell(review.realisedShare[track]),
    `${review.target[track]}%`,
  ]);
}

const CARRIED_COLUMNS: readonly Column[] = [
  { header: "Id", max: 30, text: true },
  // Not cut short to make room: a title that does not fit moves to a line of its own.
  { header: "Title", max: 40, min: 40, wrap: true, text: true },
  { header: "Track" },
  { header: "Est.", align: "right" },
  { header: "Sprint", max: 16, text: true },
  { header: "Status", max: 12, text: true },
];

function carriedRows(review: SprintReview, lookup: FactsLookup): string[][] {
  return review.carriedOver.items.map((id) => {
    const facts = lookup(id);
    const cell = (value: string | number | null | undefined) => (value === null || value === undefined || value === "" ? NONE : String(value));
    return [id, facts?.title ?? "", cell(facts?.track), cell(facts?.estimate), cell(facts?.sprint), cell(facts?.status)].map(displayText);
  });
}

const carriedTitle = (review: SprintReview) =>
  `Carried over (${plural(review.carriedOver.items.length, "item")}, ${plural(review.carriedOver.strategic + review.carriedOver.tactical, "unit")})`;

const TREND_COLUMNS: readonly Column[] = [
  { header: "Sprint", max: 24, min: 10, text: true },
  { header: "End" },
  { header: "Velocity", align: "right" },
  { header: "Strategic share", align: "right" },
  { header: "Target", align: "right" },
  { header: "Completion S / T", align: "right" },
];

function trendRows(review: SprintReview): string[][] {
  return review.trend.map((point) => [
    displayText(point.sprint),
    point.end ?? NONE,
    String(point.velocity),
    percentCell(point.realisedShare.strategic),
    `${point.target}%`,
    `${percentCell(point.completion.strategic)} / ${percentCell(point.completion.tactical)}`,
  ]);
}

const QUARTER_COLUMNS: readonly Column[] = [
  { header: "Quarter" },
  { header: "Completion", align: "right" },
  { header: "Cycle str.", align: "right" },
  { header: "Cycle tac.", align: "right" },
  { header: "Items str.", align: "right" },
  { header: "Items tac.", align: "right" },
];

/** Each quarter's figures, and a "change" row under each quarter that has a previous one. */
function quarterRows(quarters: readonly QuarterMetrics[]): string[][] {
  return quarters.flatMap((quarter) => {
    const { cycleTimeDays: cycle, throughput } = quarter;
    const row = [quarter.quarter, percentCell(quarter.strategicCompletion), daysCell(cycle.strategic), daysCell(cycle.tactical), String(throughput.strategic), String(throughput.tactical)];
    const change = quarter.change;
    if (!change) return [row];
    const perTrack = (value: PerTrack<number | null>) => TRACKS.map((track) => changeCell(value[track]));
    return [row, [" change", changeCell(change.strategicCompletion), ...perTrack(change.cycleTimeDays), ...perTrack(change.throughput)]];
  });
}

const QUARTER_LEGEND = "Completion: strategic done ÷ committed over the sprints that ended in the quarter. Cycle: median days from started to done. Items: done in the quarter.";

/** The review as text for a terminal. */
export function formatReviewTable(review: SprintReview, lookup: FactsLookup, width = REPORT_WIDTH): string {
  const { title, lines } = headline(review, lookup, plainText);
  const out = [...[title, ...lines].flatMap((line) => wrapWords(line, width)), ""];
  out.push(...renderTable(TRACK_COLUMNS, trackRows(review), width, "  "), "");
  const drift = driftSentence(review, plainText);
  if (drift) out.push(...wrapWords(`Split drift: ${drift}`, width, "", "  "), "");
  out.push(carriedTitle(review));
  out.push(...(review.carriedOver.items.length ? renderTable(CARRIED_COLUMNS, carriedRows(review, lookup), width, "  ") : ["  (nothing carried over)"]), "");
  out.push(`Trend (${plural(review.trend.length, "ended sprint")}, oldest first)`);
  out.push(...(review.trend.length ? renderTable(TREND_COLUMNS, trendRows(review), width, "  ") : ["  (no ended sprint yet)"]), "");
  out.push("Delivery by quarter");
  if (review.quarters.length) out.push(...renderTable(QUARTER_COLUMNS, quarterRows(review.quarters), width, "  "), ...wrapWords(`${QUARTER_LEGEND} Change: against the previous quarter.`, width), "");
  else out.push("  (nothing dated yet: add started and done dates to the work)", "");
  return out.join("\n");
}

const MARKDOWN_QUARTER_COLUMNS: readonly Column[] = [
  { header: "Quarter" },
  { header: "Strategic completion", align: "right" },
  { header: "Cycle time, strategic (days)", align: "right" },
  { header: "Cycle time, tactical (days)", align: "right" },
  { header: "Throughput, strategic", align: "right" },
  { header: "Throughput, tactical", align: "right" },
];

/** Each quarter as one row, its change against the previous quarter in brackets. */
function markdownQuarterRows(quarters: readonly QuarterMetrics[]): string[][] {
  return quarters.map((quarter) => {
    const { change } = quarter;
    const withChange = (figure: string, value: number | null | undefined) => (change ? `${figure} (${changeCell(value ?? null)})` : figure);
    return [
      quarter.quarter,
      withChange(percentCell(quarter.strategicCompletion), change?.strategicCompletion),
      ...TRACKS.map((track) => withChange(daysCell(quarter.cycleTimeDays[track]), change?.cycleTimeDays[track])),
      ...TRACKS.map((track) => withChange(String(quarter.throughput[track]), change?.throughput[track])),
    ];
  });
}

/** The review as GitHub markdown for a sprint-review page; document text is escaped. */
export function formatReviewMarkdown(review: SprintReview, lookup: FactsLookup): string {
  const { title, lines } = headline(review, lookup, markdownEscape);
  const out = [`## ${title}`, "", lines.join(" "), ""];
  out.push(...markdownTable(TRACK_COLUMNS, trackRows(review)), "");
  const drift = driftSentence(review, markdownEscape);
  if (drift) out.push(`> **Split drift:** ${drift}`, "");
  out.push(`### ${carriedTitle(review)}`, "");
  out.push(...(review.carriedOver.items.length ? markdownTable(CARRIED_COLUMNS, carriedRows(review, lookup)) : ["_Nothing carried over._"]), "");
  out.push("### Trend", "", ...(review.trend.length ? markdownTable(TREND_COLUMNS, trendRows(review)) : ["_No ended sprint yet._"]), "");
  out.push("### Delivery by quarter", "");
  if (review.quarters.length) out.push(...markdownTable(MARKDOWN_QUARTER_COLUMNS, markdownQuarterRows(review.quarters)), "", `_${QUARTER_LEGEND} In brackets: the change against the previous quarter._`, "");
  else out.push("_Nothing dated yet: add started and done dates to the work._", "");
  return out.join("\n");
}

const perTrack = <T>(value: PerTrack<T>): PerTrack<T> => ({ strategic: value.strategic, tactical: value.tactical });

/** SPEC §8, keys in its order; each trend point then carries its own `target` (the board's target line). */
export function formatReviewJson(review: SprintReview): string {
  const trend = review.trend.map((point) => ({
    sprint: point.sprint,
    end: point.end,
    velocity: point.velocity,
    completion: perTrack(point.completion),
    realisedShare: perTrack(point.realisedShare),
    target: point.target,
  }));
  const quarters = review.quarters.map((quarter) => ({
    quarter: quarter.quarter,
    strategicCompletion: quarter.strategicCompletion,
    cycleTimeDays: perTrack(quarter.cycleTimeDays),
    throughput: perTrack(quarter.throughput),
    change: quarter.change && {
      strategicCompletion: quarter.change.strategicCompletion,
      cycleTimeDays: perTrack(quarter.change.cycleTimeDays),
      throughput: perTrack(quarter.change.throughput),
    },
  }));
  const { carriedOver, drift } = review;
  return (
    JSON.stringify(
      {
        sprint: review.sprint,
        ended: review.ended,
        target: { strategic: review.target.strategic, tactical: review.target.tactical },
        committed: perTrack(review.committed),
        done: perTrack(review.done),
        carriedOver: { strategic: carriedOver.strategic, tactical: carriedOver.tactical, items: carriedOver.items },
        completion: perTrack(review.completion),
        realisedShare: perTrack(review.realisedShare),
        velocity: review.velocity,
        trend,
        drift: drift && { sprints: drift.sprints, target: drift.target },
        quarters,
      },
      null,
      2,
    ) + "\n"
  );
}
