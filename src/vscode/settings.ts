/**
 * VS Code settings `strategyDocs.*` (SPEC §5): the defaults under a folder's
 * `strategy.config.yaml` — the file wins, key by key, for the team's shared
 * settings. A setting of the wrong shape is ignored (the SPEC default applies).
 */
import * as vscode from "vscode";
import { defaultConfig, defaultFolder, RULE_IDS, SCORING_MODELS, SEVERITY_SETTINGS, type Kind, type ScoringModel, type SeveritySetting, type StrategyConfig } from "../core/index";

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

/** The settings that make the config ({@link configFromSettings}); the others are read where they are used. */
const CONFIG_SETTINGS = ["include", "exclude", "scoring", "capacity", "review", "rules"];

/** Whether a configuration change touches the settings the config is made of, for a folder. */
export function affectsSettings(event: vscode.ConfigurationChangeEvent, scope: vscode.Uri): boolean {
  return CONFIG_SETTINGS.some((key) => event.affectsConfiguration(`strategyDocs.${key}`, scope));
}
