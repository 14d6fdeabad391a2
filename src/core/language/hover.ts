/**
 * Hover on an id — a reference or an item's own id — shows the item: kind,
 * title, file and line, and for backlog items the score with its explanation,
 * track, status and estimate, and the team's scores (SPEC §9). Hover on a
 * `type:` value says what the kind is; hover on a field's key what the field
 * means and its range (on `scores:`, the team's scores too).
 * All document text is escaped: titles may hold `*`, `<` or backticks.
 */
import type { ScoringConfig, Track } from "../config/types";
import type { Item, ParsedFile } from "../model/item";
import { isClosed, isKind, REFERENCE_FIELDS } from "../model/kinds";
import type { Position, Range } from "../model/range";
import type { StrategyIndex } from "../model/strategy-index";
import { rankItems, type RankedItem, type UnrankedItem } from "../score/index";
import { KIND_FIELDS } from "../parse/quick-valid";
import { keyResultOf, keyResultSentences, type KpiSource } from "../kpis/index";
import { KIND_DESCRIPTIONS } from "./completion";
import { FIELD_DOCS } from "./field-docs";
import { clip, contextAt, idAt, shortTitle, type StrategySource } from "./context";
import { teamTable } from "./team-table";

export interface HoverInfo {
  /** Markdown; document text in it is escaped. */
  markdown: string;
  range: Range;
}

/** Escapes text for markdown: every ASCII punctuation a renderer could read as syntax, and line breaks. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~&"'=:$%^]/g, "\\$&").replace(/\s*[\r\n]+\s*/g, " ");
}


/** User text in a hover: shortened (an id or a value may be megabytes long), then escaped. */
const plain = (text: string) => escapeMarkdown(clip(text));

/** KPIs a pillar's hover names, at most. */
const MAX_LISTED = 20;

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
      ? `${plain(at.id)} is a ${wrongKind.kind}, not a ${expected} (${plain(wrongKind.file)})`
      : `No ${expected} has the id ${plain(at.id)}`;
    return { markdown, range };
  }
  const context = contextAt(file, position);
  if (context.where === "key" && context.key && context.block?.kind) {
    // A field of the item's kind: what it means and takes.
    const doc = KIND_FIELDS[context.block.kind].includes(context.key) ? FIELD_DOCS[context.key] : undefined;
    // On `scores:`, the team's scores of the item as well.
    const team = context.key === "scores" && context.block.item ? teamTable(context.block.item.data, source.getConfig().scoring.aggregate, escapeMarkdown) : undefined;
    return doc ? { markdown: `**${context.key}** (${context.block.kind} field): ${doc}${team ? `\n\n${team}` : ""}`, range: file.lines().rangeOf(context.start, context.end) } : undefined;
  }
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
  const parts = [`**${capitalize(item.kind)}** ${plain(item.id)}: ${escapeMarkdown(shortTitle(item))}`, `${plain(item.file)}, line ${line}`];
  if (item.track) parts.push(backlogLines(source, item));
  const pillar = item.kind === "pillar" ? undefined : source.index.pillarOf(item);
  if (pillar) parts.push(`Pillar: ${plain(pillar.id)} (${escapeMarkdown(shortTitle(pillar))})`);
  const data = item.data;
  if (item.kind === "kpi") {
    const facts = (["metric", "unit", "direction", "level"] as const).filter((key) => data[key] !== undefined && data[key] !== null);
    if (facts.length) parts.push(facts.map((key) => `${key}: ${plain(String(data[key]))}`).join(" · "));
    // Progress, pace, confidence, last reading and staleness, as the KPI report has them.
    const today = (source as KpiSource).todayIso?.();
    parts.push(keyResultSentences(keyResultOf(source, item, today), today).map(escapeMarkdown).join("\n\n"));
  }
  if (item.kind === "pillar" && typeof data.objective === "string") parts.push(`Objective: ${plain(data.objective)}`);
  if (item.kind === "pillar") {
    const kpis = source.index.kpisOf(item);
    const more = kpis.length > MAX_LISTED ? ` and ${kpis.length - MAX_LISTED} more` : "";
    if (kpis.length) parts.push(`KPIs: ${kpis.slice(0, MAX_LISTED).map((kpi) => plain(kpi.id)).join(", ")}${more}`);
  }
  if (item.kind === "sprint" && typeof data.capacity === "number") parts.push(`Capacity: ${data.capacity}`);
  return parts.join("\n\n");
}

/** A track's ranking of its open items, with each item's entry. */
interface TrackRanking {
  ranked: Map<Item, RankedItem<Item>>;
  count: number;
  unranked: Map<Item, UnrankedItem<Item>>;
}

/** The rankings of one workspace state: its parsed files (a change replaces one) and its scoring. */
interface RankingCache {
  files: ParsedFile[];
  scoring: ScoringConfig;
  tracks: Map<Track, TrackRanking>;
}

const rankings = new WeakMap<StrategyIndex, RankingCache>();

/**
 * The ranking of a track's open items, as the backlog shows it: ranked once per state of the
 * workspace, so that hovering item after item costs a look-up, not a ranking of the whole backlog.
 */
function trackRanking(source: StrategySource, track: Track): TrackRanking {
  const { index } = source;
  const scoring = source.getConfig().scoring;
  let cache = rankings.get(index);
  if (!cache || cache.scoring !== scoring || !sameFiles(cache.files, index)) {
    cache = { files: [...index.files.values()], scoring, tracks: new Map() };
    rankings.set(index, cache);
  }
  let entry = cache.tracks.get(track);
  if (!entry) {
    const peers: Item[] = [];
    for (const other of index.items()) if (other.track === track && !isClosed(other)) peers.push(other);
    const ranking = rankItems(peers, (other) => other.data, (other) => other.id, scoring);
    entry = {
      ranked: new Map(ranking.ranked.map((ranked) => [ranked.item, ranked])),
      count: ranking.ranked.length,
      unranked: new Map(ranking.unranked.map((unranked) => [unranked.item, unranked])),
    };
    cache.tracks.set(track, entry);
  }
  return entry;
}

/** Whether the index holds exactly these parsed files, in this order. */
function sameFiles(files: readonly ParsedFile[], index: StrategyIndex): boolean {
  if (files.length !== index.files.size) return false;
  let i = 0;
  for (const file of index.files.values()) if (file !== files[i++]) return false;
  return true;
}

function backlogLines(source: StrategySource, item: Item): string {
  const scoring = source.getConfig().scoring;
  const status = typeof item.data.status === "string" ? item.data.status : undefined;
  // Rank among the open items of its track, as the backlog shows it; a closed item alone.
  let ranked: RankedItem<Item> | undefined;
  let unranked: UnrankedItem<Item> | undefined;
  let count = 0;
  if (isClosed(item)) {
    const ranking = rankItems([item], (other) => other.data, (other) => other.id, scoring);
    [ranked, unranked] = [ranking.ranked[0], ranking.unranked[0]];
  } else {
    const track = trackRanking(source, item.track!);
    [ranked, unranked, count] = [track.ranked.get(item), track.unranked.get(item), track.count];
  }
  let score: string;
  if (ranked) {
    const rank = isClosed(item) ? "" : ` (rank ${ranked.rank} of ${count} ${item.track})`;
    score = `Score ${ranked.score}${rank}: ${escapeMarkdown(ranked.explanation)}`;
  } else {
    const why = unranked?.reason ?? `missing ${unranked?.missing.join(", ")}`;
    score = `Unranked: ${escapeMarkdown(why)}`;
  }
  const facts = [`Track: ${item.track}`, `Status: ${plain(status ?? "—")}`, `Estimate: ${typeof item.data.estimate === "number" ? item.data.estimate : "—"}`];
  const sprint = item.refs.find((ref) => ref.field === "sprint");
  if (sprint) facts.push(`Sprint: ${plain(sprint.id)}`);
  const team = teamTable(item.data, scoring.aggregate, escapeMarkdown);
  return `${score}\n\n${facts.join(" · ")}${team ? `\n\n${team}` : ""}`;
}

function capitalize(word: string): string {
  return word === "kpi" ? "KPI" : word[0].toUpperCase() + word.slice(1);
}
