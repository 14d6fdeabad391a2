import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { defaultConfig, RULE_IDS } from "../../src/core/index";
import { configJsonSchema, itemJsonSchema } from "../../src/core/parse/json-schema";

const committed = (name: string) => JSON.parse(readFileSync(join(__dirname, "..", "..", "schemas", name), "utf8"));

describe("generated JSON Schema", () => {
  it("is up to date with the zod schemas (run `npm run schema`)", () => {
    assert.deepEqual(committed("strategy-item.schema.json"), itemJsonSchema());
  });

  it("describes every kind with its fields", () => {
    const defs = itemJsonSchema().$defs as Record<string, { properties: Record<string, unknown> }>;
    assert.deepEqual(Object.keys(defs), ["strategy", "pillar", "kpi", "initiative", "tactic", "sprint"]);
    assert.ok("impact" in defs.tactic.properties && "capacity" in defs.sprint.properties && "target" in defs.kpi.properties);
  });
});

describe("generated JSON Schema of strategy.config.yaml", () => {
  it("is up to date with the config's zod schemas (run `npm run schema`)", () => {
    assert.deepEqual(committed("strategy-config.schema.json"), configJsonSchema());
  });

  it("has every setting of SPEC §5 with its default, and names every rule", () => {
    const schema = configJsonSchema() as { additionalProperties: boolean; properties: Record<string, { default?: unknown; description?: string; properties?: Record<string, unknown> }> };
    assert.deepEqual(Object.keys(schema.properties), ["include", "exclude", "scoring", "capacity", "review", "budget", "rules"]);
    assert.equal(schema.additionalProperties, false);
    const defaults = defaultConfig();
    assert.deepEqual(schema.properties.capacity.default, defaults.capacity);
    assert.deepEqual(schema.properties.review.default, defaults.review);
    assert.deepEqual(Object.keys(schema.properties.rules.properties ?? {}), [...RULE_IDS]);
    assert.deepEqual(schema.properties.rules.properties!["stale-strategy"], { type: "string", enum: ["error", "warning", "info", "off"] });
    for (const property of Object.values(schema.properties)) assert.ok(property.description);
  });
});
