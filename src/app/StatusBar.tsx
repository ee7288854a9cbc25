// Counts at a glance: stages, connections, problems (errors, warnings, and notes when there are any).
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store/index.ts';

export function StatusBar() {
  const c = useApp(
    useShallow((s) => {
      let errors = 0;
      let warnings = 0;
      let notes = 0;
      for (const d of s.diagnostics) {
        if (d.severity === 'error') errors++;
        else if (d.severity === 'warning') warnings++;
        else notes++;
      }
      return {
        stages: s.analysis.stages.length,
        edges: s.analysis.edges.length,
        images: s.graph.nodes.length - s.analysis.stages.length,
        errors,
        warnings,
        notes,
        lines: s.analysis.file.lineStarts.length,
      };
    }),
  );
  const setTab = useApp((s) => s.setPanelTab);
  return (
    <footer className="sw-status" data-testid="status-bar">
      <span data-testid="status-stages">
        {c.stages} stage{c.stages === 1 ? '' : 's'}
      </span>
      <span data-testid="status-edges">
        {c.edges} connection{c.edges === 1 ? '' : 's'}
      </span>
      {c.images > 0 && (
        <span>
          {c.images} external image{c.images === 1 ? '' : 's'}
        </span>
      )}
      <button type="button" className="sw-status-problems" data-testid="status-problems" onClick={() => setTab('problems')}>
        <span className={c.errors ? 'sw-text-error' : ''}>● {c.errors} error{c.errors === 1 ? '' : 's'}</span>
        <span className={c.warnings ? 'sw-text-warning' : ''}>▲ {c.warnings} warning{c.warnings === 1 ? '' : 's'}</span>
        {/* Notes (info) count only when there are some: they teach, they do not block. */}
        {c.notes > 0 && (
          <span data-testid="status-notes">
            ℹ {c.notes} note{c.notes === 1 ? '' : 's'}
          </span>
        )}
      </button>
      <span className="sw-status-spacer" />
      <span>{c.lines} lines</span>
      <span>Saved in this browser</span>
    </footer>
  );
}
