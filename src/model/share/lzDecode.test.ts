import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import LZString from 'lz-string';
import { lzDecodeUriSafe } from './lzDecode.ts';
import { lzBomb } from './bomb.test-util.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

describe('lzDecodeUriSafe', () => {
  test('reads what lz-string wrote, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const encoded = LZString.compressToEncodedURIComponent(text);
        expect(lzDecodeUriSafe(encoded, 1_000_000)).toEqual({ ok: true, text });
      }),
      { numRuns: 500 },
    );
  });

  test('reads repetitive text, where the dictionary grows fastest', () => {
    for (const text of ['', 'a', 'aaaa'.repeat(5000), 'abc'.repeat(3000) + 'x', 'FROM alpine\n'.repeat(800)]) {
      expect(lzDecodeUriSafe(LZString.compressToEncodedURIComponent(text), 1_000_000)).toEqual({ ok: true, text });
    }
  });

  test('agrees with lz-string on random input whenever it accepts it', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...ALPHABET.split('')), maxLength: 60 }), (input) => {
        const ours = lzDecodeUriSafe(input, 1_000_000);
        if (ours.ok) expect(LZString.decompressFromEncodedURIComponent(input)).toBe(ours.text);
      }),
      { numRuns: 2000 },
    );
  });

  test('stops a decompression bomb at the limit, quickly', () => {
    const small = lzBomb(100);
    // The hand-made bomb is valid lz-string data: the library reads it.
    expect(LZString.decompressFromEncodedURIComponent(small.encoded)).toBe('a'.repeat(small.expandsTo));
    expect(lzDecodeUriSafe(small.encoded, small.expandsTo)).toEqual({ ok: true, text: 'a'.repeat(small.expandsTo) });

    // 20 KB of data that would expand to 200 million characters.
    const bomb = lzBomb(20_000);
    expect(bomb.encoded.length).toBeLessThan(50_000);
    expect(bomb.expandsTo).toBeGreaterThan(200_000_000);
    const started = performance.now();
    expect(lzDecodeUriSafe(bomb.encoded, 1_000_000)).toEqual({ ok: false, reason: 'too-long' });
    expect(performance.now() - started).toBeLessThan(500);
  });

  test('says what is wrong with input it cannot read', () => {
    const good = LZString.compressToEncodedURIComponent('FROM alpine AS build\nRUN make\n');
    expect(lzDecodeUriSafe(good.slice(0, good.length / 2), 100)).toEqual({ ok: false, reason: 'truncated' });
    expect(lzDecodeUriSafe(good + '!', 100)).toEqual({ ok: false, reason: 'bad-character' });
    expect(lzDecodeUriSafe('', 100)).toEqual({ ok: false, reason: 'truncated' });
    // First code 3 does not exist.
    expect(lzDecodeUriSafe('w', 100)).toEqual({ ok: false, reason: 'corrupt' });
  });
});
