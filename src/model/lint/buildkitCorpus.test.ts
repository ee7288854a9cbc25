// BuildKit's own build-check tests (../shared/corpus/buildkit-lint/cases.json)
// as vectors: for every case decidable from the text, the BuildKit rules we
// report must be exactly the expected ones (rule, line, message), and a
// failing lint request must come with an error diagnostic.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeSyntax } from '../analyze';
import { parseDockerfile } from '../syntax/parse';
import { runChecks } from './index';
import { ruleByName } from './rules';

interface Warning { rule: string; line: number; detail: string }
interface Case {
  test: string;
  dockerfile: string;
  buildArgs: Record<string, string> | null;
  expectedCheck: Warning[];
  expectCheckError: string | null;
  textOnly: boolean;
  needs: string[];
}

const cases = JSON.parse(
  readFileSync(new URL('../../../../shared/corpus/buildkit-lint/cases.json', import.meta.url), 'utf8'),
) as Case[];

/** BUILDKIT_DOCKERFILE_CHECK replaces the file's check directive: rewrite it in the text. */
function withCheckOverride(c: Case): string {
  const override = c.buildArgs?.BUILDKIT_DOCKERFILE_CHECK;
  if (override === undefined) return c.dockerfile;
  const lines = c.dockerfile.split('\n');
  if (!/^#\s*check\s*=/i.test(lines[0])) throw new Error('case has no directive to replace');
  lines[0] = `#check=${override}`;
  return lines.join('\n');
}

const key = (w: { rule: string; line: number; detail: string }) => `${w.rule} @${w.line}: ${w.detail}`;

describe('BuildKit build-check vectors', () => {
  // Cases that only need the base image's config also hold under our assumption
  // that an external image defines PATH and nothing else.
  const decidable = cases.filter((x) => x.textOnly || (x.needs.length === 1 && x.needs[0] === 'baseImageEnv'));
  it('covers every text-decidable case', () => expect(decidable.length).toBe(79));
  for (const c of decidable) {
    it(c.test, () => {
      const analysis = analyzeSyntax(parseDockerfile(withCheckOverride(c)), { checks: false });
      runChecks(analysis);
      const ours = analysis.diagnostics
        .filter((d) => ruleByName(d.code)?.origin === 'buildkit')
        .map((d) => key({ rule: d.code, line: d.line, detail: d.message }))
        .sort();
      expect(ours).toEqual(c.expectedCheck.map(key).sort());
      // Build failures: ours carry BuildKit's text; analyze()'s parse errors may leave out
      // BuildKit's "dockerfile parse error on line N:" location prefix.
      const errors = analysis.diagnostics.filter((d) => d.severity === 'error' && ruleByName(d.code)?.origin !== 'stagewright');
      if (c.expectCheckError !== null) {
        expect(errors.some((e) => c.expectCheckError!.endsWith(e.message)), JSON.stringify(errors)).toBe(true);
      } else {
        expect(errors).toEqual([]);
      }
    });
  }
});
