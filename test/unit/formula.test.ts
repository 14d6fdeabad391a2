import assert from "node:assert/strict";
import { evaluateFormula, parseFormula, type FormulaError } from "../../src/core/score/index.js";

/** Parses and evaluates, failing the test on a syntax error. */
function run(source: string, fields: Record<string, unknown> = {}) {
  const parsed = parseFormula(source);
  assert.ok(parsed.ok, `expected ${source} to parse`);
  return evaluateFormula(parsed.expr, fields);
}

function value(source: string, fields: Record<string, unknown> = {}): number {
  const result = run(source, fields);
  assert.ok(result.ok, `expected ${source} to evaluate: ${JSON.stringify(result)}`);
  return result.value;
}

function syntaxError(source: string): FormulaError {
  const parsed = parseFormula(source);
  assert.ok(!parsed.ok, `expected ${JSON.stringify(source)} not to parse`);
  return parsed.error;
}

describe("formula: evaluation", () => {
  it("gives * and / precedence over + and -", () => {
    assert.equal(value("1 + 2 * 3"), 7);
    assert.equal(value("(1 + 2) * 3"), 9);
    assert.equal(value("8 - 2 - 1"), 5);
  });

  it("binds unary minus and plus tightest", () => {
    assert.equal(value("-2 * 3"), -6);
    assert.equal(value("2 - -1"), 3);
    assert.equal(value("+2 + - -3"), 5);
    assert.equal(value("-(1 + 2)"), -3);
  });

  it("divides left to right", () => {
    assert.equal(value("10 / 4 / 5"), 0.5);
  });

  it("reads decimals", () => {
    assert.equal(value("0.5 * 4 + .25"), 2.25);
  });

  it("reads fields and lists their names in order of first use", () => {
    const parsed = parseFormula("(impact * 2 + urgency) / effort + impact");
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.fields, ["impact", "urgency", "effort"]);
    assert.deepEqual(evaluateFormula(parsed.expr, { impact: 4, urgency: 3, effort: 2 }), { ok: true, value: 9.5 });
  });

  it("calls min, max, round and abs", () => {
    assert.equal(value("min(3, 1, 2)"), 1);
    assert.equal(value("max(a, b)", { a: 2, b: 5 }), 5);
    assert.equal(value("round(2.5) + round(1.4)"), 4);
    assert.equal(value("abs(1 - 4)"), 3);
    assert.equal(value("min(x)", { x: 7 }), 7);
  });

  it("treats a field named like a function as a field when not called", () => {
    assert.equal(value("min + 1", { min: 2 }), 3);
  });

  it("lists all missing fields, sorted and deduplicated", () => {
    assert.deepEqual(run("zeta + alpha * zeta + known", { known: 1 }), { ok: false, missing: ["alpha", "zeta"] });
  });

  it("counts non-numbers, NaN and Infinity as missing", () => {
    const fields = { a: "4", b: null, c: Number.NaN, d: Infinity, e: true, f: 1 };
    assert.deepEqual(run("a + b + c + d + e + f", fields), { ok: false, missing: ["a", "b", "c", "d", "e"] });
  });

  it("reads own properties only", () => {
    const inherited = Object.create({ impact: 4 }) as Record<string, unknown>;
    assert.deepEqual(run("impact", inherited), { ok: false, missing: ["impact"] });
    assert.deepEqual(run("toString + valueOf", {}), { ok: false, missing: ["toString", "valueOf"] });
  });

  it("reports division by zero, directly and through a field", () => {
    assert.deepEqual(run("1 / 0"), { ok: false, missing: [], reason: "division by zero" });
    assert.deepEqual(run("impact / effort", { impact: 3, effort: 0 }), { ok: false, missing: [], reason: "division by zero" });
    assert.deepEqual(run("0 / 0"), { ok: false, missing: [], reason: "division by zero" });
  });

  it("prefers missing fields over division by zero", () => {
    assert.deepEqual(run("a / 0"), { ok: false, missing: ["a"] });
  });

  it("never returns a non-finite value", () => {
    assert.deepEqual(run("a * a", { a: 1e200 }), { ok: false, missing: [], reason: "result is not a finite number" });
  });
});

describe("formula: syntax errors", () => {
  it("reports a dangling operator at the end", () => {
    const error = syntaxError("1 +");
    assert.deepEqual({ offset: error.offset, length: error.length }, { offset: 3, length: 0 });
    assert.match(error.message, /^Unexpected end of formula at column 4: expected a number, a field name or `\(`$/);
  });

  it("reports an unclosed parenthesis at the parenthesis", () => {
    const error = syntaxError("(1 + 2");
    assert.deepEqual(error, { message: "Unclosed `(` at column 1: add `)`", offset: 0, length: 1 });
    assert.equal(syntaxError("max(1, (2").offset, 7);
  });

  it("reports two operands without an operator", () => {
    const error = syntaxError("1 2");
    assert.deepEqual({ offset: error.offset, length: error.length }, { offset: 2, length: 1 });
    assert.match(error.message, /^Unexpected number `2` at column 3: expected an operator/);
  });

  it("reports an unknown character", () => {
    const error = syntaxError("a $ b");
    assert.deepEqual({ offset: error.offset, length: error.length }, { offset: 2, length: 1 });
    assert.match(error.message, /^Unexpected character `\$` at column 3/);
    assert.match(syntaxError("a × b").message, /use `\*` to multiply/);
  });

  it("reports an empty formula", () => {
    assert.match(syntaxError("").message, /^Empty formula/);
    assert.equal(syntaxError("   ").offset, 0);
  });

  it("reports a misplaced closing parenthesis", () => {
    const error = syntaxError("(1 + )");
    assert.equal(error.message, "Unexpected `)` at column 6: expected a number, a field name or `(`");
    assert.equal(error.offset, 5);
    const extra = syntaxError("1 + 2)");
    assert.equal(extra.offset, 5);
    assert.match(extra.message, /no `\(` to close/);
  });

  it("reports unknown functions and wrong argument counts", () => {
    const error = syntaxError("1 + sqrt(4)");
    assert.deepEqual(error, { message: "Unknown function `sqrt` at column 5: use min, max, round or abs", offset: 4, length: 4 });
    assert.match(syntaxError("round(1, 2)").message, /`round` takes 1 argument, got 2/);
    assert.match(syntaxError("max()").message, /`max` takes at least 1 argument, got 0/);
    assert.equal(syntaxError("min(1,)").offset, 6);
  });

  it("rejects prototype names safely", () => {
    for (const source of ["constructor", "__proto__ + 1", "2 * prototype", "constructor(1)", "__proto__(1)"]) {
      const error = syntaxError(source);
      assert.ok(error.offset >= 0 && error.length > 0, source);
    }
    assert.match(syntaxError("__proto__").message, /Field name `__proto__` at column 1 is not allowed/);
    assert.match(syntaxError("hasOwnProperty(1)").message, /Unknown function `hasOwnProperty`/);
  });

  it("rejects malformed numbers", () => {
    assert.equal(syntaxError("1.2.3").offset, 3);
    assert.equal(syntaxError("1.").offset, 1);
  });

  it("stops runaway nesting and length without throwing", () => {
    assert.match(syntaxError("(".repeat(200) + "1" + ")".repeat(200)).message, /nests deeper than/);
    assert.match(syntaxError("-".repeat(200) + "1").message, /nests deeper than/);
    assert.match(syntaxError("1+".repeat(1500) + "1").message, /keep it under/);
  });
});
