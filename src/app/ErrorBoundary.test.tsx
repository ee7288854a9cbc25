// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from './ErrorBoundary.tsx';

function Broken(): never {
  throw new Error('the canvas fell over');
}

describe('ErrorBoundary', () => {
  it('replaces a crashed view with a clear alert that keeps the text', async () => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const host = document.createElement('div');
    document.body.appendChild(host);
    const root = createRoot(host);
    await act(async () => {
      root.render(
        <ErrorBoundary getText={() => 'FROM alpine AS <b>kept</b>\n'}>
          <Broken />
        </ErrorBoundary>,
      );
    });
    const alert = host.querySelector('[role="alert"]');
    expect(alert).not.toBeNull();
    expect(alert!.textContent).toContain('Your Dockerfile is safe');
    expect(alert!.textContent).toContain('the canvas fell over');
    expect(host.querySelector('textarea')!.value).toBe('FROM alpine AS <b>kept</b>\n');
    expect(host.querySelector('b')).toBeNull();
    await act(async () => root.unmount());
    quiet.mockRestore();
  });
});
