/**
 * A new item's file from a title: the id is the title's slug, the file goes to
 * the kind's folder, and the front matter holds only valid fields (the rest
 * are comments to fill in), so a new item has no `schema` error. A guided
 * initiative or tactic holds the pillar, KPI and scores chosen and nothing to fill in.
 */
import type { FileChange } from "../model/issue";
import { ID_PATTERN, type Kind } from "../model/kinds";
import { yamlScalar } from "../rules/edits";
import type { StrategySource } from "./context";

/** The slug of a title: lower case, accents dropped, runs of other characters as one `-`. */
export function slugify(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}

const TEMPLATES: Record<Kind, (today: string) => string[]> = {
  strategy: (today) => ["# segments: [who we serve]", "# positioning: how we win", `reviewed: ${today}`],
  pillar: (today) => ["# objective: what this pillar achieves", "# kpis: [kpi-id]", "# owner: name", `reviewed: ${today}`],
  kpi: () => ["# pillar: pillar-id", "# metric: what is measured", "# baseline: 0", "# target: 0", "# direction: up"],
  initiative: () => ["status: idea", "# pillar: pillar-id", "# kpi: kpi-id", "# impact: 3      # 1..5", "# urgency: 3     # 1..5", "# effort: 3      # 1..5 (bigger = more work)", "# estimate: 5    # capacity units"],
  tactic: () => ["status: idea", "# pillar: pillar-id", "# kpi: kpi-id", "# initiative: initiative-id", "# channel: email", "# impact: 3      # 1..5", "# urgency: 3     # 1..5", "# effort: 3      # 1..5 (bigger = more work)", "# estimate: 2    # capacity units"],
  sprint: () => ["capacity: 20    # capacity units (points or days)", "# start: 2026-01-05", "# end: 2026-01-16", "# split: { strategic: 70, tactical: 30 }"],
};

export interface NewItemOptions {
  /** The folder for the file, relative to the root ('' for the root). */
  folder: string;
  /** Today (YYYY-MM-DD), for `reviewed:`. */
  today: string;
  /** An explicit id instead of the title's slug. */
  id?: string;
  /**
   * For an initiative or tactic, what the person chose (New Tactic… asks them): the file then
   * holds these fields and no commented placeholders; a field left out (Escape) is not written.
   */
  fields?: NewItemFields;
}

/** The choices of a guided new initiative or tactic. */
export interface NewItemFields {
  pillar?: string;
  kpi?: string;
  /** 1..5 each; any other value is left out. */
  impact?: number;
  urgency?: number;
  effort?: number;
}

const SCORES = ["impact", "urgency", "effort"] as const;

/** The front matter lines of the chosen fields: status, pillar, KPI and scores. */
function chosenLines(fields: NewItemFields): string[] {
  const lines = ["status: idea"];
  for (const key of ["pillar", "kpi"] as const) {
    const id = fields[key]?.trim();
    if (id && ID_PATTERN.test(id.toLowerCase())) lines.push(`${key}: ${id}`);
  }
  for (const key of SCORES) {
    const value = fields[key];
    if (Number.isInteger(value) && value! >= 1 && value! <= 5) lines.push(`${key}: ${value}`);
  }
  return lines;
}

/** The file change that creates an item of `kind` titled `title`, or why it cannot be made. */
export function newItemFile(source: StrategySource, kind: Kind, title: string, options: NewItemOptions): { change: FileChange & { kind: "create" }; id: string } | { error: string } {
  const clean = title.trim();
  if (!clean) return { error: "Give the new item a title" };
  const id = options.id?.trim() || slugify(clean);
  if (!id || !ID_PATTERN.test(id.toLowerCase())) return { error: `Cannot make an id from "${clean}": use letters or digits in the title` };
  const clash = source.index.itemsWithId(id)[0];
  if (clash) return { error: `The id \`${id}\` is taken by the ${clash.kind} in ${clash.file}` };
  const folder = options.folder.replace(/^\/+|\/+$/g, "");
  const file = `${folder ? `${folder}/` : ""}${id}.md`;
  if (source.index.files.has(file)) return { error: `${file} exists already` };
  const guided = options.fields && (kind === "initiative" || kind === "tactic");
  const fields = guided ? chosenLines(options.fields!) : TEMPLATES[kind](options.today);
  const text = ["---", `type: ${kind}`, `title: ${yamlScalar(clean)}`, ...fields, "---", `# ${clean}`, "", ""].join("\n");
  return { change: { kind: "create", file, text }, id };
}
