/**
 * `kpis` output: each pillar as an objective with its KPIs as key results —
 * progress, pace, confidence, the latest measurement and the work that moves
 * each — as text for an 80-column terminal, JSON (SPEC §8) and GitHub markdown.
 */
import { displayText, type KeyResult, type KpiReport, type Objective } from "../core/index";
import { markdownTable, renderTable, type Column } from "./format-table";
import { markdownEscape, NONE, percentCell, plainText, REPORT_WIDTH, wrapWords, type Escape } from "./format-review";

/** How many ids of the moving work the markdown names before "and N more". */
const MOVED_BY_SHOWN = 5;

/** Built on first use: an Intl formatter costs ~9 ms to create, which every other command would pay at start. */
let number: Intl.NumberFormat | undefined;
const valueCell = (value: number | null) => (value === null ? NONE : (number ??= new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 })).format(value));
const PACE: Record<string, string> = { ahead: "ahead", "on-pace": "on pace", behind: "behind" };

/**
 * "2.4 → 2.1 → 1.6 % (lower is better)": baseline → current → target with the unit, the direction, `due`
 * and why progress has no value; `esc` writes the unit and the note, which quote the document.
 */
function course(kr: KeyResult, esc: Escape): string {
  const unit = kr.unit?.trim() ? ` ${esc(kr.unit.trim())}` : "";
  const notes = [kr.direction === "down" ? "lower is better" : "", kr.due ? `due ${kr.due}` : "", kr.progressNote ? esc(kr.progressNote) : ""].filter(Boolean);
  return `${valueCell(kr.baseline)} → ${valueCell(kr.current)} → ${valueCell(kr.target)}${unit}${notes.length ? ` (${notes.join("; ")})` : ""}`;
}

const measuredCell = (kr: KeyResult) => `${kr.measured ?? "never"}${kr.stale ? " (stale)" : ""}`;
const confidenceCell = (kr: KeyResult) => (kr.confidence === null ? NONE : `${kr.confidence}%`);

const objectiveTitle = (objective: Objective, esc: Escape) =>
  `${esc(objective.title)}${objective.title.toLowerCase() !== objective.pillar.toLowerCase() ? ` (${esc(objective.pillar)})` : ""}: progress ${percentCell(objective.progress)}`;

const TABLE_COLUMNS: readonly Column[] = [
  { header: "Key result", max: 30, min: 12 },
  { header: "Progress", align: "right" },
  { header: "Pace" },
  { header: "Conf.", align: "right" },
  { header: "Measured" },
  { header: "Moved by", align: "right" },
];

const tableRow = (kr: KeyResult) => [displayText(kr.id), percentCell(kr.progress), kr.pace ? PACE[kr.pace] : NONE, confidenceCell(kr), measuredCell(kr), String(kr.movedBy.length)];

const detail = (kr: KeyResult) => `${kr.title !== kr.id ? `${plainText(kr.title)}: ` : ""}${course(kr, plainText)}`;

/**
 * One table over every key result, so the columns line up from objective to
 * objective: its header, and per key result its row with its title and course
 * on the lines under it.
 */
function keyResultTable(keyResults: readonly KeyResult[], width: number): { header: string; blocks: Map<KeyResult, string[]> } {
  const [header, ...rows] = renderTable(TABLE_COLUMNS, keyResults.map(tableRow), width, "  ");
  return { header, blocks: new Map(keyResults.map((kr, i) => [kr, [rows[i], ...wrapWords(detail(kr), width, "    ", "      ")]])) };
}

const LEGEND =
  "Progress toward the target (baseline → current → target under each key result), pace against its due date, confidence, the latest measurement and how many initiatives and tactics move it.";

/** The report as text for a terminal. */
export function formatKpisTable(report: KpiReport, width = REPORT_WIDTH): string {
  const out = ["KPIs as key results", ...wrapWords(LEGEND, width), ""];
  if (!report.objectives.length && !report.unattached.length) return [...out, "No pillars or KPIs yet.", ""].join("\n");
  const { header, blocks } = keyResultTable([...report.objectives.flatMap((objective) => objective.keyResults), ...report.unattached], width);
  const section = (keyResults: readonly KeyResult[]) => [header, ...keyResults.flatMap((kr) => blocks.get(kr) ?? [])];
  for (const objective of report.objectives) {
    out.push(...wrapWords(objectiveTitle(objective, plainText), width, "", "  "));
    out.push(...(objective.keyResults.length ? section(objective.keyResults) : ["  (no KPIs: add kpis: to the pillar, or pillar: to a KPI)"]), "");
  }
  if (report.unattached.length) out.push("KPIs of no pillar", ...section(report.unattached), "");
  return out.join("\n");
}

const MARKDOWN_COLUMNS: readonly Column[] = [
  { header: "Key result", text: true },
  { header: "Title", text: true },
  { header: "Baseline → current → target" },
  { header: "Progress", align: "right" },
  { header: "Pace" },
  { header: "Confidence", align: "right" },
  { header: "Measured" },
  { header: "Moved by", text: true },
];

function movedByCell(ids: readonly string[]): string {
  if (!ids.length) return NONE;
  const shown = ids.slice(0, MOVED_BY_SHOWN).join(", ");
  return ids.length > MOVED_BY_SHOWN ? `${shown} and ${ids.length - MOVED_BY_SHOWN} more` : shown;
}

/** A key result's markdown row: the cells of `text` columns are escaped by the table, the course escapes its own document text. */
const markdownRow = (kr: KeyResult) => [
  displayText(kr.id), displayText(kr.title), course(kr, markdownEscape), percentCell(kr.progress), kr.pace ? PACE[kr.pace] : NONE, confidenceCell(kr), measuredCell(kr), displayText(movedByCell(kr.movedBy)),
];

/** The report as GitHub markdown: one section per objective; document text is escaped. */
export function formatKpisMarkdown(report: KpiReport): string {
  const out = ["## KPIs as key results", "", "Each pillar is an objective and its KPIs are its key results. Progress = (current − baseline) ÷ (target − baseline).", ""];
  if (!report.objectives.length && !report.unattached.length) return [...out, "_No pillars or KPIs yet._", ""].join("\n");
  for (const objective of report.objectives) {
    out.push(`### ${objectiveTitle(objective, markdownEscape)}`, "");
    out.push(...(objective.keyResults.length ? markdownTable(MARKDOWN_COLUMNS, objective.keyResults.map(markdownRow)) : ["_No KPIs: add `kpis:` to the pillar, or `pillar:` to a KPI._"]), "");
  }
  if (report.unattached.length) out.push("### KPIs of no pillar", "", ...markdownTable(MARKDOWN_COLUMNS, report.unattached.map(markdownRow)), "");
  return out.join("\n");
}

/** A key result with SPEC §8's keys in its order. */
function keyResultJson(kr: KeyResult): KeyResult {
  return {
    id: kr.id,
    title: kr.title,
    level: kr.level,
    unit: kr.unit,
    direction: kr.direction,
    baseline: kr.baseline,
    current: kr.current,
    target: kr.target,
    progress: kr.progress,
    confidence: kr.confidence,
    measured: kr.measured,
    stale: kr.stale,
    due: kr.due,
    pace: kr.pace,
    progressNote: kr.progressNote,
    history: kr.history.map((reading) => ({ date: reading.date, value: reading.value })),
    movedBy: kr.movedBy,
  };
}

/** SPEC §8, keys in its order. */
export function formatKpisJson(report: KpiReport): string {
  const objectives = report.objectives.map((objective) => ({
    pillar: objective.pillar,
    title: objective.title,
    progress: objective.progress,
    keyResults: objective.keyResults.map(keyResultJson),
  }));
  return JSON.stringify({ objectives, unattached: report.unattached.map(keyResultJson) }, null, 2) + "\n";
}
