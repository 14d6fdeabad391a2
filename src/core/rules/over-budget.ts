import type { Item } from "../model/item";
import { pairOf } from "../parse/yaml-node";
import { budgetOf, formatMoney, pillarSpend, sprintSpend } from "../budget/index";
import { findingAt, type Rule } from "./rule";

/** Most items named in a pillar's message. */
const NAMED = 3;

/** A pillar or a sprint whose work costs more than its `budget` (SPEC §9). */
export const overBudget: Rule = {
  id: "over-budget",
  description: "The budgets of a pillar's work, or of a sprint's items, add up to more than its `budget`.",
  defaultSeverity: "warning",
  pitfall: "Resource deployment beyond the budget (large budgets are where misalignment is costly)",
  kinds: ["pillar", "sprint"],
  check(item, { index, config }) {
    const cap = budgetOf(item);
    if (cap === null) return [];
    const pair = pairOf(item.node, "budget");
    if (!pair) return [];
    const spend = item.kind === "pillar" ? pillarSpend(index, item) : sprintSpend(index, item);
    if (spend.sum <= cap) return [];
    const currency = config.budget.currency;
    const head =
      `${item.kind === "pillar" ? "Pillar" : "Sprint"} \`${item.id}\` spends ${formatMoney(spend.sum, currency)} ` +
      `of its ${formatMoney(cap, currency)} budget (${formatMoney(spend.sum - cap)} over)`;
    const message =
      item.kind === "pillar"
        ? `${head} across ${count(spend.items.length)}, most in ${largest(spend.items)}: drop or defer some of its paid work, or raise \`budget\``
        : `${head}: move paid items to a later sprint, drop some, or raise \`budget\``;
    return [findingAt(this.id, item, pair.keyStart, pair.keyEnd, message)];
  },
  examples: {
    ok: [
      {
        title: "an initiative's budget excludes its tactics', so both count once and fit",
        files: {
          "p.md": "---\ntype: pillar\nid: growth\nbudget: 10000\n---\n",
          "i.md": "---\ntype: initiative\nid: launch\npillar: growth\nbudget: 6000\n---\n",
          "t.md": "---\ntype: tactic\ninitiative: launch\nbudget: 4000\n---\n",
        },
      },
      {
        title: "dropped work spends nothing",
        files: {
          "s.md": "---\ntype: sprint\nid: s1\nbudget: 5000\n---\n",
          "a.md": "---\ntype: tactic\nsprint: s1\nbudget: 5000\n---\n",
          "b.md": "---\ntype: tactic\nsprint: s1\nbudget: 3000\nstatus: dropped\n---\n",
        },
      },
    ],
    notOk: [
      {
        title: "a tactic through its initiative takes the pillar over",
        files: {
          "p.md": "---\ntype: pillar\nid: growth\nbudget: 10000\n---\n",
          "i.md": "---\ntype: initiative\nid: launch\npillar: growth\nbudget: 8000\n---\n",
          "t.md": "---\ntype: tactic\ninitiative: launch\nbudget: 4000\n---\n",
        },
      },
      {
        title: "a sprint's items cost more than the sprint may spend",
        files: {
          "s.md": "---\ntype: sprint\nid: s1\ncapacity: 20\nbudget: 5000\n---\n",
          "a.md": "---\ntype: initiative\nsprint: s1\nbudget: 4000\n---\n",
          "b.md": "---\ntype: tactic\nsprint: s1\nbudget: 1500\nstatus: done\n---\n",
        },
      },
    ],
  },
};

function count(n: number): string {
  return `${n} ${n === 1 ? "initiative or tactic" : "initiatives and tactics"}`;
}

/** The largest spenders: "`a` (30,000), `b` (12,000) and 2 more". */
function largest(items: readonly Item[]): string {
  const named = items.slice(0, NAMED).map((item) => `\`${item.id}\` (${formatMoney(budgetOf(item)!)})`);
  const more = items.length - named.length;
  return more > 0 ? `${named.join(", ")} and ${more} more` : named.length > 1 ? `${named.slice(0, -1).join(", ")} and ${named[named.length - 1]}` : named[0];
}
