/**
 * The workspace index: items by id (case-insensitive), who refers to whom, and
 * the inheritance of pillar and KPIs through an initiative. Kept up to date one
 * file at a time.
 */
import type { Item, ParsedFile, Ref } from "./item";
import { REFERENCE_FIELDS, type Kind } from "./kinds";

export interface Resolved {
  /** The item the reference points to, of an expected kind. */
  item?: Item;
  /** An item with that id but of another kind. */
  wrongKind?: Item;
}

export class StrategyIndex {
  readonly files = new Map<string, ParsedFile>();
  /** Items by id, in the order they were added. */
  private readonly byKey = new Map<string, Item[]>();
  /** The ids held by several items: their holders in document order, and the first holder of each kind (built on first use). */
  private readonly shared = new Map<string, Holders>();
  private readonly referrersOf = new Map<string, Set<Item>>();
  private readonly byKind = new Map<Kind, Set<Item>>();
  /** Answers derived from the whole index (see {@link memo}); cleared by any change. */
  private readonly memos = new Map<string, unknown>();

  /** Adds a parsed file (replace = remove, then add). */
  add(file: ParsedFile): void {
    this.files.set(file.path, file);
    if (file.items.length) this.memos.clear();
    for (const item of file.items) {
      push(this.byKey, item.key, item);
      this.shared.delete(item.key);
      let kindSet = this.byKind.get(item.kind);
      if (!kindSet) this.byKind.set(item.kind, (kindSet = new Set()));
      kindSet.add(item);
      for (const ref of item.refs) {
        let set = this.referrersOf.get(ref.key);
        if (!set) this.referrersOf.set(ref.key, (set = new Set()));
        set.add(item);
      }
    }
  }

  /** Removes a file and its items; returns the removed file. */
  remove(path: string): ParsedFile | undefined {
    const file = this.files.get(path);
    if (!file) return undefined;
    this.files.delete(path);
    if (file.items.length) this.memos.clear();
    // One pass over each id's holders, however many of the file's items share it.
    const gone = new Set(file.items);
    for (const item of file.items) {
      const same = this.byKey.get(item.key);
      if (!same) continue;
      const rest = same.filter((other) => !gone.has(other));
      if (rest.length) this.byKey.set(item.key, rest);
      else this.byKey.delete(item.key);
      this.shared.delete(item.key);
    }
    for (const item of file.items) {
      this.byKind.get(item.kind)?.delete(item);
      for (const ref of item.refs) this.referrersOf.get(ref.key)?.delete(item);
    }
    return file;
  }

  /**
   * All items with this id (more than one: a duplicate), in document order (by
   * file path, then position), so that every answer below is the same whatever
   * order the files were loaded or edited in.
   */
  itemsWithId(id: string): readonly Item[] {
    const key = id.toLowerCase();
    const items = this.byKey.get(key);
    if (!items) return NO_ITEMS;
    return items.length === 1 ? items : this.holders(key, items).items;
  }

  /** The sorted holders of an id held by several items, cached until one of them changes. */
  private holders(key: string, items: Item[]): Holders {
    let holders = this.shared.get(key);
    if (!holders) {
      const sorted = [...items].sort(documentOrder);
      const first = new Map<Kind, Item>();
      for (const item of sorted) if (!first.has(item.kind)) first.set(item.kind, item);
      this.shared.set(key, (holders = { items: sorted, first }));
    }
    return holders;
  }

  /** The first item with this id (in document order) of one of `kinds`, without scanning its holders. */
  private firstOf(key: string, kinds: readonly Kind[]): Item | undefined {
    const items = this.byKey.get(key);
    if (!items) return undefined;
    if (items.length === 1) return kinds.includes(items[0].kind) ? items[0] : undefined;
    const { first } = this.holders(key, items);
    let best: Item | undefined;
    for (const kind of kinds) {
      const item = first.get(kind);
      if (item && (!best || documentOrder(item, best) < 0)) best = item;
    }
    return best;
  }

  /** The item with this id, preferring one of the given kinds. */
  find(id: string, kinds?: readonly Kind[]): Item | undefined {
    return (kinds && this.firstOf(id.toLowerCase(), kinds)) || this.itemsWithId(id)[0];
  }

  /** Items that refer to this id (any reference field). */
  referrers(id: string): ReadonlySet<Item> {
    return this.referrersOf.get(id.toLowerCase()) ?? EMPTY;
  }

  ofKind(kind: Kind): ReadonlySet<Item> {
    return this.byKind.get(kind) ?? EMPTY;
  }

  /**
   * A value computed from the index once and kept until the next change: what a
   * fix builder needs about the whole workspace (items of a kind sorted, the folder
   * new files go to) costs once per check, not once per diagnostic. Fixes are
   * built on request, so after an edit only the next request pays.
   */
  memo<T>(key: string, compute: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = compute();
    this.memos.set(key, value);
    return value;
  }

  /** Items of a kind by id (case-insensitive, then as written). */
  sortedOfKind(kind: Kind): readonly Item[] {
    return this.memo(`sorted:${kind}`, () => [...this.ofKind(kind)].sort(byId));
  }

  *items(): IterableIterator<Item> {
    for (const file of this.files.values()) yield* file.items;
  }

  get itemCount(): number {
    let count = 0;
    for (const set of this.byKind.values()) count += set.size;
    return count;
  }

  /** Resolves a reference to an item of the kind its field expects. */
  resolve(ref: Ref): Resolved {
    const items = this.byKey.get(ref.key);
    if (!items) return {};
    const kinds: readonly Kind[] = REFERENCE_FIELDS[ref.field];
    if (items.length === 1) return kinds.includes(items[0].kind) ? { item: items[0] } : { wrongKind: items[0] };
    const item = this.firstOf(ref.key, kinds);
    return item ? { item } : { wrongKind: this.itemsWithId(ref.key)[0] };
  }

  /** The initiative a tactic belongs to, if it names one that exists. */
  initiativeOf(item: Item): Item | undefined {
    const ref = item.refs.find((r) => r.field === "initiative");
    return ref ? this.resolve(ref).item : undefined;
  }

  /** The pillar refs that apply to an item: its own, else its initiative's. */
  pillarRefs(item: Item): { refs: Ref[]; via?: Item } {
    return this.inheritedRefs(item, (ref) => ref.field === "pillar");
  }

  /** The KPI refs that apply to an item: its own, else its initiative's. */
  kpiRefs(item: Item): { refs: Ref[]; via?: Item } {
    return this.inheritedRefs(item, (ref) => ref.field === "kpi" || ref.field === "kpis");
  }

  private inheritedRefs(item: Item, wanted: (ref: Ref) => boolean): { refs: Ref[]; via?: Item } {
    const own = item.refs.filter(wanted);
    if (own.length) return { refs: own };
    const initiative = this.initiativeOf(item);
    const inherited = initiative ? initiative.refs.filter(wanted) : [];
    return inherited.length ? { refs: inherited, via: initiative } : { refs: [] };
  }

  /** KPIs of a pillar: those it lists, then those that name it (a copy the caller may sort). */
  kpisOf(pillar: Item): Item[] {
    return [...this.memo(`kpis:${pillar.file}:${pillar.idStart}`, () => this.findKpisOf(pillar))];
  }

  private findKpisOf(pillar: Item): Item[] {
    const out = new Set<Item>();
    for (const ref of pillar.refs) {
      if (ref.field !== "kpis") continue;
      const kpi = this.resolve(ref).item;
      if (kpi) out.add(kpi);
    }
    for (const other of this.referrers(pillar.id)) if (other.kind === "kpi") out.add(other);
    return [...out];
  }

  /** The effective pillar of a backlog item (own or inherited), if it resolves. */
  pillarOf(item: Item): Item | undefined {
    for (const ref of this.pillarRefs(item).refs) {
      const pillar = this.resolve(ref).item;
      if (pillar) return pillar;
    }
    return undefined;
  }
}

const EMPTY: ReadonlySet<Item> = new Set();
const NO_ITEMS: readonly Item[] = [];

/** The holders of an id shared by several items. */
interface Holders {
  items: Item[];
  first: Map<Kind, Item>;
}

/** By id, case-insensitive first. */
function byId(a: Item, b: Item): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : documentOrder(a, b);
}

/** Document order: by file path, then position in the file. */
function documentOrder(a: Item, b: Item): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.idStart - b.idStart || a.index - b.index;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
