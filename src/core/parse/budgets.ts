/**
 * What one file may cost. Every per-file cost of the check is bounded by one of
 * these counts, so a file written to hang or exhaust the checker (an alias bomb,
 * absurd nesting, a huge generated map) is reported and skipped, never expanded.
 * A file over a budget gets one `unreadable-file` diagnostic where it went over;
 * the rest of the workspace is checked as usual. The counts are far above what
 * an honest strategy file holds (a generated queue of 20,000 items is checked).
 */

/** Files larger than this are not read. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * Front matter outside the fast reader's simple subset (anchors, tags, block
 * scalars, tabs …) goes to the full YAML parser, which costs ~50× more per byte:
 * over this size such front matter is not read.
 */
export const MAX_FULL_PARSE_BYTES = 512 * 1024;

/** Nesting of collections (maps and lists inside each other), aliases expanded. */
export const MAX_DEPTH = 64;

/** Nodes that aliases (`*name`) add to a file's front matter when expanded. */
export const MAX_ALIAS_NODES = 100_000;

/** Items in one file's `items:` list. */
export const MAX_ITEMS = 25_000;

/** References one item makes (`kpis: [...]` with its other reference fields): each is resolved and may be a diagnostic. */
export const MAX_REFS = 1_000;

/** A budget was exceeded at `offset` (of the text being read); `message` says which, in words. */
export class OverBudget extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const count = (n: number) => n.toLocaleString("en-US");
const size = (bytes: number) => (bytes < 1048576 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 1048576).toFixed(1)} MB`);

/** The messages of the budgets, one place for their wording. */
export const BUDGET_MESSAGES = {
  depth: () => `The front matter nests more than ${MAX_DEPTH} levels deep`,
  aliases: () => `Aliases in the front matter expand to more than ${count(MAX_ALIAS_NODES)} nodes`,
  items: () => `The \`items:\` list has more than ${count(MAX_ITEMS)} items`,
  refs: () => `An item names more than ${count(MAX_REFS)} ids in its references`,
  fullParse: (bytes: number) =>
    `The front matter is ${size(bytes)} and uses YAML beyond the simple subset (anchors, tags, block scalars or tabs); such front matter is read up to ${size(MAX_FULL_PARSE_BYTES)}`,
};
