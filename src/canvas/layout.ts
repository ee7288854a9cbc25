// Automatic layered layout: a pure function from node sizes and edges to
// top-left positions, left to right (a stage sits to the right of everything
// it depends on).
//
// Two engines behind one function:
// - dagre for ordinary graphs: it routes long edges around nodes (one dummy
//   node per rank an edge spans) and minimises crossings well;
// - for big or deep graphs, where those dummy nodes explode (a 50-stage file
//   whose stages each copy from a stage far back can need tens of thousands;
//   dagre then takes seconds and overflows a worker's stack), a direct layered
//   layout: longest-path ranks, barycentre ordering sweeps over real nodes
//   only, and columns packed by measured heights. Linear in nodes and edges.
// dagre also routes each edge that spans columns through the gaps between the
// nodes of the columns it crosses: those routes come back with the positions,
// and the canvas draws such an edge along its route rather than straight
// through the nodes in its way.
// Runs in a worker for big graphs (./layoutClient.ts); tests call it directly.
import { Graph, layout } from '@dagrejs/dagre';

export interface LayoutNode {
  id: string;
  width: number;
  height: number;
}

export interface LayoutEdge {
  /** The edge's id, for its route; an edge without one gets none. */
  id?: string;
  source: string;
  target: string;
}

export interface LayoutRequest {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
}

export type Positions = Record<string, { x: number; y: number }>;

/**
 * By edge id, the points an edge that spans columns passes between its two
 * ends (which are the nodes' handles, not part of the route), left to right.
 */
export type Routes = Record<string, { x: number; y: number }[]>;

export interface LayoutResult {
  positions: Positions;
  /** Empty for the direct layout, which places no edges. */
  routes: Routes;
}

export const NODE_GAP = 28;
/** Wide enough for a short COPY label between two columns. */
export const RANK_GAP = 190;

/** Past this many dummy nodes (ranks spanned by long edges) or real nodes, dagre gets too slow. */
const DAGRE_MAX_DUMMIES = 400;
const DAGRE_MAX_NODES = 80;

export function computeLayout(request: LayoutRequest): LayoutResult {
  const graph = indexGraph(request);
  const ranks = longestPathRanks(graph);
  let dummies = 0;
  for (const [s, t] of graph.edges) dummies += Math.max(0, Math.abs(ranks[t] - ranks[s]) - 1);
  if (graph.n <= DAGRE_MAX_NODES && dummies <= DAGRE_MAX_DUMMIES) return dagreLayout(request);
  return { positions: directLayout(request, graph, ranks), routes: {} };
}

interface IndexedGraph {
  n: number;
  /** Edges as [source, target] node indexes, self-loops and unknown ends dropped. */
  edges: [number, number][];
  preds: number[][];
  succs: number[][];
}

function indexGraph({ nodes, edges }: LayoutRequest): IndexedGraph {
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const preds: number[][] = nodes.map(() => []);
  const succs: number[][] = nodes.map(() => []);
  const out: [number, number][] = [];
  for (const e of edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    // A cycle or a self-reference is a diagnostic in the text; for layout a self-loop adds nothing.
    if (s === undefined || t === undefined || s === t) continue;
    out.push([s, t]);
    preds[t].push(s);
    succs[s].push(t);
  }
  return { n: nodes.length, edges: out, preds, succs };
}

/**
 * Rank = length of the longest dependency path leading to the node (Kahn's
 * order, iterative). Nodes on a cycle are released lowest index first, their
 * unprocessed incoming edges ignored.
 */
function longestPathRanks(g: IndexedGraph): number[] {
  const ranks = new Array<number>(g.n).fill(0);
  const indegree = g.preds.map((p) => p.length);
  const done = new Array<boolean>(g.n).fill(false);
  const queue: number[] = [];
  for (let i = 0; i < g.n; i++) if (indegree[i] === 0) queue.push(i);
  let processed = 0;
  let nextStuck = 0;
  while (processed < g.n) {
    if (queue.length === 0) {
      while (done[nextStuck]) nextStuck++;
      queue.push(nextStuck);
    }
    const v = queue.shift()!;
    if (done[v]) continue;
    done[v] = true;
    processed++;
    for (const w of g.succs[v]) {
      if (done[w]) continue;
      ranks[w] = Math.max(ranks[w], ranks[v] + 1);
      if (--indegree[w] === 0) queue.push(w);
    }
  }
  return ranks;
}

function dagreLayout({ nodes, edges }: LayoutRequest): LayoutResult {
  const g = new Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: NODE_GAP, ranksep: RANK_GAP, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  const ids = new Set<string>();
  for (const n of nodes) {
    ids.add(n.id);
    g.setNode(n.id, { width: Math.max(1, n.width), height: Math.max(1, n.height) });
  }
  edges.forEach((e, i) => {
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
  // dagre gives an edge its two end points on the nodes' borders and a point
  // in each half-column between: three points for neighbouring columns, where
  // a plain curve between the handles crosses no node; more for an edge that
  // passes other columns, whose inner points are its way through them.
  const routes: Routes = {};
  edges.forEach((e, i) => {
    if (e.id === undefined || !g.hasEdge(e.source, e.target, `e${i}`)) return;
    const points = (g.edge(e.source, e.target, `e${i}`) as { points?: { x: number; y: number }[] }).points;
    if (!points || points.length <= 3) return;
    routes[e.id] = points.slice(1, -1).map((p) => ({ x: Math.round(p.x), y: Math.round(p.y) }));
  });
  return { positions: out, routes };
}

const SWEEPS = 4;

function directLayout({ nodes }: LayoutRequest, g: IndexedGraph, ranks: number[]): Positions {
  const rankCount = ranks.reduce((m, r) => Math.max(m, r), 0) + 1;
  const columns: number[][] = Array.from({ length: rankCount }, () => []);
  // Initial order: file order within each rank.
  for (let i = 0; i < g.n; i++) columns[ranks[i]].push(i);

  const order = new Array<number>(g.n).fill(0);
  const renumber = (col: number[]) => col.forEach((v, i) => (order[v] = i / Math.max(1, col.length - 1)));
  columns.forEach(renumber);

  // Barycentre sweeps: sort each column by the mean relative position of its
  // neighbours in the columns already placed (left-to-right, then right-to-left).
  const sortBy = (col: number[], neighbours: number[][]) => {
    const key = new Map<number, number>();
    for (const v of col) {
      const ns = neighbours[v];
      if (ns.length === 0) key.set(v, order[v]);
      else {
        let sum = 0;
        for (const w of ns) sum += order[w];
        key.set(v, sum / ns.length);
      }
    }
    col.sort((a, b) => key.get(a)! - key.get(b)! || a - b);
    renumber(col);
  };
  for (let s = 0; s < SWEEPS; s++) {
    for (let r = 1; r < rankCount; r++) sortBy(columns[r], g.preds);
    for (let r = rankCount - 2; r >= 0; r--) sortBy(columns[r], g.succs);
  }

  // x: columns side by side, each as wide as its widest node.
  const xs = new Array<number>(rankCount).fill(0);
  for (let r = 1; r < rankCount; r++) {
    const widest = columns[r - 1].reduce((m, v) => Math.max(m, nodes[v].width), 0);
    xs[r] = xs[r - 1] + widest + RANK_GAP;
  }

  // y: each node as close as it can get to the mean centre of its
  // predecessors, in column order, without overlapping the one above.
  const centre = new Array<number>(g.n).fill(0);
  const out: Positions = {};
  for (let r = 0; r < rankCount; r++) {
    let bottom = -Infinity;
    const ys: number[] = [];
    for (const v of columns[r]) {
      const placed = g.preds[v].filter((w) => ranks[w] < r);
      const h = nodes[v].height;
      const wanted = placed.length > 0 ? placed.reduce((s, w) => s + centre[w], 0) / placed.length - h / 2 : bottom === -Infinity ? 0 : bottom;
      const y = Math.max(wanted, bottom === -Infinity ? -Infinity : bottom + NODE_GAP);
      ys.push(y);
      bottom = y + h;
    }
    columns[r].forEach((v, i) => {
      centre[v] = ys[i] + nodes[v].height / 2;
      out[nodes[v].id] = { x: Math.round(xs[r]), y: Math.round(ys[i]) };
    });
  }
  return out;
}
