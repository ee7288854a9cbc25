// The selected stage, explained: its base, what it takes and gives, and
// whether its files reach the image the current target produces.
import { memo, useMemo } from 'react';
import { useApp } from '../../store/index.ts';
import { explainStage, type StageExplanation } from '../../model/explain.ts';
import { useStableValue } from '../useStableValue.ts';
import type { Analysis } from '../../model/types.ts';
import { effectiveTarget } from '../../model/targets.ts';
import { ProblemActions } from './ProblemActions.tsx';

/** Indexes of the diagnostics reported inside a stage (FROM line to its last instruction). */
function stageProblems(analysis: Analysis, index: number): number[] {
  const stage = analysis.stages[index];
  const detail = analysis.stageDetails[index];
  if (!stage || !detail) return [];
  const out: number[] = [];
  analysis.diagnostics.forEach((d, i) => {
    if (d.line >= stage.line && d.line <= detail.endLine) out.push(i);
  });
  return out;
}

const reachTone = { target: 'final', base: 'final', copied: 'final', 'build-only': 'muted', unused: 'muted' } as const;

interface StageProblem {
  index: number;
  line: number;
  code: string;
  severity: string;
  message: string;
}

export function ExplainPanel() {
  const analysis = useApp((s) => s.analysis);
  const index = useApp((s) => (s.selection?.kind === 'node' ? s.graph.stageIds.indexOf(s.selection.id) : -1));
  const target = useApp((s) => s.view.target);
  const builder = useApp((s) => s.view.builder);
  const view = useStableValue(
    useMemo(() => {
      if (index < 0 || index >= analysis.stages.length) return null;
      const explanation = explainStage(analysis, index, effectiveTarget(target, analysis.stages.length), builder);
      const problems: StageProblem[] = stageProblems(analysis, index).map((i) => {
        const d = analysis.diagnostics[i];
        return { index: i, line: d.line, code: d.code, severity: d.severity, message: d.message };
      });
      return { explanation, problems };
    }, [analysis, index, target, builder]),
  );
  return <ExplainBody view={view} />;
}

const ExplainBody = memo(function ExplainBody({ view }: { view: { explanation: StageExplanation; problems: StageProblem[] } | null }) {
  if (!view) {
    return (
      <p className="sw-teach-empty" data-testid="explanation">
        Select a stage on the canvas, or put the cursor inside one in the editor, to see what it does.
      </p>
    );
  }
  const { explanation, problems } = view;
  return (
    <div className="sw-explain" data-testid="explanation" data-stage-index={explanation.index} data-reach={explanation.reach}>
      <h3 className="sw-explain-title">
        {explanation.label[0].toUpperCase() + explanation.label.slice(1)}
        <span className="sw-explain-kind">{explanation.baseKind}</span>
      </h3>
      <p>{explanation.baseSentence}</p>
      <ul className="sw-explain-list">
        {explanation.transferSentences.map((sentence, i) => (
          <li key={i}>{sentence}</li>
        ))}
      </ul>
      <p className={`sw-explain-reach is-${reachTone[explanation.reach]}`} data-testid="explanation-reach">
        {explanation.reachSentence}
      </p>
      {problems.length > 0 && (
        <section className="sw-explain-problems" data-testid="stage-problem-list">
          <h4>Problems in this stage</h4>
          <ul>
            {problems.map((p) => (
              <li key={p.index} data-testid="stage-problem" data-code={p.code} className={`is-${p.severity}`}>
                <span>
                  Line {p.line}: {p.message}
                </span>
                <ProblemActions index={p.index} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
});
