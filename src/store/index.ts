// The app-wide store instance and the React hook to read it. Components read
// through selectors (with useShallow when a selector builds an object) so they
// re-render only when what they show changes.
import { useStore } from 'zustand';
import { createAppStore, type AppState, type AppStore, type StoreOptions } from './store.ts';

export * from './store.ts';
export type { DerivedGraph, StageNodeData, ImageNodeData, EdgeData, InstructionSummary, BaseBadge } from './graph.ts';
export type { FlowNode, FlowEdge, StageFlowNode, ImageFlowNode, Size } from './flow.ts';
export type { ViewState, XY, Viewport, Builder, Saved } from './persistence.ts';

let instance: AppStore | null = null;

/** Creates the app's store once, at startup (main.tsx). */
export function initAppStore(options: StoreOptions): AppStore {
  instance = createAppStore(options);
  return instance;
}

export function appStore(): AppStore {
  if (!instance) throw new Error('initAppStore() has not been called');
  return instance;
}

export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(appStore(), selector);
}
