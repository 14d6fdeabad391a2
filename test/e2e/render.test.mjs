// The board renders the model the host posts: both ranked backlogs, the unranked
// items, the capacity chart and tables of the selected sprint, under a strict CSP.
import { strict as assert } from "node:assert";
import { assertClean, listOf, postModel, rowsOf, session, tableOf } from "./harness/board.mjs";
import { useBoard } from "./harness/fixture.mjs";
import { exampleModel } from "./models.mjs";

const TRACKS = [
  ["strategic", "Strategic backlog"],
  ["tactical", "Tactical backlog"],
];

describe("board rendering", () => {
  const board = useBoard();

  it("serves the page boardHtml() builds: strict CSP with a nonce, the bundle and the stylesheet from cspSource", async () => {
    const { page } = board();
    const { raw, nonce } = session.harness.pages.at(-1);
    const csp = raw.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/i)?.[1]?.replace(/&#39;|&apos;/g, "'");
    assert.ok(csp, "a CSP meta tag");
    const origin = session.harness.origin;
    for (const directive of ["default-src 'none'", `style-src ${origin}`, `script-src 'nonce-${nonce}'`]) {
      assert.ok(csp.includes(directive), `CSP has ${directive}: ${csp}`);
    }
    assert.ok(!/img-src|font-src|data:/.test(csp), `nothing more is allowed: ${csp}`);
    assert.ok(!/unsafe-(inline|eval)/.test(csp), csp);
    const scripts = [...raw.matchAll(/<script\b([^>]*)>/gi)].map((m) => m[1]);
    assert.ok(scripts.length >= 1 && scripts.every((attrs) => attrs.includes(`nonce="${nonce}"`)), `every script is nonce'd: ${scripts.join(" | ")}`);
    assert.ok(raw.includes(`${origin}/media/dist/board.js`) && raw.includes(`${origin}/media/board.css`));
    assert.equal(await page.evaluate(() => window.__acquired), 1, "acquireVsCodeApi() is called once");
    await assertClean(board());
  });

  it("renders both backlogs in rank order with titles, pillars, scores, estimates, sprints and statuses", async () => {
    const { page } = board();
    const model = exampleModel();
    await postModel(page, model);
    for (const [track, label] of TRACKS) {
      const expected = model.items.filter((item) => item.track === track);
      assert.ok(expected.length > 3, `the example has ${track} items`);
      const rows = await rowsOf(page, label);
      assert.deepEqual(rows.map((row) => row.uid), expected.map((item) => item.uid), `${label}: the rows in rank order`);
      rows.forEach((row, i) => {
        const item = expected[i];
        assert.equal(row.id, item.id);
        assert.equal(row.cells.length, 7, `${item.id}: rank, title, pillar, score, estimate, sprint, status`);
        const [rank, , pillar, score, estimate, sprint, status] = row.cells;
        assert.equal(rank, String(item.rank));
        assert.equal(row.title, item.title);
        assert.equal(pillar, item.pillar ?? "—");
        assert.equal(Number(score), Number(item.score.toFixed(2)), `${item.id} score`);
        assert.equal(estimate, String(item.estimate));
        assert.equal(sprint, item.sprint ?? "–");
        assert.equal(status, item.status);
        assert.ok(row.scoreTitle?.includes(item.explanation), `${item.id}: the score's title holds the explanation (${row.scoreTitle})`);
        assert.equal(row.selected, "false");
      });
      const grid = page.getByRole("grid", { name: label, exact: true });
      assert.equal(await grid.getAttribute("aria-rowcount"), String(expected.length + 1));
    }
    await assertClean(board());
  });

  it("marks the proposed items and the items with problems", async () => {
    const { page } = board();
    const model = exampleModel();
    await postModel(page, model);
    const rows = [...(await rowsOf(page, "Strategic backlog")), ...(await rowsOf(page, "Tactical backlog"))];
    const proposed = rows.filter((row) => row.proposed).map((row) => row.id).sort();
    assert.deepEqual(proposed, [...model.plan.proposed.items].sort());
    const withProblems = model.items.filter((item) => item.problem);
    assert.ok(withProblems.length > 0, "the example has items with problems");
    for (const item of model.items) {
      const row = rows.find((r) => r.uid === item.uid);
      const label = item.problem ? `${item.problems} problem${item.problems === 1 ? "" : "s"}, worst: ${item.problem}` : undefined;
      assert.deepEqual(row.badges, label ? [label] : [], `${item.id} badge`);
    }
    await assertClean(board());
  });

  it("lists the unranked items of each track with the fields they miss", async () => {
    const { page } = board();
    const model = exampleModel();
    await postModel(page, model);
    assert.ok(model.unranked.length > 0, "the example has an unranked item");
    for (const [track, name] of [["strategic", "Unranked strategic items"], ["tactical", "Unranked tactical items"]]) {
      const section = page.locator(`[aria-label="${name}"]`);
      const text = (await section.textContent()) ?? "";
      for (const item of model.unranked.filter((i) => i.track === track)) {
        assert.ok(text.includes(item.title), `${name} names ${item.title}: ${text}`);
        for (const field of item.missing) assert.ok(text.includes(field), `${name} names the missing ${field}: ${text}`);
      }
      for (const item of model.unranked.filter((i) => i.track !== track)) assert.ok(!text.includes(item.title), `${item.id} is not listed under ${name}`);
    }
    await assertClean(board());
  });

  it("draws the capacity chart of the selected sprint and its numbers", async () => {
    const { page } = board();
    const model = exampleModel({ generation: 3 });
    const plan = model.plan;
    await postModel(page, model);
    const chart = page.locator(`svg[role="img"][aria-label^="Capacity of sprint ${plan.sprint}"]`);
    assert.equal(await chart.count(), 1, "one chart labelled with the sprint");
    const label = await chart.getAttribute("aria-label");
    for (const n of [plan.capacity, plan.planned.strategic, plan.proposed.strategic, plan.budget.strategic, plan.planned.tactical, plan.proposed.tactical, plan.budget.tactical, plan.share.strategic]) {
      assert.ok(label.includes(String(n)), `the chart's label says ${n}: ${label}`);
    }
    // The bars: planned and proposed units per track on one scale.
    const bars = await chart.evaluate((svg) =>
      Object.fromEntries([...svg.querySelectorAll("rect")].filter((rect) => rect.querySelector("title")).map((rect) => [rect.querySelector("title").textContent, Number(rect.getAttribute("width"))])),
    );
    const width = (name) => {
      const key = Object.keys(bars).find((title) => title.startsWith(name));
      assert.ok(key, `a bar titled "${name}…": ${Object.keys(bars).join(", ")}`);
      return bars[key];
    };
    const unit = width("Strategic planned") / plan.planned.strategic;
    assert.ok(unit > 0);
    for (const [name, units] of [["Strategic proposed", plan.proposed.strategic], ["Tactical planned", plan.planned.tactical], ["Tactical proposed", plan.proposed.tactical]]) {
      assert.ok(Math.abs(width(name) - units * unit) < 0.5, `${name}: ${width(name)} px for ${units} units at ${unit} px/unit`);
    }

    const table = await tableOf(page, "Capacity by track");
    const row = (name) => table.find((cells) => cells[0] === name);
    for (const [track, name] of [["strategic", "Strategic"], ["tactical", "Tactical"]]) {
      const cells = row(name);
      assert.ok(cells, `a ${name} row: ${JSON.stringify(table)}`);
      const numbers = cells.slice(1).map((cell) => Number.parseFloat(cell));
      for (const value of [plan.target[track], plan.budget[track], plan.planned[track], plan.proposed[track], plan.share[track]]) {
        assert.ok(numbers.includes(value), `${name} row shows ${value}: ${cells.join(" | ")}`);
      }
      assert.ok(cells.includes(`${plan.target[track]}%`) && cells.includes(`${plan.share[track]}%`), `target and share in %: ${cells.join(" | ")}`);
    }

    const pillars = await tableOf(page, "Share by pillar");
    const body = pillars.filter((cells) => cells.length === 3 && !/^pillar$/i.test(cells[0]));
    assert.deepEqual(
      body.map(([title, units, share]) => [title, Number(units), share]),
      plan.byPillar.map((entry) => [entry.title, entry.units, `${entry.percent}%`]),
    );

    // The first five show; the rest fold under "N more" (a closed <details>).
    const shown = await listOf(page, "Does not fit");
    const folded = plan.doesNotFit.length > 6 ? await listOf(page, "Does not fit (more)") : [];
    assert.equal(shown.length, plan.doesNotFit.length > 6 ? 5 : plan.doesNotFit.length);
    if (folded.length) assert.equal(await page.locator('[aria-label="Does not fit (more)"]').isVisible(), false, "the rest is folded");
    const doesNotFit = [...shown, ...folded];
    assert.equal(doesNotFit.length, plan.doesNotFit.length);
    plan.doesNotFit.forEach((id, i) => {
      const item = model.items.find((it) => it.id === id);
      assert.ok(doesNotFit[i].includes(item ? item.title : id), `does-not-fit #${i}: ${doesNotFit[i]}`);
    });
    assert.deepEqual(await listOf(page, "Notes"), plan.notes);
    await assertClean(board());
  });

  it("renders the next model in place: a changed title, score and rank show, nothing is duplicated", async () => {
    const { page } = board();
    const first = exampleModel({ generation: 1 });
    await postModel(page, first);
    const next = structuredClone(first);
    next.generation = 2;
    const tactical = next.items.filter((item) => item.track === "tactical");
    const last = tactical.at(-1);
    last.title = "Renamed and promoted";
    last.score = 9.99;
    // Move it to the top of its track, as the host's re-ranked model would.
    next.items = [...next.items.filter((item) => item !== last && item.track === "strategic"), last, ...tactical.filter((item) => item !== last)];
    next.items.filter((item) => item.track === "tactical").forEach((item, i) => (item.rank = i + 1));
    await postModel(page, next);
    const rows = await rowsOf(page, "Tactical backlog");
    assert.equal(rows.length, tactical.length);
    assert.equal(rows[0].uid, last.uid);
    assert.deepEqual([rows[0].cells[0], rows[0].title, rows[0].cells[3]], ["1", "Renamed and promoted", "9.99"]);
    assert.equal(await page.evaluate(() => document.body.dataset.generation), "2");
    await assertClean(board());
  });
});
