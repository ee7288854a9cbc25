// Paste a Dockerfile anywhere on the page, outside the editor and the form
// fields, to open it. A pasted share link (a URL with a Stagewright fragment)
// opens that link. Text that is not a Dockerfile is refused with a message.
import { analyze } from '../../model/index.ts';
import { isShareFragment } from '../../model/share/index.ts';
import { appStore } from '../../store/index.ts';
import { MAX_FILE_BYTES, readDockerfile } from '../files.ts';
import { openDesign } from './openDesign.ts';
import { openShareFragment } from './shareLink.ts';

/** Fields, the editor (Monaco's input is a textarea) and dialogs handle their own paste. */
function pastedIntoAField(target: EventTarget | null): boolean {
  return target instanceof Element && !!target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], .monaco-editor, [role="dialog"]');
}

function shareFragmentOf(text: string): string | null {
  const trimmed = text.trim();
  if (/\s/.test(trimmed)) return null;
  try {
    const hash = new URL(trimmed).hash;
    return isShareFragment(hash) ? hash : null;
  } catch {
    return null;
  }
}

export function openPastedText(text: string): void {
  const s = appStore().getState();
  const fragment = shareFragmentOf(text);
  if (fragment !== null) {
    openShareFragment(fragment);
    return;
  }
  if (text.length > MAX_FILE_BYTES) {
    s.alert('The pasted text is too large for a Dockerfile (the limit is 1 MB). Nothing was changed.');
    return;
  }
  if (analyze(text).stages.length === 0) {
    s.alert('The pasted text has no FROM instruction, so it is not a Dockerfile. Nothing was changed. (To paste into the text, click into the editor first.)');
    return;
  }
  openDesign({ text, target: null, source: 'pasted Dockerfile' });
}

export function installPasteToOpen(): () => void {
  const onPaste = (e: ClipboardEvent) => {
    if (e.defaultPrevented || pastedIntoAField(e.target) || appStore().getState().dialog !== null) return;
    const data = e.clipboardData;
    if (!data) return;
    const file = data.files?.[0];
    if (file) {
      e.preventDefault();
      void readDockerfile(file).then((result) => {
        if (result.ok) openPastedText(result.text);
        else appStore().getState().alert(result.reason);
      });
      return;
    }
    const text = data.getData('text/plain');
    if (text === '') return;
    e.preventDefault();
    openPastedText(text);
  };
  window.addEventListener('paste', onPaste);
  return () => window.removeEventListener('paste', onPaste);
}
