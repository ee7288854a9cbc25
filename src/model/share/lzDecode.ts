// Decoder for lz-string's URI-safe format (the output of
// LZString.compressToEncodedURIComponent), with a cap on the output.
//
// Why not LZString.decompressFromEncodedURIComponent: it has no limit, and the
// format grows its dictionary by one character per code, so n codes can
// expand to about n²/2 characters. A share link of 8 KB decodes to 10 million
// characters, one of 40 KB to hundreds of millions: a crafted link would hang
// or crash the tab before any size check could run. This decoder stops as soon
// as the output passes the limit. Encoding still uses lz-string, and the tests
// check this decoder against lz-string's on valid and random input.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUE = new Map<string, number>([...ALPHABET].map((ch, i) => [ch, i]));

export type LzDecodeResult =
  | { ok: true; text: string }
  | { ok: false; reason: 'bad-character' | 'truncated' | 'corrupt' | 'too-long' };

/** Codes 0, 1 and 2 are reserved: an 8-bit literal, a 16-bit literal, end of data. */
const LITERAL_8 = 0;
const LITERAL_16 = 1;
const END = 2;

export function lzDecodeUriSafe(input: string, maxOutputLength: number): LzDecodeResult {
  const values: number[] = [];
  for (const ch of input) {
    const value = VALUE.get(ch);
    if (value === undefined) return { ok: false, reason: 'bad-character' };
    values.push(value);
  }

  // Six bits per character, read from the high bit down; numbers are assembled low bit first.
  let charIndex = 0;
  let mask = 32;
  const readBits = (count: number): number | null => {
    let result = 0;
    for (let bit = 0; bit < count; bit++) {
      if (charIndex >= values.length) return null;
      if (values[charIndex] & mask) result |= 1 << bit;
      mask >>= 1;
      if (mask === 0) {
        mask = 32;
        charIndex++;
      }
    }
    return result;
  };

  const dictionary: string[] = ['', '', ''];
  let codeBits = 3;
  // How many more entries fit before codes need one more bit.
  let roomLeft = 4;
  let outputLength = 0;
  const output: string[] = [];

  const literal = (code: number): string | null => {
    const bits = readBits(code === LITERAL_8 ? 8 : 16);
    return bits === null ? null : String.fromCharCode(bits);
  };

  const first = readBits(2);
  if (first === null) return { ok: false, reason: 'truncated' };
  if (first === END) return { ok: true, text: '' };
  if (first !== LITERAL_8 && first !== LITERAL_16) return { ok: false, reason: 'corrupt' };
  let previous = literal(first);
  if (previous === null) return { ok: false, reason: 'truncated' };
  dictionary.push(previous);
  output.push(previous);
  outputLength = previous.length;

  for (;;) {
    const read = readBits(codeBits);
    if (read === null) return { ok: false, reason: 'truncated' };
    let code = read;
    if (code === END) return { ok: true, text: output.join('') };
    if (code === LITERAL_8 || code === LITERAL_16) {
      const ch = literal(code);
      if (ch === null) return { ok: false, reason: 'truncated' };
      dictionary.push(ch);
      code = dictionary.length - 1;
      if (--roomLeft === 0) {
        roomLeft = 2 ** codeBits;
        codeBits++;
      }
    }

    let entry: string;
    if (code < dictionary.length) entry = dictionary[code];
    else if (code === dictionary.length) entry = previous + previous.charAt(0);
    else return { ok: false, reason: 'corrupt' };

    outputLength += entry.length;
    if (outputLength > maxOutputLength) return { ok: false, reason: 'too-long' };
    output.push(entry);
    dictionary.push(previous + entry.charAt(0));
    previous = entry;
    if (--roomLeft === 0) {
      roomLeft = 2 ** codeBits;
      codeBits++;
    }
  }
}
