import type { Severity, StrategyConfig } from "../config/types";
import type { Finding, Fix } from "../model/issue";
import type { Item } from "../model/item";
import type { Kind } from "../model/kinds";
import type { StrategyIndex } from "../model/strategy-index";

/** What a rule sees: the index, the config and a clock. */
export interface RuleContext {
  index: StrategyIndex;
  config: StrategyConfig;
  /** "Today" for date rules (injected, so tests are stable). */
  today: Date;
  /** Fields the configured scoring model needs. */
  scoringFields: readonly string[];
}

/** A small workspace for a rule's documented example: file path → text. */
export interface RuleExample {
  /** What the example shows, for the README and test names. */
  title: string;
  files: Record<string, string>;
  /** For not-ok examples: how many findings of this rule the example yields. */
  count?: number;
}

/**
 * One rule of SPEC §2. Rules that work per item implement `check`; `yaml-syntax`,
 * `schema` and `unreadable-file` are reported by the parser and only describe themselves here.
 */
export interface Rule {
  id: string;
  /** One line: what the rule catches. */
  description: string;
  defaultSeverity: Severity;
  /** The seed pitfall it guards against, if any. */
  pitfall?: string;
  /** Kinds whose items `check` runs on. */
  kinds?: readonly Kind[];
  check?(item: Item, context: RuleContext): Finding[];
  examples: { ok: RuleExample[]; notOk: RuleExample[] };
}

/** A finding on a span of an item's file. */
export function findingAt(rule: string, item: Item, start: number, end: number, message: string, fixes: Fix[] | (() => Fix[]) = []): Finding {
  const range = item.doc.lines().rangeOf(start, end);
  return typeof fixes === "function"
    ? { rule, message, file: item.file, range, fixes: [], lazyFixes: fixes, itemId: item.id }
    : { rule, message, file: item.file, range, fixes, itemId: item.id };
}

/** A kind with its article: "a pillar", "an initiative". */
export function aKind(kind: Kind): string {
  return `${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind}`;
}

/** Short "kind `id`" label for messages. */
export function label(item: Item): string {
  return `${item.kind} \`${item.id}\``;
}

