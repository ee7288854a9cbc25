// The per-stage menu (the ⋯ button on a node): the same gestures as the
// double-click and Delete shortcuts, plus reordering.
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { appStore, useApp } from '../store/index.ts';
import { deleteStage, perform } from './gestures.ts';

export function StageMenu() {
  const menu = useApp(useShallow((s) => (s.dialog?.kind === 'stage-menu' ? s.dialog : null)));
  const count = useApp((s) => s.analysis.stages.length);
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
      <hr />
      <button type="button" role="menuitem" className="is-danger" data-testid="delete-stage" onClick={act(() => deleteStage(index))}>
        Delete stage
      </button>
    </div>
  );
}
