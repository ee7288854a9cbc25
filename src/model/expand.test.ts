import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandWordWithMatches, expandWord } from './expand';

const env = new Map<string, string>([
  ['A', 'alpha'],
  ['EMPTY', ''],
  ['TARGETPLATFORM', 'linux/amd64'],
  ['TARGETOS', 'linux'],
  ['PATHLIKE', '/usr/local/bin/go'],
  ['FILE', 'archive.tar.gz'],
]);

function x(word: string, escape = '\\'): string {
  const r = expandWord(word, env, escape);
  if (r.error) throw new Error(r.error);
  return r.value;
}

describe('expandWord', () => {
  it('leaves plain words alone', () => {
    expect(x('golang:1.22-alpine')).toBe('golang:1.22-alpine');
  });

  it('expands $VAR and ${VAR}, unset ones to nothing', () => {
    expect(x('img-$A')).toBe('img-alpha');
    expect(x('img-${A}-x')).toBe('img-alpha-x');
    expect(x('img-$NOPE')).toBe('img-');
    expect(x('$A$TARGETOS')).toBe('alphalinux');
    expect(x('a$')).toBe('a$');
    expect(x('a$-b')).toBe('ab'); // "$-" is a special parameter, unset
  });

  it('distinguishes unset from empty in the - and + forms', () => {
    expect(x('${EMPTY-w}')).toBe('');
    expect(x('${EMPTY:-w}')).toBe('w');
    expect(x('${NOPE-w}')).toBe('w');
    expect(x('${NOPE:-w}')).toBe('w');
    expect(x('${A:-w}')).toBe('alpha');
    expect(x('${EMPTY+w}')).toBe('w');
    expect(x('${EMPTY:+w}')).toBe('');
    expect(x('${NOPE+w}')).toBe('');
    expect(x('${A:+-debug}')).toBe('-debug');
  });

  it('expands nested words in defaults', () => {
    expect(x('${NOPE:-${A}-x}')).toBe('alpha-x');
    expect(x('${NOPE:-"quoted }"}')).toBe('quoted }');
  });

  it('trims prefixes and suffixes with shortest and longest glob matches', () => {
    expect(x('${TARGETPLATFORM#linux/amd64}')).toBe('');
    expect(x('${TARGETPLATFORM#linux/}')).toBe('amd64');
    expect(x('${PATHLIKE#*/}')).toBe('usr/local/bin/go');
    expect(x('${PATHLIKE##*/}')).toBe('go');
    expect(x('${FILE%.*}')).toBe('archive.tar');
    expect(x('${FILE%%.*}')).toBe('archive');
    expect(x('${FILE%.?z}')).toBe('archive.tar');
    expect(x('${FILE#nomatch}')).toBe('archive.tar.gz');
  });

  it('replaces patterns', () => {
    expect(x('${FILE/a/A}')).toBe('Archive.tar.gz');
    expect(x('${FILE//a/A}')).toBe('Archive.tAr.gz');
    expect(x('${FILE/.*/}')).toBe('archive'); // greedy, like BuildKit's regexp
    expect(x('${FILE//?/x}')).toBe('xxxxxxxxxxxxxx');
    expect(x('${NOPE//a/b}')).toBe('');
  });

  it('matches wildcards without backtracking blow-ups', () => {
    const long = new Map([['X', 'a'.repeat(2000)]]);
    const started = performance.now();
    expect(expandWord('${X#' + '*a'.repeat(30) + '*b}', long).value).toBe('a'.repeat(2000));
    expect(expandWord('${X%%' + '*a'.repeat(30) + '}', long).value).toBe('');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('keeps escaped wildcards literal and rejects other escapes', () => {
    const e = new Map([['S', 'a*b?c']]);
    expect(expandWord('${S#a\\*}', e).value).toBe('b?c');
    expect(expandWord('${S%\\?c}', e).value).toBe('a*b');
    expect(expandWord('${S#\\x}', e).error).toMatch(/invalid escape/);
  });

  it('removes quotes and escapes', () => {
    expect(x('"false"')).toBe('false');
    expect(x("'$A'")).toBe('$A');
    expect(x('"$A"')).toBe('alpha');
    expect(x('\\$A')).toBe('$A');
    expect(x('"a\\"b"')).toBe('a"b');
    expect(x('"a\\b"')).toBe('a\\b');
    expect(x('`$A', '`')).toBe('$A');
    expect(x('a\\b', '`')).toBe('a\\b');
  });

  it('reports matched and unmatched variables', () => {
    const env = new Map([['tag', 'latest']]);
    const r = expandWordWithMatches('busybox:${tag}${version}', env);
    expect(r.value).toBe('busybox:latest');
    expect([...r.matched]).toEqual(['tag']);
    expect([...r.unmatched]).toEqual(['version']);
    const plain = expandWord('busybox:${tag}${version}', env);
    expect([plain.value, [...plain.unmatched]]).toEqual(['busybox:latest', ['version']]);
    expect([...expandWordWithMatches('plain', env).matched]).toEqual([]);
  });

  it('is case-sensitive about names', () => {
    const r = expandWord('$targetos', env);
    expect(r.value).toBe('');
    expect([...r.unmatched]).toEqual(['targetos']);
  });

  it('survives absurd nesting', () => {
    // The default is read (and expanded) before the variable is looked at, as in BuildKit.
    expect(expandWord('${A:-'.repeat(5000) + 'x' + '}'.repeat(5000), env).error).toMatch(/nested too deeply/);
    expect(expandWord('${N:-'.repeat(5000) + 'x' + '}'.repeat(5000), env).error).toMatch(/nested too deeply/);
    expect(expandWord('${N:-'.repeat(150) + 'x' + '}'.repeat(150), env).value).toBe('x');
  });

  it('returns BuildKit errors instead of throwing', () => {
    expect(expandWord('${A:-x', env).error).toMatch(/missing '}'/);
    expect(expandWord('${A', env).error).toMatch(/unsupported modifier/); // BuildKit reads EOF as the modifier
    expect(expandWord('${}', env).error).toMatch(/bad substitution/);
    expect(expandWord('${A.b}', env).error).toMatch(/unsupported modifier \(\.\)/);
    expect(expandWord('"open', env).error).toMatch(/matching double-quote/);
    expect(expandWord("'open", env).error).toMatch(/matching single-quote/);
    expect(expandWord('${NOPE:?must be set}', env).error).toMatch(/NOPE: must be set/);
    expect(expandWord('${NOPE?}', env).error).toMatch(/NOPE: is not allowed to be unset/);
  });

  it('reads plain $NAME / ${NAME} words in one pass exactly as the lexer reads them', () => {
    // An empty quoted string in front changes nothing but sends the word to the lexer.
    const token = fc.constantFrom('a', 'golang:', '/x?ref=', '-', '&k=1', 'é', '$A', '${A}', '$B_2', '${B_2}', '$UNSET', '${UNSET}', '$é', '${é}', '$', '${', '}', '$1', '${A:-d}', '$Aé', '_');
    const vars = new Map([['A', 'v'], ['B_2', ''], ['Aé', 'x']]);
    const reading = (r: ReturnType<typeof expandWordWithMatches>) => [r.value, r.error?.replace(`"''`, '"') ?? null, [...r.matched], [...r.unmatched]];
    fc.assert(
      fc.property(fc.array(token, { maxLength: 8 }), (tokens) => {
        const word = tokens.join('');
        expect(reading(expandWordWithMatches(word, vars))).toEqual(reading(expandWordWithMatches("''" + word, vars)));
        const plain = expandWord(word, vars);
        const lexed = expandWord("''" + word, vars);
        expect([plain.value, [...plain.unmatched]]).toEqual([lexed.value, [...lexed.unmatched]]);
      }),
      { numRuns: 5000 },
    );
  });

  it('trims a literal pattern exactly as the wildcard matcher would (the plain-text shortcut)', () => {
    // "#lit" and "#lit*" both remove the shortest prefix matching "lit"; "%lit" and "%*lit" the shortest suffix.
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '/', '.', '-', 'é', '😀', '\n') });
    const literal = fc.string({ unit: fc.constantFrom('a', 'b', '/', '.', '-', 'é', '\n'), maxLength: 4 });
    fc.assert(
      fc.property(text, literal, (value, lit) => {
        const vars = new Map([['V', value]]);
        const escaped = lit.replace(/[}]/g, '\\}');
        expect(expandWord('${V#' + escaped + '}', vars).value).toBe(expandWord('${V#' + escaped + '*}', vars).value);
        expect(expandWord('${V%' + escaped + '}', vars).value).toBe(expandWord('${V%*' + escaped + '}', vars).value);
      }),
      { numRuns: 2000 },
    );
  });
});
