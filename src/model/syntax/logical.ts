import type { Span } from '../types';

// An instruction's "logical line": the text BuildKit parses after joining
// continuation lines. It is a concatenation of source pieces with nothing
// inserted (the escape character, the line break and comment lines are simply
// left out), so any position in it maps back to exactly one source offset.
// Most instructions are a single piece; further pieces are kept in two
// parallel arrays: where each starts in the logical text and in the source.

export class LogicalLine {
  text = '';
  /** Source offset of the first piece (or where an empty line sits). */
  private firstSource: number;
  private pieces = 0;
  private logicalStarts: number[] | null = null;
  private sourceStarts: number[] | null = null;

  constructor(anchor: number) {
    this.firstSource = anchor;
  }

  /** Empties the line so it can be reused for the next instruction. */
  reset(anchor: number): void {
    this.text = '';
    this.firstSource = anchor;
    this.pieces = 0;
    this.logicalStarts = null;
    this.sourceStarts = null;
  }

  /** Appends source[start, end). Empty pieces are ignored. */
  append(source: string, start: number, end: number): void {
    if (end <= start) return;
    if (this.pieces === 0) {
      this.firstSource = start;
      this.text = source.slice(start, end);
    } else {
      if (this.logicalStarts === null) {
        this.logicalStarts = [0];
        this.sourceStarts = [this.firstSource];
      }
      this.logicalStarts.push(this.text.length);
      this.sourceStarts!.push(start);
      this.text += source.slice(start, end);
    }
    this.pieces++;
  }

  /** Source offset of the logical character at `pos` (0 <= pos < text.length). */
  sourceOffset(pos: number): number {
    const starts = this.logicalStarts;
    if (starts === null) return this.firstSource + pos;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return this.sourceStarts![lo] + pos - starts[lo];
  }

  /**
   * Source span of the logical range [start, end): from its first to its last
   * character, so a word broken by a continuation spans both lines. An empty
   * range becomes an empty span where it sits.
   */
  span(start: number, end: number): Span {
    if (end > start) {
      if (this.logicalStarts === null) return { start: this.firstSource + start, end: this.firstSource + end };
      return { start: this.sourceOffset(start), end: this.sourceOffset(end - 1) + 1 };
    }
    const len = this.text.length;
    const at = start < len ? this.sourceOffset(start) : len > 0 ? this.sourceOffset(len - 1) + 1 : this.firstSource;
    return { start: at, end: at };
  }
}
