// Line <-> offset conversions. Lines are 1-based and split on "\n" only, the
// way BuildKit and Monaco count them: "a\r\nb" has two lines, and a text ending
// in "\n" has one more, empty, line after it.

interface HasLineStarts {
  lineStarts: ArrayLike<number>;
}

/**
 * Offset just past 0-based line i's line break: where the next line starts,
 * or the end of the text for the last line.
 */
export function lineBreakEnd(text: string, lineStarts: ArrayLike<number>, i: number): number {
  return i + 1 < lineStarts.length ? lineStarts[i + 1] : text.length;
}

/** How many lines BuildKit's scanner yields: the empty "line" after a final "\n" is not one. */
export function scannedLineCount(text: string, lineStarts: ArrayLike<number>): number {
  return lineStarts[lineStarts.length - 1] < text.length ? lineStarts.length : lineStarts.length - 1;
}

/** Offsets where each line begins; always starts with 0. */
export function computeLineStarts(text: string): Int32Array {
  // One indexOf pass (counting first to allocate the exact size measured twice
  // as slow) into a typed array grown by doubling. A typed array keeps its
  // elements outside the JS heap: a pushed number[] and its regrowths were a
  // quarter of a megabyte of young-generation garbage on 10,000 lines, and
  // that garbage is what makes analyze() wait for the collector. The first
  // guess (a line per 16 characters) fits most files.
  let starts = new Int32Array(16 + (text.length >> 4));
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (n === starts.length) {
      const grown = new Int32Array(n * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[n++] = i + 1;
  }
  return starts.subarray(0, n);
}

/** 1-based line containing `offset` (clamped to the text). */
export function lineAt(file: HasLineStarts, offset: number): number {
  const starts = file.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  if (offset <= 0) return 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Offset where 1-based `line` begins (clamped to the first and last line). */
export function offsetAt(file: HasLineStarts, line: number): number {
  const starts = file.lineStarts;
  if (line <= 1) return 0;
  if (line > starts.length) return starts[starts.length - 1];
  return starts[line - 1];
}

/** 1-based line and column (column counts UTF-16 units from 1, like Monaco). */
export function positionAt(file: HasLineStarts, offset: number): { line: number; column: number } {
  const line = lineAt(file, offset);
  return { line, column: Math.max(0, offset - file.lineStarts[line - 1]) + 1 };
}

/** Offset of the end of `line`'s content: before its "\r\n" or "\n". */
export function lineEndAt(file: HasLineStarts & { text: string }, line: number): number {
  const starts = file.lineStarts;
  const text = file.text;
  if (line < 1) line = 1;
  if (line >= starts.length) return text.length;
  let end = starts[line] - 1;
  if (end > starts[line - 1] && text.charCodeAt(end - 1) === 0x0d) end--;
  return end;
}
