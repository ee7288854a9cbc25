// The draggable divider between the editor and the canvas (also movable with the arrow keys).
import { useRef } from 'react';
import { useApp } from '../store/index.ts';

export function Splitter({ container }: { container: React.RefObject<HTMLElement | null> }) {
  const split = useApp((s) => s.view.split);
  const setSplit = useApp((s) => s.setSplit);
  const dragging = useRef(false);
  return (
    <div
      className="sw-splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize editor and canvas"
      aria-valuenow={Math.round(split * 100)}
      aria-valuemin={20}
      aria-valuemax={80}
      tabIndex={0}
      data-testid="splitter"
      onPointerDown={(e) => {
        dragging.current = true;
        e.currentTarget.setPointerCapture(e.pointerId);
        document.body.classList.add('sw-resizing');
      }}
      onPointerMove={(e) => {
        if (!dragging.current || !container.current) return;
        const r = container.current.getBoundingClientRect();
        setSplit((e.clientX - r.left) / r.width);
      }}
      onPointerUp={(e) => {
        dragging.current = false;
        e.currentTarget.releasePointerCapture(e.pointerId);
        document.body.classList.remove('sw-resizing');
      }}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft') setSplit(split - 0.02);
        else if (e.key === 'ArrowRight') setSplit(split + 0.02);
      }}
    />
  );
}
