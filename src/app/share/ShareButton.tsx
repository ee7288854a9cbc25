// The toolbar's share button. Mounting it also installs the page-wide parts of
// sharing and importing: opening a share link from the address bar, and
// opening a Dockerfile pasted anywhere outside the editor.
import { useEffect } from 'react';
import { installShareLinks, shareCurrentDesign } from './shareLink.ts';
import { installPasteToOpen } from './pasteToOpen.ts';

export function ShareButton() {
  useEffect(() => {
    const uninstallLinks = installShareLinks();
    const uninstallPaste = installPasteToOpen();
    return () => {
      uninstallLinks();
      uninstallPaste();
    };
  }, []);
  return (
    <button
      type="button"
      className="sw-button"
      data-testid="share"
      title="Put a link to this Dockerfile and target in the address bar and copy it. The text travels inside the link; no server sees it."
      onClick={() => void shareCurrentDesign()}
    >
      Share
    </button>
  );
}
