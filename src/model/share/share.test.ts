import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import LZString from 'lz-string';
import {
  checksum,
  decodeShareFragment,
  encodeShareFragment,
  isShareFragment,
  MAX_DECODED_LENGTH,
  MAX_FRAGMENT_LENGTH,
  type SharedDesign,
} from './share.ts';
import { lzBomb } from './bomb.test-util.ts';

const design = (text: string, target: number | null = null): SharedDesign => ({ text, target });

function encode(d: SharedDesign): string {
  const result = encodeShareFragment(d);
  if (!result.ok) throw new Error(result.error.message);
  return result.fragment;
}

/** A well-formed v1 fragment around any payload text, as a crafted link would be. */
const craft = (json: string) => `v1:${checksum(json)}:${LZString.compressToEncodedURIComponent(json)}`;

const dockerfile = 'FROM golang:1.22 AS build\nRUN go build -o /app\n\nFROM scratch\nCOPY --from=build /app /app\n';

describe('share links', () => {
  test('round trip: text and target come back exactly', () => {
    const fragment = encode(design(dockerfile, 0));
    expect(fragment).toMatch(/^v1:[0-9a-f]{8}:[A-Za-z0-9+\-$]+$/);
    expect(decodeShareFragment(`#${fragment}`)).toEqual({ ok: true, design: design(dockerfile, 0) });
    expect(decodeShareFragment(fragment)).toEqual({ ok: true, design: design(dockerfile, 0) });
  });

  test('property: any text (lone surrogates, NULs, CRLF) and target round-trip', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), fc.option(fc.nat({ max: 500 })), (text, target) => {
        expect(decodeShareFragment('#' + encode(design(text, target)))).toEqual({ ok: true, design: design(text, target) });
      }),
      { numRuns: 300 },
    );
  });

  test('survives the changes links suffer in transit: percent-encoding, "+" as space', () => {
    const fragment = encode(design(dockerfile.repeat(20), 1));
    expect(fragment).toContain('+');
    const percent = fragment.replace(/[$+:]/g, (ch) => encodeURIComponent(ch));
    expect(decodeShareFragment('#' + percent)).toEqual({ ok: true, design: design(dockerfile.repeat(20), 1) });
    expect(decodeShareFragment('#' + fragment.replace(/\+/g, ' '))).toMatchObject({ ok: true });
  });

  test('property: a damaged link is reported as damaged, never opened as other text', () => {
    const fragment = encode(design(dockerfile, null));
    const body = fragment.length;
    fc.assert(
      fc.property(fc.nat({ max: body - 1 }), fc.constantFrom(...'Ab9+-$x'.split('')), (position, replacement) => {
        fc.pre(fragment[position] !== replacement);
        const damaged = fragment.slice(0, position) + replacement + fragment.slice(position + 1);
        const result = decodeShareFragment('#' + damaged);
        // A change confined to the padding bits of the last character leaves the content intact.
        if (result.ok) expect(result.design).toEqual(design(dockerfile, null));
        else expect(['damaged', 'not-a-share-link', 'unsupported-version']).toContain(result.error.code);
      }),
      { numRuns: 400 },
    );
  });

  test('property: every truncation is refused', () => {
    const fragment = encode(design(dockerfile.repeat(3), 2));
    for (let length = 0; length < fragment.length; length++) {
      const result = decodeShareFragment('#' + fragment.slice(0, length));
      expect(result.ok, `cut at ${length}`).toBe(false);
    }
  });

  test('property: arbitrary strings never throw and never succeed by accident', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string().map((s) => `#v1:${s}`), fc.string().map((s) => `v1:00000000:${s}`)), (hash) => {
        const result = decodeShareFragment(hash);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.message.length).toBeGreaterThan(10);
      }),
      { numRuns: 1000 },
    );
  });

  test('non-strings are refused, not thrown on', () => {
    for (const value of [undefined, null, 42, {}, ['v1:'], Symbol('x')]) {
      expect(decodeShareFragment(value)).toMatchObject({ ok: false, error: { code: 'not-a-share-link' } });
    }
  });

  test('other fragments and versions are named as such', () => {
    expect(isShareFragment('')).toBe(false);
    expect(isShareFragment('#')).toBe(false);
    expect(isShareFragment('#section-2')).toBe(false);
    expect(isShareFragment('#v1:abc')).toBe(true);
    expect(decodeShareFragment('#section-2')).toMatchObject({ ok: false, error: { code: 'not-a-share-link' } });
    expect(decodeShareFragment('#v2:00000000:AAA')).toMatchObject({ ok: false, error: { code: 'unsupported-version' } });
    expect(decodeShareFragment('#v1:nothex!!:AAA')).toMatchObject({ ok: false, error: { code: 'damaged' } });
    expect(decodeShareFragment('#v1:%E0%A4%A')).toMatchObject({ ok: false, error: { code: 'damaged' } });
  });

  test('crafted payloads with a valid checksum are checked field by field', () => {
    const cases: Array<[string, RegExp]> = [
      ['not json', /does not hold/],
      ['"just a string"', /not an object/],
      ['[1,2]', /not an object/],
      ['null', /not an object/],
      ['{"target": 0}', /text is missing/],
      ['{"text": 42, "target": null}', /text is missing or not a string/],
      ['{"text": "FROM a", "target": "0"}', /target is not a stage index/],
      ['{"text": "FROM a", "target": -1}', /target is not a stage index/],
      ['{"text": "FROM a", "target": 1.5}', /target is not a stage index/],
      ['{"text": "FROM a", "target": 1e300}', /target is not a stage index/],
      ['{"text": "FROM a", "target": null, "__proto__": {"polluted": true}}', /unexpected field "__proto__"/],
      ['{"text": "FROM a", "constructor": {"prototype": {"polluted": true}}}', /unexpected field "constructor"/],
      ['{"text": "FROM a", "onload": "alert(1)"}', /unexpected field "onload"/],
    ];
    for (const [json, message] of cases) {
      const result = decodeShareFragment(craft(json));
      expect(result, json).toMatchObject({ ok: false, error: { code: 'invalid-content' } });
      if (!result.ok) expect(result.error.message, json).toMatch(message);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  test('a missing target means the default target', () => {
    expect(decodeShareFragment(craft('{"text": "FROM a"}'))).toEqual({ ok: true, design: design('FROM a', null) });
  });

  test('size limits: too long a fragment, too much text, a decompression bomb', () => {
    expect(decodeShareFragment('#v1:00000000:' + 'A'.repeat(MAX_FRAGMENT_LENGTH))).toMatchObject({ ok: false, error: { code: 'too-long' } });
    expect(decodeShareFragment('x'.repeat(10_000_000))).toMatchObject({ ok: false, error: { code: 'too-long' } });

    // A link under the fragment limit that would expand to 200 million characters.
    const bomb = `v1:00000000:${lzBomb(20_000).encoded}`;
    expect(bomb.length).toBeLessThan(MAX_FRAGMENT_LENGTH);
    expect(decodeShareFragment(bomb)).toMatchObject({ ok: false, error: { code: 'too-long' } });

    expect(encodeShareFragment(design('a'.repeat(MAX_DECODED_LENGTH + 1)))).toMatchObject({ ok: false, error: { code: 'too-long' } });
    // Text that does not compress makes a link over the fragment limit before it reaches the text limit.
    const random = Array.from({ length: 60_000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000))).join('');
    expect(encodeShareFragment(design(random))).toMatchObject({ ok: false, error: { code: 'too-long' } });
  });

  test('a large real Dockerfile fits in a link', () => {
    const big = dockerfile.repeat(2000);
    expect(big.length).toBeGreaterThan(150_000);
    const fragment = encode(design(big, 3));
    expect(fragment.length).toBeLessThan(MAX_FRAGMENT_LENGTH);
    expect(decodeShareFragment(fragment)).toEqual({ ok: true, design: design(big, 3) });
  });
});
