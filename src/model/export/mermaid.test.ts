// @vitest-environment jsdom
// Mermaid's parser sanitises labels with DOMPurify, which needs a DOM (happy-dom
// loses the text before the first <br>, jsdom does not).
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import mermaid from 'mermaid';
import { parseFlowchart, shown } from './mermaidParse.test-util.ts';
import { toMermaid } from './mermaid.ts';
import { edge, hostileNames, sample, stage, type GraphOnly } from './fixtures.test-util.ts';

/** C1 control characters cannot be written as HTML entities; the export shows U+FFFD. */
const c1Shown = (text: string) => text.replace(/[\u0080-\u009f]/g, '\uFFFD');

describe('toMermaid', () => {
  test('draws stages, external images and edge kinds in valid flowchart syntax', async () => {
    const source = toMermaid(sample);
    await expect(mermaid.parse(source)).resolves.toMatchObject({ diagramType: 'flowchart-v2' });
    const parsed = await parseFlowchart(source);

    expect(parsed.vertices.map((v) => [v.id, v.type, v.lines])).toEqual([
      ['s0', 'square', ['builder', 'golang:1.22', '--platform=$BUILDPLATFORM']],
      ['s1', 'square', ['test', 'builder']],
      ['s2', 'square', ['#2', 'gcr.io/distroless/static']],
      ['i0', 'stadium', ['alpine:3.20']],
    ]);
    expect(parsed.vertices.find((v) => v.id === 'i0')?.classes).toContain('image');

    // The two COPY --from=builder lines become one arrow that says so.
    expect(parsed.edges).toEqual([
      { start: 's0', end: 's1', text: 'from', stroke: 'normal' },
      { start: 's0', end: 's2', text: 'copy ×2', stroke: 'dotted' },
      { start: 'i0', end: 's2', text: 'copy', stroke: 'dotted' },
      { start: 'i0', end: 's0', text: 'mount', stroke: 'dotted' },
      { start: 's1', end: 's2', text: 'mount', stroke: 'dotted' },
    ]);
    // Copy and mount share Mermaid's dotted link; their dash patterns tell them apart.
    expect(source).toContain('linkStyle 1,2 stroke-dasharray: 8 4');
    expect(source).toContain('linkStyle 3,4 stroke-dasharray: 2 3');
  });

  test('marks the target and the stages it skips', async () => {
    const source = toMermaid(sample, { target: { index: 1, built: new Set([0, 1]) } });
    const parsed = await parseFlowchart(source);
    const classes = Object.fromEntries(parsed.vertices.map((v) => [v.id, v.classes]));
    expect(classes).toEqual({ s0: [], s1: ['target'], s2: ['skipped'], i0: ['image'] });
  });

  test('without a target nothing is skipped', async () => {
    const parsed = await parseFlowchart(toMermaid(sample));
    expect(parsed.vertices.filter((v) => v.classes.includes('skipped'))).toEqual([]);
  });

  test('an empty analysis is still a valid flowchart', async () => {
    const source = toMermaid({ stages: [], edges: [] });
    await expect(mermaid.parse(source)).resolves.toBeTruthy();
  });

  test('direction TB', async () => {
    expect(toMermaid(sample, { direction: 'TB' })).toMatch(/^flowchart TB$/m);
  });

  test.each(hostileNames)('hostile text %j survives as a literal label', async (name) => {
    const analysis: GraphOnly = {
      stages: [stage(0, name, name), stage(1, 'final', 'scratch')],
      edges: [edge(name, 1, 'copy'), edge(0, 1, 'mount')],
    };
    const source = toMermaid(analysis);
    // No directive, comment or tag can come out of a label.
    expect(source.split('\n').filter((line) => line.includes('%%'))).toHaveLength(1);
    expect(source).not.toMatch(/<(?!br\/>)/);
    const parsed = await parseFlowchart(source);
    expect(parsed.vertices.map((v) => v.lines)).toEqual([[name, name], ['final', 'scratch'], [shown(name)]]);
  });

  test('a directive in a label does not configure Mermaid', async () => {
    const evil = '%%{init: {"securityLevel": "loose", "theme": "dark"}}%%';
    const source = toMermaid({ stages: [stage(0, evil, evil)], edges: [] });
    const result = await mermaid.parse(source);
    expect(result).toMatchObject({ config: {} });
  });

  test('property: any names and images round-trip through the Mermaid parser', async () => {
    const text = fc.string({
      unit: fc.oneof(fc.constantFrom(...'"#<>&`\\|;%{}[]()-.:=/\n\t¶ﬂ°ß \u00a0\u3000\ufeff\u2028\u2029\u0085'.split('')), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })),
      maxLength: 24,
    });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.option(text), text), { minLength: 1, maxLength: 4 }), text, async (stages, image) => {
        const analysis: GraphOnly = {
          stages: stages.map(([name, base], index) => stage(index, name, base)),
          edges: [edge(image, 0, 'copy')],
        };
        const parsed = await parseFlowchart(toMermaid(analysis));
        const expected = [
          ...stages.map(([name, base], index) => [name ?? `#${index}`, base].map(c1Shown)),
          [shown(c1Shown(image))],
        ];
        expect(parsed.vertices.map((v) => v.lines)).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});
