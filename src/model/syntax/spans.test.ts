import { describe, expect, it } from 'vitest';
import type { DockerfileSyntax, Instruction } from '../types';
import { corpusDockerfiles } from './corpus-files.test-support';
import { parseDockerfile } from './parse';

// For every corpus Dockerfile: every offset the tree carries points at source
// text that reads as the value the tree holds.

/**
 * Undoes line continuations inside a piece of source, independently of the
 * parser: an escape character at the end of a line (spaces and tabs after it
 * allowed, not itself escaped) joins the next line that is neither a comment
 * nor blank.
 */
function joinContinuations(src: string, escape: string): string {
  const lines = src.split('\n');
  let out = '';
  let continuing = false;
  for (let k = 0; k < lines.length; k++) {
    let line = lines[k];
    if (k < lines.length - 1) line = line.replace(/\r+$/, '');
    if (continuing && k > 0 && (/^\s*#/.test(line) || /^\s*$/.test(line)) && k < lines.length - 1) continue;
    const m = new RegExp(`(^|[^${escape === '\\' ? '\\\\' : '`'}])${escape === '\\' ? '\\\\' : '`'}[ \\t]*$`).exec(line);
    if (m && k < lines.length - 1) {
      out += line.slice(0, m.index + m[1].length);
      continuing = true;
    } else {
      out += line;
      continuing = false;
    }
  }
  return out;
}

/** What BuildKit's flag scanner makes of a flag word: quotes dropped, backslash keeps the next character. */
function unquoteFlag(word: string): string {
  let out = '';
  let quote = '';
  for (let k = 0; k < word.length; k++) {
    const c = word[k];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && k + 1 < word.length) out += word[++k];
      else if (c !== '\\') out += c;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '\\') {
      if (k + 1 < word.length) out += word[++k];
    } else out += c;
  }
  return out;
}

function checkInstruction(file: DockerfileSyntax, instr: Instruction): void {
  const text = file.text;
  const at = (s: { start: number; end: number }) => text.slice(s.start, s.end);
  const joined = (s: { start: number; end: number }) => joinContinuations(at(s), file.escape);
  expect(at(instr.keywordSpan)).toBe(instr.keyword);
  expect(instr.span.start).toBe(instr.keywordSpan.start);
  for (const flag of instr.flags) {
    expect(unquoteFlag(joined(flag.span))).toBe(flag.text);
    if (flag.valueSpan) expect(unquoteFlag(joined(flag.valueSpan))).toBe(flag.value);
    expect(flag.span.end).toBeLessThanOrEqual(instr.span.end);
  }
  for (const arg of instr.args) {
    if (!arg.span) {
      expect(['', '=']).toContain(arg.value);
      continue;
    }
    expect(arg.span.start).toBeGreaterThanOrEqual(instr.keywordSpan.end);
    expect(arg.span.end).toBeLessThanOrEqual(instr.span.end);
    if (instr.json) expect(JSON.parse('"' + joined(arg.span) + '"')).toBe(arg.value);
    else expect(joined(arg.span)).toBe(arg.value);
  }
  for (const h of instr.heredocs) {
    expect(at(h.span).startsWith(h.content)).toBe(true);
    expect(at(h.span).slice(h.content.length).replace(h.chomp ? /^\t*/ : /^/, '').replace(/\r$/, '')).toBe(h.name);
  }
  if (instr.inner) checkInstruction(file, instr.inner);
}

describe('spans point at what the tree says', () => {
  const files = corpusDockerfiles();
  it('reads all corpus Dockerfiles', () => expect(files.length).toBeGreaterThan(170));
  for (const { name, text } of files) {
    it(name, () => {
      const file = parseDockerfile(text);
      for (const instr of file.instructions) checkInstruction(file, instr);
      for (const d of file.directives) expect(text.slice(d.valueSpan.start, d.valueSpan.end)).toBe(d.value);
    });
  }

  it('gives FROM and COPY arguments on a single line exactly', () => {
    let checked = 0;
    for (const { text } of files) {
      const file = parseDockerfile(text);
      for (const instr of file.instructions) {
        if (instr.startLine !== instr.endLine || (instr.cmd !== 'from' && instr.cmd !== 'copy') || instr.json) continue;
        for (const arg of instr.args) {
          expect(text.slice(arg.span!.start, arg.span!.end)).toBe(arg.value);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});
