import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { correctedTemplates, seedTemplates, starterTemplates, templateById, templates } from './index';

const seedDir = new URL('../../../../shared/seeds/', import.meta.url);

/** Codes of the problems the app shows (info-level notes excluded). */
function problems(text: string): string[] {
  return [...new Set(analyze(text).diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code))].sort();
}

describe('seed templates', () => {
  it('hold every Dockerfile example of the five seed texts', () => {
    expect(seedTemplates.map((t) => t.source!.file)).toEqual([
      '000_232ccda771ac7c2f.txt', '000_232ccda771ac7c2f.txt', '001_fe8b55dbb39ddfab.txt', '001_fe8b55dbb39ddfab.txt',
      '002_7d92d68cd08ea5c8.txt', '003_3a2485b3def765b8.txt', '004_07716e5dda3f07ad.txt', '004_07716e5dda3f07ad.txt',
    ]);
  });

  for (const template of seedTemplates) {
    it(`${template.id} is the seed text exactly as written`, () => {
      const source = readFileSync(new URL(template.source!.file, seedDir), 'utf8');
      const written = template.source!.form === 'prompt'
        ? template.text.replace(/\n$/, '').split('\n').map((line) => `>>> ${line}`).join('\n')
        : template.text.replace(/\n$/, '');
      expect(source).toContain(written);
    });

    it(`${template.id} loads with its documented mistakes flagged`, () => {
      const analysis = analyze(template.text);
      expect(analysis.stages.length).toBeGreaterThan(0);
      expect(problems(template.text)).toEqual([...template.mistakes!].sort());
    });
  }

  it('pairs every flawed seed with a corrected version, and only those', () => {
    for (const seed of seedTemplates) {
      if (seed.mistakes!.length > 0) {
        const corrected = templateById(seed.correctedBy!);
        expect(corrected, seed.id).toMatchObject({ kind: 'corrected', corrects: seed.id });
      } else {
        expect(seed.correctedBy).toBeNull();
      }
    }
    expect(correctedTemplates.every((c) => seedTemplates.some((s) => s.correctedBy === c.id))).toBe(true);
  });
});

describe('starting points and corrected versions', () => {
  it('cover the stacks the issue asks for', () => {
    expect(starterTemplates.map((t) => t.id)).toEqual(['go-scratch', 'go-distroless', 'node-nginx', 'node-slim', 'python-venv-slim', 'java-maven-jre', 'rust-distroless']);
  });

  for (const template of [...starterTemplates, ...correctedTemplates]) {
    it(`${template.id} passes every check: no error, warning or note`, () => {
      const analysis = analyze(template.text);
      expect(analysis.stages.length).toBeGreaterThanOrEqual(2);
      expect(analysis.diagnostics).toEqual([]);
    });
  }
});

describe('gallery', () => {
  it('lists starters first, then each seed followed by its correction, with unique ids', () => {
    const ids = templates.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, 7)).toEqual(starterTemplates.map((t) => t.id));
    expect(ids.indexOf('fixed-node-scratch')).toBe(ids.indexOf('seed-node-scratch') + 1);
    expect(templates.length).toBe(starterTemplates.length + seedTemplates.length + correctedTemplates.length);
  });
});
