import type { DockerfileSyntax, Instruction } from '../types';
import { isGoSpace } from './chars';
import { goQuote } from './quote';

// BuildKit's AST dump (Node.Dump plus the trailing "\n" its tests add): one
// line per instruction, `(keyword ["--flag" ...] "arg" ...)`, with ONBUILD's
// wrapped instruction nested in parentheses. See
// ../shared/corpus/buildkit-parser/FORMAT.md.

export function dump(file: DockerfileSyntax): string {
  let out = '';
  for (const instr of file.instructions) out += '(' + dumpInstruction(instr) + ')\n';
  return out;
}

export function dumpInstruction(instr: Instruction): string {
  let s = instr.keyword.toLowerCase();
  if (instr.flags.length > 0) s += ' [' + instr.flags.map((f) => goQuote(f.text)).join(' ') + ']';
  if (instr.inner) s += ' (' + dumpInstruction(instr.inner) + ')';
  for (const arg of instr.args) s += ' ' + goQuote(arg.value);
  return goTrimSpace(s);
}

/** Go's strings.TrimSpace. */
function goTrimSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isGoSpace(s.charCodeAt(a))) a++;
  while (b > a && isGoSpace(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}
