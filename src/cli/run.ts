// The command line: parse the arguments, run a command, return the exit status.

import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import packageJson from '../../package.json' with { type: 'json' };
import { GRAPH_FORMATS, graphCommand, type GraphFormat } from './graph.ts';
import { GRAPH_HELP, LINT_HELP, MAIN_HELP } from './help.ts';
import { DEFAULT_FILE } from './input.ts';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliIO } from './io.ts';
import { LINT_FORMATS, lintCommand, type LintFormat } from './lint.ts';

function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${option} must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`);
}

function parse(args: string[], options: ParseArgsOptionsConfig) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's messages name the option; drop its advice about "--" which does not apply here.
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  try {
    // `npx stagewright -- --version` passes the "--" on (npx keeps --help/--version for itself otherwise).
    const [command, ...rest] = argv[0] === '--' ? argv.slice(1) : argv;
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      (command === undefined ? io.stderr : io.stdout)(MAIN_HELP);
      return command === undefined ? EXIT_USAGE : EXIT_OK;
    }
    if (command === '-v' || command === '--version') {
      io.stdout(`stagewright ${packageJson.version}\n`);
      return EXIT_OK;
    }

    if (command === 'graph') {
      const { values, positionals } = parse(rest, {
        format: { type: 'string', short: 'f' },
        target: { type: 'string', short: 't' },
        builder: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      });
      if (values.help) {
        io.stdout(GRAPH_HELP);
        return EXIT_OK;
      }
      if (positionals.length > 1) throw new UsageError(`graph takes one file, got ${positionals.length}`);
      return await graphCommand(
        {
          file: positionals[0] ?? DEFAULT_FILE,
          format: oneOf<GraphFormat>('format', values.format as string | undefined, GRAPH_FORMATS, 'json'),
          target: (values.target as string | undefined) ?? null,
          builder: oneOf('builder', values.builder as string | undefined, ['buildkit', 'legacy'] as const, 'buildkit'),
        },
        io,
      );
    }

    if (command === 'lint') {
      const { values, positionals } = parse(rest, {
        format: { type: 'string', short: 'f' },
        help: { type: 'boolean', short: 'h' },
      });
      if (values.help) {
        io.stdout(LINT_HELP);
        return EXIT_OK;
      }
      return await lintCommand(
        {
          files: positionals.length > 0 ? positionals : [DEFAULT_FILE],
          format: oneOf<LintFormat>('format', values.format as string | undefined, LINT_FORMATS, 'text'),
        },
        io,
      );
    }

    throw new UsageError(`unknown command ${JSON.stringify(command)} (commands: graph, lint; see stagewright --help)`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`stagewright: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
