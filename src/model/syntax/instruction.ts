import type { Arg, Flag, Instruction } from '../types';
import { isAsciiSpace, isTokenSpace, skipGoSpace, trimGoSpaceEnd } from './chars';
import { parseJsonStringArray } from './json';
import type { LogicalLine } from './logical';
import { extractFlags, parseWords, splitTokenSpace } from './words';
import { goQuote } from './quote';

// One logical line -> one Instruction, following BuildKit's newNodeFromLine:
// trim, take the keyword, peel off leading --flags, then cut the rest into
// argument nodes according to the keyword's argument shape.

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

export function isKnownKeyword(cmd: string): boolean {
  return Object.prototype.hasOwnProperty.call(ARGUMENT_SHAPES, cmd);
}

/** A problem BuildKit's parser stops at; `at` is a logical range to point to. */
export interface LineError {
  message: string;
  start: number;
  end: number;
}

export interface BuildContext {
  line: LogicalLine;
  escape: number;
  startLine: number;
  endLine: number;
  errors: LineError[];
}

/** Parses logical[from, to) into an instruction (spans relative to the source). */
export function buildInstruction(ctx: BuildContext, from: number, to: number): Instruction {
  const line = ctx.line;
  const s = line.text;
  const a = skipGoSpace(s, from, to);
  const b = trimGoSpaceEnd(s, a, to);
  let kwEnd = a;
  while (kwEnd < b && !isTokenSpace(s.charCodeAt(kwEnd))) kwEnd++;
  const keyword = s.slice(a, kwEnd);
  const cmd = keyword.toLowerCase();

  let flags: Flag[] = [];
  let r0 = b;
  if (kwEnd < b) {
    let p = kwEnd;
    while (p < b && isTokenSpace(s.charCodeAt(p))) p++;
    const scan = extractFlags(s, p, b);
    if (scan.flags.length > 0) {
      flags = scan.flags.map((f) => {
        const eq = f.text.indexOf('=');
        return {
          text: f.text,
          name: eq < 0 ? f.text.slice(2) : f.text.slice(2, eq),
          value: eq < 0 ? null : f.text.slice(eq + 1),
          span: line.span(f.start, f.end),
          valueSpan: f.equals < 0 ? null : line.span(f.equals + 1, f.end),
        };
      });
    }
    r0 = skipGoSpace(s, scan.rest, b);
  }
  const r1 = b;

  const instr: Instruction = {
    keyword,
    cmd,
    flags,
    args: [],
    json: false,
    heredocs: [],
    inner: null,
    original: s.slice(from, to),
    startLine: ctx.startLine,
    endLine: ctx.endLine,
    span: line.span(a, b),
    keywordSpan: line.span(a, kwEnd),
  };

  const shape = isKnownKeyword(cmd) ? ARGUMENT_SHAPES[cmd] : undefined;
  const args = instr.args;
  const word = (start: number, end: number): Arg => ({ value: s.slice(start, end), span: line.span(start, end) });

  switch (shape) {
    case undefined:
      // BuildKit ignores the arguments of an unknown instruction: one empty node.
      args.push({ value: '', span: null });
      break;
    case 'whitespace':
      for (const w of splitTokenSpace(s, r0, r1)) args.push(word(w.start, w.end));
      break;
    case 'string':
      if (r1 > r0) args.push(word(r0, r1));
      break;
    case 'words':
      for (const w of parseWords(s, r0, r1, ctx.escape)) args.push(word(w.start, w.end));
      break;
    case 'json-or-list':
      if (!maybeJson(ctx, instr, r0, r1)) for (const w of splitTokenSpace(s, r0, r1)) args.push(word(w.start, w.end));
      break;
    case 'json-or-string':
      if (r1 > r0 && !maybeJson(ctx, instr, r0, r1)) args.push(word(r0, r1));
      break;
    case 'healthcheck': {
      if (r1 === r0) break;
      let sep = r0;
      while (sep < r1 && !isAsciiSpace(s.charCodeAt(sep))) sep++;
      let next = sep;
      while (next < r1 && isAsciiSpace(s.charCodeAt(next))) next++;
      args.push(word(r0, sep));
      if (next < r1 && !maybeJson(ctx, instr, next, r1)) args.push(word(next, r1));
      break;
    }
    case 'name-value':
      nameValue(ctx, instr, cmd === 'env' ? 'ENV' : 'LABEL', r0, r1);
      break;
    case 'subcommand':
      if (r1 > r0) instr.inner = buildInstruction(ctx, r0, r1);
      break;
  }
  return instr;
}

/**
 * Tries the exec form on [r0, r1). Returns true when it was consumed (a JSON
 * array of strings, or a JSON array with other values, which is an error).
 */
function maybeJson(ctx: BuildContext, instr: Instruction, r0: number, r1: number): boolean {
  const s = ctx.line.text;
  if (r0 >= r1 || s.charCodeAt(r0) !== 0x5b) return false;
  const res = parseJsonStringArray(s, r0, r1);
  if (res.kind === 'invalid') return false;
  if (res.kind === 'not-strings') {
    ctx.errors.push({
      message: 'when using JSON array syntax, arrays must be comprised of strings only',
      start: r0,
      end: r1,
    });
    return true;
  }
  instr.json = true;
  for (const item of res.items) instr.args.push({ value: item.value, span: ctx.line.span(item.start, item.end) });
  return true;
}

/** ENV and LABEL: `key value` (legacy) or key=value pairs, as (key, value, separator) triples. */
function nameValue(ctx: BuildContext, instr: Instruction, key: string, r0: number, r1: number): void {
  const line = ctx.line;
  const s = line.text;
  const words = parseWords(s, r0, r1, ctx.escape);
  if (words.length === 0) return;
  const first = words[0];
  if (s.indexOf('=', first.start) === -1 || s.indexOf('=', first.start) >= first.end) {
    // Legacy form: split the text once on whitespace.
    let sep = r0;
    while (sep < r1 && !isTokenSpace(s.charCodeAt(sep))) sep++;
    if (sep >= r1) {
      ctx.errors.push({ message: key + ' must have two arguments', start: r0, end: r1 });
      return;
    }
    let v = sep;
    while (v < r1 && isTokenSpace(s.charCodeAt(v))) v++;
    instr.args.push(
      { value: s.slice(r0, sep), span: line.span(r0, sep) },
      { value: s.slice(v, r1), span: line.span(v, r1) },
      { value: '', span: null },
    );
    return;
  }
  for (const w of words) {
    const eq = s.indexOf('=', w.start);
    if (eq === -1 || eq >= w.end) {
      ctx.errors.push({
        message: "Syntax error - can't find = in " + goQuote(s.slice(w.start, w.end)) + '. Must be of the form: name=value',
        start: w.start,
        end: w.end,
      });
      return;
    }
    instr.args.push(
      { value: s.slice(w.start, eq), span: line.span(w.start, eq) },
      { value: s.slice(eq + 1, w.end), span: line.span(eq + 1, w.end) },
      { value: '=', span: null },
    );
  }
}
