// An in-page modal: focus goes in, Escape closes, clicking the backdrop closes.
import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  onClose(): void;
  children: ReactNode;
  testId?: string;
  compact?: boolean;
}

export function Modal({ title, onClose, children, testId, compact }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const first = ref.current?.querySelector<HTMLElement>('input, button, select, textarea');
    first?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <div className="sw-backdrop nokey" onPointerDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        className={`sw-modal ${compact ? 'is-compact' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Escape') onClose();
        }}
      >
        <h2 className="sw-modal-title">{title}</h2>
        {children}
      </div>
    </div>
  );
}
