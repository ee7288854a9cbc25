// Hand-built analyses for the export tests: the formatters read only the
// public contract (stages and edges), so these need nothing else.
import type { Analysis, Stage, StageEdge } from '../types.ts';

export type GraphOnly = Pick<Analysis, 'stages' | 'edges'>;

export function stage(index: number, name: string | null, base: string, platform: string | null = null): Stage {
  return { index, name, base, platform, line: index * 3 + 1 };
}

export function edge(from: number | string, to: number, kind: StageEdge['kind'], line = 1): StageEdge {
  return { from, to, kind, line };
}

/** builder (golang) and a distroless final stage: a FROM edge, copies, an external image, a cache mount. */
export const sample: GraphOnly = {
  stages: [
    stage(0, 'builder', 'golang:1.22', '$BUILDPLATFORM'),
    stage(1, 'test', 'builder'),
    stage(2, null, 'gcr.io/distroless/static'),
  ],
  edges: [
    edge(0, 1, 'from', 4),
    edge(0, 2, 'copy', 8),
    edge(0, 2, 'copy', 9),
    edge('alpine:3.20', 2, 'copy', 10),
    edge('alpine:3.20', 0, 'mount', 2),
    edge(1, 2, 'mount', 11),
  ],
};

/** Strings that break naive escaping in one format or another. */
export const hostileNames = [
  'say "hi"',
  '<script>alert(1)</script>',
  '#quot; &amp; &lt;',
  '%%{init: {"securityLevel": "loose"}}%%',
  'style:fill#f00;',
  'classDef x fill:#f00;',
  'back\\slash\\n\\"',
  'tab\there\nnewline\r',
  'ünïcødé 構築 🐳 שלום',
  '`markdown` **bold**',
  'pipe|bar; semi] brace} paren)',
  'end',
  'ﬂ°°60¶ß',
  '-->',
  '',
];
