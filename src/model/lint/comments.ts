// The comment lines directly above an instruction, as BuildKit collects them:
// a blank line or an empty `#` line ends the block. Both the per-instruction
// `# check=` setting and definition descriptions read this block.

import type { DockerfileSyntax, Instruction } from '../types';

/** Texts of the comment lines directly above `instruction` (after `#`, trimmed), top to bottom. */
// Node index of each instruction (by its start offset), built once per syntax tree:
// the checks ask for the comments of many instructions on every keystroke.
const nodeIndexes = new WeakMap<DockerfileSyntax, Map<number, number>>();

function nodeIndex(file: DockerfileSyntax, instruction: Instruction): number {
  let byStart = nodeIndexes.get(file);
  if (!byStart) {
    byStart = new Map();
    file.nodes.forEach((node, i) => {
      if (node.kind === 'instruction') byStart!.set(node.instruction.span.start, i);
    });
    nodeIndexes.set(file, byStart);
  }
  return byStart.get(instruction.span.start) ?? -1;
}

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
