// Every quick fix any check offers, on generated multi-stage files, the real-world
// corpus and the templates: its edits apply cleanly (in range, no overlap), the
// result analyses without throwing, and the problem it fixes is gone from the
// line it was on.

import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { applyEdits } from '../edits/text';
import { dockerfile } from '../graph/arbitrary';
import { templates } from '../templates/index';

// Fixes that make the problem go away entirely on that line. The others may
// leave a related problem behind on purpose (moving an inline comment off a FROM
// still leaves any other mistake on that FROM to report).
const resolves = new Set([
  'FromAsCasing', 'ConsistentInstructionCasing', 'MaintainerDeprecated', 'LegacyKeyValueFormat', 'JSONArgsRecommended',
  'WorkdirRelativePath', 'ExposeProtoCasing', 'RedundantTargetPlatform', 'InlineComment', 'StageNameCasing',
]);

function checkFixes(text: string): number {
  const analysis = analyze(text);
  let checked = 0;
  analysis.diagnostics.forEach((diagnostic, i) => {
    for (const fix of analysis.diagnosticDetails[i].fixes) {
      const fixedText = applyEdits(text, fix.edits);
      expect(fixedText, `${diagnostic.code}: ${fix.title}`).not.toBe(text);
      const after = analyze(fixedText);
      if (resolves.has(diagnostic.code)) {
        // Same number of lines before the fix point, unless the fix added a line above.
        const shift = fixedText.split('\n').length - text.split('\n').length;
        const stillThere = after.diagnostics.some(
          (d) => d.code === diagnostic.code && (d.line === diagnostic.line || d.line === diagnostic.line + shift) && d.message === diagnostic.message,
        );
        expect(stillThere, `${diagnostic.code} at line ${diagnostic.line} after "${fix.title}"\n${fixedText}`).toBe(false);
      }
      checked++;
    }
  });
  return checked;
}

describe('quick fixes', () => {
  it('apply cleanly and fix their problem on generated files', () => {
    let fixes = 0;
    fc.assert(
      fc.property(dockerfile(5), (text) => {
        fixes += checkFixes(text);
      }),
      { numRuns: 300 },
    );
    expect(fixes).toBeGreaterThan(50);
  });

  it('apply cleanly and fix their problem on the real-world corpus and every template', () => {
    const dir = new URL('../../../../shared/corpus/real-world/', import.meta.url);
    const texts = readdirSync(dir)
      .filter((name) => name.endsWith('.Dockerfile'))
      .map((name) => readFileSync(new URL(name, dir), 'utf8'));
    let fixes = 0;
    for (const text of [...texts, ...templates.map((t) => t.text)]) fixes += checkFixes(text);
    expect(fixes).toBeGreaterThan(5);
  });
});
