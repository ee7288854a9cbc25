// Putting a Dockerfile that came from outside (a share link, a paste) into the
// editor: directly when the editor holds nothing anyone wrote, otherwise after
// an in-page confirmation. The replacement is one editor edit, so Ctrl+Z
// brings the previous text back either way.
import { appStore } from '../../store/index.ts';
import { templates } from '../../model/templates/index.ts';
import { STARTER } from '../starter.ts';

/** Whether replacing `text` would throw away something a person wrote (not empty, the first-visit example or a template). */
export function replacesWork(text: string): boolean {
  return !(text.trim() === '' || text === STARTER || templates.some((t) => t.text === text));
}

export interface IncomingDesign {
  text: string;
  /** Stage index to build, or null for the default (the last stage). */
  target: number | null;
  /** Where it came from, for the messages: "share link", "pasted Dockerfile". */
  source: string;
}

function load(design: IncomingDesign): void {
  const s = appStore().getState();
  s.replaceText(design.text);
  const stageCount = appStore().getState().analysis.stages.length;
  // The target select treats the last stage as "default" (null); a target past the end is dropped.
  const target = design.target !== null && design.target < stageCount - 1 ? design.target : null;
  s.setTarget(target);
  s.select(null);
}

/**
 * Opens `design`, asking first if it would replace work. Calls `settled(true)`
 * once it is open, `settled(false)` if the user keeps their text.
 */
export function openDesign(design: IncomingDesign, settled: (opened: boolean) => void = () => {}): void {
  const s = appStore().getState();
  if (design.text === s.text) {
    load(design);
    settled(true);
    return;
  }
  if (!replacesWork(s.text)) {
    load(design);
    s.alert(`Opened the ${design.source}.`, 'info');
    settled(true);
    return;
  }
  let confirmed = false;
  const unsubscribe = appStore().subscribe((state, previous) => {
    if (previous.dialog === null || state.dialog !== null) return;
    unsubscribe();
    // The confirm button closes the dialog first and then confirms: decide once it is done.
    queueMicrotask(() => {
      // The dialog closed without "Replace": the user keeps their text.
      if (!confirmed) settled(false);
    });
  });
  s.openDialog({
    kind: 'confirm',
    title: `Open the ${design.source}?`,
    message: `The ${design.source} will replace the Dockerfile in the editor. Ctrl+Z in the editor brings your text back.`,
    confirmLabel: 'Replace',
    onConfirm: () => {
      confirmed = true;
      unsubscribe();
      load(design);
      settled(true);
    },
  });
}
