// Saves the text and view state shortly after every change, and at once when
// the page is hidden or closed, so a reload or a crash loses at most a moment.
import type { AppStore } from './store.ts';
import { save } from './persistence.ts';

const DELAY_MS = 300;

export function startAutosave(store: AppStore, storage: Storage | null, onFailure: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let warned = false;

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const { text, view } = store.getState();
    if (!save(storage, { text, view }) && !warned) {
      warned = true;
      onFailure();
    }
  };

  const unsubscribe = store.subscribe((state, prev) => {
    if (state.text === prev.text && state.view === prev.view) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, DELAY_MS);
  });
  const onHide = () => {
    if (timer) flush();
  };
  window.addEventListener('pagehide', onHide);
  document.addEventListener('visibilitychange', onHide);
  return () => {
    unsubscribe();
    window.removeEventListener('pagehide', onHide);
    document.removeEventListener('visibilitychange', onHide);
  };
}
