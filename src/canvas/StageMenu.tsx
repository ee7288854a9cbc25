// The per-stage menu (the ⋯ button on a node): the same gestures as the
// double-click and Delete shortcuts, plus reordering, and the quick fixes for
// the stage's own problems, so a fix can be applied from the node itself.
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Analysis, QuickFix } from '../model/index.ts';
import { appStore, useApp } from '../store/index.ts';
import { deleteStage, perform } from './gestures.ts';

const NO_FIXES: readonly QuickFix[] = [];

/** Quick fixes of the diagnostics reported on the stage's lines (FROM to its last instruction). */
function stageFixes(analysis: Analysis, index: number): readonly QuickFix[] {
  const stage = analysis.stages[index];
  const detail = analysis.stageDetails[index];
  if (!stage || !detail) return NO_FIXES;
  const fixes: QuickFix[] = [];
  analysis.diagnostics.forEach((d, i) => {
    if (d.line >= stage.line && d.line <= detail.endLine) fixes.push(...(analysis.diagnosticDetails[i]?.fixes ?? []));
  });
  return fixes.length > 0 ? fixes : NO_FIXES;
}

export function StageMenu() {
  const menu = useApp(useShallow((s) => (s.dialog?.kind === 'stage-menu' ? s.dialog : null)));
  const count = useApp((s) => s.analysis.stages.length);
  // Only while the menu is open, so a closed menu does not re-render on every keystroke.
  const fixes = useApp(useShallow((s) => (s.dialog?.kind === 'stage-menu' ? stageFixes(s.analysis, s.dialog.index) : NO_FIXES)));
  // The text the fixes' offsets refer to.
  const basis = useApp((s) => (s.dialog?.kind === 'stage-menu' ? s.analysis.file.text : ''));
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!menu) return;
    ref.current?.querySelector<HTMLButtonElement>('button')?.focus();
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent && e.key !== 'Escape') return;
      if (e instanceof PointerEvent && ref.current?.contains(e.target as Node)) return;
      appStore().getState().openDialog(null);
    };
    window.addEventListener('pointerdown', close, true);
    window.addEventListener('keydown', close, true);
    return () => {
      window.removeEventListener('pointerdown', close, true);
      window.removeEventListener('keydown', close, true);
    };
  }, [menu]);

  if (!menu) return null;
  const { index, id } = menu;
  const act = (fn: () => void) => () => {
    appStore().getState().openDialog(null);
    fn();
  };
  const edit = (field: 'name' | 'base') => act(() => appStore().getState().setInlineEdit(`${id}:${field}`));
  return (
    <div
      ref={ref}
      className="sw-menu nokey"
      role="menu"
      data-testid="stage-menu-popup"
      style={{ position: 'fixed', left: Math.min(menu.x, window.innerWidth - 200), top: Math.min(menu.y + 4, window.innerHeight - 200) }}
    >
      <button type="button" role="menuitem" onClick={edit('name')}>
        Rename…
      </button>
      <button type="button" role="menuitem" onClick={edit('base')}>
        Change base image…
      </button>
      <button type="button" role="menuitem" disabled={index === 0} onClick={act(() => perform({ op: 'moveStage', index, direction: 'up' }))}>
        Move up in file
      </button>
      <button
        type="button"
        role="menuitem"
        disabled={index >= count - 1}
        onClick={act(() => perform({ op: 'moveStage', index, direction: 'down' }))}
      >
        Move down in file
      </button>
      {fixes.length > 0 && <hr />}
      {fixes.map((fix, n) => (
        <button
          key={n}
          type="button"
          role="menuitem"
          data-testid="stage-quick-fix"
          title="Apply this fix (undo with Ctrl+Z)"
          onClick={act(() => appStore().getState().applyEdits(fix.edits, basis))}
        >
          Fix: {fix.title}
        </button>
      ))}
      <hr />
      <button type="button" role="menuitem" className="is-danger" data-testid="delete-stage" onClick={act(() => deleteStage(index))}>
        Delete stage
      </button>
    </div>
  );
}
