// A small in-place text input: Enter commits, Escape or leaving cancels.
import { useEffect, useRef, useState } from 'react';

interface Props {
  initial: string;
  label: string;
  className?: string;
  onCommit(value: string): void;
  onCancel(): void;
}

export function InlineInput({ initial, label, className, onCommit, onCancel }: Props) {
  const [value, setValue] = useState(initial);
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    if (commit && value.trim() !== '' && value !== initial) onCommit(value.trim());
    else onCancel();
  };
  return (
    <input
      ref={ref}
      className={`sw-inline-input nodrag nopan nokey ${className ?? ''}`}
      aria-label={label}
      data-testid="inline-input"
      value={value}
      spellCheck={false}
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') finish(true);
        else if (e.key === 'Escape') finish(false);
      }}
      onBlur={() => finish(false)}
      onPointerDown={(e) => e.stopPropagation()}
      onDoubleClick={(e) => e.stopPropagation()}
    />
  );
}
