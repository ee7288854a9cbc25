// The text exports as the canvas shows them: the same analysis, and the same
// target and built stages the canvas greys out.
import { toDot, toMermaid, type GraphExportOptions } from '../../model/export/index.ts';
import type { AppState } from '../../store/index.ts';
import { effectiveTarget } from '../teaching/BuildControls.tsx';

export type TextFormat = 'mermaid' | 'dot';

export const TEXT_EXPORTS: Record<TextFormat, { filename: string; type: string; render: typeof toMermaid }> = {
  mermaid: { filename: 'stages.mmd', type: 'text/vnd.mermaid', render: toMermaid },
  dot: { filename: 'stages.dot', type: 'text/vnd.graphviz', render: toDot },
};

export function graphExportOptions(state: Pick<AppState, 'analysis' | 'view' | 'built'>): GraphExportOptions {
  const count = state.analysis.stages.length;
  if (state.built === null || count === 0) return {};
  return { target: { index: effectiveTarget(state.view.target, count), built: state.built } };
}

export function renderTextExport(format: TextFormat, state: Pick<AppState, 'analysis' | 'view' | 'built'>): string {
  return TEXT_EXPORTS[format].render(state.analysis, graphExportOptions(state));
}
