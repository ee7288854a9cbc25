// Getting a Dockerfile in and out: reading a chosen or dropped file (with
// checks, so a binary or huge file is refused with a message and loses nothing),
// downloading the text as `Dockerfile`, copying it to the clipboard.
import { saveAs } from 'file-saver';

/** Dockerfiles are small; anything past this is almost certainly the wrong file. */
export const MAX_FILE_BYTES = 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

/** Decodes bytes as a text Dockerfile, refusing binary content. Pure, for tests. */
export function decodeDockerfile(bytes: Uint8Array, name: string): ReadResult {
  if (bytes.length > MAX_FILE_BYTES) {
    return { ok: false, reason: `“${name}” is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, too large for a Dockerfile (the limit is 1 MB). Nothing was changed.` };
  }
  // NUL bytes never occur in text files; they are the surest sign of a binary.
  if (bytes.includes(0)) return { ok: false, reason: `“${name}” is a binary file, not a Dockerfile. Nothing was changed.` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: `“${name}” is not UTF-8 text, so it cannot be a Dockerfile. Nothing was changed.` };
  }
  // Many control characters (other than tab, CR, LF, form feed) also mean binary.
  let control = 0;
  for (let i = 0; i < text.length && i < 65536; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  if (control > 8) return { ok: false, reason: `“${name}” looks like a binary file, not a Dockerfile. Nothing was changed.` };
  return { ok: true, text };
}

export async function readDockerfile(file: File): Promise<ReadResult> {
  if (file.size > MAX_FILE_BYTES) {
    return { ok: false, reason: `“${file.name}” is ${(file.size / 1024 / 1024).toFixed(1)} MB, too large for a Dockerfile (the limit is 1 MB). Nothing was changed.` };
  }
  try {
    return decodeDockerfile(new Uint8Array(await file.arrayBuffer()), file.name);
  } catch {
    return { ok: false, reason: `“${file.name}” could not be read. Nothing was changed.` };
  }
}

// application/octet-stream: with text/plain, Chromium appends ".txt" to a name without an extension.
export function downloadText(text: string, filename = 'Dockerfile'): void {
  downloadBlob(new Blob([text], { type: 'application/octet-stream' }), filename);
}

// file-saver covers the browsers' differences in starting a download from a script.
export function downloadBlob(blob: Blob, filename: string): void {
  saveAs(blob, filename);
}

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Without clipboard permission, fall back to a selected textarea.
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    document.body.appendChild(ta);
    ta.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    ta.remove();
    return ok;
  }
}
