import { describe, expect, test } from 'vitest';
import { analyze } from '../../model/index.ts';
import { toMermaid } from '../../model/export/index.ts';
import { graphExportOptions, renderTextExport } from './textExports.ts';

const analysis = analyze('FROM alpine AS a\nFROM a AS b\nFROM scratch AS c\nCOPY --from=a / /\n');
const view = (target: number | null) => ({ target }) as Parameters<typeof graphExportOptions>[0]['view'];

describe('text exports follow the canvas', () => {
  test('the chosen target and the stages the store says are built', () => {
    const state = { analysis, view: view(1), built: new Set([0, 1]) };
    expect(graphExportOptions(state)).toEqual({ target: { index: 1, built: new Set([0, 1]) } });
    expect(renderTextExport('mermaid', state)).toBe(toMermaid(analysis, { target: { index: 1, built: new Set([0, 1]) } }));
    expect(renderTextExport('mermaid', state)).toMatch(/class s2 skipped/);
  });

  test('no chosen target means the last stage, as for docker build', () => {
    expect(graphExportOptions({ analysis, view: view(null), built: new Set([0, 2]) })).toMatchObject({ target: { index: 2 } });
    // A saved target past the end (the text shrank) falls back to the last stage too.
    expect(graphExportOptions({ analysis, view: view(9), built: new Set([0, 2]) })).toMatchObject({ target: { index: 2 } });
  });

  test('without build information nothing is marked', () => {
    expect(graphExportOptions({ analysis, view: view(1), built: null })).toEqual({});
    expect(renderTextExport('dot', { analysis, view: view(1), built: null })).not.toMatch(/not built/);
  });
});
