import { describe, expect, it } from 'vitest';
import { analyze } from '../index.ts';

const codes = (text: string) => analyze(text).diagnostics.map((d) => d.code);

describe('InvalidDefaultArgInFrom', () => {
  it('fires when an ARG default makes the base image invalid', () => {
    expect(codes('ARG TAG=\nFROM alpine:${TAG}\n')).toContain('InvalidDefaultArgInFrom');
  });

  it('stays quiet for a FROM without arguments or ARGs: that is the parser\'s error', () => {
    const found = codes('FROM\n');
    expect(found).toContain('ParseError');
    expect(found).not.toContain('InvalidDefaultArgInFrom');
  });
});
