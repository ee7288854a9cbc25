// An in-page modal: focus goes in, Escape, the close button or a click on the
// backdrop closes it.
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
    // The first field or button of the content, not the close button.
    const first = ref.current?.querySelector<HTMLElement>('.sw-modal-body :is(input, button, select, textarea)');
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
        <div className="sw-modal-header">
          <h2 className="sw-modal-title">{title}</h2>
          <button type="button" className="sw-icon-button sw-modal-close" aria-label="Close" title="Close (Esc)" data-testid="modal-close" onClick={onClose}>
            ×
          </button>
        </div>
        <div className="sw-modal-body">{children}</div>
      </div>
    </div>
  );
}
