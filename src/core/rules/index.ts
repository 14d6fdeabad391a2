/** Every rule of SPEC §2, in the order of its table. */
import { capacitySplitOffTarget } from "./capacity-split-off-target";
import { chronicCarryOver } from "./chronic-carry-over";
import { duplicateId } from "./duplicate-id";
import { kpiStale } from "./kpi-stale";
import { kpiWithoutTarget } from "./kpi-without-target";
import { overBudget } from "./over-budget";
import { pillarWithoutExecution } from "./pillar-without-execution";
import { pillarWithoutKpi } from "./pillar-without-kpi";
import type { Rule } from "./rule";
import { schema } from "./schema";
import { scoreDisagreement } from "./score-disagreement";
import { splitDrift } from "./split-drift";
import { sprintOverCapacity } from "./sprint-over-capacity";
import { staleStrategy } from "./stale-strategy";
import { strategicWorkTacticalKpi } from "./strategic-work-tactical-kpi";
import { tacticCalledStrategy } from "./tactic-called-strategy";
import { tacticMissingKpi } from "./tactic-missing-kpi";
import { tacticMissingPillar } from "./tactic-missing-pillar";
import { unknownReference } from "./unknown-reference";
import { unreadableFile } from "./unreadable-file";
import { unscoredItem } from "./unscored-item";
import { yamlSyntax } from "./yaml-syntax";

export const RULES: readonly Rule[] = [
  yamlSyntax,
  schema,
  duplicateId,
  unknownReference,
  tacticMissingPillar,
  tacticMissingKpi,
  pillarWithoutExecution,
  pillarWithoutKpi,
  tacticCalledStrategy,
  staleStrategy,
  unscoredItem,
  kpiWithoutTarget,
  kpiStale,
  strategicWorkTacticalKpi,
  sprintOverCapacity,
  capacitySplitOffTarget,
  splitDrift,
  chronicCarryOver,
  overBudget,
  scoreDisagreement,
  unreadableFile,
];

export const RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}

export type { Rule, RuleContext, RuleExample } from "./rule";
