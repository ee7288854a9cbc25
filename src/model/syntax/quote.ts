// Go's strconv.Quote, which BuildKit's AST dump uses for every argument and
// flag. It differs from JSON.stringify: "/" stays as is, NUL is \x00, and any
// code point Go does not consider printable is escaped (\u00a0 for NBSP).

const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

const SHORT_ESCAPES: Record<number, string> = {
  0x07: '\\a',
  0x08: '\\b',
  0x0c: '\\f',
  0x0a: '\\n',
  0x0d: '\\r',
  0x09: '\\t',
  0x0b: '\\v',
};

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

export function goQuote(s: string): string {
  let out = '"';
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Fast path: printable ASCII other than the quote and backslash.
    if (c >= 0x20 && c < 0x7f && c !== 0x22 && c !== 0x5c) continue;
    out += s.slice(run, i);
    if (c === 0x22 || c === 0x5c) {
      out += '\\' + s[i];
    } else if (c < 0x80) {
      out += SHORT_ESCAPES[c] ?? '\\x' + hex(c, 2);
    } else {
      let cp = c;
      let width = 1;
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
        const low = s.charCodeAt(i + 1);
        if (low >= 0xdc00 && low < 0xe000) {
          cp = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
          width = 2;
        }
      }
      const ch = s.slice(i, i + width);
      if (cp >= 0xd800 && cp < 0xe000) {
        // A lone surrogate cannot come from UTF-8; Go would see U+FFFD.
        out += '\ufffd';
      } else if (printable.test(ch)) {
        out += ch;
      } else if (cp < 0x10000) {
        out += '\\u' + hex(cp, 4);
      } else {
        out += '\\U' + hex(cp, 8);
      }
      i += width - 1;
    }
    run = i + 1;
  }
  return out + s.slice(run) + '"';
}

