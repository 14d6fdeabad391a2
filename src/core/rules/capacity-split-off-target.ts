import { pairOf } from "../parse/yaml-node";
import { datedSprint, hasEnded } from "../plan/sprint-state";
import { findingAt, type Rule } from "./rule";
import { isoDate } from "./stale-strategy";
import { round1 } from "../plan/allocation";
import { offTarget, sprintLoad, splitDrift, targetSplit } from "./sprint-load";

/** A sprint whose strategic share drifts from its target by more than the tolerance. */
export const capacitySplitOffTarget: Rule = {
  id: "capacity-split-off-target",
  description: "A sprint's strategic share of its planned estimates differs from its target by more than `capacity.tolerance` points (default 10).",
  defaultSeverity: "warning",
  pitfall: "Balance drift between strategic and tactical work",
  kinds: ["sprint"],
  check(item, { index, config, today }) {
    if (hasEnded(datedSprint(item), isoDate(today))) return []; // an ended sprint is judged by what was done (split-drift), not by its plan
    const load = sprintLoad(item, index);
    if (load.total <= 0) return [];
    const target = targetSplit(item, config.capacity.split);
    if (!offTarget(load, target, config.capacity.tolerance)) return [];
    const share = (load.strategic / load.total) * 100;
    const drift = splitDrift(load, target);
    const at = pairOf(item.node, "split") ?? pairOf(item.node, "capacity");
    const [start, end] = at ? [at.keyStart, at.keyEnd] : [item.idStart, item.idEnd];
    const more = drift > 0 ? "tactical" : "strategic";
    return [
      findingAt(this.id, item, start, end,
        `Sprint \`${item.id}\` is ${round1(share)}% strategic / ${round1(100 - share)}% tactical against a ${target.strategic}/${target.tactical} target (tolerance ${config.capacity.tolerance} points): plan more ${more} work or change \`split\``),
    ];
  },
  examples: {
    ok: [
      {
        title: "a sprint that has ended is not judged by its plan",
        files: {
          "s.md": "---\ntype: sprint\nid: s0\ncapacity: 1\nstart: 2026-01-01\nend: 2026-01-14\nsplit: {strategic: 90, tactical: 10}\n---\n",
          "b.md": "---\ntype: tactic\nsprint: s0\nestimate: 3\n---\n",
        },
      },
      {
        title: "70/30 as planned",
        files: { "s.md": "---\ntype: sprint\nid: s1\ncapacity: 10\n---\n", "a.md": "---\ntype: initiative\nsprint: s1\nestimate: 7\n---\n", "b.md": "---\ntype: tactic\nsprint: s1\nestimate: 3\n---\n" },
      },
    ],
    notOk: [
      {
        title: "all tactical against 60/40",
        files: { "s.md": "---\ntype: sprint\nid: s1\ncapacity: 10\nsplit: {strategic: 60, tactical: 40}\n---\n", "b.md": "---\ntype: tactic\nsprint: s1\nestimate: 3\n---\n" },
        count: 1,
      },
    ],
  },
};
