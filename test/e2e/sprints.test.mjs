// Sprint states on the board (SPEC §8): the picker names each sprint's state,
// an ended sprint shows its plan with Apply off, a sentence saying when it
// ended and a way to the current sprint; after Apply the status line says
// what was written and offers Undo.
import { strict as assert } from "node:assert";
import { assertClean, clearPosted, postModel, posted, sendHost, waitForPosted } from "./harness/board.mjs";
import { useBoard } from "./harness/fixture.mjs";
import { exampleModel } from "./models.mjs";

/** 30 November 2026: Sprint 14 (16–27 Nov) has ended, Sprint 15 is current. */
const DAY_AFTER = "2026-11-30";

describe("sprint states on the board", () => {
  const board = useBoard();

  it("the sprint picker marks each sprint ended, current, next or later, and opens on the current one", async () => {
    const { page } = board();
    const model = exampleModel({ today: DAY_AFTER });
    assert.equal(model.sprint, "2026-s15");
    await postModel(page, model);
    const picker = page.getByRole("combobox", { name: "Sprint" });
    const labels = await picker.locator("option").allTextContents();
    // Every sprint of the examples, by start date, named by its title (which carries its dates) and its state.
    assert.deepEqual(labels, model.sprints.map((sprint) => `${sprint.title} — ${sprint.state}`));
    for (const label of ["Sprint 14 (16-27 Nov) — ended", "Sprint 15 (30 Nov-11 Dec) — current"]) assert.ok(labels.includes(label), `${label} in ${labels.join(" | ")}`);
    assert.equal(await picker.inputValue(), "2026-s15");
    assert.ok(await page.getByRole("note").isHidden(), "an open sprint has no ended notice");
    await assertClean(board());
  });

  it("an ended sprint shows its plan, Apply is off with the date it ended, and a button goes to the current sprint", async () => {
    const { page } = board();
    const model = exampleModel({ today: DAY_AFTER, sprint: "2026-s14" });
    assert.deepEqual(model.plan.proposed.items, [], "the core proposes nothing into an ended sprint");
    // Even a plan with a proposal (as the core made before it knew sprint states) is not offered on an ended sprint.
    model.plan = exampleModel({ sprint: "2026-s14" }).plan;
    assert.ok(model.plan.proposed.items.length > 0);
    await postModel(page, model);
    const apply = page.getByRole("button", { name: "Apply proposal" });
    assert.ok(await apply.isDisabled(), "Apply is off on an ended sprint");
    const note = page.getByRole("note");
    assert.match(await note.textContent(), /^Sprint 14 \(16-27 Nov\) ended on 27 Nov 2026: its plan is shown for review, and Apply is off/);
    assert.match(await apply.getAttribute("title"), /ended on 27 Nov 2026/);
    assert.equal(await page.getByRole("table", { name: "Capacity by track" }).count(), 1, "the plan is still shown");
    await clearPosted(page);
    await apply.click({ force: true });
    await page.waitForTimeout(100);
    assert.deepEqual(await posted(page, "apply"), [], "no apply from a disabled button");
    await page.getByRole("button", { name: "Plan the current sprint, Sprint 15 (30 Nov-11 Dec)" }).click();
    assert.deepEqual(await waitForPosted(page, (m) => m.type === "view"), { type: "view", sprint: "2026-s15" });
    // Back on the open sprint the notice goes.
    await postModel(page, exampleModel({ today: DAY_AFTER, generation: 2 }));
    assert.ok(await note.isHidden());
    await assertClean(board());
  });

  it("after Apply the status line says what was written and offers Undo, which asks the host; its answer replaces the line", async () => {
    const { page } = board();
    await postModel(page, exampleModel());
    await sendHost(page, { type: "applied", sprint: "2026-s14", count: 2, split: { strategic: 50, tactical: 50 } });
    const line = page.locator(".status-line[role=status]");
    await page.waitForFunction(() => document.querySelector(".status-line")?.textContent?.startsWith("Wrote"));
    assert.equal(await line.textContent(), "Wrote sprint: 2026-s14 into 2 items and split 50/50 into the sprint. Undo");
    await clearPosted(page);
    await line.getByRole("button", { name: "Undo" }).click();
    assert.deepEqual(await waitForPosted(page, (m) => m.type === "undo"), { type: "undo" });
    await sendHost(page, { type: "applied", sprint: "2026-s14", count: 1, split: null, kept: { strategic: 70, tactical: 30 } });
    await page.waitForFunction(() => document.querySelector(".status-line")?.textContent?.includes("keeps"));
    assert.equal(await line.textContent(), "Wrote sprint: 2026-s14 into 1 item. The sprint keeps its own split 70/30. Undo");
    await sendHost(page, { type: "undone", ok: true, message: "Undone: sprint: 2026-s14 taken out of 2 items again." });
    await page.waitForFunction(() => document.querySelector(".status-line")?.textContent?.startsWith("Undone"));
    assert.equal(await line.getByRole("button").count(), 0, "no second Undo");
    await assertClean(board());
  });
});

describe("does not fit, with why", () => {
  const board = useBoard();

  it("each item that does not fit says which budget is full and by how much, as the core computed it", async () => {
    const { page } = board();
    const model = exampleModel();
    assert.ok(model.plan.doesNotFit.length > 0, "the example sprint has items that do not fit");
    await postModel(page, model);
    const entries = await page.locator('[aria-label="Does not fit"] li, [aria-label="Does not fit (more)"] li').allTextContents();
    assert.equal(entries.length, model.plan.doesNotFit.length);
    for (const { id, reason } of model.plan.notFitting) {
      assert.match(reason, /budget/, "the core's reason names the budget");
      assert.ok(entries.some((text) => text.includes(id) && text.endsWith(`: ${reason}`)), `${id} says why: ${entries.join("\n")}`);
    }
    await assertClean(board());
  });
});
