// BuildKit's rules for naming a stage, by name or by index, shared by the
// analysis (which reports a name that breaks them) and the edits module (which
// refuses to write one).

/** Names BuildKit keeps for itself: `FROM scratch` and the build context. */
export const RESERVED_STAGE_NAMES: ReadonlySet<string> = new Set(['scratch', 'context']);

/**
 * BuildKit's stage name rule, ^[a-z][a-z0-9-_.]*$ (applied to the lower-cased
 * name), read character by character: on such short names a regular
 * expression call costs more, and analyze() checks every stage's name.
 */
export function isValidStageName(name: string): boolean {
  const first = name.charCodeAt(0);
  if (!(first >= 0x61 && first <= 0x7a)) return false;
  for (let i = 1; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x5f || c === 0x2e)) return false;
  }
  return true;
}

/** A --from value BuildKit reads as a stage index (Go's strconv.Atoi accepts a sign). */
export const STAGE_INDEX = /^[+-]?[0-9]+$/;
