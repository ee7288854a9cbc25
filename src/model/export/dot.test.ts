import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { parse, type ASTNode } from '@ts-graphviz/ast';
import { toDot } from './dot.ts';
import { edge, hostileNames, sample, stage, type GraphOnly } from './fixtures.test-util.ts';

type Attrs = Record<string, string>;
interface ParsedDot {
  graphAttrs: Attrs;
  nodes: Map<string, Attrs>;
  edges: Array<{ from: string; to: string; attrs: Attrs }>;
}

// The parser removes the quotes and the \" escapes; the rest of a label's
// escapes are Graphviz's (\\ is a backslash, \n a centred line break).
function labelLines(value: string): string[] {
  const lines = [''];
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '\\' && i + 1 < value.length) {
      const next = value[++i];
      if (next === 'n') lines.push('');
      else lines[lines.length - 1] += next;
    } else lines[lines.length - 1] += ch;
  }
  return lines;
}

function attrsOf(node: ASTNode): Attrs {
  const attrs: Attrs = {};
  for (const child of node.children) {
    if (child.type === 'Attribute') attrs[child.key.value] = child.value.value;
  }
  return attrs;
}

function parseDot(source: string): ParsedDot {
  const dot = parse(source);
  const graph = dot.children.find((child) => child.type === 'Graph');
  if (!graph || graph.type !== 'Graph') throw new Error('no graph');
  expect(graph.directed).toBe(true);
  const parsed: ParsedDot = { graphAttrs: {}, nodes: new Map(), edges: [] };
  for (const statement of graph.children) {
    if (statement.type === 'Attribute') parsed.graphAttrs[statement.key.value] = statement.value.value;
    if (statement.type === 'Node') parsed.nodes.set(statement.id.value, attrsOf(statement));
    if (statement.type === 'Edge') {
      const [from, to] = statement.targets.map((target) => (target.type === 'NodeRef' ? target.id.value : '?'));
      parsed.edges.push({ from, to, attrs: attrsOf(statement) });
    }
  }
  return parsed;
}

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
    const visible = name.replace(/[\u0000-\u001f\u007f]/g, '\uFFFD');
    expect([...parsed.nodes.values()].map((attrs) => labelLines(attrs.label))).toEqual([
      [visible, visible],
      ['final', 'scratch'],
      [visible],
    ]);
  });

  test('property: any names and images round-trip through the DOT parser', () => {
    const text = fc.string({
      unit: fc.oneof(fc.constantFrom(...'"\\n{}[];=-><# '.split('')), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })),
      maxLength: 24,
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.option(text), text), { minLength: 1, maxLength: 5 }), text, (stages, image) => {
        const analysis: GraphOnly = {
          stages: stages.map(([name, base], index) => stage(index, name, base)),
          edges: [edge(image, 0, 'mount')],
        };
        const parsed = parseDot(toDot(analysis));
        const visible = (s: string) => s.replace(/[\u0000-\u001f\u007f]/g, '\uFFFD');
        expect([...parsed.nodes.values()].map((attrs) => labelLines(attrs.label))).toEqual([
          ...stages.map(([name, base], index) => [visible(name ?? `#${index}`), visible(base)]),
          [visible(image)],
        ]);
      }),
      { numRuns: 300 },
    );
  });
});
