import { describe, expect, it } from 'vitest';
import { GO_SPACE_CLASS, isGoSpace } from './chars';

describe('Go character classes', () => {
  it('spells the same spaces for regular expressions as isGoSpace decides (every UTF-16 unit)', () => {
    const inClass = new RegExp(`[${GO_SPACE_CLASS}]`);
    const disagreeing: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (inClass.test(String.fromCharCode(c)) !== isGoSpace(c)) disagreeing.push(c);
    expect(disagreeing).toEqual([]);
  });
});
