// An edge between stages, styled by kind: FROM solid, COPY --from dashed,
// RUN --mount from= dotted. The kind is on an element inside React Flow's edge
// (data-kind), for styling and for tests.
import { memo } from 'react';
import { EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import type { FlowEdge } from '../store/index.ts';
import { deleteEdge } from './gestures.ts';

export const DependencyEdge = memo(function DependencyEdge(props: EdgeProps<FlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected } = props;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  if (!data) return null;
  const kind = data.kind;
  return (
    <>
      <g data-testid="edge" data-kind={kind} className={`sw-edge sw-edge-${kind} ${selected ? 'is-selected' : ''}`}>
        <title>{data.title}</title>
        <path d={path} className="react-flow__edge-path sw-edge-path" markerEnd={`url(#sw-arrow-${kind})`} fill="none" />
        <path d={path} className="react-flow__edge-interaction" fill="none" strokeOpacity={0} strokeWidth={18} />
      </g>
      {(data.label !== null || selected) && (
        <EdgeLabelRenderer>
          <div
            className={`sw-edge-label sw-edge-label-${kind} nodrag nopan ${selected ? 'is-selected' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-edge-id={id}
          >
            {data.label !== null && <span className="sw-edge-label-text">{data.label}</span>}
            {selected && (
              <button
                type="button"
                className="sw-edge-delete"
                aria-label="Delete this connection"
                data-testid="edge-delete"
                onClick={(e) => {
                  e.stopPropagation();
                  deleteEdge(id);
                }}
              >
                ×
              </button>
            )}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});

/** Arrowheads per kind, defined once in the canvas's SVG. */
export function EdgeMarkers() {
  return (
    <svg className="sw-edge-markers" aria-hidden="true" width="0" height="0" style={{ position: 'absolute' }}>
      <defs>
        {(['from', 'copy', 'mount'] as const).map((kind) => (
          <marker
            key={kind}
            id={`sw-arrow-${kind}`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" className={`sw-arrow sw-arrow-${kind}`} />
          </marker>
        ))}
      </defs>
    </svg>
  );
}
