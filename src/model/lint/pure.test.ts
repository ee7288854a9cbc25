import { describe, expect, it } from 'vitest';
import { checkCommentValue, mergeCheckConfig, parseCheckConfig, ruleEnabled } from './checkConfig';
import { isPinned, parseImageReference } from './imageReference';
import { buildkitRuleNames, rules } from './rules';

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

describe('image references', () => {
  it('accepts valid references and splits them', () => {
    expect(parseImageReference('busybox:stable')).toMatchObject({ domain: null, path: 'busybox', tag: 'stable' });
    expect(parseImageReference('gcr.io/distroless/static-debian12:nonroot')).toMatchObject({ domain: 'gcr.io', path: 'distroless/static-debian12' });
    expect(parseImageReference('localhost:5000/app@sha256:' + 'a'.repeat(64))?.digest).toMatch(/^sha256:/);
    expect(parseImageReference('library/nginx')).toMatchObject({ domain: null, path: 'library/nginx', tag: null });
  });
  it('rejects what ParseNormalizedNamed rejects', () => {
    for (const bad of ['', 'busybox:', 'BusyBox', 'a b', ':tag', 'Foo/bar']) expect(parseImageReference(bad), bad).toBeNull();
  });
  it('calls a digest or a non-latest tag pinned', () => {
    expect(isPinned(parseImageReference('nginx')!)).toBe(false);
    expect(isPinned(parseImageReference('nginx:latest')!)).toBe(false);
    expect(isPinned(parseImageReference('nginx:1.27')!)).toBe(true);
  });
});

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
