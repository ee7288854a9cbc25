import { describe, expect, it } from 'vitest';
import { createAppStore, type EditorPort } from './store.ts';
import { DEFAULT_VIEW } from './persistence.ts';
import type { TextEdit } from '../model/types.ts';
import { applyEdits } from '../model/index.ts';

const TEXT = 'FROM golang AS build\nRUN make\n\nFROM alpine AS app\nCOPY --from=build /a /b\n';

function make(text = TEXT) {
  return createAppStore({ initial: { text, view: { ...DEFAULT_VIEW } } });
}

/** An editor port over a plain string: records what it was asked to apply. */
function fakeEditor(initial = TEXT) {
  const editor = { text: initial, applied: [] as TextEdit[][] };
  const port: EditorPort = {
    applyEdits(edits) {
      editor.applied.push(edits);
      editor.text = applyEdits(editor.text, edits);
      return editor.text;
    },
    undo() {},
    redo() {},
    revealLine() {},
  };
  return { editor, port };
}

describe('app store', () => {
  it('derives the analysis and graph from the initial text', () => {
    const s = make().getState();
    expect(s.analysis.stages.map((x) => x.name)).toEqual(['build', 'app']);
    expect(s.nodes.map((n) => n.id)).toEqual(['build', 'app']);
    expect(s.edges).toHaveLength(1);
  });

  it('takes typing from the editor and re-derives, keeping unchanged nodes', () => {
    const store = make();
    const before = store.getState().nodes;
    store.getState().editorChanged(TEXT.replace('RUN make', 'RUN make all'));
    const after = store.getState().nodes;
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]).toBe(before[1]);
    expect(store.getState().version).toBe(1);
  });

  it('applies gesture edits to the text when no editor is attached', () => {
    const store = make();
    expect(store.getState().applyEdits([{ start: 5, end: 11, text: 'rust' }])).toBe(true);
    expect(store.getState().text.startsWith('FROM rust AS build')).toBe(true);
    expect(store.getState().applyEdits([{ start: 5, end: 9999, text: '' }])).toBe(false);
  });

  it('routes gesture edits through the editor port and takes its text', () => {
    const store = make();
    const { editor, port } = fakeEditor();
    store.getState().setEditorPort(port);
    store.getState().replaceText('FROM scratch\n');
    expect(editor.applied).toEqual([[{ start: 0, end: TEXT.length, text: 'FROM scratch\n' }]]);
    expect(store.getState().text).toBe('FROM scratch\n');
    // The analysis waits for the editor to paint the gesture, unless flushed.
    expect(store.getState().nodes.map((n) => n.id)).toEqual(['build', 'app']);
    store.getState().flush();
    expect(store.getState().nodes.map((n) => n.id)).toEqual(['#0']);
  });

  it('analyses a gesture applied through the editor by itself, just after', async () => {
    const store = make();
    store.getState().setEditorPort(fakeEditor().port);
    const versions: number[] = [];
    store.subscribe((s) => versions.push(s.version));
    store.getState().replaceText('FROM scratch\n');
    expect(store.getState().analysis.file.text).toBe(TEXT);
    await new Promise((r) => setTimeout(r, 20));
    expect(store.getState().analysis.file.text).toBe('FROM scratch\n');
    expect(store.getState().nodes.map((n) => n.id)).toEqual(['#0']);
    expect(versions.at(-1)).toBe(1);
  });

  it('refuses edits computed against a text that has moved on (a quick fix clicked twice)', () => {
    const store = make();
    const { editor, port } = fakeEditor();
    store.getState().setEditorPort(port);
    const fix = [{ start: 5, end: 11, text: 'rust' }];
    const basis = store.getState().analysis.file.text;
    expect(store.getState().applyEdits(fix, basis)).toBe(true);
    // The analysis of the first application is still pending: the same fix again is refused.
    expect(store.getState().applyEdits(fix, basis)).toBe(false);
    expect(editor.text).toBe(TEXT.replace('golang', 'rust'));
    expect(store.getState().text).toBe(editor.text);
  });

  it('selects the stage under the cursor, and clears an editor selection outside stages', () => {
    const store = make('# header\n' + TEXT);
    store.getState().selectStageAtLine(5);
    expect(store.getState().selection).toEqual({ kind: 'node', id: 'app', origin: 'editor' });
    expect(store.getState().nodes.find((n) => n.id === 'app')?.selected).toBe(true);
    store.getState().selectStageAtLine(1);
    expect(store.getState().selection).toBeNull();
  });

  it('keeps dragged positions by stage key across edits that rename nothing', () => {
    const store = make();
    store.getState().moveNode('app', { x: 400, y: 80 });
    store.getState().editorChanged('# new comment\n' + TEXT);
    expect(store.getState().nodes.find((n) => n.id === 'app')?.position).toEqual({ x: 400, y: 80 });
    store.getState().resetPositions();
    expect(store.getState().view.positions).toEqual({});
    expect(store.getState().layout.shapeKey).toBe('');
  });

  it('marks built stages through the injected targets function', () => {
    const store = createAppStore({
      initial: { text: TEXT, view: { ...DEFAULT_VIEW } },
      builtStages: (a, target) => new Set(target === null ? [a.stages.length - 1] : [target]),
    });
    expect(store.getState().nodes.map((n) => n.data.built)).toEqual([false, true]);
    store.getState().setTarget(0);
    expect(store.getState().nodes.map((n) => n.data.built)).toEqual([true, false]);
  });

  it('replaces an alert with the same message instead of stacking it', () => {
    const store = make();
    store.getState().alert('nope');
    store.getState().alert('nope');
    expect(store.getState().alerts).toHaveLength(1);
  });
});

describe('big files', () => {
  it('analyse a burst of keystrokes once, in a task after them, and flush on demand', async () => {
    const big = 'FROM alpine AS a\n' + 'RUN echo padding padding padding padding padding\n'.repeat(2000);
    const store = make(big);
    const versions: number[] = [];
    store.subscribe((s) => versions.push(s.version));
    store.getState().editorChanged(big + 'RUN one\n');
    store.getState().editorChanged(big + 'RUN one\nRUN two\n');
    // The text is current at once; the analysis is not yet.
    expect(store.getState().text).toBe(big + 'RUN one\nRUN two\n');
    expect(store.getState().analysis.file.text).toBe(big);
    await new Promise((r) => setTimeout(r, 20));
    expect(store.getState().analysis.file.text).toBe(big + 'RUN one\nRUN two\n');
    expect(store.getState().version).toBe(1);
    store.getState().editorChanged(big + 'RUN three\n');
    store.getState().flush();
    expect(store.getState().analysis.file.text).toBe(big + 'RUN three\n');
  });

  it('brings the analysis up to date before applying a gesture', () => {
    const big = 'FROM alpine AS a\n' + 'RUN echo padding padding padding padding padding\n'.repeat(2000);
    const store = make(big);
    store.getState().editorChanged('FROM busybox AS b\n' + big);
    expect(store.getState().applyEdits([{ start: 5, end: 12, text: 'scratch' }])).toBe(true);
    expect(store.getState().text.startsWith('FROM scratch AS b\n')).toBe(true);
    expect(store.getState().analysis.stages[0].base).toBe('scratch');
  });
});
