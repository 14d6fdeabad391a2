/**
 * Each rule's help page (SPEC §10, rule help): what it catches, why it matters
 * (the seed pitfall), how to fix it and an example from the rule's own ok /
 * not-ok examples. `scripts/gen-rule-docs.ts` writes them to docs/rules/<id>.md,
 * which ships in the .vsix and opens rendered from VS Code's Problems link; a
 * unit test keeps the files equal to this text. No images, no relative links.
 */
import { RULES, type Rule, type RuleExample } from "../rules/index";

/** Why a rule matters and how to fix what it finds: one plain line each. */
interface RuleGuidance {
  why: string;
  fix: string;
}

const GUIDANCE: Record<string, RuleGuidance> = {
  "yaml-syntax": {
    why: "A document whose front matter cannot be read is not checked, ranked or planned at all: it silently drops out of the strategy.",
    fix: "Close the front matter with a `---` line and fix the YAML at the marked place (an open bracket, a stray tab, a missing colon).",
  },
  schema: {
    why: "A value of the wrong type or range (an impact of 9, a status of `doing`) makes scores and plans wrong without anyone noticing.",
    fix: "Write the value the field expects (the hover on the key tells its range); for a misspelt `type`, the quick fix sets the kind it is closest to.",
  },
  "duplicate-id": {
    why: "When two items share an id, every reference to it is ambiguous: links, scores and sprint loads may count the wrong item.",
    fix: "Give one of the items a new `id:` (or rename the file it is made from) and update the references that meant it.",
  },
  "unknown-reference": {
    why: "A reference to an item that does not exist (often a typo) breaks the line from a tactic to the strategy it claims to serve.",
    fix: "Correct the id (the quick fix offers the closest one) or create the missing item (the quick fix writes its file).",
  },
  "tactic-missing-pillar": {
    why: "Channel-first thinking: work that serves no pillar has no strategic direction, and nobody can say why it is on the backlog.",
    fix: "Add `pillar:` with the pillar it serves, or set `initiative:` to an initiative that names one; the quick fix offers the pillars.",
  },
  "tactic-missing-kpi": {
    why: "Execution without measurement: without a KPI nobody can tell whether the work moved anything.",
    fix: "Add `kpi:` with one of the pillar's KPIs (the quick fix offers them first), or inherit KPIs through `initiative:`.",
  },
  "pillar-without-execution": {
    why: "A strategy deck with no execution: a pillar nothing works on is a wish, not a choice.",
    fix: "Create an initiative or tactic with `pillar:` set to this pillar (the quick fix writes an initiative stub), or drop the pillar.",
  },
  "pillar-without-kpi": {
    why: "Execution without measurement: a pillar that no KPI measures cannot be reviewed or steered.",
    fix: "List its KPIs in `kpis:`, or set `pillar:` on a KPI; the quick fix offers KPIs no pillar has adopted and can create a KPI stub.",
  },
  "tactic-called-strategy": {
    why: "Calling tactics “strategy”: a pillar with a channel, a sprint or an estimate is a piece of work dressed up as a direction.",
    fix: "Make it a tactic (`type: tactic`, the quick fix does it) and give it a pillar, or remove the execution fields from the pillar.",
  },
  "stale-strategy": {
    why: "Rigid strategy blocking learning: a pillar or strategy nobody has reviewed for months no longer reflects what the team has learnt.",
    fix: "Review it with the team, change what no longer holds, and set `reviewed:` to today (the quick fix does the last step).",
  },
  "unscored-item": {
    why: "An item without the fields the scoring model needs cannot be ranked, so it sits unranked at the end of its backlog.",
    fix: "Add the missing fields (`impact`, `urgency`, `effort`: 1 to 5); the quick fix inserts them for you to fill in. Fields the team scored under `scores:` count too.",
  },
  "kpi-without-target": {
    why: "A KPI without a target measures without judging: nobody can tell whether it is on track.",
    fix: "Add `target:` with the value the KPI should reach (for example `target: \"110%\"`).",
  },
  "kpi-stale": {
    why: "Measure results, optimise execution, repeat: a KPI nobody has measured for weeks cannot tell the team whether its work is moving it, so the loop stops.",
    fix: "Measure the KPI, then set `current:` and `measured:` (the command Record KPI reading… also appends the reading to `history`).",
  },
  "strategic-work-tactical-kpi": {
    why: "Strategic work judged only by tactical numbers (clicks, conversions, campaign ROI) looks done when the campaign ran, not when revenue, retention or brand moved.",
    fix: "Add a strategic KPI of the item's pillar to its `kpis:` (the quick fix offers them); if the pillar has none, create one with `level: strategic`.",
  },
  "sprint-over-capacity": {
    why: "A sprint planned beyond its capacity will not be done as planned: the plan hides which work really slips.",
    fix: "Move items to a later sprint (change their `sprint:`), drop some, or raise the sprint's `capacity` if the team really has it.",
  },
  "capacity-split-off-target": {
    why: "Balance drift between strategic and tactical work: sprint by sprint, urgent tactical work crowds out the strategic bets (or the reverse).",
    fix: "Plan more work of the short track into the sprint, move some of the other out, or change the sprint's `split` if the target itself changed.",
  },
  "split-drift": {
    why: "Inspect and adapt: a plan that says 70/30 and delivers 40/60 sprint after sprint means urgent tactical work is crowding out the strategy, whatever the plans say.",
    fix: "Give strategic work its share of the next sprint (and protect it), or change `split` if the target itself is no longer right; the Review tab of the board shows the trend.",
  },
  "chronic-carry-over": {
    why: "Work carried from sprint to sprint is neither done nor consciously dropped: it takes a place in every plan and hides that the team has stopped believing in it.",
    fix: "Split the item into something that fits one sprint, or set `status: dropped` (the quick fix) and say why in its body.",
  },
  "over-budget": {
    why: "Resources deployed beyond what was agreed: a pillar or a sprint whose work costs more than its budget will either be cut late or quietly take money from the other bets.",
    fix: "Move paid items to a later sprint, drop or shrink some (lower their `budget`), or raise the pillar's or sprint's `budget` if the money really is there; an initiative's `budget` is its own cost, not its tactics' too.",
  },
  "score-disagreement": {
    why: "Prioritizing collaboratively means hearing the disagreement: a 5 and a 2 average to a calm 3.5, and the ranking hides that two people see the item very differently.",
    fix: "Talk it through with the people named, then each updates their entry under `scores:` (Score Item… rewrites yours), or write the agreed value as the item's own field, which wins.",
  },
  "unreadable-file": {
    why: "A file that cannot be read safely (binary, too large, or over a budget such as an alias bomb) is left out of every check and plan.",
    fix: "Keep strategy documents as plain markdown under 5 MB with ordinary front matter; move binary files out of the strategy folders or exclude them in strategy.config.yaml.",
  },
};

/** The one-line "why it matters" of a rule (its pitfall), for hovers; undefined for an unknown rule. */
export function ruleWhy(id: string): string | undefined {
  return GUIDANCE[id]?.why;
}

/** Example files longer than this, or with control characters, are named but not shown. */
const MAX_EXAMPLE_CHARS = 1_500;

function showable(example: RuleExample): boolean {
  // eslint-disable-next-line no-control-regex
  return Object.values(example.files).every((text) => text.length <= MAX_EXAMPLE_CHARS && !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(text));
}

/** A fence that no line of `text` closes. */
function fence(text: string): string {
  let marks = "```";
  while (text.includes(marks)) marks += "`";
  return marks;
}

function exampleMarkdown(heading: string, example: RuleExample): string {
  const lines = [`### ${heading}: ${example.title}`, ""];
  if (!showable(example)) return [...lines, "(The example's file is too large or binary to show here.)", ""].join("\n");
  for (const [path, text] of Object.entries(example.files)) {
    const marks = fence(text);
    lines.push(`\`${path}\``, "", `${marks}markdown`, text.replace(/\n$/, ""), marks, "");
  }
  return lines.join("\n");
}

/** The help page of a rule, as markdown. */
export function ruleHelpMarkdown(rule: Rule): string {
  const guidance = GUIDANCE[rule.id];
  const notOk = rule.examples.notOk.find(showable) ?? rule.examples.notOk[0];
  const ok = rule.examples.ok.find(showable) ?? rule.examples.ok[0];
  const lines = [
    `# ${rule.id}`,
    "",
    `Default severity: **${rule.defaultSeverity}**${rule.pitfall ? ` · Pitfall: *${rule.pitfall}*` : ""}`,
    "",
    "## What it catches",
    "",
    rule.description,
    "",
    "## Why it matters",
    "",
    guidance?.why ?? rule.description,
    "",
    "## How to fix",
    "",
    guidance?.fix ?? "See the message of the diagnostic: it says what to do.",
    "",
    `To change its severity or turn it off for the whole folder, set \`rules: { ${rule.id}: off }\` (or \`error\`, \`warning\`, \`info\`) in strategy.config.yaml; for one item, list it in the item's \`ignore:\`.`,
    "",
    "## Example",
    "",
  ];
  if (notOk) lines.push(exampleMarkdown("Flagged", notOk));
  if (ok) lines.push(exampleMarkdown("Fine", ok));
  return `${lines.join("\n").replace(/\n+$/, "")}\n`;
}

/** Every rule's help page: file name (`<id>.md`) → markdown. */
export function ruleHelpPages(): Map<string, string> {
  return new Map(RULES.map((rule) => [`${rule.id}.md`, ruleHelpMarkdown(rule)]));
}

/** Rule ids that have no written guidance (the unit test keeps this empty). */
export function rulesWithoutGuidance(): string[] {
  return RULES.map((rule) => rule.id).filter((id) => !GUIDANCE[id]);
}
