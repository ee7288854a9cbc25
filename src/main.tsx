// Startup: restore the saved work, create the store, keep saving, render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initAppStore } from './store/index.ts';
import { DEFAULT_VIEW, load } from './store/persistence.ts';
import { startAutosave } from './store/autosave.ts';
import { instrument } from './store/instrumentation.ts';
import { builtStages } from './model/targets.ts';
import type { Analysis } from './model/types.ts';
import type { Builder } from './store/index.ts';
import { App } from './app/App.tsx';
import { ErrorBoundary } from './app/ErrorBoundary.tsx';
import { prewarmLayoutWorker } from './canvas/layoutClient.ts';
import { STARTER } from './app/starter.ts';
import './app/app.css';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function built(analysis: Analysis, target: number | null, builder: Builder): ReadonlySet<number> {
  const count = analysis.stages.length;
  const t = target !== null && target < count ? target : count - 1;
  const flags = builtStages(analysis, t, builder);
  const set = new Set<number>();
  flags.forEach((b, i) => b && set.add(i));
  return set;
}

const saved = load(storage());
const store = initAppStore({ initial: saved ?? { text: STARTER, view: { ...DEFAULT_VIEW } }, builtStages: built });
startAutosave(store, storage(), () => store.getState().alert('This browser refused to save your work (storage full or disabled). Download the Dockerfile to keep it.'));
instrument({ store });
// Big graphs are laid out in a worker: start it while the page loads.
if (store.getState().graph.nodes.length > 60) prewarmLayoutWorker();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary getText={() => store.getState().text}>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
