// Mermaid flowchart of the stage graph.
//
// Labels go inside "..." strings, where Mermaid reads `#name;` / `#123;` as
// entity codes and renders the text as HTML. So every character that could
// end the string, start an entity, open a tag or start a Markdown string is
// written as a numeric entity; everything else, Unicode included, stays as is.
// Mermaid also scans the whole source before parsing: `%%{...}%%` anywhere is
// a config directive (a Dockerfile must not be able to set securityLevel), a
// line matching /style.*:\S*#.*;/ loses its last ";", and U+FB02 starts its
// internal entity placeholder. Those are escaped too.

import type { Analysis, EdgeKind } from '../types.ts';
import { exportGraph, type GraphExportOptions } from './graph.ts';

const ARROW: Record<EdgeKind, string> = {
  from: '-->',
  copy: '-.->',
  mount: '-.->',
};

// Mermaid has only solid, dotted and thick links; linkStyle tells copy (dashed)
// from mount (dotted) apart.
const LINK_STYLE: Record<EdgeKind, string> = {
  from: 'stroke-width:2px',
  copy: 'stroke-dasharray: 8 4',
  mount: 'stroke-dasharray: 2 3',
};

const CLASS_DEFS = [
  'classDef image fill:#eef6ff,stroke:#4a78b0',
  'classDef target stroke-width:3px',
  'classDef skipped fill:#f4f4f4,stroke:#9a9a9a,stroke-dasharray: 4 4,color:#8a8a8a',
];

const NEEDS_ENTITY = /["#<>&`\\|;%\u00b6\ufb02\u2028\u2029]/;

/** Text for inside a Mermaid "..." string, shown literally. */
export function mermaidText(text: string): string {
  let out = '';
  // Mermaid trims labels: whitespace at either end must be an entity to survive.
  const first = text.search(/\S/);
  const keepFrom = first === -1 ? text.length : first;
  const keepTo = first === -1 ? text.length : text.trimEnd().length;
  let offset = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const edge = offset < keepFrom || offset >= keepTo;
    offset += ch.length;
    if ((code >= 0x80 && code < 0xa0) || (code >= 0xd800 && code <= 0xdfff)) {
      // HTML reads &#128;-&#159; as Windows-1252 characters, and a lone surrogate
      // has no character at all: show the replacement character instead.
      out += '#65533;';
    } else if (code < 0x20 || code === 0x7f || NEEDS_ENTITY.test(ch) || (edge && /\s/.test(ch))) {
      out += `#${code};`;
    } else {
      out += ch;
    }
  }
  return out.replace(/style/g, '#115;tyle').replace(/classDef/g, '#99;lassDef');
}

// Mermaid rejects an empty string; a zero-width space keeps an empty name drawable.
const label = (lines: string[]) => lines.map(mermaidText).join('<br/>') || '#8203;';

export function toMermaid(analysis: Pick<Analysis, 'stages' | 'edges'>, options: GraphExportOptions = {}): string {
  const graph = exportGraph(analysis, options);
  const out: string[] = ['%% Stage graph of a Dockerfile, exported by Stagewright', `flowchart ${graph.direction}`];

  for (const stage of graph.stages) {
    out.push(`  ${stage.id}["${label(stage.lines)}"]`);
  }
  for (const image of graph.images) {
    out.push(`  ${image.id}(["${label([image.image])}"])`);
  }

  const styleByKind = new Map<EdgeKind, number[]>();
  graph.edges.forEach((edge, position) => {
    out.push(`  ${edge.from} ${ARROW[edge.kind]}|"${mermaidText(edge.label)}"| ${edge.to}`);
    const positions = styleByKind.get(edge.kind) ?? [];
    positions.push(position);
    styleByKind.set(edge.kind, positions);
  });
  for (const [kind, positions] of styleByKind) {
    out.push(`  linkStyle ${positions.join(',')} ${LINK_STYLE[kind]}`);
  }

  out.push(...CLASS_DEFS.map((line) => `  ${line}`));
  const classed = (name: string, ids: string[]) => {
    if (ids.length > 0) out.push(`  class ${ids.join(',')} ${name}`);
  };
  classed('image', graph.images.map((image) => image.id));
  classed('target', graph.stages.filter((stage) => stage.isTarget).map((stage) => stage.id));
  classed('skipped', graph.stages.filter((stage) => stage.skipped).map((stage) => stage.id));
  return out.join('\n') + '\n';
}
