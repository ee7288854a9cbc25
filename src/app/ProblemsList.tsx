// Every diagnostic of the current text, in line order (an info code reported
// many times is folded into one group: see problemGroups.ts). Clicking one
// reveals its line in the editor.
import { memo, useMemo } from 'react';
import { appStore, useApp } from '../store/index.ts';
import type { Diagnostic } from '../model/types.ts';
import { ProblemActions } from './teaching/ProblemActions.tsx';
import { problemRows } from './problemGroups.ts';
import { ruleByName } from '../model/lint/index.ts';

const ICON: Record<Diagnostic['severity'], string> = { error: '●', warning: '▲', info: 'ℹ' };

export const ProblemsList = memo(function ProblemsList() {
  const diagnostics = useApp((s) => s.diagnostics);
  const rows = useMemo(() => problemRows(diagnostics), [diagnostics]);
  if (diagnostics.length === 0) {
    return (
      <div className="sw-problems-empty" data-testid="problems">
        No problems found.
      </div>
    );
  }
  return (
    <ul className="sw-problems" data-testid="problems">
      {rows.map((row) =>
        row.kind === 'single' ? (
          <Problem key={`${row.index}:${diagnostics[row.index].line}:${diagnostics[row.index].code}`} d={diagnostics[row.index]} index={row.index} />
        ) : (
          <li key={`group:${row.code}`} className="sw-problem-group">
            <details data-testid="problem-group" data-code={row.code}>
              <summary className="sw-problem sw-problem-info">
                <span className="sw-problem-icon" aria-label="info">
                  {ICON.info}
                </span>
                <span className="sw-problem-body">
                  <span className="sw-problem-message">
                    {row.indexes.length} × {ruleByName(row.code)?.description ?? row.code}
                  </span>
                  <span className="sw-problem-meta">
                    {row.code} · lines {row.indexes.slice(0, 6).map((i) => diagnostics[i].line).join(', ')}
                    {row.indexes.length > 6 ? ', …' : ''}
                  </span>
                </span>
              </summary>
              <ul className="sw-problems sw-problem-group-items">
                {row.indexes.map((i) => (
                  <Problem key={`${i}:${diagnostics[i].line}`} d={diagnostics[i]} index={i} />
                ))}
              </ul>
            </details>
          </li>
        ),
      )}
    </ul>
  );
});

function Problem({ d, index }: { d: Diagnostic; index: number }) {
  return (
    <li>
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
      <ProblemActions index={index} />
    </li>
  );
}
