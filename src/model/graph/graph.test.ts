import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { edgesOnCycles } from './cycles.ts';
import { parseMountFrom } from './mounts.ts';
import { isValidStageName } from './stageNames.ts';
import { levenshtein, suggest } from './suggest.ts';

describe('parseMountFrom (BuildKit CSV mount values)', () => {
  const from = (v: string) => {
    const r = parseMountFrom(v);
    return r.ok ? r.mount : r.error;
  };
  it('finds from= in any case with its offsets, last one wins', () => {
    expect(from('type=bind,from=build,target=/x')).toEqual({ value: 'build', start: 15, end: 20, target: '/x' });
    expect(from('FROM=a,From=b')).toMatchObject({ value: 'b', start: 12, end: 13 });
    expect(from('fromage=x,dst=/d')).toMatchObject({ value: null });
    expect(from('type=bind,from=b,dst=/d')).toMatchObject({ value: 'b', target: '/d' });
    // Without a from= key nothing is read: no source, so no target to name in a message.
    expect(from('type=cache,target=/c')).toEqual({ value: null, start: null, end: null, target: '' });
  });
  it('reads quoted fields, with "" for a quote, and gives no plain offsets for them', () => {
    expect(from('type=bind,"from=a,b",target=/x')).toEqual({ value: 'a,b', start: null, end: null, target: '/x' });
    expect(from('"from=a""b"')).toMatchObject({ value: 'a"b' });
    expect(from('from=x,')).toMatchObject({ value: 'x' });
  });
  it("fails like Go's encoding/csv and BuildKit", () => {
    expect(from('')).toMatch(/EOF/);
    expect(from('type=bind,"from=x')).toMatch(/extraneous or missing "/);
    expect(from('"from=x"y')).toMatch(/extraneous or missing "/);
    expect(from('type=bind,fr"om=x,"a"')).toMatch(/bare "/);
    expect(from('from=$STAGE')).toMatch(/doesn't support variable expansion/);
    expect(from('from=a$')).toMatchObject({ value: 'a$' });
  });
});

describe('edgesOnCycles', () => {
  it('finds self-loops and every edge of a cycle, nothing else', () => {
    expect(edgesOnCycles(3, [{ from: 0, to: 1 }, { from: 1, to: 2 }])).toEqual([]);
    expect(edgesOnCycles(2, [{ from: 1, to: 1 }, { from: 0, to: 1 }])).toEqual([0]);
    expect(edgesOnCycles(4, [{ from: 0, to: 1 }, { from: 1, to: 2 }, { from: 2, to: 0 }, { from: 2, to: 3 }])).toEqual([0, 1, 2]);
  });
  it('ignores image sources and out-of-range indexes', () => {
    expect(edgesOnCycles(2, [{ from: 'alpine', to: 0 }, { from: 5, to: 1 }, { from: 1, to: 1 }])).toEqual([2]);
  });
  it('handles a 20,000-stage chain without deep recursion', () => {
    const n = 20_000;
    const chain = Array.from({ length: n - 1 }, (_, i) => ({ from: i, to: i + 1 }));
    expect(edgesOnCycles(n, chain)).toEqual([]);
    expect(edgesOnCycles(n, [...chain, { from: n - 1, to: 0 }])).toHaveLength(n);
  });
});

describe('suggest (BuildKit util/suggest)', () => {
  it('suggests the closest option within two edits', () => {
    expect(suggest('BULIDPLATFORM', ['BUILDPLATFORM', 'TARGETOS'])).toBe('BUILDPLATFORM');
    expect(suggest('MYARCH', ['MY_OS', 'MY_ARCH'])).toBe('MY_ARCH');
    expect(suggest('version', ['tag', 'TARGETOS'])).toBe('');
    expect(suggest('TARGETOS', ['TARGETOS', 'TARGETOSX'])).toBe('');
    expect(suggest('targetoss', ['TARGETOS'], false)).toBe('targetos'); // case follows the value
    expect(suggest('targetos', ['TARGETOS'], false)).toBe(''); // an exact match means no suggestion
  });
  it('computes edit distances', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('abc', 'abc')).toBe(0);
  });
});

describe('isValidStageName', () => {
  it('is BuildKit\'s ^[a-z][a-z0-9-_.]*$, on any string', () => {
    const rule = /^[a-z][a-z0-9\-_.]*$/;
    for (const name of ['build', 'b-1_x.y', '', '1x', '-x', 'Build', 'a b', 'é', 'a/b']) expect(isValidStageName(name)).toBe(rule.test(name));
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'z', 'A', '0', '9', '-', '_', '.', ' ', '/', 'é', '\n') }), (name) => isValidStageName(name) === rule.test(name)));
  });
});
