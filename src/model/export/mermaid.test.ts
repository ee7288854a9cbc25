// @vitest-environment jsdom
// Mermaid's parser sanitises labels with DOMPurify, which needs a DOM (happy-dom
// loses the text before the first <br>, jsdom does not).
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import mermaid from 'mermaid';
import { toMermaid } from './mermaid.ts';
import { edge, hostileNames, sample, stage, type GraphOnly } from './fixtures.test-util.ts';

interface ParsedVertex {
  id: string;
  lines: string[];
  type: string;
  classes: string[];
}
interface ParsedEdge {
  start: string;
  end: string;
  text: string;
  stroke: string;
}

// Mermaid keeps entity codes as placeholders (see its encodeEntities) until it
// renders; turn them back into characters the way the browser would.
function decodeMermaidText(text: string): string {
  return text
    .replace(/\uFB02\u00B0\u00B0(\d+)\u00B6\u00DF/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/\uFB02\u00B0(\w+)\u00B6\u00DF/g, (whole, name: string) => ({ quot: '"', amp: '&', lt: '<', gt: '>' })[name] ?? whole);
}

// Mermaid cannot draw an empty label: the export writes a zero-width space.
const shown = (label: string) => (label === '' ? '\u200B' : label);

async function parseFlowchart(source: string): Promise<{ vertices: ParsedVertex[]; edges: ParsedEdge[]; type: string }> {
  // parse() also registers the diagram types getDiagramFromText needs.
  await mermaid.parse(source);
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(source);
  // The flowchart database is not in Mermaid's public types.
  const db = diagram.db as unknown as {
    getVertices(): Map<string, { id: string; text: string; type: string; classes: string[] }>;
    getEdges(): Array<{ start: string; end: string; text: string; stroke: string }>;
  };
  return {
    type: diagram.type,
    vertices: [...db.getVertices().values()].map((v) => ({
      id: v.id,
      lines: v.text.split(/<br\s*\/?>/).map(decodeMermaidText),
      type: v.type,
      classes: v.classes,
    })),
    edges: db.getEdges().map((e) => ({ start: e.start, end: e.end, text: e.text, stroke: e.stroke })),
  };
}

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
      unit: fc.oneof(fc.constantFrom(...'"#<>&`\\|;%{}[]()-.:=/\n\t¶ﬂ°ß'.split('')), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })),
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
          ...stages.map(([name, base], index) => [name ?? `#${index}`, base]),
          [shown(image)],
        ];
        expect(parsed.vertices.map((v) => v.lines)).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});
