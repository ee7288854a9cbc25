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

describe('rule registry covers every diagnostic', () => {
  it('declares each code analyze() reports on the corpora (description and docs for all)', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { analyze } = await import('../analyze');
    const { ruleByName } = await import('./rules');
    const corpus = new URL('../../../../shared/corpus/', import.meta.url);
    const texts: string[] = [];
    for (const folder of ['buildkit-parser', 'buildkit-parser-negative']) {
      for (const name of readdirSync(new URL(`${folder}/`, corpus))) {
        try {
          texts.push(readFileSync(new URL(`${folder}/${name}/Dockerfile`, corpus), 'utf8'));
        } catch {
          // not a case folder
        }
      }
    }
    const realWorld = new URL('real-world/', corpus);
    for (const name of readdirSync(realWorld).filter((n) => n.endsWith('.Dockerfile'))) texts.push(readFileSync(new URL(name, realWorld), 'utf8'));
    const cases = JSON.parse(readFileSync(new URL('buildkit-lint/cases.json', corpus), 'utf8')) as { dockerfile: string }[];
    texts.push(...cases.map((c) => c.dockerfile), '', 'FROM', 'COPY --from=9 / /\n', 'FROM a AS b\nCOPY --from=b /x /x\n');
    const codes = new Set(texts.flatMap((text) => analyze(text).diagnostics.map((d) => d.code)));
    expect(codes.size).toBeGreaterThan(15);
    const missing = [...codes].filter((code) => !ruleByName(code));
    expect(missing).toEqual([]);
    for (const code of codes) expect(ruleByName(code)!.url, code).toMatch(/^https:\/\/docs\.docker\.com\//);
  });
});
