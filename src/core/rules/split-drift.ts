import { round1 } from "../plan/allocation";
import { pairOf } from "../parse/yaml-node";
import { currentDrift } from "../review/drift";
import { findingAt, type Rule } from "./rule";
import { isoDate } from "./stale-strategy";

const words = ["", "one", "two", "three", "four", "five", "six"];

/** The realised strategic share stayed under its target, sprint after sprint. */
export const splitDrift: Rule = {
  id: "split-drift",
  description:
    "The realised strategic share (of the done units) was below its target by more than `capacity.tolerance` in each of the last `review.driftSprints` (default 2) ended sprints; reported on the latest of them.",
  defaultSeverity: "warning",
  pitfall: "Balance drift: urgent tactical work crowding out strategy, sprint after sprint",
  kinds: ["sprint"],
  check(item, { index, config, today }) {
    const day = isoDate(today);
    // Once per change of the index (and day and settings): each sprint then only compares itself with the drift's latest sprint.
    const drift = index.memo(`split-drift:${day}:${config.capacity.tolerance}:${config.review.driftSprints}:${config.capacity.split.strategic}`, () =>
      currentDrift(index, config, day),
    );
    if (!drift || drift.sprints[drift.sprints.length - 1].tally.sprint !== item) return [];
    const shares = drift.sprints.map((entry) => `\`${entry.tally.sprint.id}\` ${round1(entry.share)}%`).join(", ");
    const target = drift.sprints[drift.sprints.length - 1].target;
    const count = drift.sprints.length;
    const at = pairOf(item.node, "split") ?? pairOf(item.node, "end") ?? pairOf(item.node, "status");
    const [start, end] = at ? [at.keyStart, at.keyEnd] : [item.idStart, item.idEnd];
    return [
      findingAt(this.id, item, start, end,
        `Strategic work came out under its ${target}% target in the last ${words[count] ?? count} ended sprints (${shares} of the done units; tolerance ${config.capacity.tolerance} points): give strategic work its share of the next sprint, or change \`split\` if the target is no longer right`),
    ];
  },
  examples: {
    ok: [
      {
        title: "one sprint under target is not yet a drift",
        files: {
          "s1.md": "---\ntype: sprint\nid: s1\ncapacity: 10\nstart: 2026-10-01\nend: 2026-10-14\n---\n",
          "s2.md": "---\ntype: sprint\nid: s2\ncapacity: 10\nstart: 2026-10-15\nend: 2026-10-28\n---\n",
          "a.md": "---\ntype: initiative\nsprint: s1\nestimate: 7\nstatus: done\n---\n",
          "b.md": "---\ntype: tactic\nsprint: s1\nestimate: 3\nstatus: done\n---\n",
          "c.md": "---\ntype: tactic\nsprint: s2\nestimate: 5\nstatus: done\n---\n",
        },
      },
      {
        title: "a sprint with nothing done is skipped, not counted as a drift",
        files: {
          "s1.md": "---\ntype: sprint\nid: s1\ncapacity: 10\nend: 2026-10-14\n---\n",
          "s2.md": "---\ntype: sprint\nid: s2\ncapacity: 10\nend: 2026-10-28\n---\n",
          "b.md": "---\ntype: tactic\nsprint: s2\nestimate: 3\nstatus: done\n---\n",
        },
      },
    ],
    notOk: [
      {
        title: "two ended sprints in a row mostly tactical against 70/30",
        files: {
          "s1.md": "---\ntype: sprint\nid: s1\ncapacity: 10\nend: 2026-10-14\n---\n",
          "s2.md": "---\ntype: sprint\nid: s2\ncapacity: 10\nend: 2026-10-28\n---\n",
          "a.md": "---\ntype: initiative\nsprint: s1\nestimate: 2\nstatus: done\n---\n",
          "b.md": "---\ntype: tactic\nsprint: s1\nestimate: 6\nstatus: done\n---\n",
          "c.md": "---\ntype: tactic\nsprint: s2\nestimate: 5\nstatus: done\n---\n",
        },
        count: 1,
      },
    ],
  },
};
