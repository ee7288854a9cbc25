// analyze() beside dockerfile-ast's DockerfileParser.parse, in one process, on
// a generated 10,000-line / 500-stage Dockerfile and on the largest real-world
// corpus file. Prints the median time of each and the ratio.
//
// Targets (issue 2): analyze() at least 20x faster than dockerfile-ast on both
// inputs, and under 15 ms for the 10,000-line file.

import { readFileSync } from 'node:fs';
import { DockerfileParser } from 'dockerfile-ast';
import { Bench } from 'tinybench';
import { analyze, analyzeSyntax } from '../src/model/index.ts';
import { parseDockerfile } from '../src/model/syntax/parse.ts';

/**
 * A realistic 500-stage file: global ARGs, FROM --platform, named stages built
 * FROM earlier ones, RUN with continuations, comments inside continuations,
 * cache and bind mounts, heredocs, COPY --from by name and by index, ENV,
 * WORKDIR, CMD. Exactly 10,000 lines.
 */
export function generatedDockerfile(stages = 500, linesPerStage = 20): string {
  const out: string[] = ['# syntax=docker/dockerfile:1', 'ARG GO_VERSION=1.22', 'ARG ALPINE_VERSION=3.20', 'ARG VARIANT=alpine', ''];
  for (let i = 0; i < stages; i++) {
    const block: string[] = [];
    block.push(`# stage ${i}: build step ${i}`);
    if (i > 0 && i % 3 === 0) block.push(`FROM stage${i - 1} AS stage${i}`);
    else if (i % 3 === 1) block.push(`FROM --platform=$BUILDPLATFORM golang:\${GO_VERSION}-\${VARIANT} AS stage${i}`);
    else block.push(`FROM alpine:\${ALPINE_VERSION} AS stage${i}`);
    block.push('WORKDIR /src');
    block.push(`ENV STAGE=${i} CGO_ENABLED=0`);
    block.push('RUN apk add --no-cache \\');
    block.push('    git \\');
    block.push('    # build tools');
    block.push('    make gcc musl-dev');
    block.push('RUN --mount=type=cache,target=/root/.cache/go-build \\');
    block.push(i > 1 ? `    --mount=type=bind,from=stage${i - 2},source=/out,target=/deps \\` : '    --mount=type=bind,source=.,target=/src \\');
    block.push(`    go build -o /out/app${i} ./cmd/app${i}`);
    block.push('COPY <<EOF /etc/app.conf');
    block.push(`name = "stage ${i}"`);
    block.push('level = 3');
    block.push('EOF');
    block.push(i > 0 ? `COPY --from=stage${Math.floor(i / 2)} /out/ /usr/local/bin/` : 'COPY . .');
    block.push(i > 0 ? `COPY --from=${i - 1} /etc/app.conf /etc/prev.conf` : 'COPY go.mod go.sum ./');
    block.push('');
    block.push('CMD ["/out/app"]');
    while (block.length < linesPerStage) block.push('');
    out.push(...block.slice(0, linesPerStage));
  }
  // Trim or pad to exactly 10,000 lines for the default size.
  const target = stages * linesPerStage;
  const lines = out.slice(0, target);
  while (lines.length < target) lines.push('');
  return lines.join('\n') + '\n';
}

const corpusFile = new URL('../../shared/corpus/real-world/moby__moby__Dockerfile.Dockerfile', import.meta.url);

async function compare(label: string, text: string): Promise<void> {
  // Sanity: the inputs are what they claim to be.
  const a = analyze(text);
  const lineCount = text.split('\n').length - 1;
  console.log(`\n${label}: ${lineCount} lines, ${a.stages.length} stages, ${a.edges.length} edges, ${text.length} chars`);

  const bench = new Bench({ time: 2000, warmupTime: 500 });
  bench.add('analyze()', () => {
    analyze(text);
  });
  bench.add('dockerfile-ast DockerfileParser.parse', () => {
    DockerfileParser.parse(text);
  });
  await bench.run();

  const medians = bench.tasks.map((task) => {
    const r = task.result;
    if (r.state !== 'completed') throw new Error(`${task.name}: ${r.state}`);
    return { name: task.name, median: r.latency.p50, min: r.latency.min, samples: r.latency.samplesCount };
  });
  for (const m of medians) {
    console.log(`  ${m.name.padEnd(40)} median ${m.median.toFixed(3).padStart(9)} ms  min ${m.min.toFixed(3).padStart(9)} ms  (${m.samples} runs)`);
  }
  // Where analyze()'s time goes, so each layer's owner sees their share.
  const file = parseDockerfile(text);
  const parts = new Bench({ time: 1000, warmupTime: 300 });
  parts.add('parse (src/model/syntax)', () => {
    parseDockerfile(text);
  });
  parts.add('graph (src/model/analyze, no checks)', () => {
    analyzeSyntax(file, { checks: false });
  });
  parts.add('graph + checks (src/model/lint)', () => {
    analyzeSyntax(file);
  });
  await parts.run();
  for (const task of parts.tasks) {
    const r = task.result;
    if (r.state === 'completed') {
      console.log(`    ${task.name.padEnd(38)} median ${r.latency.p50.toFixed(3).padStart(9)} ms  min ${r.latency.min.toFixed(3).padStart(9)} ms`);
    }
  }
  const ratio = medians[1].median / medians[0].median;
  console.log(`  ratio dockerfile-ast / analyze(): ${ratio.toFixed(1)}x ${ratio >= 20 ? '(target >= 20x met)' : '(target >= 20x NOT met)'}`);
  if (lineCount >= 10_000) {
    const ms = medians[0].median;
    console.log(`  analyze() on 10,000 lines: ${ms.toFixed(2)} ms ${ms < 15 ? '(target < 15 ms met)' : '(target < 15 ms NOT met)'}`);
  }
}

// Run only as the script itself, so tests and profiles can import the generator.
if (process.argv[1]?.endsWith('model.bench.ts')) {
  // The machine is shared: a high load inflates medians; the minimum shows the undisturbed cost.
  console.log(`load average: ${(await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ')} (wall-clock times)`);
  await compare('generated 500-stage file', generatedDockerfile());
  await compare('largest real-world file (moby__moby__Dockerfile)', readFileSync(corpusFile, 'utf8'));
}
