// Module-level selectors, so components subscribe to exactly what they show.
import type { AppState } from '../store/index.ts';

/** Instruction lists start collapsed on big graphs, where they would bury the structure. */
export const COLLAPSE_BY_DEFAULT_ABOVE = 24;

export const selectNodes = (s: AppState) => s.nodes;
export const selectEdges = (s: AppState) => s.edges;
export const selectStageCount = (s: AppState) => s.analysis.stages.length;

export function isCollapsed(s: AppState, id: string): boolean {
  const explicit = s.view.collapsed[id];
  if (explicit !== undefined) return explicit;
  return s.analysis.stages.length > COLLAPSE_BY_DEFAULT_ABOVE;
}

/** A signature of every node's collapsed state: when it changes, node sizes change and the layout is redone. */
export function collapseSignature(s: AppState): string {
  if (Object.keys(s.view.collapsed).length === 0) return s.analysis.stages.length > COLLAPSE_BY_DEFAULT_ABOVE ? 'c' : 'e';
  let sig = '';
  for (const id of s.graph.stageIds) sig += isCollapsed(s, id) ? '1' : '0';
  return sig;
}

/**
 * Past this many nodes the canvas renders only what is in view (React Flow
 * runs a selector per mounted edge and node on every update) and lays out with
 * estimated sizes for nodes that were never on screen, hence never measured.
 */
export const BIG_GRAPH_NODES = 120;

export const isBigGraph = (s: AppState) => s.graph.nodes.length > BIG_GRAPH_NODES;
