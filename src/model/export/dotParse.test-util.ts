// Reading DOT back with @ts-graphviz/ast's parser, for the export tests.
import { expect } from 'vitest';
import { parse, type ASTNode } from '@ts-graphviz/ast';

export type Attrs = Record<string, string>;
export interface ParsedDot {
  graphAttrs: Attrs;
  nodes: Map<string, Attrs>;
  edges: Array<{ from: string; to: string; attrs: Attrs }>;
}

// The parser removes the quotes and the \" escapes; the rest of a label's
// escapes are Graphviz's (\\ is a backslash, \n a centred line break).
export function labelLines(value: string): string[] {
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

export function parseDot(source: string): ParsedDot {
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
