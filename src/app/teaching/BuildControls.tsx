// The build target and the builder: which stage to build, and whether to see
// what BuildKit or the legacy builder would run for it. The canvas greys out
// the stages that are skipped (data-built on each node).
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { appStore, useApp } from '../../store/index.ts';
import { effectiveTarget } from '../../model/targets.ts';
import { installEditorQuickFixes } from './editorQuickFixes.ts';
import './teaching.css';

// Kept for importers that found it here first (src/app/export); it lives in the model now.
export { effectiveTarget } from '../../model/targets.ts';

export function BuildControls() {
  const labels = useApp(useShallow((s) => s.analysis.stages.map((st) => (st.name ? st.name : `#${st.index} ${st.base}`))));
  const target = useApp((s) => s.view.target);
  const legacy = useApp((s) => s.view.builder === 'legacy');
  useEffect(() => installEditorQuickFixes(), []);
  const value = effectiveTarget(target, labels.length);
  return (
    <>
      <label className="sw-build-field" title="The stage `docker build --target` builds (default: the last stage)">
        <span>Target</span>
        <select
          className="sw-select"
          data-testid="target-select"
          value={labels.length ? String(value) : ''}
          disabled={labels.length === 0}
          onChange={(e) => {
            const index = Number(e.target.value);
            appStore().getState().setTarget(index === labels.length - 1 ? null : index);
          }}
        >
          {labels.map((label, index) => (
            <option key={index} value={index}>
              {label}
              {index === labels.length - 1 ? ' (default)' : ''}
            </option>
          ))}
        </select>
      </label>
      <label className="sw-build-field sw-build-toggle" title="The legacy builder builds every stage up to the target, needed or not">
        <input
          type="checkbox"
          data-testid="builder-toggle"
          checked={legacy}
          onChange={(e) => appStore().getState().setBuilder(e.target.checked ? 'legacy' : 'buildkit')}
        />
        <span>Legacy builder</span>
      </label>
    </>
  );
}
