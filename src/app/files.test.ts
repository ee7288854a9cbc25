import { describe, expect, it } from 'vitest';
import { decodeDockerfile, MAX_FILE_BYTES } from './files.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('decodeDockerfile', () => {
  it('accepts UTF-8 text, CRLF and a BOM as they are', () => {
    expect(decodeDockerfile(enc('FROM alpine\r\nRUN echo ü\r\n'), 'Dockerfile')).toEqual({ ok: true, text: 'FROM alpine\r\nRUN echo ü\r\n' });
    const bom = decodeDockerfile(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('FROM a\n')]), 'Dockerfile');
    expect(bom.ok).toBe(true);
  });

  it('refuses binary content', () => {
    const png = decodeDockerfile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'logo.png');
    expect(png).toEqual({ ok: false, reason: expect.stringContaining('binary') });
    expect(decodeDockerfile(new Uint8Array([0xff, 0xfe, 0x41, 0x42]), 'x').ok).toBe(false);
    expect(decodeDockerfile(enc('\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f'), 'x').ok).toBe(false);
  });

  it('refuses files too large to be a Dockerfile', () => {
    const r = decodeDockerfile(new Uint8Array(MAX_FILE_BYTES + 1).fill(65), 'big');
    expect(r).toEqual({ ok: false, reason: expect.stringContaining('too large') });
  });
});
