// Asks the layout worker for positions; falls back to the main thread when
// workers are unavailable. Only the latest request's answer matters: older
// answers are dropped by the caller comparing shape keys.
import { computeLayout, type LayoutRequest, type LayoutResult } from './layout.ts';
import LayoutWorker from './layout.worker.ts?worker';

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, { resolve: (p: LayoutResult) => void; reject: (e: Error) => void }>();

function getWorker(): Worker | null {
  if (worker) return worker;
  if (typeof Worker === 'undefined') return null;
  try {
    worker = new LayoutWorker();
    worker.onmessage = (event: MessageEvent<{ id: number; result?: LayoutResult; error?: string }>) => {
      const entry = pending.get(event.data.id);
      if (!entry) return;
      pending.delete(event.data.id);
      if (event.data.result) entry.resolve(event.data.result);
      else entry.reject(new Error(event.data.error ?? 'layout failed'));
    };
    return worker;
  } catch {
    return null;
  }
}

/** Small graphs are laid out at once on the main thread: a worker round trip would cost more. */
const MAIN_THREAD_LIMIT = 60;

export function requestLayout(request: LayoutRequest): Promise<LayoutResult> {
  const w = request.nodes.length > MAIN_THREAD_LIMIT ? getWorker() : null;
  if (!w) {
    try {
      return Promise.resolve(computeLayout(request));
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ id, request });
  });
}

/** Warms the worker up while the app loads, so the first big layout does not pay for its start. */
export function prewarmLayoutWorker(): void {
  getWorker();
}
