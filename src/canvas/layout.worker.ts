// Runs the layout off the main thread: dagre takes a noticeable while on
// hundreds of stages, and typing must not wait for it.
import { computeLayout, type LayoutRequest } from './layout.ts';

self.onmessage = (event: MessageEvent<{ id: number; request: LayoutRequest }>) => {
  const { id, request } = event.data;
  try {
    self.postMessage({ id, result: computeLayout(request) });
  } catch (error) {
    self.postMessage({ id, error: String(error) });
  }
};
