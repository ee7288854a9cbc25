// Lays the graph out when its shape changes (nodes or edges added, removed or
// renamed, instruction lists collapsed or expanded), once every node has been
// measured, then fits the view. Typing that leaves the shape alone does nothing here.
import { useEffect, useRef } from 'react';
import { useReactFlow } from '@xyflow/react';
import { appStore, useApp } from '../store/index.ts';
import { instrument } from '../store/instrumentation.ts';
import { requestLayout } from './layoutClient.ts';
import { collapseSignature, isBigGraph, isCollapsed } from './selectors.ts';
import { estimateSize } from './estimateSize.ts';
import type { LayoutRequest } from './layout.ts';

type State = ReturnType<ReturnType<typeof appStore>['getState']>;

/** Ready to lay out: every node measured, or a big graph (whose off-screen nodes are estimated). */
const readyToLayout = (s: State) => isBigGraph(s) || s.graph.nodes.every((n) => s.measured[n.id] !== undefined);

/**
 * Fitting a big graph entirely would shrink its text to dots; below this zoom
 * the view stays readable, centred on the graph, and the user zooms out if they want.
 */
const FIT_OPTIONS = { padding: 0.12, maxZoom: 1.1, minZoom: 0.3 };

let announceCanvasReady: () => void = () => {};
/** Resolves once the first laid-out graph has been painted. */
export const canvasReady = new Promise<void>((resolve) => (announceCanvasReady = resolve));

export function useAutoLayout(): void {
  const { fitView, setViewport } = useReactFlow();
  const shapeKey = useApp((s) => `${s.graph.shapeKey}\n|${collapseSignature(s)}`);
  const laidOut = useApp((s) => s.layout.shapeKey);
  const measured = useApp(readyToLayout);
  const generation = useApp((s) => s.layout.generation);
  const inFlight = useRef<string | null>(null);
  const firstFit = useRef(true);

  useEffect(() => {
    if (shapeKey === laidOut || !measured || inFlight.current === shapeKey) return;
    const store = appStore();
    const s = store.getState();
    const request: LayoutRequest = {
      nodes: s.graph.nodes.map((n) => ({ id: n.id, ...(s.measured[n.id] ?? estimateSize(n, isCollapsed(s, n.id))) })),
      edges: s.graph.edges.map((e) => ({ source: e.source, target: e.target })),
    };
    inFlight.current = shapeKey;
    requestLayout(request).then(
      (positions) => {
        if (inFlight.current === shapeKey) inFlight.current = null;
        const now = store.getState();
        // A newer shape superseded this request: its own layout will follow.
        if (`${now.graph.shapeKey}\n|${collapseSignature(now)}` !== shapeKey) return;
        now.setLayout(shapeKey, positions);
      },
      (error: unknown) => {
        if (inFlight.current === shapeKey) inFlight.current = null;
        // Never leave the nodes invisible: fall back to a plain grid.
        console.error('Layout failed; using a grid', error);
        const now = store.getState();
        const grid: Record<string, { x: number; y: number }> = {};
        now.graph.nodes.forEach((n, i) => (grid[n.id] = { x: (i % 8) * 320, y: Math.floor(i / 8) * 260 }));
        now.setLayout(shapeKey, grid);
      },
    );
  }, [shapeKey, laidOut, measured]);

  // After a new layout: fit the view (or, on the first one after a reload, restore the saved viewport).
  useEffect(() => {
    if (generation === 0) return;
    const saved = appStore().getState().view.viewport;
    const frame = requestAnimationFrame(() => {
      if (firstFit.current && saved) setViewport(saved);
      else void fitView(FIT_OPTIONS);
      if (firstFit.current) {
        firstFit.current = false;
        requestAnimationFrame(() => {
          instrument({ canvasReadyAt: performance.now() });
          announceCanvasReady();
        });
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [generation, fitView, setViewport]);
}
