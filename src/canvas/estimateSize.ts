// A node's size before it has been measured: what the first layout of a new
// shape goes by (the nodes have not been drawn yet), and all a big graph has
// for its off-screen nodes (never rendered, so never measured). Follows the
// geometry in canvas.css to within a pixel or two; measured sizes replace it
// as soon as they exist.
import type { GraphNode, ImageNodeData, StageNodeData } from '../store/graph.ts';

const STAGE_WIDTH = 264;
const ROW = 18;
const GAP = 4;
const PADDING = 16 + 2;
const INSTRUCTION_ROW = 17;
const MAX_INSTRUCTION_ROWS = 9;

export function estimateSize(node: GraphNode, collapsed: boolean): { width: number; height: number } {
  if (node.type === 'image') {
    const d = node.data as ImageNodeData;
    return { width: Math.min(240, 24 + d.image.length * 7.2), height: 46 };
  }
  const d = node.data as StageNodeData;
  const rows = [24, ROW];
  if (d.resolvedBase !== null) rows.push(ROW);
  if (d.platform !== null || d.badges.length > 0) rows.push(ROW);
  if (d.instructions.length > 0) rows.push(ROW);
  let height = PADDING + rows.reduce((a, b) => a + b, 0) + GAP * (rows.length - 1);
  if (!collapsed && d.instructions.length > 0) height += GAP + 5 + Math.min(d.instructions.length, MAX_INSTRUCTION_ROWS) * INSTRUCTION_ROW;
  return { width: STAGE_WIDTH, height };
}
