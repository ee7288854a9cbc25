import { describe, expect, it } from 'vitest';
import { buildkitRuleNames, rules } from './rules';

describe('rule registry', () => {
  it('declares every BuildKit rule with its documentation URL', () => {
    for (const name of ['StageNameCasing', 'FromAsCasing', 'NoEmptyContinuation', 'ConsistentInstructionCasing', 'DuplicateStageName',
      'ReservedStageName', 'JSONArgsRecommended', 'MaintainerDeprecated', 'UndefinedArgInFrom', 'WorkdirRelativePath', 'UndefinedVar',
      'MultipleInstructionsDisallowed', 'LegacyKeyValueFormat', 'RedundantTargetPlatform', 'SecretsUsedInArgOrEnv', 'InvalidDefaultArgInFrom',
      'FromPlatformFlagConstDisallowed', 'ExposeProtoCasing', 'ExposeInvalidFormat', 'InvalidDefinitionDescription']) {
      expect(buildkitRuleNames).toContain(name);
    }
    expect(rules.JSONArgsRecommended.url).toBe('https://docs.docker.com/go/dockerfile/rule/json-args-recommended/');
    expect(rules.FromPlatformFlagConstDisallowed.url).toBe('https://docs.docker.com/go/dockerfile/rule/from-platform-flag-const-disallowed/');
    expect(rules.InvalidDefinitionDescription.experimental).toBe(true);
    expect(rules.UndefinedVar.format('PAHT', 'PATH')).toBe("Usage of undefined variable '$PAHT' (did you mean $PATH?)");
  });
});

describe('rule registry against BuildKit test vectors', () => {
  it('has the description and URL BuildKit reports for every rule in the corpus', async () => {
    const { readFileSync } = await import('node:fs');
    const cases = JSON.parse(readFileSync(new URL('../../../../shared/corpus/buildkit-lint/cases.json', import.meta.url), 'utf8')) as {
      expectedCheck: { rule: string; description: string; url: string }[];
    }[];
    const seen = new Map<string, { description: string; url: string }>();
    for (const c of cases) for (const w of c.expectedCheck) seen.set(w.rule, w);
    expect(seen.size).toBeGreaterThan(20);
    for (const [name, w] of seen) {
      const rule = (rules as Record<string, { description: string; url: string }>)[name];
      expect(rule, name).toBeDefined();
      expect(rule.description, name).toBe(w.description);
      expect(rule.url, name).toBe(w.url);
    }
  });
});
