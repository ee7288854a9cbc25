// The Monaco editor as a React component, wired to the store both ways:
// - typing -> store.editorChanged(text);
// - store.applyEdits (canvas gestures) -> this module's port -> executeEdits +
//   pushUndoStop, with a flag so the change event does not echo back;
// - diagnostics -> markers; the selected stage -> highlighted and revealed lines;
// - the cursor entering a stage -> that stage's node is selected.
import { useEffect, useRef } from 'react';
import { appStore } from '../store/index.ts';
import { instrument } from '../store/instrumentation.ts';
import type { AppState } from '../store/index.ts';
import type { Diagnostic, TextEdit } from '../model/types.ts';
import { createDockerfileEditor, monaco } from './monaco.ts';
import { markersFor } from './markers.ts';
import { heredocRegions, regionsKey } from './heredocs.ts';
import { registerSymbolFeatures } from './symbols.ts';

const SEVERITY = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
} as const;

/** Set while we apply edits that came from the store, so the change listener ignores them. */
let applyingExternal = false;

export function EditorPane() {
  const containerRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const store = appStore();
    registerSymbolFeatures();
    const { editor, dispose } = createDockerfileEditor(container, store.getState().text);
    const model = editor.getModel()!;

    // Monaco normalises what it is given (a BOM is kept apart, mixed line
    // endings are unified); from here on the editor's text is the text.
    if (model.getValue() !== store.getState().text) store.getState().editorChanged(model.getValue());

    const toRange = (e: TextEdit) => {
      const a = model.getPositionAt(e.start);
      const b = model.getPositionAt(e.end);
      return new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column);
    };

    store.getState().setEditorPort({
      applyEdits(edits) {
        applyingExternal = true;
        try {
          editor.pushUndoStop();
          editor.executeEdits(
            'stagewright',
            edits.map((e) => ({ range: toRange(e), text: e.text, forceMoveMarkers: true })),
          );
          editor.pushUndoStop();
          // Draw the edited lines now rather than in Monaco's next animation
          // frame: the gesture's event handler ends with them on screen-ready.
          editor.render();
        } finally {
          applyingExternal = false;
        }
        return model.getValue();
      },
      undo() {
        editor.focus();
        editor.trigger('toolbar', 'undo', null);
      },
      redo() {
        editor.focus();
        editor.trigger('toolbar', 'redo', null);
      },
      revealLine(line, focus) {
        const ln = Math.max(1, Math.min(line, model.getLineCount()));
        editor.revealLineInCenterIfOutsideViewport(ln);
        editor.setPosition({ lineNumber: ln, column: model.getLineFirstNonWhitespaceColumn(ln) || 1 });
        if (focus) editor.focus();
      },
    });

    const subs: monaco.IDisposable[] = [];
    subs.push(
      model.onDidChangeContent(() => {
        if (applyingExternal) return;
        store.getState().editorChanged(model.getValue());
      }),
    );
    subs.push(
      editor.onDidChangeCursorPosition((e) => {
        // Only the user's own cursor moves select a node; programmatic ones
        // (revealing a stage picked on the canvas) must not bounce back.
        if (e.source === 'api' || !editor.hasTextFocus()) return;
        store.getState().selectStageAtLine(e.position.lineNumber);
      }),
    );

    // Markers follow the diagnostics: only when they change (the store keeps the
    // same array while their content is the same; between updates Monaco moves
    // markers along with the edits), and off the keystroke's critical path.
    let markerTimer: ReturnType<typeof setTimeout> | null = null;
    let marked: Diagnostic[] | null = null;
    const updateMarkers = () => {
      markerTimer = null;
      const { analysis, diagnostics } = store.getState();
      if (diagnostics === marked) return;
      marked = diagnostics;
      monaco.editor.setModelMarkers(
        model,
        'stagewright',
        markersFor(analysis, model).map((m) => ({ ...m, severity: SEVERITY[m.severity] })),
      );
    };
    updateMarkers();

    // Heredoc bodies shaded and their terminators marked; reset only when the regions move.
    const heredocDecorations = editor.createDecorationsCollection();
    let heredocKey = '';
    const showHeredocs = (analysis: AppState['analysis']) => {
      const regions = heredocRegions(analysis);
      const key = regionsKey(regions);
      if (key === heredocKey) return;
      heredocKey = key;
      // Lines past the model's end (an analysis a moment behind the text) are left out: Monaco throws on them.
      const lineCount = model.getLineCount();
      heredocDecorations.set(
        regions.flatMap((r) => {
          const out: monaco.editor.IModelDeltaDecoration[] = [];
          const lastLine = Math.min(r.lastLine, lineCount);
          if (r.firstLine <= lastLine) {
            out.push({
              range: new monaco.Range(r.firstLine, 1, lastLine, model.getLineMaxColumn(lastLine)),
              // The text too: Monaco's grammar would colour a body line starting with RUN as an instruction.
              options: { isWholeLine: true, className: 'sw-heredoc-body', inlineClassName: 'sw-heredoc-text' },
            });
          }
          if (r.opener !== null && r.opener.line <= lineCount) {
            out.push({
              range: new monaco.Range(r.opener.line, r.opener.startColumn, r.opener.line, r.opener.endColumn),
              options: { inlineClassName: 'sw-heredoc-delimiter' },
            });
          }
          if (r.terminatorLine !== null && r.terminatorLine <= lineCount) {
            out.push({
              range: new monaco.Range(r.terminatorLine, 1, r.terminatorLine, model.getLineMaxColumn(r.terminatorLine)),
              options: { inlineClassName: 'sw-heredoc-delimiter' },
            });
          }
          return out;
        }),
      );
    };
    showHeredocs(store.getState().analysis);

    const decorations = editor.createDecorationsCollection();
    const showSelection = (state: AppState, reveal: boolean) => {
      const sel = state.selection;
      const range = selectedLines(state);
      if (!sel || !range) {
        if (decorations.length > 0) decorations.clear();
        return;
      }
      // Monaco carries the decoration along with edits, so a keystroke inside
      // the selected stage usually leaves it on the right lines already;
      // setting it again would re-render every line it covers in that frame.
      const current = decorations.length > 0 ? decorations.getRange(0) : null;
      const same = current !== null && current.startLineNumber === range.start && current.endLineNumber === range.end;
      if (!same) decorations.set([
        {
          range: new monaco.Range(range.start, 1, range.end, 1),
          options: {
            isWholeLine: true,
            className: 'sw-editor-selected',
            linesDecorationsClassName: 'sw-editor-selected-gutter',
          },
        },
      ]);
      if (reveal && sel.origin !== 'editor') {
        editor.revealLinesInCenterIfOutsideViewport(range.start, Math.min(range.end, range.start + 30));
        editor.setPosition({ lineNumber: range.start, column: 1 }, 'api');
      }
    };
    showSelection(store.getState(), false);

    const unsubscribe = store.subscribe((state, prev) => {
      if (state.diagnostics !== prev.diagnostics) {
        if (markerTimer) clearTimeout(markerTimer);
        markerTimer = setTimeout(updateMarkers, 60);
      }
      if (state.analysis !== prev.analysis) showHeredocs(state.analysis);
      if (state.selection !== prev.selection) showSelection(state, true);
      else if (state.analysis !== prev.analysis && state.selection) showSelection(state, false);
    });

    // Instrumentation for the browser benchmark and tests: see bench/browser.bench.ts.
    instrument({ editor, editorReadyAt: performance.now() });

    return () => {
      unsubscribe();
      if (markerTimer) clearTimeout(markerTimer);
      subs.forEach((d) => d.dispose());
      store.getState().setEditorPort(null);
      dispose();
    };
  }, []);

  // "nokey": React Flow's key handlers (space to pan, Delete) must not see keys typed here.
  return <div ref={containerRef} className="sw-editor nokey" data-testid="editor" />;
}

/** The lines to highlight for the current selection: a stage's span, or an edge's instruction. */
function selectedLines(state: AppState): { start: number; end: number } | null {
  const sel = state.selection;
  if (!sel) return null;
  const { analysis, graph } = state;
  if (sel.kind === 'node') {
    const index = graph.stageIds.indexOf(sel.id);
    if (index < 0) return null;
    const stage = analysis.stages[index];
    return { start: stage.line, end: analysis.stageDetails[index]?.endLine ?? stage.line };
  }
  const edge = graph.edges.find((e) => e.id === sel.id);
  if (!edge) return null;
  const instruction = analysis.edgeDetails[edge.data.edgeIndex]?.instruction;
  return { start: edge.data.line, end: instruction?.endLine ?? edge.data.line };
}
