// The share link in the address bar: making one from the current text and
// target, opening one (at startup or when the fragment changes), and taking it
// away again once the text no longer matches it, so a reload never brings back
// an old link over newer work.
import { appStore } from '../../store/index.ts';
import { decodeShareFragment, encodeShareFragment, isShareFragment, type SharedDesign } from '../../model/share/index.ts';
import { copyText } from '../files.ts';
import { openDesign } from './openDesign.ts';

/** The design the fragment in the address bar stands for, when it is ours and current. */
let linked: SharedDesign | null = null;
let openedAtStartup = false;

function currentDesign(): SharedDesign {
  const s = appStore().getState();
  return { text: s.text, target: s.view.target };
}

const sameDesign = (a: SharedDesign, b: SharedDesign) => a.text === b.text && a.target === b.target;

function setFragment(fragment: string | null): void {
  const url = new URL(window.location.href);
  url.hash = fragment ?? '';
  // replaceState: sharing is not a navigation the back button should undo.
  // An empty hash would leave a bare "#" behind; drop it entirely.
  window.history.replaceState(window.history.state, '', fragment === null ? url.href.replace(/#$/, '') : url.href);
}

/** Makes the link for what is on screen, puts it in the address bar and copies it. */
export async function shareCurrentDesign(): Promise<void> {
  const s = appStore().getState();
  const design = currentDesign();
  const result = encodeShareFragment(design);
  if (!result.ok) {
    s.alert(`${result.error.message} Download the Dockerfile instead.`);
    return;
  }
  setFragment(result.fragment);
  linked = design;
  const copied = await copyText(window.location.href);
  appStore()
    .getState()
    .alert(
      copied
        ? 'Share link copied to the clipboard (it is also in the address bar). The Dockerfile travels inside the link; no server sees it.'
        : 'The share link is in the address bar; the browser did not allow copying it.',
      'info',
    );
}

/** Opens the share link in `hash` (location.hash or a pasted URL's). Bad links change nothing and say why. */
export function openShareFragment(hash: string): void {
  if (hash === '' || hash === '#') return;
  const result = decodeShareFragment(hash);
  if (!result.ok) {
    // A fragment that is not ours at all (no "v1:") may still be a damaged link: say so either way.
    const s = appStore().getState();
    s.alert(
      isShareFragment(hash)
        ? `${result.error.message} Your Dockerfile was not changed.`
        : 'The address has a fragment that is not a Stagewright share link. Your Dockerfile was not changed.',
    );
    setFragment(null);
    linked = null;
    return;
  }
  const design = result.design;
  openDesign({ ...design, source: 'shared Dockerfile' }, (opened) => {
    if (opened) {
      linked = currentDesign();
      // Keep the address bar honest if a target was dropped on the way in.
      if (!sameDesign(linked, design)) syncFragment();
    } else {
      setFragment(null);
      linked = null;
    }
  });
}

/** Drops the fragment once the text or target moved on from the shared design. */
function syncFragment(): void {
  if (linked !== null && !sameDesign(linked, currentDesign())) {
    linked = null;
    setFragment(null);
  }
}

/**
 * Page-wide wiring, once: open a link the page was loaded with or navigated to,
 * and keep the address bar from holding a stale link. Returns the cleanup.
 */
export function installShareLinks(): () => void {
  // Our own replaceState fires no hashchange: this is the user pasting a link into the address bar.
  const onHashChange = () => openShareFragment(window.location.hash);
  window.addEventListener('hashchange', onHashChange);
  const unsubscribe = appStore().subscribe((state, previous) => {
    if (state.text !== previous.text || state.view.target !== previous.view.target) syncFragment();
  });
  // Once per page load, even if React mounts the installer twice (StrictMode in development).
  if (!openedAtStartup) {
    openedAtStartup = true;
    openShareFragment(window.location.hash);
  }
  return () => {
    window.removeEventListener('hashchange', onHashChange);
    unsubscribe();
  };
}
