import { describe, expect, it } from 'vitest';
import { analyze } from '../model/index.ts';
import { markersFor, type PositionSource } from './markers.ts';

/** Offsets -> 1-based line/column over a plain string, as Monaco's model does. */
function model(text: string): PositionSource {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return {
    getPositionAt(offset) {
      let line = 0;
      while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
      return { lineNumber: line + 1, column: offset - starts[line] + 1 };
    },
    getLineMaxColumn(line) {
      const end = line < starts.length ? starts[line] - 1 : text.length;
      return end - starts[line - 1] + 1;
    },
    getLineCount: () => starts.length,
  };
}

describe('markersFor', () => {
  it('puts each diagnostic on its line with its code and severity', () => {
    const text = 'FROM alpine AS a\nCOPY --from=a / /\nFROM\n';
    const analysis = analyze(text);
    const markers = markersFor(analysis, model(text));
    expect(markers).toHaveLength(analysis.diagnostics.length);
    expect(markers.length).toBeGreaterThan(0);
    markers.forEach((m, i) => {
      expect(m.startLineNumber).toBe(analysis.diagnostics[i].line);
      expect(m.code).toBe(analysis.diagnostics[i].code);
      expect(m.severity).toBe(analysis.diagnostics[i].severity);
      expect(m.endLineNumber > m.startLineNumber || m.endColumn > m.startColumn).toBe(true);
    });
  });
});
