// The build schedule for the current target and builder: the steps in which
// stages run (stages in one step run in parallel under BuildKit), a bar per
// stage on a common time axis, and the critical path.
import { memo, useMemo } from 'react';
import { appStore, useApp } from '../../store/index.ts';
import { buildSchedule } from '../../model/schedule.ts';
import { stageLabel } from '../../model/explain.ts';
import { effectiveTarget } from '../../model/targets.ts';
import type { Analysis } from '../../model/types.ts';
import type { Builder } from '../../store/persistence.ts';
import { useStableValue } from '../useStableValue.ts';

interface ScheduledStage {
  index: number;
  name: string;
  critical: boolean;
  start: number;
  cost: number;
  finish: number;
}

/** What the panel shows, as plain data (see useStableValue). */
interface ScheduleView {
  stageCount: number;
  lead: string;
  levels: ScheduledStage[][];
  total: number;
  skipped: string[];
  criticalPath: string;
  criticalCost: number;
}

export function scheduleView(analysis: Analysis, target: number | null, builder: Builder): ScheduleView {
  const t = effectiveTarget(target, analysis.stages.length);
  const schedule = buildSchedule(analysis, t, builder);
  const name = (i: number) => analysis.stages[i].name ?? `#${i}`;
  const critical = new Set(schedule.criticalPath);
  const timing = new Map(schedule.timings.map((x) => [x.index, x]));
  return {
    stageCount: analysis.stages.length,
    lead:
      builder === 'buildkit'
        ? `BuildKit builds ${schedule.timings.length} of ${analysis.stages.length} stages for ${stageLabel(analysis, t)}; stages in the same step run in parallel.`
        : `The legacy builder builds ${schedule.timings.length} stages for ${stageLabel(analysis, t)}, one after another.`,
    levels: schedule.levels.map((level) =>
      level.map((index) => {
        const x = timing.get(index)!;
        return { index, name: name(index), critical: critical.has(index), start: x.start, cost: x.cost, finish: x.finish };
      }),
    ),
    total: Math.max(1, ...schedule.timings.map((x) => x.finish)),
    skipped: analysis.stages.map((st) => st.index).filter((i) => !timing.has(i)).map(name),
    criticalPath: schedule.criticalPath.map(name).join(' → '),
    criticalCost: schedule.criticalCost,
  };
}

export function SchedulePanel() {
  const analysis = useApp((s) => s.analysis);
  const target = useApp((s) => s.view.target);
  const builder = useApp((s) => s.view.builder);
  const view = useStableValue(useMemo(() => scheduleView(analysis, target, builder), [analysis, target, builder]));
  return <ScheduleBody view={view} />;
}

function pick(index: number): void {
  const s = appStore().getState();
  const id = s.graph.stageIds[index];
  if (id) s.select({ kind: 'node', id, origin: 'app' });
}

const ScheduleBody = memo(function ScheduleBody({ view }: { view: ScheduleView }) {
  if (view.stageCount === 0) {
    return <p className="sw-teach-empty" data-testid="schedule">No stages yet.</p>;
  }
  return (
    <div className="sw-schedule" data-testid="schedule">
      <p className="sw-teach-lead">{view.lead}</p>
      <ol className="sw-schedule-levels">
        {view.levels.map((level, step) => (
          <li key={step} className="sw-schedule-level" data-testid="schedule-level">
            <span className="sw-schedule-step">Step {step + 1}</span>
            {level.map((x) => (
              <button
                key={x.index}
                type="button"
                className={`sw-schedule-stage ${x.critical ? 'is-critical' : ''}`}
                data-testid="schedule-stage"
                data-stage-index={x.index}
                data-critical={x.critical}
                title={`Estimated cost ${x.cost}: starts at ${x.start}, done at ${x.finish}`}
                onClick={() => pick(x.index)}
              >
                <span className="sw-schedule-name">{x.name}</span>
                <span className="sw-schedule-bar" aria-hidden="true">
                  <span style={{ left: `${(x.start / view.total) * 100}%`, width: `${Math.max(2, (x.cost / view.total) * 100)}%` }} />
                </span>
                <span className="sw-schedule-cost">{x.cost}</span>
              </button>
            ))}
          </li>
        ))}
      </ol>
      {view.skipped.length > 0 && (
        <p className="sw-teach-note" data-testid="schedule-skipped">
          Not built for this target: {view.skipped.join(', ')}.
        </p>
      )}
      <p className="sw-teach-note" data-testid="critical-path">
        Critical path: {view.criticalPath} (cost {view.criticalCost}).
        Costs are estimates: RUN 10, pulling a base image 3, COPY from the context 2, COPY --from 1, settings 0.
      </p>
    </div>
  );
});
