// Every diagnostic of the current text, in line order. Clicking one reveals its line in the editor.
import { memo } from 'react';
import { appStore, useApp } from '../store/index.ts';
import type { Diagnostic } from '../model/types.ts';
import { ProblemActions } from './teaching/ProblemActions.tsx';

const ICON: Record<Diagnostic['severity'], string> = { error: '●', warning: '▲', info: 'ℹ' };

export const ProblemsList = memo(function ProblemsList() {
  const diagnostics = useApp((s) => s.diagnostics);
  if (diagnostics.length === 0) {
    return (
      <div className="sw-problems-empty" data-testid="problems">
        No problems found.
      </div>
    );
  }
  return (
    <ul className="sw-problems" data-testid="problems">
      {diagnostics.map((d, i) => (
        <li key={`${i}:${d.line}:${d.code}`}>
          <button
            type="button"
            className={`sw-problem sw-problem-${d.severity}`}
            data-testid="problem"
            data-line={d.line}
            data-code={d.code}
            data-severity={d.severity}
            onClick={() => {
              const s = appStore().getState();
              s.selectStageAtLine(d.line);
              s.revealLine(d.line);
            }}
          >
            <span className="sw-problem-icon" aria-label={d.severity}>
              {ICON[d.severity]}
            </span>
            <span className="sw-problem-body">
              <span className="sw-problem-message">{d.message}</span>
              <span className="sw-problem-meta">
                {d.code} · line {d.line}
              </span>
            </span>
          </button>
          <ProblemActions index={i} />
        </li>
      ))}
    </ul>
  );
});
