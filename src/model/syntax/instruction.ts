import type { Arg, Flag, Heredoc, Instruction, Span } from '../types';
import { isAsciiSpace, isGoSpace, isTokenSpace, skipGoSpace, trimGoSpaceEnd } from './chars';
import { parseJsonStringArray } from './json';
import { joinPieces, type LogicalLine } from './logical';
import { extractFlags, parseWords, type FlagList } from './words';
import { goQuote } from './quote';

// One logical line -> one Instruction, following BuildKit's newNodeFromLine:
// trim, take the keyword, peel off leading --flags, then cut the rest into
// argument nodes according to the keyword's argument shape.

const DASH = 0x2d;

/**
 * Shared by every instruction without flags or heredocs (most of them), to
 * spare a large file thousands of empty arrays. Frozen: the tree is read-only.
 */
const NONE: never[] = Object.freeze([]) as unknown as never[];
// Holds the last flagged instruction's flags until the next one (and, through
// their strings, the last parsed text): a bounded leftover, traded for not
// regrowing the list on every flagged instruction.
const SCRATCH_FLAGS: FlagList = { items: [], count: 0, plain: true };

type Shape =
  | 'whitespace' // FROM, EXPOSE
  | 'json-or-list' // COPY, ADD, VOLUME
  | 'json-or-string' // RUN, CMD, ENTRYPOINT, SHELL
  | 'name-value' // ENV, LABEL
  | 'words' // ARG
  | 'healthcheck'
  | 'string' // MAINTAINER, USER, WORKDIR, STOPSIGNAL
  | 'subcommand'; // ONBUILD

/** BuildKit's dispatch table: every instruction keyword and its argument shape. */
export const ARGUMENT_SHAPES: Readonly<Record<string, Shape>> = {
  add: 'json-or-list',
  arg: 'words',
  cmd: 'json-or-string',
  copy: 'json-or-list',
  entrypoint: 'json-or-string',
  env: 'name-value',
  expose: 'whitespace',
  from: 'whitespace',
  healthcheck: 'healthcheck',
  label: 'name-value',
  maintainer: 'string',
  onbuild: 'subcommand',
  run: 'json-or-string',
  shell: 'json-or-string',
  stopsignal: 'string',
  user: 'string',
  volume: 'json-or-list',
  workdir: 'string',
};

/** Every instruction keyword BuildKit knows, lower-cased. */
export const KEYWORDS: readonly string[] = Object.keys(ARGUMENT_SHAPES);

const SHAPES = new Map<string, Shape>(Object.entries(ARGUMENT_SHAPES));
/** The shape of KEYWORDS[i], so a keyword recognised in place needs no lookup by name. */
const SHAPE_LIST: readonly Shape[] = KEYWORDS.map((k) => ARGUMENT_SHAPES[k]);
const UPPER_KEYWORDS: readonly string[] = KEYWORDS.map((k) => k.toUpperCase());
/** Letters of a keyword that go into its code (keywordCode); no two keywords share these many first letters. */
const CODED_LETTERS = 6;

/** The first CODED_LETTERS letters (a = 1 ... z = 26) as one number: its range also tells how many letters it holds. */
function keywordCode(lower: string): number {
  let code = 0;
  for (let i = 0; i < lower.length && i < CODED_LETTERS; i++) code = code * 27 + (lower.charCodeAt(i) - 0x60);
  return code;
}

/** Index in KEYWORDS by keywordCode. */
const KEYWORD_BY_CODE = new Map<number, number>(KEYWORDS.map((k, i) => [keywordCode(k), i]));

/** What scanKeyword found. Reused: every instruction is scanned. */
interface KeywordScan {
  /** Where the keyword ends: the first token separator, or the limit. */
  end: number;
  /** Index in KEYWORDS of the keyword it spells in any case, or -1. */
  known: number;
  /** The keyword as written: for a known one, the shared lower- or upper-case string when it is spelled so. */
  keyword: string;
}
const SCAN: KeywordScan = { end: 0, known: -1, keyword: '' };

/**
 * Reads the keyword at s[start, limit) in one pass: where it ends, which
 * keyword it spells in any case, and its letters' case. Recognising keywords
 * in place lets the common spellings share one string instead of allocating
 * two per instruction; reading the letters once (not once to find the end,
 * once to match, once for the case) matters as every instruction has one.
 */
function scanKeyword(s: string, start: number, limit: number): KeywordScan {
  let end = start;
  let code = 0;
  let lowers = 0;
  for (; end < limit; end++) {
    const c = s.charCodeAt(end);
    if (isTokenSpace(c)) break;
    // OR-ing 0x20 lower-cases an ASCII letter; anything else lands outside a..z.
    const letter = (c | 0x20) - 0x61;
    if (letter >= 0 && letter < 26) {
      if (end - start < CODED_LETTERS) code = code * 27 + letter + 1;
      if (c >= 0x61) lowers++;
    }
  }
  const scan = SCAN;
  scan.end = end;
  scan.known = -1;
  const length = end - start;
  // A non-letter among the coded places leaves fewer letters in the code
  // than the word's length (or six), so the code is that of a shorter keyword
  // or none; one further on fails the comparison below.
  const k = KEYWORD_BY_CODE.get(code);
  if (k !== undefined && KEYWORDS[k].length === length) {
    const lower = KEYWORDS[k];
    let i = CODED_LETTERS;
    while (i < length && (s.charCodeAt(start + i) | 0x20) === lower.charCodeAt(i)) i++;
    if (i >= length) {
      scan.known = k;
      scan.keyword = lowers === 0 ? UPPER_KEYWORDS[k] : lowers === length ? lower : s.slice(start, end);
    }
  }
  return scan;
}

export function isKnownKeyword(cmd: string): boolean {
  return SHAPES.has(cmd);
}

/** A problem BuildKit's parser stops at, with the logical range [start, end) it concerns. */
export interface LineError {
  message: string;
  start: number;
  end: number;
}

export interface BuildContext {
  line: LogicalLine;
  /** The whole source as a line of one piece: scanners run on it with source offsets as positions. */
  whole: LogicalLine;
  /** Whether continued lines may be read in place (buildContinued). */
  readInPlace: boolean;
  escape: number;
  startLine: number;
  endLine: number;
  errors: LineError[];
  /** Set by an ONBUILD: the range of the instruction it wraps, or -1. */
  innerFrom: number;
  innerTo: number;
  /** Whether the last instruction built has a keyword BuildKit knows (spares the caller a lookup by name). */
  known: boolean;
}

/**
 * Parses logical[from, to) into an instruction (spans relative to the source).
 * ONBUILD nests the instruction it wraps; the nesting is built in a loop, so
 * even "ONBUILD ONBUILD ..." thousands deep cannot overflow the stack.
 */
export function buildInstruction(ctx: BuildContext, from: number, to: number): Instruction {
  const top = (ctx.readInPlace && !ctx.line.direct ? buildContinued(ctx) : null) ?? buildOne(ctx, from, to);
  const known = ctx.known;
  let outer = top;
  while (ctx.innerFrom >= 0) {
    const inner = buildOne(ctx, ctx.innerFrom, ctx.innerTo);
    outer.inner = inner;
    outer = inner;
  }
  ctx.known = known;
  return top;
}

/** One instruction; for ONBUILD with text after it, leaves that range in ctx.innerFrom/innerTo (else -1). */
function buildOne(ctx: BuildContext, from: number, to: number): Instruction {
  ctx.innerFrom = -1;
  const line = ctx.line;
  const s = line.text;
  const a = skipGoSpace(s, from, to);
  const b = trimGoSpaceEnd(s, a, to);
  const scan = scanKeyword(s, a, b);
  const kwEnd = scan.end;
  const known = scan.known;
  let keyword: string;
  let cmd: string;
  if (known >= 0) {
    cmd = KEYWORDS[known];
    keyword = scan.keyword;
  } else {
    keyword = s.slice(a, kwEnd);
    cmd = keyword.toLowerCase();
  }

  let flags: Flag[] = NONE;
  let r0 = b;
  if (kwEnd < b) {
    let p = kwEnd;
    while (p < b && isTokenSpace(s.charCodeAt(p))) p++;
    let rest = p;
    if (p + 1 < b && s.charCodeAt(p) === DASH && s.charCodeAt(p + 1) === DASH) {
      SCRATCH_FLAGS.count = 0;
      rest = extractFlags(line, p, b, SCRATCH_FLAGS);
      flags = takeFlags();
    }
    r0 = skipGoSpace(s, rest, b);
  }
  const r1 = b;

  const instr = new InstructionNode(keyword, cmd, flags, ctx, line.span(a, b), line.span(a, kwEnd));
  instr.originalText = from === 0 && to === s.length ? s : s.slice(from, to);

  // By name only for the rare spelling scanKeyword does not see (Go and JS both lower-case the Kelvin sign to "k").
  const shape = known >= 0 ? SHAPE_LIST[known] : SHAPES.get(cmd);
  ctx.known = shape !== undefined;
  switch (shape) {
    case undefined:
      // BuildKit ignores the arguments of an unknown instruction: one empty node.
      instr.args = [EMPTY_ARG];
      break;
    case 'whitespace':
      instr.args = whitespaceArgs(line, r0, r1);
      break;
    case 'string':
      if (r1 > r0) instr.args = [word(line, r0, r1)];
      break;
    case 'words':
      instr.args = wordArgs(line, SCRATCH_BOUNDS, parseWords(s, r0, r1, ctx.escape, SCRATCH_BOUNDS));
      break;
    case 'json-or-list':
      instr.args = jsonArgs(ctx, instr, r0, r1) ?? whitespaceArgs(line, r0, r1);
      break;
    case 'json-or-string':
      if (r1 > r0) instr.args = jsonArgs(ctx, instr, r0, r1) ?? [word(line, r0, r1)];
      break;
    case 'healthcheck': {
      if (r1 === r0) break;
      let sep = r0;
      while (sep < r1 && !isAsciiSpace(s.charCodeAt(sep))) sep++;
      let next = sep;
      while (next < r1 && isAsciiSpace(s.charCodeAt(next))) next++;
      const type = word(line, r0, sep);
      const command = next < r1 ? (jsonArgs(ctx, instr, next, r1) ?? [word(line, next, r1)]) : NONE;
      instr.args = [type, ...command];
      break;
    }
    case 'name-value':
      instr.args = nameValue(ctx, cmd === 'env' ? 'ENV' : 'LABEL', r0, r1);
      break;
    case 'subcommand':
      if (r1 > r0) {
        ctx.innerFrom = r0;
        ctx.innerTo = r1;
      }
      break;
  }
  return instr;
}

/**
 * The flags extractFlags collected in SCRATCH_FLAGS, copied to an array of
 * exactly the right size: a growing array would keep room for 17 flags.
 */
function takeFlags(): Flag[] {
  const count = SCRATCH_FLAGS.count;
  const items = SCRATCH_FLAGS.items;
  // One or two flags in a literal: Array.prototype.slice costs more than the copy.
  if (count === 1) return [items[0]];
  if (count === 2) return [items[0], items[1]];
  return count > 2 ? items.slice(0, count) : NONE;
}

/**
 * An instruction node. `original`, the joined logical line, is a string
 * already for a line of one piece (the source itself or a slice of it); for
 * a continued line read in place (buildContinued) it is joined from the
 * pieces when asked for, which analyze() never does.
 */
class InstructionNode implements Instruction {
  keyword: string;
  cmd: string;
  flags: Flag[];
  args: Arg[] = NONE;
  json = false;
  heredocs: Heredoc[] = NONE;
  inner: Instruction | null = null;
  startLine: number;
  endLine: number;
  span: Span;
  keywordSpan: Span;
  /** The joined logical line once known. */
  originalText: string | null = null;
  /** For a line read in place: its source and pieces ([start0, end0, ...]). */
  pieces: readonly number[] | null = null;
  source = '';

  constructor(keyword: string, cmd: string, flags: Flag[], ctx: BuildContext, span: Span, keywordSpan: Span) {
    this.keyword = keyword;
    this.cmd = cmd;
    this.flags = flags;
    this.startLine = ctx.startLine;
    this.endLine = ctx.endLine;
    this.span = span;
    this.keywordSpan = keywordSpan;
  }

  get original(): string {
    return (this.originalText ??= joinPieces(this.source, this.pieces ?? NONE, 0, this.source.length));
  }
}

/** Where a scan over a continued line's pieces stands: source offset `pos` in piece `piece`. */
interface PieceCursor {
  piece: number;
  pos: number;
}

/**
 * Moves `at` past the characters `skip` accepts, on into later pieces, but not
 * past `limit` (in the last piece). In the joined line the pieces follow each
 * other directly, so a run of such characters goes on across a piece boundary.
 */
function skipAcrossPieces(line: LogicalLine, s: string, at: PieceCursor, limit: number, skip: (c: number) => boolean): void {
  const last = line.pieceCount - 1;
  for (;;) {
    const end = at.piece === last ? limit : line.pieceEnd(at.piece);
    let p = at.pos;
    while (p < end && skip(s.charCodeAt(p))) p++;
    at.pos = p;
    if (p < end || at.piece === last) return;
    at.piece++;
    at.pos = line.pieceStart(at.piece);
  }
}

const CURSOR: PieceCursor = { piece: 0, pos: 0 };

/**
 * A continued RUN, CMD, ENTRYPOINT or SHELL in shell form, read in place in the
 * source instead of in the joined line. The keyword, the flags and where the
 * command starts are found piece by piece, and the command (the one argument)
 * is joined only when its value is asked for: analyze() never asks, and joining
 * every continued RUN was about 7 % of its time on a file of long RUNs.
 *
 * Reading in place gives what reading the joined line gives as long as no word
 * runs across a piece boundary: the boundaries are then just places inside a
 * run of spaces. Where that is not certain (a keyword or flag that reaches a
 * piece's end, quotes in a flag that goes on into the next piece, an exec
 * form, ONBUILD, a last piece of spaces) this returns null and the caller
 * reads the joined line.
 */
function buildContinued(ctx: BuildContext): Instruction | null {
  const line = ctx.line;
  const s = ctx.whole.text;
  const last = line.pieceCount - 1;
  // The reader starts an instruction at its first non-space, unless its first line was only an escape.
  const a = line.pieceStart(0);
  if (isGoSpace(s.charCodeAt(a))) return null;
  const b = trimGoSpaceEnd(s, line.pieceStart(last), line.pieceEnd(last));
  if (b === line.pieceStart(last)) return null;

  const firstEnd = line.pieceEnd(0);
  const scan = scanKeyword(s, a, firstEnd);
  const kwEnd = scan.end;
  const known = scan.known;
  if (kwEnd === firstEnd || known < 0 || SHAPE_LIST[known] !== 'json-or-string') return null;
  const keyword = scan.keyword;

  const at = CURSOR;
  at.piece = 0;
  at.pos = kwEnd;
  skipAcrossPieces(line, s, at, b, isTokenSpace);
  let flags: Flag[] = NONE;
  if (at.pos < b && s.charCodeAt(at.pos) === DASH) {
    const end = at.piece === last ? b : line.pieceEnd(at.piece);
    // Whether the next character is a dash too decides; it must be in this piece.
    if (at.pos + 1 >= end) return null;
    if (s.charCodeAt(at.pos + 1) === DASH) {
      SCRATCH_FLAGS.count = 0;
      SCRATCH_FLAGS.plain = true;
      for (;;) {
        const to = at.piece === last ? b : line.pieceEnd(at.piece);
        const rest = extractFlags(ctx.whole, at.pos, to, SCRATCH_FLAGS);
        if (rest < to) {
          // The flags end in this piece; a dash on its last character was judged without the next piece.
          if (rest === to - 1 && s.charCodeAt(rest) === DASH) return null;
          at.pos = rest;
          break;
        }
        if (at.piece === last) {
          at.pos = rest;
          break;
        }
        // Every word to the piece's end was a flag. The flags go on in the next
        // piece only if this one ends in a space outside any quote: otherwise its
        // last word may run on into the next piece (or was the "--" that ends them).
        if (!isAsciiSpace(s.charCodeAt(to - 1)) || !SCRATCH_FLAGS.plain) return null;
        at.piece++;
        at.pos = line.pieceStart(at.piece);
      }
      flags = takeFlags();
    }
  }
  skipAcrossPieces(line, s, at, b, isGoSpace);
  const r0 = at.pos;
  // An exec form: the JSON reader works on the joined line.
  if (r0 < b && s.charCodeAt(r0) === 0x5b) return null;

  ctx.innerFrom = -1;
  ctx.known = true;
  const cmd = KEYWORDS[known];
  const instr = new InstructionNode(keyword, cmd, flags, ctx, { start: a, end: b }, { start: a, end: kwEnd });
  instr.source = s;
  instr.pieces = line.bounds();
  if (r0 < b) instr.args = [new JoinedArg(s, instr.pieces, r0, b)];
  return instr;
}

/** The command of a continued line read in place: joined from the pieces the first time its value is read. */
class JoinedArg implements Arg {
  private joined: string | null = null;
  private readonly source: string;
  private readonly pieces: readonly number[];
  private readonly start: number;
  private readonly end: number;

  constructor(source: string, pieces: readonly number[], start: number, end: number) {
    this.source = source;
    this.pieces = pieces;
    this.start = start;
    this.end = end;
  }

  get value(): string {
    return (this.joined ??= joinPieces(this.source, this.pieces, this.start, this.end));
  }

  get span(): Span {
    return { start: this.start, end: this.end };
  }
}

/**
 * An argument node. Its span is made when it is asked for: most arguments'
 * spans are never read while a file is analysed, and an object per argument
 * for it was 3% of what an analysis allocates (garbage the young-generation
 * collector has to copy when it runs during one).
 */
class ArgNode implements Arg {
  readonly value: string;
  /** Source range, or -1 for a node without one. */
  private readonly start: number;
  private readonly end: number;

  constructor(value: string, start: number, end: number) {
    this.value = value;
    this.start = start;
    this.end = end;
  }

  get span(): Span | null {
    return this.start < 0 ? null : { start: this.start, end: this.end };
  }
}

/** The argument for logical[start, end) whose value is `value`. */
function argAt(line: LogicalLine, value: string, start: number, end: number): Arg {
  if (end > start && line.direct) return new ArgNode(value, start, end);
  const span = line.span(start, end);
  return new ArgNode(value, span.start, span.end);
}

function word(line: LogicalLine, start: number, end: number): Arg {
  return argAt(line, line.text.slice(start, end), start, end);
}

/** Word boundaries [start0, end0, start1, end1, ...] of the split in progress (whitespace or parseWords); keeps its storage. */
const SCRATCH_BOUNDS: number[] = [];

/** The rest of a long word, for whitespaceArgs. */
const WORD_RUN = /[^\t\v\f\r ]*/y;
/** Words up to this long are scanned by a loop. */
const SHORT_WORD = 24;

/**
 * BuildKit's split on [\t\v\f\r ]+ of line.text[r0, r1) (which has no leading
 * or trailing separator). One scan records the boundaries in a reused scratch
 * array, so the result is allocated at exactly its size. A word longer than
 * SHORT_WORD is finished by a sticky regular expression (the compiled matcher
 * is several times faster than a charCodeAt loop over a long run, but its call
 * costs more than the loop over a short word). A long last word's match may
 * run past r1 up to the next separator (in a one-line instruction, into the
 * following lines) and is cut at r1; that stretch ends at the next
 * instruction's first separator, so over a file the extra reading stays linear.
 */
function whitespaceArgs(line: LogicalLine, r0: number, r1: number): Arg[] {
  if (r0 >= r1) return NONE;
  const s = line.text;
  const bounds = SCRATCH_BOUNDS;
  let n = 0;
  let start = r0;
  while (start < r1) {
    // Most words are short: a loop finds their end before a regular
    // expression call would have started; a long one hands over to it.
    let end = start + 1;
    const shortEnd = Math.min(r1, start + SHORT_WORD);
    while (end < shortEnd && !isTokenSpace(s.charCodeAt(end))) end++;
    if (end === shortEnd && end < r1) {
      WORD_RUN.lastIndex = end;
      WORD_RUN.test(s);
      end = Math.min(WORD_RUN.lastIndex, r1);
    }
    bounds[n++] = start;
    bounds[n++] = end;
    if (end >= r1) break;
    start = end + 1;
    while (start < r1 && isTokenSpace(s.charCodeAt(start))) start++;
  }
  const args = new Array<Arg>(n >> 1);
  for (let k = 0; k < n; k += 2) args[k >> 1] = word(line, bounds[k], bounds[k + 1]);
  return args;
}

/** Args for the flat ranges[0, count) = [start, end, ...], in an array of exactly the right size. */
function wordArgs(line: LogicalLine, ranges: number[], count: number): Arg[] {
  const n = count >> 1;
  if (n === 0) return NONE;
  const args = new Array<Arg>(n);
  for (let k = 0; k < n; k++) args[k] = word(line, ranges[2 * k], ranges[2 * k + 1]);
  return args;
}

/**
 * The exec form on [r0, r1): the args when it is a JSON array of strings,
 * none (with an error) for a JSON array holding anything else, and null when
 * the text is not JSON at all, so the caller falls back to the shell form.
 */
function jsonArgs(ctx: BuildContext, instr: Instruction, r0: number, r1: number): Arg[] | null {
  const s = ctx.line.text;
  if (r0 >= r1 || s.charCodeAt(r0) !== 0x5b) return null;
  const res = parseJsonStringArray(s, r0, r1);
  if (res.kind === 'invalid') return null;
  if (res.kind === 'not-strings') {
    ctx.errors.push({
      message: 'when using JSON array syntax, arrays must be comprised of strings only',
      start: r0,
      end: r1,
    });
    return NONE;
  }
  instr.json = true;
  const items = res.items;
  if (items.length === 0) return NONE;
  const args = new Array<Arg>(items.length);
  for (let k = 0; k < items.length; k++) {
    const item = items[k];
    args[k] = argAt(ctx.line, item.value, item.start, item.end);
  }
  return args;
}

// The separator nodes of ENV and LABEL pairs, shared like NONE: the tree is read-only.
const EQUALS_SEPARATOR: Arg = Object.freeze(new ArgNode('=', -1, -1));
/** The legacy form's separator, and the one node BuildKit gives an unknown instruction's arguments. */
const EMPTY_ARG: Arg = Object.freeze(new ArgNode('', -1, -1));

/** ENV and LABEL: `key value` (legacy) or key=value pairs, as (key, value, separator) triples. */
function nameValue(ctx: BuildContext, key: string, r0: number, r1: number): Arg[] {
  const line = ctx.line;
  const s = line.text;
  const words = SCRATCH_BOUNDS;
  const count = parseWords(s, r0, r1, ctx.escape, words);
  if (count === 0) return NONE;
  const firstEq = s.indexOf('=', words[0]);
  if (firstEq === -1 || firstEq >= words[1]) {
    // Legacy form: split the text once on whitespace.
    let sep = r0;
    while (sep < r1 && !isTokenSpace(s.charCodeAt(sep))) sep++;
    if (sep >= r1) {
      ctx.errors.push({ message: key + ' must have two arguments', start: r0, end: r1 });
      return NONE;
    }
    let v = sep;
    while (v < r1 && isTokenSpace(s.charCodeAt(v))) v++;
    return [word(line, r0, sep), word(line, v, r1), EMPTY_ARG];
  }
  const args = new Array<Arg>((count >> 1) * 3);
  let n = 0;
  for (let k = 0; k < count; k += 2) {
    const start = words[k];
    const end = words[k + 1];
    const eq = s.indexOf('=', start);
    if (eq === -1 || eq >= end) {
      // BuildKit rejects the whole instruction; we keep the pairs before it.
      ctx.errors.push({
        message: "Syntax error - can't find = in " + goQuote(s.slice(start, end)) + '. Must be of the form: name=value',
        start,
        end,
      });
      args.length = n;
      break;
    }
    args[n++] = word(line, start, eq);
    args[n++] = word(line, eq + 1, end);
    args[n++] = EQUALS_SEPARATOR;
  }
  return args;
}
