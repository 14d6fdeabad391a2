// The score breakdown writes each term as computed: weighted's
// `0.2 × (6 − effort 2) = 0.8` and `0.5 × impact 4 = 2`, wsjf's
// `impact 4 ÷ effort 2 = 2`; the terms add up to the score shown.
import { strict as assert } from "node:assert";
import { assertClean, postModel, sendHost, tableOf, waitForPosted } from "./harness/board.mjs";
import { useBoard } from "./harness/fixture.mjs";
import { breakdownsOf, exampleModel } from "./models.mjs";

/** Selects the first strategic item, answers its `explain` as the host does, and returns the item and the table's rows. */
async function breakdownOf(page, model) {
  await postModel(page, model);
  const item = model.items.find((entry) => entry.track === "strategic");
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
    const text = rows.map((row) => row.join(" | "));
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
    const text = rows.map((row) => row.join(" | "));
    assert.ok(text.includes(`impact | ${impact.value} | impact ${impact.value} ÷ effort ${effort} = ${impact.contribution}`), text.join("\n"));
    assert.ok(text.includes(`effort | ${effort} | effort ${effort}: divides the sum`), text.join("\n"));
    await assertClean(board());
  });
});
