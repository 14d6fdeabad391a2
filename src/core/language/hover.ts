/**
 * Hover on an id — a reference or an item's own id — shows the item: kind,
 * title, file and line, and for backlog items the score with its explanation,
 * track, status and estimate. Hover on a `type:` value says what the kind is.
 * All document text is escaped: titles may hold `*`, `<` or backticks.
 */
import { isClosed } from "../model/kinds";
import type { Item } from "../model/item";
import { isKind, REFERENCE_FIELDS } from "../model/kinds";
import type { Position, Range } from "../model/range";
import { itemTitle } from "../parse/title";
import { rankItems } from "../score/index";
import { KIND_DESCRIPTIONS } from "./completion";
import { contextAt, idAt, type StrategySource } from "./context";

export interface HoverInfo {
  /** Markdown; document text in it is escaped. */
  markdown: string;
  range: Range;
}

/** Escapes text for markdown: every ASCII punctuation a renderer could read as syntax, and line breaks. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~&"'=:$%^]/g, "\\$&").replace(/\s*[\r\n]+\s*/g, " ");
}


/** Hover at `position` of `path`, if it is on an id or a kind. */
export function hover(source: StrategySource, path: string, position: Position): HoverInfo | undefined {
  const file = source.index.files.get(path);
  if (!file) return undefined;
  const at = idAt(file, position);
  if (at && !at.fromFileName) {
    const range = file.lines().rangeOf(at.start, at.end);
    if (!at.ref) return { markdown: describeItem(source, at.holder), range };
    const kinds = REFERENCE_FIELDS[at.ref.field];
    const { item, wrongKind } = source.index.resolve(at.ref);
    if (item) {
      const others = source.index.itemsWithId(at.key).filter((other) => other !== item && kinds.some((kind) => kind === other.kind));
      const duplicate = others.length ? `\n\n⚠ ${others.length + 1} items share this id` : "";
      return { markdown: describeItem(source, item) + duplicate, range };
    }
    const expected = kinds.join(" or ");
    const markdown = wrongKind
      ? `${escapeMarkdown(at.id)} is a ${wrongKind.kind}, not a ${expected} (${escapeMarkdown(wrongKind.file)})`
      : `No ${expected} has the id ${escapeMarkdown(at.id)}`;
    return { markdown, range };
  }
  const context = contextAt(file, position);
  if (context.where === "value" && context.key === "type") {
    const word = file.text.slice(context.start, context.end).toLowerCase();
    if (!isKind(word)) return undefined;
    const item = context.block?.item;
    const own = item && at?.fromFileName ? `\n\n${describeItem(source, item)}` : "";
    return { markdown: `**${word}**: ${escapeMarkdown(KIND_DESCRIPTIONS[word])}${own}`, range: file.lines().rangeOf(context.start, context.end) };
  }
  return undefined;
}

/** The markdown description of an item. */
export function describeItem(source: StrategySource, item: Item): string {
  const line = item.doc.lines().positionAt(item.idStart).line + 1;
  const parts = [`**${capitalize(item.kind)}** ${escapeMarkdown(item.id)}: ${escapeMarkdown(itemTitle(item))}`, `${escapeMarkdown(item.file)}, line ${line}`];
  if (item.track) parts.push(backlogLines(source, item));
  const pillar = item.kind === "pillar" ? undefined : source.index.pillarOf(item);
  if (pillar) parts.push(`Pillar: ${escapeMarkdown(pillar.id)} (${escapeMarkdown(itemTitle(pillar))})`);
  const data = item.data;
  if (item.kind === "kpi") {
    const facts = (["metric", "baseline", "current", "target", "unit", "direction"] as const).filter((key) => data[key] !== undefined && data[key] !== null);
    if (facts.length) parts.push(facts.map((key) => `${key}: ${escapeMarkdown(String(data[key]))}`).join(" · "));
  }
  if (item.kind === "pillar" && typeof data.objective === "string") parts.push(`Objective: ${escapeMarkdown(data.objective)}`);
  if (item.kind === "pillar") {
    const kpis = source.index.kpisOf(item);
    if (kpis.length) parts.push(`KPIs: ${kpis.map((kpi) => escapeMarkdown(kpi.id)).join(", ")}`);
  }
  if (item.kind === "sprint" && typeof data.capacity === "number") parts.push(`Capacity: ${data.capacity}`);
  return parts.join("\n\n");
}

function backlogLines(source: StrategySource, item: Item): string {
  const scoring = source.getConfig().scoring;
  const status = typeof item.data.status === "string" ? item.data.status : undefined;
  // Rank among the open items of its track, as the backlog shows it.
  const peers: Item[] = [];
  if (!isClosed(item)) {
    for (const other of source.index.items()) if (other.track === item.track && !isClosed(other)) peers.push(other);
  } else peers.push(item);
  const ranking = rankItems(peers, (other) => other.data, (other) => other.id, scoring);
  const ranked = ranking.ranked.find((entry) => entry.item === item);
  const unranked = ranking.unranked.find((entry) => entry.item === item);
  let score: string;
  if (ranked) {
    const rank = isClosed(item) ? "" : ` (rank ${ranked.rank} of ${ranking.ranked.length} ${item.track})`;
    score = `Score ${ranked.score}${rank}: ${escapeMarkdown(ranked.explanation)}`;
  } else {
    const why = unranked?.reason ?? `missing ${unranked?.missing.join(", ")}`;
    score = `Unranked: ${escapeMarkdown(why)}`;
  }
  const facts = [`Track: ${item.track}`, `Status: ${escapeMarkdown(status ?? "—")}`, `Estimate: ${typeof item.data.estimate === "number" ? item.data.estimate : "—"}`];
  const sprint = item.refs.find((ref) => ref.field === "sprint");
  if (sprint) facts.push(`Sprint: ${escapeMarkdown(sprint.id)}`);
  return `${score}\n\n${facts.join(" · ")}`;
}

function capitalize(word: string): string {
  return word === "kpi" ? "KPI" : word[0].toUpperCase() + word.slice(1);
}
