// The app's one store: the Dockerfile text (the single source of truth), the
// analysis derived from it, the canvas graph derived from that, and the view
// state that is not in the text (positions, selection, target, ...).
//
// The text changes from two origins:
// - the editor (typing, paste, undo): `editorChanged(text)`;
// - everything else (canvas gestures, opening a file): `applyEdits(edits)`,
//   which hands the edits to the editor port (Monaco executeEdits + an undo
//   stop, so one Ctrl+Z undoes the gesture) and takes the resulting text.
// The editor module registers the port; without one (unit tests, before the
// editor mounts) the edits are applied to the text directly.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { analyze, applyEdits as applyTextEdits } from '../model/index.ts';
import type { Analysis, Diagnostic, TextEdit } from '../model/types.ts';
import { deriveGraph, EMPTY_GRAPH, stageAtLine, type DerivedGraph } from './graph.ts';
import { composeEdges, composeNodes, type FlowEdge, type FlowNode, type Size } from './flow.ts';
import { DEFAULT_VIEW, type Builder, type Saved, type ViewState, type Viewport, type XY } from './persistence.ts';

/** What the store needs from the editor. Implemented by src/editor. */
export interface EditorPort {
  /** Applies edits (offsets into the current text) as one undoable step; returns the editor's text afterwards. */
  applyEdits(edits: TextEdit[]): string;
  undo(): void;
  redo(): void;
  /** Scrolls to a line and puts the cursor there. */
  revealLine(line: number, focus: boolean): void;
}

export type Selection =
  | { kind: 'node'; id: string; origin: 'canvas' | 'editor' | 'app' }
  | { kind: 'edge'; id: string; origin: 'canvas' | 'editor' | 'app' };

export interface Alert {
  id: number;
  message: string;
  tone: 'error' | 'info';
}

export type Dialog =
  | { kind: 'add-stage' }
  | { kind: 'connect'; source: number; target: number }
  | { kind: 'stage-menu'; index: number; id: string; x: number; y: number }
  | { kind: 'confirm'; title: string; message: string; confirmLabel: string; danger?: boolean; onConfirm: () => void };

export interface LayoutState {
  /** The graph shape (DerivedGraph.shapeKey) these positions were computed for. */
  shapeKey: string;
  /** A counter that changes whenever a new layout lands, so the canvas knows to fit the view. */
  generation: number;
  positions: Record<string, XY>;
  /** By edge id, the way an edge that spans columns takes between the nodes in them (see canvas/layout.ts). */
  routes: Record<string, XY[]>;
  /** Whether the canvas should fit the view to this layout (false when only node sizes changed). */
  fit: boolean;
}

export interface AppState {
  text: string;
  /** Increments with every text change. */
  version: number;
  analysis: Analysis;
  /** analysis.diagnostics, but the same array as long as its content is the same (lists re-render only on change). */
  diagnostics: Diagnostic[];
  graph: DerivedGraph;
  nodes: FlowNode[];
  edges: FlowEdge[];
  view: ViewState;
  selection: Selection | null;
  measured: Record<string, Size>;
  layout: LayoutState;
  /** Stage indexes the current target and builder build, when the targets module provides it. */
  built: ReadonlySet<number> | null;
  alerts: Alert[];
  dialog: Dialog | null;
  /** Node id being renamed or re-based inline: `${id}:name` / `${id}:base`. */
  inlineEdit: string | null;

  editorChanged(text: string): void;
  /**
   * Brings the analysis up to date with the text now. It is otherwise deferred
   * for a big file's keystrokes (by a task) and for gestures applied through
   * the editor (until the editor has painted them): read analysis-derived state
   * right after such a change only after calling this.
   */
  flush(): void;
  /**
   * Applies text edits through the editor (one undo step); the analysis
   * follows after the editor's next paint (see flush). `basis` is the text the
   * edits were computed against (a quick fix's analysis text): when the text
   * has moved on since, they are refused. Returns false if they could not be
   * applied.
   */
  applyEdits(edits: TextEdit[], basis?: string): boolean;
  /** Replaces the whole text as one undoable edit (opening a file, a template). */
  replaceText(text: string): void;
  undo(): void;
  redo(): void;
  setEditorPort(port: EditorPort | null): void;
  getEditorPort(): EditorPort | null;

  select(selection: Selection | null): void;
  selectStageAtLine(line: number): void;
  revealLine(line: number): void;

  moveNode(id: string, position: XY): void;
  resetPositions(): void;
  setMeasured(sizes: Record<string, Size>): void;
  setLayout(shapeKey: string, positions: Record<string, XY>, routes: Record<string, XY[]>, fit?: boolean): void;
  toggleCollapsed(id: string, collapsedNow: boolean): void;
  setViewport(viewport: Viewport): void;
  setTarget(target: number | null): void;
  setBuilder(builder: Builder): void;
  setSplit(split: number): void;
  setPanelTab(tab: string): void;

  alert(message: string, tone?: Alert['tone']): void;
  dismissAlert(id: number): void;
  openDialog(dialog: Dialog | null): void;
  setInlineEdit(key: string | null): void;
}

export type AppStore = StoreApi<AppState>;

/** Optional hook for the targets module: which stages get built. Set once at startup by the app. */
export type BuiltStagesFn = (analysis: Analysis, target: number | null, builder: Builder) => ReadonlySet<number> | null;

export interface StoreOptions {
  initial?: Saved | null;
  builtStages?: BuiltStagesFn;
}

let alertIds = 0;

/**
 * Above this size a keystroke's analysis runs in a task of its own right after
 * the keystroke, so several keystrokes that arrive together are analysed once
 * instead of queueing up. Smaller files are analysed at once, in the
 * keystroke's own task, so the canvas changes in the same frame as the editor.
 */
const DEFER_ANALYSIS_ABOVE_CHARS = 60_000;

/**
 * Runs fn once the next frame has been painted: when the page is next idle
 * (input and whatever else waits for that paint go first), within 16 ms; at
 * the start of the frame after next where there are no idle callbacks
 * (Safari); after 100 ms where no frame comes (a hidden tab). Outside a
 * browser: in a task.
 */
function afterNextPaint(fn: () => void): void {
  if (typeof requestAnimationFrame !== 'function') {
    scheduleTask(fn);
    return;
  }
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    fn();
  };
  requestAnimationFrame(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(once, { timeout: 16 });
    else requestAnimationFrame(once);
  });
  setTimeout(once, 100);
}

function scheduleTask(fn: () => void): void {
  if (typeof MessageChannel === 'undefined') {
    setTimeout(fn, 0);
    return;
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    fn();
  };
  channel.port2.postMessage(null);
}

export function createAppStore(options: StoreOptions = {}): AppStore {
  const initial = options.initial ?? null;
  const builtStages = options.builtStages ?? null;
  let port: EditorPort | null = null;

  return createStore<AppState>()((set, get) => {
    // Recomputes everything downstream of the text or of the view inputs, reusing objects.
    function derive(partial: Partial<AppState>): Partial<AppState> {
      const s = { ...get(), ...partial };
      const analysis = partial.analysis ?? s.analysis;
      // Which stages get built depends only on the text, the target and the builder.
      const needBuilt = builtStages !== null && (partial.analysis !== undefined || partial.view !== undefined);
      const built = needBuilt ? safeBuilt(builtStages, analysis, s.view.target, s.view.builder) : s.built;
      const builtChanged = !sameSet(built, s.built);
      const graph =
        partial.analysis || builtChanged ? deriveGraph(analysis, s.graph, built) : s.graph;
      const selectedNode = s.selection?.kind === 'node' ? s.selection.id : null;
      const selectedEdge = s.selection?.kind === 'edge' ? s.selection.id : null;
      const nodes = composeNodes(s.nodes, {
        graph,
        dragged: s.view.positions,
        auto: s.layout.positions,
        selectedNode,
        selectedEdge,
        measured: s.measured,
      });
      const edges = composeEdges(s.edges, graph, selectedEdge, s.layout.routes);
      const diagnostics = partial.analysis && !sameDiagnostics(s.diagnostics, analysis.diagnostics) ? analysis.diagnostics : s.diagnostics;
      return { ...partial, built: builtChanged ? built : s.built, graph, nodes, edges, diagnostics };
    }

    function setTextNow(text: string): void {
      const analysis = analyze(text);
      set(derive({ text, analysis, version: get().version + 1 }));
    }

    // The text whose analysis is still to come, or null: a big file's while
    // keystrokes may still be arriving, or a gesture's until the editor has
    // painted it.
    let pendingText: string | null = null;
    let scheduled = false;
    function flushPending(): void {
      scheduled = false;
      if (pendingText === null) return;
      const text = pendingText;
      pendingText = null;
      setTextNow(text);
    }

    const text = initial?.text ?? '';
    const analysis = analyze(text);
    const view = initial?.view ?? { ...DEFAULT_VIEW };
    const built = builtStages ? safeBuilt(builtStages, analysis, view.target, view.builder) : null;
    const graph = deriveGraph(analysis, EMPTY_GRAPH, built);
    const layout: LayoutState = { shapeKey: '', generation: 0, positions: {}, routes: {}, fit: true };

    return {
      text,
      version: 0,
      analysis,
      diagnostics: analysis.diagnostics,
      graph,
      nodes: composeNodes([], { graph, dragged: view.positions, auto: {}, selectedNode: null, selectedEdge: null, measured: {} }),
      edges: composeEdges([], graph, null),
      view,
      selection: null,
      measured: {},
      layout,
      built,
      alerts: [],
      dialog: null,
      inlineEdit: null,

      editorChanged(next) {
        if (next === get().text && pendingText === null) return;
        if (next.length < DEFER_ANALYSIS_ABOVE_CHARS) {
          pendingText = null;
          setTextNow(next);
          return;
        }
        // The text is current at once; its analysis follows in a moment.
        pendingText = next;
        set({ text: next });
        if (!scheduled) {
          scheduled = true;
          scheduleTask(flushPending);
        }
      },

      flush() {
        flushPending();
      },

      applyEdits(edits, basis) {
        flushPending();
        if (edits.length === 0) return true;
        const current = get().text;
        if (basis !== undefined && basis !== current) return false;
        for (const e of edits) {
          if (!(e.start >= 0 && e.end >= e.start && e.end <= current.length)) return false;
        }
        if (!port) {
          const next = applyTextEdits(current, edits);
          if (next !== current) setTextNow(next);
          return true;
        }
        const next = port.applyEdits(edits);
        if (next === current) return true;
        // The editor shows the gesture's text in its next frame; analysing it
        // and redrawing the canvas first would hold that frame back by as
        // long again (tens of milliseconds on a big file). So the text is
        // current now, and the analysis follows just after that paint, or
        // sooner when anything calls flush().
        pendingText = next;
        set({ text: next });
        afterNextPaint(flushPending);
        return true;
      },

      replaceText(next) {
        const current = get().text;
        if (next === current) return;
        get().applyEdits([{ start: 0, end: current.length, text: next }]);
      },

      undo() {
        port?.undo();
      },
      redo() {
        port?.redo();
      },
      setEditorPort(p) {
        port = p;
      },
      getEditorPort() {
        return port;
      },

      select(selection) {
        const cur = get().selection;
        if (cur === selection) return;
        if (cur && selection && cur.kind === selection.kind && cur.id === selection.id && cur.origin === selection.origin) return;
        set(derive({ selection }));
      },

      selectStageAtLine(line) {
        const s = get();
        const index = stageAtLine(s.analysis, line);
        const id = index >= 0 ? s.graph.stageIds[index] : null;
        const cur = s.selection;
        if (id === null) {
          if (cur?.kind === 'node' && cur.origin === 'editor') get().select(null);
          return;
        }
        if (cur?.kind === 'node' && cur.id === id) return;
        get().select({ kind: 'node', id, origin: 'editor' });
      },

      revealLine(line) {
        port?.revealLine(line, true);
      },

      moveNode(id, position) {
        const view = get().view;
        const old = view.positions[id];
        if (old && old.x === position.x && old.y === position.y) return;
        set(derive({ view: { ...view, positions: { ...view.positions, [id]: { x: position.x, y: position.y } } } }));
      },

      resetPositions() {
        const view = get().view;
        // Forgetting the layout's shape makes the canvas lay everything out again and fit the view.
        set(derive({ view: { ...view, positions: {} }, layout: { ...get().layout, shapeKey: '' } }));
      },

      setMeasured(sizes) {
        const measured = get().measured;
        let changed = false;
        for (const [id, s] of Object.entries(sizes)) {
          const old = measured[id];
          if (!old || old.width !== s.width || old.height !== s.height) {
            changed = true;
            break;
          }
        }
        if (!changed) return;
        set(derive({ measured: { ...measured, ...sizes } }));
      },

      setLayout(shapeKey, positions, routes, fit = true) {
        set(derive({ layout: { shapeKey, generation: get().layout.generation + 1, positions, routes, fit } }));
      },

      toggleCollapsed(id, collapsedNow) {
        const view = get().view;
        set({ view: { ...view, collapsed: { ...view.collapsed, [id]: !collapsedNow } } });
      },

      setViewport(viewport) {
        const view = get().view;
        set({ view: { ...view, viewport } });
      },

      setTarget(target) {
        const view = get().view;
        if (view.target === target) return;
        set(derive({ view: { ...view, target } }));
      },

      setBuilder(builder) {
        const view = get().view;
        if (view.builder === builder) return;
        set(derive({ view: { ...view, builder } }));
      },

      setSplit(split) {
        const view = get().view;
        set({ view: { ...view, split: Math.min(0.8, Math.max(0.2, split)) } });
      },

      setPanelTab(panelTab) {
        const view = get().view;
        set({ view: { ...view, panelTab } });
      },

      alert(message, tone = 'error') {
        const id = ++alertIds;
        set({ alerts: [...get().alerts.filter((a) => a.message !== message), { id, message, tone }] });
      },
      dismissAlert(id) {
        set({ alerts: get().alerts.filter((a) => a.id !== id) });
      },
      openDialog(dialog) {
        set({ dialog });
      },
      setInlineEdit(inlineEdit) {
        set({ inlineEdit });
      },
    };
  });
}

function safeBuilt(fn: BuiltStagesFn, analysis: Analysis, target: number | null, builder: Builder): ReadonlySet<number> | null {
  try {
    return fn(analysis, target, builder);
  } catch {
    return null;
  }
}

function sameDiagnostics(a: Diagnostic[], b: Diagnostic[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.line !== y.line || x.code !== y.code || x.severity !== y.severity || x.message !== y.message) return false;
  }
  return true;
}

function sameSet(a: ReadonlySet<number> | null, b: ReadonlySet<number> | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.size !== b.size) return false;
  for (const v of a) if (!b.has(v)) return false;
  return true;
}
