import assert from "node:assert/strict";
import type { ScoringConfig, ScoringModel } from "../../src/core/config/types.js";
import { rankItems, requiredFields, scoreFields } from "../../src/core/score/index.js";

const DEFAULT_WEIGHTS = { impact: 0.5, urgency: 0.3, effort: 0.2 };

function config(model: ScoringModel, extra: Partial<ScoringConfig> = {}): ScoringConfig {
  return { model, weights: DEFAULT_WEIGHTS, aggregate: "mean", disagreement: 2, ...extra };
}

function score(fields: Record<string, unknown>, scoring: ScoringConfig): number {
  const result = scoreFields(fields, scoring);
  assert.ok(result.ok, `expected a score: ${JSON.stringify(result)}`);
  return result.score;
}

describe("score: models", () => {
  it("weighted: the spec's default example, 0.5*4 + 0.3*3 + 0.2*(6-2) = 3.7", () => {
    const result = scoreFields({ impact: 4, urgency: 3, effort: 2 }, config("weighted"));
    assert.deepEqual(result, {
      ok: true,
      score: 3.7,
      breakdown: [
        { field: "impact", value: 4, weight: 0.5, contribution: 2 },
        { field: "urgency", value: 3, weight: 0.3, contribution: 0.9 },
        { field: "effort", value: 2, weight: 0.2, contribution: 0.8 },
      ],
      explanation: "weighted: 0.5×impact 4 + 0.3×urgency 3 + 0.2×(6−effort 2) = 3.7",
    });
  });

  it("weighted: rounds away floating noise", () => {
    // 0.1*1 + 0.2*1 is 0.30000000000000004 in floating point
    const scoring = config("weighted", { weights: { impact: 0.1, urgency: 0.2, effort: 0 } });
    const result = scoreFields({ impact: 1, urgency: 1 }, scoring);
    assert.ok(result.ok);
    assert.equal(result.score, 0.3);
    assert.equal(result.explanation, "weighted: 0.1×impact 1 + 0.2×urgency 1 = 0.3");
  });

  it("weighted: custom weights", () => {
    const scoring = config("weighted", { weights: { impact: 1, urgency: 2, effort: 0.5 } });
    // 1*3 + 2*5 + 0.5*(6-4) = 3 + 10 + 1
    assert.equal(score({ impact: 3, urgency: 5, effort: 4 }, scoring), 14);
  });

  it("weighted: a field weighted 0 is not required", () => {
    const scoring = config("weighted", { weights: { impact: 1, urgency: 0, effort: 1 } });
    assert.deepEqual(requiredFields(scoring), ["impact", "effort"]);
    assert.equal(score({ impact: 3, effort: 1 }, scoring), 8);
  });

  it("wsjf: (impact + urgency + riskReduction) / effort, riskReduction optional", () => {
    assert.equal(score({ impact: 4, urgency: 3, riskReduction: 1, effort: 2 }, config("wsjf")), 4);
    const result = scoreFields({ impact: 4, urgency: 3, effort: 2 }, config("wsjf"));
    assert.ok(result.ok);
    assert.equal(result.score, 3.5);
    assert.equal(result.explanation, "wsjf: (impact 4 + urgency 3) / effort 2 = 3.5");
    assert.equal(score({ impact: 4, urgency: 3, riskReduction: null, effort: 2 }, config("wsjf")), 3.5);
    assert.deepEqual(requiredFields(config("wsjf")), ["impact", "urgency", "effort"]);
  });

  it("wsjf: a riskReduction that is not a number is missing, not 0", () => {
    const result = scoreFields({ impact: 4, urgency: 3, riskReduction: "high", effort: 2 }, config("wsjf"));
    assert.deepEqual(result, { ok: false, missing: ["riskReduction"] });
  });

  it("wsjf and rice: effort 0 is a division by zero, not a score", () => {
    const wsjf = scoreFields({ impact: 4, urgency: 3, effort: 0 }, config("wsjf"));
    assert.deepEqual(wsjf, { ok: false, missing: [], reason: "division by zero: effort is 0" });
    const rice = scoreFields({ reach: 10, impact: 1, confidence: 50, effort: 0 }, config("rice"));
    assert.equal(rice.ok, false);
  });

  it("rice: reach * impact * confidence% / effort", () => {
    // 1000 * 2 * 0.8 / 4 = 400
    const result = scoreFields({ reach: 1000, impact: 2, confidence: 80, effort: 4 }, config("rice"));
    assert.ok(result.ok);
    assert.equal(result.score, 400);
    assert.equal(result.explanation, "rice: reach 1000 × impact 2 × confidence 80% / effort 4 = 400");
    assert.deepEqual(requiredFields(config("rice")), ["reach", "impact", "confidence", "effort"]);
  });

  it("ice: impact * confidence/10 * (6 - effort)", () => {
    // 4 * 0.8 * 4 = 12.8
    const result = scoreFields({ impact: 4, confidence: 8, effort: 2 }, config("ice"));
    assert.ok(result.ok);
    assert.equal(result.score, 12.8);
    assert.equal(result.explanation, "ice: impact 4 × confidence 8/10 × ease (6−effort 2) = 12.8");
  });

  it("custom: evaluates the formula and explains it", () => {
    const scoring = config("custom", { formula: "(impact * 2 + urgency) / effort" });
    const result = scoreFields({ impact: 4, urgency: 3, effort: 2, title: "x" }, scoring);
    assert.deepEqual(result, {
      ok: true,
      score: 5.5,
      breakdown: [
        { field: "impact", value: 4 },
        { field: "urgency", value: 3 },
        { field: "effort", value: 2 },
      ],
      explanation: "custom: (impact * 2 + urgency) / effort with impact 4, urgency 3, effort 2 = 5.5",
    });
    assert.deepEqual(requiredFields(scoring), ["impact", "urgency", "effort"]);
  });

  it("custom: division by zero through a field", () => {
    const scoring = config("custom", { formula: "impact / effort" });
    assert.deepEqual(scoreFields({ impact: 4, effort: 0 }, scoring), { ok: false, missing: [], reason: "division by zero" });
  });

  it("custom: a formula that does not parse is a reason, not a throw", () => {
    const scoring = config("custom", { formula: "(impact + 2" });
    assert.deepEqual(scoreFields({ impact: 1 }, scoring), { ok: false, missing: [], reason: "Unclosed `(` at column 1: add `)`" });
    assert.deepEqual(requiredFields(scoring), []);
    const none = scoreFields({ impact: 1 }, config("custom"));
    assert.equal(none.ok, false);
    assert.match(!none.ok ? none.reason ?? "" : "", /no scoring.formula/);
  });

  it("lists every missing field at once, sorted, never scoring them as 0", () => {
    assert.deepEqual(scoreFields({ effort: 2 }, config("weighted")), { ok: false, missing: ["impact", "urgency"] });
    assert.deepEqual(scoreFields({}, config("rice")), { ok: false, missing: ["confidence", "effort", "impact", "reach"] });
    const custom = config("custom", { formula: "zeta * alpha + impact" });
    assert.deepEqual(scoreFields({ impact: 1 }, custom), { ok: false, missing: ["alpha", "zeta"] });
  });

  it("counts non-number values as missing", () => {
    const fields = { impact: "4", urgency: Number.NaN, effort: Infinity };
    assert.deepEqual(scoreFields(fields, config("weighted")), { ok: false, missing: ["effort", "impact", "urgency"] });
    assert.deepEqual(scoreFields({ impact: 4, urgency: null, effort: 2 }, config("weighted")), { ok: false, missing: ["urgency"] });
  });

  it("reads own properties only", () => {
    const inherited = Object.create({ impact: 4, urgency: 3 }) as Record<string, unknown>;
    inherited.effort = 2;
    assert.deepEqual(scoreFields(inherited, config("weighted")), { ok: false, missing: ["impact", "urgency"] });
  });
});

interface Item {
  id: string;
  fields: Record<string, unknown>;
}

const item = (id: string, fields: Record<string, unknown>): Item => ({ id, fields });

function rank(items: Item[], scoring: ScoringConfig = config("weighted")) {
  return rankItems(items, (i) => i.fields, (i) => i.id, scoring);
}

describe("score: ranking", () => {
  it("ranks higher scores first with ranks 1..n", () => {
    const result = rank([
      item("low", { impact: 1, urgency: 1, effort: 5 }),
      item("high", { impact: 5, urgency: 5, effort: 1 }),
      item("mid", { impact: 4, urgency: 3, effort: 2 }),
    ]);
    assert.deepEqual(result.ranked.map((r) => [r.item.id, r.rank, r.score]), [["high", 1, 5], ["mid", 2, 3.7], ["low", 3, 1.0]]);
    assert.match(result.ranked[1].explanation, /= 3\.7$/);
    assert.deepEqual(result.unranked, []);
  });

  it("breaks score ties by urgency, higher first", () => {
    const scoring = config("custom", { formula: "impact" });
    const result = rank([item("a", { impact: 3, urgency: 1 }), item("b", { impact: 3, urgency: 4 })], scoring);
    assert.deepEqual(result.ranked.map((r) => r.item.id), ["b", "a"]);
  });

  it("puts an item without urgency after one with it on a tie", () => {
    const scoring = config("custom", { formula: "impact" });
    const result = rank([item("a", { impact: 3 }), item("z", { impact: 3, urgency: 1 }), item("m", { impact: 3, urgency: "high" })], scoring);
    assert.deepEqual(result.ranked.map((r) => r.item.id), ["z", "a", "m"]);
  });

  it("breaks remaining ties by id, ascending and case-insensitive", () => {
    const fields = { impact: 3, urgency: 3, effort: 3 };
    const result = rank([item("charlie", fields), item("Bravo", fields), item("alpha", fields), item("B", fields)]);
    assert.deepEqual(result.ranked.map((r) => [r.item.id, r.rank]), [["alpha", 1], ["B", 2], ["Bravo", 3], ["charlie", 4]]);
  });

  it("lists unscored items apart, with what they lack, ordered by id", () => {
    const result = rank([
      item("ok", { impact: 3, urgency: 3, effort: 3 }),
      item("z-none", {}),
      item("a-some", { impact: 2 }),
    ]);
    assert.deepEqual(result.ranked.map((r) => r.item.id), ["ok"]);
    assert.deepEqual(result.unranked.map((u) => [u.item.id, u.missing]), [["a-some", ["effort", "urgency"]], ["z-none", ["effort", "impact", "urgency"]]]);
    assert.ok(!("reason" in result.unranked[0]));
  });

  it("carries the reason of a failed score", () => {
    const result = rank([item("x", { impact: 1, effort: 0 })], config("custom", { formula: "impact / effort" }));
    assert.deepEqual(result.unranked.map((u) => [u.missing, u.reason]), [[[], "division by zero"]]);
  });

  it("ranks 10,000 items", () => {
    const items: Item[] = [];
    for (let n = 0; n < 10_000; n++) {
      items.push(item(`item-${String(n).padStart(5, "0")}`, { impact: (n % 5) + 1, urgency: ((n * 7) % 5) + 1, effort: ((n * 3) % 5) + 1 }));
    }
    // n mod 5 decides everything: 4 → impact 5, urgency 4, effort 3 → 4.3 (best);
    // 0 → impact 1, urgency 1, effort 1 → 1.8 (worst). Ties fall back to id.
    const result = rank(items);
    assert.equal(result.ranked.length, 10_000);
    assert.equal(result.unranked.length, 0);
    const first = result.ranked[0];
    const last = result.ranked[9_999];
    assert.deepEqual([first.item.id, first.rank, first.score], ["item-00004", 1, 4.3]);
    assert.deepEqual([last.item.id, last.rank, last.score], ["item-09995", 10_000, 1.8]);
    assert.ok(result.ranked.every((entry, index) => entry.rank === index + 1));
  });
});
