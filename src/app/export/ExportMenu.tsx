// The toolbar's export menu: the canvas as SVG or PNG, the graph as Mermaid or
// DOT, the Dockerfile itself, and how to build the chosen target.
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useShallow } from 'zustand/react/shallow';
import { appStore, useApp } from '../../store/index.ts';
import { copyText, downloadBlob, downloadText } from '../files.ts';
import { buildCommandNote } from './dockerBuild.ts';
import type { ImageFormat } from './image.ts';
import { SLIDE_HEIGHT, SLIDE_WIDTH } from './slide.ts';
import { renderTextExport, TEXT_EXPORTS, type TextFormat } from './textExports.ts';
import './export.css';

function exportText(format: TextFormat): void {
  const state = appStore().getState();
  const { filename, type } = TEXT_EXPORTS[format];
  downloadBlob(new Blob([renderTextExport(format, state)], { type: `${type};charset=utf-8` }), filename);
}

async function exportImage(format: ImageFormat): Promise<void> {
  try {
    // html-to-image is only needed here: fetched on the first picture export,
    // not parsed on every page load before the canvas can draw.
    const { renderCanvasImage } = await import('./image.ts');
    downloadBlob(await renderCanvasImage(format), `stages.${format}`);
  } catch (error) {
    appStore()
      .getState()
      .alert(`Could not export the picture: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function BuildCommand() {
  const note = useApp(useShallow((s) => buildCommandNote(s.analysis.stages, s.view.target)));
  if (note.kind === 'default') return null;
  if (note.kind === 'unnamed') {
    return (
      <p className="sw-export-note" data-testid="build-command-note">
        The target, stage #{note.index}, has no name, and <code>docker build --target</code> takes a name: add <code>AS name</code> to its{' '}
        <code>FROM</code> line.
      </p>
    );
  }
  return (
    <div className="sw-export-note" data-testid="build-command-note">
      <span>“{note.stage}” is not the last stage. Build it with:</span>
      <div className="sw-export-command">
        <code data-testid="build-command">{note.command}</code>
        <button
          type="button"
          onClick={async () => {
            const ok = await copyText(note.command);
            appStore()
              .getState()
              .alert(ok ? 'Command copied.' : 'The browser did not allow copying to the clipboard.', ok ? 'info' : 'error');
          }}
        >
          Copy
        </button>
      </div>
    </div>
  );
}

export function ExportMenu() {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<ImageFormat | null>(null);
  // Where the menu hangs: the toolbar scrolls sideways (overflow), which would
  // clip a dropdown inside it, so the menu is fixed to the page, under the button.
  const [anchor, setAnchor] = useState<{ top: number; right: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const empty = useApp((s) => s.analysis.stages.length === 0);

  useEffect(() => {
    if (!open) return;
    const place = () => {
      const rect = button.current?.getBoundingClientRect();
      if (rect) setAnchor({ top: rect.bottom + 6, right: Math.max(8, window.innerWidth - rect.right) });
    };
    place();
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('pointerdown', onPointer, true);
    window.addEventListener('keydown', onKey);
    window.addEventListener('resize', place);
    return () => {
      window.removeEventListener('pointerdown', onPointer, true);
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('resize', place);
    };
  }, [open]);

  const image = (format: ImageFormat) => async () => {
    setBusy(format);
    await exportImage(format);
    setBusy(null);
    setOpen(false);
  };
  const text = (format: TextFormat) => () => {
    exportText(format);
    setOpen(false);
  };

  const items = (
    <div className="sw-menu sw-export-menu" role="menu" aria-label="Export" ref={menu} style={{ top: anchor?.top, right: anchor?.right }}>
      <div className="sw-export-heading">
        Picture of the canvas ({SLIDE_WIDTH}×{SLIDE_HEIGHT})
      </div>
      <button type="button" role="menuitem" data-testid="export-svg" disabled={empty || busy !== null} onClick={image('svg')}>
        {busy === 'svg' ? 'Exporting SVG…' : 'SVG image'} <span className="sw-export-file">stages.svg</span>
      </button>
      <button type="button" role="menuitem" data-testid="export-png" disabled={empty || busy !== null} onClick={image('png')}>
        {busy === 'png' ? 'Exporting PNG…' : 'PNG image'} <span className="sw-export-file">stages.png</span>
      </button>
      <hr />
      <div className="sw-export-heading">Graph as text</div>
      <button type="button" role="menuitem" data-testid="export-mermaid" onClick={text('mermaid')}>
        Mermaid flowchart <span className="sw-export-file">{TEXT_EXPORTS.mermaid.filename}</span>
      </button>
      <button type="button" role="menuitem" data-testid="export-dot" onClick={text('dot')}>
        Graphviz DOT <span className="sw-export-file">{TEXT_EXPORTS.dot.filename}</span>
      </button>
      <hr />
      <button
        type="button"
        role="menuitem"
        data-testid="export-dockerfile"
        onClick={() => {
          downloadText(appStore().getState().text);
          setOpen(false);
        }}
      >
        Dockerfile <span className="sw-export-file">Dockerfile</span>
      </button>
      <BuildCommand />
    </div>
  );

  return (
    <>
      <button
        ref={button}
        type="button"
        className="sw-button"
        data-testid="export"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        Export ▾
      </button>
      {open && anchor && createPortal(items, document.body)}
    </>
  );
}
