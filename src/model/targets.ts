// Which stages a build runs for a target. BuildKit starts from the target and
// follows its dependencies (FROM <stage>, COPY --from, RUN --mount from=), so a
// stage nothing needs is never built. The legacy builder runs the file top to
// bottom and stops after the target, building every earlier stage whether it
// is needed or not.

import type { Analysis } from './types';

export type Builder = 'buildkit' | 'legacy';

/** BuildKit's default target: the last stage (-1 when there is none). */
export function defaultTarget(analysis: Pick<Analysis, 'stages'>): number {
  return analysis.stages.length - 1;
}

/** The target in force: the chosen stage when it exists, else BuildKit's default (the last stage). */
export function effectiveTarget(chosen: number | null, stageCount: number): number {
  return chosen !== null && chosen >= 0 && chosen < stageCount ? chosen : stageCount - 1;
}

/** For each stage, the earlier or later stages it takes something from (FROM, COPY --from, RUN --mount from=). */
export function stageDependencies(analysis: Pick<Analysis, 'stages' | 'edges'>): number[][] {
  const deps: number[][] = analysis.stages.map(() => []);
  for (const edge of analysis.edges) {
    if (typeof edge.from !== 'number') continue;
    if (edge.from < 0 || edge.from >= deps.length || edge.to < 0 || edge.to >= deps.length) continue;
    if (!deps[edge.to].includes(edge.from)) deps[edge.to].push(edge.from);
  }
  return deps;
}

/** Every stage the target needs, itself included (cycles are tolerated: each stage is visited once). */
export function reachableStages(analysis: Pick<Analysis, 'stages' | 'edges'>, target: number): Set<number> {
  const deps = stageDependencies(analysis);
  const seen = new Set<number>();
  const stack = target >= 0 && target < deps.length ? [target] : [];
  while (stack.length) {
    const stage = stack.pop()!;
    if (seen.has(stage)) continue;
    seen.add(stage);
    stack.push(...deps[stage]);
  }
  return seen;
}

/**
 * Whether each stage is built for `targetIndex` (default: the last stage) by
 * the given builder. An index outside the stages builds nothing.
 */
export function builtStages(
  analysis: Pick<Analysis, 'stages' | 'edges'>,
  targetIndex: number = defaultTarget(analysis),
  builder: Builder = 'buildkit',
): boolean[] {
  const count = analysis.stages.length;
  if (targetIndex < 0 || targetIndex >= count) return analysis.stages.map(() => false);
  if (builder === 'legacy') return analysis.stages.map((_, index) => index <= targetIndex);
  const marks = reachableMarks(analysis, targetIndex);
  const built: boolean[] = new Array(count);
  for (let index = 0; index < count; index++) built[index] = marks[index] === 1;
  return built;
}

/**
 * reachableStages as one mark per stage. The lint pass and the store call this
 * on every analysis, so the dependency lists are packed into two flat arrays
 * (each stage's list is deps[starts[s], starts[s + 1])) instead of an array
 * per stage, and the walk marks a stage when it is pushed, so the stack never
 * holds more than one entry per stage. Plain arrays, not typed ones: for a few
 * hundred stages a typed array's buffer costs more to set up than it saves.
 */
function reachableMarks(analysis: Pick<Analysis, 'stages' | 'edges'>, target: number): number[] {
  const count = analysis.stages.length;
  const edges = analysis.edges;
  const marks: number[] = new Array<number>(count).fill(0);
  if (target < 0 || target >= count) return marks;
  const starts: number[] = new Array<number>(count + 1).fill(0);
  for (let e = 0; e < edges.length; e++) {
    const { from, to } = edges[e];
    if (typeof from === 'number' && from >= 0 && from < count && to >= 0 && to < count) starts[to + 1]++;
  }
  for (let s = 0; s < count; s++) starts[s + 1] += starts[s];
  const deps: number[] = new Array<number>(starts[count]).fill(0);
  const filled = starts.slice(0, count);
  for (let e = 0; e < edges.length; e++) {
    const { from, to } = edges[e];
    if (typeof from === 'number' && from >= 0 && from < count && to >= 0 && to < count) deps[filled[to]++] = from;
  }
  const stack: number[] = [target];
  marks[target] = 1;
  while (stack.length > 0) {
    const stage = stack.pop()!;
    for (let k = starts[stage]; k < starts[stage + 1]; k++) {
      const dep = deps[k];
      if (marks[dep] === 0) {
        marks[dep] = 1;
        stack.push(dep);
      }
    }
  }
  return marks;
}
