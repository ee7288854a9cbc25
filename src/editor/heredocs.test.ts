import { describe, expect, it } from 'vitest';
import { analyze } from '../model/index.ts';
import { heredocRegions } from './heredocs.ts';

describe('heredocRegions', () => {
  it('gives each heredoc body its lines and its terminator line', () => {
    const text = ['FROM alpine', 'RUN <<EOF', 'FROM not-an-instruction', 'echo hi', 'EOF', 'COPY <<A <<B /dst/', 'a', 'A', 'B', 'CMD ["x"]', ''].join('\n');
    expect(heredocRegions(analyze(text))).toEqual([
      { firstLine: 3, lastLine: 4, terminatorLine: 5, opener: { line: 2, startColumn: 5, endColumn: 10 } },
      { firstLine: 7, lastLine: 7, terminatorLine: 8, opener: { line: 6, startColumn: 6, endColumn: 9 } },
      { firstLine: 9, lastLine: 8, terminatorLine: 9, opener: { line: 6, startColumn: 10, endColumn: 13 } },
    ]);
  });

  it('runs an unterminated heredoc to the end of the text', () => {
    const text = 'FROM alpine\nRUN <<EOF\necho one\necho two\n';
    expect(heredocRegions(analyze(text))).toEqual([{ firstLine: 3, lastLine: 4, terminatorLine: null, opener: { line: 2, startColumn: 5, endColumn: 10 } }]);
  });

  it('finds heredocs under ONBUILD, with <<- tab stripping', () => {
    const text = 'FROM alpine\nONBUILD RUN <<-EOT\n\techo later\n\tEOT\n';
    expect(heredocRegions(analyze(text))).toEqual([{ firstLine: 3, lastLine: 3, terminatorLine: 4, opener: { line: 2, startColumn: 13, endColumn: 19 } }]);
  });

  it('marks a quoted opener whole, and counts columns as the editor does after a BOM', () => {
    const text = '\uFEFFRUN <<"EOF"\nx\nEOF\n';
    expect(heredocRegions(analyze(text))[0]?.opener).toEqual({ line: 1, startColumn: 5, endColumn: 12 });
  });

  it('has nothing to mark in a file without heredocs, or an empty one', () => {
    expect(heredocRegions(analyze('FROM alpine\nRUN ["sh", "-c", "cat <<EOF"]\nEOF\n'))).toEqual([]);
    expect(heredocRegions(analyze(''))).toEqual([]);
  });
});
