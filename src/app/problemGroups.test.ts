import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../model/types.ts';
import { analyze } from '../model/index.ts';
import { problemRows } from './problemGroups.ts';
import { readFileSync } from 'node:fs';

const d = (line: number, code: string, severity: Diagnostic['severity'] = 'info'): Diagnostic => ({ line, code, severity, message: code });

describe('problemRows', () => {
  it('keeps line order and groups an info code reported four times or more where it first appears', () => {
    const list = [d(1, 'A', 'error'), d(2, 'U'), d(3, 'U'), d(4, 'B', 'warning'), d(5, 'U'), d(6, 'U'), d(7, 'V')];
    expect(problemRows(list)).toEqual([
      { kind: 'single', index: 0 },
      { kind: 'group', code: 'U', indexes: [1, 2, 4, 5] },
      { kind: 'single', index: 3 },
      { kind: 'single', index: 6 },
    ]);
  });

  it('never groups errors or warnings, nor an info code seen three times', () => {
    const list = [d(1, 'E', 'error'), d(2, 'E', 'error'), d(3, 'E', 'error'), d(4, 'E', 'error'), d(5, 'W', 'warning'), d(6, 'W', 'warning'), d(7, 'W', 'warning'), d(8, 'W', 'warning'), d(9, 'U'), d(10, 'U'), d(11, 'U')];
    expect(problemRows(list).every((r) => r.kind === 'single')).toBe(true);
  });

  it("gathers docker/cli's unused alternative targets into one row", () => {
    const text = readFileSync(new URL('../../../shared/corpus/real-world/docker__cli__Dockerfile.Dockerfile', import.meta.url), 'utf8');
    const { diagnostics } = analyze(text);
    const rows = problemRows(diagnostics);
    const groups = rows.filter((r) => r.kind === 'group');
    expect(groups.map((g) => g.code)).toEqual(['UnusedStage']);
    expect(groups[0].kind === 'group' && groups[0].indexes.length).toBe(diagnostics.filter((x) => x.code === 'UnusedStage').length);
    expect(rows.length).toBeLessThan(diagnostics.length);
  });
});
