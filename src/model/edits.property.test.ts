// Properties of every gesture: the edits touch nothing outside their ranges,
// and analysing the result gives exactly the intended graph. Checked on
// generated multi-stage Dockerfiles (fast-check) and exhaustively on every
// stage and edge of the real-world corpus.

import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dockerfile } from './graph/arbitrary.ts';
import { analyze, applyChange, applyEdits, deleteStage, type Analysis, type StageChange, type StageEdge, type TextEdit } from './index.ts';

const numRuns = process.env.CI ? 10_000 : 300;
const timeout = process.env.CI ? 600_000 : 60_000;

const corpusDir = new URL('../../../shared/corpus/real-world/', import.meta.url);
const corpus = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.Dockerfile'))
  .map((f) => [f, readFileSync(new URL(f, corpusDir), 'utf8')] as const);

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

/** Apply a change; null when it was refused (with a reason). */
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

// ---------------------------------------------------------------------------
// What each gesture must do to the graph. Each returns whether it applied.

function checkRename(text: string, a: Analysis, index: number): boolean {
  const out = run(text, a, { op: 'renameStage', index, name: 'renamed' });
  if (!out) return false;
  expect(out.after.edges).toEqual(a.edges);
  expect(out.after.stages.map((s) => s.name)).toEqual(a.stages.map((s, i) => (i === index ? 'renamed' : s.name)));
  return true;
}

function checkConnect(text: string, a: Analysis, source: number, target: number, src: string): boolean {
  const out = run(text, a, { op: 'connectStages', source, target, src, dest: '/in/' });
  if (!out) return false;
  expect(keys(out.after.edges)).toEqual([...keys(a.edges), key({ from: source, to: target, kind: 'copy' })].sort());
  expect(out.after.stages.length).toBe(a.stages.length);
  return true;
}

function checkRemoveConnection(text: string, a: Analysis, edge: number): boolean {
  const out = run(text, a, { op: 'removeConnection', edge });
  if (!out) return false;
  const expected = keys(a.edges);
  expected.splice(expected.indexOf(key(a.edges[edge])), 1);
  expect(keys(out.after.edges)).toEqual(expected);
  return true;
}

function checkDelete(text: string, a: Analysis, index: number): boolean {
  const r = deleteStage(text, a, index);
  if (!r.ok) throw new Error(r.reason);
  const result = applyEdits(text, r.edits);
  onlyRangesChanged(text, r.edits, result);
  const after = analyze(result);
  expect(after.stages.length).toBe(a.stages.length - 1);
  expect(keys(after.edges)).toEqual(remap(a.edges, (i) => (i === index ? null : i > index ? i - 1 : i)));
  expect(r.references.length).toBe(a.edges.filter((e) => e.from === index && e.to !== index).length);
  return true;
}

function checkAdd(text: string, a: Analysis, after: number): boolean {
  const out = run(text, a, { op: 'addStage', base: 'alpine:3', name: 'added', after });
  if (!out) return false;
  expect(out.after.stages.length).toBe(a.stages.length + 1);
  expect(out.after.stages[after + 1]).toMatchObject({ name: 'added', base: 'alpine:3' });
  expect(keys(out.after.edges)).toEqual(remap(a.edges, (i) => (i > after ? i + 1 : i)));
  return true;
}

function checkMove(text: string, a: Analysis, index: number, direction: 'up' | 'down'): boolean {
  const out = run(text, a, { op: 'moveStage', index, direction });
  if (!out) return false;
  const upper = direction === 'up' ? index - 1 : index;
  const swap = (i: number) => (i === upper ? upper + 1 : i === upper + 1 ? upper : i);
  expect(keys(out.after.edges)).toEqual(remap(a.edges, swap));
  expect(out.after.stages.map((s) => s.base)).toEqual(a.stages.map((_, i) => a.stages[swap(i)].base));
  return true;
}

function checkBase(text: string, a: Analysis, index: number): boolean {
  const out = run(text, a, { op: 'changeBase', index, image: 'debian:12' });
  if (!out) return false;
  expect(out.after.stages[index].base).toBe('debian:12');
  expect(keys(out.after.edges)).toEqual(keys(a.edges.filter((e) => !(e.kind === 'from' && e.to === index))));
  return true;
}

function checkPlatform(text: string, a: Analysis, index: number, platform: string | null): boolean {
  const out = run(text, a, { op: 'changePlatform', index, platform });
  if (!out) return false;
  expect(out.after.stages[index].platform).toBe(platform);
  expect(out.after.edges).toEqual(a.edges);
  return true;
}

// ---------------------------------------------------------------------------

describe('gestures on generated Dockerfiles', () => {
  const doc = dockerfile().map((text) => ({ text, a: analyze(text) }));
  const prop = <T,>(name: string, extra: fc.Arbitrary<T>, check: (text: string, a: Analysis, x: T) => void) =>
    it(name, () => fc.assert(fc.property(doc, extra, ({ text, a }, x) => check(text, a, x)), { numRuns }), timeout);

  prop('renameStage keeps every edge, line for line', fc.nat(), (text, a, n) => void checkRename(text, a, n % a.stages.length));
  prop('connectStages adds exactly one copy edge', fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('/out', '/my dir/x')), (text, a, [s, t, src]) =>
    void checkConnect(text, a, s % a.stages.length, t % a.stages.length, src),
  );
  prop('removeConnection removes exactly that edge', fc.nat(), (text, a, n) => {
    if (a.edges.length > 0) checkRemoveConnection(text, a, n % a.edges.length);
  });
  prop('deleteStage drops the stage and what touches it, and renumbers the rest', fc.nat(), (text, a, n) => void checkDelete(text, a, n % a.stages.length));
  prop('addStage inserts a stage and shifts the ones after it', fc.nat(), (text, a, n) => void checkAdd(text, a, (n % (a.stages.length + 1)) - 1));
  prop('moveStage swaps two stages and every edge follows them', fc.tuple(fc.nat(), fc.constantFrom('up' as const, 'down' as const)), (text, a, [n, d]) =>
    void checkMove(text, a, n % a.stages.length, d),
  );
  prop('changeBase and changePlatform touch only that stage', fc.tuple(fc.nat(), fc.constantFrom(null, 'linux/arm64', '$BUILDPLATFORM')), (text, a, [n, p]) => {
    checkBase(text, a, n % a.stages.length);
    checkPlatform(text, a, n % a.stages.length, p);
  });
});

describe('every gesture on every real-world stage and edge', () => {
  it.each(corpus)('%s', (_name, text) => {
    const a = analyze(text);
    const applied = { rename: 0, delete: 0, move: 0, remove: 0, connect: 0 };
    for (let i = 0; i < a.stages.length; i++) {
      if (checkRename(text, a, i)) applied.rename++;
      if (checkDelete(text, a, i)) applied.delete++;
      if (checkMove(text, a, i, 'down')) applied.move++;
      checkBase(text, a, i);
      checkPlatform(text, a, i, 'linux/arm64');
      if (i > 0 && checkConnect(text, a, i - 1, i, '/out')) applied.connect++;
    }
    for (let e = 0; e < a.edges.length; e++) if (checkRemoveConnection(text, a, e)) applied.remove++;
    checkAdd(text, a, -1);
    checkAdd(text, a, a.stages.length - 1);
    // Real files are not refused wholesale.
    expect(applied.delete).toBe(a.stages.length);
    expect(applied.remove).toBe(a.edges.length);
    expect(applied.rename).toBeGreaterThan(0);
  }, timeout);
});

describe('gestures never throw, even on damaged files', () => {
  /** Real files with random damage: inserted fragments, cut ranges. */
  const damaged = fc
    .tuple(
      fc.constantFrom(...corpus.map(([, text]) => text)),
      fc.array(
        fc.record({
          at: fc.nat(),
          cut: fc.nat(60),
          insert: fc.constantFrom('', '\\\n', '\n', 'FROM x AS y\n', ' AS ', '--from=0 ', '--mount=from=a,target=/t ', '"', '${', '<<EOF\n', '#'),
        }),
        { minLength: 1, maxLength: 5 },
      ),
    )
    .map(([text, damage]) =>
      damage.reduce((t, d) => {
        const at = d.at % (t.length + 1);
        return t.slice(0, at) + d.insert + t.slice(at + d.cut);
      }, text),
    );
  const anyChange = (a: Analysis): fc.Arbitrary<StageChange> => {
    const n = Math.max(a.stages.length, 1);
    const e = Math.max(a.edges.length, 1);
    return fc.oneof(
      fc.record({ op: fc.constant('addStage' as const), base: fc.constant('alpine'), name: fc.constant('added'), after: fc.integer({ min: -1, max: n - 1 }) }),
      fc.record({ op: fc.constant('renameStage' as const), index: fc.nat(n - 1), name: fc.constant('renamed') }),
      fc.record({ op: fc.constant('connectStages' as const), source: fc.nat(n - 1), target: fc.nat(n - 1), src: fc.constant('/a'), dest: fc.constant('/b') }),
      fc.record({ op: fc.constant('removeConnection' as const), edge: fc.nat(e - 1) }),
      fc.record({ op: fc.constant('deleteStage' as const), index: fc.nat(n - 1) }),
      fc.record({ op: fc.constant('changeBase' as const), index: fc.nat(n - 1), image: fc.constant('debian') }),
      fc.record({ op: fc.constant('changePlatform' as const), index: fc.nat(n - 1), platform: fc.constantFrom(null, 'linux/arm64') }),
      fc.record({ op: fc.constant('moveStage' as const), index: fc.nat(n - 1), direction: fc.constantFrom('up' as const, 'down' as const) }),
    );
  };
  it('returns edits that apply, or a reason', () => {
    fc.assert(
      fc.property(
        damaged.chain((text) => {
          const a = analyze(text);
          return anyChange(a).map((change) => ({ text, a, change }));
        }),
        ({ text, a, change }) => {
          const r = applyChange(text, a, change);
          if (!r.ok) {
            expect(r.reason).not.toBe('');
            return;
          }
          const result = applyEdits(text, r.edits);
          onlyRangesChanged(text, r.edits, result);
          analyze(result);
        },
      ),
      { numRuns },
    );
  }, timeout);
});
