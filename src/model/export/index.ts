// Text exports of the stage graph (Mermaid, Graphviz DOT), built from the analysis.
export { exportGraph, stageTitle } from './graph.ts';
export type { ExportEdge, ExportGraph, ExportImageNode, ExportStageNode, GraphExportOptions } from './graph.ts';
export { toMermaid, mermaidText } from './mermaid.ts';
export { toDot, dotText } from './dot.ts';
