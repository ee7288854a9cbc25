// An edge between stages, styled by kind: FROM solid, COPY --from dashed,
// RUN --mount from= dotted. The kind is on an element inside React Flow's edge
// (data-kind), for styling and for tests.
import { memo } from 'react';
import { getBezierPath, type EdgeProps } from '@xyflow/react';
import type { FlowEdge } from '../store/index.ts';
import { deleteEdge } from './gestures.ts';

// Labels are drawn in the SVG itself, not through React Flow's
// EdgeLabelRenderer: that component's store selector runs a querySelector on
// every store update, once per label, which on a 500-stage graph costs more
// than everything else a keystroke does.
const CHAR_WIDTH = 6.6; // 11px monospace
const LABEL_HEIGHT = 18;

/** Vertical distance between the labels of neighbouring lanes (edges between the same two nodes). */
const LANE_GAP = LABEL_HEIGHT + 6;

/** A stage that refers to itself (an error the problems list explains): a loop over the node, not a line through it. */
function selfLoop(sx: number, sy: number, tx: number, ty: number, lane: number): [string, number, number] {
  const lift = 70 + lane * LANE_GAP;
  const top = Math.min(sy, ty) - lift;
  return [`M ${sx} ${sy} C ${sx + 60} ${sy}, ${sx + 30} ${top}, ${(sx + tx) / 2} ${top} S ${tx - 60} ${ty}, ${tx} ${ty}`, (sx + tx) / 2, top];
}

/**
 * One of several edges between the same two nodes, from a right-hand handle
 * to a left-hand one: a curve that leaves and arrives where the others do but
 * bows out to its lane, so that each one, its label and its delete button can
 * be seen and clicked. The label sits on the curve's midpoint.
 */
function lanePath(sx: number, sy: number, tx: number, ty: number, lane: number): [string, number, number] {
  const reach = Math.max(Math.abs(tx - sx) / 2, 40);
  // A cubic's midpoint moves by 3/4 of what both its control points move.
  const bow = (lane * LANE_GAP * 4) / 3;
  const c1x = sx + reach;
  const c2x = tx - reach;
  const cy1 = sy + bow;
  const cy2 = ty + bow;
  const labelX = (sx + 3 * c1x + 3 * c2x + tx) / 8;
  const labelY = (sy + 3 * cy1 + 3 * cy2 + ty) / 8;
  return [`M ${sx} ${sy} C ${c1x} ${cy1}, ${c2x} ${cy2}, ${tx} ${ty}`, labelX, labelY];
}

/**
 * An edge that spans columns, along the layout's route between the nodes in
 * its way: from the source handle through each route point to the target
 * handle, every stretch an S-curve that leaves and arrives horizontally (so
 * the whole is smooth), with the label on the route's middle.
 */
function routedPath(sx: number, sy: number, tx: number, ty: number, route: readonly { x: number; y: number }[]): [string, number, number] {
  const points = [{ x: sx, y: sy }, ...route, { x: tx, y: ty }];
  let d = `M ${sx} ${sy}`;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    const half = (b.x - a.x) / 2;
    d += ` C ${a.x + half} ${a.y}, ${b.x - half} ${b.y}, ${b.x} ${b.y}`;
  }
  const mid = (route.length - 1) / 2;
  const before = route[Math.floor(mid)];
  const after = route[Math.ceil(mid)];
  return [d, (before.x + after.x) / 2, (before.y + after.y) / 2];
}

export const DependencyEdge = memo(function DependencyEdge(props: EdgeProps<FlowEdge>) {
  const { id, source, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected } = props;
  if (!data) return null;
  const { lane, route } = data;
  // A routed edge has a way of its own (the layout separates parallel ones
  // too), kept as long as its ends are still to either side of it: a dragged
  // end is joined to it by its first or last curve.
  const routed = route !== undefined && route.length > 0 && sourceX < route[0].x && route[route.length - 1].x < targetX;
  const [path, labelX, labelY] =
    source === target
      ? selfLoop(sourceX, sourceY, targetX, targetY, lane)
      : routed
        ? routedPath(sourceX, sourceY, targetX, targetY, route)
        : lane !== 0
          ? lanePath(sourceX, sourceY, targetX, targetY, lane)
          : getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const kind = data.kind;
  const text = data.label;
  const textWidth = text !== null ? text.length * CHAR_WIDTH : 0;
  const buttonWidth = selected ? 18 : 0;
  const width = textWidth + buttonWidth + (text !== null ? 10 : 4);
  return (
    <g data-testid="edge" data-kind={kind} className={`sw-edge sw-edge-${kind} ${selected ? 'is-selected' : ''}`}>
      <title>{data.title}</title>
      <path d={path} className="react-flow__edge-path sw-edge-path" markerEnd={`url(#sw-arrow-${kind})`} fill="none" />
      <path d={path} className="react-flow__edge-interaction" fill="none" strokeOpacity={0} strokeWidth={18} />
      {(text !== null || selected) && (
        <g className="sw-edge-label" transform={`translate(${labelX - width / 2}, ${labelY - LABEL_HEIGHT / 2})`}>
          <rect className="sw-edge-label-box" width={width} height={LABEL_HEIGHT} rx={4} />
          {text !== null && (
            <text className="sw-edge-label-text" x={5} y={LABEL_HEIGHT / 2} dominantBaseline="central">
              {text}
            </text>
          )}
          {selected && (
            <g
              className="sw-edge-delete"
              role="button"
              aria-label="Delete this connection"
              data-testid="edge-delete"
              transform={`translate(${width - buttonWidth}, 0)`}
              onClick={(e) => {
                e.stopPropagation();
                deleteEdge(id);
              }}
            >
              <rect width={buttonWidth} height={LABEL_HEIGHT} rx={4} fill="transparent" />
              <text x={buttonWidth / 2 - 1} y={LABEL_HEIGHT / 2} dominantBaseline="central" textAnchor="middle">
                ×
              </text>
            </g>
          )}
        </g>
      )}
    </g>
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
