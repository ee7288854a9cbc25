// Diagnostics -> Monaco marker data. Pure: takes anything that can map offsets
// to positions, so it is testable without a browser.
import type { Analysis, Severity } from '../model/types.ts';

export interface PositionSource {
  getPositionAt(offset: number): { lineNumber: number; column: number };
  getLineMaxColumn(line: number): number;
  getLineCount(): number;
}

export interface MarkerData {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
  message: string;
  code: string;
  severity: Severity;
}

export function markersFor(analysis: Analysis, model: PositionSource): MarkerData[] {
  const lines = model.getLineCount();
  return analysis.diagnostics.map((d, i) => {
    const span = analysis.diagnosticDetails[i]?.span;
    if (span && span.end > span.start) {
      const a = model.getPositionAt(span.start);
      const b = model.getPositionAt(span.end);
      return {
        startLineNumber: a.lineNumber,
        startColumn: a.column,
        endLineNumber: b.lineNumber,
        endColumn: b.column,
        message: d.message,
        code: d.code,
        severity: d.severity,
      };
    }
    // No usable span: underline the whole reported line.
    const line = Math.max(1, Math.min(d.line, lines));
    return {
      startLineNumber: line,
      startColumn: 1,
      endLineNumber: line,
      endColumn: Math.max(2, model.getLineMaxColumn(line)),
      message: d.message,
      code: d.code,
      severity: d.severity,
    };
  });
}
