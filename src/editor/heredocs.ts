// Where the editor marks heredocs: a heredoc's body is content (a script, a
// file), never instructions, but Monaco's Dockerfile grammar colours a body
// line that starts with FROM or RUN as a keyword. The parser knows exactly
// which lines are bodies, so the editor shades them and marks the terminator.
import type { Analysis, Instruction } from '../model/types.ts';
import { lineAt } from '../model/syntax/index.ts';

export interface HeredocRegion {
  /** 1-based lines of the body; firstLine > lastLine for an empty body. */
  firstLine: number;
  lastLine: number;
  /** The line holding the terminating delimiter, or null for an unterminated heredoc. */
  terminatorLine: number | null;
}

export function heredocRegions(analysis: Analysis): HeredocRegion[] {
  const file = analysis.file;
  const regions: HeredocRegion[] = [];
  const visit = (instruction: Instruction) => {
    for (const h of instruction.heredocs) {
      // A terminated heredoc's span runs past its content to the end of the delimiter line.
      const terminated = h.span.start + h.content.length < h.span.end;
      const terminatorLine = terminated ? lineAt(file, h.span.end) : null;
      const firstLine = lineAt(file, h.span.start);
      const lastLine = terminated ? terminatorLine! - 1 : lineAt(file, Math.max(h.span.start, h.span.end - 1));
      // An unterminated heredoc at the very end of the text may have no body line at all.
      if (!terminated && h.span.start >= file.text.length) continue;
      regions.push({ firstLine, lastLine, terminatorLine });
    }
    if (instruction.inner) visit(instruction.inner);
  };
  for (const instruction of file.instructions) visit(instruction);
  return regions;
}

/** A string that changes exactly when the regions do (decorations are reset only then). */
export function regionsKey(regions: readonly HeredocRegion[]): string {
  return regions.map((r) => `${r.firstLine}-${r.lastLine}-${r.terminatorLine ?? ''}`).join(',');
}
