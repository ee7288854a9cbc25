// The selected stage, explained: its base, what it takes and gives, and
// whether its files reach the image the current target produces.
import { useMemo } from 'react';
import { useApp } from '../../store/index.ts';
import { explainStage } from '../../model/explain.ts';
import { effectiveTarget } from './BuildControls.tsx';

const reachTone = { target: 'final', base: 'final', copied: 'final', 'build-only': 'muted', unused: 'muted' } as const;

export function ExplainPanel() {
  const analysis = useApp((s) => s.analysis);
  const index = useApp((s) => (s.selection?.kind === 'node' ? s.graph.stageIds.indexOf(s.selection.id) : -1));
  const target = useApp((s) => s.view.target);
  const builder = useApp((s) => s.view.builder);
  const t = effectiveTarget(target, analysis.stages.length);
  const explanation = useMemo(
    () => (index >= 0 && index < analysis.stages.length ? explainStage(analysis, index, t, builder) : null),
    [analysis, index, t, builder],
  );
  if (!explanation) {
    return (
      <p className="sw-teach-empty" data-testid="explanation">
        Select a stage on the canvas, or put the cursor inside one in the editor, to see what it does.
      </p>
    );
  }
  const [base, ...rest] = explanation.sentences;
  const reach = rest.pop()!;
  return (
    <div className="sw-explain" data-testid="explanation" data-stage-index={explanation.index} data-reach={explanation.reach}>
      <h3 className="sw-explain-title">
        {explanation.label[0].toUpperCase() + explanation.label.slice(1)}
        <span className="sw-explain-kind">{explanation.baseKind}</span>
      </h3>
      <p>{base}</p>
      {rest.length > 0 && (
        <ul className="sw-explain-list">
          {rest.map((sentence, i) => (
            <li key={i}>{sentence}</li>
          ))}
        </ul>
      )}
      <p className={`sw-explain-reach is-${reachTone[explanation.reach]}`} data-testid="explanation-reach">
        {reach}
      </p>
    </div>
  );
}
