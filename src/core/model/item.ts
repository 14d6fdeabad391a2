import type { Track } from "../config/types";
import type { YMap } from "../parse/yaml-node";
import type { Kind, ReferenceField } from "./kinds";
import type { LineIndex } from "./range";
import type { Finding } from "./issue";

/** A reference from one item to another item's id. */
export interface Ref {
  field: ReferenceField;
  /** The id as written. */
  id: string;
  /** Lower-case id: ids are case-insensitive. */
  key: string;
  start: number;
  end: number;
}

/** One strategy item: a whole one-item file, or one entry of an `items:` list. */
export interface Item {
  kind: Kind;
  id: string;
  /** Lower-case id, the index key. */
  key: string;
  /** Path relative to the workspace root. */
  file: string;
  /** Position in the file's `items:` list, -1 for a one-item file. */
  index: number;
  /** The item's YAML map, with offsets. */
  readonly node: YMap;
  /** The item's fields as plain values; fields that failed validation are left out. */
  data: Record<string, unknown>;
  /** Fields that failed validation (they have a `schema` diagnostic already). */
  invalid: ReadonlySet<string>;
  /** Strategic or tactical, for backlog kinds. */
  track?: Track;
  refs: Ref[];
  /** Rule ids this item silences (`ignore:`). */
  ignore: ReadonlySet<string>;
  /** Offsets of the `id` value, or of the `type` value when the id comes from the file name. */
  idStart: number;
  idEnd: number;
  /** The parsed file it lives in. */
  doc: ParsedFile;
}

/** A parsed markdown file: its strategy items (if any) and the findings of parsing. */
export interface ParsedFile {
  path: string;
  /** The text without BOM. */
  text: string;
  bom: boolean;
  /** The file's line ending, for inserted lines. */
  eol: "\n" | "\r\n";
  /** True when the file is a strategy document (or was meant to be one). */
  isStrategy: boolean;
  items: Item[];
  /** yaml-syntax, schema and unreadable-file findings. */
  findings: Finding[];
  /** Offsets of the front matter content, when there is one. */
  frontMatter?: { start: number; end: number };
  /** Offset where the markdown body starts. */
  bodyStart: number;
  /** Line index of the text, built on first use. */
  lines(): LineIndex;
}
