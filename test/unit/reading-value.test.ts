/**
 * "Record KPI Reading…" apart from VS Code: the typed value (numbers, the KPI's
 * unit after them, what is refused and why) and the words of its prompt and
 * KPI picker, from key results the core computes on a fixed day.
 */
import { strict as assert } from "node:assert";
import { keyResultOf } from "../../src/core/index";
import { kpiPickDetail, parseReading, readingProblem, readingPrompt, withUnit } from "../../src/vscode/reading-value";
import { TODAY_ISO, workspaceOf } from "./helpers";

const CHURN = `---
type: kpi
id: logo-churn
title: Monthly logo churn
unit: "%"
baseline: 2.4
current: 2.1
target: 1.6
measured: 2026-11-02
---
`;
const ACCOUNTS = `---
type: kpi
id: active-accounts
title: Active accounts
unit: accounts
baseline: 100
target: 400
---
`;

function resultOf(text: string) {
  const workspace = workspaceOf({ "kpis/k.md": text });
  const [kpi] = workspace.index.files.get("kpis/k.md")!.items;
  return keyResultOf(workspace, kpi, TODAY_ISO);
}

describe("Record KPI Reading… (the typed value and the prompt)", () => {
  it("reads decimal numbers, signs, exponents and spaces around them", () => {
    for (const [text, value] of [["2.1", 2.1], [" 42 ", 42], ["-3", -3], ["+4", 4], [".5", 0.5], ["7.", 7], ["1e3", 1000], ["2.5E-1", 0.25], ["0", 0]] as const) {
      assert.equal(parseReading(text), value, text);
    }
  });

  it("takes the KPI's own unit after the number, and only that unit", () => {
    assert.equal(parseReading("2.1%", "%"), 2.1);
    assert.equal(parseReading("2.1 %", "%"), 2.1);
    assert.equal(parseReading("420 Accounts", "accounts"), 420);
    assert.equal(parseReading("2.1%", "accounts"), undefined);
    assert.equal(parseReading("%", "%"), undefined);
  });

  it("refuses what is not a finite number", () => {
    for (const text of ["", "  ", "abc", "2,5", "1 000", "0x10", "Infinity", "NaN", "1e999", "2.1.3", "--1", "1e", "٣"]) {
      assert.equal(parseReading(text), undefined, JSON.stringify(text));
      assert.ok(readingProblem(text), `no reason given for ${JSON.stringify(text)}`);
    }
    assert.equal(readingProblem("2.1"), undefined);
  });

  it("says why a value is refused, in words", () => {
    assert.equal(readingProblem(""), "Type the value measured today, a number such as 2.1");
    assert.equal(readingProblem("2,5"), "'2,5' has a decimal comma: write it with a point, e.g. 2.5");
    assert.equal(readingProblem("lots", "%"), "'lots' is not a number: type digits, with a point for decimals (e.g. 2.1), in %");
    // A long paste is cut in the message.
    assert.ok(readingProblem("x".repeat(500))!.length < 150);
  });

  it("writes values with their unit and without float noise", () => {
    assert.equal(withUnit(2.1, "%"), "2.1%");
    assert.equal(withUnit(0.1 + 0.2, null), "0.3");
    assert.equal(withUnit(420, "accounts"), "420 accounts");
  });

  it("prompts with the day, the unit, the current value and the target (lower is better for a KPI to bring down)", () => {
    assert.equal(
      readingPrompt(resultOf(CHURN), "2026-11-30"),
      "Value of 'logo-churn' on 2026-11-30 in %: now 2.1% (measured 2026-11-02), target 1.6% (lower is better). It is added to history and becomes current and measured.",
    );
    assert.equal(
      readingPrompt(resultOf(ACCOUNTS), "2026-11-30"),
      "Value of 'active-accounts' on 2026-11-30 in accounts: no current value yet, target 400 accounts. It is added to history and becomes current and measured.",
    );
  });

  it("lists a KPI in the picker with its values and its progress label", () => {
    const churn = resultOf(CHURN);
    assert.equal(kpiPickDetail(churn), "now 2.1% · target 1.6% · measured 2026-11-02 — 37.5%");
    assert.match(kpiPickDetail(resultOf(ACCOUNTS)), /^no current value · target 400 accounts · never measured — no current value/);
  });
});
