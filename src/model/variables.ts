// Which build variables a `$NAME` or `${NAME}` may use where the cursor is,
// by BuildKit's scoping: a FROM line (and a global ARG's default) sees the
// global ARGs and BuildKit's automatic ARGs (BUILDPLATFORM, TARGETARCH, ...);
// an instruction inside a stage sees the ARGs declared in that stage above it
// and the ENV set above it or in the stages it is built FROM. An automatic ARG
// is visible in a stage only once the stage declares it, which is why it is
// offered there only then.

import { PLATFORM_ARGS } from './analyze.ts';
import { lineEndOf, lineStartOf } from './edits/text.ts';
import { argKeyValue } from './syntax/argWord.ts';
import type { Analysis, Instruction, Span } from './types.ts';

export interface Variable {
  name: string;
  /** Its value where known (a default, an ENV value, a platform ARG for linux/amd64), else null. */
  value: string | null;
  origin: 'automatic ARG' | 'global ARG' | 'ARG' | 'ENV';
  /** Where it is declared (the ARG word, the ENV key); null for an automatic ARG. */
  declaration: Span | null;
}

export interface VariableCompletion {
  /** The partly typed name the chosen one replaces. */
  replace: Span;
  variables: Variable[];
}

// "$" or "${", then a partly typed name, at the end of the line so far.
const VARIABLE_SLOT = /\$\{?([A-Za-z_][A-Za-z0-9_]*)?$/;

/** The partly typed variable name at the end of `prefix` (a line as far as the cursor), or null. */
export function variableSlotBefore(prefix: string): string | null {
  if (/^\s*#/.test(prefix)) return null;
  const match = VARIABLE_SLOT.exec(prefix);
  return match === null ? null : (match[1] ?? '');
}

/** Adds (or, for a later declaration, moves to the end with its new value) a variable. */
function put(scope: Map<string, Variable>, variable: Variable): void {
  scope.delete(variable.name);
  scope.set(variable.name, variable);
}

function addEnv(scope: Map<string, Variable>, instruction: Instruction): void {
  // ENV args come as (key, value, separator) triples.
  for (let a = 0; a + 1 < instruction.args.length; a += 3) {
    const key = instruction.args[a];
    put(scope, { name: key.value, value: instruction.args[a + 1].value, origin: 'ENV', declaration: key.span });
  }
}

/**
 * The automatic ARGs and the global ARGs (with or without a default) of the
 * instructions that end before `before`, an offset: an instruction's own
 * declarations are not in scope in its own words, a continued one's included.
 */
function globalScope(analysis: Analysis, before: number): Map<string, Variable> {
  const scope = new Map<string, Variable>();
  for (const [name, value] of PLATFORM_ARGS) put(scope, { name, value, origin: 'automatic ARG', declaration: null });
  put(scope, { name: 'TARGETSTAGE', value: analysis.globalArgs.get('TARGETSTAGE') ?? null, origin: 'automatic ARG', declaration: null });
  const firstFrom = analysis.stageDetails[0]?.fromInstruction.span.start ?? Infinity;
  for (const instruction of analysis.file.instructions) {
    if (instruction.span.start >= firstFrom || instruction.span.end >= before) break;
    if (instruction.cmd !== 'arg') continue;
    for (const arg of instruction.args) {
      const { key: name, value } = argKeyValue(arg.value);
      put(scope, { name, value: value ?? analysis.globalArgs.get(name) ?? null, origin: 'global ARG', declaration: arg.span });
    }
  }
  return scope;
}

/** The ENV set in stage `index` (by instructions that end before `before`, an offset) and in the stages it is built FROM. */
function envScope(analysis: Analysis, index: number, before: number, scope: Map<string, Variable>, seen: Set<number>): void {
  if (seen.has(index)) return; // a cycle is an error elsewhere; here it just ends the chain
  seen.add(index);
  const detail = analysis.stageDetails[index];
  if (detail.baseStage !== null && detail.baseStage < index) envScope(analysis, detail.baseStage, Infinity, scope, seen);
  for (const instruction of detail.instructions) {
    if (instruction.span.end >= before) break;
    if (instruction.cmd === 'env') addEnv(scope, instruction);
  }
}

/** The variables a `$` on the line holding `offset` can use, by BuildKit's scoping (see the top of this file). */
export function variablesInScope(analysis: Analysis, offset: number): Variable[] {
  const lineStart = lineStartOf(analysis.file.text, offset);
  // The stage the cursor is in: the last whose FROM starts at or before its line.
  let stage = -1;
  for (let i = 0; i < analysis.stageDetails.length; i++) {
    if (analysis.stageDetails[i].fromInstruction.span.start <= lineStart) stage = i;
  }
  const inFrom = stage >= 0 && offset <= analysis.stageDetails[stage].fromInstruction.span.end;
  if (stage < 0 || inFrom) return [...globalScope(analysis, lineStart).values()];

  const scope = new Map<string, Variable>();
  envScope(analysis, stage, lineStart, scope, new Set());
  const globals = globalScope(analysis, Infinity);
  for (const instruction of analysis.stageDetails[stage].instructions) {
    if (instruction.span.end >= lineStart) break;
    if (instruction.cmd !== 'arg') continue;
    for (const arg of instruction.args) {
      const { key: name, value } = argKeyValue(arg.value);
      // A stage's bare ARG takes the global default of the same name.
      put(scope, { name, value: value ?? globals.get(name)?.value ?? null, origin: 'ARG', declaration: arg.span });
    }
  }
  return [...scope.values()];
}

/** What a `$` at `offset` may name, or null where no variable is being typed. */
export function variableCompletionsAt(analysis: Analysis, offset: number): VariableCompletion | null {
  const text = analysis.file.text;
  const typed = variableSlotBefore(text.slice(lineStartOf(text, offset), offset));
  if (typed === null) return null;
  return { replace: { start: offset - typed.length, end: offset }, variables: variablesInScope(analysis, offset) };
}

// A use of a variable: $NAME or ${NAME...}; the name is group 1.
const VARIABLE_USE = /\$\{?([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * The variable a cursor at `offset` is on, with what it names there: the
 * declaration in scope, or null (not declared where it is used: in a RUN, say,
 * a shell variable like $HOME).
 */
export function variableAt(analysis: Analysis, offset: number): { name: string; span: Span; variable: Variable | null } | null {
  const text = analysis.file.text;
  const lineStart = lineStartOf(text, offset);
  const lineEnd = lineEndOf(text, offset);
  const line = text.slice(lineStart, lineEnd);
  if (/^\s*#/.test(line)) return null;
  for (const match of line.matchAll(VARIABLE_USE)) {
    const start = lineStart + match.index + match[0].length - match[1].length;
    const end = start + match[1].length;
    if (offset < start || offset > end) continue;
    const name = match[1];
    const variable = variablesInScope(analysis, offset).find((v) => v.name === name) ?? null;
    return { name, span: { start, end }, variable };
  }
  return null;
}
