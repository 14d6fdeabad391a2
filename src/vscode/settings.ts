/**
 * VS Code settings `strategyDocs.*` (SPEC §5, §9): the defaults under a folder's
 * `strategy.config.yaml` — the file wins, key by key, for the team's shared
 * settings. A setting of the wrong shape is ignored (the SPEC default applies).
 * `strategyDocs.scorer` is the editor's own (who scores, see score-item.ts).
 */
import * as vscode from "vscode";
import {
  defaultConfig, defaultFolder, RULE_IDS, SCORE_AGGREGATES, SCORING_MODELS, SEVERITY_SETTINGS, type Kind, type ScoreAggregate, type ScoringModel, type SeveritySetting, type StrategyConfig,
} from "../core/index";

/** The `review.*` settings: each a positive whole number (days or sprints), as in `strategy.config.yaml`. */
const REVIEW_SETTINGS = ["maxAgeDays", "trendSprints", "driftSprints", "maxCarries", "kpiMaxAgeDays"] as const satisfies ReadonlyArray<keyof StrategyConfig["review"]>;

const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === "string");

/** The config the settings describe for a folder, before its `strategy.config.yaml` applies. */
export function configFromSettings(scope: vscode.Uri | undefined): StrategyConfig {
  const settings = vscode.workspace.getConfiguration("strategyDocs", scope);
  const config = defaultConfig();
  const include = settings.get<unknown>("include");
  if (isStringList(include) && include.length) config.include = include;
  const exclude = settings.get<unknown>("exclude");
  if (isStringList(exclude)) config.exclude = exclude;

  const model = settings.get<unknown>("scoring.model");
  if (typeof model === "string" && (SCORING_MODELS as readonly string[]).includes(model)) config.scoring.model = model as ScoringModel;
  const weights = settings.get<Record<string, unknown>>("scoring.weights");
  if (weights && typeof weights === "object") {
    for (const key of ["impact", "urgency", "effort"] as const) {
      const value = weights[key];
      if (isNumber(value) && value >= 0) config.scoring.weights[key] = value;
    }
  }
  const formula = settings.get<unknown>("scoring.formula");
  // Checked with the file on top (loadConfig): a custom model in the settings may take its formula
  // from the file, and a formula that does not parse is reported there.
  if (typeof formula === "string" && formula.trim()) config.scoring.formula = formula;
  const aggregate = settings.get<unknown>("scoring.aggregate");
  if (typeof aggregate === "string" && (SCORE_AGGREGATES as readonly string[]).includes(aggregate)) config.scoring.aggregate = aggregate as ScoreAggregate;
  const disagreement = settings.get<unknown>("scoring.disagreement");
  if (isNumber(disagreement) && disagreement > 0) config.scoring.disagreement = disagreement;
  // A label only, as short as the config file allows (12 characters).
  const currency = settings.get<unknown>("budget.currency");
  if (typeof currency === "string" && currency.trim() && currency.trim().length <= 12) config.budget.currency = currency.trim();

  const split = settings.get<Record<string, unknown>>("capacity.split");
  if (split && isNumber(split.strategic) && isNumber(split.tactical) && split.strategic >= 0 && split.tactical >= 0 && Math.abs(split.strategic + split.tactical - 100) < 1e-9) {
    config.capacity.split = { strategic: split.strategic, tactical: split.tactical };
  }
  const tolerance = settings.get<unknown>("capacity.tolerance");
  if (isNumber(tolerance) && tolerance >= 0 && tolerance <= 100) config.capacity.tolerance = tolerance;
  for (const key of REVIEW_SETTINGS) {
    const value = settings.get<unknown>(`review.${key}`);
    if (isNumber(value) && Number.isInteger(value) && value > 0) config.review[key] = value;
  }

  const rules = settings.get<Record<string, unknown>>("rules");
  if (rules && typeof rules === "object") {
    for (const [rule, severity] of Object.entries(rules)) {
      if (RULE_IDS.includes(rule) && typeof severity === "string" && (SEVERITY_SETTINGS as readonly string[]).includes(severity)) config.rules[rule] = severity as SeveritySetting;
    }
  }
  return config;
}

/** The folder new items of a kind go to (`strategyDocs.folders.<kind>`, default `<kind>s`, the root for `strategy`). */
export function folderForKind(scope: vscode.Uri | undefined, kind: Kind): string {
  const value = vscode.workspace.getConfiguration("strategyDocs", scope).get<unknown>(`folders.${kind}`);
  if (typeof value === "string") return value.replace(/^\/+|\/+$/g, "");
  return defaultFolder(kind);
}

/** The scorer's name set in `strategyDocs.scorer` (trimmed), if any. */
export function scorerSetting(): string | undefined {
  const value = vscode.workspace.getConfiguration("strategyDocs").get<unknown>("scorer");
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
}

/** Saves the scorer's name in the user's `strategyDocs.scorer`. */
export async function saveScorer(name: string): Promise<void> {
  await vscode.workspace.getConfiguration("strategyDocs").update("scorer", name, vscode.ConfigurationTarget.Global);
}

/** The settings that make the config ({@link configFromSettings}); the others are read where they are used. */
const CONFIG_SETTINGS = ["include", "exclude", "scoring", "capacity", "review", "budget", "rules"];

/** Whether a configuration change touches the settings the config is made of, for a folder. */
export function affectsSettings(event: vscode.ConfigurationChangeEvent, scope: vscode.Uri): boolean {
  return CONFIG_SETTINGS.some((key) => event.affectsConfiguration(`strategyDocs.${key}`, scope));
}
