// What can be done about one diagnostic, shown beside it: its quick fixes as
// buttons (a fix is a list of text edits and goes through the store like any
// gesture), and a link to the rule's documentation.
import { memo } from 'react';
import { appStore, useApp } from '../../store/index.ts';
import { ruleByName } from '../../model/lint/index.ts';

export const ProblemActions = memo(function ProblemActions({ index }: { index: number }) {
  const fixes = useApp((s) => s.analysis.diagnosticDetails[index]?.fixes);
  const code = useApp((s) => s.analysis.diagnostics[index]?.code);
  const rule = code ? ruleByName(code) : undefined;
  if ((!fixes || fixes.length === 0) && !rule?.url) return null;
  return (
    <div className="sw-quick-fixes">
      {fixes?.map((fix, n) => (
        <button
          key={n}
          type="button"
          className="sw-quick-fix"
          data-testid="quick-fix"
          title="Apply this fix (undo with Ctrl+Z)"
          onClick={() => appStore().getState().applyEdits(fix.edits)}
        >
          {fix.title}
        </button>
      ))}
      {rule?.url && (
        <a className="sw-rule-link" href={rule.url} target="_blank" rel="noreferrer" data-testid="rule-docs" title={rule.description}>
          About {rule.name}
        </a>
      )}
    </div>
  );
});
