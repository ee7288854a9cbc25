import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dump } from './dump';
import { parseDockerfile } from './parse';

// BuildKit's own parser tests and the project corpus (../shared/corpus, beside
// the repository): every expected AST dump, line range and heredoc body.

const corpus = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));
const read = (rel: string) => readFileSync(corpus + rel, 'utf8');
const list = (rel: string) => readdirSync(corpus + rel).sort();

describe('buildkit-parser testfiles dump exactly like BuildKit', () => {
  // BuildKit's parser accepts every case; its instructions layer (which we
  // also apply) rejects three HEALTHCHECK forms in the health case.
  const instructionErrors: Record<string, number[]> = { health: [4, 7, 10] };
  const cases = list('buildkit-parser').filter((c) => existsSync(`${corpus}buildkit-parser/${c}/result`));
  it('has the 33 upstream cases', () => expect(cases.length).toBe(33));
  for (const c of cases) {
    it(c, () => {
      const file = parseDockerfile(read(`buildkit-parser/${c}/Dockerfile`));
      expect(dump(file)).toBe(read(`buildkit-parser/${c}/result`));
      const errors = file.diagnostics.filter((d) => d.severity === 'error');
      expect(errors.map((d) => d.line)).toEqual(instructionErrors[c] ?? []);
    });
  }
});

describe('real-world Dockerfiles dump exactly like BuildKit', () => {
  const names = list('real-world').filter((f) => f.endsWith('.Dockerfile'));
  it('has the 46 files', () => expect(names.length).toBe(46));
  for (const name of names) {
    it(name, () => {
      const file = parseDockerfile(read(`real-world/${name}`));
      expect(dump(file)).toBe(read(`real-world-ast/${name.replace(/\.Dockerfile$/, '.result')}`));
      // BuildKit's parser and instructions layer accept all of them.
      expect(file.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    });
  }
});

interface ExpectedInstruction {
  keyword: string;
  startLine: number;
  endLine: number;
  flags: string[];
  args: string[];
  heredocs: { name: string; content: string; expand: boolean; chomp: boolean }[];
}

describe('heredoc cases', () => {
  const names = list('heredoc').filter((f) => f.endsWith('.Dockerfile'));
  it('has the 8 cases', () => expect(names.length).toBe(8));
  for (const name of names) {
    const base = name.replace(/\.Dockerfile$/, '');
    it(`${base} dumps like BuildKit`, () => {
      expect(dump(parseDockerfile(read(`heredoc/${name}`)))).toBe(read(`heredoc/${base}.result`));
    });
    it(`${base} has BuildKit's instructions, lines and heredoc bodies`, () => {
      const file = parseDockerfile(read(`heredoc/${name}`));
      const expected = JSON.parse(read(`heredoc/${base}.instructions.json`)) as ExpectedInstruction[];
      const actual: ExpectedInstruction[] = file.instructions.map((i) => ({
        keyword: i.keyword,
        startLine: i.startLine,
        endLine: i.endLine,
        flags: i.flags.map((f) => f.text),
        args: i.args.map((a) => a.value),
        heredocs: i.heredocs.map((h) => ({ name: h.name, content: h.content, expand: h.expand, chomp: h.chomp })),
      }));
      expect(actual).toEqual(expected);
      expect(file.diagnostics).toEqual([]);
    });
  }
});

describe('line numbers (upstream TestParseIncludesLineNumbers)', () => {
  it('matches expected-lines.json', () => {
    const file = parseDockerfile(read('buildkit-parser-lines/testfile-line/Dockerfile'));
    const expected = JSON.parse(read('buildkit-parser-lines/testfile-line/expected-lines.json')) as {
      root: [number, number];
      children: [number, number][];
    };
    const children = file.instructions.map((i) => [i.startLine, i.endLine]);
    expect(children).toEqual(expected.children);
    expect([children[0][0], children[children.length - 1][1]]).toEqual(expected.root);
  });
});

describe('buildkit-parser-negative cases are rejected', () => {
  const expectedCodes: Record<string, string> = {
    empty_dockerfile: 'NoInstructions',
    only_comments: 'NoInstructions',
    env_no_value: 'ParseError',
    'shykes-nested-json': 'ParseError',
  };
  const cases = list('buildkit-parser-negative');
  it('has the 4 upstream cases', () => expect(cases).toEqual(Object.keys(expectedCodes).sort()));
  for (const c of cases) {
    it(c, () => {
      const file = parseDockerfile(read(`buildkit-parser-negative/${c}/Dockerfile`));
      const errors = file.diagnostics.filter((d) => d.severity === 'error');
      expect(errors.map((d) => d.code)).toEqual([expectedCodes[c]]);
    });
  }
});

describe('buildkit-lint inputs', () => {
  // Of BuildKit's 88 check-test Dockerfiles, only these two concern the parser:
  // one empty continuation line (reported on the instruction's last line) and
  // one unknown instruction, which BuildKit reports as a parse error on line 4.
  const expected: Record<string, string[]> = {
    'testNoEmptyContinuation#1': ['6:warning:NoEmptyContinuation'],
    'testWarningsBeforeError#1': ['4:error:UnknownInstruction:unknown instruction: BADCMD'],
  };
  const cases = JSON.parse(read('buildkit-lint/cases.json')) as { test: string; dockerfile: string }[];
  it('has the 88 cases', () => expect(cases.length).toBe(88));
  it('gives parser diagnostics exactly where BuildKit does', () => {
    const found: Record<string, string[]> = {};
    for (const c of cases) {
      const diagnostics = parseDockerfile(c.dockerfile).diagnostics.map((d) =>
        d.severity === 'error' ? `${d.line}:${d.severity}:${d.code}:${d.message}` : `${d.line}:${d.severity}:${d.code}`,
      );
      if (diagnostics.length > 0) found[c.test] = diagnostics;
    }
    expect(found).toEqual(expected);
  });
});
