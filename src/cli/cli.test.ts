// The built command, run as a process the way a user or CI runs it.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { analyze } from '../model/index.ts';
import { toDot, toMermaid } from '../model/export/index.ts';
import { builtStages } from '../model/targets.ts';
import { CLI_FILE } from './vite.config.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const CORPUS = join(ROOT, '../shared/corpus');
const REAL_WORLD = join(CORPUS, 'real-world');
const realWorldFiles = readdirSync(REAL_WORLD)
  .filter((name) => name.endsWith('.Dockerfile'))
  .map((name) => join(REAL_WORLD, name));

function stagewright(args: string[], stdin?: string): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI_FILE, ...args], { input: stdin ?? '', encoding: 'utf8', cwd: ROOT, timeout: 30_000 });
}

const MULTI_STAGE = `# syntax=docker/dockerfile:1
FROM golang:1.22 AS build
RUN --mount=type=cache,target=/root/.cache,from=cache-image go build -o /app
FROM build AS test
RUN go test ./...
FROM gcr.io/distroless/static AS final
COPY --from=build /app /app
`;
const BROKEN = 'FROM alpine AS base\nCOPY --from=base /a /b\nFROM base AS base\nFRUM x\n';

beforeAll(() => {
  // Always build: a stale dist-cli/ would test yesterday's code.
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  const build = spawnSync(process.execPath, [vite, 'build', '--config', 'src/cli/vite.config.ts'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`building the CLI failed:\n${build.stdout}\n${build.stderr}`);
}, 120_000);

describe('the built file', () => {
  test('is an executable Node script with a shebang', () => {
    expect(readFileSync(CLI_FILE, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    expect(statSync(CLI_FILE).mode & 0o111).not.toBe(0);
    // Run it directly, as npm's bin link would, not through `node`.
    const direct = spawnSync(CLI_FILE, ['--version'], { encoding: 'utf8' });
    expect(direct.status).toBe(0);
    expect(direct.stdout).toMatch(/^stagewright \d+\.\d+\.\d+\n$/);
  });

  test('package.json declares it as the stagewright command, built on install', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(join(ROOT, pkg.bin.stagewright)).toBe(CLI_FILE);
    expect(pkg.scripts.prepare).toContain('build:cli');
  });
});

describe('stagewright graph', () => {
  test('json is exactly the analyze() contract, on every real-world corpus file', () => {
    for (const file of realWorldFiles) {
      const result = stagewright(['graph', file, '--format', 'json']);
      expect(result.stderr, file).toBe('');
      expect(result.status, file).toBe(0);
      const { stages, edges, diagnostics } = analyze(readFileSync(file, 'utf8'));
      expect(JSON.parse(result.stdout), file).toEqual({ stages, edges, diagnostics });
    }
  });

  test('json is the default format, and "-" reads standard input', () => {
    const result = stagewright(['graph', '-'], MULTI_STAGE);
    expect(result.status).toBe(0);
    const { stages, edges, diagnostics } = analyze(MULTI_STAGE);
    expect(JSON.parse(result.stdout)).toEqual({ stages, edges, diagnostics });
    expect(stages.map((s) => s.name)).toEqual(['build', 'test', 'final']);
  });

  test('mermaid and dot are the model exports, with the target marked', () => {
    const analysis = analyze(MULTI_STAGE);
    expect(stagewright(['graph', '-', '--format', 'mermaid'], MULTI_STAGE).stdout).toBe(toMermaid(analysis));
    expect(stagewright(['graph', '-', '-f', 'dot'], MULTI_STAGE).stdout).toBe(toDot(analysis));

    // --target by name, case-insensitively like BuildKit, or by index.
    const expected = toMermaid(analysis, { target: { index: 1, built: builtStages(analysis, 1) } });
    expect(stagewright(['graph', '-', '-f', 'mermaid', '--target', 'TEST'], MULTI_STAGE).stdout).toBe(expected);
    expect(stagewright(['graph', '-', '-f', 'mermaid', '--target=1'], MULTI_STAGE).stdout).toBe(expected);
    expect(expected).toMatch(/class s2 skipped/);

    const legacy = stagewright(['graph', '-', '-f', 'dot', '-t', 'build', '--builder', 'legacy'], MULTI_STAGE);
    expect(legacy.stdout).toBe(toDot(analysis, { target: { index: 0, built: builtStages(analysis, 0, 'legacy') } }));
  });

  test('a file path works as well as standard input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stagewright-'));
    writeFileSync(join(dir, 'Dockerfile'), MULTI_STAGE);
    const byPath = stagewright(['graph', join(dir, 'Dockerfile'), '-f', 'dot']);
    expect(byPath.status).toBe(0);
    expect(byPath.stdout).toBe(toDot(analyze(MULTI_STAGE)));
    // Without a file it reads ./Dockerfile, like docker build.
    const inDir = spawnSync(process.execPath, [CLI_FILE, 'graph'], { cwd: dir, encoding: 'utf8' });
    expect(inDir.status).toBe(0);
    expect(JSON.parse(inDir.stdout).stages).toHaveLength(3);
  });

  test('an unknown target names the stages there are', () => {
    const result = stagewright(['graph', '-', '-f', 'dot', '--target', 'release'], MULTI_STAGE);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('stagewright: no stage "release" (stages: build, test, final)\n');
    expect(stagewright(['graph', '-', '-f', 'dot', '--target', '3'], MULTI_STAGE).status).toBe(2);
  });

  test('--target with json is refused rather than ignored', () => {
    const result = stagewright(['graph', '-', '--target', 'build'], MULTI_STAGE);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--target .* mermaid or dot/);
  });
});

describe('stagewright lint', () => {
  test('prints file:line: severity code message and exits 1 on errors', () => {
    const result = stagewright(['lint', '-'], BROKEN);
    expect(result.status).toBe(1);
    const expected = analyze(BROKEN).diagnostics.map((d) => `<stdin>:${d.line}: ${d.severity} ${d.code} ${d.message}`);
    expect(expected.length).toBeGreaterThan(1);
    expect(result.stdout).toBe(expected.join('\n') + '\n');
    expect(result.stdout).toMatch(/^<stdin>:4: error UnknownInstruction /m);
  });

  test('exits 0 when there are only warnings, or nothing at all', () => {
    const warningsOnly = 'FROM alpine:3.20 as build\nFROM scratch\nCOPY --from=build /a /a\n';
    const diagnostics = analyze(warningsOnly).diagnostics;
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.every((d) => d.severity !== 'error')).toBe(true);
    const warned = stagewright(['lint', '-'], warningsOnly);
    expect(warned.status).toBe(0);
    expect(warned.stdout.trim().split('\n')).toHaveLength(diagnostics.length);

    const clean = 'FROM alpine:3.20 AS build\nRUN echo hi > /a\nFROM scratch\nCOPY --from=build /a /a\n';
    expect(analyze(clean).diagnostics).toEqual([]);
    expect(stagewright(['lint', '-'], clean)).toMatchObject({ status: 0, stdout: '', stderr: '' });
  });

  test('exit status and line count follow the diagnostics on real-world files', () => {
    for (const file of realWorldFiles.slice(0, 12)) {
      const diagnostics = analyze(readFileSync(file, 'utf8')).diagnostics;
      const result = stagewright(['lint', file]);
      expect(result.status, file).toBe(diagnostics.some((d) => d.severity === 'error') ? 1 : 0);
      expect(result.stdout === '' ? 0 : result.stdout.trim().split('\n').length, file).toBe(diagnostics.length);
    }
  });

  test('json lists every problem with its file', () => {
    const result = stagewright(['lint', '-', '--format', 'json'], BROKEN);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual(analyze(BROKEN).diagnostics.map((d) => ({ file: '<stdin>', ...d })));
    expect(JSON.parse(stagewright(['lint', '-', '-f', 'json'], MULTI_STAGE).stdout)).toEqual(
      analyze(MULTI_STAGE).diagnostics.map((d) => ({ file: '<stdin>', ...d })),
    );
  });

  test('several files in one run; a missing one fails before anything is printed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stagewright-'));
    writeFileSync(join(dir, 'good'), MULTI_STAGE);
    writeFileSync(join(dir, 'bad'), BROKEN);
    const both = stagewright(['lint', join(dir, 'good'), join(dir, 'bad')]);
    expect(both.status).toBe(1);
    expect(both.stdout).toContain(`${join(dir, 'bad')}:4: error UnknownInstruction`);

    const missing = stagewright(['lint', join(dir, 'bad'), join(dir, 'missing')]);
    expect(missing).toMatchObject({ status: 2, stdout: '', stderr: `stagewright: no such file: ${join(dir, 'missing')}\n` });
  });
});

describe('bad calls', () => {
  test.each([
    [['graph', 'no/such/Dockerfile'], /^stagewright: no such file: no\/such\/Dockerfile\n$/],
    [['lint', 'src'], /^stagewright: src is a directory, not a Dockerfile\n$/],
    [['graph', '-', '--format', 'yaml'], /--format must be one of json, mermaid, dot \(got "yaml"\)/],
    [['lint', '-', '--format', 'mermaid'], /--format must be one of text, json/],
    [['graph', '-', '--builder', 'kaniko'], /--builder must be one of buildkit, legacy/],
    [['graph', '-', '--frmat', 'dot'], /Unknown option '--frmat'/],
    [['graph', '-', '--format'], /--format/],
    [['graph', 'a', 'b'], /graph takes one file, got 2/],
    [['build', '-'], /unknown command "build"/],
  ])('%j fails with exit 2 and says why', (args, message) => {
    const result = stagewright(args, MULTI_STAGE);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });

  test('no command prints the usage to stderr and fails; --help prints it and succeeds', () => {
    const none = stagewright([]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/^Usage: stagewright <command>/);
    for (const args of [['--help'], ['-h'], ['help'], ['--', '--help']]) {
      expect(stagewright(args)).toMatchObject({ status: 0, stdout: expect.stringMatching(/^Usage: stagewright <command>/) });
    }
    expect(stagewright(['graph', '--help']).stdout).toMatch(/--format json\|mermaid\|dot/);
    expect(stagewright(['lint', '-h']).stdout).toMatch(/Exit status: 1 when any problem is an error/);
  });
});
