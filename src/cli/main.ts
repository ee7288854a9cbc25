// Entry point of the built `stagewright` command (dist-cli/stagewright.js):
// wires run() to the real process.

import { readFileSync } from 'node:fs';
import { run } from './run.ts';
import type { CliIO } from './io.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const io: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path, 'utf8'),
  readStdin,
};

run(process.argv.slice(2), io).then(
  (status) => {
    // Let stdout drain (it may be a pipe) instead of process.exit().
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`stagewright: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);
