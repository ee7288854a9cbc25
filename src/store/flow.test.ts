import { describe, expect, it } from 'vitest';
import { analyze } from '../model/index.ts';
import { deriveGraph } from './graph.ts';
import { composeEdges, composeNodes, PENDING_CLASS, type ComposeInput } from './flow.ts';

const graph = deriveGraph(analyze('FROM a AS x\nFROM x AS y\nFROM y AS z\nCOPY --from=x / /\n'));

function input(patch: Partial<ComposeInput> = {}): ComposeInput {
  return { graph, dragged: {}, auto: {}, selectedNode: null, selectedEdge: null, measured: {}, ...patch };
}

describe('composeNodes', () => {
  it('renders nodes without a position as pending, at the origin', () => {
    const nodes = composeNodes([], input());
    expect(nodes.map((n) => n.className)).toEqual([PENDING_CLASS, PENDING_CLASS, PENDING_CLASS]);
  });

  it('prefers a dragged position over the automatic one', () => {
    const nodes = composeNodes([], input({ auto: { x: { x: 1, y: 2 }, y: { x: 3, y: 4 } }, dragged: { x: { x: 50, y: 60 } } }));
    expect(nodes[0].position).toEqual({ x: 50, y: 60 });
    expect(nodes[1].position).toEqual({ x: 3, y: 4 });
    expect(nodes[1].className).toBeUndefined();
    expect(nodes[2].className).toBe(PENDING_CLASS);
  });

  it('returns the same array when nothing changed, and only new objects for what changed', () => {
    const auto = { x: { x: 0, y: 0 }, y: { x: 300, y: 0 }, z: { x: 600, y: 0 } };
    const a = composeNodes([], input({ auto }));
    expect(composeNodes(a, input({ auto }))).toBe(a);
    const b = composeNodes(a, input({ auto, selectedNode: 'y' }));
    expect(b).not.toBe(a);
    expect(b[0]).toBe(a[0]);
    expect(b[1]).not.toBe(a[1]);
    expect(b[1].selected).toBe(true);
    expect(b[2]).toBe(a[2]);
    const c = composeNodes(b, input({ auto, selectedNode: 'y', measured: { z: { width: 10, height: 20 } } }));
    expect(c[2].measured).toEqual({ width: 10, height: 20 });
    expect(c[0]).toBe(b[0]);
  });
});

describe('composeEdges', () => {
  it('reuses edges and marks the selected one', () => {
    const a = composeEdges([], graph, null);
    expect(a.map((e) => e.type)).toEqual(['dependency', 'dependency', 'dependency']);
    expect(composeEdges(a, graph, null)).toBe(a);
    const b = composeEdges(a, graph, a[2].id);
    expect(b[2].selected).toBe(true);
    expect(b[0]).toBe(a[0]);
  });

  it("gives an edge the layout's route, the same data object while it holds", () => {
    // x -> z (COPY --from=x) spans a column; the layout routed it.
    const long = graph.edges.find((e) => e.source === 'x' && e.target === 'z')!;
    const route = [{ x: 10, y: 20 }, { x: 30, y: 20 }];
    const routes = { [long.id]: route };
    const a = composeEdges([], graph, null, routes);
    expect(a.find((e) => e.id === long.id)!.data?.route).toBe(route);
    expect(a.filter((e) => e.data?.route !== undefined)).toHaveLength(1);
    expect(composeEdges(a, graph, null, routes)).toBe(a);
    // A new layout without the route: only that edge changes.
    const b = composeEdges(a, graph, null, {});
    expect(b.find((e) => e.id === long.id)!.data?.route).toBeUndefined();
    expect(b[0]).toBe(a[0]);
  });
});
