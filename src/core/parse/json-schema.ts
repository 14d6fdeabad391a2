/** The JSON Schema of strategy front matter, generated from the zod schemas (for YAML tooling). */
import { z } from "zod";
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
