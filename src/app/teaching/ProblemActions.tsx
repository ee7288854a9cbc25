// What can be done about one diagnostic, shown beside it: its quick fixes as
// buttons (a fix is a list of text edits and goes through the store like any
// gesture), and a link to the rule's documentation.
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { appStore, useApp } from '../../store/index.ts';
import { ruleByName } from '../../model/lint/index.ts';

const NO_TITLES: string[] = [];

/**
 * Applies fix n of diagnostic `index` as drawn: against the text of the
 * analysis the list shows, which the store refuses if the text has moved on
 * (a click while a gesture's analysis is still pending; the list is about to
 * be redrawn).
 */
function applyFix(index: number, n: number): void {
  const s = appStore().getState();
  const fix = s.analysis.diagnosticDetails[index]?.fixes[n];
  if (fix) s.applyEdits(fix.edits, s.analysis.file.text);
}

// Selects only titles and the code, so the list does not re-render for keystrokes that leave them alone.
export const ProblemActions = memo(function ProblemActions({ index }: { index: number }) {
  const titles = useApp(useShallow((s) => s.analysis.diagnosticDetails[index]?.fixes.map((f) => f.title) ?? NO_TITLES));
  const code = useApp((s) => s.analysis.diagnostics[index]?.code);
  const rule = code ? ruleByName(code) : undefined;
  if (titles.length === 0 && !rule?.url) return null;
  return (
    <div className="sw-quick-fixes">
      {titles.map((title, n) => (
        <button
          key={n}
          type="button"
          className="sw-quick-fix"
          data-testid="quick-fix"
          title="Apply this fix (undo with Ctrl+Z)"
          onClick={() => applyFix(index, n)}
        >
          {title}
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
