/** A 0-based position: line and UTF-16 character within the line (as in LSP and VS Code). */
export interface Position {
  line: number;
  character: number;
}

/** A 0-based, end-exclusive range. */
export interface Range {
  start: Position;
  end: Position;
}

/** Maps offsets of one text to positions and back. Built lazily: most files never need it. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }

  /** Offset of the first character of `line`. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** Offset just past the last character of `line`, before its `\r\n` or `\n`. */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
    return next > this.lineStart(line) && this.text.charCodeAt(next - 1) === 13 ? next - 1 : next;
  }

  /** The position of an offset; one between the `\r` and `\n` of a line break is the line's end (VS Code has no position there). */
  positionAt(offset: number): Position {
    let at = Math.max(0, Math.min(offset, this.text.length));
    if (at > 0 && this.text.charCodeAt(at) === 10 && this.text.charCodeAt(at - 1) === 13) at--;
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: at - this.starts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.lineStart(position.line);
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(Math.max(start, end)) };
  }
}
