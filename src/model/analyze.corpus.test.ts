// The stage graph against BuildKit's own reading of real files: every
// real-world/ and heredoc/ `.stages.json` in ../shared/corpus, and every
// Dockerfile example in ../shared/seeds.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from './index.ts';

const CORPUS = new URL('../../../shared/corpus/', import.meta.url);
const SEEDS = new URL('../../../shared/seeds/', import.meta.url);

function graphCases(folder: string): [string, string][] {
  const dir = new URL(`${folder}/`, CORPUS);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.stages.json'))
    .map((f) => [f.replace(/\.stages\.json$/, ''), new URL(f, dir).pathname]);
}

describe.each(['real-world', 'heredoc'])('%s stage graphs', (folder) => {
  const cases = graphCases(folder);
  it('has cases', () => expect(cases.length).toBeGreaterThan(folder === 'heredoc' ? 5 : 40));
  it.each(cases)('%s', (name, expectedPath) => {
    const expected = JSON.parse(readFileSync(expectedPath, 'utf8'));
    const text = readFileSync(expectedPath.replace(/\.stages\.json$/, '.Dockerfile'), 'utf8');
    const analysis = analyze(text);
    expect(analysis.stages).toEqual(expected.stages);
    expect(analysis.edges).toEqual(expected.edges);
    // Real files BuildKit builds carry no graph errors.
    const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
    expect(errors, name).toEqual([]);
    // Every edge's value span holds the reference as written; every stage's spans hold its parts.
    analysis.edges.forEach((e, i) => {
      const span = analysis.edgeDetails[i].valueSpan;
      const written = text.slice(span.start, span.end);
      if (e.kind === 'from') expect(written).toBe(analysis.stages[e.to].base);
      else if (typeof e.from === 'string') expect(written).toBe(e.from);
      else expect(written.toLowerCase()).toMatch(new RegExp(`^(${analysis.stages[e.from].name?.toLowerCase() ?? '-'}|${e.from})$`));
    });
    analysis.stageDetails.forEach((d, i) => {
      expect(text.slice(d.baseSpan.start, d.baseSpan.end)).toBe(analysis.stages[i].base);
      if (d.nameSpan) expect(text.slice(d.nameSpan.start, d.nameSpan.end)).toBe(analysis.stages[i].name);
      expect(text.slice(d.span.start, d.span.end).startsWith(d.fromInstruction.keyword)).toBe(true);
    });
    // Parallel arrays stay parallel.
    expect(analysis.stageDetails).toHaveLength(analysis.stages.length);
    expect(analysis.edgeDetails).toHaveLength(analysis.edges.length);
    expect(analysis.diagnosticDetails).toHaveLength(analysis.diagnostics.length);
  });
});

describe('real-world details', () => {
  it('resolves ARG-built bases and points edge spans at the reference', () => {
    const text = readFileSync(new URL('real-world/docker__cli__Dockerfile.Dockerfile', CORPUS), 'utf8');
    const a = analyze(text);
    const stage = a.stages.findIndex((s) => s.base === 'build-base-${BASE_VARIANT}');
    expect(a.stageDetails[stage].resolvedBase).toBe('build-base-alpine');
    expect(a.stageDetails[stage].baseStage).toBe(1);
    for (let i = 0; i < a.edges.length; i++) {
      const e = a.edges[i];
      const span = a.edgeDetails[i].valueSpan;
      const written = text.slice(span.start, span.end);
      if (e.kind === 'from') expect(written).toBe(a.stages[e.to].base);
      else if (typeof e.from === 'string') expect(written).toBe(e.from);
      else if (a.stages[e.from].name !== null) expect([a.stages[e.from].name, String(e.from)]).toContain(written);
    }
  });

  it('reads global ARG chains with ${VAR#pattern}', () => {
    const a = analyze(readFileSync(new URL('real-world/moby__moby__Dockerfile.Dockerfile', CORPUS), 'utf8'));
    expect(a.globalArgs.get('TARGETPLATFORM')).toBe('linux/amd64');
    expect(a.globalArgs.get('TARGETSTAGE')).toBe(a.stages[a.stages.length - 1].name ?? 'default');
    expect(a.stageDetails.find((d) => d.resolvedBase === 'delve-supported')).toBeDefined();
  });
});

// ---------------------------------------------------------------------------
// Seeds: the Dockerfile examples in the five seed texts.

function seed(file: string): string {
  return readFileSync(new URL(file, SEEDS), 'utf8');
}

/** Fenced code blocks (```dockerfile / ```Dockerfile / ```). */
function fencedBlocks(text: string): string[] {
  return [...text.matchAll(/^```[A-Za-z]*\n([\s\S]*?)^```/gm)].map((m) => m[1]);
}

/** Blocks written as ">>> " lines (004). */
function promptBlocks(text: string): string[] {
  const blocks: string[] = [];
  let current: string[] | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('>>> ')) (current ??= []).push(line.slice(4));
    else if (current) {
      blocks.push(current.join('\n') + '\n');
      current = null;
    }
  }
  if (current) blocks.push(current.join('\n') + '\n');
  return blocks;
}

/** Lines `from` through `to` (inclusive, 1-based) of an unmarked example (001). */
function lines(text: string, from: number, to: number): string {
  return text.split('\n').slice(from - 1, to).join('\n') + '\n';
}

type Shape = { name: string | null; base: string }[];
const shape = (text: string) => analyze(text).stages.map((s) => ({ name: s.name, base: s.base }));
/** Errors only: the lint pass rightly warns about style (e.g. FromAsCasing for `FROM x as y`). */
const codes = (text: string) =>
  analyze(text).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.code}`);

describe('seed examples', () => {
  it('000: python builder, then a heredoc Go build copied by index', () => {
    const [python, go] = fencedBlocks(seed('000_232ccda771ac7c2f.txt'));
    expect(shape(python)).toEqual<Shape>([
      { name: 'builder', base: 'python:3.8' },
      { name: null, base: 'python:3.8-slim' },
    ]);
    expect(analyze(python).edges).toEqual([{ from: 0, to: 1, kind: 'copy', line: 18 }]);
    expect(codes(python)).toEqual([]);

    expect(shape(go)).toEqual<Shape>([
      { name: null, base: 'golang:1.21' },
      { name: null, base: 'scratch' },
    ]);
    const a = analyze(go);
    expect(a.edges).toEqual([{ from: 0, to: 1, kind: 'copy', line: 16 }]);
    expect(a.stageDetails[0].instructions.map((i) => i.cmd)).toEqual(['workdir', 'copy', 'run']);
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('001: builder copied into scratch; FROM scratch alone', () => {
    const text = seed('001_fe8b55dbb39ddfab.txt');
    const all = text.split('\n');
    const start = all.indexOf('# Stage 1: Build Stage') + 1;
    const end = all.indexOf('CMD ["/bin/hello"]') + 1;
    const builder = lines(text, start, end);
    expect(shape(builder)).toEqual<Shape>([
      { name: 'builder', base: 'golang:1.21' },
      { name: null, base: 'scratch' },
    ]);
    expect(analyze(builder).edges.map((e) => [e.from, e.to, e.kind])).toEqual([[0, 1, 'copy']]);
    expect(codes(builder)).toEqual([]);

    const scratchAt = all.indexOf('FROM scratch', end) + 1;
    const minimal = lines(text, scratchAt, scratchAt + 2);
    expect(shape(minimal)).toEqual<Shape>([{ name: null, base: 'scratch' }]);
    expect(analyze(minimal).edges).toEqual([]);
  });

  it('002: node builder copied into scratch; inline # text is not a comment', () => {
    const [node] = fencedBlocks(seed('002_7d92d68cd08ea5c8.txt'));
    expect(shape(node)).toEqual<Shape>([
      { name: 'builder', base: 'node:16-alpine' },
      { name: null, base: 'scratch' },
    ]);
    const a = analyze(node);
    expect(a.edges).toEqual([{ from: 0, to: 1, kind: 'copy', line: 15 }]);
    // BuildKit reads "# Copy only the build artifacts" as more COPY sources.
    expect(a.edgeDetails[0].paths).toEqual(['/app/build', '.', '#', 'Copy', 'only', 'the', 'build', 'artifacts']);
    // Its mistakes are flagged (by the lint pass analyze() runs): the inline "#" on the COPY,
    // and CMD ["npm", "start"] in a scratch image that has no npm.
    const flagged = new Set(a.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.line));
    expect(flagged.has(15)).toBe(true);
    expect(flagged.has(17)).toBe(true);
  });

  it('003: `FROM ubuntu AS build  # ...` is rejected, the graph still shows', () => {
    const [go] = fencedBlocks(seed('003_3a2485b3def765b8.txt'));
    const a = analyze(go);
    expect(shape(go)).toEqual<Shape>([
      { name: 'build', base: 'ubuntu' },
      { name: null, base: 'scratch' },
    ]);
    expect(a.edges).toEqual([{ from: 0, to: 1, kind: 'copy', line: 22 }]);
    const fromErrors = a.diagnostics.filter((d) => d.message === 'FROM requires either one or three arguments');
    expect(fromErrors.map((d) => [d.line, d.severity])).toEqual([
      [5, 'error'],
      [19, 'error'],
    ]);
    expect(codes(go)).toEqual(expect.arrayContaining(['5:ParseError', '19:ParseError']));
  });

  it('004: the documentation example by index and by name', () => {
    const [byIndex, byName] = promptBlocks(seed('004_07716e5dda3f07ad.txt'));
    expect(shape(byIndex)).toEqual<Shape>([
      { name: null, base: 'golang:1.21' },
      { name: null, base: 'scratch' },
    ]);
    expect(analyze(byIndex).edges).toEqual([{ from: 0, to: 1, kind: 'copy', line: 12 }]);
    expect(shape(byName)).toEqual<Shape>([
      { name: 'build', base: 'golang:1.21' },
      { name: null, base: 'scratch' },
    ]);
    expect(analyze(byName).edges).toEqual([{ from: 0, to: 1, kind: 'copy', line: 12 }]);
    expect(codes(byName)).toEqual([]);
  });
});
