import type { Span } from '../types';

// An instruction's "logical line": the text BuildKit parses after joining
// continuation lines. It is a concatenation of source pieces with nothing
// inserted (the escape character, the line break and comment lines are simply
// left out), so any position in it maps back to exactly one source offset.
// Pieces are kept as two parallel arrays: where each piece starts in the
// logical text, and where it starts in the source.

export class LogicalLine {
  text = '';
  private readonly logicalStarts: number[] = [];
  private readonly sourceStarts: number[] = [];
  /** Source offset used for positions in an empty logical line. */
  private readonly anchor: number;

  constructor(anchor: number) {
    this.anchor = anchor;
  }

  /** Appends source[start, end). Empty pieces are ignored. */
  append(source: string, start: number, end: number): void {
    if (end <= start) return;
    this.logicalStarts.push(this.text.length);
    this.sourceStarts.push(start);
    this.text += source.slice(start, end);
  }

  /** Source offset of the logical character at `pos` (0 <= pos < text.length). */
  sourceOffset(pos: number): number {
    const starts = this.logicalStarts;
    const n = starts.length;
    if (n === 0) return this.anchor;
    if (n === 1) return this.sourceStarts[0] + pos;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return this.sourceStarts[lo] + pos - starts[lo];
  }

  /**
   * Source span of the logical range [start, end): from its first to its last
   * character, so a word broken by a continuation spans both lines. An empty
   * range becomes an empty span at the position it sits.
   */
  span(start: number, end: number): Span {
    if (end > start) return { start: this.sourceOffset(start), end: this.sourceOffset(end - 1) + 1 };
    const at =
      start < this.text.length
        ? this.sourceOffset(start)
        : this.text.length > 0
          ? this.sourceOffset(this.text.length - 1) + 1
          : this.anchor;
    return { start: at, end: at };
  }
}
