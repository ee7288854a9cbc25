import { describe, expect, it } from 'vitest';
import { analyze, applyEdits } from './index.ts';

// The lint pass (src/model/lint) adds its own findings; these tests look at the graph's and the parser's.
const GRAPH_CODES = new Set([
  'ParseError', 'UnknownInstruction', 'NoEmptyContinuation', 'NoStages', 'StageNameCasing', 'ReservedStageName',
  'DuplicateStageName', 'UndefinedArgInFrom', 'InvalidStageName', 'EmptyPlatform', 'ExpansionError', 'InvalidStageIndex',
  'FromVariableNotSupported', 'InvalidMount', 'CircularDependency', 'StageDefinedLater', 'InternalError',
]);
const edges = (text: string) => analyze(text).edges;
const graphDiagnostics = (text: string) => analyze(text).diagnostics.filter((d) => GRAPH_CODES.has(d.code));
const diag = (text: string) => graphDiagnostics(text).map((d) => ({ line: d.line, code: d.code, severity: d.severity, message: d.message }));
/** Line, code and message: the BuildKit-rule severities come from the lint registry. */
const said = (text: string) => graphDiagnostics(text).map((d) => ({ line: d.line, code: d.code, message: d.message }));
const codes = (text: string) => graphDiagnostics(text).map((d) => d.code);

describe('stages', () => {
  it('reads name, base, platform and line as written', () => {
    const a = analyze('ARG V=1\n\nfrom --platform=$BUILDPLATFORM golang:${V} as Build\nFROM scratch\n');
    expect(a.stages).toEqual([
      { index: 0, name: 'Build', base: 'golang:${V}', platform: '$BUILDPLATFORM', line: 3 },
      { index: 1, name: null, base: 'scratch', platform: null, line: 4 },
    ]);
    expect(a.stageDetails[0].key).toBe('build');
    expect(a.stageDetails[1].key).toBe('#1');
    expect(a.stageDetails[0].resolvedBase).toBe('golang:1');
    const text = a.file.text;
    const d = a.stageDetails[0];
    expect(text.slice(d.baseSpan.start, d.baseSpan.end)).toBe('golang:${V}');
    expect(text.slice(d.nameSpan!.start, d.nameSpan!.end)).toBe('Build');
    expect(text.slice(d.asSpan!.start, d.asSpan!.end)).toBe('as');
    expect(d.platformFlag?.value).toBe('$BUILDPLATFORM');
  });

  it('gives each stage its instructions and span', () => {
    const text = 'FROM a AS one\nRUN x\n# note\nONBUILD RUN y\n\nFROM b\nCOPY --from=one / /\n';
    const a = analyze(text);
    expect(a.stageDetails[0].instructions.map((i) => i.cmd)).toEqual(['run', 'onbuild']);
    expect(text.slice(a.stageDetails[0].span.start, a.stageDetails[0].span.end)).toBe('FROM a AS one\nRUN x\n# note\nONBUILD RUN y');
    expect(a.stageDetails[0].endLine).toBe(4);
    expect(a.stageDetails[1].endLine).toBe(7);
  });
});

describe('edges', () => {
  it('FROM an earlier stage, after global ARG expansion', () => {
    expect(edges('ARG VARIANT=alpine\nFROM x AS build-alpine\nFROM build-${VARIANT}\n')).toEqual([{ from: 0, to: 1, kind: 'from', line: 3 }]);
  });

  it('FROM matches the lower-cased name exactly, and only earlier stages', () => {
    expect(edges('FROM x AS builder\nFROM Builder\n')).toEqual([]);
    expect(edges('FROM later\nFROM x AS later\n')).toEqual([]);
  });

  it('COPY --from matches names case-insensitively, forward too, last duplicate wins', () => {
    expect(edges('FROM a AS x\nFROM b AS x\nFROM c\nCOPY --from=x / /\n')).toEqual([{ from: 1, to: 2, kind: 'copy', line: 4 }]);
  });

  it('COPY --from with an index or an external image', () => {
    expect(edges('FROM a\nFROM b\nCOPY --from=0 / /\nCOPY --from=alpine:3 /x /y\n')).toEqual([
      { from: 0, to: 1, kind: 'copy', line: 3 },
      { from: 'alpine:3', to: 1, kind: 'copy', line: 4 },
    ]);
  });

  it('RUN --mount from=: any type, several per RUN, quoted CSV fields, never an index', () => {
    const text = [
      'FROM a AS build',
      'FROM b',
      'RUN --mount=type=bind,from=build,target=/x \\',
      '    --mount=type=cache,"from=BUILD",target=/y \\',
      '    --mount=from=0,target=/z \\',
      '    --mount=type=secret,id=s true',
    ].join('\n');
    expect(edges(text)).toEqual([
      { from: 0, to: 1, kind: 'mount', line: 3 },
      { from: 0, to: 1, kind: 'mount', line: 3 },
      { from: '0', to: 1, kind: 'mount', line: 3 },
    ]);
    const a = analyze(text);
    const spans = a.edgeDetails.map((d) => text.slice(d.valueSpan.start, d.valueSpan.end));
    expect(spans).toEqual(['build', 'BUILD', '0']);
  });

  it('mount keys are case-insensitive and the last from= wins', () => {
    expect(edges('FROM a AS one\nFROM b AS two\nFROM c\nRUN --mount=FROM=one,target=/x,From=two true\n')).toEqual([
      { from: 1, to: 2, kind: 'mount', line: 4 },
    ]);
    expect(edges('FROM a AS one\nFROM c\nRUN --mount=type=cache,target=/x,fromage=one true\n')).toEqual([]);
  });

  it('ONBUILD and ADD --from make no edge', () => {
    expect(edges('FROM a AS x\nFROM b\nONBUILD COPY --from=x / /\nADD --from=x / /\n')).toEqual([]);
  });

  it('keeps COPY paths on copy edges', () => {
    const a = analyze('FROM a AS x\nFROM b\nCOPY --from=x ["/a b", "/c"]\n');
    expect(a.edgeDetails[0].paths).toEqual(['/a b', '/c']);
  });
});

describe('diagnostics', () => {
  it('DuplicateStageName', () => {
    expect(said('\nFROM scratch AS b\nFROM scratch AS B\n')).toContainEqual({
      line: 3, code: 'DuplicateStageName', message: 'Duplicate stage name "b", stage names should be unique',
    });
    expect(codes('FROM scratch AS b1\nFROM scratch AS b2\n')).toEqual([]);
  });

  it('ReservedStageName', () => {
    expect(said('\nFROM scratch AS scratch\nFROM scratch AS context\n')).toEqual([
      { line: 2, code: 'ReservedStageName', message: 'Stage name should not use the same name as reserved stage "scratch"' },
      { line: 3, code: 'ReservedStageName', message: 'Stage name should not use the same name as reserved stage "context"' },
    ]);
    expect(codes('FROM scratch\nFROM scratch AS a\n')).toEqual([]);
  });

  it('StageNameCasing, with a fix that lower-cases the name', () => {
    const text = 'FROM scratch AS BadStageName\n';
    const a = analyze(text);
    expect(said(text)).toEqual([{ line: 1, code: 'StageNameCasing', message: "Stage name 'BadStageName' should be lowercase" }]);
    const k = a.diagnostics.findIndex((d) => d.code === 'StageNameCasing');
    expect(a.diagnosticDetails[k].fixes[0].edits).toEqual([{ start: 16, end: 28, text: 'badstagename' }]);
    expect(codes('FROM scratch AS good\n')).toEqual([]);
  });

  it('InvalidStageName', () => {
    expect(diag('FROM scratch AS 1st\n')).toEqual([
      { line: 1, code: 'InvalidStageName', severity: 'error', message: 'invalid name for build stage: "1st", name can\'t start with a number or contain symbols' },
    ]);
    expect(codes('FROM scratch AS a1-b_c.d\n')).toEqual([]);
  });

  it('UndefinedArgInFrom, with BuildKit\'s suggestion', () => {
    expect(said('\nFROM --platform=$BULIDPLATFORM scratch\n')).toContainEqual({
      line: 2, code: 'UndefinedArgInFrom', message: "FROM argument 'BULIDPLATFORM' is not declared (did you mean BUILDPLATFORM?)",
    });
    expect(said('\nARG MY_OS=linux\nARG MY_ARCH=amd64\nFROM --platform=linux/${MYARCH} busybox\n')).toContainEqual({
      line: 4, code: 'UndefinedArgInFrom', message: "FROM argument 'MYARCH' is not declared (did you mean MY_ARCH?)",
    });
    expect(said('\nARG tag=latest\nFROM busybox:${tag}${version} AS b\n')).toEqual([
      { line: 3, code: 'UndefinedArgInFrom', message: "FROM argument 'version' is not declared" },
    ]);
    // The suggestion comes with a fix that respells every use in the word.
    const text = 'ARG MY_ARCH=amd64\nFROM --platform=linux/${MYARCH} busybox:$MYARCH\n';
    const a = analyze(text);
    const fixes = a.diagnosticDetails.filter((_, i) => a.diagnostics[i].code === 'UndefinedArgInFrom').flatMap((d) => d.fixes);
    expect(fixes.map((f) => f.title)).toEqual(['Use MY_ARCH', 'Use MY_ARCH']);
    expect(applyEdits(text, fixes.flatMap((f) => f.edits))).toBe('ARG MY_ARCH=amd64\nFROM --platform=linux/${MY_ARCH} busybox:$MY_ARCH\n');
    // Declared without a value, predefined, or given a default: all fine.
    expect(codes('ARG DEBUG\nFROM scratch${DEBUG}\n')).toEqual([]);
    expect(codes('FROM --platform=$BUILDPLATFORM scratch\n')).toEqual([]);
    expect(codes('ARG DEBUG=""\nFROM scratch${DEBUG-@bogus}\n')).toEqual([]);
  });

  it('an empty platform is a build error', () => {
    expect(codes('FROM --platform=$BULIDPLATFORM scratch\n')).toContain('EmptyPlatform');
    expect(codes('FROM --platform=linux/arm64 scratch\n')).not.toContain('EmptyPlatform');
  });

  it('InvalidStageIndex', () => {
    expect(diag('FROM a\nCOPY --from=3 / /\n')).toEqual([{ line: 2, code: 'InvalidStageIndex', severity: 'error', message: 'invalid stage index 3' }]);
    expect(codes('FROM a\nCOPY --from=-1 / /\n')).toEqual(['InvalidStageIndex']);
    expect(codes('FROM a\nFROM b\nCOPY --from=0 / /\n')).toEqual([]);
  });

  it('self-reference is a circular dependency', () => {
    const text = 'FROM a AS build\nCOPY --from=build / /\n';
    expect(edges(text)).toEqual([{ from: 0, to: 0, kind: 'copy', line: 2 }]);
    expect(diag(text)).toEqual([{ line: 2, code: 'CircularDependency', severity: 'error', message: 'circular dependency detected on stage: build' }]);
    expect(codes('FROM a\nCOPY --from=0 / /\n')).toEqual(['CircularDependency']);
  });

  it('CircularDependency through a forward COPY and a mount', () => {
    const text = 'FROM a AS one\nCOPY --from=two / /\nFROM b AS two\nRUN --mount=from=one,target=/x true\n';
    expect(diag(text)).toEqual([
      { line: 2, code: 'CircularDependency', severity: 'error', message: 'circular dependency detected on stage: one' },
      { line: 4, code: 'CircularDependency', severity: 'error', message: 'circular dependency detected on stage: two' },
    ]);
    expect(codes('FROM a AS one\nFROM b AS two\nCOPY --from=one / /\n')).toEqual([]);
  });

  it('a COPY or mount from a later stage is an edge and a build error (BuildKit builds in file order)', () => {
    const named = 'FROM a\nCOPY --from=BUILD / /\nFROM b AS build\n';
    expect(edges(named)).toEqual([{ from: 1, to: 0, kind: 'copy', line: 2 }]);
    expect(diag(named)).toEqual([
      { line: 2, code: 'StageDefinedLater', severity: 'error', message: 'cannot copy from stage "BUILD", it needs to be defined before current stage "stage-0"' },
    ]);
    expect(diag('FROM a AS first\nCOPY --from=1 / /\nFROM b\n')).toEqual([
      { line: 2, code: 'InvalidStageIndex', severity: 'error', message: 'cannot copy from stage "1", it needs to be defined before current stage "first"' },
    ]);
    expect(diag('FROM a\nRUN --mount=type=bind,from=later,dst=/x true\nFROM b AS later\n')).toEqual([
      { line: 2, code: 'StageDefinedLater', severity: 'error', message: 'cannot mount from stage "later" to "/x", stage needs to be defined before current command' },
    ]);
    expect(codes('FROM b AS early\nFROM a\nCOPY --from=early / /\nRUN --mount=from=early,target=/x true\n')).toEqual([]);
  });

  it('a cycle closed by a FROM edge counts too', () => {
    expect(codes('FROM a AS one\nCOPY --from=two / /\nFROM one AS two\n')).toEqual(['CircularDependency', 'CircularDependency']);
  });

  it('variables in --from and from= are build errors', () => {
    expect(codes('ARG X=a\nFROM a\nCOPY --from=$X / /\n')).toEqual(['FromVariableNotSupported']);
    expect(codes('FROM a\nRUN --mount=from=$X,target=/x true\n')).toEqual(['InvalidMount']);
    // The flag's single quotes go first, leaving a CSV field with an unclosed double quote.
    expect(codes(`FROM a\nRUN --mount='type=bind,"from=x' true\n`)).toEqual(['InvalidMount']);
  });

  it('unknown FROM flags and instructions before the first FROM', () => {
    expect(codes('FROM --pltform=x a\n')).toEqual(['ParseError']);
    expect(diag('RUN true\nFROM a\n')).toContainEqual(expect.objectContaining({ line: 1, code: 'ParseError' }));
    expect(codes('ARG A=1\nFROM a\n')).toEqual([]);
  });

  it('passes the parser\'s diagnostics through, sorted by line', () => {
    const text = '\nFROM scratch\nCOPY Dockerfile \\\n\n.\nFROM scratch AS Bad\n';
    expect(graphDiagnostics(text).map((d) => `${d.line}:${d.code}`)).toEqual(['5:NoEmptyContinuation', '6:StageNameCasing']);
    const a = analyze(text);
    expect(a.diagnostics.map((d) => d.line)).toEqual([...a.diagnostics.map((d) => d.line)].sort((x, y) => x - y));
    expect(a.diagnosticDetails).toHaveLength(a.diagnostics.length);
  });

  it('reports a file without FROM', () => {
    expect(codes('RUN true\n')).toContain('NoStages');
    expect(analyze('# just a comment\n').stages).toEqual([]);
  });
});

describe('never throws', () => {
  it.each(['', '\n', 'FROM', 'FROM \\', '\uFEFF', 'FROM a AS', '${', 'FROM ${', 'FROM "a', 'COPY --from=', 'RUN --mount=', '\r\n\r\n'])('%j', (text) => {
    const a = analyze(text);
    expect(Array.isArray(a.stages)).toBe(true);
    expect(a.diagnostics.every((d) => d.code !== 'InternalError')).toBe(true);
  });
});
