// When Monaco may start loading. It is most of the page's weight, and
// evaluating it plus creating the editor holds the main thread for 300 ms or
// more on a slow machine, so everything that imports it (the editor pane, the
// editor's quick-fix provider) waits for the canvas's first paint. The cap is
// only for a canvas that never becomes ready (an empty or huge file): a short
// cap fired before a merely slow canvas and pushed its first paint back by the
// whole of Monaco's start-up.
import { canvasReady } from '../canvas/useAutoLayout.ts';

const EDITOR_WAIT_CAP_MS = 2000;

export const editorMayLoad: Promise<void> = Promise.race([
  canvasReady,
  new Promise<void>((resolve) => setTimeout(resolve, EDITOR_WAIT_CAP_MS)),
]);
