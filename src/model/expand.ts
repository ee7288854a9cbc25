// Shell-word expansion as BuildKit's `shell.Lex.ProcessWord` does it for FROM
// images, --platform values and global ARG defaults: $VAR, ${VAR}, the
// ${VAR:-w} / ${VAR-w} / ${VAR:+w} / ${VAR+w} / ${VAR:?w} / ${VAR?w} forms,
// prefix and suffix trimming (${VAR#p}, ${VAR##p}, ${VAR%p}, ${VAR%%p}), the
// ${VAR/p/r} and ${VAR//p/r} replacements, quote removal and the escape
// character. Names are matched case-sensitively (BuildKit on Linux).
//
// The result also says which variables were looked up but not defined
// (`unmatched`): BuildKit's UndefinedArgInFrom and UndefinedVar checks are
// built on it. expandWordWithMatches also says which were found (`matched`),
// for the one check that needs that; a set per expanded word was a cost on
// every analysis.

import { asciiNameEnd } from './syntax/chars';

export interface ExpandResult {
  value: string;
  unmatched: ReadonlySet<string>;
  /** BuildKit's error text when the word cannot be expanded, else null. */
  error: string | null;
}

export interface ExpandResultWithMatches extends ExpandResult {
  matched: ReadonlySet<string>;
}

/** Where expansion reads variables: a Map, or anything else that can look a name up. */
export interface VariableLookup {
  get(name: string): string | undefined;
}

const EOF = -1;
/** The sets of a word without variables; read-only, so one can serve every such word. */
const NONE: ReadonlySet<string> = new Set<string>();
const MAX_NESTING = 200;

class ExpandError extends Error {}

/** Expand `word` with the variables in `env`, using `escape` ('\\' or '`') as the escape character. */
export function expandWord(word: string, env: VariableLookup, escape = '\\'): ExpandResult {
  // Fast path: nothing to expand, unquote or unescape.
  if (!mayExpand(word, escape)) return unchanged(word);
  return expandWithLexer(word, env, escape, false);
}

/** expandWord for a word mayExpand() has already accepted: callers that checked first do not scan it twice. */
export function expandExpandable(word: string, env: VariableLookup, escape = '\\'): ExpandResult {
  return expandWithLexer(word, env, escape, false);
}

/** expandWord, also saying which variables were found. */
export function expandWordWithMatches(word: string, env: VariableLookup, escape = '\\'): ExpandResultWithMatches {
  if (!mayExpand(word, escape)) return { value: word, matched: NONE, unmatched: NONE, error: null };
  return expandWithLexer(word, env, escape, true);
}

function expandWithLexer(word: string, env: VariableLookup, escape: string, trackMatched: boolean): ExpandResultWithMatches {
  const simple = expandSimple(word, env, escape, trackMatched);
  if (simple !== null) return simple;
  const lexer = new WordLexer(word, env, escape.codePointAt(0) ?? 92, trackMatched);
  try {
    const value = lexer.processStopOn(EOF, false);
    return { value, matched: lexer.matched, unmatched: lexer.unmatched, error: null };
  } catch (e) {
    if (e instanceof ExpandError) {
      return { value: '', matched: lexer.matched, unmatched: lexer.unmatched, error: `failed to process "${word}": ${e.message}` };
    }
    throw e;
  }
}

/**
 * The usual word: literal text and $NAME / ${NAME} with ASCII names, nothing
 * quoted or escaped ("golang:${GO_VERSION}-$VARIANT", a URL with "?ref=${V}").
 * Null for anything else, which the lexer reads. indexOf finds the quotes,
 * escapes and dollars natively, so the literal text (most of a long word) is
 * never read character by character as the lexer reads it.
 */
function expandSimple(word: string, env: VariableLookup, escape: string, trackMatched: boolean): ExpandResultWithMatches | null {
  if (word.indexOf('"') !== -1 || word.indexOf("'") !== -1 || word.indexOf(escape) !== -1) return null;
  let value = '';
  let matched: Set<string> = NONE as Set<string>;
  let unmatched: Set<string> = NONE as Set<string>;
  let literal = 0;
  for (let i = word.indexOf('$'); i !== -1; i = word.indexOf('$', literal)) {
    const braced = word.charCodeAt(i + 1) === LBRACE;
    const start = braced ? i + 2 : i + 1;
    const end = asciiNameEnd(word, start);
    if (end < 0 || (braced && word.charCodeAt(end) !== RBRACE)) return null;
    const name = word.slice(start, end);
    value += word.slice(literal, i);
    const found = env.get(name);
    if (found === undefined) {
      if (unmatched === NONE) unmatched = new Set();
      unmatched.add(name);
    } else {
      value += found;
      if (trackMatched) {
        if (matched === NONE) matched = new Set();
        matched.add(name);
      }
    }
    literal = braced ? end + 1 : end;
  }
  return { value: value + word.slice(literal), matched, unmatched, error: null };
}

/** The result for a word that expanding leaves as it is. */
export function unchanged(word: string): ExpandResult {
  return { value: word, unmatched: NONE, error: null };
}

/** Whether expanding a word can change it: a variable, a quote or an escape. */
export function mayExpand(word: string, escape: string): boolean {
  // Long words (URLs, paths) by indexOf, which scans many characters at a time;
  // short ones by a loop, cheaper than four calls.
  if (word.length > 32) {
    return word.indexOf('$') !== -1 || word.indexOf('"') !== -1 || word.indexOf("'") !== -1 || word.indexOf(escape) !== -1;
  }
  const e = escape.charCodeAt(0);
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === DOLLAR || c === DQUOTE || c === SQUOTE || c === e) return true;
  }
  return false;
}

const DOLLAR = 36; // $
const SQUOTE = 39; // '
const DQUOTE = 34; // "
const LBRACE = 123; // {
const RBRACE = 125; // }
const COLON = 58; // :
const SLASH = 47; // /

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

function isLetter(cp: number): boolean {
  return cp >= 0 && (cp < 128 ? (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122) : LETTER.test(String.fromCodePoint(cp)));
}
function isDigit(cp: number): boolean {
  return cp >= 0 && (cp < 128 ? cp >= 48 && cp <= 57 : DIGIT.test(String.fromCodePoint(cp)));
}
function isSpecialParam(cp: number): boolean {
  // @ * # ? - $ ! 0
  return cp === 64 || cp === 42 || cp === 35 || cp === 63 || cp === 45 || cp === 36 || cp === 33 || cp === 48;
}

/** Reads a word code point by code point, like Go's text/scanner Next/Peek. */
class WordLexer {
  private pos = 0;
  /** The shared empty set until a first lookup (and always, unless tracked). */
  matched: Set<string> = NONE as Set<string>;
  unmatched: Set<string> = NONE as Set<string>;

  constructor(
    private readonly src: string,
    private readonly env: VariableLookup,
    private readonly escape: number,
    private readonly trackMatched: boolean,
  ) {}

  private peek(): number {
    return this.pos < this.src.length ? (this.src.codePointAt(this.pos) as number) : EOF;
  }

  private next(): number {
    if (this.pos >= this.src.length) return EOF;
    const cp = this.src.codePointAt(this.pos) as number;
    this.pos += cp > 0xffff ? 2 : 1;
    return cp;
  }

  /** The variable's value, or undefined when it is not set; records the lookup either way. */
  private getEnv(name: string): string | undefined {
    const value = this.env.get(name);
    if (value === undefined) {
      if (this.unmatched === NONE) this.unmatched = new Set();
      this.unmatched.add(name);
    } else if (this.trackMatched) {
      if (this.matched === NONE) this.matched = new Set();
      this.matched.add(name);
    }
    return value;
  }

  /** Process until `stop` (consumed) or the end of the word; `rawEscapes` keeps escape characters. */
  processStopOn(stop: number, rawEscapes: boolean): string {
    let out = '';
    while (this.peek() !== EOF) {
      let ch = this.peek();
      if (stop !== EOF && ch === stop) {
        this.next();
        return out;
      }
      if (ch === DOLLAR) {
        out += this.processDollar();
      } else if (ch === SQUOTE) {
        out += this.processSingleQuote();
      } else if (ch === DQUOTE) {
        out += this.processDoubleQuote(rawEscapes);
      } else if (ch !== this.escape) {
        // A run of ordinary characters goes in as one slice.
        const start = this.pos;
        let end = start + 1;
        for (; end < this.src.length; end++) {
          const c = this.src.charCodeAt(end);
          if (c === DOLLAR || c === SQUOTE || c === DQUOTE || c === this.escape || c === stop) break;
        }
        this.pos = end;
        out += this.src.slice(start, end);
      } else {
        ch = this.next();
        if (ch === this.escape) {
          if (rawEscapes) out += String.fromCodePoint(ch);
          ch = this.next();
          if (ch === EOF) break;
        }
        out += String.fromCodePoint(ch);
      }
    }
    if (stop !== EOF) {
      throw new ExpandError(`unexpected end of statement while looking for matching ${String.fromCodePoint(stop)}`);
    }
    return out;
  }

  private processSingleQuote(): string {
    // Everything up to the next single quote is literal; it cannot be escaped.
    this.next();
    let out = '';
    for (;;) {
      const ch = this.next();
      if (ch === EOF) throw new ExpandError('unexpected end of statement while looking for matching single-quote');
      if (ch === SQUOTE) return out;
      out += String.fromCodePoint(ch);
    }
  }

  private processDoubleQuote(rawEscapes: boolean): string {
    // Literal except $ expansions; the escape character only escapes " $ and itself.
    this.next();
    let out = '';
    for (;;) {
      const p = this.peek();
      if (p === EOF) throw new ExpandError('unexpected end of statement while looking for matching double-quote');
      if (p === DQUOTE) {
        this.next();
        return out;
      }
      if (p === DOLLAR) {
        out += this.processDollar();
        continue;
      }
      let ch = this.next();
      if (ch === this.escape) {
        if (rawEscapes) out += String.fromCodePoint(ch);
        const after = this.peek();
        if (after === EOF) continue;
        if (after === DQUOTE || after === DOLLAR || after === this.escape) ch = this.next();
      }
      out += String.fromCodePoint(ch);
    }
  }

  private processName(): string {
    // The usual name in one slice.
    const end = asciiNameEnd(this.src, this.pos);
    if (end >= 0) {
      const name = this.src.slice(this.pos, end);
      this.pos = end;
      return name;
    }
    let name = '';
    while (this.peek() !== EOF) {
      const ch = this.peek();
      if (name.length === 0 && isDigit(ch)) {
        while (this.peek() !== EOF && isDigit(this.peek())) name += String.fromCodePoint(this.next());
        return name;
      }
      if (name.length === 0 && isSpecialParam(ch)) return String.fromCodePoint(this.next());
      if (!isLetter(ch) && !isDigit(ch) && ch !== 95) break;
      name += String.fromCodePoint(this.next());
    }
    return name;
  }

  private depth = 0;

  private processDollar(): string {
    // Go grows its stack; ours is fixed, so absurd nesting becomes an error instead of a crash.
    if (++this.depth > MAX_NESTING) throw new ExpandError('substitution nested too deeply');
    try {
      return this.processDollarInner();
    } finally {
      this.depth--;
    }
  }

  private processDollarInner(): string {
    this.next();
    if (this.peek() !== LBRACE) {
      const name = this.processName();
      if (name === '') return '$';
      return this.getEnv(name) ?? '';
    }
    this.next();
    const first = this.peek();
    if (first === EOF) throw new ExpandError("syntax error: missing '}'");
    if (first === LBRACE || first === RBRACE || first === COLON) throw new ExpandError('syntax error: bad substitution');
    const name = this.processName();
    let ch = this.next();
    let modifier = ch === EOF ? '\uFFFD' : String.fromCodePoint(ch);

    if (ch === RBRACE) return this.getEnv(name) ?? '';

    if (ch === SLASH) return this.processReplace(name);

    let nullIsUnset = false;
    if (ch === COLON) {
      nullIsUnset = true;
      ch = this.next();
      modifier += ch === EOF ? '\uFFFD' : String.fromCodePoint(ch);
    } else if (ch !== 43 && ch !== 45 && ch !== 63 && ch !== 35 && ch !== 37) {
      // anything but + - ? # %
      throw new ExpandError(`unsupported modifier (${modifier}) in substitution`);
    }

    const rawEscapes = ch === 35 || ch === 37; // # %
    let word: string;
    try {
      word = this.processStopOn(RBRACE, rawEscapes);
    } catch (e) {
      if (e instanceof ExpandError && this.peek() === EOF) throw new ExpandError("syntax error: missing '}'");
      throw e;
    }
    const found = this.getEnv(name);
    const set = found !== undefined;
    const value = found ?? '';
    switch (ch) {
      case 45: // -
        return !set || (nullIsUnset && value === '') ? word : value;
      case 43: // +
        return !set || (nullIsUnset && value === '') ? '' : word;
      case 63: // ?
        if (!set) throw new ExpandError(`${name}: ${word !== '' ? word : 'is not allowed to be unset'}`);
        if (nullIsUnset && value === '') throw new ExpandError(`${name}: ${word !== '' ? word : 'is not allowed to be empty'}`);
        return value;
      case 35: // #
      case 37: {
        // %
        const marker = String.fromCodePoint(ch);
        const greedy = word.startsWith(marker);
        if (greedy) word = word.slice(1);
        return ch === 37 ? trimSuffix(word, value, greedy) : trimPrefix(word, value, greedy);
      }
      default:
        throw new ExpandError(`unsupported modifier (${modifier}) in substitution`);
    }
  }

  private processReplace(name: string): string {
    const replaceAll = this.peek() === SLASH;
    if (replaceAll) this.next();
    let pattern: string;
    let replacement: string;
    try {
      pattern = this.processStopOn(SLASH, true);
    } catch (e) {
      if (e instanceof ExpandError && this.peek() === EOF) throw new ExpandError("syntax error: missing '/' in ${}");
      throw e;
    }
    try {
      replacement = this.processStopOn(RBRACE, true);
    } catch (e) {
      if (e instanceof ExpandError && this.peek() === EOF) throw new ExpandError("syntax error: missing '}'");
      throw e;
    }
    const value = this.getEnv(name) ?? '';
    return replacePattern(compilePattern(pattern), value, replacement, replaceAll);
  }
}

// ---------------------------------------------------------------------------
// Shell wildcard patterns: `*` any string, `?` one character, no bracket
// expressions. BuildKit turns them into Go regular expressions (`.*` or `.*?`
// per `*`, `.` per `?`, anchored for # and %) and keeps the leftmost-first
// match. We match them directly with a table over (pattern token, value
// position), which picks the same match without backtracking, so a pattern
// like `*a*a*a*a*b` cannot stall the editor. Like Go's `.`, neither `*` nor
// `?` matches a newline.

type Token = { kind: 'star' } | { kind: 'any' } | { kind: 'char'; cp: string };

function compilePattern(pattern: string): Token[] {
  const cps = Array.from(pattern);
  const tokens: Token[] = [];
  for (let i = 0; i < cps.length; i++) {
    const tok = cps[i];
    if (tok === '*') tokens.push({ kind: 'star' });
    else if (tok === '?') tokens.push({ kind: 'any' });
    else if (tok === '\\') {
      // "\}" and "\/" inside ${} only protect the delimiter: the backslash goes.
      const next = cps[i + 1];
      if (next === '}' || next === '/') continue;
      i++;
      if (next !== '*' && next !== '?' && next !== '\\') {
        throw new ExpandError(`invalid pattern (${pattern}) in substitution: invalid escape '\\${next ?? ''}'`);
      }
      tokens.push({ kind: 'char', cp: next });
    } else tokens.push({ kind: 'char', cp: tok });
  }
  return tokens;
}

/**
 * End (in code points) of the match of `tokens` anchored at `from` in
 * `value`, as a backtracking engine would find it first: greedy stars try
 * the longest extent first, lazy ones the shortest. -1 when nothing matches.
 */
function matchEnd(tokens: Token[], value: string[], from: number, greedy: boolean): number {
  const n = value.length;
  // next[v]: result for token t+1 at position v; cur[v]: for token t. Filled from the last token back.
  let next = new Int32Array(n + 1).fill(-1);
  for (let v = from; v <= n; v++) next[v] = v; // past the last token: matched, ending here
  for (let t = tokens.length - 1; t >= 0; t--) {
    const cur = new Int32Array(n + 1).fill(-1);
    const tok = tokens[t];
    for (let v = n; v >= from; v--) {
      if (tok.kind === 'star') {
        const more = v < n && value[v] !== '\n' ? cur[v + 1] : -1;
        const stop = next[v];
        cur[v] = greedy ? (more >= 0 ? more : stop) : stop >= 0 ? stop : more;
      } else if (v < n && (tok.kind === 'any' ? value[v] !== '\n' : value[v] === tok.cp)) {
        cur[v] = next[v + 1];
      }
    }
    next = cur;
  }
  return next[from];
}

/** A pattern without wildcards, escapes or surrogates matches as plain text (the usual ${V#linux/amd64}). */
function isLiteralPattern(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    if (c === 42 || c === 63 || c === 92 || (c >= 0xd800 && c <= 0xdfff)) return false; // * ? \ surrogates
  }
  return true;
}

function trimPrefix(pattern: string, value: string, greedy: boolean): string {
  if (isLiteralPattern(pattern)) return value.startsWith(pattern) ? value.slice(pattern.length) : value;
  const cps = Array.from(value);
  const end = matchEnd(compilePattern(pattern), cps, 0, greedy);
  return end < 0 ? value : cps.slice(end).join('');
}

/** Reverse a pattern while keeping `\x` escape pairs in order (a\*c -> c\*a). */
function reversePattern(pattern: string): string {
  const cps = Array.from(pattern);
  const out: string[] = new Array(cps.length);
  const last = cps.length - 1;
  for (let i = 0; i <= last; ) {
    const outIdx = last - i;
    if (cps[i] === '\\' && i !== last) {
      out[outIdx - 1] = cps[i];
      out[outIdx] = cps[i + 1];
      i += 2;
    } else {
      out[outIdx] = cps[i];
      i++;
    }
  }
  return out.join('');
}

function reverseString(s: string): string {
  return Array.from(s).reverse().join('');
}

function trimSuffix(pattern: string, value: string, greedy: boolean): string {
  if (isLiteralPattern(pattern)) return value.endsWith(pattern) ? value.slice(0, value.length - pattern.length) : value;
  // The shortest rightmost match is the shortest leftmost match of the reversed pattern on the reversed value.
  return reverseString(trimPrefix(reversePattern(pattern), reverseString(value), greedy));
}

/** ${VAR/p/r} and ${VAR//p/r}: greedy, unanchored, leftmost; with `all`, every non-overlapping match. */
function replacePattern(tokens: Token[], value: string, replacement: string, all: boolean): string {
  const cps = Array.from(value);
  let out = '';
  let pos = 0;
  let lastEnd = -1;
  while (pos <= cps.length) {
    let start = pos;
    let end = -1;
    for (; start <= cps.length; start++) {
      end = matchEnd(tokens, cps, start, true);
      // Go skips an empty match right after the previous match.
      if (end >= 0 && !(end === start && start === lastEnd)) break;
      end = -1;
    }
    if (end < 0) break;
    out += cps.slice(pos, start).join('') + replacement;
    lastEnd = end;
    if (!all) {
      pos = end;
      break;
    }
    if (end === start) {
      if (start < cps.length) out += cps[start];
      pos = start + 1;
    } else {
      pos = end;
    }
  }
  return pos <= cps.length ? out + cps.slice(pos).join('') : out;
}
