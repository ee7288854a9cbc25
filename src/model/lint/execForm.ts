// The quick fix that turns a shell-form command into the exec (JSON) form,
// offered by JSONArgsRecommended and by the no-shell checks.

import type { Analysis, Instruction, QuickFix } from '../types';

/**
 * `CMD node server.js` -> `CMD ["node", "server.js"]`, when that means the same
 * thing: one line, no heredoc, and only plain words (pipes, variables, quotes,
 * globs and the like need a shell, so no fix is offered for them).
 */
export function execFormFix(analysis: Analysis, instruction: Instruction, title = (json: string) => `Use the exec form ${json}`): QuickFix[] {
  if (instruction.startLine !== instruction.endLine || instruction.heredocs.length > 0) return [];
  const text = analysis.file.text;
  let start = instruction.flags.length ? instruction.flags[instruction.flags.length - 1].span.end : instruction.keywordSpan.end;
  while (text[start] === ' ' || text[start] === '\t') start++;
  const command = text.slice(start, instruction.span.end).trim();
  if (command === '' || /[|&;<>()$`\\"'*?[\]#~{}!]/.test(command)) return [];
  const json = `[${command.split(/\s+/).map((word) => JSON.stringify(word)).join(', ')}]`;
  return [{ title: title(json), edits: [{ start, end: start + command.length, text: json }] }];
}
