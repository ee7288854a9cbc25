// When a stage is selected from outside the canvas (the cursor moving into it
// in the editor, a problem clicked), bring its node into view if it is not.
import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { appStore } from '../store/index.ts';

export function useRevealSelection(container: React.RefObject<HTMLElement | null>): void {
  const { getInternalNode, getViewport, setCenter } = useReactFlow();
  useEffect(
    () =>
      appStore().subscribe((state, prev) => {
        const sel = state.selection;
        if (!sel || sel === prev.selection || sel.kind !== 'node' || sel.origin === 'canvas') return;
        const node = getInternalNode(sel.id);
        const box = container.current?.getBoundingClientRect();
        if (!node || !box) return;
        const { x, y, zoom } = getViewport();
        const w = node.measured.width ?? 0;
        const h = node.measured.height ?? 0;
        const left = node.internals.positionAbsolute.x * zoom + x;
        const top = node.internals.positionAbsolute.y * zoom + y;
        const visible = left >= 0 && top >= 0 && left + w * zoom <= box.width && top + h * zoom <= box.height;
        if (visible) return;
        void setCenter(node.internals.positionAbsolute.x + w / 2, node.internals.positionAbsolute.y + h / 2, {
          zoom: Math.max(zoom, 0.6),
          duration: 200,
        });
      }),
    [container, getInternalNode, getViewport, setCenter],
  );
}
