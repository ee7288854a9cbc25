import type {
  Directive,
  DockerfileSyntax,
  Heredoc,
  Instruction,
  Severity,
  Span,
  SyntaxDiagnostic,
} from '../types';
import {
  BACKSLASH,
  BACKTICK,
  BOM,
  CR,
  EQUALS,
  HASH,
  LF,
  SPACE,
  TAB,
  isAsciiDigit,
  isAsciiLetter,
  isRegexpSpace,
  skipGoSpace,
} from './chars';
import { argumentProblem, unknownInstructionMessage } from './checks';
import { heredocsFromLine } from './heredoc';
import { buildInstruction, type BuildContext } from './instruction';
import { computeLineStarts, lineBreakEnd, scannedLineCount } from './lines';
import { LogicalLine } from './logical';
import { SyntaxTree } from './tree';

// The line reader: BuildKit's Parse loop (parser/parser.go), rewritten to keep
// every offset. It walks physical lines once, front to back:
//   - parser directives while they last (only at the very top),
//   - comments and blank lines between instructions,
//   - an instruction's first line, then its continuation lines (comment lines
//     and empty lines inside a continuation are skipped, the latter with a
//     NoEmptyContinuation warning),
//   - then, for RUN/COPY/ADD in shell form (also under ONBUILD), the bodies of
//     the heredocs the joined line opens.
//
// Where newlines go: every node owns whole physical lines, including each
// line's terminating "\n" (or "\r\n"). A node therefore starts at a line start
// and ends just after a line break or at the end of the text; nodes[0] starts
// at 0 and includes a leading BOM. An instruction node runs from its first line
// through its last continuation or heredoc line, comment and empty lines inside
// it included. Concatenating the nodes' text gives back the input exactly.
//
// BuildKit stops at its first error; we record a diagnostic and carry on, so
// the tree is always complete. Diagnostic codes:
//   NoInstructions       error    no instruction at all ("file with no instructions")
//   ParseError           error    what BuildKit's parser or its instructions layer
//                                 rejects, with BuildKit's message: a repeated or
//                                 invalid directive, ENV/LABEL without value or "=",
//                                 a JSON array holding non-strings, an unterminated
//                                 heredoc, a line over 64 KiB, argument counts
//                                 ("FROM requires either one or three arguments", ...)
//   UnknownInstruction   error    "unknown instruction: FOO" (+ BuildKit's suggestion)
//   NoEmptyContinuation  warning  an empty line inside a continuation; reported on the
//                                 instruction's last line like BuildKit, span on the
//                                 empty line

export interface ParseOptions {
  /**
   * Read continued RUN/CMD/ENTRYPOINT/SHELL lines in place (the default) or,
   * with false, always from the joined line: the tests compare the two.
   */
  readInPlace?: boolean;
}

export function parseDockerfile(text: string, options?: ParseOptions): DockerfileSyntax {
  return new Reader(text, options?.readInPlace ?? true).read();
}

const DIRECTIVE_NAMES = new Set(['syntax', 'escape', 'check']);

class Reader {
  private readonly text: string;
  private readonly lineStarts: Int32Array;
  /** Number of physical lines BuildKit's scanner yields (a final empty line after "\n" is not one). */
  private readonly lineCount: number;
  private readonly hasBom: boolean;
  private escape = BACKSLASH;
  private directivesDone = false;
  private readonly seenDirectives = new Set<string>();
  private readonly directives: Directive[] = [];
  private readonly instructions: Instruction[] = [];
  /** 0-based indexes of the comment lines between instructions: the tree's node list is built from them when asked for. */
  private readonly commentLines: number[] = [];
  private readonly diagnostics: SyntaxDiagnostic[] = [];
  /** Reused for every instruction: a large file has thousands of them. */
  private readonly logical = new LogicalLine();
  private readonly context: BuildContext;
  /** The first "<" at or after the last place searched (Infinity: none): only a line with one can open a heredoc. */
  private nextLessThan = -1;

  constructor(text: string, readInPlace: boolean) {
    this.text = text;
    this.lineStarts = computeLineStarts(text);
    this.lineCount = scannedLineCount(text, this.lineStarts);
    this.hasBom = text.charCodeAt(0) === BOM;
    const whole = new LogicalLine();
    whole.reset(0);
    whole.append(0, text.length);
    whole.finish(text);
    this.context = { line: this.logical, whole, readInPlace, escape: BACKSLASH, startLine: 0, endLine: 0, errors: [], innerFrom: -1, innerTo: -1, known: false };
  }

  /** Start of line i (0-based), after the BOM for the first line. */
  private contentStart(i: number): number {
    return i === 0 && this.hasBom ? 1 : this.lineStarts[i];
  }

  /** Offset just past line i's line break (or the end of the text). */
  private lineEnd(i: number): number {
    return lineBreakEnd(this.text, this.lineStarts, i);
  }

  /** End of line i without its trailing run of "\r" and "\n" (BuildKit's trimNewline). */
  private contentEnd(i: number): number {
    const text = this.text;
    const start = this.contentStart(i);
    let end = this.lineEnd(i);
    while (end > start) {
      const c = text.charCodeAt(end - 1);
      if (c !== LF && c !== CR) break;
      end--;
    }
    return end;
  }

  read(): DockerfileSyntax {
    const text = this.text;
    this.checkLineLengths();
    let i = 0;
    while (i < this.lineCount) {
      const cs = this.contentStart(i);
      const ce = this.contentEnd(i);
      const ts = skipGoSpace(text, cs, ce);

      if (!this.directivesDone) {
        const directive = this.directive(i, ts, ce);
        if (directive) {
          i++;
          continue;
        }
        this.directivesDone = true;
      }

      if (ts === ce) {
        i++;
        continue;
      }
      if (text.charCodeAt(ts) === HASH) {
        this.commentLines.push(i);
        i++;
        continue;
      }
      i = this.instruction(i, ts, ce);
    }

    if (this.instructions.length === 0) {
      this.report(1, 'error', 'NoInstructions', 'file with no instructions', { start: 0, end: text.length });
    }
    // In line order (the sort is stable, so same-line problems keep theirs).
    this.diagnostics.sort((a, b) => a.line - b.line);
    return new SyntaxTree(
      text,
      this.hasBom,
      String.fromCharCode(this.escape),
      this.directives,
      this.instructions,
      this.commentLines,
      this.diagnostics,
      this.lineStarts,
    );
  }

  /**
   * BuildKit reads lines with Go's bufio.Scanner and its default 64 KiB
   * buffer, so a longer line (counted in UTF-8 bytes, line break included)
   * makes the whole parse fail. We report it and read on.
   */
  private checkLineLengths(): void {
    const starts = this.lineStarts;
    const text = this.text;
    // A UTF-16 unit is at most 3 UTF-8 bytes: most lines, and most files, need no counting.
    const safe = MAX_LINE_BYTES / 3;
    if (text.length <= safe) return;
    for (let i = 0; i < this.lineCount; i++) {
      const start = starts[i];
      const end = lineBreakEnd(text, starts, i);
      if (end - start <= safe) continue;
      if (utf8Length(text, start, end) > MAX_LINE_BYTES) {
        this.report(i + 1, 'error', 'ParseError', 'dockerfile line greater than max allowed size of ' + (MAX_LINE_BYTES - 1), {
          start,
          end: this.contentEnd(i),
        });
      }
    }
  }

  private report(line: number, severity: Severity, code: string, message: string, span: Span): void {
    this.diagnostics.push({ line, severity, code, message, span });
  }

  /**
   * Reads `#  key = value` on line i (content [ts, ce)), the way BuildKit's
   * DirectiveParser does: after "#", skip spaces, then
   * ^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$ with a known key.
   */
  private directive(i: number, ts: number, ce: number): Directive | null {
    const text = this.text;
    if (ts >= ce || text.charCodeAt(ts) !== HASH) return null;
    let p = skipGoSpace(text, ts + 1, ce);
    const keyStart = p;
    if (p >= ce || !isAsciiLetter(text.charCodeAt(p))) return null;
    p++;
    while (p < ce && (isAsciiLetter(text.charCodeAt(p)) || isAsciiDigit(text.charCodeAt(p)))) p++;
    const keyEnd = p;
    while (p < ce && isRegexpSpace(text.charCodeAt(p))) p++;
    if (p >= ce || text.charCodeAt(p) !== EQUALS) return null;
    p++;
    const afterEquals = p;
    while (p < ce && isRegexpSpace(text.charCodeAt(p))) p++;
    let valueStart: number;
    let valueEnd: number;
    if (p < ce) {
      valueStart = p;
      valueEnd = ce;
      while (valueEnd > valueStart + 1 && isRegexpSpace(text.charCodeAt(valueEnd - 1))) valueEnd--;
    } else if (ce > afterEquals) {
      // Only spaces after "=": the lazy (.+?) still takes the last of them.
      valueStart = ce - 1;
      valueEnd = ce;
    } else {
      return null;
    }
    const name = text.slice(keyStart, keyEnd).toLowerCase();
    if (!DIRECTIVE_NAMES.has(name)) return null;

    const line = i + 1;
    const value = text.slice(valueStart, valueEnd);
    const span = { start: ts, end: ce };
    if (this.seenDirectives.has(name)) {
      this.report(line, 'error', 'ParseError', 'only one ' + name + ' parser directive can be used', span);
    } else {
      this.seenDirectives.add(name);
      if (name === 'escape') {
        if (value === '`') this.escape = BACKTICK;
        else if (value === '\\') this.escape = BACKSLASH;
        else
          this.report(line, 'error', 'ParseError', "invalid escape token '" + value + "' does not match ` or \\", {
            start: valueStart,
            end: valueEnd,
          });
      }
    }
    const directive: Directive = { name, value, line, span, valueSpan: { start: valueStart, end: valueEnd } };
    this.directives.push(directive);
    return directive;
  }

  /**
   * If [s, e) ends with the escape character followed only by spaces/tabs, and
   * that escape is not itself escaped, returns where the kept content ends (the
   * escape's offset); otherwise -1.
   */
  private continuation(s: number, e: number): number {
    const text = this.text;
    let j = e;
    while (j > s) {
      const c = text.charCodeAt(j - 1);
      if (c !== SPACE && c !== TAB) break;
      j--;
    }
    if (j === s || text.charCodeAt(j - 1) !== this.escape) return -1;
    if (j - 1 > s && text.charCodeAt(j - 2) === this.escape) return -1;
    return j - 1;
  }

  /** Reads the instruction starting on line i; returns the index of the next unread line. */
  private instruction(i: number, ts: number, ce: number): number {
    const text = this.text;
    const first = i;
    const logical = this.logical;
    logical.reset(ts);
    let cut = this.continuation(ts, ce);
    logical.append(ts, cut < 0 ? ce : cut);
    let emptyLine = -1;
    // Where the content of the last line read ends: the instruction's span, and the heredoc search, end there.
    let lastEnd = ce;
    i++;
    while (cut >= 0 && i < this.lineCount) {
      const ls = this.lineStarts[i];
      const le = this.contentEnd(i);
      lastEnd = le;
      const t = skipGoSpace(text, ls, le);
      i++;
      if (t < le && text.charCodeAt(t) === HASH) continue;
      if (t === le) {
        if (emptyLine < 0) emptyLine = i - 1;
        continue;
      }
      cut = this.continuation(ls, le);
      logical.append(ls, cut < 0 ? le : cut);
    }
    const lastJoined = i - 1;
    logical.finish(text);

    const ctx = this.context;
    ctx.escape = this.escape;
    ctx.startLine = first + 1;
    ctx.endLine = lastJoined + 1;
    if (ctx.errors.length > 0) ctx.errors = [];
    const instr = buildInstruction(ctx, logical.start, logical.end);

    if (emptyLine >= 0) {
      // BuildKit reports this on the last line of the joined instruction; the
      // span marks the (first) empty line itself.
      this.report(
        lastJoined + 1,
        'warning',
        'NoEmptyContinuation',
        'Empty continuation lines will become errors in a future release',
        { start: this.lineStarts[emptyLine], end: this.lineEnd(emptyLine) },
      );
    }

    // The logical line is made of source text between its first character and
    // the end of its last line: without a "<" there, it opens no heredoc, and a
    // continued line read in place is never joined to look.
    if (this.nextLessThan < ts) {
      const at = text.indexOf('<', ts);
      this.nextLessThan = at < 0 ? Infinity : at;
    }
    if (this.nextLessThan < lastEnd && canContainHeredoc(instr)) {
      const found = heredocsFromLine(instr.original);
      if ('error' in found) {
        ctx.errors.push({ message: found.error, start: logical.start, end: logical.end });
      } else {
        for (const h of found.headers) {
          const bodyStart = i < this.lineCount ? this.lineStarts[i] : text.length;
          let terminated = false;
          let spanEnd = text.length;
          let contentEnd = text.length;
          while (i < this.lineCount) {
            const ls = this.lineStarts[i];
            const le = this.contentEnd(i);
            let p = ls;
            if (h.chomp) while (p < le && text.charCodeAt(p) === TAB) p++;
            i++;
            if (le - p === h.name.length && text.startsWith(h.name, p)) {
              terminated = true;
              contentEnd = ls;
              spanEnd = le;
              break;
            }
          }
          const heredoc: Heredoc = {
            name: h.name,
            content: text.slice(bodyStart, contentEnd),
            expand: h.expand,
            chomp: h.chomp,
            span: { start: bodyStart, end: spanEnd },
          };
          // A literal of one is exactly its size; a push onto [] would reserve 17.
          if (instr.heredocs.length === 0) instr.heredocs = [heredoc];
          else instr.heredocs.push(heredoc);
          if (!terminated) {
            ctx.errors.push({ message: 'unterminated heredoc', start: logical.start, end: logical.end });
            break;
          }
        }
      }
    }

    const last = i - 1;
    instr.endLine = last + 1;
    for (let inner = instr.inner; inner; inner = inner.inner) inner.endLine = last + 1;
    instr.span.end = Math.max(instr.keywordSpan.end, last === lastJoined ? lastEnd : this.contentEnd(last));
    this.instructions.push(instr);

    const line = first + 1;
    for (const err of ctx.errors) {
      const span = err.end > err.start ? logical.span(err.start, err.end) : instr.span;
      this.report(line, 'error', 'ParseError', err.message, span);
    }
    if (!ctx.known) {
      this.report(line, 'error', 'UnknownInstruction', unknownInstructionMessage(instr.keyword), instr.keywordSpan);
    } else if (ctx.errors.length === 0) {
      const problem = argumentProblem(instr);
      if (problem) this.report(line, 'error', 'ParseError', problem, instr.span);
    }
    return i;
  }
}

const MAX_LINE_BYTES = 64 * 1024;

function utf8Length(text: string, start: number, end: number): number {
  let n = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && k + 1 < end && (text.charCodeAt(k + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      k++;
    } else n += 3;
  }
  return n;
}


/** BuildKit's canContainHeredoc: RUN/COPY/ADD in shell form, directly or under ONBUILD. */
function canContainHeredoc(instr: Instruction): boolean {
  let target = instr;
  if (instr.cmd === 'onbuild' && instr.inner) target = instr.inner;
  const cmd = target.cmd;
  return (cmd === 'run' || cmd === 'copy' || cmd === 'add') && !target.json;
}
