// --target NAME|INDEX: which stage, as `docker build --target` would take it.

import type { Analysis } from '../model/types.ts';
import { stageTitle } from '../model/export/index.ts';
import { UsageError } from './io.ts';

/**
 * BuildKit matches --target against stage names case-insensitively. An index
 * is accepted too (the app's target select uses indexes), when no stage has
 * that text as its name.
 */
export function resolveTarget(analysis: Pick<Analysis, 'stages'>, value: string): number {
  const wanted = value.toLowerCase();
  const byName = analysis.stages.find((stage) => stage.name !== null && stage.name.toLowerCase() === wanted);
  if (byName) return byName.index;
  if (/^(0|[1-9][0-9]*)$/.test(value) && Number(value) < analysis.stages.length) return Number(value);
  const known = analysis.stages.map((stage) => stageTitle(stage)).join(', ');
  throw new UsageError(
    analysis.stages.length === 0
      ? `no stage ${JSON.stringify(value)}: the Dockerfile has no stages`
      : `no stage ${JSON.stringify(value)} (stages: ${known})`,
  );
}
