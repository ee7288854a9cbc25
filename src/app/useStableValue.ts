// The previous value while the new one is equal to it (compared as JSON), so
// that a memo'd view of derived data skips the re-render when a keystroke
// produced a new but identical object (a panel showing the schedule does not
// change when a comment is typed).
import { useRef } from 'react';

export function useStableValue<T>(value: T): T {
  const last = useRef<{ json: string; value: T } | null>(null);
  const json = JSON.stringify(value);
  // Written during render on purpose: the result is a pure function of `value`.
  if (last.current === null || last.current.json !== json) last.current = { json, value };
  return last.current.value;
}
