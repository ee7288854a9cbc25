// Text helpers shared by the edit gestures: applying and normalising edits,
// finding lines, and matching the document's own style (line endings,
// keyword casing, indentation) so inserted text looks like its neighbours.

import type { Instruction, Span, TextEdit } from '../types.ts';

/**
 * Apply non-overlapping edits (offsets refer to `text`). Throws on overlap:
 * that is a bug in whoever computed the edits, not a user error.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos || e.end < e.start || e.end > text.length) {
      throw new RangeError(`overlapping or out-of-range edit [${e.start}, ${e.end})`);
    }
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/**
 * Sort edits and merge overlapping or touching deletions (two flags removed
 * from one line may share the whitespace between them). Edits that insert
 * or replace text must not overlap anything.
 */
export function normalizeEdits(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = edits
    .filter((e) => !(e.start === e.end && e.text === ''))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: TextEdit[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && e.start < last.end) {
      if (last.text === '' && e.text === '') {
        last.end = Math.max(last.end, e.end);
        continue;
      }
      throw new RangeError(`overlapping edits [${last.start}, ${last.end}) and [${e.start}, ${e.end})`);
    }
    out.push({ ...e });
  }
  return out;
}

export function lineEnding(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Start of the line containing `offset`; a leading byte-order mark stays outside the first line, so edits keep it first. */
export function lineStartOf(text: string, offset: number): number {
  const i = text.lastIndexOf('\n', offset - 1);
  if (i >= 0) return i + 1;
  return offset > 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

/** Offset of the end of the line containing `offset` (before "\r\n" or "\n"). */
export function lineEndOf(text: string, offset: number): number {
  let i = text.indexOf('\n', offset);
  if (i < 0) return text.length;
  if (i > 0 && text[i - 1] === '\r') i--;
  return i;
}

/** Length of the line break at `offset` (0 at the end of the text). */
export function breakLength(text: string, offset: number): number {
  if (text.startsWith('\r\n', offset)) return 2;
  return text[offset] === '\n' ? 1 : 0;
}

/** The whitespace before the first non-blank character of the line containing `offset`. */
export function indentationAt(text: string, offset: number): string {
  const start = lineStartOf(text, offset);
  let end = start;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return text.slice(start, end);
}

/**
 * The range that removes whole lines from the start of `span`'s first line
 * through `span`'s line break. When the span does not start its line (text
 * before it on the line) only the span itself goes.
 */
export function wholeLinesRange(text: string, span: Span): Span {
  const lineStart = lineStartOf(text, span.start);
  if (text.slice(lineStart, span.start).trim() !== '') return { start: span.start, end: span.end };
  const brk = breakLength(text, span.end);
  if (brk > 0) return { start: lineStart, end: span.end + brk };
  // Last line of the file without a final newline: take the newline before it instead.
  let start = lineStart;
  if (start > 0) start -= text[start - 2] === '\r' ? 2 : 1;
  return { start, end: span.end };
}

/** "COPY" or "copy", following how the stage writes its FROM keyword. */
export function keywordCase(from: Instruction, word: string): string {
  return from.keyword === from.keyword.toLowerCase() ? word.toLowerCase() : word.toUpperCase();
}

const WHITESPACE = /\s/;

export function hasWhitespace(s: string): boolean {
  return WHITESPACE.test(s);
}
