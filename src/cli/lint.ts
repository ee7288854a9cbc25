// stagewright lint: every diagnostic of analyze(), one per line, exit 1 on errors.

import { analyze } from '../model/index.ts';
import type { Diagnostic } from '../model/types.ts';
import { readInput } from './input.ts';
import { EXIT_FINDINGS, EXIT_OK, type CliIO } from './io.ts';

export const LINT_FORMATS = ['text', 'json'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

export interface LintOptions {
  files: string[];
  format: LintFormat;
}

/** Newlines in a message would break the one-problem-per-line promise. */
const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ');

export function formatDiagnostic(file: string, d: Diagnostic): string {
  return `${file}:${d.line}: ${d.severity} ${d.code} ${oneLine(d.message)}`;
}

export async function lintCommand(options: LintOptions, io: CliIO): Promise<number> {
  // Read every file first, so a missing one fails the run before anything is printed.
  const inputs = [];
  for (const file of options.files) inputs.push(await readInput(file, io));

  let errors = false;
  const all: Array<{ file: string } & Diagnostic> = [];
  for (const input of inputs) {
    // analyze() sorts by line; keep that order, which is also the order of the file.
    for (const d of analyze(input.text).diagnostics) {
      if (d.severity === 'error') errors = true;
      all.push({ file: input.name, line: d.line, severity: d.severity, code: d.code, message: d.message });
    }
  }

  if (options.format === 'json') io.stdout(JSON.stringify(all, null, 2) + '\n');
  else if (all.length > 0) io.stdout(all.map((d) => formatDiagnostic(d.file, d)).join('\n') + '\n');
  return errors ? EXIT_FINDINGS : EXIT_OK;
}
