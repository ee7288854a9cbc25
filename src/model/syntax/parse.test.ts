import { describe, expect, it } from 'vitest';
import type { DockerfileSyntax } from '../types';
import { dump } from './dump';
import { computeLineStarts, lineAt, lineEndAt, offsetAt, positionAt } from './lines';
import { instructionAtLine, nodeAt } from './locate';
import { KEYWORDS } from './instruction';
import { parseDockerfile } from './parse';

const slice = (file: DockerfileSyntax, span: { start: number; end: number } | null) =>
  span ? file.text.slice(span.start, span.end) : null;
const codes = (file: DockerfileSyntax) => file.diagnostics.map((d) => `${d.line}:${d.severity}:${d.code}`);
const joined = (file: DockerfileSyntax) => file.nodes.map((n) => file.text.slice(n.span.start, n.span.end)).join('');

describe('nodes and newlines', () => {
  it('gives every physical line to exactly one node, line breaks included', () => {
    const text = '\uFEFF# syntax=docker/dockerfile:1\r\n\r\n# note\r\nFROM a \\\r\n  AS b\r\nRUN x';
    const file = parseDockerfile(text);
    expect(file.hasBom).toBe(true);
    expect(file.nodes.map((n) => n.kind)).toEqual(['directive', 'blank', 'comment', 'instruction', 'instruction']);
    expect(file.nodes.map((n) => text.slice(n.span.start, n.span.end))).toEqual([
      '\uFEFF# syntax=docker/dockerfile:1\r\n',
      '\r\n',
      '# note\r\n',
      'FROM a \\\r\n  AS b\r\n',
      'RUN x',
    ]);
    expect(joined(file)).toBe(text);
    expect(dump(file)).toBe('(from "a" "AS" "b")\n(run "x")\n');
  });

  it('keeps instruction spans from the keyword to the end of the last line, without the line break', () => {
    const text = '  RUN echo a \\\r\n    b  \r\nCMD c\n';
    const file = parseDockerfile(text);
    const [run, cmd] = file.instructions;
    expect(slice(file, run.span)).toBe('RUN echo a \\\r\n    b  ');
    expect(slice(file, run.keywordSpan)).toBe('RUN');
    expect([run.startLine, run.endLine]).toEqual([1, 2]);
    expect(run.original).toBe('RUN echo a     b  ');
    expect(slice(file, cmd.span)).toBe('CMD c');
    expect(joined(file)).toBe(text);
  });

  it('is empty for an empty text and reports that there is nothing to build', () => {
    const file = parseDockerfile('');
    expect(file.nodes).toEqual([]);
    expect(codes(file)).toEqual(['1:error:NoInstructions']);
  });
});

describe('parser directives', () => {
  it('reads syntax, escape and check at the top only', () => {
    const file = parseDockerfile('# syntax = docker/dockerfile:1 \n#ESCAPE=`\n  # check=skip=all\n# note\n# escape=\\\nFROM a `\n  AS b\n');
    expect(file.directives.map((d) => [d.name, d.value, d.line])).toEqual([
      ['syntax', 'docker/dockerfile:1', 1],
      ['escape', '`', 2],
      ['check', 'skip=all', 3],
    ]);
    expect(slice(file, file.directives[0].valueSpan)).toBe('docker/dockerfile:1');
    expect(file.escape).toBe('`');
    expect(file.nodes.map((n) => n.kind)).toEqual(['directive', 'directive', 'directive', 'comment', 'comment', 'instruction']);
    expect(dump(file)).toBe('(from "a" "AS" "b")\n');
    expect(file.diagnostics).toEqual([]);
  });

  it('ignores a directive after a comment, a blank line or an unknown key', () => {
    for (const head of ['# hello\n', '\n', '# foo=bar\n', 'FROM x\n']) {
      const file = parseDockerfile(head + '# escape=`\nFROM a `\n');
      expect(file.escape).toBe('\\');
      expect(file.directives.length).toBe(0);
    }
  });

  it('rejects a repeated directive and an escape other than ` or \\', () => {
    const twice = parseDockerfile('# escape=`\n# escape=\\\nFROM a\n');
    expect(twice.diagnostics.map((d) => [d.line, d.code, d.message])).toEqual([
      [2, 'ParseError', 'only one escape parser directive can be used'],
    ]);
    expect(twice.escape).toBe('`');
    const bad = parseDockerfile('# escape=x\nFROM a\n');
    expect(bad.diagnostics.map((d) => [d.line, d.code, d.message])).toEqual([
      [1, 'ParseError', "invalid escape token 'x' does not match ` or \\"],
    ]);
    expect(bad.escape).toBe('\\');
  });

  it('reads "# escape=" followed only by spaces as an escape of one space, as Go\'s regexp does', () => {
    const file = parseDockerfile('# escape=  \nFROM a\n');
    expect(file.directives.map((d) => d.value)).toEqual([' ']);
    expect(file.diagnostics.map((d) => d.message)).toEqual(["invalid escape token ' ' does not match ` or \\"]);
  });
});

describe('continuation lines', () => {
  it('drops comment lines and empty lines inside a continuation, warning once on the last line', () => {
    const text = 'FROM scratch\nCOPY a \\\n\n  # comment\n\n b\nRUN x\n';
    const file = parseDockerfile(text);
    expect(dump(file)).toBe('(from "scratch")\n(copy "a" "b")\n(run "x")\n');
    expect(file.instructions[1].endLine).toBe(6);
    expect(file.diagnostics.map((d) => [d.line, d.severity, d.code, d.message])).toEqual([
      [6, 'warning', 'NoEmptyContinuation', 'Empty continuation lines will become errors in a future release'],
    ]);
    expect(slice(file, file.diagnostics[0].span)).toBe('\n');
    expect(file.diagnostics[0].span.start).toBe(offsetAt(file, 3));
  });

  it('does not continue after an escaped escape character', () => {
    const file = parseDockerfile('RUN a \\\\\nRUN b\n');
    expect(dump(file)).toBe('(run "a \\\\\\\\")\n(run "b")\n');
  });

  it('accepts spaces and tabs after the escape character, and continues at end of file', () => {
    const file = parseDockerfile('RUN a \\ \t\n  b \\');
    expect(dump(file)).toBe('(run "a   b")\n');
  });

  it('spans a word broken by a continuation from its first to its last character', () => {
    const text = 'COPY --from=bu\\\nild /sr\\\n  c /dst\n';
    const file = parseDockerfile(text);
    const copy = file.instructions[0];
    expect(copy.flags[0].text).toBe('--from=build');
    expect(slice(file, copy.flags[0].span)).toBe('--from=bu\\\nild');
    expect(slice(file, copy.flags[0].valueSpan)).toBe('bu\\\nild');
    expect(copy.args.map((a) => a.value)).toEqual(['/sr', 'c', '/dst']);
    expect(copy.args.map((a) => slice(file, a.span))).toEqual(['/sr', 'c', '/dst']);
  });

  it('splits FROM and COPY words on BuildKit\'s [\\t\\v\\f\\r ] only, short words and long ones alike', () => {
    const long = 'registry.example.com/team/image:' + 'v'.repeat(40);
    const text = `FROM ${long}\v\f AS\tx\nCOPY a\u00a0b ${long}  /d\\\n${long}x /e\n`;
    const file = parseDockerfile(text);
    const [from, copy] = file.instructions;
    expect(from.args.map((a) => a.value)).toEqual([long, 'AS', 'x']);
    expect(copy.args.map((a) => a.value)).toEqual(['a\u00a0b', long, `/d${long}x`, '/e']);
    expect(copy.args.map((a) => slice(file, a.span))).toEqual(['a\u00a0b', long, `/d\\\n${long}x`, '/e']);
  });
});

describe('flags', () => {
  it('removes quotes and backslashes, keeps spans on the source', () => {
    const text = 'RUN --mount="type=cache,target=/a b" --network=no\\ne -- echo hi\n';
    const file = parseDockerfile(text);
    const run = file.instructions[0];
    expect(run.flags.map((f) => [f.text, f.name, f.value])).toEqual([
      ['--mount=type=cache,target=/a b', 'mount', 'type=cache,target=/a b'],
      ['--network=none', 'network', 'none'],
    ]);
    expect(run.flags.map((f) => slice(file, f.span))).toEqual(['--mount="type=cache,target=/a b"', '--network=no\\ne']);
    expect(run.flags.map((f) => slice(file, f.valueSpan))).toEqual(['"type=cache,target=/a b"', 'no\\ne']);
    expect(run.args.map((a) => a.value)).toEqual(['echo hi']);
  });

  it('reads flags byte by byte like BuildKit: non-ASCII becomes its UTF-8 bytes as Latin-1', () => {
    const file = parseDockerfile('COPY --chown=\u00e9 a b\n');
    expect(file.instructions[0].flags[0].text).toBe('--chown=\u00c3\u00a9');
    expect(dump(file)).toBe('(copy ["--chown=\u00c3\u00a9"] "a" "b")\n');
    // NBSP is C2 A0, and Go's byte-wise scan takes the byte A0 for a space.
    const nbsp = parseDockerfile('COPY --x=y\u00a0a b\n');
    expect(dump(nbsp)).toBe('(copy ["--x=y\u00c2"] "a" "b")\n');
    expect(slice(nbsp, nbsp.instructions[0].flags[0].span)).toBe('--x=y');
    expect(dump(parseDockerfile('COPY "--x=\u00a0" a b\n'))).toBe('(copy "\\"--x=\\u00a0\\"" "a" "b")\n');
    expect(dump(parseDockerfile('COPY --x="\u00a0" a b\n'))).toBe('(copy ["--x=\u00c2\\u00a0"] "a" "b")\n');
  });

  it('ends the flags at a bare "--", also at the end of the line', () => {
    expect(dump(parseDockerfile('COPY --a -- --b c\nCMD --x --\n'))).toBe('(copy ["--a"] "--b" "c")\n(cmd ["--x"])\n');
  });

  it('has a null value for a bare flag', () => {
    const file = parseDockerfile('COPY --link a b\n');
    expect(file.instructions[0].flags).toEqual([
      { text: '--link', name: 'link', value: null, span: { start: 5, end: 11 }, valueSpan: null },
    ]);
  });
});

describe('argument shapes', () => {
  it('reads the exec form and falls back to the shell form for invalid JSON', () => {
    const file = parseDockerfile('CMD ["a", "b\\u00e9"]\nCMD [\'a\']\nENTRYPOINT [ "x" ] \nRUN [1, "a"]\n');
    const [exec, shell, spaced] = file.instructions;
    expect(exec.json).toBe(true);
    expect(exec.args.map((a) => a.value)).toEqual(['a', 'bé']);
    expect(slice(file, exec.args[1].span)).toBe('b\\u00e9');
    expect(shell.json).toBe(false);
    expect(shell.args.map((a) => a.value)).toEqual(["['a']"]);
    expect(slice(file, spaced.args[0].span)).toBe('x');
    expect(file.diagnostics.map((d) => [d.line, d.code, d.message])).toEqual([
      [4, 'ParseError', 'when using JSON array syntax, arrays must be comprised of strings only'],
    ]);
  });

  it('splits ENV and LABEL into key, value and separator', () => {
    const text = 'ENV a=1 b="x y" \\\n  c=\nLABEL k v w\n';
    const file = parseDockerfile(text);
    const [env, label] = file.instructions;
    expect(env.args.map((a) => a.value)).toEqual(['a', '1', '=', 'b', '"x y"', '=', 'c', '', '=']);
    expect(env.args.map((a) => slice(file, a.span))).toEqual(['a', '1', null, 'b', '"x y"', null, 'c', '', null]);
    expect(label.args.map((a) => a.value)).toEqual(['k', 'v w', '']);
    expect(label.args.map((a) => slice(file, a.span))).toEqual(['k', 'v w', null]);
  });

  it('rejects ENV without a value and a word without "="', () => {
    const file = parseDockerfile('FROM a\nENV PATH\nENV a=b c\nLABEL x\n');
    expect(file.diagnostics.map((d) => [d.line, d.code, d.message])).toEqual([
      [2, 'ParseError', 'ENV must have two arguments'],
      [3, 'ParseError', 'Syntax error - can\'t find = in "c". Must be of the form: name=value'],
      [4, 'ParseError', 'LABEL must have two arguments'],
    ]);
  });

  it('nests the ONBUILD instruction with its own spans', () => {
    const text = 'onbuild  copy --from=x a b\n';
    const file = parseDockerfile(text);
    const onbuild = file.instructions[0];
    expect(dump(file)).toBe('(onbuild (copy ["--from=x"] "a" "b"))\n');
    expect(onbuild.cmd).toBe('onbuild');
    const inner = onbuild.inner!;
    expect(inner.keyword).toBe('copy');
    expect(slice(file, inner.keywordSpan)).toBe('copy');
    expect(slice(file, inner.span)).toBe('copy --from=x a b');
    expect(slice(file, inner.flags[0].valueSpan)).toBe('x');
    expect(inner.args.map((a) => slice(file, a.span))).toEqual(['a', 'b']);
  });
});

describe('heredocs', () => {
  it('keeps bodies out of the instructions, even when they look like instructions', () => {
    const text = 'FROM a\nRUN <<EOF\nFROM b\nEOF\nCOPY <<-"X" /x\n\tRUN y\n\tX\n';
    const file = parseDockerfile(text);
    expect(dump(file)).toBe('(from "a")\n(run "<<EOF")\n(copy "<<-\\"X\\"" "/x")\n');
    const [run, copy] = file.instructions.slice(1);
    expect(run.heredocs).toEqual([{ name: 'EOF', content: 'FROM b\n', expand: true, chomp: false, span: { start: 17, end: 27 } }]);
    expect(slice(file, run.heredocs[0].span)).toBe('FROM b\nEOF');
    expect(copy.heredocs.map((h) => [h.name, h.content, h.expand, h.chomp])).toEqual([['X', '\tRUN y\n', false, true]]);
    expect([copy.startLine, copy.endLine]).toEqual([5, 7]);
    expect(slice(file, copy.span)).toBe('COPY <<-"X" /x\n\tRUN y\n\tX');
  });

  it('recognises heredocs under ONBUILD but not in the exec form or for <<<', () => {
    const file = parseDockerfile('FROM a\nONBUILD RUN <<EOF\nx\nEOF\nRUN ["<<EOF"]\nRUN cat <<<EOF\n');
    expect(file.instructions.map((i) => i.heredocs.length)).toEqual([0, 1, 0, 0]);
    expect(file.instructions.length).toBe(4);
  });

  it('keeps CRLF inside bodies and matches the delimiter without it', () => {
    const file = parseDockerfile('FROM a\r\nRUN <<EOF\r\nx\r\nEOF\r\nRUN y\r\n');
    expect(file.instructions[1].heredocs[0].content).toBe('x\r\n');
    expect(file.instructions.length).toBe(3);
  });

  it('runs an unterminated heredoc to the end of the file and reports it', () => {
    const text = 'FROM a\nRUN <<EOF\necho\nFROM b\n';
    const file = parseDockerfile(text);
    expect(file.instructions.length).toBe(2);
    expect(file.instructions[1].heredocs[0].content).toBe('echo\nFROM b\n');
    expect(file.instructions[1].endLine).toBe(4);
    expect(file.diagnostics.map((d) => [d.line, d.severity, d.code, d.message])).toEqual([
      [2, 'error', 'ParseError', 'unterminated heredoc'],
    ]);
    expect(joined(file)).toBe(text);
  });
});

describe('instruction-level diagnostics', () => {
  it('reports an unknown keyword like BuildKit and dumps it with one empty argument', () => {
    const file = parseDockerfile('FROM a\nFOO bar\n');
    expect(dump(file)).toBe('(from "a")\n(foo "")\n');
    expect(file.diagnostics.map((d) => [d.line, d.code, d.message])).toEqual([[2, 'UnknownInstruction', 'unknown instruction: FOO (did you mean FROM?)']]);
    expect(slice(file, file.diagnostics[0].span)).toBe('FOO');
  });

  it('suggests a keyword fewer than three edits away, in the same case', () => {
    const file = parseDockerfile('FROM a\nRUNN x\ncopi a b\nWorkDir2 /x\nBADCMD\n');
    expect(file.diagnostics.map((d) => d.message)).toEqual([
      'unknown instruction: RUNN (did you mean RUN?)',
      'unknown instruction: copi (did you mean copy?)',
      'unknown instruction: WorkDir2 (did you mean workdir?)',
      'unknown instruction: BADCMD',
    ]);
  });

  it('checks argument counts', () => {
    const file = parseDockerfile('FROM\nFROM a b\nFROM a As b\nFROM a to b\nCOPY a\nWORKDIR\nONBUILD FROM x\n');
    expect(file.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [1, 'FROM requires either one or three arguments'],
      [2, 'FROM requires either one or three arguments'],
      [4, 'FROM requires either one or three arguments'],
      [5, 'COPY requires at least two arguments, but only one was provided. Destination could not be determined'],
      [6, 'WORKDIR requires exactly one argument'],
      [7, "FROM isn't allowed as an ONBUILD trigger"],
    ]);
  });

  it('treats keywords case-insensitively', () => {
    const file = parseDockerfile('from a AS b\nRun echo\ncoPY x y\n');
    expect(file.instructions.map((i) => i.cmd)).toEqual(['from', 'run', 'copy']);
    expect(file.instructions.map((i) => i.keyword)).toEqual(['from', 'Run', 'coPY']);
    expect(file.diagnostics).toEqual([]);
  });
});

describe('limits', () => {
  it('rejects a line longer than the 64 KiB BuildKit can read, counted in UTF-8 bytes', () => {
    const fits = parseDockerfile('FROM a\nRUN ' + 'x'.repeat(65536 - 5) + '\n');
    expect(fits.diagnostics).toEqual([]);
    const long = parseDockerfile('FROM a\nRUN ' + 'é'.repeat(33000) + '\nRUN b\n');
    expect(long.diagnostics.map((d) => [d.line, d.message])).toEqual([[2, 'dockerfile line greater than max allowed size of 65535']]);
    expect(long.instructions.length).toBe(3);
  });
});

describe('deep nesting', () => {
  it('follows Go: JSON nested up to 10,000 levels is valid (and not strings), deeper is no JSON', () => {
    const nested = (n: number) => parseDockerfile('CMD ["x", ' + '['.repeat(n) + ']'.repeat(n) + ']\n');
    expect(nested(9999).diagnostics.map((d) => d.message)).toEqual([
      'when using JSON array syntax, arrays must be comprised of strings only',
    ]);
    const deeper = nested(10000);
    expect(deeper.diagnostics).toEqual([]);
    expect(deeper.instructions[0].json).toBe(false);
  });

  it('nests ONBUILD to any depth without running out of stack', () => {
    const file = parseDockerfile('ONBUILD '.repeat(20000) + 'RUN x\n');
    let depth = 0;
    for (let i = file.instructions[0].inner; i; i = i.inner) depth++;
    expect(depth).toBe(20000);
    expect(dump(file).startsWith('(onbuild (onbuild (onbuild')).toBe(true);
    expect(dump(file).endsWith('(run "x")' + ')'.repeat(20000) + '\n')).toBe(true);
  });

  it('survives absurdly deep ${...} nesting in a heredoc line', () => {
    const file = parseDockerfile('RUN <<EOF ' + '${a:-'.repeat(50000) + '}'.repeat(50000) + '\nEOF\n');
    expect(file.instructions.length).toBe(2);
  });
});

describe('line helpers', () => {
  const file = parseDockerfile('FROM a\r\nRUN b\n\nCMD c');
  it('convert between offsets and 1-based lines', () => {
    expect(Array.from(file.lineStarts)).toEqual([0, 8, 14, 15]);
    expect([0, 7, 8, 13, 14, 15, 19, 99].map((o) => lineAt(file, o))).toEqual([1, 1, 2, 2, 3, 4, 4, 4]);
    expect([1, 2, 3, 4, 5, 0].map((l) => offsetAt(file, l))).toEqual([0, 8, 14, 15, 15, 0]);
    expect([1, 2, 3, 4].map((l) => lineEndAt(file, l))).toEqual([6, 13, 14, 20]);
    expect(positionAt(file, 10)).toEqual({ line: 2, column: 3 });
  });

  it('find every line start past the first guess of a line per 16 characters', () => {
    // 3,000 empty lines: the table starts with room for 16 + 3000/16 and doubles twice.
    const starts = computeLineStarts('\n'.repeat(3000));
    expect(starts.length).toBe(3001);
    expect(Array.from(starts)).toEqual(Array.from({ length: 3001 }, (_, i) => i));
    expect(Array.from(computeLineStarts(''))).toEqual([0]);
    expect(Array.from(computeLineStarts('a'.repeat(100) + '\n'))).toEqual([0, 101]);
  });
});

describe('locating nodes and instructions', () => {
  const text = '# c\nFROM a\nRUN <<EOF\nbody\nEOF\n\nCMD x';
  const file = parseDockerfile(text);
  it('finds the node under an offset', () => {
    expect([0, 3, 4, 10, 11, 30, text.length].map((o) => nodeAt(file, o)?.kind)).toEqual([
      'comment', 'comment', 'instruction', 'instruction', 'instruction', 'blank', 'instruction',
    ]);
    expect(nodeAt(parseDockerfile(''), 0)).toBeNull();
  });
  it('finds the instruction on a line, heredoc bodies included', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((l) => instructionAtLine(file, l)?.keyword ?? null)).toEqual([
      null, 'FROM', 'RUN', 'RUN', 'RUN', null, 'CMD', null,
    ]);
  });
});

describe('keywords', () => {
  const read = (keyword: string) => parseDockerfile(`FROM x\n${keyword} a\n`).instructions[1];

  it('knows every keyword in any case', () => {
    for (const cmd of KEYWORDS) {
      const upper = cmd.toUpperCase();
      const mixed = cmd[0].toUpperCase() + cmd.slice(1);
      for (const spelling of [cmd, upper, mixed]) {
        const instruction = read(spelling);
        expect([instruction.cmd, instruction.keyword]).toEqual([cmd, spelling]);
        expect(parseDockerfile(`FROM x\n${spelling} a\n`).diagnostics.map((d) => d.code)).not.toContain('UnknownInstruction');
      }
    }
  });

  it('does not take a longer, shorter or misspelt word for a keyword', () => {
    for (const cmd of KEYWORDS) {
      const misspelt = cmd.slice(0, -1) + (cmd.endsWith('x') ? 'y' : 'x');
      for (const word of [cmd + 'x', cmd.slice(0, -1), misspelt, cmd.toUpperCase() + '1', cmd.replace(/^./, '@')]) {
        if (KEYWORDS.includes(word.toLowerCase())) continue;
        expect(read(word).cmd, word).toBe(word.toLowerCase());
        expect(parseDockerfile(`FROM x\n${word} a\n`).diagnostics.map((d) => d.code), word).toContain('UnknownInstruction');
      }
    }
  });
});
