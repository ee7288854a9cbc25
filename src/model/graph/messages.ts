// The diagnostics the stage graph reports, each declared once: code,
// severity and BuildKit's wording. Codes are BuildKit's check names where
// BuildKit has one (StageNameCasing, ReservedStageName, DuplicateStageName,
// UndefinedArgInFrom); the others name the build error BuildKit stops with.

import type { Severity } from '../types.ts';

export interface GraphMessage<A extends unknown[]> {
  code: string;
  severity: Severity;
  format: (...args: A) => string;
}

function message<A extends unknown[]>(code: string, severity: Severity, format: (...args: A) => string): GraphMessage<A> {
  return { code, severity, format };
}

const didYouMean = (text: string, suggestion: string) => (suggestion ? `${text} (did you mean ${suggestion}?)` : text);

export const graphMessages = {
  // BuildKit build checks.
  StageNameCasing: message('StageNameCasing', 'warning', (name: string) => `Stage name '${name}' should be lowercase`),
  ReservedStageName: message(
    'ReservedStageName',
    'warning',
    (name: string) => `Stage name should not use the same name as reserved stage "${name}"`,
  ),
  DuplicateStageName: message(
    'DuplicateStageName',
    'error',
    (name: string) => `Duplicate stage name "${name}", stage names should be unique`,
  ),
  UndefinedArgInFrom: message('UndefinedArgInFrom', 'warning', (arg: string, suggestion: string) =>
    didYouMean(`FROM argument '${arg}' is not declared`, suggestion),
  ),

  // Errors that stop a BuildKit build.
  InvalidStageName: message(
    'InvalidStageName',
    'error',
    (name: string) => `invalid name for build stage: ${JSON.stringify(name)}, name can't start with a number or contain symbols`,
  ),
  UnknownFlag: message('ParseError', 'error', (flag: string) => `unknown flag: ${flag}`),
  MissingFlagValue: message('ParseError', 'error', (flag: string) => `missing a value on flag: ${flag}`),
  InstructionBeforeFrom: message(
    'ParseError',
    'error',
    (keyword: string) => `no build stage in current context (${keyword} before the first FROM)`,
  ),
  NoStages: message('NoStages', 'error', () => 'dockerfile contains no stages to build'),
  ExpansionError: message('ExpansionError', 'error', (detail: string) => detail),
  EmptyPlatform: message('EmptyPlatform', 'error', (expr: string, suggestion: string) =>
    didYouMean(`empty platform value from expression ${expr}`, suggestion),
  ),
  InvalidStageIndex: message('InvalidStageIndex', 'error', (index: string) => `invalid stage index ${index}`),
  FromVariable: message(
    'FromVariableNotSupported',
    'error',
    () => 'variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround',
  ),
  CopyFromLaterStage: message(
    'StageDefinedLater',
    'error',
    (from: string, stage: string) => `cannot copy from stage "${from}", it needs to be defined before current stage "${stage}"`,
  ),
  CopyFromLaterIndex: message(
    'InvalidStageIndex',
    'error',
    (from: string, stage: string) => `cannot copy from stage "${from}", it needs to be defined before current stage "${stage}"`,
  ),
  MountFromLaterStage: message(
    'StageDefinedLater',
    'error',
    (from: string, target: string) => `cannot mount from stage "${from}" to "${target}", stage needs to be defined before current command`,
  ),
  MountParse: message('InvalidMount', 'error', (detail: string) => detail),
  CircularDependency: message(
    'CircularDependency',
    'error',
    (stage: string) => `circular dependency detected on stage: ${stage}`,
  ),
  InternalError: message('InternalError', 'error', (detail: string) => `internal error while analysing: ${detail}`),
};
