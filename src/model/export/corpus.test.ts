// @vitest-environment jsdom
// Every Dockerfile of the corpus and every template, analysed for real and
// exported: both formats parse, and show every stage, image and arrow.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { URL as NodeURL, fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { analyze } from '../index.ts';
import { builtStages } from '../targets.ts';
import { templates } from '../templates/index.ts';
import { exportGraph, stageTitle } from './graph.ts';
import { toDot } from './dot.ts';
import { toMermaid } from './mermaid.ts';
import { labelLines, parseDot } from './dotParse.test-util.ts';
import { parseFlowchart } from './mermaidParse.test-util.ts';

// The corpus files are listed here rather than through syntax/corpus-files.ts:
// under jsdom the global URL is jsdom's, which Node's fileURLToPath refuses.
const CORPUS = fileURLToPath(new NodeURL('../../../../shared/corpus/', import.meta.url));

function corpusFiles(): Array<{ name: string; text: string }> {
  const files: Array<{ name: string; text: string }> = [];
  for (const dir of ['buildkit-parser', 'buildkit-parser-negative']) {
    for (const name of readdirSync(CORPUS + dir).sort()) {
      const path = `${CORPUS}${dir}/${name}/Dockerfile`;
      if (existsSync(path)) files.push({ name: `${dir}/${name}`, text: readFileSync(path, 'utf8') });
    }
  }
  for (const dir of ['real-world', 'heredoc']) {
    for (const name of readdirSync(CORPUS + dir).sort()) {
      if (name.endsWith('.Dockerfile')) files.push({ name: `${dir}/${name}`, text: readFileSync(`${CORPUS}${dir}/${name}`, 'utf8') });
    }
  }
  const lint = JSON.parse(readFileSync(CORPUS + 'buildkit-lint/cases.json', 'utf8')) as Array<{ test: string; dockerfile: string }>;
  for (const c of lint) files.push({ name: `buildkit-lint/${c.test}`, text: c.dockerfile });
  return files;
}

const files = [...corpusFiles(), ...templates.map((t) => ({ name: `template/${t.id}`, text: t.text }))];

describe('exports of real analyses', () => {
  test('the corpus is there', () => {
    expect(files.length).toBeGreaterThan(150);
  });

  test('Mermaid: every file parses, with one box per stage and image and one arrow per distinct edge', async () => {
    for (const { name, text } of files) {
      const analysis = analyze(text);
      const last = analysis.stages.length - 1;
      const options = last >= 0 ? { target: { index: last, built: builtStages(analysis, last) } } : {};
      const graph = exportGraph(analysis, options);
      const parsed = await parseFlowchart(toMermaid(analysis, options));
      expect(parsed.vertices.length, name).toBe(analysis.stages.length + graph.images.length);
      for (const stage of analysis.stages) {
        expect(parsed.vertices[stage.index].lines.slice(0, 2), name).toEqual([stageTitle(stage), stage.base]);
      }
      expect(parsed.edges.map((e) => [e.start, e.end]), name).toEqual(graph.edges.map((e) => [e.from, e.to]));
      const counted = graph.edges.reduce((sum, e) => sum + e.count, 0);
      const drawable = analysis.edges.filter((e) => e.to < analysis.stages.length && (typeof e.from === 'string' || e.from < analysis.stages.length));
      expect(counted, name).toBe(drawable.length);
    }
  });

  test('DOT: every file parses, with the same boxes and arrows', () => {
    for (const { name, text } of files) {
      const analysis = analyze(text);
      const graph = exportGraph(analysis);
      const parsed = parseDot(toDot(analysis));
      expect([...parsed.nodes.keys()], name).toEqual([...graph.stages.map((s) => s.id), ...graph.images.map((i) => i.id)]);
      for (const stage of analysis.stages) {
        expect(labelLines(parsed.nodes.get(`s${stage.index}`)!.label).slice(0, 2), name).toEqual([stageTitle(stage), stage.base]);
      }
      expect(parsed.edges.map((e) => [e.from, e.to, e.attrs.style]), name).toEqual(
        graph.edges.map((e) => [e.from, e.to, { from: 'solid', copy: 'dashed', mount: 'dotted' }[e.kind]]),
      );
    }
  });
});
