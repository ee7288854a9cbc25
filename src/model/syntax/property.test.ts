import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DockerfileSyntax, Instruction, Span } from '../types';
import { corpusDockerfiles } from './corpus-files.test-support';
import { GO_SPACE_CLASS } from './chars';
import { dump } from './dump';
import { lineAt } from './lines';
import { parseDockerfile } from './parse';

// parseDockerfile never throws, and its nodes always cover the text exactly,
// whatever the input: random strings, Dockerfile-like lines, and corpus files
// with random damage.

const RUNS = process.env.CI ? 10_000 : 1_000;

function checkSpan(text: string, span: Span | null): void {
  if (!span) return;
  if (!(span.start >= 0 && span.start <= span.end && span.end <= text.length)) {
    throw new Error(`span out of range: ${JSON.stringify(span)} in a text of ${text.length}`);
  }
}

function checkInstruction(text: string, instr: Instruction, outer: Span): void {
  checkSpan(text, instr.span);
  checkSpan(text, instr.keywordSpan);
  if (instr.span.start < outer.start || instr.span.end > outer.end) throw new Error('instruction outside its node');
  for (const f of instr.flags) {
    checkSpan(text, f.span);
    checkSpan(text, f.valueSpan);
  }
  for (const a of instr.args) checkSpan(text, a.span);
  for (const h of instr.heredocs) checkSpan(text, h.span);
  if (instr.inner) checkInstruction(text, instr.inner, outer);
}

const BLANK = new RegExp(`^[${GO_SPACE_CLASS}]*$`);
const COMMENT = new RegExp(`^[${GO_SPACE_CLASS}]*#`);

/** The invariants every parse must satisfy; throws with a reason when one fails. */
function checkTree(text: string, file: DockerfileSyntax): void {
  let at = 0;
  for (const node of file.nodes) {
    if (node.span.start !== at) throw new Error(`gap or overlap at ${at}: node starts at ${node.span.start}`);
    if (node.span.end <= node.span.start) throw new Error(`empty node at ${at}`);
    at = node.span.end;
    if (node.kind === 'instruction') checkInstruction(text, node.instruction, node.span);
  }
  if (at !== text.length) throw new Error(`nodes end at ${at}, text at ${text.length}`);
  if (file.nodes.map((n) => text.slice(n.span.start, n.span.end)).join('') !== text) throw new Error('not lossless');
  if (file.instructions.length !== file.nodes.filter((n) => n.kind === 'instruction').length) {
    throw new Error('instructions and instruction nodes differ');
  }
  // The node kinds say what their lines hold (the list is built from the
  // parser's records, not from the lines themselves).
  const comments: number[] = [];
  for (const node of file.nodes) {
    const body = text.slice(node.span.start, node.span.end).replace(/^\uFEFF/, '');
    if (node.kind === 'blank' && !BLANK.test(body)) throw new Error(`blank node holds ${JSON.stringify(body)}`);
    if (node.kind === 'comment') {
      if (!COMMENT.test(body)) throw new Error(`comment node holds ${JSON.stringify(body)}`);
      comments.push(lineAt(file, node.span.start) - 1);
    }
    if (node.kind === 'directive' && !COMMENT.test(body)) throw new Error(`directive node holds ${JSON.stringify(body)}`);
  }
  if (comments.join() !== file.commentLines.join()) throw new Error(`comment lines ${file.commentLines.join()} but comment nodes on ${comments.join()}`);
  let line = 0;
  for (const instr of file.instructions) {
    if (instr.startLine <= line || instr.endLine < instr.startLine) throw new Error('instruction lines out of order');
    line = instr.endLine;
  }
  let previous = 1;
  for (const d of file.diagnostics) {
    checkSpan(text, d.span);
    if (d.line < previous || d.line > file.lineStarts.length) throw new Error(`diagnostic line ${d.line} out of order or range`);
    previous = d.line;
  }
  dump(file);
}

const property = (text: string) => {
  checkTree(text, parseDockerfile(text));
};

const keyword = fc.constantFrom(
  'FROM', 'from', 'RUN', 'run', 'COPY', 'ADD', 'ENV', 'LABEL', 'ARG', 'CMD', 'ENTRYPOINT', 'SHELL',
  'HEALTHCHECK', 'ONBUILD', 'ONBUILD RUN', 'ONBUILD COPY', 'WORKDIR', 'USER', 'EXPOSE', 'VOLUME',
  'MAINTAINER', 'STOPSIGNAL', 'FOO', '',
);
const piece = fc.constantFrom(
  'alpine', 'AS', 'build', '--from=build', '--mount=type=cache,target=/x', '--platform=$BUILDPLATFORM',
  '--', '--link', '"a b"', "'c d'", 'a=b', 'x="y z"', '[', ']', '["a", "b"]', '[1]', '[ "x", [ "y" ] ]',
  '<<EOF', '<<-EOF', "<<'EOF'", '<<"EOF"', '<<<EOF', '2<<EOF', 'EOF', '\tEOF', '\\', '`', '\\\\', '#', '# c',
  '${A:-b}', '$B', '${', '=', '\u00a0', '\u2028', '\uFEFF', '\r', '\t', 'é',
);
const line = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(keyword, fc.array(piece, { maxLength: 6 })).map(([k, ps]) => [k, ...ps].join(' ')) },
  { weight: 1, arbitrary: fc.constantFrom('# syntax=docker/dockerfile:1', '# escape=`', '# escape=\\', '# check=skip=all', '# escape=x') },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t', '# comment', '  # indented comment', 'EOF', '\tEOF', '-EOF') },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);
const dockerfileish = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.tuple(line, fc.constantFrom('', ' \\', '\\', ' `', '`', ' \\  ', '\\\\')), { maxLength: 25 }),
    fc.constantFrom('\n', '\r\n'),
    fc.boolean(),
  )
  .map(([bom, lines, nl, finalNewline]) => (bom ? '\uFEFF' : '') + lines.map(([l, end]) => l + end).join(nl) + (finalNewline ? nl : ''));

describe('parseDockerfile on any input', () => {
  it('never throws and is lossless on arbitrary Unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), property), { numRuns: RUNS });
  });

  it('never throws and is lossless on strings made of Dockerfile punctuation', () => {
    const unit = fc.constantFrom('\n', '\r', ' ', '\t', '\\', '`', '#', '"', "'", '<', '-', '[', ']', '=', 'E', 'O', 'F', 'R', 'U', 'N', '$', '{');
    fc.assert(fc.property(fc.string({ unit, maxLength: 120 }), property), { numRuns: RUNS });
  });

  it('never throws and is lossless on Dockerfile-like text', () => {
    fc.assert(fc.property(dockerfileish, property), { numRuns: RUNS });
  });

  it('never throws and is lossless on damaged corpus files', () => {
    const files = corpusDockerfiles().map((f) => f.text);
    const edit = fc.tuple(
      fc.nat(),
      fc.nat({ max: 40 }),
      fc.oneof(fc.constantFrom('', '\n', '\\\n', '`\n', '\r\n', '<<EOF\n', 'EOF\n', '#', '"', '[', '\uFEFF'), fc.string({ maxLength: 8 })),
    );
    const damaged = fc.tuple(fc.nat({ max: files.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 5 })).map(([k, edits]) => {
      let text = files[k];
      for (const [pos, len, insert] of edits) {
        const at = text.length === 0 ? 0 : pos % (text.length + 1);
        text = text.slice(0, at) + insert + text.slice(at + len);
      }
      return text;
    });
    fc.assert(fc.property(damaged, property), { numRuns: RUNS });
  });

  it('reads CRLF and a leading BOM exactly like LF without one', () => {
    const plain = dockerfileish.filter((t) => !t.includes('\r') && !t.startsWith('\uFEFF'));
    fc.assert(
      fc.property(plain, (text) => {
        const expected = dump(parseDockerfile(text));
        expect(dump(parseDockerfile(text.replace(/\n/g, '\r\n')))).toBe(expected);
        expect(dump(parseDockerfile('\uFEFF' + text))).toBe(expected);
      }),
      { numRuns: RUNS / 10 },
    );
  });
});

// Continued RUN, CMD, ENTRYPOINT and SHELL lines are read in place in the
// source, without joining them (buildContinued in instruction.ts), whenever
// that is sure to read what the joined line says. Everything the tree holds
// must be the same as when every line is read joined.
describe('continued lines read in place', () => {
  /** Every field of the tree an outside reader sees (getters included). */
  function readable(file: DockerfileSyntax): string {
    const instruction = (i: Instruction): unknown => ({
      keyword: i.keyword,
      cmd: i.cmd,
      flags: i.flags.map((f) => [f.text, f.name, f.value, f.span, f.valueSpan]),
      args: i.args.map((a) => [a.value, a.span]),
      json: i.json,
      heredocs: i.heredocs,
      inner: i.inner && instruction(i.inner),
      original: i.original,
      lines: [i.startLine, i.endLine],
      span: i.span,
      keywordSpan: i.keywordSpan,
    });
    return JSON.stringify({ instructions: file.instructions.map(instruction), diagnostics: file.diagnostics, nodes: file.nodes.map((n) => [n.kind, n.span]) });
  }
  const sameAsJoined = (text: string) => {
    expect(readable(parseDockerfile(text))).toBe(readable(parseDockerfile(text, { readInPlace: false })));
  };
  const start = fc.constantFrom('RUN ', 'run ', 'CMD ', 'SHELL ', 'ENTRYPOINT ', 'ONBUILD RUN ', 'COPY ', 'RUN\\\n', 'RUN', 'RUN  ', '\\\nRUN ');
  // Words and the places where a line may be cut, weighted towards what
  // decides whether a word runs across a cut: flags ending in a space or not,
  // a flag with an open quote, a lone dash, "--".
  const token = fc.constantFrom(
    '--a=b ', '--a=b -', ' -', '--a=b', '--m="a', "--m='a", '--', '-', '-x', ' ', '\t', 'x', '"', "'", '[', ']', '"y"',
    '\\\n', '\\ \n', '\\\\\n', '\n# c\n', '\n\n', '\n \n', '\\', '`\n', '\r\n', 'é', '\u00a0', '<<E\nE\n', '\nRUN ',
  );
  const continued = fc.tuple(start, fc.array(token, { maxLength: 14 })).map(([s, ts]) => 'FROM x\n' + s + ts.join(''));

  it('gives the tree the joined lines give', () => {
    fc.assert(fc.property(continued, sameAsJoined), { numRuns: RUNS * 4 });
  });

  it('gives the same tree with the backtick as escape character', () => {
    fc.assert(fc.property(continued, (text) => sameAsJoined('# escape=`\n' + text.replace(/\\/g, '`'))), { numRuns: RUNS });
  });

  it('gives the same tree on Dockerfile-like text and corpus files', () => {
    fc.assert(fc.property(dockerfileish, sameAsJoined), { numRuns: RUNS });
    for (const file of corpusDockerfiles()) sameAsJoined(file.text);
  });

  it('reads the usual continued RUN without joining it', () => {
    const text = 'FROM x\nRUN --mount=type=cache,target=/root/.cache \\\n    --mount=from=build,target=/b \\\n    go build \\\n    # built\n    ./...\n';
    const run = parseDockerfile(text).instructions[1];
    // Nothing joined until asked: the node keeps the pieces, and the argument its range.
    const joined = (o: object) => Object.values(o).filter((v) => typeof v === 'string' && v.includes('go build     ./...'));
    expect([...joined(run), ...joined(run.args[0])]).toEqual([]);
    expect(run.flags.map((f) => f.text)).toEqual(['--mount=type=cache,target=/root/.cache', '--mount=from=build,target=/b']);
    expect(run.args.map((a) => a.value)).toEqual(['go build     ./...']);
    expect(text.slice(run.args[0].span!.start, run.args[0].span!.end)).toBe('go build \\\n    # built\n    ./...');
    expect(run.original).toBe('RUN --mount=type=cache,target=/root/.cache     --mount=from=build,target=/b     go build     ./...');
  });
});
