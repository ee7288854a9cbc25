// Every check Stagewright knows, declared once as data: name, description,
// documentation URL, severity, message formatter. BuildKit's build checks keep
// BuildKit's names, descriptions and message wording (so the editor says what
// `docker build --check` says); our multi-stage checks follow the same shape.
// A check reports through one of these values, never with a free-form string,
// so the docs, the problems list and the `# check=` directive agree on names.

import type { Severity } from '../types';

export interface RuleDefinition<A extends unknown[] = never[]> {
  name: string;
  description: string;
  /** Where the rule is documented; BuildKit's rules point at docs.docker.com. */
  url: string;
  severity: Severity;
  /** Experimental rules run only when `# check=experimental=<name|all>` enables them. */
  experimental: boolean;
  /** Who reports it: BuildKit's linter, a BuildKit build failure, or Stagewright's own multi-stage checks. */
  origin: 'buildkit' | 'build' | 'stagewright';
  /** Builds the per-occurrence message from the details of the finding. */
  format: (...args: A) => string;
}

function buildkitUrl(name: string): string {
  const kebab = name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z])([A-Z][a-z])/g, '$1-$2').toLowerCase();
  return `https://docs.docker.com/go/dockerfile/rule/${kebab}/`;
}

function buildkit<A extends unknown[]>(
  name: string,
  description: string,
  format: (...args: A) => string,
  options: { experimental?: boolean; url?: string; severity?: Severity } = {},
): RuleDefinition<A> {
  return {
    name,
    description,
    url: options.url ?? buildkitUrl(name),
    severity: options.severity ?? 'warning',
    experimental: options.experimental ?? false,
    origin: 'buildkit',
    format,
  };
}

function own<A extends unknown[]>(
  name: string,
  description: string,
  severity: Severity,
  format: (...args: A) => string,
): RuleDefinition<A> {
  return {
    name,
    description,
    // Our checks explain themselves in the message; the page is the general background.
    url: 'https://docs.docker.com/build/building/multi-stage/',
    severity,
    experimental: false,
    origin: 'stagewright',
    format,
  };
}

function buildError<A extends unknown[]>(
  name: string,
  description: string,
  format: (...args: A) => string,
  url = 'https://docs.docker.com/build/checks/',
): RuleDefinition<A> {
  return { name, description, url, severity: 'error', experimental: false, origin: 'build', format };
}

/** A failure analyze() or the parser reports with its own wording; declared for its description and docs. */
const reported = (name: string, description: string, url: string) => buildError(name, description, (message: string) => message, url);
const reference = 'https://docs.docker.com/reference/dockerfile/';

const withSuggestion = (text: string, suggestion: string, prefix = '') =>
  suggestion ? `${text} (did you mean ${prefix}${suggestion}?)` : text;

/** Go's %q for the plain ASCII strings these messages quote. */
const quote = (s: string) => JSON.stringify(s);

export const rules = {
  // --- BuildKit's build checks (frontend/dockerfile/linter/ruleset.go) ---
  StageNameCasing: buildkit('StageNameCasing', 'Stage names should be lowercase', (stageName: string) =>
    `Stage name '${stageName}' should be lowercase`),
  FromAsCasing: buildkit("FromAsCasing", "The 'as' keyword should match the case of the 'from' keyword",
    (from: string, as: string) => `'${as}' and '${from}' keywords' casing do not match`),
  NoEmptyContinuation: buildkit('NoEmptyContinuation', 'Empty continuation lines will become errors in a future release',
    () => 'Empty continuation line'),
  ConsistentInstructionCasing: buildkit('ConsistentInstructionCasing',
    'All commands within the Dockerfile should use the same casing (either upper or lower)',
    (command: string, casing: 'lowercase' | 'uppercase') =>
      `Command '${command}' should match the case of the command majority (${casing})`),
  DuplicateStageName: buildkit('DuplicateStageName', 'Stage names should be unique', (stageName: string) =>
    `Duplicate stage name ${quote(stageName)}, stage names should be unique`),
  ReservedStageName: buildkit('ReservedStageName', 'Reserved words should not be used as stage names',
    (reserved: string) => `Stage name should not use the same name as reserved stage ${quote(reserved)}`),
  JSONArgsRecommended: buildkit('JSONArgsRecommended',
    'JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals',
    (instruction: string) => `JSON arguments recommended for ${instruction} to prevent unintended behavior related to OS signals`),
  MaintainerDeprecated: buildkit('MaintainerDeprecated',
    'The MAINTAINER instruction is deprecated, use a label instead to define an image author',
    () => 'Maintainer instruction is deprecated in favor of using label'),
  UndefinedArgInFrom: buildkit('UndefinedArgInFrom', 'FROM command must use declared ARGs',
    (arg: string, suggestion: string) => withSuggestion(`FROM argument '${arg}' is not declared`, suggestion)),
  WorkdirRelativePath: buildkit('WorkdirRelativePath',
    'Relative workdir without an absolute workdir declared within the build can have unexpected results if the base image changes',
    (workdir: string) => `Relative workdir ${quote(workdir)} can have unexpected results if the base image changes`),
  UndefinedVar: buildkit('UndefinedVar', 'Variables should be defined before their use',
    (name: string, suggestion: string) => withSuggestion(`Usage of undefined variable '$${name}'`, suggestion, '$')),
  MultipleInstructionsDisallowed: buildkit('MultipleInstructionsDisallowed',
    'Multiple instructions of the same type should not be used in the same stage',
    (instruction: string) =>
      `Multiple ${instruction} instructions should not be used in the same stage because only the last one will be used`),
  LegacyKeyValueFormat: buildkit('LegacyKeyValueFormat',
    'Legacy key/value format with whitespace separator should not be used',
    (instruction: string) => `"${instruction} key=value" should be used instead of legacy "${instruction} key value" format`),
  InvalidBaseImagePlatform: buildkit('InvalidBaseImagePlatform',
    'Base image platform does not match expected target platform',
    (image: string, expected: string, actual: string) =>
      `Base image ${image} was pulled with platform ${quote(actual)}, expected ${quote(expected)} for current build`,
    { url: '' }),
  RedundantTargetPlatform: buildkit('RedundantTargetPlatform',
    'Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior',
    (platformVar: string) => `Setting platform to predefined ${platformVar} in FROM is redundant as this is the default behavior`),
  SecretsUsedInArgOrEnv: buildkit('SecretsUsedInArgOrEnv', 'Sensitive data should not be used in the ARG or ENV commands',
    (instruction: string, key: string) => `Do not use ARG or ENV instructions for sensitive data (${instruction} ${quote(key)})`),
  InvalidDefaultArgInFrom: buildkit('InvalidDefaultArgInFrom',
    'Default value for global ARG results in an empty or invalid base image name',
    (base: string) => `Default value for ARG ${base} results in empty or invalid base image name`),
  FromPlatformFlagConstDisallowed: buildkit('FromPlatformFlagConstDisallowed',
    'FROM --platform flag should not use a constant value',
    (platform: string) => `FROM --platform flag should not use constant value ${quote(platform)}`),
  CopyIgnoredFile: buildkit('CopyIgnoredFile', 'Attempting to Copy file that is excluded by .dockerignore',
    (command: string, file: string) => `Attempting to ${command} file ${quote(file)} that is excluded by .dockerignore`),
  InvalidDefinitionDescription: buildkit('InvalidDefinitionDescription',
    'Comment for build stage or argument should follow the format: `# <arg/stage name> <description>`. If this is not intended to be a description comment, add an empty line or comment between the instruction and the comment.',
    (instruction: string, name: string) => `Comment for ${instruction} should follow the format: \`# ${name} <description>\``,
    { experimental: true }),
  ExposeProtoCasing: buildkit('ExposeProtoCasing', 'Protocol in EXPOSE instruction should be lowercase',
    (port: string) => `Defined protocol '${port}' in EXPOSE instruction should be lowercase`),
  ExposeInvalidFormat: buildkit('ExposeInvalidFormat',
    'IP address and host-port mapping should not be used in EXPOSE instruction. This will become an error in a future release',
    (port: string) => `EXPOSE instruction should not define an IP address or host-port mapping, found '${port}'`),

  // --- Stagewright's multi-stage checks: each message says what happens and why ---
  UnusedStage: own('UnusedStage', 'A stage the build target never uses', 'info',
    (stage: string, target: string) =>
      `Nothing in the build target (${target}) uses ${stage}: BuildKit skips it, but the legacy builder still builds it (slower builds, no effect on the image)`),
  ScratchNoShell: own('ScratchNoShell', 'A scratch stage has no shell', 'error',
    (what: string) =>
      `${what} needs /bin/sh, but this stage starts FROM scratch, which is empty: there is no shell to run it. Build in another stage and COPY the result here, or use the exec form with a program you copied in`),
  DistrolessNoShell: own('DistrolessNoShell', 'A distroless stage has no shell', 'error',
    (what: string, image: string) =>
      `${what} needs /bin/sh, but ${image} is a distroless image: it has no shell and no package manager. Install and build in another stage and COPY the result here, use the exec form, or a :debug variant while debugging`),
  ScratchMissingProgram: own('ScratchMissingProgram', 'A scratch stage runs a program that was never copied into it', 'warning',
    (instruction: string, program: string) =>
      `${instruction} runs "${program}", but this stage starts FROM scratch and nothing copied into it provides that program: the container will fail to start. COPY the program (and what it needs) from a build stage`),
  ScratchUserName: own('ScratchUserName', 'A scratch stage switches to a user by name', 'warning',
    (user: string) =>
      `USER ${user} names a user, but this stage starts FROM scratch and has no /etc/passwd to look it up: the container will fail to start. Use a numeric id (USER 65532:65532) or copy /etc/passwd from a build stage`),
  InlineComment: own('InlineComment', 'A # after an instruction is not a comment', 'warning',
    (instruction: string, text: string) =>
      `"${text}" is not a comment: Dockerfile comments must start at the beginning of a line, so ${instruction} receives these words as arguments`),
  UnpinnedExternalImage: own('UnpinnedExternalImage', 'Files copied from an image whose version is not pinned', 'warning',
    (image: string) =>
      `${image} has no pinned tag or digest: every build may copy from a different version of the image. Pin a version (image:1.2.3) or a digest (image@sha256:...)`),
  CopyWholeFilesystem: own('CopyWholeFilesystem', 'COPY --from copies the whole filesystem of a stage', 'warning',
    (source: string) =>
      `This copies the whole filesystem of ${source}, compilers and package caches included, which undoes the point of a multi-stage build. Copy only the files the final image needs`),

  // --- build failures the checks detect (BuildKit's error wording) ---
  LintViolation: buildError('LintViolation', 'The check directive turns warnings into a build failure',
    (names: string) => `lint violation found for rules: ${names}`),
  // Reported by the parser and analyze(), in BuildKit's words.
  ParseError: reported('ParseError', 'BuildKit cannot parse this instruction', reference),
  UnknownInstruction: reported('UnknownInstruction', 'Not a Dockerfile instruction', reference),
  NoInstructions: reported('NoInstructions', 'The file has no instructions', reference),
  NoStages: reported('NoStages', 'The file has no FROM, so no stage to build', `${reference}#from`),
  InvalidStageName: reported('InvalidStageName', 'Stage names start with a letter and hold only letters, digits, -, _ and .', `${reference}#from`),
  InvalidStageIndex: reported('InvalidStageIndex', 'COPY --from names a stage index that does not exist', 'https://docs.docker.com/build/building/multi-stage/#name-your-build-stages'),
  CircularDependency: reported('CircularDependency', 'Stages that depend on each other in a loop cannot be built', 'https://docs.docker.com/build/building/multi-stage/'),
  EmptyPlatform: reported('EmptyPlatform', 'The --platform value expands to nothing', `${reference}#from`),
  ExpansionError: reported('ExpansionError', 'A variable reference cannot be expanded', `${reference}#environment-replacement`),
  FromVariableNotSupported: reported('FromVariableNotSupported', '--from does not expand variables', `${reference}#copy---from`),
  InvalidMount: reported('InvalidMount', 'The RUN --mount options cannot be read', `${reference}#run---mount`),
  InvalidCheckDirective: buildError('InvalidCheckDirective', 'The # check= setting cannot be read',
    (detail: string) => detail),
  InvalidPlatform: buildError('InvalidPlatform', 'The --platform value is not a valid platform',
    (written: string, component: string, value: string, suggestion: string) =>
      withSuggestion(`failed to parse platform ${written}: ${quote(component)} is an invalid component of ${quote(value)}: platform specifier component must match "^[A-Za-z0-9_.-]+$": invalid argument`, suggestion)),
} as const;

export type RuleName = keyof typeof rules;

/** Rule codes helper-2's analyze() reports itself; we declare them so their docs exist and the check directive applies to them. */
export const analyzeOwnedCodes: ReadonlySet<string> = new Set([
  'DuplicateStageName', 'ReservedStageName', 'StageNameCasing', 'UndefinedArgInFrom', 'NoEmptyContinuation',
]);

export function ruleByName(name: string): RuleDefinition<unknown[]> | undefined {
  return (rules as Record<string, RuleDefinition<unknown[]>>)[name];
}

/** Every BuildKit rule name, for the `# check=` directive and the docs list. */
export const buildkitRuleNames: readonly string[] = Object.values(rules)
  .filter((rule) => rule.origin === 'buildkit')
  .map((rule) => rule.name);
