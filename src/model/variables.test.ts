import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.ts';
import { variableAt, variableCompletionsAt, variableSlotBefore } from './variables.ts';

/** The variables offered with the cursor at the end of `text`, as "name=value (origin)". */
function offered(text: string): string[] | null {
  const found = variableCompletionsAt(analyze(text), text.length);
  return found && found.variables.map((v) => `${v.name}=${v.value ?? ''} (${v.origin})`);
}

const names = (text: string) => offered(text)?.map((v) => v.slice(0, v.indexOf('=')));

const AUTOMATIC = ['BUILDPLATFORM', 'BUILDOS', 'BUILDOSVERSION', 'BUILDARCH', 'BUILDVARIANT', 'TARGETPLATFORM', 'TARGETOS', 'TARGETOSVERSION', 'TARGETARCH', 'TARGETVARIANT', 'TARGETSTAGE'];

describe('variableSlotBefore', () => {
  it('finds $ and ${ with a partly typed name, and nothing in comments or elsewhere', () => {
    expect(variableSlotBefore('FROM golang:${')).toBe('');
    expect(variableSlotBefore('FROM golang:${GO_V')).toBe('GO_V');
    expect(variableSlotBefore('RUN echo $HO')).toBe('HO');
    expect(variableSlotBefore('RUN echo $')).toBe('');
    expect(variableSlotBefore('RUN echo ${A}')).toBeNull();
    expect(variableSlotBefore('RUN echo hi')).toBeNull();
    expect(variableSlotBefore('# see ${')).toBeNull();
  });
});

describe('variableCompletionsAt', () => {
  const globals = 'ARG GO_VERSION=1.23\nARG VARIANT\n';

  it('offers a FROM line the automatic ARGs and the global ARGs, with their values', () => {
    const list = offered(globals + 'FROM golang:${')!;
    expect(list.slice(0, AUTOMATIC.length).map((v) => v.slice(0, v.indexOf('=')))).toEqual(AUTOMATIC);
    expect(list).toContain('TARGETARCH=amd64 (automatic ARG)');
    expect(list.slice(AUTOMATIC.length)).toEqual(['GO_VERSION=1.23 (global ARG)', 'VARIANT= (global ARG)']);
  });

  it('offers a global ARG default only the ARGs above it', () => {
    expect(names('ARG A=1\nARG B=${')).toEqual([...AUTOMATIC, 'A']);
  });

  it("offers inside a stage its own ARGs above the cursor, and ENV from it and the stages it is built FROM, but no undeclared global or automatic ARG", () => {
    const text =
      globals +
      'FROM golang:${GO_VERSION} AS base\nENV CGO_ENABLED=0 GOOS=linux\nARG LATER\n' +
      'FROM base AS build\nARG GO_VERSION\nARG TARGETARCH\nENV OUT=/out\nRUN go build -o ${';
    expect(offered(text)).toEqual([
      'CGO_ENABLED=0 (ENV)',
      'GOOS=linux (ENV)',
      'OUT=/out (ENV)',
      // A bare ARG in a stage takes the global default of its name.
      'GO_VERSION=1.23 (ARG)',
      'TARGETARCH=amd64 (ARG)',
    ]);
    // LATER is an ARG of the base stage: ARGs do not pass down to stages built FROM it.
    expect(names(text)).not.toContain('LATER');
    expect(names(text)).not.toContain('VARIANT');
  });

  it('does not offer what is declared below the cursor', () => {
    const text = 'FROM alpine\nARG A=1\nRUN echo $';
    const analysis = analyze(text + '\nARG B=2\n');
    expect(variableCompletionsAt(analysis, text.length)?.variables.map((v) => v.name)).toEqual(['A']);
  });

  it('offers nothing where no variable is being typed', () => {
    expect(offered(globals + 'FROM alpine\nRUN echo ')).toBeNull();
  });
});

describe('variableAt', () => {
  const text = 'ARG GO_VERSION=1.23\nFROM golang:${GO_VERSION} AS build\nARG GO_VERSION\nENV A=1 \\\n    B=$A\nRUN echo $GO_VERSION $HOME\n';
  const analysis = analyze(text);

  it('names the variable under the cursor and its declaration in scope there', () => {
    const inFrom = variableAt(analysis, text.indexOf('${GO_VERSION}') + 4)!;
    expect(inFrom.name).toBe('GO_VERSION');
    expect(inFrom.variable).toMatchObject({ origin: 'global ARG', value: '1.23' });
    expect(text.slice(inFrom.variable!.declaration!.start, inFrom.variable!.declaration!.end)).toBe('GO_VERSION=1.23');
    const inRun = variableAt(analysis, text.indexOf('echo $GO_VERSION') + 7)!;
    expect(inRun.variable).toMatchObject({ origin: 'ARG', value: '1.23' });
    expect(inRun.variable!.declaration!.start).toBe(text.indexOf('ARG GO_VERSION\n') + 4);
  });

  it('finds no declaration for a shell variable, nor for a name the same instruction sets', () => {
    expect(variableAt(analysis, text.indexOf('$HOME') + 2)).toMatchObject({ name: 'HOME', variable: null });
    // ENV A=1 B=$A: BuildKit expands $A with the value from before this ENV.
    expect(variableAt(analysis, text.indexOf('B=$A') + 3)).toMatchObject({ name: 'A', variable: null });
  });

  it('finds nothing off a variable', () => {
    expect(variableAt(analysis, text.indexOf('golang'))).toBeNull();
    expect(variableAt(analysis, text.indexOf('echo'))).toBeNull();
  });
});
