import type { DockerfileSyntax, Instruction, SyntaxNode } from '../types';

// Finding the piece of the tree under a cursor or on a line, by binary search
// over the nodes (they are sorted and cover the text without gaps).

/** Index in file.nodes of the node containing `offset` (the last node for the end of the text), or -1 for an empty text. */
export function nodeIndexAt(file: DockerfileSyntax, offset: number): number {
  const nodes = file.nodes;
  if (nodes.length === 0) return -1;
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (nodes[mid].span.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The node containing `offset` (the last node for the end of the text), or null for an empty text. */
export function nodeAt(file: DockerfileSyntax, offset: number): SyntaxNode | null {
  const index = nodeIndexAt(file, offset);
  return index < 0 ? null : file.nodes[index];
}

/** The instruction whose lines (continuations and heredoc bodies included) contain 1-based `line`, or null. */
export function instructionAtLine(file: DockerfileSyntax, line: number): Instruction | null {
  const list = file.instructions;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const instr = list[mid];
    if (line < instr.startLine) hi = mid - 1;
    else if (line > instr.endLine) lo = mid + 1;
    else return instr;
  }
  return null;
}
