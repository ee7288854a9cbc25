// The toolbar, in sections: file, edit, and the slots other features fill
// (build target, templates, share/export; see ./extensions.ts).
import { useRef } from 'react';
import { appStore, useApp } from '../store/index.ts';
import { toolbarSlots, type ToolbarSlot } from './extensions.ts';
import { copyText, downloadText } from './files.ts';
import { openFile } from './openFile.ts';

function Slot({ slot, label }: { slot: ToolbarSlot; label: string }) {
  const items = toolbarSlots[slot];
  if (items.length === 0) return null;
  return (
    <div className="sw-toolbar-section" role="group" aria-label={label} data-section={slot}>
      {items.map((Item, i) => (
        <Item key={i} />
      ))}
    </div>
  );
}

export function Toolbar() {
  const fileInput = useRef<HTMLInputElement>(null);
  const openDialog = useApp((s) => s.openDialog);
  return (
    <header className="sw-toolbar" role="toolbar" aria-label="Stagewright">
      <div className="sw-brand" aria-label="Stagewright">
        <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true">
          <rect x="1" y="3" width="7" height="6" rx="1.5" className="sw-brand-a" />
          <rect x="12" y="11" width="7" height="6" rx="1.5" className="sw-brand-b" />
          <path d="M8 6 C 11 6, 9 14, 12 14" className="sw-brand-line" fill="none" />
        </svg>
        <span className="sw-brand-name">Stagewright</span>
      </div>
      <div className="sw-toolbar-section" role="group" aria-label="File">
        <button type="button" className="sw-button" data-testid="open" onClick={() => fileInput.current?.click()}>
          Open…
        </button>
        <input
          ref={fileInput}
          type="file"
          data-testid="open-file"
          className="sw-hidden-input"
          accept=".dockerfile,Dockerfile,text/plain,*"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void openFile(file);
          }}
        />
        <button type="button" className="sw-button" data-testid="download" onClick={() => downloadText(appStore().getState().text)}>
          Download
        </button>
        <button
          type="button"
          className="sw-button"
          data-testid="copy"
          onClick={async () => {
            const s = appStore().getState();
            const ok = await copyText(s.text);
            s.alert(ok ? 'Dockerfile copied to the clipboard.' : 'The browser did not allow copying to the clipboard.', ok ? 'info' : 'error');
          }}
        >
          Copy
        </button>
      </div>
      <div className="sw-toolbar-section" role="group" aria-label="Edit">
        <button
          type="button"
          className="sw-button sw-button-icon"
          data-testid="undo"
          aria-label="Undo"
          title="Undo (Ctrl+Z)"
          onClick={() => appStore().getState().undo()}
        >
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M5.5 3.5 2.5 6.5l3 3M3 6.5h6.5a3.5 3.5 0 0 1 0 7H7" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </button>
        <button
          type="button"
          className="sw-button sw-button-icon"
          data-testid="redo"
          aria-label="Redo"
          title="Redo (Ctrl+Shift+Z)"
          onClick={() => appStore().getState().redo()}
        >
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M10.5 3.5l3 3-3 3M13 6.5H6.5a3.5 3.5 0 0 0 0 7H9" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </button>
        <button type="button" className="sw-button sw-button-primary" data-testid="add-stage" onClick={() => openDialog({ kind: 'add-stage' })}>
          + Add stage
        </button>
        <button
          type="button"
          className="sw-button"
          data-testid="relayout"
          title="Forget dragged positions and lay the graph out again"
          onClick={() => appStore().getState().resetPositions()}
        >
          Tidy
        </button>
      </div>
      <Slot slot="build" label="Build" />
      <span className="sw-toolbar-spacer" />
      <Slot slot="templates" label="Templates" />
      <Slot slot="share" label="Share and export" />
    </header>
  );
}
