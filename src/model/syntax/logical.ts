import type { Span } from '../types';

// An instruction's "logical line": the text BuildKit parses after joining
// continuation lines. It is a concatenation of source pieces with nothing
// inserted (the escape character, the line break and comment lines are simply
// left out), so any position in it maps back to exactly one source offset.
//
// The line is `text[start, end)`. For a line of one piece (most instructions)
// `text` is the source itself and positions are source offsets: scanning the
// source directly is a third faster than scanning a slice of it. A line of
// several pieces is joined into a new string, with positions from 0, the first
// time `text` is read: the parser reads the usual continued RUN in place (see
// buildContinued in instruction.ts): joining them was about 7 % of analyze()
// on a file of long RUN commands.
//
// One LogicalLine is reused for every instruction of a file: pieces are
// recorded with append(), finish() ends the line, and the piece arrays keep
// their storage from one instruction to the next.

export class LogicalLine {
  start = 0;
  end = 0;
  /** The source the pieces come from. */
  private source = '';
  /** The line's text; null until a line of several pieces is first read. */
  private joined: string | null = '';
  /** Source offset of the first piece (or where an empty line sits). */
  private firstSource = 0;
  private pieces = 0;
  /** Per piece: where it starts in the logical text, and its source range. */
  private readonly logicalStarts: number[] = [];
  private readonly sourceStarts: number[] = [];
  private readonly sourceEnds: number[] = [];

  /** Starts a new, empty line; `anchor` is the source offset positions in an empty line map to. */
  reset(anchor: number): void {
    this.joined = '';
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

  /** Ends the line: its pieces are ranges of `source`. */
  finish(source: string): void {
    const n = this.pieces;
    this.source = source;
    if (n === 0) {
      this.joined = '';
      this.start = 0;
      this.end = 0;
    } else if (n === 1) {
      this.joined = source;
      this.start = this.sourceStarts[0];
      this.end = this.sourceEnds[0];
    } else {
      this.joined = null;
      this.start = 0;
      this.end = this.logicalStarts[n - 1] + (this.sourceEnds[n - 1] - this.sourceStarts[n - 1]);
    }
  }

  /** The string positions index: the source for a line of one piece, else the pieces joined. */
  get text(): string {
    return (this.joined ??= joinPieces(this.source, this.bounds(), 0, this.source.length));
  }

  get pieceCount(): number {
    return this.pieces;
  }

  /** Source range of piece k. */
  pieceStart(k: number): number {
    return this.sourceStarts[k];
  }

  pieceEnd(k: number): number {
    return this.sourceEnds[k];
  }

  /** The pieces' source ranges as [start0, end0, start1, end1, ...], for joining later (see joinPieces). */
  bounds(): number[] {
    const n = this.pieces;
    const out = new Array<number>(2 * n);
    for (let k = 0; k < n; k++) {
      out[2 * k] = this.sourceStarts[k];
      out[2 * k + 1] = this.sourceEnds[k];
    }
    return out;
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

/**
 * The pieces `bounds` ([start0, end0, ...] in `source`, in order) joined, each
 * cut to the source range [from, to): the text of a logical line, or of one
 * argument of it.
 */
export function joinPieces(source: string, bounds: readonly number[], from: number, to: number): string {
  let text = '';
  for (let k = 0; k < bounds.length; k += 2) {
    const start = Math.max(bounds[k], from);
    const end = Math.min(bounds[k + 1], to);
    if (end > start) text += source.slice(start, end);
  }
  return text;
}
