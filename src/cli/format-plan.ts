/** `plan` output: text tables with a share bar, JSON (SPEC §6) and GitHub markdown. */
import { formatMoney, hasMoney, type PlanItem, type SprintPlan } from "../core/index";
import { dash, displayScore, markdownTable, markdownText, renderTable, TABLE_WIDTH, type Column } from "./format-table";

/** What the planner knew of an item, by id. */
export type ItemLookup = (id: string) => PlanItem | undefined;

const TRACKS = ["strategic", "tactical"] as const;
const BAR_CELLS = 20;

/** A 20-cell bar of a percentage. */
export function shareBar(percent: number): string {
  const filled = Math.max(0, Math.min(BAR_CELLS, Math.round((percent / 100) * BAR_CELLS)));
  return "█".repeat(filled) + "·".repeat(BAR_CELLS - filled);
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const percent = (value: number) => `${value.toFixed(1)}%`;

function free(plan: SprintPlan): number {
  return plan.capacity - plan.planned.strategic - plan.planned.tactical - plan.proposed.strategic - plan.proposed.tactical;
}

/** "capacity 40, target 70% strategic / 30% tactical, 10 free": the headline after the sprint. */
function capacityLine(plan: SprintPlan): string {
  const left = free(plan);
  const room = left >= 0 ? `${left} free` : `${-left} over capacity`;
  return `capacity ${plan.capacity}, target ${plan.target.strategic}% strategic / ${plan.target.tactical}% tactical, ${room}`;
}

const SPLIT_COLUMNS: readonly Column[] = [
  { header: "Track" },
  { header: "Target", align: "right" },
  { header: "Planned", align: "right" },
  { header: "Proposed", align: "right" },
  { header: "Total", align: "right" },
  { header: "Share", align: "right" },
];

function splitRows(plan: SprintPlan): string[][] {
  return TRACKS.map((track) => [
    capital(track),
    `${plan.target[track]}%`,
    String(plan.planned[track]),
    String(plan.proposed[track]),
    String(plan.planned[track] + plan.proposed[track]),
    percent(plan.share[track]),
  ]);
}

const ITEM_COLUMNS: readonly Column[] = [
  { header: "Score", align: "right" },
  { header: "Est.", align: "right" },
  { header: "Id", max: 40 },
  { header: "Title", max: 40, min: 24, wrap: true, text: true },
  { header: "Track" },
  { header: "Pillar", max: 30 },
  { header: "Status" },
];

function itemRows(ids: readonly string[], lookup: ItemLookup): string[][] {
  return ids.map((id) => {
    const info = lookup(id);
    if (!info) return ["-", "-", id, "", "-", "-", "-"];
    return [info.score === null ? "-" : displayScore(info.score).toFixed(2), dash(info.estimate ?? null), id, info.title ?? id, info.track, dash(info.pillar ?? null), dash(info.status ?? null)];
  });
}

function units(plan: SprintPlan, part: "planned" | "proposed"): number {
  return plan[part].strategic + plan[part].tactical;
}

const PILLAR_COLUMNS: readonly Column[] = [{ header: "Pillar" }, { header: "Units", align: "right" }, { header: "Share", align: "right" }];
const MONEY_COLUMN: Column = { header: "Money", align: "right" };

/** The pillar table's columns: with money when the plan has any. */
function pillarColumns(plan: SprintPlan): readonly Column[] {
  return hasMoney(plan.budget) ? [...PILLAR_COLUMNS, MONEY_COLUMN] : PILLAR_COLUMNS;
}

/** Units and share per pillar, and its money when the plan has any (pillars with money but no units too). */
function pillarRows(plan: SprintPlan): string[][] {
  const total = Object.values(plan.byPillar).reduce((a, b) => a + b, 0);
  const rows = Object.entries(plan.byPillar).map(([pillar, amount]) => [pillar, String(amount), total ? percent((amount / total) * 100) : "-"]);
  if (!hasMoney(plan.budget)) return rows;
  const money = plan.budget.byPillar;
  for (const pillar of Object.keys(money)) if (!(pillar in plan.byPillar)) rows.push([pillar, "-", "-"]);
  return rows.map((row) => [...row, row[0] in money ? formatMoney(money[row[0]]) : "-"]);
}

const MONEY_COLUMNS: readonly Column[] = [
  { header: "Track" },
  { header: "Planned", align: "right" },
  { header: "Proposed", align: "right" },
  { header: "Total", align: "right" },
];

/** Money per track: planned, proposed and both. */
function moneyRows(plan: SprintPlan): string[][] {
  const { planned, proposed } = plan.budget;
  return TRACKS.map((track) => [capital(track), formatMoney(planned[track]), formatMoney(proposed[track]), formatMoney(planned[track] + proposed[track])]);
}

/** "EUR 43,000 planned and proposed of the EUR 45,000 budget, EUR 2,000 left": the money headline, with the currency label as given. */
function moneyLine(plan: SprintPlan, currency: string | null): string {
  const { planned, proposed, cap } = plan.budget;
  const total = planned.strategic + planned.tactical + proposed.strategic + proposed.tactical;
  const spent = `${formatMoney(total, currency)} planned and proposed`;
  if (cap === null) return `${spent}; the sprint sets no \`budget\``;
  const left = cap - total;
  return `${spent} of the ${formatMoney(cap, currency)} budget, ${formatMoney(Math.abs(left), currency)} ${left >= 0 ? "left" : "over"}`;
}

/** The money section's title: "Money (EUR)". */
function moneyTitle(currency: string | null): string {
  return currency ? `Money (${currency})` : "Money";
}

/** The plan as text: the split per track with bars, the items, the share per pillar, what does not fit, notes. */
export function formatPlanTable(plan: SprintPlan, lookup: ItemLookup, width = TABLE_WIDTH): string {
  const out = [`Sprint ${plan.sprint}: ${capacityLine(plan)}`, ""];
  const split = renderTable(SPLIT_COLUMNS, splitRows(plan), width - BAR_CELLS - 2, "  ");
  out.push(split[0], ...split.slice(1).map((line, i) => `${line}  ${shareBar(plan.share[TRACKS[i]])}`), "");
  const section = (title: string, ids: readonly string[], empty: string) => {
    out.push(title);
    out.push(...(ids.length ? renderTable(ITEM_COLUMNS, itemRows(ids, lookup), width, "  ") : [`  ${empty}`]), "");
  };
  section(`Planned (${plan.planned.items.length} items, ${units(plan, "planned")} units)`, plan.planned.items, "(nothing planned yet)");
  section(`Proposed (${plan.proposed.items.length} items, ${units(plan, "proposed")} units)`, plan.proposed.items, "(nothing to propose)");
  if (hasMoney(plan.budget)) {
    out.push(`${moneyTitle(plan.budget.currency)}: ${moneyLine(plan, plan.budget.currency)}`, ...renderTable(MONEY_COLUMNS, moneyRows(plan), width, "  "), "");
  }
  out.push("By pillar");
  const pillars = pillarRows(plan);
  out.push(...(pillars.length ? renderTable(pillarColumns(plan), pillars, width, "  ") : ["  (nothing planned or proposed)"]), "");
  if (plan.doesNotFit.length) section(`Does not fit (${plan.doesNotFit.length})`, plan.doesNotFit, "");
  if (plan.notes.length) out.push("Notes", ...plan.notes.map((note) => `  - ${note}`), "");
  return out.join("\n");
}

/** The plan as GitHub markdown. */
export function formatPlanMarkdown(plan: SprintPlan, lookup: ItemLookup): string {
  const out = [`## Sprint ${plan.sprint}`, "", `${capital(capacityLine(plan))}.`, ""];
  out.push(...markdownTable(SPLIT_COLUMNS, splitRows(plan)), "");
  const section = (title: string, ids: readonly string[], empty: string) => {
    out.push(`### ${title}`, "", ...(ids.length ? markdownTable(ITEM_COLUMNS, itemRows(ids, lookup)) : [`_${empty}_`]), "");
  };
  section(`Planned (${units(plan, "planned")} units)`, plan.planned.items, "Nothing planned yet.");
  section(`Proposed (${units(plan, "proposed")} units)`, plan.proposed.items, "Nothing to propose.");
  const currency = plan.budget.currency === null ? null : markdownText(plan.budget.currency);
  if (hasMoney(plan.budget)) {
    out.push(`### ${moneyTitle(currency)}`, "", `${capital(moneyLine(plan, currency))}.`, "", ...markdownTable(MONEY_COLUMNS, moneyRows(plan)), "");
  }
  const pillars = pillarRows(plan);
  out.push("### By pillar", "", ...(pillars.length ? markdownTable(pillarColumns(plan), pillars) : ["_Nothing planned or proposed._"]), "");
  if (plan.doesNotFit.length) section("Does not fit", plan.doesNotFit, "");
  // The notes are the planner's words with ids (slugs) in them; only the configured currency label may hold markup.
  const raw = plan.budget.currency;
  const safe = (note: string) => (raw && currency && raw !== currency ? note.split(raw).join(currency) : note);
  if (plan.notes.length) out.push("### Notes", "", ...plan.notes.map((note) => `- ${safe(note)}`), "");
  return out.join("\n");
}

/** SPEC §6 and §9: exactly their keys (the planner's `details` are left out); `budget` is the money, always present. */
export function formatPlanJson(plan: SprintPlan): string {
  const { sprint, capacity, target, planned, proposed, share, byPillar, doesNotFit, notes, budget } = plan;
  return JSON.stringify({ sprint, capacity, target, planned, proposed, share, byPillar, doesNotFit, notes, budget }, null, 2) + "\n";
}
