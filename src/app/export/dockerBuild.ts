// The `docker build` command for the chosen target, when it is not the last
// stage (the default), so the user knows how to build what they designed.
import type { Stage } from '../../model/types.ts';

export type BuildCommandNote =
  | { kind: 'default' }
  | { kind: 'command'; command: string; stage: string }
  /** `--target` takes a stage name only; an unnamed stage cannot be chosen. */
  | { kind: 'unnamed'; index: number };

// Valid stage names are shell-safe as they are; anything else is single-quoted.
const shellWord = (word: string) => (/^[A-Za-z0-9._-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

export function buildCommandNote(stages: readonly Stage[], target: number | null): BuildCommandNote {
  if (target === null || target < 0 || target >= stages.length - 1) return { kind: 'default' };
  const stage = stages[target];
  if (stage.name === null) return { kind: 'unnamed', index: stage.index };
  return { kind: 'command', command: `docker build --target ${shellWord(stage.name)} .`, stage: stage.name };
}
