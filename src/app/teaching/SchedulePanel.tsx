// The build schedule for the current target and builder: the steps in which
// stages run (stages in one step run in parallel under BuildKit), a bar per
// stage on a common time axis, and the critical path.
import { useMemo } from 'react';
import { appStore, useApp } from '../../store/index.ts';
import { buildSchedule } from '../../model/schedule.ts';
import { stageLabel } from '../../model/explain.ts';
import { effectiveTarget } from '../../model/targets.ts';

export function SchedulePanel() {
  const analysis = useApp((s) => s.analysis);
  const target = useApp((s) => s.view.target);
  const builder = useApp((s) => s.view.builder);
  const t = effectiveTarget(target, analysis.stages.length);
  const schedule = useMemo(() => buildSchedule(analysis, t, builder), [analysis, t, builder]);
  if (analysis.stages.length === 0) {
    return <p className="sw-teach-empty" data-testid="schedule">No stages yet.</p>;
  }
  const critical = new Set(schedule.criticalPath);
  const total = Math.max(1, ...schedule.timings.map((x) => x.finish));
  const timing = new Map(schedule.timings.map((x) => [x.index, x]));
  const skipped = analysis.stages.map((st) => st.index).filter((i) => !timing.has(i));
  const pick = (index: number) => {
    const s = appStore().getState();
    const id = s.graph.stageIds[index];
    if (id) s.select({ kind: 'node', id, origin: 'app' });
  };
  return (
    <div className="sw-schedule" data-testid="schedule">
      <p className="sw-teach-lead">
        {builder === 'buildkit'
          ? `BuildKit builds ${schedule.timings.length} of ${analysis.stages.length} stages for ${stageLabel(analysis, t)}; stages in the same step run in parallel.`
          : `The legacy builder builds ${schedule.timings.length} stages for ${stageLabel(analysis, t)}, one after another.`}
      </p>
      <ol className="sw-schedule-levels">
        {schedule.levels.map((level, step) => (
          <li key={step} className="sw-schedule-level" data-testid="schedule-level">
            <span className="sw-schedule-step">Step {step + 1}</span>
            {level.map((index) => {
              const x = timing.get(index)!;
              return (
                <button
                  key={index}
                  type="button"
                  className={`sw-schedule-stage ${critical.has(index) ? 'is-critical' : ''}`}
                  data-testid="schedule-stage"
                  data-stage-index={index}
                  data-critical={critical.has(index)}
                  title={`Estimated cost ${x.cost}: starts at ${x.start}, done at ${x.finish}`}
                  onClick={() => pick(index)}
                >
                  <span className="sw-schedule-name">{analysis.stages[index].name ?? `#${index}`}</span>
                  <span className="sw-schedule-bar" aria-hidden="true">
                    <span style={{ left: `${(x.start / total) * 100}%`, width: `${Math.max(2, (x.cost / total) * 100)}%` }} />
                  </span>
                  <span className="sw-schedule-cost">{x.cost}</span>
                </button>
              );
            })}
          </li>
        ))}
      </ol>
      {skipped.length > 0 && (
        <p className="sw-teach-note" data-testid="schedule-skipped">
          Not built for this target: {skipped.map((i) => analysis.stages[i].name ?? `#${i}`).join(', ')}.
        </p>
      )}
      <p className="sw-teach-note" data-testid="critical-path">
        Critical path: {schedule.criticalPath.map((i) => analysis.stages[i].name ?? `#${i}`).join(' → ')} (cost {schedule.criticalCost}).
        Costs are estimates: RUN 10, pulling a base image 3, COPY from the context 2, COPY --from 1, settings 0.
      </p>
    </div>
  );
}
