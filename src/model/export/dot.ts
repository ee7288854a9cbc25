// Graphviz DOT of the stage graph.
//
// Every label is a double-quoted DOT string. Inside one only `"` must be
// escaped, but Graphviz gives a backslash meaning in labels (\n, \l, \N, \G ...),
// so a literal backslash is doubled; line breaks in our labels are the
// centred-line escape \n. Graphviz reads the file as UTF-8, so Unicode stays.

import type { Analysis, EdgeKind } from '../types.ts';
import { exportGraph, type GraphExportOptions } from './graph.ts';

const EDGE_STYLE: Record<EdgeKind, string> = {
  from: 'solid',
  copy: 'dashed',
  mount: 'dotted',
};

/** One label line as the inside of a DOT "..." string. */
export function dotText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    // Control characters, Unicode line separators and lone surrogates cannot be shown;
    // a visible stand-in keeps the label honest.
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0) || code === 0x2028 || code === 0x2029 || (code >= 0xd800 && code <= 0xdfff)) {
      out += '\uFFFD';
    }
    else out += ch;
  }
  return out;
}

const quoted = (text: string) => `"${dotText(text)}"`;
const label = (lines: string[]) => `"${lines.map(dotText).join('\\n')}"`;

function attributes(list: Array<[string, string]>): string {
  return `[${list.map(([key, value]) => `${key}=${value}`).join(', ')}]`;
}

export function toDot(analysis: Pick<Analysis, 'stages' | 'edges'>, options: GraphExportOptions = {}): string {
  const graph = exportGraph(analysis, options);
  const out: string[] = [
    '// Stage graph of a Dockerfile, exported by Stagewright',
    'digraph stages {',
    `  rankdir=${graph.direction};`,
    '  charset="UTF-8";',
    '  node [shape=box, style="rounded", fontname="Helvetica"];',
    '  edge [fontname="Helvetica", fontsize=10];',
  ];

  for (const stage of graph.stages) {
    const attrs: Array<[string, string]> = [['label', label(stage.lines)]];
    if (stage.skipped) {
      attrs.push(['style', '"rounded,dashed,filled"'], ['fillcolor', '"#f4f4f4"'], ['color', '"#9a9a9a"'], ['fontcolor', '"#8a8a8a"']);
      attrs.push(['tooltip', quoted(`${stage.title}: not built for the chosen target`)]);
    }
    if (stage.isTarget) attrs.push(['penwidth', '3'], ['tooltip', quoted(`${stage.title}: build target`)]);
    out.push(`  ${stage.id} ${attributes(attrs)};`);
  }
  for (const image of graph.images) {
    out.push(`  ${image.id} ${attributes([['label', quoted(image.image)], ['shape', 'ellipse'], ['style', '"filled"'], ['fillcolor', '"#eef6ff"']])};`);
  }
  for (const edge of graph.edges) {
    out.push(`  ${edge.from} -> ${edge.to} ${attributes([['label', quoted(edge.label)], ['style', EDGE_STYLE[edge.kind]]])};`);
  }
  out.push('}');
  return out.join('\n') + '\n';
}
