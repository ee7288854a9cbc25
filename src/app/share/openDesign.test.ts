import { beforeEach, describe, expect, test, vi } from 'vitest';
import { appStore, initAppStore } from '../../store/index.ts';
import { DEFAULT_VIEW } from '../../store/persistence.ts';
import { STARTER } from '../starter.ts';
import { templates } from '../../model/templates/index.ts';
import { openDesign, replacesWork } from './openDesign.ts';

const SHARED = 'FROM golang:1.22 AS build\nFROM build AS test\nFROM scratch AS final\nCOPY --from=build /a /a\n';
const WORK = 'FROM alpine:3.20 AS mine\nRUN echo mine\n';

function start(text: string): void {
  initAppStore({ initial: { text, view: { ...DEFAULT_VIEW } } });
}

describe('replacesWork', () => {
  test('empty text, the first-visit example and untouched templates are nobody’s work', () => {
    expect(replacesWork('')).toBe(false);
    expect(replacesWork('  \n')).toBe(false);
    expect(replacesWork(STARTER)).toBe(false);
    expect(replacesWork(templates[0].text)).toBe(false);
    expect(replacesWork(STARTER + 'RUN echo edited\n')).toBe(true);
    expect(replacesWork(WORK)).toBe(true);
  });
});

describe('openDesign', () => {
  beforeEach(() => start(STARTER));

  test('over the first-visit example it opens at once, with the target', () => {
    const settled = vi.fn();
    openDesign({ text: SHARED, target: 1, source: 'shared Dockerfile' }, settled);
    expect(appStore().getState().text).toBe(SHARED);
    expect(appStore().getState().view.target).toBe(1);
    expect(appStore().getState().dialog).toBeNull();
    expect(settled).toHaveBeenCalledWith(true);
  });

  test('the last stage, or a target past the end, becomes the default target', () => {
    openDesign({ text: SHARED, target: 2, source: 'x' });
    expect(appStore().getState().view.target).toBeNull();
    start(STARTER);
    openDesign({ text: SHARED, target: 40, source: 'x' });
    expect(appStore().getState().view.target).toBeNull();
  });

  test('over work it asks in the page; Replace opens it', async () => {
    start(WORK);
    const settled = vi.fn();
    openDesign({ text: SHARED, target: 0, source: 'shared Dockerfile' }, settled);
    const dialog = appStore().getState().dialog;
    expect(dialog).toMatchObject({ kind: 'confirm', title: 'Open the shared Dockerfile?', confirmLabel: 'Replace' });
    expect(appStore().getState().text).toBe(WORK);
    expect(settled).not.toHaveBeenCalled();

    // What the confirm button does (Dialogs.tsx): close, then confirm.
    appStore().getState().openDialog(null);
    if (dialog?.kind === 'confirm') dialog.onConfirm();
    await Promise.resolve();
    expect(appStore().getState().text).toBe(SHARED);
    expect(appStore().getState().view.target).toBe(0);
    expect(settled).toHaveBeenCalledTimes(1);
    expect(settled).toHaveBeenCalledWith(true);
  });

  test('over work, Cancel keeps the work and reports it', async () => {
    start(WORK);
    const settled = vi.fn();
    openDesign({ text: SHARED, target: null, source: 'pasted Dockerfile' }, settled);
    appStore().getState().openDialog(null);
    await Promise.resolve();
    expect(appStore().getState().text).toBe(WORK);
    expect(settled).toHaveBeenCalledTimes(1);
    expect(settled).toHaveBeenCalledWith(false);
  });

  test('the same text only sets the target', () => {
    start(WORK);
    openDesign({ text: WORK, target: null, source: 'x' });
    expect(appStore().getState().dialog).toBeNull();
    expect(appStore().getState().text).toBe(WORK);
  });
});
