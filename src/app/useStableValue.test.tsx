// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { useStableValue } from './useStableValue.ts';
import { scheduleView } from './teaching/SchedulePanel.tsx';
import { analyze } from '../model/index.ts';

describe('useStableValue', () => {
  it('keeps returning the earlier object while new ones are equal to it', async () => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    const seen: object[] = [];
    function Probe({ value }: { value: object }) {
      seen.push(useStableValue(value));
      return null;
    }
    const root = createRoot(document.createElement('div'));
    const first = { a: 1, b: ['x'] };
    await act(async () => root.render(<Probe value={first} />));
    await act(async () => root.render(<Probe value={{ a: 1, b: ['x'] }} />));
    const changed = { a: 2, b: ['x'] };
    await act(async () => root.render(<Probe value={changed} />));
    expect(seen).toHaveLength(3);
    expect(seen[0]).toBe(first);
    expect(seen[1]).toBe(first);
    expect(seen[2]).toBe(changed);
    root.unmount();
  });
});

describe('the schedule panel view', () => {
  const text = 'FROM golang AS build\nRUN go build\n\nFROM alpine\nCOPY --from=build /a /b\n';
  it('is equal for a keystroke in a comment, so the panel keeps its rendering', () => {
    const before = scheduleView(analyze(text), null, 'buildkit');
    const after = scheduleView(analyze('# a note\n' + text), null, 'buildkit');
    expect(after).toEqual(before);
  });
  it('changes when a RUN changes the estimated cost', () => {
    const before = scheduleView(analyze(text), null, 'buildkit');
    const after = scheduleView(analyze(text.replace('RUN go build', 'RUN go build\nRUN go test')), null, 'buildkit');
    expect(after.criticalCost).toBeGreaterThan(before.criticalCost);
  });
});
