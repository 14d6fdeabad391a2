import { strict as assert } from "node:assert";
import { IdMatcher } from "../../src/core/model/closest";
import { editDistance } from "../../src/core/model/kinds";

/** The plain answer: every candidate compared with the word. */
function bruteForce(word: string, candidates: Array<{ id: string; key: string }>, max: number): string[] {
  const scored = candidates.map((c) => [c.id, editDistance(word.toLowerCase(), c.key, 2)] as const).filter(([, d]) => d <= 2);
  scored.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return scored.slice(0, max).map(([id]) => id);
}

describe("did you mean (IdMatcher)", () => {
  it("answers as comparing the word with every id would, on random ids over a small alphabet", () => {
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const word = (n: number) => Array.from({ length: Math.floor(random() * n) }, () => "abcd"[Math.floor(random() * 4)]).join("");
    for (let round = 0; round < 1500; round++) {
      const ids = Array.from({ length: Math.floor(random() * 40) }, () => (random() < 0.2 ? word(9).toUpperCase() : word(9)));
      const candidates = ids.map((id) => ({ id, key: id.toLowerCase() }));
      const matcher = new IdMatcher(candidates);
      for (let query = 0; query < 8; query++) {
        const w = word(10);
        for (const max of [3, 100]) assert.deepEqual(matcher.closest(w, max), bruteForce(w, candidates, max), `${w} in ${ids.join(",")}`);
      }
    }
  });

  it("finds the one close id among thousands sharing a prefix, closest first", () => {
    const candidates = Array.from({ length: 3000 }, (_, i) => ({ id: `kpi-number-${i}`, key: `kpi-number-${i}` }));
    const matcher = new IdMatcher(candidates);
    assert.deepEqual(matcher.closest("KPI-numbr-2999"), ["kpi-number-2999", "kpi-number-1999", "kpi-number-2099"]);
    assert.deepEqual(matcher.closest("kpi-number-2999", 1), ["kpi-number-2999"]);
    assert.deepEqual(matcher.closest("revenue"), []);
  });

  it("compares long ids in a band: two 200,000-character ids a letter apart", () => {
    const long = `k${"a".repeat(200_000)}`;
    const matcher = new IdMatcher([{ id: long, key: long }, { id: "short", key: "short" }]);
    assert.deepEqual(matcher.closest(`${long}b`), [long]);
    assert.deepEqual(matcher.closest(`${long}bbb`), []);
  });
});
