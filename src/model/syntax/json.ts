// The exec (JSON) form, read the way Go's encoding/json reads it into []any:
// the whole text must be one valid JSON value (JSON whitespace around it is
// fine), it must be an array, and every element must be a string. BuildKit
// falls back to the shell form when the text is not valid JSON, but a valid
// array holding anything other than strings is an error.

export interface JsonItem {
  value: string;
  /** Range of the string's contents (inside the quotes) in the scanned text. */
  start: number;
  end: number;
}

export type JsonArrayResult =
  | { kind: 'strings'; items: JsonItem[] }
  | { kind: 'not-strings' }
  | { kind: 'invalid' };

const INVALID: JsonArrayResult = { kind: 'invalid' };
/** Go's decoder gives up past this nesting depth. */
const MAX_DEPTH = 10000;

function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** Reads JSON text s[from, to) that starts with "[" as an array of strings. */
export function parseJsonStringArray(s: string, from: number, to: number): JsonArrayResult {
  const p = new JsonScanner(s, to);
  let i = from;
  while (i < to && isJsonSpace(s.charCodeAt(i))) i++;
  if (i >= to || s.charCodeAt(i) !== 0x5b) return INVALID;
  i++;
  const items: JsonItem[] = [];
  let allStrings = true;
  i = p.skipSpace(i);
  if (i < to && s.charCodeAt(i) === 0x5d) {
    i++;
  } else {
    for (;;) {
      if (i >= to) return INVALID;
      if (s.charCodeAt(i) === 0x22) {
        const end = p.string(i);
        if (end < 0) return INVALID;
        if (allStrings) items.push({ value: p.lastString, start: i + 1, end: end - 1 });
        i = end;
      } else {
        const end = p.value(i, 1);
        if (end < 0) return INVALID;
        allStrings = false;
        i = end;
      }
      i = p.skipSpace(i);
      if (i >= to) return INVALID;
      const c = s.charCodeAt(i);
      if (c === 0x2c) {
        i = p.skipSpace(i + 1);
        continue;
      }
      if (c === 0x5d) {
        i++;
        break;
      }
      return INVALID;
    }
  }
  i = p.skipSpace(i);
  if (i !== to) return INVALID;
  return allStrings ? { kind: 'strings', items } : { kind: 'not-strings' };
}

class JsonScanner {
  lastString = '';
  private readonly s: string;
  private readonly to: number;

  constructor(s: string, to: number) {
    this.s = s;
    this.to = to;
  }

  skipSpace(i: number): number {
    while (i < this.to && isJsonSpace(this.s.charCodeAt(i))) i++;
    return i;
  }

  /**
   * Validates any JSON value at i; returns the index after it or -1. Nested
   * arrays and objects are tracked on an explicit stack, not by recursion, so
   * deep nesting cannot overflow the call stack.
   */
  value(i: number, depth: number): number {
    const s = this.s;
    const to = this.to;
    // Closing bracket expected for each open container.
    const open: number[] = [];
    for (;;) {
      // Read one value at i; containers push and continue with their first element.
      if (i >= to) return -1;
      const c = s.charCodeAt(i);
      if (c === 0x5b || c === 0x7b) {
        if (depth + open.length >= MAX_DEPTH) return -1;
        const close = c === 0x5b ? 0x5d : 0x7d;
        i = this.skipSpace(i + 1);
        if (i < to && s.charCodeAt(i) === close) {
          i++;
        } else {
          open.push(close);
          if (close === 0x7d) {
            i = this.key(i);
            if (i < 0) return -1;
          }
          continue;
        }
      } else if (c === 0x22) {
        i = this.string(i);
      } else if (c === 0x74) {
        i = this.literal(i, 'true');
      } else if (c === 0x66) {
        i = this.literal(i, 'false');
      } else if (c === 0x6e) {
        i = this.literal(i, 'null');
      } else {
        i = this.number(i);
      }
      if (i < 0) return -1;
      // After a value: a comma continues the innermost container, its closing bracket ends it.
      for (;;) {
        if (open.length === 0) return i;
        i = this.skipSpace(i);
        if (i >= to) return -1;
        const d = s.charCodeAt(i);
        const close = open[open.length - 1];
        if (d === 0x2c) {
          i = this.skipSpace(i + 1);
          if (close === 0x7d) {
            i = this.key(i);
            if (i < 0) return -1;
          }
          break;
        }
        if (d !== close) return -1;
        open.pop();
        i++;
      }
    }
  }

  /** An object key and its colon at i; returns where the value starts or -1. */
  private key(i: number): number {
    if (i >= this.to || this.s.charCodeAt(i) !== 0x22) return -1;
    i = this.string(i);
    if (i < 0) return -1;
    i = this.skipSpace(i);
    if (i >= this.to || this.s.charCodeAt(i) !== 0x3a) return -1;
    return this.skipSpace(i + 1);
  }

  private literal(i: number, word: string): number {
    return this.s.startsWith(word, i) && i + word.length <= this.to ? i + word.length : -1;
  }

  private number(i: number): number {
    const s = this.s;
    const to = this.to;
    if (i < to && s.charCodeAt(i) === 0x2d) i++;
    if (i >= to) return -1;
    let c = s.charCodeAt(i);
    if (c === 0x30) i++;
    else if (c >= 0x31 && c <= 0x39) {
      while (i < to && (c = s.charCodeAt(i)) >= 0x30 && c <= 0x39) i++;
    } else return -1;
    if (i < to && s.charCodeAt(i) === 0x2e) {
      i++;
      const start = i;
      while (i < to && (c = s.charCodeAt(i)) >= 0x30 && c <= 0x39) i++;
      if (i === start) return -1;
    }
    if (i < to && ((c = s.charCodeAt(i)) === 0x65 || c === 0x45)) {
      i++;
      if (i < to && ((c = s.charCodeAt(i)) === 0x2b || c === 0x2d)) i++;
      const start = i;
      while (i < to && (c = s.charCodeAt(i)) >= 0x30 && c <= 0x39) i++;
      if (i === start) return -1;
    }
    return i;
  }

  /** Reads a string literal at i (s[i] is '"'); sets lastString; returns the index after the closing quote or -1. */
  string(i: number): number {
    const s = this.s;
    const to = this.to;
    i++;
    let runStart = i;
    let out = '';
    while (i < to) {
      const c = s.charCodeAt(i);
      if (c === 0x22) {
        this.lastString = out + s.slice(runStart, i);
        return i + 1;
      }
      if (c < 0x20) return -1;
      if (c !== 0x5c) {
        i++;
        continue;
      }
      out += s.slice(runStart, i);
      if (i + 1 >= to) return -1;
      const e = s.charCodeAt(i + 1);
      i += 2;
      switch (e) {
        case 0x22: out += '"'; break;
        case 0x5c: out += '\\'; break;
        case 0x2f: out += '/'; break;
        case 0x62: out += '\b'; break;
        case 0x66: out += '\f'; break;
        case 0x6e: out += '\n'; break;
        case 0x72: out += '\r'; break;
        case 0x74: out += '\t'; break;
        case 0x75: {
          const unit = this.hex4(i);
          if (unit < 0) return -1;
          i += 4;
          if (unit >= 0xd800 && unit < 0xdc00) {
            // A high surrogate only counts when a \u low surrogate follows; Go
            // turns any lone surrogate into U+FFFD.
            if (i + 1 < to && s.charCodeAt(i) === 0x5c && s.charCodeAt(i + 1) === 0x75) {
              const low = this.hex4(i + 2);
              if (low >= 0xdc00 && low < 0xe000) {
                out += String.fromCharCode(unit, low);
                i += 6;
                break;
              }
            }
            out += '\ufffd';
          } else if (unit >= 0xdc00 && unit < 0xe000) {
            out += '\ufffd';
          } else {
            out += String.fromCharCode(unit);
          }
          break;
        }
        default:
          return -1;
      }
      runStart = i;
    }
    return -1;
  }

  private hex4(i: number): number {
    if (i + 4 > this.to) return -1;
    const s = this.s;
    for (let k = i; k < i + 4; k++) if (!isHex(s.charCodeAt(k))) return -1;
    return parseInt(s.slice(i, i + 4), 16);
  }
}
