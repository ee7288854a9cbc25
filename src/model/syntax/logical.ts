import type { Span } from '../types';

// An instruction's "logical line": the text BuildKit parses after joining
// continuation lines. It is a concatenation of source pieces with nothing
// inserted (the escape character, the line break and comment lines are simply
// left out), so any position in it maps back to exactly one source offset.
//
// The line is `text[start, end)`. For a line of one piece (most instructions)
// `text` is the source itself and positions are source offsets: scanning the
// source directly is a third faster than scanning a slice of it. A line of
// several pieces is joined into a new string, with positions from 0.
//
// One LogicalLine is reused for every instruction of a file: pieces are
// recorded with append(), finish() builds the text, and the piece arrays keep
// their storage from one instruction to the next.

export class LogicalLine {
  text = '';
  start = 0;
  end = 0;
  /** Source offset of the first piece (or where an empty line sits). */
  private firstSource = 0;
  private pieces = 0;
  /** Per piece: where it starts in the logical text, and its source range. */
  private readonly logicalStarts: number[] = [];
  private readonly sourceStarts: number[] = [];
  private readonly sourceEnds: number[] = [];

  /** Starts a new, empty line; `anchor` is the source offset positions in an empty line map to. */
  reset(anchor: number): void {
    this.text = '';
    this.start = 0;
    this.end = 0;
    this.firstSource = anchor;
    this.pieces = 0;
  }

  /** Records source[start, end) as the next piece. Empty pieces are ignored. */
  append(start: number, end: number): void {
    if (end <= start) return;
    const k = this.pieces++;
    if (k === 0) this.firstSource = start;
    this.logicalStarts[k] = k === 0 ? 0 : this.logicalStarts[k - 1] + (this.sourceEnds[k - 1] - this.sourceStarts[k - 1]);
    this.sourceStarts[k] = start;
    this.sourceEnds[k] = end;
  }

  /** Builds `text` (and the range in it) from the recorded pieces of `source`. */
  finish(source: string): void {
    const n = this.pieces;
    if (n === 0) {
      this.text = '';
      this.start = 0;
      this.end = 0;
    } else if (n === 1) {
      this.text = source;
      this.start = this.sourceStarts[0];
      this.end = this.sourceEnds[0];
    } else {
      let text = '';
      for (let k = 0; k < n; k++) text += source.slice(this.sourceStarts[k], this.sourceEnds[k]);
      this.text = text;
      this.start = 0;
      this.end = text.length;
    }
  }

  /** Whether positions are source offsets (a line of one piece, or none), so a non-empty range's span is itself. */
  get direct(): boolean {
    return this.pieces <= 1;
  }

  /** Source offset of the logical character at `pos` (start <= pos < end). */
  sourceOffset(pos: number): number {
    if (this.pieces <= 1) return this.pieces === 0 ? this.firstSource : pos;
    const starts = this.logicalStarts;
    let lo = 0;
    let hi = this.pieces - 1;
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
   * range becomes an empty span where it sits.
   */
  span(start: number, end: number): Span {
    if (end > start) {
      if (this.pieces <= 1) return { start, end };
      return { start: this.sourceOffset(start), end: this.sourceOffset(end - 1) + 1 };
    }
    const at = start < this.end ? this.sourceOffset(start) : this.end > this.start ? this.sourceOffset(this.end - 1) + 1 : this.firstSource;
    return { start: at, end: at };
  }
}
