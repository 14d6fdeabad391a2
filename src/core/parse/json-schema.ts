/** The JSON Schemas of strategy front matter and of `strategy.config.yaml`, generated from the zod schemas (for YAML tooling). */
import { z } from "zod";
import { defaultConfig } from "../config/config";
import { FIELD_SCHEMAS } from "../config/config-schema";
import { RULE_IDS } from "../rules/index";
import { KINDS } from "../model/kinds";
import { KIND_SCHEMAS } from "./schemas";

export function itemJsonSchema(): Record<string, unknown> {
  const kinds = KINDS.map((kind) => {
    const schema = z.toJSONSchema(KIND_SCHEMAS[kind], { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
    delete schema.$schema;
    const properties = { ...(schema.properties as Record<string, unknown>), type: { const: kind, description: `A ${kind}` } };
    return { ...schema, title: kind, properties, required: ["type", ...((schema.required as string[]) ?? []).filter((k) => k !== "type")] };
  });
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "Strategy Docs front matter",
    description: "One strategy item (strategy, pillar, kpi, initiative, tactic, sprint), or an `items:` list of them.",
    $defs: Object.fromEntries(KINDS.map((kind, i) => [kind, kinds[i]])),
    anyOf: [
      ...KINDS.map((kind) => ({ $ref: `#/$defs/${kind}` })),
      {
        type: "object",
        required: ["items"],
        properties: { items: { type: "array", items: { anyOf: KINDS.map((kind) => ({ allOf: [{ $ref: `#/$defs/${kind}` }, { required: ["id"] }] })) } } },
      },
    ],
  };
}

const CONFIG_DESCRIPTIONS: Record<keyof typeof FIELD_SCHEMAS, string> = {
  include: "Globs of the markdown files to read, relative to the folder of this file.",
  exclude: "Globs of files and folders to leave out.",
  scoring: "How the backlog is ranked: the model (weighted, wsjf, rice, ice, custom), the weights of `weighted`, the formula of `custom`, how people's `scores:` combine (mean or median) and the spread that is a disagreement.",
  capacity: "The sprint capacity split between the strategic and the tactical track (percent), and the drift allowed before `capacity-split-off-target` warns.",
  review: "How old `reviewed:` may get (days) before `stale-strategy` reports it; the sprints in a review's trend and in a split drift; the carries that make work chronic; how old a KPI's measurement may get.",
  budget: "How amounts of money are labelled (currency, e.g. EUR); it changes no sum.",
  rules: "Severity per rule id: error, warning, info or off.",
};

/** The JSON Schema of `strategy.config.yaml` (every key optional, unknown keys reported). */
export function configJsonSchema(): Record<string, unknown> {
  const defaults = defaultConfig() as unknown as Record<string, unknown>;
  const properties: Record<string, unknown> = {};
  for (const key of Object.keys(FIELD_SCHEMAS) as Array<keyof typeof FIELD_SCHEMAS>) {
    const schema = z.toJSONSchema(FIELD_SCHEMAS[key], { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
    delete schema.$schema;
    properties[key] = { ...schema, description: CONFIG_DESCRIPTIONS[key], ...(key === "rules" ? {} : { default: defaults[key] }) };
  }
  // Name every rule, so that editors complete the rule ids.
  const rules = properties.rules as Record<string, unknown>;
  const severity = rules.additionalProperties;
  properties.rules = { ...rules, properties: Object.fromEntries(RULE_IDS.map((id) => [id, severity])) };
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "Strategy Docs configuration (strategy.config.yaml)",
    type: "object",
    additionalProperties: false,
    properties,
  };
}
