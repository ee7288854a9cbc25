import { describe, expect, test } from 'vitest';
import { analyze } from '../../model/index.ts';
import { buildCommandNote } from './dockerBuild.ts';

const stages = analyze('FROM golang:1.22 AS build\nFROM build\nFROM alpine AS Release.v2\nFROM scratch AS final\n').stages;

describe('buildCommandNote', () => {
  test('the last stage, or no choice, needs no --target', () => {
    expect(buildCommandNote(stages, null)).toEqual({ kind: 'default' });
    expect(buildCommandNote(stages, 3)).toEqual({ kind: 'default' });
    expect(buildCommandNote(stages, 7)).toEqual({ kind: 'default' });
    expect(buildCommandNote([], null)).toEqual({ kind: 'default' });
  });

  test('an earlier named stage gets its docker build command', () => {
    expect(buildCommandNote(stages, 0)).toEqual({ kind: 'command', command: 'docker build --target build .', stage: 'build' });
    expect(buildCommandNote(stages, 2)).toMatchObject({ command: `docker build --target ${stages[2].name} .` });
  });

  test('an unnamed stage cannot be a --target', () => {
    expect(buildCommandNote(stages, 1)).toEqual({ kind: 'unnamed', index: 1 });
  });

  test('a name that is not shell-safe is quoted', () => {
    const odd = [{ index: 0, name: "it's $(rm -rf)", base: 'x', platform: null, line: 1 }, { index: 1, name: null, base: 'y', platform: null, line: 2 }];
    expect(buildCommandNote(odd, 0)).toMatchObject({ command: `docker build --target 'it'\\''s $(rm -rf)' .` });
  });
});
