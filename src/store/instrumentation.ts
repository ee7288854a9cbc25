// A small, documented hook on window for the browser benchmark
// (bench/browser.bench.ts) and the end-to-end tests. It exposes timings and the
// editor instance; nothing in the app reads it.
//
//   window.__stagewright.editor          the Monaco editor (tests set text and read it through it)
//   window.__stagewright.editorReadyAt   performance.now() when the editor was created
//   window.__stagewright.canvasReadyAt   performance.now() when the first laid-out graph was painted
//   window.__stagewright.store           the app store (getState() for assertions)
declare global {
  interface Window {
    __stagewright?: {
      editor?: unknown;
      editorReadyAt?: number;
      canvasReadyAt?: number;
      store?: unknown;
    };
  }
}

export function instrument(patch: NonNullable<Window['__stagewright']>): void {
  if (typeof window === 'undefined') return;
  window.__stagewright = { ...(window.__stagewright ?? {}), ...patch };
}
