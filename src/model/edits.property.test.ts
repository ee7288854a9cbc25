// Properties of every gesture on generated multi-stage Dockerfiles: the
// edits touch nothing outside their ranges, and analysing the result gives
// exactly the intended graph.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dockerfile } from './graph/arbitrary.ts';
import { analyze, applyChange, applyEdits, deleteStage, type Analysis, type StageChange, type StageEdge, type TextEdit } from './index.ts';

const numRuns = process.env.CI ? 10_000 : 300;
const timeout = process.env.CI ? 600_000 : 60_000;

/** Every byte outside the edited ranges is where the edits say it is. */
function onlyRangesChanged(text: string, edits: TextEdit[], result: string): void {
  let delta = 0;
  let pos = 0;
  for (const e of edits) {
    expect(e.start).toBeGreaterThanOrEqual(pos);
    expect(e.end).toBeGreaterThanOrEqual(e.start);
    expect(result.slice(pos + delta, e.start + delta)).toBe(text.slice(pos, e.start));
    expect(result.slice(e.start + delta, e.start + delta + e.text.length)).toBe(e.text);
    delta += e.text.length - (e.end - e.start);
    pos = e.end;
  }
  expect(pos).toBeLessThanOrEqual(text.length);
  expect(result.slice(pos + delta)).toBe(text.slice(pos));
}

type Key = string;
const key = (e: Pick<StageEdge, 'from' | 'to' | 'kind'>): Key => `${typeof e.from === 'number' ? e.from : `image:${e.from}`}->${e.to}:${e.kind}`;
const keys = (edges: Pick<StageEdge, 'from' | 'to' | 'kind'>[]) => edges.map(key).sort();

/** The old edges with stage indexes mapped (null drops the edge). */
function remap(edges: StageEdge[], map: (i: number) => number | null): Key[] {
  const out: Key[] = [];
  for (const e of edges) {
    const to = map(e.to);
    const from = typeof e.from === 'number' ? map(e.from) : e.from;
    if (to === null || from === null) continue;
    out.push(key({ from, to, kind: e.kind }));
  }
  return out.sort();
}

function run(text: string, a: Analysis, change: StageChange): { result: string; after: Analysis } | null {
  const r = applyChange(text, a, change);
  if (!r.ok) {
    expect(r.reason.length).toBeGreaterThan(0);
    return null;
  }
  const result = applyEdits(text, r.edits);
  onlyRangesChanged(text, r.edits, result);
  return { result, after: analyze(result) };
}

const withStage = (gen: (count: number) => fc.Arbitrary<StageChange>) =>
  dockerfile().chain((text) => {
    const a = analyze(text);
    return gen(a.stages.length).map((change) => ({ text, a, change }));
  });

describe('gestures on generated Dockerfiles', () => {
  it('renameStage keeps every edge, line for line', () => {
    fc.assert(
      fc.property(withStage((n) => fc.record({ op: fc.constant('renameStage' as const), index: fc.nat(n - 1), name: fc.constant('renamed') })), ({ text, a, change }) => {
        const out = run(text, a, change);
        if (!out) return;
        const index = (change as { index: number }).index;
        expect(out.after.edges).toEqual(a.edges);
        expect(out.after.stages.map((s) => s.name)).toEqual(a.stages.map((s, i) => (i === index ? 'renamed' : s.name)));
      }),
      { numRuns },
    );
  }, timeout);

  it('connectStages adds exactly one copy edge', () => {
    fc.assert(
      fc.property(
        withStage((n) => fc.record({ op: fc.constant('connectStages' as const), source: fc.nat(n - 1), target: fc.nat(n - 1), src: fc.constantFrom('/out', '/my dir/x'), dest: fc.constant('/in/') })),
        ({ text, a, change }) => {
          const out = run(text, a, change);
          if (!out) return;
          const c = change as { source: number; target: number };
          expect(keys(out.after.edges)).toEqual([...keys(a.edges), key({ from: c.source, to: c.target, kind: 'copy' })].sort());
          expect(out.after.stages.length).toBe(a.stages.length);
        },
      ),
      { numRuns },
    );
  }, timeout);

  it('removeConnection removes exactly that edge', () => {
    fc.assert(
      fc.property(dockerfile(), fc.nat(), (text, pick) => {
        const a = analyze(text);
        if (a.edges.length === 0) return;
        const edge = pick % a.edges.length;
        const out = run(text, a, { op: 'removeConnection', edge });
        if (!out) return;
        const expected = keys(a.edges);
        expected.splice(expected.indexOf(key(a.edges[edge])), 1);
        expect(keys(out.after.edges)).toEqual(expected);
      }),
      { numRuns },
    );
  }, timeout);

  it('deleteStage drops the stage and what touches it, and renumbers the rest', () => {
    fc.assert(
      fc.property(dockerfile(), fc.nat(), (text, pick) => {
        const a = analyze(text);
        const index = pick % a.stages.length;
        const r = deleteStage(text, a, index);
        if (!r.ok) throw new Error(r.reason);
        const result = applyEdits(text, r.edits);
        onlyRangesChanged(text, r.edits, result);
        const after = analyze(result);
        expect(after.stages.length).toBe(a.stages.length - 1);
        expect(keys(after.edges)).toEqual(remap(a.edges, (i) => (i === index ? null : i > index ? i - 1 : i)));
        expect(r.references.length).toBe(a.edges.filter((e) => e.from === index && e.to !== index).length);
      }),
      { numRuns },
    );
  }, timeout);

  it('addStage inserts a stage and shifts the ones after it', () => {
    fc.assert(
      fc.property(dockerfile(), fc.nat(), (text, pick) => {
        const a = analyze(text);
        const after = (pick % (a.stages.length + 1)) - 1;
        const out = run(text, a, { op: 'addStage', base: 'alpine:3', name: 'added', after });
        if (!out) return;
        expect(out.after.stages.length).toBe(a.stages.length + 1);
        expect(out.after.stages[after + 1]).toMatchObject({ name: 'added', base: 'alpine:3' });
        expect(keys(out.after.edges)).toEqual(remap(a.edges, (i) => (i > after ? i + 1 : i)));
      }),
      { numRuns },
    );
  }, timeout);

  it('moveStage swaps two stages and every edge follows them', () => {
    fc.assert(
      fc.property(withStage((n) => fc.record({ op: fc.constant('moveStage' as const), index: fc.nat(n - 1), direction: fc.constantFrom('up' as const, 'down' as const) })), ({ text, a, change }) => {
        const out = run(text, a, change);
        if (!out) return;
        const c = change as { index: number; direction: 'up' | 'down' };
        const upper = c.direction === 'up' ? c.index - 1 : c.index;
        const swap = (i: number) => (i === upper ? upper + 1 : i === upper + 1 ? upper : i);
        expect(keys(out.after.edges)).toEqual(remap(a.edges, swap));
        expect(out.after.stages.map((s) => s.base)).toEqual(a.stages.map((_, i) => a.stages[swap(i)].base));
      }),
      { numRuns },
    );
  }, timeout);

  it('changeBase and changePlatform touch only that stage', () => {
    fc.assert(
      fc.property(
        withStage((n) =>
          fc.oneof(
            fc.record({ op: fc.constant('changeBase' as const), index: fc.nat(n - 1), image: fc.constant('debian:12') }),
            fc.record({ op: fc.constant('changePlatform' as const), index: fc.nat(n - 1), platform: fc.constantFrom(null, 'linux/arm64', '$BUILDPLATFORM') }),
          ),
        ),
        ({ text, a, change }) => {
          const out = run(text, a, change);
          if (!out) return;
          if (change.op === 'changeBase') {
            expect(out.after.stages[change.index].base).toBe('debian:12');
            expect(keys(out.after.edges)).toEqual(keys(a.edges.filter((e) => !(e.kind === 'from' && e.to === change.index))));
          } else if (change.op === 'changePlatform') {
            expect(out.after.stages[change.index].platform).toBe(change.platform);
            expect(out.after.edges).toEqual(a.edges);
          }
        },
      ),
      { numRuns },
    );
  }, timeout);
});
