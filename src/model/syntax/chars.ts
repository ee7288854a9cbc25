// Character classes as Go's standard library defines them. BuildKit is written
// in Go, and the exact set of "space" characters decides where words split, so
// JavaScript's own notions (String.prototype.trim, \s) must not be used here:
// they disagree with Go on U+0085, U+FEFF and \v.

export const TAB = 0x09;
export const LF = 0x0a;
export const CR = 0x0d;
export const SPACE = 0x20;
export const HASH = 0x23;
export const DQUOTE = 0x22;
export const SQUOTE = 0x27;
export const DOLLAR = 0x24;
export const DASH = 0x2d;
export const EQUALS = 0x3d;
export const LT = 0x3c;
export const BACKSLASH = 0x5c;
export const BACKTICK = 0x60;
export const LBRACE = 0x7b;
export const RBRACE = 0x7d;
export const BOM = 0xfeff;

/** Go's unicode.IsSpace: the White_Space property. */
export function isGoSpace(c: number): boolean {
  // Most characters read are printable ASCII: one comparison rules them out.
  if (c < 0x80) return c <= SPACE && (c === SPACE || (c >= TAB && c <= CR));
  if (c < 0x1680) return c === 0x85 || c === 0xa0;
  return (
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/**
 * The same set as isGoSpace, spelled for a regular expression's character
 * class, for the sticky matchers that skip long runs of ordinary characters.
 * A test holds the two to the same characters.
 */
export const GO_SPACE_CLASS = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

/** BuildKit's token separator, the regular expression [\t\v\f\r ]. */
export function isTokenSpace(c: number): boolean {
  return c <= SPACE && (c === SPACE || (c >= TAB && c <= CR && c !== LF));
}

/** Go's unicode.IsSpace applied to a single byte value (used where BuildKit scans bytes). */
export function isAsciiSpace(c: number): boolean {
  return c <= SPACE && (c === SPACE || (c >= TAB && c <= CR));
}

/** RE2's \s: [\t\n\f\r ] (no \v). */
export function isRegexpSpace(c: number): boolean {
  return c <= SPACE && (c === SPACE || (c >= TAB && c <= CR && c !== 0x0b));
}

export function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

export function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

const letterRe = /^\p{L}$/u;
const digitRe = /^\p{Nd}$/u;

/** Go's unicode.IsLetter for one UTF-16 unit (astral letters are rare enough to treat as non-letters). */
export function isGoLetter(c: number): boolean {
  if (c < 0x80) return isAsciiLetter(c);
  return letterRe.test(String.fromCharCode(c));
}

/** Go's unicode.IsDigit. */
export function isGoDigit(c: number): boolean {
  if (c < 0x80) return isAsciiDigit(c);
  return digitRe.test(String.fromCharCode(c));
}

/** Index of the first non-space (Go) character in [from, to). */
export function skipGoSpace(s: string, from: number, to: number): number {
  while (from < to && isGoSpace(s.charCodeAt(from))) from++;
  return from;
}

/** End of [from, to) once trailing Go spaces are removed. */
export function trimGoSpaceEnd(s: string, from: number, to: number): number {
  while (to > from && isGoSpace(s.charCodeAt(to - 1))) to--;
  return to;
}

/**
 * End of the variable name starting at `start` when it is the usual kind, an
 * ASCII letter or "_" then ASCII letters, digits and "_" up to an ASCII
 * character or the end; else -1 (no name there, or one that goes on into
 * non-ASCII letters, which the callers read character by character).
 */
export function asciiNameEnd(s: string, start: number): number {
  const first = start < s.length ? s.charCodeAt(start) : -1;
  if (first !== 0x5f && !isAsciiLetter(first)) return -1;
  let end = start + 1;
  while (end < s.length) {
    const c = s.charCodeAt(end);
    if (c !== 0x5f && !isAsciiLetter(c) && !isAsciiDigit(c)) break;
    end++;
  }
  return end === s.length || s.charCodeAt(end) < 0x80 ? end : -1;
}
