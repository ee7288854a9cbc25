import type { Flag } from '../types';
import { GO_SPACE_CLASS, isAsciiSpace, isGoSpace } from './chars';
import type { LogicalLine } from './logical';

// Two of the ways BuildKit cuts an instruction's text into words (the plain
// whitespace split lives with the argument shapes in instruction.ts). Both work
// on a range [from, to) of one string and report word boundaries as indexes
// into it, so callers can map them back to the source. parseWords returns its
// ranges as one flat array [start0, end0, start1, end1, ...] (in a scratch array
// the caller reuses) rather than an object per word.

const SPACE = 0x20;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const DASH = 0x2d;
const EQUALS = 0x3d;
const BACKSLASH = 0x5c;

/** No quote, no escape character of either kind, no Go space (unicode.IsSpace). */
const SINGLE_PLAIN_WORD = new RegExp(`[^'"\\\\\`${GO_SPACE_CLASS}]*`, 'y');

/**
 * BuildKit's parseWords (ENV, LABEL, ARG): split on Unicode spaces outside
 * quotes. Quotes and escapes stay in the words; only an escape character at the
 * very end of the text is dropped. Each word is therefore a contiguous piece of
 * the input. The ranges go into `out` (a scratch array the caller reuses) from
 * index 0; returns how many numbers were written (twice the word count).
 */
export function parseWords(s: string, from: number, to: number, escape: number, out: number[]): number {
  // The usual `ARG NAME=value` is one word with no quote, escape or space: one match says so.
  if (from < to) {
    SINGLE_PLAIN_WORD.lastIndex = from;
    SINGLE_PLAIN_WORD.test(s);
    if (SINGLE_PLAIN_WORD.lastIndex >= to) {
      out[0] = from;
      out[1] = to;
      return 2;
    }
  }
  let n = 0;
  const IN_SPACES = 0;
  const IN_WORD = 1;
  const IN_QUOTE = 2;
  let phase = IN_SPACES;
  let quote = 0;
  let start = -1;
  let end = -1;
  for (let pos = from; pos <= to; pos++) {
    const ch = pos < to ? s.charCodeAt(pos) : -1;
    if (phase === IN_SPACES) {
      if (pos === to) break;
      if (isGoSpace(ch)) continue;
      phase = IN_WORD;
      start = pos;
      end = pos;
    }
    if (pos === to) {
      if (end > start) {
        out[n++] = start;
        out[n++] = end;
      }
      break;
    }
    if (phase === IN_WORD) {
      if (isGoSpace(ch)) {
        phase = IN_SPACES;
        if (end > start) {
          out[n++] = start;
          out[n++] = end;
        }
        continue;
      }
      if (ch === SQUOTE || ch === DQUOTE) {
        quote = ch;
        phase = IN_QUOTE;
      }
      if (ch === escape) {
        if (pos + 1 === to) continue;
        pos++;
      }
      end = pos + 1;
      continue;
    }
    // IN_QUOTE
    if (ch === quote) phase = IN_WORD;
    if (ch === escape && quote !== SQUOTE) {
      if (pos + 1 === to) {
        phase = IN_WORD;
        continue;
      }
      pos++;
    }
    end = pos + 1;
  }
  return n;
}

/**
 * Where extractFlags collects flags: `items[0, count)`. The parser reuses one
 * for every instruction; `items` keeps its storage (emptying an array by
 * setting its length to 0 frees it, so the next push allocates again).
 */
export interface FlagList {
  items: Flag[];
  count: number;
  /** Whether every flag so far was plain (no quote, backslash or non-ASCII character): none can have left a quote open. */
  plain: boolean;
}

function addFlag(out: FlagList, flag: Flag): void {
  out.items[out.count++] = flag;
}

/**
 * BuildKit's extractBuilderFlags: leading words that start with "--" are flags;
 * a bare "--" ends them. Quotes are removed and a backslash (always a
 * backslash, whatever the escape directive says) keeps the next character.
 * BuildKit scans bytes here, so a non-ASCII character ends up in the flag as
 * its UTF-8 bytes read as Latin-1, and the bytes 0x85 and 0xA0 count as
 * spaces (NBSP ends a flag). Where Go would then resume in the middle of a
 * character (never in practice) we resume at a character boundary.
 *
 * Appends the flags found in line.text[from, to) to `out` and returns where
 * the non-flag part begins (`to` when everything was flags).
 */
export function extractFlags(line: LogicalLine, from: number, to: number, out: FlagList): number {
  const s = line.text;
  const IN_SPACES = 0;
  const IN_WORD = 1;
  const IN_QUOTE = 2;
  let phase = IN_SPACES;
  // The word is built from runs of untouched source (s[run, pos)) plus the
  // characters that quote/escape handling produced, to avoid per-character
  // string concatenation.
  let word = '';
  let run = from;
  let quote = 0;
  let blankOK = false;
  let start = from;
  let equals = -1;
  for (let pos = from; pos <= to; pos++) {
    let ch = pos < to ? s.charCodeAt(pos) : -1;
    if (phase === IN_SPACES) {
      if (pos === to) break;
      if (isAsciiSpace(ch)) continue;
      if (ch !== DASH || pos + 1 === to || s.charCodeAt(pos + 1) !== DASH) return pos;
      // Fast path for the usual flag: plain ASCII up to a space or the end.
      const end = plainWordEnd(s, pos, to);
      if (end >= 0) {
        const text = s.slice(pos, end);
        if (text === '--') return end;
        const eq = text.indexOf('=');
        addFlag(out, makeFlag(line, text, pos, end, eq < 0 ? -1 : pos + eq));
        pos = end;
        continue;
      }
      out.plain = false;
      phase = IN_WORD;
      start = pos;
      run = pos;
      word = '';
      equals = -1;
      blankOK = false;
    }
    if (pos === to) {
      word += s.slice(run, pos);
      if (word !== '--' && (blankOK || word.length > 0)) addFlag(out, makeFlag(line, word, start, pos, equals));
      break;
    }
    if (phase === IN_WORD) {
      if (isAsciiSpace(ch)) {
        phase = IN_SPACES;
        word += s.slice(run, pos);
        if (word === '--') return pos;
        if (blankOK || word.length > 0) addFlag(out, makeFlag(line, word, start, pos, equals));
        continue;
      }
      if (ch === SQUOTE || ch === DQUOTE) {
        word += s.slice(run, pos);
        run = pos + 1;
        quote = ch;
        blankOK = true;
        phase = IN_QUOTE;
        continue;
      }
      if (ch === BACKSLASH) {
        word += s.slice(run, pos);
        run = pos + 1;
        if (pos + 1 === to) continue;
        pos++;
        ch = s.charCodeAt(pos);
      }
    } else {
      if (ch === quote) {
        word += s.slice(run, pos);
        run = pos + 1;
        phase = IN_WORD;
        continue;
      }
      if (ch === BACKSLASH) {
        word += s.slice(run, pos);
        run = pos + 1;
        if (pos + 1 === to) {
          phase = IN_WORD;
          continue;
        }
        pos++;
        ch = s.charCodeAt(pos);
      }
    }
    if (ch === EQUALS && equals < 0) equals = pos;
    if (ch >= 0x80) {
      // Take the whole code point, then spell its UTF-8 bytes as Latin-1.
      const charStart = pos;
      word += s.slice(run, pos);
      let cp = ch;
      if (ch >= 0xd800 && ch < 0xdc00 && pos + 1 < to) {
        const low = s.charCodeAt(pos + 1);
        if (low >= 0xdc00 && low < 0xe000) {
          cp = 0x10000 + ((ch - 0xd800) << 10) + (low - 0xdc00);
          pos++;
        }
      }
      const bytes = latin1Utf8(cp);
      run = pos + 1;
      // Outside quotes Go's unicode.IsSpace sees the bytes 0x85 and 0xA0 (as
      // in NBSP, C2 A0) as spaces: the flag ends there.
      const space = phase === IN_WORD ? firstSpaceByte(bytes) : -1;
      if (space < 0) {
        word += bytes;
        continue;
      }
      word += bytes.slice(0, space);
      phase = IN_SPACES;
      if (word === '--') return charStart;
      if (blankOK || word.length > 0) addFlag(out, makeFlag(line, word, start, charStart, equals < charStart ? equals : -1));
      // Go would go on in the middle of the character; we restart after it,
      // or at it when more than spaces follow the space byte.
      if (firstNonSpaceByte(bytes, space + 1) >= 0) return charStart;
    }
  }
  return to;
}

/** Characters a plain flag never holds: ASCII whitespace, quotes, backslash, anything non-ASCII. */
const PLAIN_RUN = /[^\t\n\v\f\r "'\\\u0080-\uffff]*/y;

/**
 * End of the word starting at `from` when it needs no unquoting (no quote,
 * backslash or non-ASCII character before the next ASCII space), else -1.
 * A sticky regular expression: the compiled matcher walks a long --mount
 * flag in about half the time of a charCodeAt loop, and stops at the word's
 * end, so it never reads past it.
 */
function plainWordEnd(s: string, from: number, to: number): number {
  PLAIN_RUN.lastIndex = from;
  PLAIN_RUN.test(s);
  const j = PLAIN_RUN.lastIndex;
  if (j >= to) return to;
  const c = s.charCodeAt(j);
  return c === SPACE || (c >= 0x09 && c <= 0x0d) ? j : -1;
}

/** `equals` is the logical index of the character that became the flag's first "=", or -1. */
function makeFlag(line: LogicalLine, text: string, start: number, end: number, equals: number): Flag {
  const eq = text.indexOf('=');
  return {
    text,
    name: eq < 0 ? text.slice(2) : text.slice(2, eq),
    value: eq < 0 ? null : text.slice(eq + 1),
    span: line.span(start, end),
    valueSpan: equals < 0 ? null : line.span(equals + 1, end),
  };
}

function firstSpaceByte(bytes: string): number {
  for (let k = 0; k < bytes.length; k++) {
    const b = bytes.charCodeAt(k);
    if (b === 0x85 || b === 0xa0) return k;
  }
  return -1;
}

function firstNonSpaceByte(bytes: string, from: number): number {
  for (let k = from; k < bytes.length; k++) {
    const b = bytes.charCodeAt(k);
    if (b !== 0x85 && b !== 0xa0) return k;
  }
  return -1;
}

function latin1Utf8(cp: number): string {
  if (cp >= 0xd800 && cp < 0xe000) cp = 0xfffd;
  if (cp < 0x800) return String.fromCharCode(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
  if (cp < 0x10000)
    return String.fromCharCode(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  return String.fromCharCode(
    0xf0 | (cp >> 18),
    0x80 | ((cp >> 12) & 0x3f),
    0x80 | ((cp >> 6) & 0x3f),
    0x80 | (cp & 0x3f),
  );
}
