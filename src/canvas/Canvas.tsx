// The React Flow canvas. Nodes and edges come from the store, already composed
// (src/store/flow.ts); this component forwards the user's pointer gestures
// (select, drag, connect, delete) to the store and to ./gestures.ts.
import { useCallback, useRef } from 'react';
import {
  Background,
  BackgroundVariant,
  Controls,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type OnMoveEnd,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './canvas.css';
import { appStore, useApp, type FlowEdge, type FlowNode, type Size } from '../store/index.ts';
import { StageNode } from './StageNode.tsx';
import { ImageNode } from './ImageNode.tsx';
import { DependencyEdge, EdgeMarkers } from './DependencyEdge.tsx';
import { Legend } from './Legend.tsx';
import { StageMenu } from './StageMenu.tsx';
import { useAutoLayout } from './useAutoLayout.ts';
import { useRevealSelection } from './useRevealSelection.ts';
import { requestConnection } from './gestures.ts';
import { isBigGraph, selectEdges, selectNodes } from './selectors.ts';

const nodeTypes = { stage: StageNode, image: ImageNode };
const edgeTypes = { dependency: DependencyEdge };
const proOptions = { hideAttribution: true };
const fitViewOptions = { padding: 0.12, maxZoom: 1.1 };

function onNodesChange(changes: NodeChange<FlowNode>[]) {
  const store = appStore().getState();
  let sizes: Record<string, Size> | null = null;
  for (const c of changes) {
    if (c.type === 'dimensions' && c.dimensions) {
      (sizes ??= {})[c.id] = { width: c.dimensions.width, height: c.dimensions.height };
    } else if (c.type === 'position' && c.position && c.dragging) {
      store.moveNode(c.id, c.position);
    }
  }
  if (sizes) store.setMeasured(sizes);
}

function onEdgesChange(_changes: EdgeChange<FlowEdge>[]) {
  // Selection is handled by click handlers; edges change only through the text.
}

function onConnect(connection: Connection) {
  requestConnection(connection.source, connection.target);
}

function isValidConnection(connection: Connection | FlowEdge) {
  return connection.source !== connection.target && !connection.source.startsWith('image:') && !connection.target.startsWith('image:');
}

// Handlers live at module level: a new function on every render would make
// React Flow re-render every edge and node wrapper on every keystroke.
const onNodeClick = (_: unknown, node: FlowNode) => appStore().getState().select({ kind: 'node', id: node.id, origin: 'canvas' });
const onEdgeClick = (_: unknown, edge: FlowEdge) => appStore().getState().select({ kind: 'edge', id: edge.id, origin: 'canvas' });
const onPaneClick = () => appStore().getState().select(null);

const onMoveEnd: OnMoveEnd = (_event, viewport) => appStore().getState().setViewport(viewport);

function CanvasInner() {
  const nodes = useApp(selectNodes);
  const edges = useApp(selectEdges);
  const empty = useApp((s) => s.analysis.stages.length === 0);
  const big = useApp(isBigGraph);
  const wrapper = useRef<HTMLDivElement>(null);
  useAutoLayout();
  useRevealSelection(wrapper);

  // Clicking the canvas takes the keyboard away from the editor, so Delete
  // after selecting a node deletes the node, not a character.
  const takeFocus = useCallback((e: React.PointerEvent) => {
    const target = e.target as HTMLElement;
    if (target.closest('input, textarea, select, button')) return;
    wrapper.current?.focus({ preventScroll: true });
  }, []);

  return (
    <div className={`sw-canvas ${big ? 'is-big' : ''}`} data-testid="canvas" ref={wrapper} tabIndex={-1} onPointerDownCapture={takeFocus}>
      <EdgeMarkers />
      <ReactFlow<FlowNode, FlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onNodeClick={onNodeClick}
        onNodeDragStart={onNodeClick}
        onEdgeClick={onEdgeClick}
        onPaneClick={onPaneClick}
        onMoveEnd={onMoveEnd}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        zoomOnDoubleClick={false}
        minZoom={0.05}
        maxZoom={2}
        fitViewOptions={fitViewOptions}
        proOptions={proOptions}
        colorMode="system"
        nodesFocusable={false}
        onlyRenderVisibleElements={big}
        edgesFocusable={false}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1} />
        <Controls showInteractive={false} position="bottom-right" />
        <Panel position="bottom-left" className="sw-legend-panel">
          <Legend big={big} />
        </Panel>
        {empty && (
          <Panel position="top-center">
            <div className="sw-canvas-empty">No stages yet: type a <code>FROM</code> line or use “Add stage”.</div>
          </Panel>
        )}
      </ReactFlow>
      <StageMenu />
    </div>
  );
}

export function Canvas() {
  return (
    <ReactFlowProvider>
      <CanvasInner />
    </ReactFlowProvider>
  );
}
