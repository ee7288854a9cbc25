// An ARG instruction's words are "name" or "name=default": BuildKit splits
// each at its first "=".

export function argKeyValue(word: string): { key: string; value: string | null } {
  const eq = word.indexOf('=');
  return eq < 0 ? { key: word, value: null } : { key: word.slice(0, eq), value: word.slice(eq + 1) };
}
