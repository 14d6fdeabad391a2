/**
 * The guided part of New Tactic… / New Initiative…: after the title, quick picks
 * for the pillar, a KPI of that pillar (its own KPIs first) and impact, urgency
 * and effort with what each number means. Escape on a pick leaves that field out.
 */
import * as vscode from "vscode";
import type { Item, StrategyWorkspace } from "../core/index";
import { shortTitle, type NewItemFields } from "../core/index";

/** Items a pick lists, at most (a hostile file may hold 25,000). */
const MAX_PICKS = 500;

interface IdPick extends vscode.QuickPickItem {
  id?: string;
}

function idPicks(items: readonly Item[]): IdPick[] {
  return items.slice(0, MAX_PICKS).map((item) => ({ label: item.id, description: shortTitle(item), id: item.id }));
}

const MEANINGS: Record<"impact" | "urgency" | "effort", [string, string[]]> = {
  impact: ["How much does it move its KPI?", ["barely", "a little", "noticeably", "a lot", "decisively"]],
  urgency: ["How soon does it matter?", ["whenever", "this year", "this quarter", "this month", "now"]],
  effort: ["How much work is it? (less effort scores higher)", ["an hour or two", "a day or two", "a week", "several weeks", "a quarter or more"]],
};

async function pickScore(kind: string, field: keyof typeof MEANINGS): Promise<number | undefined> {
  const [question, words] = MEANINGS[field];
  const picked = await vscode.window.showQuickPick(
    words.map((word, i) => ({ label: String(i + 1), description: word, value: i + 1 })),
    { title: `New ${kind}: ${field} (1–5)`, placeHolder: `${question} Escape leaves ${field} out` },
  );
  return picked?.value;
}

/** Asks pillar, KPI and scores for a new initiative or tactic. */
export async function askNewItemFields(workspace: StrategyWorkspace, kind: string): Promise<NewItemFields> {
  const { index } = workspace;
  const fields: NewItemFields = {};
  const pillar = await vscode.window.showQuickPick(idPicks(index.sortedOfKind("pillar")), {
    title: `New ${kind}: pillar`, placeHolder: "Which pillar does it serve? Escape leaves the pillar out", matchOnDescription: true,
  });
  fields.pillar = pillar?.id;
  const pillarItem = pillar?.id ? index.find(pillar.id, ["pillar"]) : undefined;
  const own = pillarItem ? index.kpisOf(pillarItem) : [];
  const ownSet = new Set(own);
  const others = index.sortedOfKind("kpi").filter((kpi) => !ownSet.has(kpi));
  const kpiPicks: IdPick[] = [
    ...(own.length ? [{ label: `KPIs of ${pillar!.id}`, kind: vscode.QuickPickItemKind.Separator }, ...idPicks(own)] : []),
    ...(others.length ? [{ label: "Other KPIs", kind: vscode.QuickPickItemKind.Separator }, ...idPicks(others)] : []),
  ];
  const kpi = await vscode.window.showQuickPick(kpiPicks, { title: `New ${kind}: KPI`, placeHolder: "Which KPI should it move? Escape leaves the KPI out", matchOnDescription: true });
  fields.kpi = kpi?.id;
  for (const field of ["impact", "urgency", "effort"] as const) fields[field] = await pickScore(kind, field);
  return fields;
}
