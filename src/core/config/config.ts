/**
 * `strategy.config.yaml` (SPEC §5): parsed with the full YAML parser, validated
 * with zod (config-schema.ts, loaded only when there is a config). A bad value is a finding on the config file and its default applies;
 * the rest of the config still counts.
 */
import type { Finding } from "../model/issue";
import { LineIndex } from "../model/range";
import { fullParse } from "../parse/full-yaml";
import { describeValue, locate } from "../parse/locate";
import { pairOf, toPlain, type YMap } from "../parse/yaml-node";
import { parseFormula } from "../score/formula";
import type { ConfigKey } from "./config-schema";
import { DEFAULT_CAPACITY, DEFAULT_REVIEW, type StrategyConfig } from "./types";

export const CONFIG_FILE = "strategy.config.yaml";

/** The defaults of SPEC §5. */
export function defaultConfig(): StrategyConfig {
  return {
    include: ["**/*.md", "**/*.markdown"],
    exclude: ["**/node_modules/**", "**/.git/**"],
    scoring: { model: "weighted", weights: { impact: 0.5, urgency: 0.3, effort: 0.2 }, aggregate: "mean", disagreement: 2 },
    capacity: { split: { ...DEFAULT_CAPACITY.split }, tolerance: DEFAULT_CAPACITY.tolerance },
    review: { ...DEFAULT_REVIEW },
    budget: {},
    rules: {},
  };
}

export interface LoadedConfig {
  config: StrategyConfig;
  findings: Finding[];
}

/**
 * Reads the config text (`file` is its workspace-relative path, for findings).
 * `base` is what applies where the file says nothing (VS Code settings); the SPEC defaults without it.
 */
export function loadConfig(text: string | undefined, file = CONFIG_FILE, knownRules: readonly string[] = [], base?: StrategyConfig): LoadedConfig {
  const config = base ? structuredClone(base) : defaultConfig();
  const findings: Finding[] = [];
  if (text === undefined) return { config: withUsableModel(config), findings };
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = new LineIndex(source);
  const finding = (start: number, end: number, message: string, rule = "schema"): void => {
    findings.push({ rule, message, file, range: lines.rangeOf(start, end), fixes: [] });
  };
  const parsed = fullParse(source, 0, source.length);
  for (const error of parsed.errors.slice(0, 5)) finding(error.start, error.end, `The config is not valid YAML: ${error.message}`, "yaml-syntax");
  if (parsed.errors.length || parsed.root === null) return { config: withUsableModel(config), findings };
  if (parsed.root.kind !== "map") {
    finding(parsed.root.start, parsed.root.end, "The config should be a map of settings (include, exclude, scoring, capacity, review, budget, rules)");
    return { config: withUsableModel(config), findings };
  }
  const root: YMap = parsed.root;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- zod is slow to load: only when there is a config
  const { FIELD_SCHEMAS } = require("./config-schema") as typeof import("./config-schema");
  for (const pair of root.pairs) {
    const schema = Object.hasOwn(FIELD_SCHEMAS, pair.key) ? FIELD_SCHEMAS[pair.key as ConfigKey] : undefined;
    if (!schema) {
      finding(pair.keyStart, pair.keyEnd, `Unknown setting \`${pair.key}\`: use include, exclude, scoring, capacity, review, budget or rules`);
      continue;
    }
    const result = schema.safeParse(toPlain(pair.value));
    if (!result.success) {
      const wrapper: YMap = { kind: "map", pairs: [pair], start: pair.keyStart, end: pair.keyEnd, flow: false };
      const typeLike = { kind: "scalar" as const, value: pair.key, start: pair.keyStart, end: pair.keyEnd };
      for (const issue of result.error.issues) {
        const at = locate(wrapper, [pair.key, ...issue.path], typeLike);
        const found = at.value === undefined ? "" : ` (found ${describeValue(at.value)})`;
        finding(at.start, at.end, `${issue.message}${found}; the default applies`);
      }
      continue;
    }
    apply(config, pair.key as ConfigKey, result.data);
  }
  checkFormula(config, root, source, finding);
  const rulesPair = root.pairs.find((p) => p.key === "rules");
  if (rulesPair?.value?.kind === "map" && knownRules.length) {
    for (const rule of rulesPair.value.pairs) {
      if (!knownRules.includes(rule.key)) finding(rule.keyStart, rule.keyEnd, `Unknown rule \`${rule.key}\`: see the rules table in the README`);
    }
  }
  return { config, findings };
}

/** Without a file to report on: a custom model whose formula is missing or does not parse ranks by `weighted`. */
function withUsableModel(config: StrategyConfig): StrategyConfig {
  if (config.scoring.model === "custom" && !(config.scoring.formula && parseFormula(config.scoring.formula).ok)) config.scoring.model = "weighted";
  return config;
}

/** A custom model needs a formula that parses: say where it does not, and fall back to `weighted`. */
function checkFormula(config: StrategyConfig, root: YMap, source: string, finding: (start: number, end: number, message: string) => void): void {
  if (config.scoring.model !== "custom") return;
  const scoring = pairOf(root, "scoring")?.value;
  const formulaNode = scoring?.kind === "map" ? pairOf(scoring, "formula")?.value : undefined;
  if (!config.scoring.formula) {
    const at = scoring ?? root;
    finding(at.start, at.start + 1, '`scoring.model: custom` needs `scoring.formula`, e.g. "(impact * 2 + urgency) / effort"; the weighted model applies');
    config.scoring.model = "weighted";
    return;
  }
  const parsed = parseFormula(config.scoring.formula);
  if (parsed.ok) return;
  if (!formulaNode) {
    // The formula came from `base` (a VS Code setting), not from this file.
    const at = scoring ?? root;
    finding(at.start, at.start + 1, `The \`scoring.formula\` setting: ${parsed.error.message}; the weighted model applies`);
    config.scoring.model = "weighted";
    return;
  }
  // The formula text sits inside its YAML scalar; a quoted scalar starts one character later.
  const quoted = source[formulaNode.start] === '"' || source[formulaNode.start] === "'";
  const start = formulaNode.start + (quoted ? 1 : 0) + parsed.error.offset;
  finding(start, start + Math.max(1, parsed.error.length), `\`scoring.formula\`: ${parsed.error.message}; the weighted model applies`);
  config.scoring.model = "weighted";
}

function apply(config: StrategyConfig, key: ConfigKey, value: unknown): void {
  switch (key) {
    case "include":
    case "exclude":
      config[key] = typeof value === "string" ? [value] : (value as string[]);
      break;
    case "scoring": {
      const scoring = value as Partial<Omit<StrategyConfig["scoring"], "weights">> & { weights?: Partial<StrategyConfig["scoring"]["weights"]> };
      if (scoring.model) config.scoring.model = scoring.model;
      if (scoring.aggregate) config.scoring.aggregate = scoring.aggregate;
      if (scoring.disagreement !== undefined) config.scoring.disagreement = scoring.disagreement;
      if (scoring.weights) config.scoring.weights = { ...config.scoring.weights, ...scoring.weights };
      if (scoring.formula !== undefined) config.scoring.formula = scoring.formula;
      break;
    }
    case "capacity": {
      const capacity = value as Partial<StrategyConfig["capacity"]>;
      if (capacity.split) config.capacity.split = capacity.split;
      if (capacity.tolerance !== undefined) config.capacity.tolerance = capacity.tolerance;
      break;
    }
    case "review": {
      config.review = { ...config.review, ...(value as Partial<StrategyConfig["review"]>) };
      break;
    }
    case "budget":
      config.budget = { ...config.budget, ...(value as StrategyConfig["budget"]) };
      break;
    case "rules":
      // Per rule: a rule the file does not name keeps the base's severity.
      config.rules = { ...config.rules, ...(value as StrategyConfig["rules"]) };
      break;
  }
}
