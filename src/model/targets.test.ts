import { describe, expect, it } from 'vitest';
import { builtStages, defaultTarget, effectiveTarget, reachableStages } from './targets';
import type { Stage, StageEdge } from './types';

function graph(count: number, edges: [number | string, number, StageEdge['kind']][]) {
  const stages: Stage[] = Array.from({ length: count }, (_, index) => ({ index, name: `s${index}`, base: 'alpine', platform: null, line: index + 1 }));
  return { stages, edges: edges.map(([from, to, kind]) => ({ from, to, kind, line: 1 })) };
}

describe('builtStages', () => {
  // 0 <- 1 (FROM), 2 copies from 0, 3 copies from 2 and mounts from an image; 4 stands alone
  const g = graph(5, [[0, 1, 'from'], [0, 2, 'copy'], [2, 3, 'copy'], ['alpine:3', 3, 'mount']]);

  it('defaults to the last stage', () => {
    expect(defaultTarget(g)).toBe(4);
    expect(builtStages(g)).toEqual([false, false, false, false, true]);
  });

  it('BuildKit builds only what the target needs, transitively', () => {
    expect(builtStages(g, 3, 'buildkit')).toEqual([true, false, true, true, false]);
    expect(builtStages(g, 1, 'buildkit')).toEqual([true, true, false, false, false]);
  });

  it('the legacy builder builds every stage up to and including the target', () => {
    expect(builtStages(g, 3, 'legacy')).toEqual([true, true, true, true, false]);
    expect(builtStages(g, 0, 'legacy')).toEqual([true, false, false, false, false]);
  });

  it('follows COPY --from a later stage and survives cycles', () => {
    const cyclic = graph(3, [[2, 0, 'copy'], [0, 2, 'copy']]);
    expect([...reachableStages(cyclic, 0)].sort()).toEqual([0, 2]);
    expect(builtStages(cyclic, 0, 'buildkit')).toEqual([true, false, true]);
  });

  it('builds nothing for a target outside the file', () => {
    expect(builtStages(g, 9, 'buildkit')).toEqual([false, false, false, false, false]);
    expect(builtStages(graph(0, []), undefined, 'legacy')).toEqual([]);
  });
});

describe('effectiveTarget', () => {
  it('keeps a chosen stage that exists, else falls back to the last stage', () => {
    expect(effectiveTarget(1, 4)).toBe(1);
    expect(effectiveTarget(null, 4)).toBe(3);
    expect(effectiveTarget(7, 4)).toBe(3);
    expect(effectiveTarget(null, 0)).toBe(-1);
  });
});
