// Automatic layered layout: a pure function from node sizes and edges to
// top-left positions, left to right (a stage sits to the right of everything
// it depends on). Runs in a worker in the browser (./layoutClient.ts); tests
// call it directly.
import { Graph, layout } from '@dagrejs/dagre';

export interface LayoutNode {
  id: string;
  width: number;
  height: number;
}

export interface LayoutEdge {
  source: string;
  target: string;
}

export interface LayoutRequest {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
}

export type Positions = Record<string, { x: number; y: number }>;

export const NODE_GAP = 28;
export const RANK_GAP = 130;

export function computeLayout({ nodes, edges }: LayoutRequest): Positions {
  const g = new Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: NODE_GAP, ranksep: RANK_GAP, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  const ids = new Set<string>();
  for (const n of nodes) {
    ids.add(n.id);
    g.setNode(n.id, { width: Math.max(1, n.width), height: Math.max(1, n.height) });
  }
  edges.forEach((e, i) => {
    // A cycle or a self-reference is a diagnostic in the text; dagre copes with
    // cycles, but a self-loop adds nothing to the layout.
    if (e.source === e.target || !ids.has(e.source) || !ids.has(e.target)) return;
    g.setEdge(e.source, e.target, {}, `e${i}`);
  });
  layout(g);
  const out: Positions = {};
  for (const n of nodes) {
    const p = g.node(n.id) as { x: number; y: number } | undefined;
    // dagre gives centres; React Flow wants top-left corners.
    out[n.id] = p ? { x: Math.round(p.x - n.width / 2), y: Math.round(p.y - n.height / 2) } : { x: 0, y: 0 };
  }
  return out;
}
