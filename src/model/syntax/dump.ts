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

/**
 * One instruction without its outer parentheses. ONBUILD nests its wrapped
 * instruction in parentheses; the nesting is unrolled in a loop so any depth
 * works.
 */
export function dumpInstruction(instr: Instruction): string {
  const heads: string[] = [];
  const tails: string[] = [];
  for (let cur: Instruction | null = instr; cur; cur = cur.inner) {
    let head = cur.keyword.toLowerCase();
    if (cur.flags.length > 0) head += ' [' + cur.flags.map((f) => goQuote(f.text)).join(' ') + ']';
    let tail = '';
    for (const arg of cur.args) tail += ' ' + goQuote(arg.value);
    heads.push(head);
    tails.push(tail);
  }
  // Innermost first: each level is head + " (" + inner + ")" + its own args, trimmed like Go's Dump.
  let s = goTrimSpace(heads[heads.length - 1] + tails[tails.length - 1]);
  for (let k = heads.length - 2; k >= 0; k--) s = goTrimSpace(heads[k] + ' (' + s + ')' + tails[k]);
  return s;
}

/** Go's strings.TrimSpace. */
function goTrimSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isGoSpace(s.charCodeAt(a))) a++;
  while (b > a && isGoSpace(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}
