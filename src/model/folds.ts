// What the editor can fold: each stage, from its FROM to its last line, and
// each instruction that takes several lines (continuations, heredoc bodies).
// A Dockerfile's stages are not indented, so folding by indentation, the
// editor's default, never offers them.

import type { Analysis } from './types.ts';

/** A foldable range of 1-based lines; the first stays visible. */
export interface Fold {
  start: number;
  end: number;
  kind: 'stage' | 'instruction';
}

export function foldingRanges(analysis: Analysis): Fold[] {
  const folds: Fold[] = [];
  for (const detail of analysis.stageDetails) {
    const start = detail.fromInstruction.startLine;
    if (detail.endLine > start) folds.push({ start, end: detail.endLine, kind: 'stage' });
  }
  for (const instruction of analysis.file.instructions) {
    if (instruction.endLine > instruction.startLine) folds.push({ start: instruction.startLine, end: instruction.endLine, kind: 'instruction' });
  }
  return folds.sort((a, b) => a.start - b.start || b.end - a.end);
}
