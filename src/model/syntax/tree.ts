import type { Directive, DockerfileSyntax, Instruction, SyntaxDiagnostic, SyntaxNode } from '../types';
import { lineBreakEnd, scannedLineCount } from './lines';

// The parser's result. Its node list (every directive, comment, blank line and
// instruction in order) follows from what the parser records anyway: the
// directives fill the first lines, each instruction knows its lines, and the
// comment lines are kept as a list of line numbers; every other line is blank.
// So the list is built the first time it is asked for. analyze() never asks:
// on each keystroke the app analyses the text, while the nodes serve only the
// edits of a canvas gesture and the comment lookups of `# check=` settings,
// and two objects per line were a ninth of what analyze() allocated.

export class SyntaxTree implements DockerfileSyntax {
  private built: SyntaxNode[] | null = null;

  constructor(
    readonly text: string,
    readonly hasBom: boolean,
    readonly escape: string,
    readonly directives: Directive[],
    readonly instructions: Instruction[],
    readonly commentLines: readonly number[],
    readonly diagnostics: SyntaxDiagnostic[],
    readonly lineStarts: Int32Array,
  ) {}

  get nodes(): SyntaxNode[] {
    return (this.built ??= buildNodes(this));
  }
}

/** Each node owns whole physical lines, line breaks included (see parse.ts). */
function buildNodes(tree: SyntaxTree): SyntaxNode[] {
  const { text, lineStarts, directives, instructions, commentLines } = tree;
  const lineCount = scannedLineCount(text, lineStarts);
  const nodes: SyntaxNode[] = [];
  let line = 0;
  for (const directive of directives) {
    line = directive.line - 1;
    nodes.push({ kind: 'directive', span: { start: lineStarts[line], end: lineBreakEnd(text, lineStarts, line) }, directive });
    line++;
  }
  let nextInstruction = 0;
  let nextComment = 0;
  while (line < lineCount) {
    const instruction = instructions[nextInstruction];
    if (instruction !== undefined && instruction.startLine - 1 === line) {
      const last = instruction.endLine - 1;
      nodes.push({ kind: 'instruction', span: { start: lineStarts[line], end: lineBreakEnd(text, lineStarts, last) }, instruction });
      nextInstruction++;
      line = last + 1;
      continue;
    }
    const isComment = commentLines[nextComment] === line;
    if (isComment) nextComment++;
    nodes.push({ kind: isComment ? 'comment' : 'blank', span: { start: lineStarts[line], end: lineBreakEnd(text, lineStarts, line) } });
    line++;
  }
  return nodes;
}
