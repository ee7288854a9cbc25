// Lays the graph out when its shape changes (nodes or edges added, removed or
// renamed, instruction lists collapsed or expanded), with measured sizes where
// nodes have them and estimated ones elsewhere, then fits the view. Typing
// that leaves the shape alone does nothing here.
import { useCallback, useEffect, useRef } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { appStore, useApp } from '../store/index.ts';
import { instrument } from '../store/instrumentation.ts';
import { requestLayout } from './layoutClient.ts';
import { collapseSignature, isBigGraph, isCollapsed } from './selectors.ts';
import { estimateSize } from './estimateSize.ts';
import type { LayoutRequest } from './layout.ts';

type State = ReturnType<ReturnType<typeof appStore>['getState']>;

/**
 * A graph is fitted whole as long as its nodes stay boxes with visible edges
 * (an overview, not reading size: the user zooms in to read); one bigger than
 * that is shown from its start at this zoom.
 */
const FIT_OPTIONS = { padding: 0.12, maxZoom: 1.1, minZoom: 0.12 };
/** Screen pixels kept free at the edge when a graph too big to fit is shown from its start. */
const EDGE_GAP = 24;

/** Whether two automatically placed nodes in the same column overlap (by their measured sizes). */
function autoNodesOverlap(s: State): boolean {
  // Big graphs are laid out partly from estimates; relaying them out as nodes
  // scroll into view and get measured would make the graph move under the user.
  if (isBigGraph(s)) return false;
  const columns = new Map<number, { top: number; bottom: number }[]>();
  for (const n of s.nodes) {
    if (s.view.positions[n.id] || !s.layout.positions[n.id]) continue;
    const size = s.measured[n.id];
    if (!size) continue;
    const list = columns.get(n.position.x) ?? [];
    list.push({ top: n.position.y, bottom: n.position.y + size.height });
    columns.set(n.position.x, list);
  }
  for (const list of columns.values()) {
    list.sort((a, b) => a.top - b.top);
    for (let i = 1; i < list.length; i++) if (list[i].top < list[i - 1].bottom) return true;
  }
  return false;
}

/** The graph as the layout sees it: measured sizes where nodes have them, estimated ones elsewhere. */
function layoutRequest(s: State): LayoutRequest {
  return {
    nodes: s.graph.nodes.map((n) => ({ id: n.id, ...(s.measured[n.id] ?? estimateSize(n, isCollapsed(s, n.id))) })),
    edges: s.graph.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
  };
}

let announceCanvasReady: () => void = () => {};
/** Resolves once the first laid-out graph has been painted. */
export const canvasReady = new Promise<void>((resolve) => (announceCanvasReady = resolve));

export function useAutoLayout(): void {
  const { fitView, setViewport, getViewport, getNodes, getNodesBounds } = useReactFlow();
  const flowStore = useStoreApi();

  // Fits the graph; one too big for that at FIT_OPTIONS.minZoom is shown from
  // its start instead (layers run left to right, so the base stages), rather
  // than centred with both ends cut off.
  const fitGraph = useCallback(async () => {
    await fitView(FIT_OPTIONS);
    const fitted = getViewport();
    const { width, height } = flowStore.getState();
    const bounds = getNodesBounds(getNodes());
    const wide = bounds.width * fitted.zoom + 2 * EDGE_GAP > width;
    const tall = bounds.height * fitted.zoom + 2 * EDGE_GAP > height;
    if (!wide && !tall) return;
    await setViewport({
      x: wide ? EDGE_GAP - bounds.x * fitted.zoom : fitted.x,
      y: tall ? EDGE_GAP - bounds.y * fitted.zoom : fitted.y,
      zoom: fitted.zoom,
    });
  }, [fitView, getViewport, getNodes, getNodesBounds, setViewport, flowStore]);
  const shapeKey = useApp((s) => `${s.graph.shapeKey}\n|${collapseSignature(s)}`);
  const laidOut = useApp((s) => s.layout.shapeKey);
  const generation = useApp((s) => s.layout.generation);
  const inFlight = useRef<string | null>(null);
  const firstFit = useRef(true);

  useEffect(() => {
    // Nodes not measured yet (all of them when a file opens) are laid out by
    // their estimated size, which follows canvas.css to within a pixel or
    // two: waiting for the browser to measure them first cost a whole
    // render-measure-render round before anything showed. Should a node turn
    // out taller, the overlap check below lays the graph out again.
    if (shapeKey === laidOut || inFlight.current === shapeKey) return;
    const store = appStore();
    const s = store.getState();
    const request = layoutRequest(s);
    inFlight.current = shapeKey;
    requestLayout(request).then(
      ({ positions, routes }) => {
        if (inFlight.current === shapeKey) inFlight.current = null;
        const now = store.getState();
        // A newer shape superseded this request: its own layout will follow.
        if (`${now.graph.shapeKey}\n|${collapseSignature(now)}` !== shapeKey) return;
        now.setLayout(shapeKey, positions, routes);
      },
      (error: unknown) => {
        if (inFlight.current === shapeKey) inFlight.current = null;
        // Never leave the nodes invisible: fall back to a plain grid.
        console.error('Layout failed; using a grid', error);
        const now = store.getState();
        const grid: Record<string, { x: number; y: number }> = {};
        now.graph.nodes.forEach((n, i) => (grid[n.id] = { x: (i % 8) * 320, y: Math.floor(i / 8) * 260 }));
        now.setLayout(shapeKey, grid, {});
      },
    );
  }, [shapeKey, laidOut]);

  // A node that grew while the user typed (more instructions) may now cover
  // the one below it. Only then is the graph laid out again, keeping the view.
  const overlapping = useApp(autoNodesOverlap);
  useEffect(() => {
    if (!overlapping) return;
    const store = appStore();
    const s = store.getState();
    const key = s.layout.shapeKey;
    if (inFlight.current !== null || key === '') return;
    const request = layoutRequest(s);
    requestLayout(request).then(
      ({ positions, routes }) => {
        const now = store.getState();
        if (now.layout.shapeKey === key) now.setLayout(key, positions, routes, false);
      },
      () => {},
    );
  }, [overlapping]);

  // After a new layout: fit the view (or, on the first one after a reload, restore the saved viewport).
  useEffect(() => {
    if (generation === 0) return;
    const saved = appStore().getState().view.viewport;
    if (!appStore().getState().layout.fit) return;
    const frame = requestAnimationFrame(() => {
      if (firstFit.current && saved) setViewport(saved);
      else void fitGraph();
      if (firstFit.current) {
        firstFit.current = false;
        requestAnimationFrame(() => {
          instrument({ canvasReadyAt: performance.now() });
          announceCanvasReady();
        });
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [generation, fitGraph, setViewport]);
}
