// The score breakdown writes each term as computed: weighted's
// `0.2 × (6 − effort 2) = 0.8` and `0.5 × impact 4 = 2`, wsjf's
// `impact 4 ÷ effort 2 = 2`; the terms add up to the score shown. A value the
// team gave says from how many people; the team's scores show each person's
// values and the spread, a disagreement said in words.
import { strict as assert } from "node:assert";
import { assertClean, postModel, sendHost, tableOf, waitForPosted } from "./harness/board.mjs";
import { useBoard } from "./harness/fixture.mjs";
import { breakdownsOf, exampleModel, HOSTILE } from "./models.mjs";
import { campaignBoard, hostileTimeModels } from "./time-models.mjs";

/** Selects the first strategic item (or `pick`), answers its `explain` as the host does, and returns the item and the table's rows. */
async function breakdownOf(page, model, pick = (entry) => entry.track === "strategic") {
  await postModel(page, model);
  const item = model.items.find(pick);
  await page.getByRole("grid", { name: "Strategic backlog", exact: true }).locator(`[role="row"][data-uid="${item.uid}"] [role="gridcell"]`).nth(3).click();
  await waitForPosted(page, (m) => m.type === "explain" && m.uid === item.uid);
  await sendHost(page, { type: "breakdown", uid: item.uid, generation: model.generation, terms: breakdownsOf.get(model).get(item.uid) });
  await page.getByRole("table", { name: `Score terms of ${item.id}`, exact: true }).waitFor();
  return { item, rows: await tableOf(page, `Score terms of ${item.id}`) };
}

describe("score breakdown", () => {
  const board = useBoard();

  it("weighted: each term reads weight × field (effort as 6 − effort) = its part, and the parts add up to the score", async () => {
    const { page } = board();
    const model = exampleModel();
    const { item, rows } = await breakdownOf(page, model);
    const terms = breakdownsOf.get(model).get(item.uid);
    const effort = terms.find((term) => term.field === "effort");
    const impact = terms.find((term) => term.field === "impact");
    // The team's column (where a value came from) shows only when some value came from people.
    const text = rows.map((row) => (row.length === 4 ? [row[0], row[1], row[3]] : row).join(" | "));
    assert.ok(text.includes(`effort | ${effort.value} | ${effort.weight} × (6 − effort ${effort.value}) = ${effort.contribution}`), text.join("\n"));
    assert.ok(text.includes(`impact | ${impact.value} | ${impact.weight} × impact ${impact.value} = ${impact.contribution}`), text.join("\n"));
    assert.equal(Math.round(terms.reduce((sum, term) => sum + term.contribution, 0) * 100) / 100, Math.round(item.score * 100) / 100);
    assert.ok(!text.join("\n").includes("weight 0"), "no 'value × weight' wording");
    await assertClean(board());
  });

  it("wsjf: each part of the cost of delay reads field ÷ effort = its part", async () => {
    const { page } = board();
    const model = exampleModel({ model: "wsjf" });
    const { item, rows } = await breakdownOf(page, model);
    const terms = breakdownsOf.get(model).get(item.uid);
    const effort = terms.find((term) => term.field === "effort").value;
    const impact = terms.find((term) => term.field === "impact");
    const text = rows.map((row) => (row.length === 4 ? [row[0], row[1], row[3]] : row).join(" | "));
    assert.ok(text.includes(`impact | ${impact.value} | impact ${impact.value} ÷ effort ${effort} = ${impact.contribution}`), text.join("\n"));
    assert.ok(text.includes(`effort | ${effort} | effort ${effort}: divides the sum`), text.join("\n"));
    await assertClean(board());
  });

  it("a value the team gave says from how many people; the team's scores show each person, the spread and where they disagree", async () => {
    const { page } = board();
    const model = campaignBoard();
    const { item, rows } = await breakdownOf(page, model, (entry) => entry.id === "launch");
    const terms = breakdownsOf.get(model).get(item.uid);
    assert.ok(terms.every((term) => term.people === 2), "the fixture's launch takes every field from two people");
    assert.deepEqual(rows[0], ["Field", "Value", "From", "Term"]);
    for (const term of terms) assert.deepEqual(rows.find((row) => row[0] === term.field).slice(1, 3), [String(term.value), `${term.aggregate} of 2 people`], term.field);
    const team = await tableOf(page, "Team scores of launch");
    const fields = ["impact", "urgency", "effort"];
    assert.deepEqual(team[0], ["Person", ...fields]);
    for (const [person, values] of Object.entries(item.scores)) assert.deepEqual(team.find((row) => row[0] === person)?.slice(1), fields.map((field) => String(values[field])), person);
    assert.deepEqual(team.at(-1), ["Spread", ...fields.map((field) => `${item.spread[field]}${item.spread[field] >= model.scoring.disagreement ? " ⚠" : ""}`)]);
    const apart = fields.filter((field) => item.spread[field] >= model.scoring.disagreement);
    assert.deepEqual(apart, ["impact"], "the fixture disagrees on impact only");
    const said = await page.locator('[aria-label="Score breakdown"] p.disagree').textContent();
    assert.ok(said.startsWith(`People disagree on impact (dana ${item.scores.dana.impact}, li ${item.scores.li.impact}; spread ${item.spread.impact})`), said);
    assert.equal(await page.locator('[aria-label="Score breakdown"] td.disagree').count(), 1);
    await assertClean(board());
  });

  it("shows a hostile person's name as text", async () => {
    const { page, dialogs } = board();
    const model = hostileTimeModels().board;
    await breakdownOf(page, model, (entry) => entry.id === "launch");
    const team = await tableOf(page, "Team scores of launch");
    assert.ok(team.some((row) => row[0] === `${HOSTILE} dana`), JSON.stringify(team));
    assert.equal(await page.evaluate(() => document.querySelectorAll("img").length), 0);
    assert.deepEqual(dialogs, []);
    await assertClean(board());
  });
});
