// The comment lines directly above an instruction, as BuildKit collects them:
// a blank line or an empty `#` line ends the block. Both the per-instruction
// `# check=` setting and definition descriptions read this block.

import type { DockerfileSyntax, Instruction } from '../types';
import { nodeIndexAt } from '../syntax/locate';

/**
 * Index in file.nodes of the node holding `instruction`, or -1. The nodes are
 * in source order, so a binary search on their start offsets finds it without
 * a per-file lookup table: a table cached per syntax tree (in a WeakMap) kept
 * every analysed tree reachable until the next full GC and made each
 * young-generation collection copy it.
 */
function nodeIndex(file: DockerfileSyntax, instruction: Instruction): number {
  const index = nodeIndexAt(file, instruction.span.start);
  const node = file.nodes[index];
  return node !== undefined && node.kind === 'instruction' && node.instruction === instruction ? index : -1;
}

/** Texts of the comment lines directly above `instruction` (after `#`, trimmed), top to bottom. */
export function commentsAbove(file: DockerfileSyntax, instruction: Instruction): string[] {
  const index = nodeIndex(file, instruction);
  const comments: string[] = [];
  // A comment node may hold one line or a run of lines; read them bottom-up.
  for (let i = index - 1; i >= 0; i--) {
    const node = file.nodes[i];
    if (node.kind !== 'comment') break;
    const lines = file.text.slice(node.span.start, node.span.end).split(/\r?\n/).filter((l) => l.trim() !== '');
    for (let j = lines.length - 1; j >= 0; j--) {
      const text = lines[j].trim().replace(/^#/, '').trim();
      if (text === '') return comments;
      comments.unshift(text);
    }
  }
  return comments;
}
