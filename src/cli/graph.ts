// stagewright graph: the stage graph as JSON (the analyze() contract), Mermaid or DOT.

import { analyze } from '../model/index.ts';
import { toDot, toMermaid, type GraphExportOptions } from '../model/export/index.ts';
import { builtStages, type Builder } from '../model/targets.ts';
import { readInput } from './input.ts';
import { EXIT_OK, UsageError, type CliIO } from './io.ts';
import { resolveTarget } from './target.ts';

export const GRAPH_FORMATS = ['json', 'mermaid', 'dot'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

export interface GraphOptions {
  file: string;
  format: GraphFormat;
  target: string | null;
  builder: Builder;
}

export async function graphCommand(options: GraphOptions, io: CliIO): Promise<number> {
  if (options.format === 'json' && options.target !== null) {
    throw new UsageError('--target changes only the drawing: use it with --format mermaid or dot (json is the plain analysis)');
  }
  const input = await readInput(options.file, io);
  const analysis = analyze(input.text);

  if (options.format === 'json') {
    const { stages, edges, diagnostics } = analysis;
    io.stdout(JSON.stringify({ stages, edges, diagnostics }, null, 2) + '\n');
    return EXIT_OK;
  }

  const exportOptions: GraphExportOptions = {};
  if (options.target !== null) {
    const index = resolveTarget(analysis, options.target);
    exportOptions.target = { index, built: builtStages(analysis, index, options.builder) };
  }
  io.stdout(options.format === 'mermaid' ? toMermaid(analysis, exportOptions) : toDot(analysis, exportOptions));
  return EXIT_OK;
}
