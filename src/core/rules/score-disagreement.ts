/**
 * `score-disagreement` (SPEC §9): the people who scored an item are far apart
 * on a field. A mean of 5 and 2 reads as a calm 3.5, and the conversation that
 * would have found out why never happens; this rule asks for it.
 */
import type { Item } from "../model/item";
import { pairOf, type YMap } from "../parse/yaml-node";
import { personLabel, spreadOf, votesOf, type Vote } from "../score/team";
import { findingAt, type Rule } from "./rule";

/**
 * Fields in units of their own, where a spread of a few points is nothing:
 * `reach` counts people or events and `confidence` is a percentage.
 */
const OWN_UNITS: ReadonlySet<string> = new Set(["reach", "confidence"]);

/** People a message names, at most. */
const MAX_NAMED = 5;

/** A number as a message shows it: `3.5`, never `3.4999999999999996`. */
const shown = (value: number): string => `${Math.round(value * 1e6) / 1e6}`;

/** The block map a pair's value is, written under the pair (an alias's node lies at its anchor). */
function ownMap(pair: { keyEnd: number; value: unknown } | undefined): YMap | undefined {
  const value = pair?.value as YMap | null | undefined;
  return value && value.kind === "map" && value.start >= pair!.keyEnd ? value : undefined;
}

/** The span of the field's key in the map of the person with the highest value, else of the `scores:` key, else the item's id. */
function spanOf(item: Item, field: string, votes: readonly Vote[]): { start: number; end: number } {
  const scores = pairOf(item.node, "scores");
  if (!scores) return { start: item.idStart, end: item.idEnd };
  const top = votes.reduce((best, vote) => (vote.value > best.value ? vote : best));
  const people = ownMap(scores);
  const person = people && ownMap(pairOf(people, top.person));
  const key = person && pairOf(person, field);
  return key ? { start: key.keyStart, end: key.keyEnd } : { start: scores.keyStart, end: scores.keyEnd };
}

/** "dana says impact 5, li says 2", the highest first, then "and 3 more". */
function whoSaidWhat(field: string, votes: readonly Vote[]): string {
  const sorted = [...votes].sort((a, b) => b.value - a.value);
  const named = sorted.length > MAX_NAMED ? [...sorted.slice(0, MAX_NAMED - 1), sorted[sorted.length - 1]] : sorted;
  const said = named.map((vote, i) => `${personLabel(vote.person)} says ${i === 0 ? `${field} ` : ""}${shown(vote.value)}`);
  if (sorted.length > MAX_NAMED) said.splice(MAX_NAMED - 1, 0, `${sorted.length - MAX_NAMED} more between them`);
  return said.join(", ");
}

/** A field whose scores are at least `scoring.disagreement` apart. */
export const scoreDisagreement: Rule = {
  id: "score-disagreement",
  description: "The people who scored an item are far apart: some field's spread (max − min) reaches `scoring.disagreement` (default 2).",
  defaultSeverity: "info",
  pitfall: "Prioritizing on averaged numbers that hide a disagreement",
  kinds: ["initiative", "tactic"],
  check(item, { config }) {
    if (item.data.scores === undefined) return [];
    const threshold = config.scoring.disagreement;
    const findings = [];
    for (const [field, votes] of votesOf(item.data)) {
      if (votes.length < 2 || OWN_UNITS.has(field)) continue;
      const spread = spreadOf(votes);
      if (!(spread >= threshold)) continue;
      const { start, end } = spanOf(item, field, votes);
      const message = `\`${item.id}\`: ${whoSaidWhat(field, votes)} (${shown(spread)} points apart; ${shown(threshold)} or more is a disagreement): talk it through before planning`;
      findings.push(findingAt(this.id, item, start, end, message));
    }
    return findings;
  },
  examples: {
    ok: [
      { title: "close scores", files: { "t.md": "---\ntype: tactic\nid: t\nscores:\n  dana: {impact: 4, urgency: 3}\n  li: {impact: 3, urgency: 3}\n---\n" } },
      { title: "one person only", files: { "t.md": "---\ntype: tactic\nid: t\nscores:\n  dana: {impact: 5}\n---\n" } },
    ],
    notOk: [
      { title: "impact 5 against 2", files: { "t.md": "---\ntype: tactic\nid: t\nscores:\n  dana: {impact: 5, urgency: 3}\n  li: {impact: 2, urgency: 3}\n---\n" }, count: 1 },
      {
        title: "apart on two fields, even where the item states impact itself",
        files: { "t.md": "---\ntype: tactic\nid: t\nimpact: 4\nscores:\n  dana: {impact: 5, effort: 1}\n  li: {impact: 1, effort: 4}\n---\n" },
        count: 2,
      },
    ],
  },
};
