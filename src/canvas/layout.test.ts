import { describe, expect, it } from 'vitest';
import { computeLayout, type LayoutNode } from './layout.ts';

function overlaps(a: { x: number; y: number }, an: LayoutNode, b: { x: number; y: number }, bn: LayoutNode): boolean {
  return a.x < b.x + bn.width && b.x < a.x + an.width && a.y < b.y + bn.height && b.y < a.y + an.height;
}

describe('computeLayout', () => {
  it('puts every stage to the right of what it depends on', () => {
    const nodes = [
      { id: 'base', width: 260, height: 120 },
      { id: 'build', width: 260, height: 200 },
      { id: 'test', width: 260, height: 80 },
      { id: 'image:busybox', width: 180, height: 40 },
      { id: 'final', width: 260, height: 100 },
    ];
    const edges = [
      { source: 'base', target: 'build' },
      { source: 'build', target: 'test' },
      { source: 'build', target: 'final' },
      { source: 'image:busybox', target: 'final' },
    ];
    const p = computeLayout({ nodes, edges }).positions;
    for (const e of edges) {
      const source = nodes.find((n) => n.id === e.source)!;
      expect(p[e.source].x + source.width).toBeLessThan(p[e.target].x);
    }
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        expect(overlaps(p[nodes[i].id], nodes[i], p[nodes[j].id], nodes[j])).toBe(false);
      }
    }
  });

  it('copes with cycles, self-references and edges to unknown nodes', () => {
    const nodes = [
      { id: 'a', width: 100, height: 50 },
      { id: 'b', width: 100, height: 50 },
    ];
    const p = computeLayout({
      nodes,
      edges: [
        { source: 'a', target: 'b' },
        { source: 'b', target: 'a' },
        { source: 'a', target: 'a' },
        { source: 'ghost', target: 'a' },
      ],
    }).positions;
    expect(Object.keys(p).sort()).toEqual(['a', 'b']);
    expect(overlaps(p.a, nodes[0], p.b, nodes[1])).toBe(false);
  });

  it('is a pure function of its input', () => {
    const req = {
      nodes: Array.from({ length: 30 }, (_, i) => ({ id: `s${i}`, width: 200, height: 60 + (i % 4) * 20 })),
      edges: Array.from({ length: 29 }, (_, i) => ({ source: `s${Math.floor(i / 2)}`, target: `s${i + 1}` })),
    };
    expect(computeLayout(req)).toEqual(computeLayout(structuredClone(req)));
  });

  it('lays out a deep 500-stage graph with long edges quickly, in dependency order, without overlaps', () => {
    // Each stage builds on the previous one and copies from one far back: the
    // shape that makes dummy-node layouts explode.
    const nodes = Array.from({ length: 500 }, (_, i) => ({ id: `s${i}`, width: 264, height: 60 + (i % 5) * 17 }));
    const edges = [];
    for (let i = 1; i < 500; i++) {
      edges.push({ source: `s${i - 1}`, target: `s${i}` });
      edges.push({ source: `s${Math.floor(i / 2)}`, target: `s${i}` });
      if (i % 7 === 0) edges.push({ source: `s${i}`, target: `s${i + 3 < 500 ? i + 3 : 0}` });
    }
    const started = performance.now();
    const p = computeLayout({ nodes, edges }).positions;
    expect(performance.now() - started).toBeLessThan(1000);
    expect(Object.keys(p)).toHaveLength(500);
    for (let i = 1; i < 500; i++) expect(p[`s${i - 1}`].x).toBeLessThan(p[`s${i}`].x);
    const byColumn = new Map<number, LayoutNode[]>();
    for (const n of nodes) byColumn.set(p[n.id].x, [...(byColumn.get(p[n.id].x) ?? []), n]);
    for (const column of byColumn.values()) {
      for (let i = 0; i < column.length; i++) {
        for (let j = i + 1; j < column.length; j++) expect(overlaps(p[column[i].id], column[i], p[column[j].id], column[j])).toBe(false);
      }
    }
  });

  it('places side branches of a wide graph in columns without overlaps', () => {
    const nodes = Array.from({ length: 200 }, (_, i) => ({ id: `n${i}`, width: 200, height: 50 + (i % 3) * 30 }));
    const edges = Array.from({ length: 199 }, (_, i) => ({ source: `n${Math.floor(i / 4)}`, target: `n${i + 1}` }));
    const p = computeLayout({ nodes, edges }).positions;
    for (const e of edges) expect(p[e.source].x).toBeLessThan(p[e.target].x);
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) expect(overlaps(p[nodes[i].id], nodes[i], p[nodes[j].id], nodes[j])).toBe(false);
    }
  });

  it('routes an edge that spans columns between the nodes in its way, and no other', () => {
    // deps -> build -> runtime, deps -> test, and deps -> runtime across the middle column.
    const nodes = [
      { id: 'deps', width: 260, height: 120 },
      { id: 'build', width: 260, height: 120 },
      { id: 'test', width: 260, height: 120 },
      { id: 'runtime', width: 260, height: 140 },
    ];
    const edges = [
      { id: 'from:deps->build', source: 'deps', target: 'build' },
      { id: 'from:deps->test', source: 'deps', target: 'test' },
      { id: 'copy:deps->runtime', source: 'deps', target: 'runtime' },
      { id: 'copy:build->runtime', source: 'build', target: 'runtime' },
      { source: 'deps', target: 'runtime' },
    ];
    const { positions, routes } = computeLayout({ nodes, edges });
    expect(Object.keys(routes)).toEqual(['copy:deps->runtime']);
    const route = routes['copy:deps->runtime'];
    expect(route.length).toBeGreaterThan(1);
    const depsRight = positions.deps.x + 260;
    for (let i = 0; i < route.length; i++) {
      const p = route[i];
      // Left to right, between the two ends' columns...
      expect(p.x).toBeGreaterThan(depsRight);
      expect(p.x).toBeLessThan(positions.runtime.x);
      if (i > 0) expect(p.x).toBeGreaterThan(route[i - 1].x);
      // ... and clear of every node.
      for (const n of nodes) {
        const at = positions[n.id];
        const inside = p.x >= at.x && p.x <= at.x + n.width && p.y >= at.y && p.y <= at.y + n.height;
        expect(inside, `${JSON.stringify(p)} inside ${n.id}`).toBe(false);
      }
    }
  });

  it('gives no routes from the direct layout of a big graph', () => {
    const nodes = Array.from({ length: 120 }, (_, i) => ({ id: `s${i}`, width: 200, height: 60 }));
    const edges = Array.from({ length: 119 }, (_, i) => ({ id: `e${i}`, source: `s${Math.floor(i / 3)}`, target: `s${i + 1}` }));
    expect(computeLayout({ nodes, edges }).routes).toEqual({});
  });
});
