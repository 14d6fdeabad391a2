/**
 * "Score Item…" apart from VS Code: what each number means, the person's
 * previous value and the team's mean or median in the picks, the item
 * picker's line, and the names and given scores refused (and why).
 */
import { strict as assert } from "node:assert";
import { FIELD_DOCS } from "../../src/core/index";
import { givenScores, itemPickDetail, personScores, SCALES, SCORE_FIELDS, scorePicks, scorePlaceholder, scorerName, scorerProblem, scoresText } from "../../src/vscode/score-prompt";
import { workspaceOf } from "./helpers";

const ITEM = `---
type: initiative
id: plg
title: PLG funnel
urgency: 4
scores:
  dana: { impact: 5, urgency: 3, effort: 2 }
  li: { impact: 2, urgency: 3 }
  "__proto__": { impact: 4 }
---
`;
const data = workspaceOf({ "plg.md": ITEM }).index.find("plg")!.data;

describe("Score Item: the prompts' words", () => {
  it("says what 1 and 5 mean as the field docs do, for each field asked", () => {
    assert.deepEqual([...SCORE_FIELDS], ["impact", "urgency", "effort"]);
    for (const field of SCORE_FIELDS) {
      const { words } = SCALES[field];
      assert.equal(new Set(words).size, 5, field);
      assert.ok(FIELD_DOCS[field].includes(`1 (${words[0]}) to 5 (${words[4]})`), `${field}: ${FIELD_DOCS[field]}`);
    }
  });

  it("lists 1 to 5 with their meaning, the person's current value said so", () => {
    assert.deepEqual(scorePicks("impact", 5).map((pick) => [pick.label, pick.description, pick.value]), [
      ["1", "barely", 1],
      ["2", "a little", 2],
      ["3", "clearly", 3],
      ["4", "strongly", 4],
      ["5", "a lot · your score now", 5],
    ]);
    assert.ok(scorePicks("effort", undefined).every((pick) => !pick.description.includes("your score")));
  });

  it("reads the person's scores, also a name like __proto__", () => {
    assert.deepEqual(personScores(data, "dana"), { impact: 5, urgency: 3, effort: 2 });
    assert.deepEqual(personScores(data, "__proto__"), { impact: 4 });
    assert.deepEqual(personScores(data, "sam"), {});
    assert.deepEqual(personScores({ scores: "high" }, "dana"), {});
  });

  it("puts the previous value, the team's mean or median and the item's own value in the placeholder", () => {
    assert.equal(scorePlaceholder("impact", data, "dana", "mean"), "How much does it move its KPI? 1 (barely) to 5 (a lot): you said 5, team mean 3.67 (3 people)");
    assert.equal(scorePlaceholder("impact", data, "sam", "median"), "How much does it move its KPI? 1 (barely) to 5 (a lot): you have not scored it, team median 4 (3 people)");
    assert.match(scorePlaceholder("urgency", data, "li", "mean"), /you said 3, team mean 3 \(2 people\); the item's own urgency: 4 is what counts until it is removed$/);
    assert.match(scorePlaceholder("effort", {}, "dana", "mean"), /you have not scored it, nobody has scored it yet$/);
    assert.match(scorePlaceholder("effort", data, "li", "mean"), /team mean 2 \(1 person\)$/);
  });

  it("says in the item picker what the person gave and how many people scored", () => {
    assert.equal(itemPickDetail(data, "dana"), "yours: impact 5, urgency 3, effort 2 · 3 people scored it");
    assert.equal(itemPickDetail(data, "sam"), "not scored by you yet · 3 people scored it");
    assert.equal(itemPickDetail({}, "sam"), "not scored by you yet · nobody has scored it");
    assert.equal(itemPickDetail({ scores: { li: { reach: 100 } } }, "li"), "not scored by you yet · 1 person scored it");
  });

  it("takes a name on one line, trimmed, and says why another is refused", () => {
    assert.equal(scorerName("  Dana Smith "), "Dana Smith");
    assert.equal(scorerName("Zoë O'Brien"), "Zoë O'Brien");
    for (const bad of ["", "   ", "dana\nsmith", "tab\there", "x".repeat(81), 42, undefined, null]) assert.equal(scorerName(bad), undefined, JSON.stringify(bad));
    assert.match(scorerProblem("")!, /Type your name/);
    assert.match(scorerProblem("a\u0007b")!, /one line of text/);
    assert.match(scorerProblem("x".repeat(81))!, /under 80 characters/);
  });

  it("checks scores a script gives: whole numbers 1 to 5 of the fields asked", () => {
    assert.deepEqual(givenScores({ impact: 4, urgency: 3, effort: 2 }), { scores: { impact: 4, urgency: 3, effort: 2 } });
    assert.deepEqual(givenScores({ effort: 1 }), { scores: { effort: 1 } });
    const problem = (value: unknown) => {
      const checked = givenScores(value);
      return "problem" in checked ? checked.problem : "";
    };
    assert.match(problem({ impact: 6 }), /impact should be a whole number from 1 to 5, not 6/);
    assert.match(problem({ impact: 2.5 }), /not 2\.5/);
    assert.match(problem({ urgency: "4" }), /not 4/);
    assert.match(problem({ reach: 100 }), /'reach' is not asked by Score Item/);
    assert.match(problem({}), /empty/);
    assert.match(problem([4, 3, 2]), /should be a map/);
    assert.match(problem("4,3,2"), /should be a map/);
    assert.match(problem(JSON.parse('{"__proto__": 3}')), /'__proto__' is not asked/);
  });

  it("words what was written", () => {
    assert.equal(scoresText({ impact: 4, urgency: 3, effort: 2 }), "impact 4, urgency 3, effort 2");
    assert.equal(scoresText({ effort: 1 }), "effort 1");
  });
});
