// analyze() never throws, for any string: random text, generated
// multi-stage Dockerfiles, and real corpus files mutated at random. 10,000
// runs per property when CI is set.

import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dockerfile } from './graph/arbitrary.ts';
import { analyze, type Analysis } from './index.ts';

const numRuns = process.env.CI ? 10_000 : 300;
/** 10,000 analyses of real files take a while on a shared 2-core machine. */
const timeout = process.env.CI ? 600_000 : 60_000;

const corpusDir = new URL('../../../shared/corpus/real-world/', import.meta.url);
const corpus = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.Dockerfile'))
  .map((f) => readFileSync(new URL(f, corpusDir), 'utf8'));

/** The invariants every analysis keeps, whatever the input. */
function wellFormed(a: Analysis): void {
  // Lossless: the syntax tree's nodes cover the text exactly, in order.
  let pos = 0;
  for (const node of a.file.nodes) {
    expect(node.span.start).toBe(pos);
    pos = node.span.end;
  }
  expect(pos).toBe(a.file.text.length);
  expect(a.diagnostics.filter((d) => d.code === 'InternalError')).toEqual([]);
  expect(a.stageDetails).toHaveLength(a.stages.length);
  expect(a.edgeDetails).toHaveLength(a.edges.length);
  expect(a.diagnosticDetails).toHaveLength(a.diagnostics.length);
  a.stages.forEach((s, i) => {
    expect(s.index).toBe(i);
    expect(Object.keys(s)).toEqual(['index', 'name', 'base', 'platform', 'line']);
    if (i > 0) expect(s.line).toBeGreaterThan(a.stages[i - 1].line);
  });
  for (const e of a.edges) {
    expect(Object.keys(e)).toEqual(['from', 'to', 'kind', 'line']);
    expect(e.to).toBeGreaterThanOrEqual(0);
    expect(e.to).toBeLessThan(a.stages.length);
    if (typeof e.from === 'number') {
      expect(e.from).toBeGreaterThanOrEqual(0);
      expect(e.from).toBeLessThan(a.stages.length);
    }
    if (e.kind === 'from') expect(e.from).toBeLessThan(e.to);
  }
  for (const d of a.diagnostics) {
    expect(Object.keys(d)).toEqual(['line', 'severity', 'code', 'message']);
    expect(d.line).toBeGreaterThanOrEqual(1);
  }
  for (let i = 1; i < a.edges.length; i++) expect(a.edges[i].line).toBeGreaterThanOrEqual(a.edges[i - 1].line);
}

/** One random change to a text: insert, delete, duplicate or swap a piece. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('\\\n', '\n', '${', '"', "'", '<<EOF\n', 'FROM ', ' AS x', '--from=', '--mount=from=0,', '`', '\r', '#', '\uFEFF')) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.nat(40) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), length: fc.nat(200) }),
);

type Mutation = { op: 'insert'; at: number; text: string } | { op: 'delete' | 'duplicate'; at: number; length: number };

function mutate(text: string, x: Mutation): string {
  const at = text.length === 0 ? 0 : x.at % (text.length + 1);
  if (x.op === 'insert') return text.slice(0, at) + x.text + text.slice(at);
  if (x.op === 'delete') return text.slice(0, at) + text.slice(at + x.length);
  const piece = text.slice(at, at + x.length);
  return text.slice(0, at) + piece + text.slice(at);
}

describe('analyze never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('F', 'R', 'O', 'M', ' ', '\n', '\\', '$', '{', '}', '"', '<', 'E', '-', '=', '#', '`', 'a', '0', ',') })), (text) => {
        wellFormed(analyze(text));
      }),
      { numRuns },
    );
  }, timeout);

  it('on generated multi-stage Dockerfiles', () => {
    fc.assert(
      fc.property(dockerfile(), (text) => {
        wellFormed(analyze(text));
      }),
      { numRuns },
    );
  }, timeout);

  it('on mutated real-world files', () => {
    fc.assert(
      fc.property(fc.nat(corpus.length - 1), fc.array(mutation, { minLength: 1, maxLength: 6 }), (i, mutations) => {
        const text = mutations.reduce((t, m) => mutate(t, m), corpus[i]);
        wellFormed(analyze(text));
      }),
      { numRuns: process.env.CI ? 10_000 : 100 },
    );
  }, timeout);
});
