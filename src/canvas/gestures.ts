// Canvas gestures. Each one asks src/model/edits.ts for the text edits that
// express it and hands them to the store, which applies them through the
// editor as one undoable step. Nothing here touches the graph directly: the
// canvas redraws from the new text.
import { applyChange, type StageChange } from '../model/index.ts';
import { appStore } from '../store/index.ts';

/**
 * The store's state with the analysis brought up to the text: a gesture's own
 * analysis follows its edit a frame later (see store.applyEdits), and edits
 * computed from a stale analysis would land in the wrong places. Everything
 * here reads the state through this.
 */
function current() {
  appStore().getState().flush();
  return appStore().getState();
}

/** Runs a gesture by its typed change; reports why it cannot be done. Returns whether the text changed. */
export function perform(change: StageChange): boolean {
  const store = current();
  const result = applyChange(store.text, store.analysis, change);
  if (!result.ok) {
    store.alert(result.reason);
    return false;
  }
  if (result.edits.length === 0) return false;
  return store.applyEdits(result.edits);
}

function stageIndexOf(nodeId: string): number {
  return current().graph.stageIds.indexOf(nodeId);
}

export function addStage(base: string, name: string | undefined): boolean {
  return perform({ op: 'addStage', base, ...(name ? { name } : {}) });
}

export function renameStage(index: number, name: string): boolean {
  const before = current();
  const oldId = before.graph.stageIds[index];
  if (!perform({ op: 'renameStage', index, name })) return false;
  // Positions are keyed by name: a stage the user placed stays where it was.
  const after = current();
  const newId = after.graph.stageIds[index];
  const placed = oldId !== undefined ? after.view.positions[oldId] : undefined;
  if (placed && newId !== undefined && newId !== oldId) after.moveNode(newId, placed);
  return true;
}

export function changeBaseImage(index: number, image: string): boolean {
  return perform({ op: 'changeBase', index, image });
}

/** A drag from one stage's output to another's input: ask for the two paths first (the dialog then calls connect). */
export function requestConnection(sourceId: string, targetId: string): void {
  const source = stageIndexOf(sourceId);
  const target = stageIndexOf(targetId);
  if (source < 0 || target < 0 || source === target) return;
  appStore().getState().openDialog({ kind: 'connect', source, target });
}

export function connect(source: number, target: number, src: string, dest: string): boolean {
  return perform({ op: 'connectStages', source, target, src, dest });
}

export function deleteEdge(edgeId: string): boolean {
  const s = current();
  const edge = s.graph.edges.find((e) => e.id === edgeId);
  if (!edge) return false;
  const done = perform({ op: 'removeConnection', edge: edge.data.edgeIndex });
  if (done) s.select(null);
  return done;
}

/** Deletes a stage; when other stages use it, asks first (in the page) and says what happens to them. */
export function deleteStage(index: number): void {
  const s = current();
  const stage = s.analysis.stages[index];
  if (!stage) return;
  const users = new Set<number>();
  for (const e of s.analysis.edges) if (e.from === index && e.to !== index) users.add(e.to);
  const label = stage.name ?? `#${index}`;
  const run = () => {
    if (perform({ op: 'deleteStage', index })) appStore().getState().select(null);
  };
  if (users.size === 0) {
    run();
    return;
  }
  const names = [...users].map((i) => s.analysis.stages[i]?.name ?? `#${i}`);
  s.openDialog({
    kind: 'confirm',
    title: `Delete stage “${label}”?`,
    message: `${names.length === 1 ? 'Stage' : 'Stages'} ${names.map((n) => `“${n}”`).join(', ')} ${
      names.length === 1 ? 'uses' : 'use'
    } it. Their COPY --from and --mount references go with it, and a stage built FROM it is rebased onto its base image.`,
    confirmLabel: 'Delete stage',
    danger: true,
    onConfirm: run,
  });
}

/** Delete key on the canvas: removes the selected stage or connection. */
export function deleteSelection(): void {
  const s = current();
  const sel = s.selection;
  if (!sel) return;
  if (sel.kind === 'edge') {
    deleteEdge(sel.id);
    return;
  }
  const index = stageIndexOf(sel.id);
  if (index >= 0) deleteStage(index);
}

export function openStageMenu(index: number, id: string, at: { x: number; y: number }): void {
  appStore().getState().openDialog({ kind: 'stage-menu', index, id, x: at.x, y: at.y });
}
