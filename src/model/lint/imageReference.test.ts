import { describe, expect, it } from 'vitest';
import { isPinned, parseImageReference } from './imageReference';

describe('image references', () => {
  it('accepts valid references and splits them', () => {
    expect(parseImageReference('busybox:stable')).toMatchObject({ domain: null, path: 'busybox', tag: 'stable' });
    expect(parseImageReference('gcr.io/distroless/static-debian12:nonroot')).toMatchObject({ domain: 'gcr.io', path: 'distroless/static-debian12' });
    expect(parseImageReference('localhost:5000/app@sha256:' + 'a'.repeat(64))?.digest).toMatch(/^sha256:/);
    expect(parseImageReference('library/nginx')).toMatchObject({ domain: null, path: 'library/nginx', tag: null });
  });
  it('rejects what ParseNormalizedNamed rejects', () => {
    for (const bad of ['', 'busybox:', 'BusyBox', 'a b', ':tag', 'Foo/bar']) expect(parseImageReference(bad), bad).toBeNull();
  });
  it('calls a digest or a non-latest tag pinned', () => {
    expect(isPinned(parseImageReference('nginx')!)).toBe(false);
    expect(isPinned(parseImageReference('nginx:latest')!)).toBe(false);
    expect(isPinned(parseImageReference('nginx:1.27')!)).toBe(true);
  });
});
