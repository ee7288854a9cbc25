// The quick fixes of one diagnostic, as buttons beside it in the problems list.
// A fix is a list of text edits; it goes through the store like any gesture.
import { memo } from 'react';
import { appStore, useApp } from '../../store/index.ts';

export const QuickFixButtons = memo(function QuickFixButtons({ index }: { index: number }) {
  const fixes = useApp((s) => s.analysis.diagnosticDetails[index]?.fixes);
  if (!fixes || fixes.length === 0) return null;
  return (
    <div className="sw-quick-fixes">
      {fixes.map((fix, n) => (
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
    </div>
  );
});
