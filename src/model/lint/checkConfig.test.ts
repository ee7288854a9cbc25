import { describe, expect, it } from 'vitest';
import { checkCommentValue, mergeCheckConfig, parseCheckConfig, ruleEnabled } from './checkConfig';

describe('check directive', () => {
  it('reads skip lists, skip=all, error and experimental', () => {
    const { config, problem } = parseCheckConfig('skip=ConsistentInstructionCasing, FromAsCasing;error=true');
    expect(problem).toBeNull();
    expect([...config.skip]).toEqual(['ConsistentInstructionCasing', 'FromAsCasing']);
    expect(config.error).toBe(true);
    expect(ruleEnabled(config, 'FromAsCasing', false)).toBe(false);
    expect(ruleEnabled(config, 'UndefinedVar', false)).toBe(true);
    const all = parseCheckConfig('skip=all;experimental=InvalidDefinitionDescription').config;
    expect(ruleEnabled(all, 'UndefinedVar', false)).toBe(false);
    // skip=all does not silence an experimental rule enabled by name
    expect(ruleEnabled(all, 'InvalidDefinitionDescription', true)).toBe(true);
    expect(ruleEnabled(parseCheckConfig('').config, 'InvalidDefinitionDescription', true)).toBe(false);
  });

  it('rejects malformed settings with BuildKit-like messages', () => {
    expect(parseCheckConfig('skip').problem).toMatch(/invalid check option "skip"/);
    expect(parseCheckConfig('error=maybe').problem).toMatch(/failed to parse check option/);
    expect(parseCheckConfig('colour=red').problem).toMatch(/invalid check option "colour"/);
  });

  it('merges a local comment into the file setting', () => {
    const file = parseCheckConfig('skip=InvalidDefinitionDescription').config;
    const merged = mergeCheckConfig(file, parseCheckConfig('skip=SecretsUsedInArgOrEnv'));
    expect(ruleEnabled(merged, 'SecretsUsedInArgOrEnv', false)).toBe(false);
    expect(ruleEnabled(merged, 'InvalidDefinitionDescription', false)).toBe(false);
    expect(ruleEnabled(merged, 'UndefinedVar', false)).toBe(true);
  });

  it('recognises check comments and ignores text after the first space', () => {
    expect(checkCommentValue('check=skip=all // why')).toBe('skip=all');
    expect(checkCommentValue('a normal comment')).toBeNull();
  });
});
