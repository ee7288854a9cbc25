import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Test support, imported by tests only (hence node:fs): every Dockerfile in
// ../shared/corpus (which sits beside the repository), with a short name.

export const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));

export interface CorpusFile {
  name: string;
  text: string;
}

export function corpusDockerfiles(): CorpusFile[] {
  const files: CorpusFile[] = [];
  const add = (name: string, path: string) => files.push({ name, text: readFileSync(CORPUS + path, 'utf8') });
  for (const dir of ['buildkit-parser', 'buildkit-parser-negative', 'buildkit-parser-lines']) {
    for (const c of readdirSync(CORPUS + dir).sort()) {
      if (existsSync(`${CORPUS}${dir}/${c}/Dockerfile`)) add(`${dir}/${c}`, `${dir}/${c}/Dockerfile`);
    }
  }
  for (const dir of ['real-world', 'heredoc']) {
    for (const f of readdirSync(CORPUS + dir).sort()) if (f.endsWith('.Dockerfile')) add(`${dir}/${f}`, `${dir}/${f}`);
  }
  const lint = JSON.parse(readFileSync(CORPUS + 'buildkit-lint/cases.json', 'utf8')) as { test: string; dockerfile: string }[];
  for (const c of lint) files.push({ name: `buildkit-lint/${c.test}`, text: c.dockerfile });
  return files;
}
