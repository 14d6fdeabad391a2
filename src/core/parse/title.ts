/**
 * An item's display title: its `title`, else the first heading of a one-item
 * file's body (read with remark, only for items that need it), else its id.
 */
import type { Heading, Root } from "mdast";
import type { Item } from "../model/item";

const headings = new WeakMap<object, string | null>();
let processor: ReturnType<typeof makeProcessor> | undefined;

/** remark, loaded on first need: only items without a `title` need it, and it is slow to load. */
function makeProcessor() {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose (a vendor file in the bundles)
  const { unified, remarkParse, remarkFrontmatter } = require("./markdown-lib") as typeof import("./markdown-lib");
  return unified().use(remarkParse).use(remarkFrontmatter, ["yaml", "toml"]);
}

function textOf(node: { type: string; value?: string; children?: unknown[] }): string {
  if (typeof node.value === "string") return node.value;
  return (node.children ?? []).map((child) => textOf(child as typeof node)).join("");
}

/** The first heading of the body of the item's file, if any. */
export function firstHeading(item: Item): string | undefined {
  const doc = item.doc;
  if (!headings.has(doc)) {
    processor ??= makeProcessor();
    const body = doc.text.slice(doc.bodyStart, doc.bodyStart + 20000);
    const tree = processor.parse(body) as Root;
    const heading = tree.children.find((node): node is Heading => node.type === "heading");
    headings.set(doc, heading ? textOf(heading).trim() || null : null);
  }
  return headings.get(doc) ?? undefined;
}

export function itemTitle(item: Item): string {
  const title = item.data.title;
  if (typeof title === "string" && title.trim()) return title.trim();
  if (typeof title === "number") return String(title);
  return (item.index === -1 && firstHeading(item)) || item.id;
}
