/**
 * How the board's model travels between the host and the webview, fast at
 * 10,000 items:
 * - items go as columns (one array per field), which postMessage copies about
 *   four times faster than an object per item; uids are not sent (`file#line`);
 * - after an edit, most items are unchanged, so the host sends a patch: the
 *   changed items, and each list's order as indices into the previous model.
 * Pure, no imports at run time: both sides bundle it.
 */
import type { BoardItem, BoardModel } from "./protocol";

/** The fields that travel as they are (`missing`, `reason`, `scores` and `spread` are encoded; `uid` is `file#line`). */
export const PLAIN_FIELDS = ["id", "title", "type", "track", "pillar", "estimate", "sprint", "status", "file", "line", "score", "rank", "explanation", "problem", "problems"] as const;
type PlainField = (typeof PLAIN_FIELDS)[number];

/**
 * Items as columns: entry `i` of every array is item `i`. `missing` is comma-joined ("" for none);
 * `team` is the JSON of `{scores, spread}` ("" when nobody scored the item).
 */
export type ItemColumns = { [K in PlainField]: Array<BoardItem[K]> } & { missing: string[]; reason: Array<string | null>; team: string[] };

type Lists = "items" | "unranked" | "closed";
const LISTS: readonly Lists[] = ["items", "unranked", "closed"];

/** The model on the wire. */
export type WireModel = Omit<BoardModel, Lists> & Record<Lists, ItemColumns>;

/**
 * What changed since the model of generation `base`: everything but the lists,
 * whole; the changed items; and each list as indices: `i ≥ 0` is entry `i` of
 * the base model's items, unranked and closed lists concatenated, `-1 - j` is
 * changed item `j`. Ranks of `items` follow from the order (1.. per track).
 */
export interface BoardPatch {
  base: number;
  model: Omit<BoardModel, Lists>;
  changed: ItemColumns;
  order: Record<Lists, number[]>;
}

/** Encodes items as columns. */
export function encodeItems(items: readonly BoardItem[]): ItemColumns {
  const columns = { missing: [], reason: [], team: [] } as unknown as ItemColumns;
  for (const key of PLAIN_FIELDS) columns[key] = [];
  for (const item of items) {
    for (const key of PLAIN_FIELDS) (columns[key] as unknown[]).push(item[key]);
    columns.missing.push(item.missing.join(","));
    columns.reason.push(item.reason ?? null);
    columns.team.push(teamText(item));
  }
  return columns;
}

/**
 * Decodes columns into items. The fields are written out (not looped over): one
 * object literal gives every item the same shape, which keeps 10,000 of them fast.
 */
export function decodeItems(columns: ItemColumns): BoardItem[] {
  const items: BoardItem[] = new Array(columns.id.length);
  for (let i = 0; i < items.length; i++) {
    const reason = columns.reason[i];
    const item: BoardItem = {
      uid: `${columns.file[i]}#${columns.line[i]}`,
      id: columns.id[i],
      title: columns.title[i],
      type: columns.type[i],
      track: columns.track[i],
      pillar: columns.pillar[i],
      estimate: columns.estimate[i],
      sprint: columns.sprint[i],
      status: columns.status[i],
      file: columns.file[i],
      line: columns.line[i],
      score: columns.score[i],
      rank: columns.rank[i],
      explanation: columns.explanation[i],
      missing: columns.missing[i] ? columns.missing[i].split(",") : [],
      problem: columns.problem[i],
      problems: columns.problems[i],
    };
    if (reason !== null && reason !== undefined) item.reason = reason;
    // A model built by hand (as the e2e tests do) may have no team column.
    const team = columns.team?.[i];
    if (team) Object.assign(item, JSON.parse(team) as Pick<BoardItem, "scores" | "spread">);
    items[i] = item;
  }
  return items;
}

/** A model for postMessage. */
export function encodeModel(model: BoardModel): WireModel {
  return { ...model, items: encodeItems(model.items), unranked: encodeItems(model.unranked), closed: encodeItems(model.closed) };
}

/** A model from postMessage. */
export function decodeModel(wire: WireModel): BoardModel {
  return { ...wire, items: decodeItems(wire.items), unranked: decodeItems(wire.unranked), closed: decodeItems(wire.closed) };
}

/** The fields that tell whether an item changed: all that travel but the rank (it follows from the order). */
const COMPARED = PLAIN_FIELDS.filter((field) => field !== "rank");

/** Two items show the same, the rank aside. */
export function sameItem(a: BoardItem, b: BoardItem): boolean {
  for (const field of COMPARED) if (a[field] !== b[field]) return false;
  return a.reason === b.reason && sameList(a.missing, b.missing) && teamText(a) === teamText(b);
}

/** An item's `{scores, spread}` as JSON, "" when nobody scored it. JSON.parse keeps a person named `__proto__` a plain key. */
function teamText(item: BoardItem): string {
  if (!item.scores) return "";
  return JSON.stringify(item.spread ? { scores: item.scores, spread: item.spread } : { scores: item.scores });
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The patch from `previous` to `next`, or undefined when the whole model is as
 * cheap to send (no previous model, or more than a quarter of the items changed).
 */
export function diffBoard(previous: BoardModel | undefined, next: BoardModel): BoardPatch | undefined {
  if (!previous) return undefined;
  // Most items keep their place: compare position by position, and index the previous
  // model by uid only when an item moved (an edit that changes a rank).
  let before: Map<string, number> | undefined;
  const all = [...previous.items, ...previous.unranked, ...previous.closed];
  const indexOf = (item: BoardItem, at: number): number => {
    if (all[at]?.uid === item.uid) return at;
    if (!before) {
      before = new Map();
      for (let i = 0; i < all.length; i++) before.set(all[i].uid, i);
    }
    return before.get(item.uid) ?? -1;
  };
  const changed: BoardItem[] = [];
  const order = { items: [], unranked: [], closed: [] } as Record<Lists, number[]>;
  let offset = 0;
  let total = 0;
  for (const list of LISTS) {
    next[list].forEach((item, i) => {
      total++;
      const at = indexOf(item, offset + i);
      if (at >= 0 && sameItem(all[at], item)) order[list].push(at);
      else {
        changed.push(item);
        order[list].push(-changed.length);
      }
    });
    offset += previous[list].length;
  }
  if (changed.length * 4 > total) return undefined;
  const { items, unranked, closed, ...rest } = next;
  return { base: previous.generation, model: rest, changed: encodeItems(changed), order };
}

/** True when a patch from `previous` changes nothing the board shows (its generation aside). */
export function isNoChange(patch: BoardPatch, previous: BoardModel): boolean {
  if (patch.changed.id.length) return false;
  let offset = 0;
  for (const list of LISTS) {
    const order = patch.order[list];
    if (order.length !== previous[list].length) return false;
    for (let i = 0; i < order.length; i++) if (order[i] !== offset + i) return false;
    offset += previous[list].length;
  }
  const { items: _items, unranked: _unranked, closed: _closed, generation: _before, ...shown } = previous;
  const { generation: _after, ...next } = patch.model;
  return JSON.stringify(next) === JSON.stringify(shown);
}

/**
 * The model a patch describes, built from the model of its base generation;
 * undefined when `current` is not that model (the webview then asks for all).
 */
export function applyBoardPatch(current: BoardModel | undefined, patch: BoardPatch): BoardModel | undefined {
  if (!current || current.generation !== patch.base) return undefined;
  const previous = [...current.items, ...current.unranked, ...current.closed];
  const changed = decodeItems(patch.changed);
  const lists = {} as Record<Lists, BoardItem[]>;
  for (const list of LISTS) {
    const indices = patch.order[list];
    const out: BoardItem[] = new Array(indices.length);
    for (let i = 0; i < indices.length; i++) {
      const at = indices[i];
      const item = at >= 0 ? previous[at] : changed[-1 - at];
      if (!item) return undefined;
      out[i] = item;
    }
    lists[list] = out;
  }
  const ranks = { strategic: 0, tactical: 0 };
  lists.items.forEach((item, i) => {
    const rank = ++ranks[item.track];
    if (item.rank !== rank) lists.items[i] = { ...item, rank };
  });
  return { ...patch.model, ...lists };
}
