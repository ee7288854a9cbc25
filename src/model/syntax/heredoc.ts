import { BACKSLASH, DOLLAR, DQUOTE, GO_SPACE_CLASS, LBRACE, LT, RBRACE, SQUOTE, asciiNameEnd, isAsciiDigit, isGoDigit, isGoLetter, isGoSpace, isRegexpSpace } from './chars';

// Finding heredocs the way BuildKit does: the joined instruction line is cut
// into words by BuildKit's shell lexer (quotes and escapes kept raw, unset
// variables left as written, and "<<" kept together with the whitespace after
// it), and every word of the form [n]<<[-][spaces]WORD starts a heredoc. The delimiter word is then lexed again, with and without quote
// removal, to get its name and whether the body is expanded. The lexer always
// uses a backslash as escape here, whatever the escape directive says.

export interface HeredocHeader {
  name: string;
  expand: boolean;
  chomp: boolean;
}

export type HeredocScan = { headers: HeredocHeader[] } | { error: string };

class LexError extends Error {}

const EOF = -1;

/** A small port of the parts of BuildKit's shell lexer that word splitting needs. */
class ShellWords {
  private pos = 0;
  private readonly s: string;
  private readonly rawQuotes: boolean;
  private rawEscapes: boolean;

  constructor(s: string, rawQuotes: boolean, rawEscapes: boolean) {
    this.s = s;
    this.rawQuotes = rawQuotes;
    this.rawEscapes = rawEscapes;
  }

  private peek(): number {
    return this.pos < this.s.length ? this.s.charCodeAt(this.pos) : EOF;
  }

  private next(): number {
    return this.pos < this.s.length ? this.s.charCodeAt(this.pos++) : EOF;
  }

  words(): string[] {
    return this.processStopOn(EOF, this.rawEscapes, true).words;
  }

  /**
   * Go's processStopOn: reads up to `stop` (or the end), returning the
   * processed text and, when asked, the words it splits into. Only one of the
   * two is ever used (the top level wants the words, nested calls inside
   * ${...} the text), so only that one is built, and runs of plain characters
   * are added as one slice rather than a character at a time.
   */
  private processStopOn(stop: number, rawEscapes: boolean, wantWords: boolean): { text: string; words: string[] } {
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    const s = this.s;
    try {
      let result = '';
      const words: string[] = [];
      let word = '';
      let inWord = false;
      while (this.pos < s.length) {
        const ch = s.charCodeAt(this.pos);
        if (stop !== EOF && ch === stop) {
          this.pos++;
          if (word.length > 0) words.push(word);
          return { text: result, words };
        }
        if (ch === DOLLAR) {
          const tmp = this.processDollar();
          if (!wantWords) {
            result += tmp;
            continue;
          }
          if (!hasGoSpace(tmp)) {
            word += tmp;
            if (tmp.length > 0) inWord = true;
            continue;
          }
          // Go adds expansions character by character: spaces in them split words.
          for (let k = 0; k < tmp.length; k++) {
            const c = tmp.charCodeAt(k);
            if (!isGoSpace(c)) {
              word += tmp[k];
              inWord = true;
            } else if (inWord && word.length > 0) {
              words.push(word);
              word = '';
              inWord = false;
            }
          }
        } else if (ch === LT || ch === SQUOTE || ch === DQUOTE) {
          // Quotes stay raw in the word; "<<" keeps the whitespace after it, so "<< EOF" is one word.
          const tmp = ch === LT ? this.processPossibleHeredoc() : ch === SQUOTE ? this.processSingleQuote() : this.processDoubleQuote();
          if (wantWords) word += tmp;
          else result += tmp;
          inWord = true;
        } else if (ch === BACKSLASH) {
          this.pos++;
          if (this.rawEscapes) {
            if (wantWords) word += '\\';
            else result += '\\';
            inWord = true;
          }
          if (this.pos >= s.length) break;
          const escaped = s[this.pos++];
          if (wantWords) word += escaped;
          else result += escaped;
          inWord = true;
        } else if (isGoSpace(ch)) {
          this.pos++;
          if (!wantWords) result += s[this.pos - 1];
          else if (inWord && word.length > 0) {
            words.push(word);
            word = '';
            inWord = false;
          }
        } else {
          const from = this.pos;
          let to: number;
          if (stop === EOF) {
            PLAIN_RUN.lastIndex = from + 1;
            PLAIN_RUN.test(s);
            to = PLAIN_RUN.lastIndex;
          } else {
            to = from + 1;
            while (to < s.length && isPlainChar(s.charCodeAt(to), stop)) to++;
          }
          this.pos = to;
          if (wantWords) word += s.slice(from, to);
          else result += s.slice(from, to);
          inWord = true;
        }
      }
      if (stop !== EOF) throw new LexError('unexpected end of statement while looking for matching ' + String.fromCharCode(stop));
      if (word.length > 0) words.push(word);
      return { text: result, words };
    } finally {
      this.rawEscapes = saved;
    }
  }

  private processPossibleHeredoc(): string {
    this.next();
    if (this.peek() !== LT) return '<';
    this.next();
    let out = '<<';
    while (isHeredocSpace(this.peek())) out += String.fromCharCode(this.next());
    return out;
  }

  private processSingleQuote(): string {
    this.next();
    const close = this.s.indexOf("'", this.pos);
    if (close === -1) throw new LexError('unexpected end of statement while looking for matching single-quote');
    const inside = this.s.slice(this.pos, close);
    this.pos = close + 1;
    return this.rawQuotes ? "'" + inside + "'" : inside;
  }

  private processDoubleQuote(): string {
    let out = '';
    const open = this.next();
    if (this.rawQuotes) out += String.fromCharCode(open);
    for (;;) {
      const p = this.peek();
      if (p === EOF) throw new LexError('unexpected end of statement while looking for matching double-quote');
      if (p === DQUOTE) {
        this.next();
        if (this.rawQuotes) out += '"';
        return out;
      }
      if (p === DOLLAR) {
        out += this.processDollar();
        continue;
      }
      if (p !== BACKSLASH) {
        // A run up to the next quote, dollar or backslash.
        const from = this.pos;
        let to = from + 1;
        while (to < this.s.length) {
          const c = this.s.charCodeAt(to);
          if (c === DQUOTE || c === DOLLAR || c === BACKSLASH) break;
          to++;
        }
        out += this.s.slice(from, to);
        this.pos = to;
        continue;
      }
      let c = this.next();
      if (this.rawEscapes) out += '\\';
      const q = this.peek();
      if (q === EOF) continue;
      if (q === DQUOTE || q === DOLLAR || q === BACKSLASH) c = this.next();
      out += String.fromCharCode(c);
    }
  }

  private processDollar(): string {
    this.next();
    if (this.peek() !== LBRACE) {
      const name = this.processName();
      return name === '' ? '$' : '$' + name;
    }
    this.next();
    const p = this.peek();
    if (p === EOF) throw new LexError("syntax error: missing '}'");
    if (p === LBRACE || p === RBRACE || p === 0x3a) throw new LexError('syntax error: bad substitution');
    const name = this.processName();
    let ch = this.next();
    let chs = ch === EOF ? '' : String.fromCharCode(ch);
    switch (ch) {
      case RBRACE:
        return '${' + name + '}';
      case 0x3a: // ':'
      case 0x2b: // '+'
      case 0x2d: // '-'
      case 0x3f: // '?'
      case 0x23: // '#'
      case 0x25: {
        // '%'
        if (ch === 0x3a) {
          ch = this.next();
          chs += ch === EOF ? '' : String.fromCharCode(ch);
        }
        const raw = ch === 0x23 || ch === 0x25;
        const word = this.processStopOn(RBRACE, raw, false).text;
        return '${' + name + chs + word + '}';
      }
      case 0x2f: {
        // '/'
        if (this.peek() === 0x2f) this.next();
        const pattern = this.processStopOn(0x2f, true, false).text;
        const replacement = this.processStopOn(RBRACE, true, false).text;
        return '${' + name + '/' + pattern + '/' + replacement + '}';
      }
      default:
        throw new LexError('unsupported modifier (' + chs + ') in substitution');
    }
  }

  private processName(): string {
    // The usual name in one slice.
    const end = asciiNameEnd(this.s, this.pos);
    if (end >= 0) {
      const name = this.s.slice(this.pos, end);
      this.pos = end;
      return name;
    }
    let name = '';
    for (;;) {
      const c = this.peek();
      if (c === EOF) return name;
      if (name.length === 0 && isGoDigit(c)) {
        while (this.peek() !== EOF && isGoDigit(this.peek())) name += String.fromCharCode(this.next());
        return name;
      }
      if (name.length === 0 && isSpecialParam(c)) return String.fromCharCode(this.next());
      if (!isGoLetter(c) && !isGoDigit(c) && c !== 0x5f) return name;
      name += String.fromCharCode(this.next());
    }
  }
}

function hasGoSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isGoSpace(s.charCodeAt(i))) return true;
  return false;
}

/**
 * A run of characters processStopOn copies as they are at the top level (no
 * stop character there): the compiled matcher reads a long line of --mount
 * flags several times faster than a loop over isPlainChar.
 */
const PLAIN_RUN = new RegExp(`[^$<'"\\\\${GO_SPACE_CLASS}]*`, 'y');

/** A character processStopOn copies as it is: no stop, expansion, heredoc, quote, escape or space. */
function isPlainChar(c: number, stop: number): boolean {
  return c !== stop && c !== DOLLAR && c !== LT && c !== SQUOTE && c !== DQUOTE && c !== BACKSLASH && !isGoSpace(c);
}

/** The whitespace BuildKit's lexer lets follow "<<" inside the same word. */
function isHeredocSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

function isSpecialParam(c: number): boolean {
  // @ * # ? - $ ! 0
  return c === 0x40 || c === 0x2a || c === 0x23 || c === 0x3f || c === 0x2d || c === 0x24 || c === 0x21 || c === 0x30;
}

/** With `heredocWordsOnly`, a plain line's words without "<<" are left out (the caller skips them anyway). */
function lexWords(s: string, rawQuotes: boolean, rawEscapes: boolean, heredocWordsOnly = false): string[] | null {
  if (isPlain(s)) return splitGoSpace(s, heredocWordsOnly);
  try {
    return new ShellWords(s, rawQuotes, rawEscapes).words();
  } catch (e) {
    // Go's lexer would also get through absurdly deep ${...} nesting; ours
    // runs out of stack there and treats the line as unreadable instead.
    if (e instanceof LexError || e instanceof RangeError) return null;
    throw e;
  }
}

/** No quote, dollar or backslash: the lexer would only split on spaces (and keep "<<" with what follows). */
function isPlain(s: string): boolean {
  return !LEXED.test(s);
}
const LEXED = /['"$\\]/;

function splitGoSpace(s: string, heredocWordsOnly: boolean): string[] {
  // Collected in a scratch list that keeps its storage, and copied out at size:
  // most lines have one or two words to keep.
  const words = SCRATCH_WORDS;
  let n = 0;
  let start = -1;
  // Whether the current word holds "<<": on a long RUN line most words do not,
  // and slicing them all only to drop them made garbage on every such line.
  let heredoc = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === LT && s.charCodeAt(i + 1) === LT) {
      // As processPossibleHeredoc: "<<" and the whitespace after it stay in the word.
      if (start < 0) start = i;
      heredoc = true;
      i += 2;
      while (i < s.length && isHeredocSpace(s.charCodeAt(i))) i++;
      i--;
      continue;
    }
    if (isGoSpace(c)) {
      if (start >= 0 && (heredoc || !heredocWordsOnly)) words[n++] = s.slice(start, i);
      start = -1;
      heredoc = false;
    } else if (start < 0) start = i;
  }
  if (start >= 0 && (heredoc || !heredocWordsOnly)) words[n++] = s.slice(start);
  return words.slice(0, n);
}
// Holds the last split's words until the next one: a bounded leftover.
const SCRATCH_WORDS: string[] = [];

function countQuotes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === SQUOTE || c === DQUOTE) n++;
  }
  return n;
}

/**
 * BuildKit's ParseHeredoc for one word: ^(\d*)<<(-?)([^<]*)$ and a delimiter
 * that lexes to exactly one word. Returns null when the word is no heredoc.
 */
export function parseHeredocWord(word: string): HeredocHeader | { error: string } | null {
  let i = 0;
  while (i < word.length && isAsciiDigit(word.charCodeAt(i))) i++;
  if (word.charCodeAt(i) !== LT || word.charCodeAt(i + 1) !== LT) return null;
  i += 2;
  let chomp = false;
  if (word.charCodeAt(i) === 0x2d) {
    chomp = true;
    i++;
  }
  while (i < word.length && isRegexpSpace(word.charCodeAt(i))) i++;
  const rest = word.slice(i);
  if (rest.length === 0 || rest.indexOf('<') !== -1) return null;
  // The usual EOF: no quote, variable, escape or space, so both lexings give the word itself.
  if (isPlain(rest) && !hasGoSpace(rest)) return { name: rest, expand: true, chomp };
  const words = lexWords(rest, false, false);
  if (words === null) return { error: 'failed to process ' + JSON.stringify(rest) };
  if (words.length !== 1) return null;
  const raw = lexWords(rest, true, false);
  if (raw === null) return { error: 'failed to process ' + JSON.stringify(rest) };
  if (raw.length !== 1) return { error: 'internal lexing of heredoc produced inconsistent results: ' + rest };
  return { name: words[0], expand: countQuotes(words[0]) === countQuotes(raw[0]), chomp };
}

/** Heredocs opened on the joined instruction line, in order. */
export function heredocsFromLine(line: string): HeredocScan {
  if (line.indexOf('<<') === -1) return NO_HEREDOCS;
  const words = lexWords(line, true, true, true);
  if (words === null) return NO_HEREDOCS;
  // Nearly always one heredoc: an array literal of one is exactly its size, a push would reserve 17.
  let headers: HeredocHeader[] | null = null;
  for (const w of words) {
    if (w.indexOf('<<') === -1) continue;
    const h = parseHeredocWord(w);
    if (h === null) continue;
    if ('error' in h) return h;
    if (headers === null) headers = [h];
    else headers.push(h);
  }
  return headers === null ? NO_HEREDOCS : { headers };
}

const NO_HEREDOCS: HeredocScan = Object.freeze({ headers: Object.freeze([]) as unknown as HeredocHeader[] });
