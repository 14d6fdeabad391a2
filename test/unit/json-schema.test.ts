import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { itemJsonSchema } from "../../src/core/parse/json-schema";

describe("generated JSON Schema", () => {
  it("is up to date with the zod schemas (run `npm run schema`)", () => {
    const committed = JSON.parse(readFileSync(join(__dirname, "..", "..", "schemas", "strategy-item.schema.json"), "utf8"));
    assert.deepEqual(committed, itemJsonSchema());
  });

  it("describes every kind with its fields", () => {
    const defs = itemJsonSchema().$defs as Record<string, { properties: Record<string, unknown> }>;
    assert.deepEqual(Object.keys(defs), ["strategy", "pillar", "kpi", "initiative", "tactic", "sprint"]);
    assert.ok("impact" in defs.tactic.properties && "capacity" in defs.sprint.properties && "target" in defs.kpi.properties);
  });
});
