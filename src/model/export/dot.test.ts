import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { labelLines, parseDot } from './dotParse.test-util.ts';
import { toDot } from './dot.ts';
import { edge, hostileNames, sample, stage, type GraphOnly } from './fixtures.test-util.ts';

/** What dotText draws for characters that cannot be shown. */
const invisibleShown = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '\uFFFD');

describe('toDot', () => {
  test('draws stages, external images and edge kinds as a valid digraph', () => {
    const parsed = parseDot(toDot(sample));
    expect(parsed.graphAttrs).toMatchObject({ rankdir: 'LR', charset: 'UTF-8' });
    expect([...parsed.nodes].map(([id, attrs]) => [id, labelLines(attrs.label), attrs.shape ?? 'box'])).toEqual([
      ['s0', ['builder', 'golang:1.22', '--platform=$BUILDPLATFORM'], 'box'],
      ['s1', ['test', 'builder'], 'box'],
      ['s2', ['#2', 'gcr.io/distroless/static'], 'box'],
      ['i0', ['alpine:3.20'], 'ellipse'],
    ]);
    expect(parsed.edges.map((e) => [e.from, e.to, e.attrs.style, e.attrs.label])).toEqual([
      ['s0', 's1', 'solid', 'from'],
      ['s0', 's2', 'dashed', 'copy ×2'],
      ['i0', 's2', 'dashed', 'copy'],
      ['i0', 's0', 'dotted', 'mount'],
      ['s1', 's2', 'dotted', 'mount'],
    ]);
  });

  test('marks the target and the stages it skips', () => {
    // builtStages() gives an array; the store keeps a set. Both mean the same.
    const parsed = parseDot(toDot(sample, { target: { index: 0, built: [true, false, false] } }));
    expect(parsed.nodes.get('s0')).toMatchObject({ penwidth: '3' });
    for (const id of ['s1', 's2']) {
      expect(parsed.nodes.get(id)?.style).toContain('dashed');
      expect(parsed.nodes.get(id)?.tooltip).toMatch(/not built/);
    }
    expect(parsed.nodes.get('s0')?.style).toBeUndefined();
  });

  test('an empty analysis is still a valid digraph', () => {
    const parsed = parseDot(toDot({ stages: [], edges: [] }));
    expect(parsed.nodes.size).toBe(0);
  });

  test('edges that point outside the stages are left out rather than invented', () => {
    const parsed = parseDot(toDot({ stages: [stage(0, 'a', 'x')], edges: [edge(5, 0, 'copy'), edge(0, 9, 'from')] }));
    expect(parsed.edges).toEqual([]);
  });

  test.each(hostileNames)('hostile text %j survives as a literal label', (name) => {
    const analysis: GraphOnly = {
      stages: [stage(0, name, name), stage(1, 'final', 'scratch')],
      edges: [edge(name, 1, 'copy')],
    };
    const parsed = parseDot(toDot(analysis));
    // Control characters cannot be drawn; they show as U+FFFD.
    const visible = invisibleShown(name);
    expect([...parsed.nodes.values()].map((attrs) => labelLines(attrs.label))).toEqual([
      [visible, visible],
      ['final', 'scratch'],
      [visible],
    ]);
  });

  test('property: any names and images round-trip through the DOT parser', () => {
    const text = fc.string({
      unit: fc.oneof(fc.constantFrom(...'"\\n{}[];=-><# \u2028\u2029\u0085\u00a0'.split('')), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })),
      maxLength: 24,
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.option(text), text), { minLength: 1, maxLength: 5 }), text, (stages, image) => {
        const analysis: GraphOnly = {
          stages: stages.map(([name, base], index) => stage(index, name, base)),
          edges: [edge(image, 0, 'mount')],
        };
        const parsed = parseDot(toDot(analysis));
        const visible = invisibleShown;
        expect([...parsed.nodes.values()].map((attrs) => labelLines(attrs.label))).toEqual([
          ...stages.map(([name, base], index) => [visible(name ?? `#${index}`), visible(base)]),
          [visible(image)],
        ]);
      }),
      { numRuns: 300 },
    );
  });
});
