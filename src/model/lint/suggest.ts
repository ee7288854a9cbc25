// "Did you mean ...?" for a misspelt name, with BuildKit's threshold: the
// closest option at edit distance 1 or 2; an exact match means nothing to suggest.

export function levenshtein(a: string, b: string): number {
  const ar = [...a];
  const br = [...b];
  let previous = Array.from({ length: br.length + 1 }, (_, j) => j);
  for (let i = 1; i <= ar.length; i++) {
    const current = [i];
    for (let j = 1; j <= br.length; j++) {
      const substitution = previous[j - 1] + (ar[i - 1] === br[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    previous = current;
  }
  return previous[br.length];
}

function matchCase(option: string, original: string): string {
  if (original === original.toLowerCase()) return option.toLowerCase();
  if (original === original.toUpperCase()) return option.toUpperCase();
  return option;
}

/** The suggestion, or '' when no option is close enough (or the value is itself an option). */
export function suggest(value: string, options: Iterable<string>, caseSensitive: boolean): string {
  const needle = caseSensitive ? value : value.toLowerCase();
  let best = '';
  let bestDistance = 3;
  for (const option of options) {
    const candidate = caseSensitive ? option : option.toLowerCase();
    if (candidate === needle) return '';
    const distance = levenshtein(needle, candidate);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = caseSensitive ? option : matchCase(candidate, value);
    }
  }
  return best;
}
