// BuildKit's "did you mean X?" (util/suggest): the closest option by
// Levenshtein distance, only when it is closer than 3 edits, and no
// suggestion at all when the value is itself one of the options.

export function suggest(value: string, options: Iterable<string>, caseSensitive = true): string {
  const val = caseSensitive ? value : value.toLowerCase();
  let match = '';
  let best = 3;
  for (const option of options) {
    const opt = caseSensitive ? option : option.toLowerCase();
    if (opt === val) return '';
    const d = levenshtein(val, opt, best);
    if (d < best) {
      best = d;
      match = caseSensitive ? option : matchCase(opt, value);
    }
  }
  return match;
}

function matchCase(val: string, orig: string): string {
  if (orig === orig.toLowerCase()) return val.toLowerCase();
  if (orig === orig.toUpperCase()) return val.toUpperCase();
  return val;
}

/** Edit distance over code points; gives up early (returning `limit`) when it cannot go below `limit`. */
export function levenshtein(a: string, b: string, limit = Infinity): number {
  const s = Array.from(a);
  const t = Array.from(b);
  if (Math.abs(s.length - t.length) >= limit) return limit;
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= t.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin >= limit) return limit;
    prev = cur;
  }
  return prev[t.length];
}
