// The template gallery: starting points first, then each seed example beside
// its corrected version.

import { correctedTemplates } from './corrected';
import { seedTemplates } from './seeds';
import { starterTemplates } from './starters';
import type { Template } from './types';

export type { Template } from './types';
export { correctedTemplates, seedTemplates, starterTemplates };

function gallery(): Template[] {
  const list: Template[] = [...starterTemplates];
  for (const seed of seedTemplates) {
    list.push(seed);
    const corrected = correctedTemplates.find((t) => t.id === seed.correctedBy);
    if (corrected) list.push(corrected);
  }
  return list;
}

export const templates: readonly Template[] = gallery();

export function templateById(id: string): Template | undefined {
  return templates.find((t) => t.id === id);
}
