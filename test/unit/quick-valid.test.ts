import { strict as assert } from "node:assert";
import { KINDS } from "../../src/core/index";
import { QUICK_CHECKS, quickValid } from "../../src/core/parse/quick-valid";
import { KIND_SCHEMAS } from "../../src/core/parse/schemas";

// Values of every shape YAML can produce, valid and not, for every field.
const SAMPLES: unknown[] = [
  null, true, false, 0, 1, 3, 5, 6, -1, 2.5, 100, 101, 1e9, NaN, Infinity, "", "x", "growth", "Growth", "Has Space", "2026-11-24",
  "2026-13-45", "2026-02-31", "2026-01-32", "2026-00-10", "2026-12-31 10:00", "2026-1-01", "0000-01-01", "2026-11-24T10:00:00Z", "up", "down", "planned", "done", "doing", "strategic", "tactical", "weekly", [], ["a"], ["a", "B-2"],
  ["has space"], [1, 2], [null], {}, { strategic: 70, tactical: 30 }, { strategic: 70, tactical: 20 }, { strategic: "70", tactical: 30 },
  new Date("2026-01-01"),
];

describe("quick validity test agrees with zod", () => {
  for (const kind of KINDS) {
    it(`${kind}: every field, every kind of value`, () => {
      const base: Record<string, unknown> = kind === "sprint" ? { type: kind, capacity: 10 } : { type: kind };
      for (const field of Object.keys(QUICK_CHECKS[kind])) {
        if (field === "type") continue;
        for (const value of SAMPLES) {
          const data = { ...base, [field]: value };
          const zod = KIND_SCHEMAS[kind].safeParse(data).success;
          assert.equal(quickValid(kind, data), zod, `${kind}.${field} = ${JSON.stringify(value)}: zod says ${zod}`);
        }
      }
      if (kind === "sprint") assert.equal(quickValid("sprint", { type: "sprint" }), false);
    });
  }

  it("knows every field the zod schemas know", () => {
    for (const kind of KINDS) {
      const shape = (KIND_SCHEMAS[kind] as unknown as { shape: Record<string, unknown> }).shape;
      assert.deepEqual(Object.keys(QUICK_CHECKS[kind]).sort(), Object.keys(shape).sort(), kind);
    }
  });
});
