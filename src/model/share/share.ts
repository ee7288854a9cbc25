// Share links: the Dockerfile text and the chosen target, compressed into the
// URL fragment, so nothing is sent to any server.
//
// Fragment format (version 1):   v1:<checksum>:<data>
//   data      lz-string compressToEncodedURIComponent of the JSON
//             {"text": string, "target": number | null}
//   checksum  FNV-1a 32-bit of that JSON, 8 lowercase hex digits. lz-string
//             has no integrity check of its own: a damaged link would
//             otherwise open a silently different Dockerfile.
//
// Limits: a fragment of at most MAX_FRAGMENT_LENGTH characters (64 KiB, which
// holds several hundred KB of typical Dockerfile text, and stays under what
// browsers and chat tools keep of a URL), and at most MAX_DECODED_LENGTH
// characters (1 MiB) once decompressed. Decoding never throws and never
// evaluates anything: the payload is read with JSON.parse into a fresh object
// whose every field is checked.

import LZString from 'lz-string';
import { lzDecodeUriSafe } from './lzDecode.ts';

export const SHARE_VERSION = 'v1';
export const MAX_FRAGMENT_LENGTH = 64 * 1024;
export const MAX_DECODED_LENGTH = 1024 * 1024;

export interface SharedDesign {
  text: string;
  /** Index of the chosen build target stage, or null for the default (the last stage). */
  target: number | null;
}

export type ShareErrorCode =
  | 'not-a-share-link'
  | 'unsupported-version'
  | 'too-long'
  | 'damaged'
  | 'invalid-content';

export interface ShareError {
  code: ShareErrorCode;
  /** A sentence for the user. */
  message: string;
}

export type ShareEncodeResult = { ok: true; fragment: string } | { ok: false; error: ShareError };
export type ShareDecodeResult = { ok: true; design: SharedDesign } | { ok: false; error: ShareError };

const fail = (code: ShareErrorCode, message: string): { ok: false; error: ShareError } => ({
  ok: false,
  error: { code, message },
});

const DAMAGED = 'This share link is damaged (it may have been cut off or changed when it was copied).';

/** FNV-1a over UTF-16 code units. Detects accidental damage; it is not a signature. */
export function checksum(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The fragment (without "#") that opens `design`; fails when the text is too large for a link. */
export function encodeShareFragment(design: SharedDesign): ShareEncodeResult {
  if (design.text.length > MAX_DECODED_LENGTH) {
    return fail('too-long', `This Dockerfile is too large to share as a link (more than ${MAX_DECODED_LENGTH} characters).`);
  }
  const json = JSON.stringify({ text: design.text, target: design.target });
  const fragment = `${SHARE_VERSION}:${checksum(json)}:${LZString.compressToEncodedURIComponent(json)}`;
  if (fragment.length > MAX_FRAGMENT_LENGTH) {
    return fail('too-long', `This Dockerfile is too large to share as a link (the link would be longer than ${MAX_FRAGMENT_LENGTH} characters).`);
  }
  return { ok: true, fragment };
}

/** Whether a location.hash is meant as a share link at all (an empty hash is not). */
export function isShareFragment(hash: string): boolean {
  return /^#?v\d+:/.test(hash);
}

/**
 * Reads a fragment made by encodeShareFragment (with or without the leading
 * "#", percent-encoded or not, with "+" turned into spaces by a chat tool).
 */
export function decodeShareFragment(hash: unknown): ShareDecodeResult {
  if (typeof hash !== 'string') return fail('not-a-share-link', 'This is not a Stagewright share link.');
  if (hash.length > MAX_FRAGMENT_LENGTH * 3) {
    // Even fully percent-encoded, a valid fragment is never this long: refuse before any work.
    return fail('too-long', `This share link is too long (more than ${MAX_FRAGMENT_LENGTH} characters).`);
  }
  let fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (fragment.includes('%')) {
    try {
      fragment = decodeURIComponent(fragment);
    } catch {
      return fail('damaged', DAMAGED);
    }
  }
  if (fragment.length > MAX_FRAGMENT_LENGTH) {
    return fail('too-long', `This share link is too long (more than ${MAX_FRAGMENT_LENGTH} characters).`);
  }

  const match = /^v(\d+):(.*)$/s.exec(fragment);
  if (!match) return fail('not-a-share-link', 'This is not a Stagewright share link.');
  if (`v${match[1]}` !== SHARE_VERSION) {
    return fail('unsupported-version', `This share link was made by a newer version of Stagewright (format v${match[1].slice(0, 10)}); this one reads ${SHARE_VERSION}.`);
  }
  const parts = /^([0-9a-f]{8}):(.*)$/s.exec(match[2]);
  if (!parts) return fail('damaged', DAMAGED);
  const [, expectedSum, data] = parts;

  const decoded = lzDecodeUriSafe(data.replace(/ /g, '+'), MAX_DECODED_LENGTH + 64);
  if (!decoded.ok) {
    if (decoded.reason === 'too-long') {
      return fail('too-long', `This share link holds more than ${MAX_DECODED_LENGTH} characters of text, more than Stagewright opens from a link.`);
    }
    return fail('damaged', DAMAGED);
  }
  if (checksum(decoded.text) !== expectedSum) return fail('damaged', DAMAGED);

  let payload: unknown;
  try {
    payload = JSON.parse(decoded.text);
  } catch {
    return fail('invalid-content', 'This share link does not hold a Stagewright design.');
  }
  return readPayload(payload);
}

// The checksum only says the link arrived as it was made, not who made it: a
// crafted link can carry any JSON, so every field is checked here.
function readPayload(payload: unknown): ShareDecodeResult {
  const invalid = (why: string) => fail('invalid-content', `This share link does not hold a valid Stagewright design: ${why}.`);
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return invalid('it is not an object');
  // JSON.parse makes "__proto__" an own key; refusing unknown keys keeps it (and anything else) out.
  const keys = Object.keys(payload);
  const unknown = keys.filter((key) => key !== 'text' && key !== 'target');
  if (unknown.length > 0) return invalid(`unexpected field ${JSON.stringify(unknown[0].slice(0, 40))}`);
  const text: unknown = Object.getOwnPropertyDescriptor(payload, 'text')?.value;
  const target: unknown = Object.hasOwn(payload, 'target') ? Object.getOwnPropertyDescriptor(payload, 'target')?.value : null;
  if (typeof text !== 'string') return invalid('the text is missing or not a string');
  if (text.length > MAX_DECODED_LENGTH) return invalid(`the text is longer than ${MAX_DECODED_LENGTH} characters`);
  if (target !== null && !(typeof target === 'number' && Number.isSafeInteger(target) && target >= 0)) {
    return invalid('the target is not a stage index');
  }
  return { ok: true, design: { text, target } };
}
