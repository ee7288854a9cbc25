import { describe, expect, it } from 'vitest';
import { heredocsFromLine, parseHeredocWord } from './heredoc';
import { parseDockerfile } from './parse';

// Heredoc detection against the expectations of BuildKit's own heredoc tests
// (frontend/dockerfile/parser/parser_heredoc_test.go): which words open a
// heredoc, with what name, and whether the body is expanded.

describe('heredoc words', () => {
  it.each(['<<EOF', "<<'EOF'", '<<"EOF"', '<<-EOF', "<<-'EOF'", '<<-"EOF"', '<<EO"F"', '<< EOF', '<<- EOF'])(
    '%s opens a heredoc named EOF',
    (word) => {
      const h = parseHeredocWord(word);
      expect(h && 'name' in h ? h.name : h).toBe('EOF');
    },
  );

  it.each(['', 'EOF', '<<', '<<-', '<EOF', '<<<EOF', '<<EOF sh'])('%j opens no heredoc', (word) => {
    expect(parseHeredocWord(word)).toBeNull();
  });

  it.each(["<<'EOF", '<<"EOF', "<<EOF'", '<<EOF"'])('%s is an error', (word) => {
    expect(parseHeredocWord(word)).toHaveProperty('error');
  });

  it.each([
    ['RUN <<EOF', ['EOF']],
    ['RUN <<-EOF', ['EOF']],
    // Upstream lists EOF here, but its loop checks nothing when no heredoc is
    // found: the lexer splits "<<-" from "EOF", so BuildKit opens none.
    ['RUN <<- EOF', []],
    ['RUN << -EOF', ['-EOF']],
    ["RUN <<'EOF'", ['EOF']],
    ['RUN 4<<EOF', ['EOF']],
    ['RUN <<EOF <<EOF2', ['EOF', 'EOF2']],
    ["RUN '<<EOF'", []],
    ['RUN "<<EOF"', []],
    ['RUN cat <<<EOF', []],
    ['RUN <<  EOF  > foo', ['EOF']],
  ])('%s opens %j', (line, names) => {
    const found = heredocsFromLine(line);
    expect('headers' in found ? found.headers.map((h) => h.name) : found).toEqual(names);
  });
});

describe('heredoc bodies in a Dockerfile', () => {
  const text = [
    'FROM alpine:3.6',
    'ENV NAME=me',
    'RUN ls',
    'USER <<INVALID',
    'INVALID',
    'RUN <<EMPTY',
    'EMPTY',
    'RUN 3<<EMPTY2',
    'EMPTY2',
    'RUN "<<NOHEREDOC"',
    'RUN <<INDENT',
    '\tfoo',
    '\tbar',
    'INDENT',
    'RUN <<-UNINDENT2',
    '\tbaz',
    '\tquux',
    '\tUNINDENT2',
    "RUN <<-'NOEXPAND'",
    "\tdon't expand $NAME",
    'NOEXPAND',
    'RUN <<COMMENT',
    '# internal comment',
    'echo foo bar # trailing comment',
    'COMMENT',
    'RUN --mount=type=cache,target=/foo <<MOUNT',
    'echo hello',
    'MOUNT',
    'COPY <<X <<Y /dest',
    'Y',
    'X',
    'X',
    'Y',
    'RUN <<COMPLEX python3',
    "print('hello world')",
    'COMPLEX',
    'COPY <<file.txt /dest',
    'hello world',
    'file.txt',
    "RUN <<eo'f'",
    'echo foo',
    'eof',
    "RUN <<eo\\'f",
    'echo foo',
    "eo'f",
    "RUN <<'e'o\\'f",
    'echo foo',
    "eo'f",
    "RUN <<'one two'",
    'echo bar',
    'one two',
    'RUN <<$EOF',
    '$EOF',
    'RUN <<  EOF',
    'EOF',
    'RUN <<  EOF  > foo',
    'EOF',
    'RUN ["<<EOF"]',
    '',
  ].join('\n');
  const file = parseDockerfile(text);
  const heredocs = file.instructions.map((i) => i.heredocs.map((h) => [h.name, h.content, h.expand, h.chomp]));

  it('reads every instruction, heredoc bodies excluded', () => {
    expect(file.instructions.map((i) => i.keyword)).toEqual([
      'FROM', 'ENV', 'RUN', 'USER', 'INVALID', 'RUN', 'RUN', 'RUN', 'RUN', 'RUN', 'RUN', 'RUN', 'RUN', 'COPY', 'RUN',
      'COPY', 'RUN', 'RUN', 'RUN', 'RUN', 'RUN', 'RUN', 'RUN', 'RUN',
    ]);
  });

  it('gives each heredoc its name, raw body, expansion and chomp flags', () => {
    expect(heredocs).toEqual([
      [],
      [],
      [],
      [],
      [],
      [['EMPTY', '', true, false]],
      [['EMPTY2', '', true, false]],
      [],
      [['INDENT', '\tfoo\n\tbar\n', true, false]],
      [['UNINDENT2', '\tbaz\n\tquux\n', true, true]],
      [['NOEXPAND', "\tdon't expand $NAME\n", false, true]],
      [['COMMENT', '# internal comment\necho foo bar # trailing comment\n', true, false]],
      [['MOUNT', 'echo hello\n', true, false]],
      [['X', 'Y\n', true, false], ['Y', 'X\n', true, false]],
      [['COMPLEX', "print('hello world')\n", true, false]],
      [['file.txt', 'hello world\n', true, false]],
      [['eof', 'echo foo\n', false, false]],
      [["eo'f", 'echo foo\n', true, false]],
      [["eo'f", 'echo foo\n', false, false]],
      [['one two', 'echo bar\n', false, false]],
      [['$EOF', '', true, false]],
      [['EOF', '', true, false]],
      [['EOF', '', true, false]],
      [],
    ]);
    expect(file.diagnostics.map((d) => [d.line, d.code])).toEqual([[5, 'UnknownInstruction']]);
  });
});
