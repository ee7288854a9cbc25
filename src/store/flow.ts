// React Flow node and edge objects composed from the derived graph plus view
// state (positions, selection, measured sizes). An object is reused whenever
// nothing about it changed, so React Flow and the memo'd node components do no
// work for a keystroke that leaves the graph alone.
import type { Edge, Node } from '@xyflow/react';
import type { DerivedGraph, EdgeData, ImageNodeData, StageNodeData } from './graph.ts';
import type { XY } from './persistence.ts';

export type StageFlowNode = Node<StageNodeData, 'stage'>;
export type ImageFlowNode = Node<ImageNodeData, 'image'>;
export type FlowNode = StageFlowNode | ImageFlowNode;
export type FlowEdge = Edge<EdgeData, 'dependency'>;

export interface Size {
  width: number;
  height: number;
}

export interface ComposeInput {
  graph: DerivedGraph;
  /** Positions the user dragged. */
  dragged: Record<string, XY>;
  /** Positions from the automatic layout. */
  auto: Record<string, XY>;
  selectedNode: string | null;
  selectedEdge: string | null;
  measured: Record<string, Size>;
}

/** Nodes without a position yet (waiting for layout) are rendered invisibly so they can be measured. */
export const PENDING_CLASS = 'sw-pending';

export function composeNodes(prev: readonly FlowNode[], input: ComposeInput): FlowNode[] {
  const prevById = new Map(prev.map((n) => [n.id, n]));
  let changed = prev.length !== input.graph.nodes.length;
  const out = input.graph.nodes.map((g, i) => {
    const pos = input.dragged[g.id] ?? input.auto[g.id] ?? null;
    const position = pos ?? { x: 0, y: 0 };
    const selected = input.selectedNode === g.id;
    const size = input.measured[g.id];
    const className = pos ? undefined : PENDING_CLASS;
    const old = prevById.get(g.id);
    if (
      old &&
      old.data === g.data &&
      old.type === g.type &&
      old.position.x === position.x &&
      old.position.y === position.y &&
      !!old.selected === selected &&
      old.className === className &&
      old.measured?.width === size?.width &&
      old.measured?.height === size?.height
    ) {
      if (prev[i] !== old) changed = true;
      return old;
    }
    changed = true;
    const node = {
      id: g.id,
      type: g.type,
      data: g.data,
      position,
      selected,
      className,
      measured: size ? { width: size.width, height: size.height } : undefined,
      // Stage nodes take edges on the left and give on the right.
      deletable: false,
    } as FlowNode;
    return node;
  });
  return changed ? out : (prev as FlowNode[]);
}

/** An edge's data with its route, the same object for as long as both stay the same. */
const routedData = new WeakMap<EdgeData, { route: XY[]; data: EdgeData }>();

function withRoute(data: EdgeData, route: XY[] | undefined): EdgeData {
  if (route === undefined) return data;
  const cached = routedData.get(data);
  if (cached && cached.route === route) return cached.data;
  const routed = { ...data, route };
  routedData.set(data, { route, data: routed });
  return routed;
}

const NO_ROUTES: Record<string, XY[]> = {};

/** `routes`: the automatic layout's, by edge id (see canvas/layout.ts). */
export function composeEdges(prev: readonly FlowEdge[], graph: DerivedGraph, selectedEdge: string | null, routes = NO_ROUTES): FlowEdge[] {
  const prevById = new Map(prev.map((e) => [e.id, e]));
  let changed = prev.length !== graph.edges.length;
  const out = graph.edges.map((g, i) => {
    const selected = selectedEdge === g.id;
    const data = withRoute(g.data, routes[g.id]);
    const old = prevById.get(g.id);
    if (old && old.data === data && old.source === g.source && old.target === g.target && !!old.selected === selected) {
      if (prev[i] !== old) changed = true;
      return old;
    }
    changed = true;
    const edge: FlowEdge = {
      id: g.id,
      type: 'dependency',
      source: g.source,
      target: g.target,
      data,
      selected,
      deletable: false,
    };
    return edge;
  });
  return changed ? out : (prev as FlowEdge[]);
}
