// Writes the worst case of lz-string's URI-safe format directly: one literal
// "a" followed by codes that each name the entry being created (previous
// entry + its first character), so code k expands to k characters. lz-string's
// own compressor takes seconds to produce the same thing from the long text.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

export function lzBomb(codes: number): { encoded: string; expandsTo: number } {
  const bits: number[] = [];
  const write = (value: number, count: number) => {
    for (let i = 0; i < count; i++) bits.push((value >> i) & 1);
  };
  write(0, 2); // an 8-bit literal...
  write(97, 8); // ..."a", dictionary entry 3
  let dictSize = 4;
  let codeBits = 3;
  let roomLeft = 4;
  let expandsTo = 1;
  for (let k = 0; k < codes; k++) {
    write(dictSize, codeBits); // the entry about to be made
    expandsTo += k + 2;
    dictSize++;
    if (--roomLeft === 0) {
      roomLeft = 2 ** codeBits;
      codeBits++;
    }
  }
  write(2, codeBits); // end of data
  while (bits.length % 6 !== 0) bits.push(0);
  let encoded = '';
  for (let i = 0; i < bits.length; i += 6) {
    let value = 0;
    for (let j = 0; j < 6; j++) value = (value << 1) | bits[i + j];
    encoded += ALPHABET[value];
  }
  return { encoded, expandsTo };
}
