import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.ts';
import { foldingRanges } from './folds.ts';

describe('foldingRanges', () => {
  it('folds each stage of more than one line and each instruction that runs over several', () => {
    const text = [
      'ARG V=1', // 1
      'FROM golang:1.23 AS build', // 2
      'RUN apt-get update && \\', // 3
      '    apt-get install -y git', // 4
      'COPY <<EOF /etc/conf', // 5
      'a = 1', // 6
      'EOF', // 7
      '', // 8
      'FROM scratch', // 9
      'FROM alpine', // 10
      'COPY --from=build /x /x', // 11
      '',
    ].join('\n');
    expect(foldingRanges(analyze(text))).toEqual([
      { start: 2, end: 7, kind: 'stage' },
      { start: 3, end: 4, kind: 'instruction' },
      { start: 5, end: 7, kind: 'instruction' },
      { start: 10, end: 11, kind: 'stage' },
    ]);
  });
});
