// Where the editor marks heredocs: a heredoc's body is content (a script, a
// file), never instructions, but Monaco's Dockerfile grammar colours a body
// line that starts with FROM or RUN as a keyword. The parser knows exactly
// which lines are bodies, so the editor shades them and marks the opening
// <<NAME and the terminator.
import type { Analysis, Instruction } from '../model/types.ts';
import { lineAt } from '../model/syntax/index.ts';

export interface HeredocRegion {
  /** 1-based lines of the body; firstLine > lastLine for an empty body. */
  firstLine: number;
  lastLine: number;
  /** The line holding the terminating delimiter, or null for an unterminated heredoc. */
  terminatorLine: number | null;
  /** Where the `<<NAME` (`<<-"NAME"`, ...) that opens it stands: 1-based line and columns as the editor counts them. */
  opener: { line: number; startColumn: number; endColumn: number } | null;
}

// A heredoc opener as BuildKit writes one: <<, an optional -, the name, quoted or not.
const OPENER = /<<(-?)(["']?)([^\s"'<>|&;]+)\2/g;

export function heredocRegions(analysis: Analysis): HeredocRegion[] {
  const file = analysis.file;
  const regions: HeredocRegion[] = [];
  const visit = (instruction: Instruction) => {
    // The openers stand between the instruction's start and its first body, in the heredocs' order.
    const head = instruction.heredocs.length > 0 ? file.text.slice(instruction.span.start, instruction.heredocs[0].span.start) : '';
    OPENER.lastIndex = 0;
    for (const h of instruction.heredocs) {
      let opener: HeredocRegion['opener'] = null;
      for (let m = OPENER.exec(head); m; m = OPENER.exec(head)) {
        if (m[3] !== h.name) continue;
        const start = instruction.span.start + m.index;
        const line = lineAt(file, start);
        // The editor's text has no BOM, so its first line's columns start one later.
        const column = start - file.lineStarts[line - 1] + (line === 1 && file.hasBom ? 0 : 1);
        opener = { line, startColumn: column, endColumn: column + m[0].length };
        break;
      }
      // A terminated heredoc's span runs past its content to the end of the delimiter line.
      const terminated = h.span.start + h.content.length < h.span.end;
      const terminatorLine = terminated ? lineAt(file, h.span.end) : null;
      const firstLine = lineAt(file, h.span.start);
      const lastLine = terminated ? terminatorLine! - 1 : lineAt(file, Math.max(h.span.start, h.span.end - 1));
      // An unterminated heredoc at the very end of the text may have no body line at all.
      if (!terminated && h.span.start >= file.text.length) continue;
      regions.push({ firstLine, lastLine, terminatorLine, opener });
    }
    if (instruction.inner) visit(instruction.inner);
  };
  for (const instruction of file.instructions) visit(instruction);
  return regions;
}

/** A string that changes exactly when the regions do (decorations are reset only then). */
export function regionsKey(regions: readonly HeredocRegion[]): string {
  return regions
    .map((r) => `${r.firstLine}-${r.lastLine}-${r.terminatorLine ?? ''}:${r.opener ? `${r.opener.line}.${r.opener.startColumn}.${r.opener.endColumn}` : ''}`)
    .join(',');
}
