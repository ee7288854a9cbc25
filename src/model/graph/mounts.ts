// Reading the `from=` of a `RUN --mount=...` value the way BuildKit does:
// the value is one CSV record (Go's encoding/csv rules: fields separated by
// commas, a field may be double-quoted with "" for a literal quote, a quote
// inside an unquoted field is an error), every field is `key=value` with a
// case-insensitive key, and the last `from=` wins. Offsets are kept so edits
// can rewrite just the stage name.

export interface MountFrom {
  /** The from= value, or null when the mount has none. */
  value: string | null;
  /** Offsets of the value inside the flag value string (null when quoted, so not a plain slice). */
  start: number | null;
  end: number | null;
  /** The target= (or dst=, destination=) value, for messages about the source; '' when there is no from=. */
  target: string;
}

const TARGET_KEYS: readonly string[] = ['target', 'dst', 'destination'];

export type MountParse = { ok: true; mount: MountFrom } | { ok: false; error: string };

/** A mount without from= (a cache, a secret, a bind of the context): most of them, on every analysis. */
const NO_SOURCE: MountParse = Object.freeze({ ok: true, mount: Object.freeze({ value: null, start: null, end: null, target: '' }) });

export function parseMountFrom(value: string): MountParse {
  if (value === '') return { ok: false, error: 'failed to parse csv mounts: EOF' };
  if (!value.includes('"')) return mentionsFrom(value) ? plainMountFrom(value) : NO_SOURCE;
  const fields: { text: string; start: number; end: number; quoted: boolean }[] = [];
  let i = 0;
  const n = value.length;
  for (;;) {
    const start = i;
    if (value[i] === '"') {
      // Quoted field: runs to the quote not followed by another quote.
      let text = '';
      i++;
      for (;;) {
        if (i >= n) return { ok: false, error: 'failed to parse csv mounts: extraneous or missing " in quoted-field' };
        const c = value[i];
        if (c === '"') {
          if (value[i + 1] === '"') {
            text += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += c;
        i++;
      }
      if (i < n && value[i] !== ',') {
        return { ok: false, error: 'failed to parse csv mounts: extraneous or missing " in quoted-field' };
      }
      fields.push({ text, start, end: i, quoted: true });
    } else {
      let j = i;
      while (j < n && value[j] !== ',') {
        if (value[j] === '"') return { ok: false, error: 'failed to parse csv mounts: bare " in non-quoted-field' };
        j++;
      }
      fields.push({ text: value.slice(i, j), start: i, end: j, quoted: false });
      i = j;
    }
    if (i >= n) break;
    i++; // the comma
    if (i >= n) {
      fields.push({ text: '', start: i, end: i, quoted: false });
      break;
    }
  }

  const mount: MountFrom = { value: null, start: null, end: null, target: '' };
  for (const f of fields) {
    const eq = f.text.indexOf('=');
    if (eq < 0) continue;
    const key = f.text.slice(0, eq).toLowerCase();
    if (TARGET_KEYS.includes(key)) mount.target = f.text.slice(eq + 1);
    if (key !== 'from') continue;
    const v = f.text.slice(eq + 1);
    if (/\$./.test(v)) return { ok: false, error: "'from' doesn't support variable expansion, define alias stage instead" };
    mount.value = v;
    if (f.quoted) {
      mount.start = null;
      mount.end = null;
    } else {
      mount.start = f.start + eq + 1;
      mount.end = f.end;
    }
  }
  return { ok: true, mount };
}

/** The common case, no quotes at all: plain comma-separated fields. */
function plainMountFrom(value: string): MountParse {
  const mount: MountFrom = { value: null, start: null, end: null, target: '' };
  let start = 0;
  while (start <= value.length) {
    let end = value.indexOf(',', start);
    if (end < 0) end = value.length;
    let eq = start;
    while (eq < end && value.charCodeAt(eq) !== 61) eq++;
    if (eq < end) {
      if (keyIs(value, start, eq, 'from')) {
        const v = value.slice(eq + 1, end);
        if (/\$./.test(v)) return { ok: false, error: "'from' doesn't support variable expansion, define alias stage instead" };
        mount.value = v;
        mount.start = eq + 1;
        mount.end = end;
      } else if (isTargetKey(value, start, eq)) {
        mount.target = value.slice(eq + 1, end);
      }
    }
    start = end + 1;
  }
  return { ok: true, mount };
}

/** Whether a plain (unquoted) value has a "from=" key in any case; without one there is nothing to read. */
function mentionsFrom(s: string): boolean {
  for (let i = s.indexOf('=', 4); i !== -1; i = s.indexOf('=', i + 1)) {
    if (keyIs(s, i - 4, i, 'from')) return true;
  }
  return false;
}

/** Does s[start, end) spell one of TARGET_KEYS in any case? */
function isTargetKey(s: string, start: number, end: number): boolean {
  for (let k = 0; k < TARGET_KEYS.length; k++) if (keyIs(s, start, end, TARGET_KEYS[k])) return true;
  return false;
}

/** Does s[start, end) spell the lower-case ASCII `key` in any case? (OR-ing 0x20 lower-cases letters.) */
function keyIs(s: string, start: number, end: number, key: string): boolean {
  if (end - start !== key.length) return false;
  for (let i = 0; i < key.length; i++) if ((s.charCodeAt(start + i) | 0x20) !== key.charCodeAt(i)) return false;
  return true;
}
