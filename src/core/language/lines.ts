/**
 * A line-by-line reading of front matter for the editor: keys, values, list
 * entries and comments with their offsets. Unlike the parser it never gives up,
 * so it still answers while the user is half-way through typing a line
 * (`pillar:`, `kpis: [nrr, `) and the YAML does not parse.
 */
/** One line of front matter. Offsets are into the file's text (without BOM). */
export interface FrontMatterLine {
  /** 0-based line number. */
  line: number;
  start: number;
  /** Offset just past the content, before the line end. */
  end: number;
  /** Leading spaces. */
  indent: number;
  /** True for a sequence entry (`- …`). */
  dash: boolean;
  /** Offset where the content after the indentation and any `- ` starts. */
  col: number;
  /** The key of a `key: value` line, if the line has one. */
  key?: string;
  keyStart: number;
  keyEnd: number;
  /** Offset of the key's colon, -1 without a key. */
  colon: number;
  /** The value after the colon (or the content, without a key), trimmed, comment excluded. */
  valueStart: number;
  valueEnd: number;
  /** Offset of a `#` comment, -1 if none. */
  commentStart: number;
  /** Empty or only a comment. */
  blank: boolean;
}

const KEY = /^(["']?)([A-Za-z_][A-Za-z0-9_.-]*)\1[ \t]*:(?=[ \t]|$)/;

/** Where a `#` comment starts in `text[from, to)`, minding quotes; -1 if none. */
function commentIn(text: string, from: number, to: number): number {
  let quote = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    const before = i === from ? 32 : text.charCodeAt(i - 1);
    if (quote) {
      if (code === quote) quote = 0;
    } else if ((code === 34 || code === 39) && (before === 32 || before === 9 || before === 91 || before === 44 || before === 123 || i === from)) {
      quote = code;
    } else if (code === 35 && (before === 32 || before === 9 || i === from)) {
      return i;
    }
  }
  return -1;
}

function skipSpaces(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i;
}

/** Reads one line of front matter. */
export function readLine(text: string, line: number, start: number, end: number): FrontMatterLine {
  const indentEnd = skipSpaces(text, start, end);
  let col = indentEnd;
  let dash = false;
  if (text.charCodeAt(col) === 45 && (col + 1 === end || text.charCodeAt(col + 1) === 32 || text.charCodeAt(col + 1) === 9)) {
    dash = true;
    col = skipSpaces(text, col + 1, end);
  }
  const out: FrontMatterLine = {
    line, start, end, indent: indentEnd - start, dash, col,
    keyStart: col, keyEnd: col, colon: -1, valueStart: col, valueEnd: col, commentStart: -1, blank: false,
  };
  const match = KEY.exec(text.slice(col, end));
  let valueFrom = col;
  if (match) {
    out.key = match[2];
    out.keyStart = col + match[1].length;
    out.keyEnd = out.keyStart + match[2].length;
    out.colon = col + match[0].length - 1;
    valueFrom = skipSpaces(text, out.colon + 1, end);
  }
  out.commentStart = commentIn(text, valueFrom, end);
  let valueEnd = out.commentStart === -1 ? end : out.commentStart;
  while (valueEnd > valueFrom && (text.charCodeAt(valueEnd - 1) === 32 || text.charCodeAt(valueEnd - 1) === 9)) valueEnd--;
  out.valueStart = valueFrom;
  out.valueEnd = valueEnd;
  out.blank = !dash && !match && valueEnd === valueFrom;
  return out;
}

/** A token of a value: a scalar or one element of a flow list, without its quotes. */
export interface ValueToken {
  start: number;
  end: number;
  /** Other elements of the same flow list (for completion to skip). */
  siblings: string[];
  inList: boolean;
}

/** Splits `text[from, to)` at top-level commas, minding quotes. */
function splitCommas(text: string, from: number, to: number): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let quote = 0;
  let at = from;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (quote) {
      if (code === quote) quote = 0;
    } else if (code === 34 || code === 39) quote = code;
    else if (code === 44) {
      parts.push([at, i]);
      at = i + 1;
    }
  }
  parts.push([at, to]);
  return parts;
}

/** Trims spaces and one pair of quotes. */
function unquote(text: string, start: number, end: number): [number, number] {
  let a = skipSpaces(text, start, end);
  let b = end;
  while (b > a && (text.charCodeAt(b - 1) === 32 || text.charCodeAt(b - 1) === 9)) b--;
  const first = text.charCodeAt(a);
  if (b > a && (first === 34 || first === 39)) {
    a++;
    if (b > a && text.charCodeAt(b - 1) === first) b--;
  }
  return [a, b];
}

/**
 * The value token of `line` at `offset`: the scalar, or the element of a
 * `[a, b]` list the offset is in. Undefined past a closing `]`, in a comment
 * or in a flow map.
 */
export function valueTokenAt(text: string, line: FrontMatterLine, offset: number): ValueToken | undefined {
  if (line.commentStart !== -1 && offset > line.commentStart) return undefined;
  const { valueStart: start, valueEnd: end } = line;
  if (text.charCodeAt(start) === 123) return undefined;
  if (text.charCodeAt(start) === 91) {
    // The last `]` of the value (not one of an earlier line).
    let close = end - 1;
    while (close > start && text.charCodeAt(close) !== 93) close--;
    // Unclosed while typing (`[nrr, `): the list runs to the comment or the end of the line, spaces included.
    const inner = close > start ? close : line.commentStart !== -1 ? line.commentStart : line.end;
    if (offset <= start || offset > inner) return undefined;
    const parts = splitCommas(text, start + 1, inner).map(([a, b]) => unquote(text, a, b));
    const raw = splitCommas(text, start + 1, inner);
    const index = raw.findIndex(([a, b]) => offset >= a && offset <= b);
    const [a, b] = parts[index];
    const siblings = parts.filter((_, i) => i !== index).map(([s, e]) => text.slice(s, e)).filter(Boolean);
    return { start: a, end: b, siblings, inList: true };
  }
  const [a, b] = start === end ? [start, end] : unquote(text, start, end);
  return { start: a, end: b, siblings: [], inList: false };
}
