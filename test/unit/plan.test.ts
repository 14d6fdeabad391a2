import { strict as assert } from "node:assert";
import { planSprint, UNALIGNED, type PlanItem, type PlanOptions, type PlanSprint } from "../../src/core/plan/index.js";

const options: PlanOptions = { defaultSplit: { strategic: 70, tactical: 30 } };
const sprint: PlanSprint = { id: "2026-s14", capacity: 40 };

let nextRank = 1;
/** A ranked, unassigned candidate; ranks follow creation order unless given. */
function s(id: string, estimate: number | undefined, extra: Partial<PlanItem> = {}): PlanItem {
  return { id, track: "strategic", estimate, score: 5 - nextRank / 1000, rank: nextRank++, ...extra };
}
function t(id: string, estimate: number | undefined, extra: Partial<PlanItem> = {}): PlanItem {
  return s(id, estimate, { track: "tactical", ...extra });
}

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let x = seed;
  for (let i = out.length - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe("planSprint", () => {
  beforeEach(() => {
    nextRank = 1;
  });

  it("fills each track greedily in rank order, skipping what does not fit", () => {
    // Budgets 28 / 12.
    const items = [s("s1", 10), s("s2", 15), s("s3", 8), s("s4", 3), t("t1", 5), t("t2", 8), t("t3", 7), t("t4", 2)];
    const plan = planSprint(sprint, items, options);
    assert.deepEqual(plan.details.budget, { strategic: 28, tactical: 12 });
    assert.deepEqual(plan.details.remaining, { strategic: 28, tactical: 12 });
    assert.deepEqual(plan.proposed, { strategic: 28, tactical: 12, items: ["s1", "s2", "s4", "t1", "t3"] });
    // s3, t2 and t4 were next in line but did not fit what was left.
    assert.deepEqual(plan.doesNotFit, ["s3", "t2", "t4"]);
    assert.deepEqual(plan.share, { strategic: 70, tactical: 30 });
    assert.equal(plan.details.spill, undefined);
    assert.deepEqual(plan.notes, []);
  });

  it("never proposes done, dropped, assigned, unranked or unestimated items", () => {
    const items = [
      s("done", 2, { status: "done" }),
      s("dropped", 2, { status: "Dropped" }),
      s("elsewhere", 2, { sprint: "2026-s15" }),
      s("unranked", 2, { score: null, rank: undefined, missing: ["effort"] }),
      s("no-estimate", undefined),
      s("zero", 0),
      s("ok", 2, { status: "idea" }),
    ];
    const plan = planSprint(sprint, items, options);
    assert.deepEqual(plan.proposed.items, ["ok"]);
    assert.deepEqual(plan.planned.items, []);
    assert.ok(plan.notes.includes("1 unranked item was not considered: add the scoring fields it misses (effort)"), plan.notes.join("\n"));
    assert.ok(plan.notes.includes("2 ranked items have no estimate and were not considered: add `estimate:`"));
  });

  it("counts items already in the sprint first, done ones included, dropped ones not", () => {
    const items = [
      s("in-a", 12, { sprint: "2026-s14", status: "done" }),
      s("in-b", 8, { sprint: "2026-s14", status: "in-progress" }),
      s("in-dropped", 20, { sprint: "2026-s14", status: "dropped" }),
      t("in-t", 10, { sprint: "2026-s14" }),
      s("c1", 10),
      s("c2", 5),
      t("c3", 2),
      t("c4", 1),
    ];
    const plan = planSprint(sprint, items, options);
    assert.deepEqual(plan.planned, { strategic: 20, tactical: 10, items: ["in-a", "in-b", "in-t"] });
    assert.deepEqual(plan.details.remaining, { strategic: 8, tactical: 2 });
    assert.deepEqual(plan.proposed, { strategic: 5, tactical: 2, items: ["c2", "c3"] });
    assert.deepEqual(plan.doesNotFit, ["c1", "c4"]);
  });

  it("notes planned items without an estimate and counts them as 0", () => {
    const items = [s("a", undefined, { sprint: "2026-s14" }), t("b", undefined, { sprint: "2026-s14" }), s("c", undefined, { sprint: "2026-s14" })];
    const plan = planSprint(sprint, items, options);
    assert.deepEqual(plan.planned, { strategic: 0, tactical: 0, items: ["a", "b", "c"] });
    assert.ok(plan.notes.includes("3 planned items have no estimate: add `estimate:` so they count against capacity"));
    assert.deepEqual(plan.share, { strategic: 0, tactical: 0 });
  });

  describe("spill", () => {
    it("gives a track's leftover to the other when its own queue is empty", () => {
      // Tactical (12) has one 4-unit candidate: 8 spare. Strategic (28): 20, skip 10, 6 → 2 left; with the spill, 10 fits.
      const items = [s("s1", 20), s("s2", 10), s("s3", 6), t("t1", 4)];
      const plan = planSprint(sprint, items, options);
      assert.deepEqual(plan.proposed, { strategic: 36, tactical: 4, items: ["s1", "s2", "s3", "t1"] });
      assert.deepEqual(plan.details.spill, { from: "tactical", to: "strategic", units: 8 });
      assert.ok(plan.notes.includes("No tactical items left: 8 units of tactical budget went to strategic work"));
      assert.deepEqual(plan.doesNotFit, []);
      assert.deepEqual(plan.share, { strategic: 90, tactical: 10 });
      assert.ok(plan.notes.includes("Strategic share 90.0% is above the 70% target by 20.0 points (tolerance 10)"));
    });

    it("never spills while the track still has candidates, even too big ones", () => {
      const items = [s("s1", 20), s("s2", 10), s("s3", 6), t("t1", 4), t("t2", 20)];
      const plan = planSprint(sprint, items, options);
      assert.deepEqual(plan.proposed, { strategic: 26, tactical: 4, items: ["s1", "s3", "t1"] });
      assert.equal(plan.details.spill, undefined);
      assert.deepEqual(plan.doesNotFit, ["s2", "t2"]);
      assert.ok(plan.notes.includes("10 units are still free (2 strategic, 8 tactical): no candidate left fits its track's room"), plan.notes.join("\n"));
      assert.deepEqual(plan.details.notFitting.map((why) => why.reason), ["needs 10 units; 2 of the 28-unit strategic budget are left (8 short)", "needs 20 units; 8 of the 12-unit tactical budget are left (12 short)"]);
      assert.ok(!plan.notes.some((n) => n.startsWith("No tactical items left")));
    });

    it("spills strategic budget to tactical work when there are no strategic candidates", () => {
      const items = [t("t1", 10), t("t2", 10), t("t3", 15)];
      const plan = planSprint(sprint, items, options);
      assert.deepEqual(plan.proposed, { strategic: 0, tactical: 35, items: ["t1", "t2", "t3"] });
      assert.deepEqual(plan.details.spill, { from: "strategic", to: "tactical", units: 23 });
      assert.ok(plan.notes.includes("No strategic items left: 23 units of strategic budget went to tactical work"));
    });

    it("records no spill when both queues run out", () => {
      const plan = planSprint(sprint, [s("s1", 5), t("t1", 5)], options);
      assert.equal(plan.details.spill, undefined);
      assert.ok(plan.notes.includes("30 units are still free (23 strategic, 7 tactical): no ranked, estimated candidates are left"), plan.notes.join("\n"));
    });
  });

  describe("doesNotFit", () => {
    it("lists every candidate skipped for lack of room, in backlog order", () => {
      const items = [s("big1", 30), s("a", 20), s("big2", 10), s("b", 8), s("after", 30), s("late", 50)];
      const plan = planSprint({ ...sprint, capacity: 28, split: { strategic: 100, tactical: 0 } }, items, options);
      assert.deepEqual(plan.proposed.items, ["a", "b"]);
      assert.deepEqual(plan.doesNotFit, ["big1", "big2", "after", "late"]);
    });

    it("lists the top 10 skipped candidates when nothing fits in a track", () => {
      const items = Array.from({ length: 12 }, (_, i) => t(`t${String(i + 1).padStart(2, "0")}`, 13));
      const plan = planSprint({ ...sprint, capacity: 12, split: { strategic: 0, tactical: 100 } }, items, options);
      assert.deepEqual(plan.proposed.items, []);
      assert.deepEqual(plan.doesNotFit, items.slice(0, 10).map((i) => i.id));
      assert.ok(plan.notes.includes("2 more candidates did not fit either"));
    });

    it("lists nothing for a track without budget", () => {
      const plan = planSprint({ ...sprint, split: { strategic: 100, tactical: 0 } }, [s("s1", 40), t("t1", 5)], options);
      assert.deepEqual(plan.proposed.items, ["s1"]);
      assert.deepEqual(plan.doesNotFit, []);
    });
  });

  it("computes share and byPillar from planned and proposed work", () => {
    const items = [
      s("p1", 10, { sprint: "2026-s14", pillar: "growth" }),
      t("p2", 6, { sprint: "2026-s14", pillar: "retention" }),
      t("p3", 3, { sprint: "2026-s14" }),
      s("c1", 12, { pillar: "growth" }),
      s("c2", 6, { pillar: "Retention" }),
      t("c3", 3, { pillar: "brand" }),
    ];
    const plan = planSprint(sprint, items, options);
    // Planned 10 / 9, proposed 18 / 3: 28 / 12 of 40.
    assert.deepEqual(plan.proposed.items, ["c1", "c2", "c3"]);
    assert.deepEqual(plan.share, { strategic: 70, tactical: 30 });
    assert.deepEqual(plan.byPillar, { growth: 22, retention: 12, "(unaligned)": 3, brand: 3 });
    assert.deepEqual(Object.keys(plan.byPillar), ["growth", "retention", UNALIGNED, "brand"]);
  });

  it("rounds shares to one decimal, summing to 100", () => {
    const items = [s("a", 1, { sprint: "2026-s14" }), t("b", 2, { sprint: "2026-s14" })];
    const plan = planSprint({ ...sprint, capacity: 3 }, items, { ...options, tolerance: 50 });
    assert.deepEqual(plan.share, { strategic: 33.3, tactical: 66.7 });
  });

  it("uses the sprint's split over the default, and a 60/40 default", () => {
    const items = [s("s1", 20), s("s2", 4), t("t1", 16), t("t2", 4)];
    const own = planSprint({ ...sprint, split: { strategic: 50, tactical: 50 } }, items, options);
    assert.deepEqual(own.target, { strategic: 50, tactical: 50 });
    assert.deepEqual(own.details.budget, { strategic: 20, tactical: 20 });
    assert.deepEqual(own.proposed.items, ["s1", "t1", "t2"]);

    const sixty = planSprint(sprint, items, { defaultSplit: { strategic: 60, tactical: 40 } });
    assert.deepEqual(sixty.target, { strategic: 60, tactical: 40 });
    assert.deepEqual(sixty.details.budget, { strategic: 24, tactical: 16 });
    assert.deepEqual(sixty.proposed, { strategic: 24, tactical: 16, items: ["s1", "s2", "t1"] });
    assert.deepEqual(sixty.share, { strategic: 60, tactical: 40 });
    assert.deepEqual(sixty.doesNotFit, ["t2"]);
  });

  it("normalizes a split that does not sum to 100 and falls back from an unusable one", () => {
    const odd = planSprint({ ...sprint, split: { strategic: 60, tactical: 20 } }, [], options);
    assert.deepEqual(odd.target, { strategic: 75, tactical: 25 });
    assert.ok(odd.notes.includes("The sprint's split 60/20 sums to 80, not 100: planned with 75/25"));
    const bad = planSprint({ ...sprint, split: { strategic: -1, tactical: Number.NaN } }, [], options);
    assert.deepEqual(bad.target, { strategic: 70, tactical: 30 });
  });

  it("notes planned work over capacity and proposes nothing", () => {
    const items = [s("a", 30, { sprint: "2026-s14" }), t("b", 16, { sprint: "2026-s14" }), s("c", 1), t("d", 1)];
    const plan = planSprint(sprint, items, options);
    assert.deepEqual(plan.planned.strategic + plan.planned.tactical, 46);
    assert.deepEqual(plan.proposed, { strategic: 0, tactical: 0, items: [] });
    assert.deepEqual(plan.details.remaining, { strategic: -2, tactical: -4 });
    assert.ok(plan.notes.includes("Planned work (46) exceeds capacity (40) by 6"));
    assert.ok(plan.notes.includes("Strategic work already planned (30) exceeds its 70% budget (28) by 2"));
    assert.ok(plan.notes.includes("Tactical work already planned (16) exceeds its 30% budget (12) by 4"));
  });

  it("does not let the other track push the sprint over capacity", () => {
    // Strategic is 8 over its budget: only 4 of tactical's 12 are still free.
    const items = [s("a", 36, { sprint: "2026-s14" }), t("t1", 5), t("t2", 4)];
    const plan = planSprint(sprint, items, options);
    assert.deepEqual(plan.proposed.items, ["t2"]);
    assert.deepEqual(plan.doesNotFit, ["t1"]);
  });

  for (const capacity of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
    it(`returns an empty proposal for capacity ${capacity}`, () => {
      const items = [s("in", 4, { sprint: "2026-s14" }), s("c", 1)];
      const plan = planSprint({ ...sprint, capacity }, items, options);
      assert.deepEqual(plan.proposed, { strategic: 0, tactical: 0, items: [] });
      assert.deepEqual(plan.planned.items, ["in"]);
      assert.deepEqual(plan.doesNotFit, []);
      assert.ok(Number.isFinite(plan.capacity));
      assert.ok(plan.notes[0].startsWith("Sprint 2026-s14 has no usable capacity"));
      assert.doesNotThrow(() => JSON.stringify(plan));
    });
  }

  it("matches the sprint id case-insensitively", () => {
    const items = [s("a", 5, { sprint: "2026-S14" }), t("b", 3, { sprint: " 2026-s14 " }), s("c", 2, { sprint: "2026-s15" })];
    const plan = planSprint({ ...sprint, id: "2026-s14" }, items, options);
    assert.deepEqual(plan.planned, { strategic: 5, tactical: 3, items: ["a", "b"] });
    assert.equal(plan.sprint, "2026-s14");
  });

  it("does not depend on input order: rank, then score, then id", () => {
    const items = [
      s("s1", 10),
      s("s2", 15),
      s("s3", 8),
      s("s4", 3),
      t("t1", 5),
      t("t2", 8),
      t("t3", 7),
      t("t4", 2),
      s("in", 2, { sprint: "2026-s14", pillar: "x" }),
      t("tie-b", 1, { rank: 100, score: 2 }),
      t("tie-a", 1, { rank: 100, score: 2 }),
      t("tie-hi", 1, { rank: 100, score: 3 }),
    ];
    const expected = planSprint(sprint, items, options);
    for (const seed of [1, 7, 42, 1234]) assert.deepEqual(planSprint(sprint, shuffle(items, seed), options), expected);
    assert.deepEqual(planSprint(sprint, [...items].reverse(), options), expected);
  });

  it("orders equal ranks by score, then id", () => {
    const items = [t("b", 5, { rank: 1, score: 2 }), t("a", 5, { rank: 1, score: 2 }), t("hi", 5, { rank: 1, score: 3 })];
    const plan = planSprint({ ...sprint, capacity: 10, split: { strategic: 0, tactical: 100 } }, items, options);
    assert.deepEqual(plan.proposed.items, ["hi", "a"]);
  });
});
