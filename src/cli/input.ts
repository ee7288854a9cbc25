// Reading the Dockerfile a command works on: a path, or "-" for standard input.

import { UsageError, type CliIO } from './io.ts';

export interface Input {
  /** The name diagnostics are reported under: the path as given, or "<stdin>". */
  name: string;
  text: string;
}

export const DEFAULT_FILE = 'Dockerfile';

export async function readInput(path: string, io: CliIO): Promise<Input> {
  if (path === '-') return { name: '<stdin>', text: await io.readStdin() };
  try {
    return { name: path, text: io.readFile(path) };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') throw new UsageError(`no such file: ${path}`);
    if (code === 'EISDIR') throw new UsageError(`${path} is a directory, not a Dockerfile`);
    if (code === 'EACCES' || code === 'EPERM') throw new UsageError(`cannot read ${path}: permission denied`);
    throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
  }
}
