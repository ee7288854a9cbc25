// The shell: toolbar, editor | divider | canvas | side panel, status bar, and
// the page-wide behaviours (keyboard shortcuts outside the editor, dropping a file).
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { appStore, useApp } from '../store/index.ts';
import { Canvas } from '../canvas/Canvas.tsx';
import { deleteSelection } from '../canvas/gestures.ts';
import { editorMayLoad } from './editorStart.ts';
import { Toolbar } from './Toolbar.tsx';
import { StatusBar } from './StatusBar.tsx';
import { SidePanel } from './SidePanel.tsx';
import { Splitter } from './Splitter.tsx';
import { Dialogs } from './Dialogs.tsx';
import { Alerts } from './Alerts.tsx';
import { openFile } from './openFile.ts';

// Monaco is most of the page's weight: the editor loads once the canvas has drawn.
const EditorPane = lazy(() =>
  editorMayLoad
    .then(() => import('../editor/EditorPane.tsx'))
    .then((m) => ({ default: m.EditorPane })),
);

function EditorLoading() {
  return (
    <div className="sw-editor-loading" data-testid="editor-loading">
      Loading editor…
    </div>
  );
}

/** Keys typed into inputs, the editor or a dialog are theirs, not the page's. */
function ownedByAField(target: EventTarget | null): boolean {
  return target instanceof Element && !!target.closest('input, textarea, select, [contenteditable], .nokey');
}

function usePageShortcuts() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (ownedByAField(e.target)) return;
      const s = appStore().getState();
      const mod = e.ctrlKey || e.metaKey;
      if ((e.key === 'Delete' || e.key === 'Backspace') && !mod && s.selection && !s.dialog) {
        e.preventDefault();
        deleteSelection();
      } else if (mod && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        if (e.shiftKey) s.redo();
        else s.undo();
      } else if (e.key === 'Escape' && s.selection && !s.dialog) {
        s.select(null);
      } else if (mod && e.key.toLowerCase() === 'y') {
        e.preventDefault();
        s.redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

function useFileDrop(): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setOver(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const overFn = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer!.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.stopPropagation();
      depth = 0;
      setOver(false);
      const file = e.dataTransfer?.files?.[0];
      if (file) void openFile(file);
    };
    // Capture phase: Monaco would otherwise take the drop as text.
    window.addEventListener('dragenter', enter, true);
    window.addEventListener('dragleave', leave, true);
    window.addEventListener('dragover', overFn, true);
    window.addEventListener('drop', drop, true);
    return () => {
      window.removeEventListener('dragenter', enter, true);
      window.removeEventListener('dragleave', leave, true);
      window.removeEventListener('dragover', overFn, true);
      window.removeEventListener('drop', drop, true);
    };
  }, []);
  return over;
}

export function App() {
  const split = useApp((s) => s.view.split);
  const main = useRef<HTMLDivElement>(null);
  usePageShortcuts();
  const dropping = useFileDrop();
  return (
    <div className="sw-app">
      <Toolbar />
      <div className="sw-main" ref={main} style={{ gridTemplateColumns: `minmax(240px, ${split}fr) 6px minmax(280px, ${1 - split}fr) auto` }}>
        <section className="sw-pane sw-pane-editor" aria-label="Dockerfile editor">
          <Suspense fallback={<EditorLoading />}>
            <EditorPane />
          </Suspense>
        </section>
        <Splitter container={main} />
        <section className="sw-pane sw-pane-canvas" aria-label="Stage graph">
          <Canvas />
        </section>
        <SidePanel />
      </div>
      <StatusBar />
      <Dialogs />
      <Alerts />
      {dropping && (
        <div className="sw-drop-overlay" aria-hidden="true">
          Drop a Dockerfile to open it
        </div>
      )}
    </div>
  );
}
