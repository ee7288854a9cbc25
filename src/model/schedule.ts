// The order a build runs its stages in. BuildKit solves the build graph
// concurrently: a stage can start as soon as every stage it depends on is done,
// so stages fall into levels that run in parallel. The legacy builder runs one
// stage after another, in file order, up to the target.
//
// The critical path is the chain of dependent stages with the largest
// estimated cost: the build cannot finish sooner than that chain, however many
// cores BuildKit has. Costs are estimates from the text alone (see costOf).

import { builtStages, defaultTarget, stageDependencies, type Builder } from './targets';
import type { Analysis, Instruction } from './types';

export interface StageTiming {
  index: number;
  cost: number;
  /** Estimated start and finish, in cost units, with unlimited parallelism (legacy: one at a time). */
  start: number;
  finish: number;
}

export interface Schedule {
  target: number;
  builder: Builder;
  /** Stage indexes by level: a level starts when the levels before it are done. Only built stages appear. */
  levels: number[][];
  timings: StageTiming[];
  /** The most expensive chain of dependencies ending at the target, in build order. */
  criticalPath: number[];
  criticalCost: number;
}

// Relative weights, not seconds. RUN executes programs (package managers,
// compilers, test suites) and dominates almost every real build, so it weighs
// most. Pulling a base image costs a download but is cached after the first
// build. ADD of a URL downloads too. COPY from the build context transfers and
// snapshots files; COPY --from only copies between snapshots BuildKit already
// holds. WORKDIR is a small file operation. ENV, LABEL, ARG, EXPOSE, USER, CMD,
// ENTRYPOINT and the like only change the image config: no process, no layer.
const WEIGHT = {
  run: 10,
  pullImage: 3,
  addUrl: 4,
  copyContext: 2,
  copyFromStage: 1,
  workdir: 1,
  metadata: 0,
} as const;

function instructionCost(instruction: Instruction): number {
  switch (instruction.cmd) {
    case 'run':
      return WEIGHT.run;
    case 'add':
      return instruction.args.some((a) => /^https?:\/\//.test(a.value)) ? WEIGHT.addUrl : WEIGHT.copyContext;
    case 'copy':
      return instruction.flags.some((f) => f.name === 'from') ? WEIGHT.copyFromStage : WEIGHT.copyContext;
    case 'workdir':
      return WEIGHT.workdir;
    default:
      return WEIGHT.metadata;
  }
}

/** Estimated cost of building one stage: pulling its base image (if any) plus its instructions. */
export function costOf(analysis: Analysis, index: number): number {
  const detail = analysis.stageDetails[index];
  const pull = detail.baseStage === null && detail.resolvedBase.toLowerCase() !== 'scratch' ? WEIGHT.pullImage : 0;
  return detail.instructions.reduce((sum, instruction) => sum + instructionCost(instruction), pull);
}

export function buildSchedule(
  analysis: Analysis,
  target: number = defaultTarget(analysis),
  builder: Builder = 'buildkit',
): Schedule {
  const built = builtStages(analysis, target, builder);
  const deps = stageDependencies(analysis).map((list, index) => (built[index] ? list.filter((d) => built[d] && d !== index) : []));
  const cost = analysis.stages.map((_, index) => (built[index] ? costOf(analysis, index) : 0));
  const timings: StageTiming[] = [];
  const level: number[] = [];
  const via: (number | null)[] = [];

  // Longest path by depth-first search; an edge back into a stage still being
  // visited closes a cycle (analyze() reports it) and is ignored here.
  const visiting = new Set<number>();
  const visit = (index: number): void => {
    if (timings[index] || visiting.has(index)) return;
    visiting.add(index);
    let start = 0;
    let depth = 0;
    let longest: number | null = null;
    for (const dep of deps[index]) {
      visit(dep);
      if (!timings[dep]) continue;
      depth = Math.max(depth, level[dep] + 1);
      if (longest === null || timings[dep].finish > timings[longest].finish) longest = dep;
      start = Math.max(start, timings[dep].finish);
    }
    visiting.delete(index);
    level[index] = depth;
    via[index] = longest;
    timings[index] = { index, cost: cost[index], start, finish: start + cost[index] };
  };

  const order = analysis.stages.map((s) => s.index).filter((index) => built[index]);
  if (builder === 'legacy') {
    // One stage at a time, in file order.
    let clock = 0;
    order.forEach((index, position) => {
      timings[index] = { index, cost: cost[index], start: clock, finish: clock + cost[index] };
      clock += cost[index];
      level[index] = position;
      via[index] = position > 0 ? order[position - 1] : null;
    });
  } else {
    for (const index of order) visit(index);
  }

  const levels: number[][] = [];
  for (const index of order) (levels[level[index]] ??= []).push(index);

  const criticalPath: number[] = [];
  if (target >= 0 && target < analysis.stages.length && timings[target]) {
    for (let at: number | null = target; at !== null; at = via[at]) criticalPath.unshift(at);
  }
  return {
    target,
    builder,
    levels: levels.filter((l) => l !== undefined),
    timings: order.map((index) => timings[index]),
    criticalPath,
    criticalCost: timings[target]?.finish ?? 0,
  };
}
