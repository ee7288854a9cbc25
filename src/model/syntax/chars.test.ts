import { describe, expect, it } from 'vitest';
import { GO_SPACE_CLASS, isAsciiSpace, isGoSpace, isRegexpSpace, isTokenSpace } from './chars';

/** Every UTF-16 unit for which `predicate` and `expected` disagree. */
function disagreements(predicate: (c: number) => boolean, expected: (ch: string, c: number) => boolean): number[] {
  const out: number[] = [];
  for (let c = 0; c <= 0xffff; c++) if (predicate(c) !== expected(String.fromCharCode(c), c)) out.push(c);
  return out;
}

describe('Go character classes', () => {
  it('spells the same spaces for regular expressions as isGoSpace decides (every UTF-16 unit)', () => {
    const inClass = new RegExp(`[${GO_SPACE_CLASS}]`);
    expect(disagreements(isGoSpace, (ch) => inClass.test(ch))).toEqual([]);
  });

  // The predicates are written for speed (one comparison rules out printable
  // characters); these hold each to the set its documentation names.
  it("isGoSpace is Go's unicode.IsSpace: \\t \\n \\v \\f \\r, space, U+0085, U+00A0 and the Zs characters", () => {
    const zs = /\p{Zs}/u;
    expect(disagreements(isGoSpace, (ch, c) => (c >= 0x09 && c <= 0x0d) || c === 0x85 || zs.test(ch) || c === 0x2028 || c === 0x2029)).toEqual([]);
  });

  it("isTokenSpace is BuildKit's token separator [\\t\\v\\f\\r ]", () => {
    expect(disagreements(isTokenSpace, (ch) => /[\t\v\f\r ]/.test(ch))).toEqual([]);
  });

  it('isAsciiSpace is unicode.IsSpace on a byte below 0x80: [\\t\\n\\v\\f\\r ]', () => {
    expect(disagreements(isAsciiSpace, (ch) => /[\t\n\v\f\r ]/.test(ch))).toEqual([]);
  });

  it("isRegexpSpace is RE2's \\s: [\\t\\n\\f\\r ]", () => {
    expect(disagreements(isRegexpSpace, (ch) => /[\t\n\f\r ]/.test(ch))).toEqual([]);
  });
});
