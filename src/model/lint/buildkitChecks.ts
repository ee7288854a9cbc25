// BuildKit's build checks that the text alone decides, reproduced rule by rule
// from what BuildKit's Dockerfile frontend does while it parses and dispatches
// every stage (what `docker build --check` lints: all stages, not just the ones
// the target needs). Rules analyze() reports itself (stage names, undeclared
// FROM args, empty continuations) are not repeated here.
//
// Image configs cannot be fetched, so an external base image is assumed to set
// only PATH and no SHELL, which is what BuildKit's own tests rely on.

import { wholeLinesRange } from '../edits/text';
import { expandExpandable, expandWord, expandWordWithMatches, mayExpand, type ExpandResultWithMatches } from '../expand';
import type { Analysis, Arg, Instruction, QuickFix, Span } from '../types';
import { commentsAbove } from './comments';
import { execFormFix } from './execForm';
import { finding, type Finding } from './finding';
import { parseImageReference } from './imageReference';
import { imageStartEnv } from './imageEnv';
import { suggest } from '../graph/suggest';
import { Layered } from './layered';
import { argKeyValue } from '../syntax/argWord';

// Keywords and AS are ASCII words; scanning for a letter of the other case
// avoids allocating a converted copy for each of thousands of instructions.
function hasCodeIn(s: string, from: number, to: number): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= from && c <= to) return true;
  }
  return false;
}
const isLower = (s: string) => !hasCodeIn(s, 65, 90);
const isUpper = (s: string) => !hasCodeIn(s, 97, 122);
const selfConsistent = (s: string) => isLower(s) || isUpper(s);


function replace(span: Span, text: string): QuickFix['edits'][number] {
  return { start: span.start, end: span.end, text };
}

// --- parse-time checks: casing and descriptions -----------------------------

function casingChecks(analysis: Analysis, out: Finding[]): void {
  const { stageDetails } = analysis;
  // The majority vote counts each stage's FROM and the instructions inside
  // stages (global ARGs and heredoc bodies do not vote).
  // Counted and collected stage by stage: an array of every instruction would
  // be one more 10,000-entry temporary on a large file.
  let lower = 0;
  let upper = 0;
  // How many keywords are not all lower-case / not all upper-case: when the
  // majority's count of offenders is 0 (the usual file), no second pass.
  let notLower = 0;
  let notUpper = 0;
  for (let k = 0; k < stageDetails.length; k++) {
    const stage = stageDetails[k];
    for (let i = -1; i < stage.instructions.length; i++) {
      const instruction = i < 0 ? stage.fromInstruction : stage.instructions[i];
      const keyword = instruction.keyword;
      // The parser hands out the lower-case keyword itself when it is spelled so:
      // a comparison settles those unread, and the first letter rules out the
      // other case for the rest (keywords are letters).
      const first = keyword.charCodeAt(0);
      const startsLower = first >= 0x61 && first <= 0x7a;
      const isL = keyword === instruction.cmd || (startsLower && isLower(keyword));
      const isU = !startsLower && isUpper(keyword);
      if (isL) lower++;
      else if (isU) upper++;
      if (!isL) notLower++;
      if (!isU) notUpper++;
    }
  }
  const majorityLower = lower > upper;
  // The usual file has no offender: then nothing more to read (nor closures to make).
  const expected = majorityLower ? notLower : notUpper;
  if (expected > 0) mixedCasing(stageDetails, majorityLower, expected, out);

  for (const stage of stageDetails) {
    const from = stage.fromInstruction;
    if (!stage.asSpan || !selfConsistent(from.keyword)) continue;
    const text = analysis.file.text;
    const { start, end } = stage.asSpan;
    const lower = isLower(from.keyword);
    // The usual AS, two letters in the keyword's case, read in place.
    if (end - start === 2 && text.charCodeAt(start) === (lower ? 0x61 : 0x41) && text.charCodeAt(start + 1) === (lower ? 0x73 : 0x53)) continue;
    const as = text.slice(start, end);
    const wanted = lower ? as.toLowerCase() : as.toUpperCase();
    if (as === wanted) continue;
    out.push(finding('FromAsCasing', { instruction: from, span: stage.asSpan }, [from.keyword, as],
      [{ title: `Write ${wanted}`, edits: [replace(stage.asSpan, wanted)] }]));
  }
}

/** ConsistentInstructionCasing: the `expected` keywords not in the majority's case, each with its fixes. */
function mixedCasing(stageDetails: Analysis['stageDetails'], majorityLower: boolean, expected: number, out: Finding[]): void {
  const casing = majorityLower ? 'lowercase' : 'uppercase';
  const recase = (s: string) => (majorityLower ? s.toLowerCase() : s.toUpperCase());
  const offends = (i: Instruction) => (majorityLower ? !isLower(i.keyword) : !isUpper(i.keyword));
  const offenders: Instruction[] = [];
  for (let k = 0; k < stageDetails.length && offenders.length < expected; k++) {
    const stage = stageDetails[k];
    if (offends(stage.fromInstruction)) offenders.push(stage.fromInstruction);
    for (let i = 0; i < stage.instructions.length; i++) if (offends(stage.instructions[i])) offenders.push(stage.instructions[i]);
  }
  const fixAll: QuickFix | null = offenders.length > 1
    ? { title: `Write every instruction in ${casing}`, edits: offenders.map((i) => replace(i.keywordSpan, recase(i.keyword))) }
    : null;
  for (const instruction of offenders) {
    const fixes: QuickFix[] = [
      { title: `Write ${recase(instruction.keyword)}`, edits: [replace(instruction.keywordSpan, recase(instruction.keyword))] },
    ];
    if (fixAll) fixes.push(fixAll);
    out.push(finding('ConsistentInstructionCasing', { instruction, span: instruction.keywordSpan },
      [instruction.keyword, casing], fixes));
  }
}

function descriptionChecks(analysis: Analysis, out: Finding[]): void {
  const check = (instruction: Instruction, kind: 'ARG' | 'FROM', keys: string[]) => {
    const comments = commentsAbove(analysis.file, instruction);
    if (comments.length === 0 || keys.length === 0) return;
    const first = comments[comments.length - 1].split(' ')[0];
    if (keys.includes(first)) return;
    const example = keys.length > 1 ? '<arg_key>' : keys[0];
    out.push(finding('InvalidDefinitionDescription', { instruction }, [kind, example]));
  };
  for (const instruction of analysis.file.instructions) {
    if (instruction.cmd === 'arg') check(instruction, 'ARG', instruction.args.map((a) => argKeyValue(a.value).key));
  }
  analysis.stageDetails.forEach((stage, index) => {
    const name = analysis.stages[index].name;
    if (name) check(stage.fromInstruction, 'FROM', [name.toLowerCase()]);
  });
}

function maintainerChecks(analysis: Analysis, out: Finding[]): void {
  for (const instruction of analysis.file.instructions) {
    if (instruction.cmd !== 'maintainer') continue;
    const author = instruction.args.map((a) => a.value).join(' ');
    const label = `LABEL org.opencontainers.image.authors=${JSON.stringify(author)}`;
    const fixes: QuickFix[] = instruction.startLine === instruction.endLine && !/[$`]/.test(author)
      ? [{ title: 'Replace with a LABEL', edits: [replace({ start: instruction.span.start, end: instruction.span.end }, isUpper(instruction.keyword) ? label : label.replace('LABEL', 'label'))] }]
      : [];
    out.push(finding('MaintainerDeprecated', { instruction, span: instruction.keywordSpan }, [], fixes));
  }
}

// --- checks on FROM -----------------------------------------------------------

const KNOWN_OS: ReadonlySet<string> = new Set(['linux', 'windows', 'darwin', 'freebsd', 'netbsd', 'openbsd', 'solaris', 'illumos', 'aix', 'android', 'ios', 'plan9', 'js', 'wasip1']);
const ARCH_ALIASES: ReadonlyMap<string, string> = new Map([['x86_64', 'amd64'], ['x86-64', 'amd64'], ['aarch64', 'arm64'], ['armhf', 'arm'], ['armel', 'arm'], ['i386', '386']]);

function normalizeArch(arch: string): string {
  const lower = arch.toLowerCase();
  return ARCH_ALIASES.get(lower) ?? lower;
}

function parsePlatform(value: string): { os: string; architecture: string } | null {
  const parts = value.split('/');
  if (parts.some((p) => !/^[A-Za-z0-9_.-]+$/.test(p)) || parts.length > 3) return null;
  if (parts.length === 1) {
    const only = parts[0].toLowerCase();
    return KNOWN_OS.has(only) ? { os: only, architecture: 'amd64' } : { os: 'linux', architecture: normalizeArch(only) };
  }
  return { os: parts[0].toLowerCase(), architecture: normalizeArch(parts[1]) };
}

function fromChecks(analysis: Analysis, defaults: ReadonlyMap<string, string>, out: Finding[]): void {
  const escape = analysis.file.escape;
  // Many stages share a platform text ("$BUILDPLATFORM"): each is expanded once.
  const expansions = new Map<string, ExpandResultWithMatches>();
  analysis.stageDetails.forEach((stage, index) => {
    const from = stage.fromInstruction;
    const { base, platform, name } = analysis.stages[index];

    // analyze() already expanded the base with the defaults, unless that came out empty or failed.
    const resolved = stage.resolvedBase !== base || !base.includes('$') ? { value: stage.resolvedBase, error: null } : expandWord(base, defaults, escape);
    // Only a base built from ARGs can be invalid because of an ARG's default; a
    // literal bad reference (or a FROM with no argument) is the parser's error.
    if (base.includes('$') && resolved.error === null && parseImageReference(resolved.value) === null) {
      out.push(finding('InvalidDefaultArgInFrom', { instruction: from, span: stage.baseSpan }, [base]));
    }

    if (platform === null) return;
    const span = stage.platformFlag?.valueSpan ?? stage.platformFlag?.span ?? from.span;
    let match = expansions.get(platform);
    if (match === undefined) expansions.set(platform, (match = expandWordWithMatches(platform, defaults, escape)));
    if (match.error !== null) return;
    if (match.matched.size === 1 && match.unmatched.size === 0 && match.matched.has('TARGETPLATFORM')
      && match.value === defaults.get('TARGETPLATFORM')) {
      const flag = stage.platformFlag;
      const fixes: QuickFix[] = flag
        ? [{ title: 'Remove the --platform flag', edits: [replace({ start: flag.span.start, end: skipSpaces(analysis.file.text, flag.span.end) }, '')] }]
        : [];
      out.push(finding('RedundantTargetPlatform', { instruction: from, span }, [platform], fixes));
    }
    if (match.value !== '' && match.error === null) {
      const invalid = match.value.split('/').find((part) => !/^[A-Za-z0-9_.-]+$/.test(part));
      if (invalid !== undefined) {
        const hint = [...match.unmatched].map((name) => suggest(name, defaults.keys(), true)).find((x) => x !== '') ?? '';
        out.push(finding('InvalidPlatform', { instruction: from, span }, [platform, invalid, match.value, hint]));
      }
    }
    if (match.matched.size === 0 && match.unmatched.size === 0) {
      const parsed = parsePlatform(match.value);
      const stageName = name?.toLowerCase() ?? '';
      if (parsed && !stageName.includes(parsed.os) && !stageName.includes(parsed.architecture)) {
        out.push(finding('FromPlatformFlagConstDisallowed', { instruction: from, span }, [match.value]));
      }
    }
  });
}

/** For a misspelt variable with a close match: rename every `$name` / `${name` in the instruction. */
function renameVariableFix(analysis: Analysis, instruction: Instruction, name: string, suggestion: string): QuickFix[] {
  if (suggestion === '') return [];
  const text = analysis.file.text;
  const edits: QuickFix['edits'] = [];
  const pattern = new RegExp(`\\$\\{?(${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})(?![A-Za-z0-9_])`, 'g');
  const source = text.slice(instruction.span.start, instruction.span.end);
  for (let match = pattern.exec(source); match; match = pattern.exec(source)) {
    const start = instruction.span.start + match.index + match[0].length - name.length;
    edits.push({ start, end: start + name.length, text: suggestion });
  }
  return edits.length ? [{ title: `Use $${suggestion}`, edits }] : [];
}

function skipSpaces(text: string, offset: number): number {
  while (offset < text.length && (text[offset] === ' ' || text[offset] === '\t')) offset++;
  return offset;
}

// --- dispatch-time checks: each stage's environment, in file order -------------

interface StageState {
  env: Layered<string>;
  /** ARG names declared in the stage (and in the stages it is built FROM): never "undefined". */
  declared: Layered<true>;
  shell: boolean;
  workdirSet: boolean;
}

const secretDeny = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const secretAllow = /(?:_|^)(?:public|file|version)(?:_|$)/i;

function isSecretName(key: string): boolean {
  return secretDeny.test(key) && !secretAllow.test(key);
}

interface ExpandScope {
  analysis: Analysis;
  escape: string;
  out: Finding[];
  /** The stage being dispatched. */
  state: StageState;
  /** "offset:name" already reported in this stage; made on the first unmatched variable, as most stages have none. */
  reportedUndefined: Set<string> | null;
}

/**
 * Expands one word in the current stage's environment and reports what it
 * could not find, once per variable and instruction.
 */
function expandInStage(scope: ExpandScope, word: string, instruction: Instruction): string {
  // Most words have nothing to expand, unquote or unescape: no result object for them.
  if (!mayExpand(word, scope.escape)) return word;
  const state = scope.state;
  const result = expandExpandable(word, state.env, scope.escape);
  // Checked first: iterating even an empty Set allocates an iterator, once per word.
  if (result.unmatched.size === 0) return result.value;
  for (const name of result.unmatched) {
    const key = `${instruction.span.start}:${name}`;
    if (state.declared.has(name) || scope.reportedUndefined?.has(key)) continue;
    (scope.reportedUndefined ??= new Set()).add(key);
    const suggestion = suggest(name, state.env.keys(), true);
    scope.out.push(finding('UndefinedVar', { instruction }, [name, suggestion], renameVariableFix(scope.analysis, instruction, name, suggestion)));
  }
  return result.value;
}

function dispatchChecks(analysis: Analysis, globals: ReadonlyMap<string, string>, out: Finding[]): void {
  const escape = analysis.file.escape;
  const states: StageState[] = [];

  // One scope for the whole pass, re-pointed at each stage, and no closure
  // over it: a closure costs an allocation per stage, and under tsx (whose
  // keepNames names every closure) a defineProperty call of 0.3 µs.
  const scope: ExpandScope = { analysis, escape, out, state: null!, reportedUndefined: null };

  for (let index = 0; index < analysis.stageDetails.length; index++) {
    const stage = analysis.stageDetails[index];
    const parent = stage.baseStage !== null && stage.baseStage < index ? states[stage.baseStage] : undefined;
    const state: StageState = parent
      ? { env: new Layered(parent.env), declared: new Layered(parent.declared), shell: parent.shell, workdirSet: parent.workdirSet }
      : { env: new Layered(imageStartEnv(stage.resolvedBase)), declared: new Layered<true>(null), shell: false, workdirSet: false };
    states[index] = state;
    scope.state = state;
    scope.reportedUndefined = null;

    const lastOf: Record<string, Instruction | undefined> = {};
    // Indexed loops and no per-argument objects: this visits every instruction of
    // every stage, and for-of over the parser's shared frozen empty arrays allocates.
    for (let n = 0; n < stage.instructions.length; n++) {
      const instruction = stage.instructions[n];
      const args = instruction.args;
      switch (instruction.cmd) {
        case 'arg':
          for (let a = 0; a < args.length; a++) {
            const arg = args[a];
            const eq = arg.value.indexOf('=');
            const key = eq < 0 ? arg.value : arg.value.slice(0, eq);
            const value = eq < 0 ? null : arg.value.slice(eq + 1);
            if (isSecretName(key)) out.push(finding('SecretsUsedInArgOrEnv', { instruction, span: arg.span ?? undefined }, ['ARG', key]));
            let resolved: string | undefined;
            if (value !== null) resolved = expandInStage(scope, value, instruction);
            else resolved = globals.get(key);
            if (resolved !== undefined) state.env.set(key, resolved);
            state.declared.set(key, true);
          }
          break;
        case 'env':
        case 'label': {
          const keyword = instruction.keyword;
          let legacyReported = false;
          // (key, value, separator) triples; separator "" is the legacy form.
          for (let a = 0; a + 1 < args.length; a += 3) {
            const key = args[a];
            const value = args[a + 1];
            const legacy = (args[a + 2]?.value ?? '') === '';
            const expandedKey = expandInStage(scope, key.value, instruction);
            const expandedValue = expandInStage(scope, value.value, instruction);
            if (legacy && !legacyReported) {
              legacyReported = true;
              out.push(finding('LegacyKeyValueFormat', { instruction }, [keyword], legacyFix(analysis, instruction, key)));
            }
            if (instruction.cmd === 'env') {
              if (isSecretName(key.value)) out.push(finding('SecretsUsedInArgOrEnv', { instruction, span: key.span ?? undefined }, ['ENV', key.value]));
              state.env.set(expandedKey, expandedValue);
            }
          }
          break;
        }
        case 'copy':
        case 'add': {
          for (let f = 0; f < instruction.flags.length; f++) {
            const flag = instruction.flags[f];
            if ((flag.name === 'chown' || flag.name === 'chmod') && flag.value !== null) expandInStage(scope, flag.value, instruction);
          }
          for (let a = 0; a < args.length; a++) {
            if (instruction.heredocs.length > 0 && args[a].value.startsWith('<<')) continue;
            expandInStage(scope, args[a].value, instruction);
          }
          // An unquoted heredoc's body is expanded too, with quotes taken literally.
          for (let h = 0; h < instruction.heredocs.length; h++) {
            const heredoc = instruction.heredocs[h];
            if (heredoc.expand && heredoc.content.includes('$')) expandInStage(scope, quotesLiteral(heredoc.content), instruction);
          }
          break;
        }
        case 'workdir': {
          const arg = instruction.args[0];
          if (!arg) break;
          const path = expandInStage(scope, arg.value, instruction);
          if (!state.workdirSet && !path.startsWith('/')) {
            const fixes: QuickFix[] = arg.span && !/^[$"'`]/.test(arg.value)
              ? [{ title: `Use the absolute path /${path.replace(/^\.\//, '')}`, edits: [replace({ start: arg.span.start, end: arg.span.start + (arg.value.startsWith('./') ? 2 : 0) }, '/')] }]
              : [];
            out.push(finding('WorkdirRelativePath', { instruction, span: arg.span ?? undefined }, [path], fixes));
          }
          state.workdirSet = true;
          break;
        }
        case 'user':
        case 'stopsignal':
        case 'volume':
          for (let a = 0; a < args.length; a++) expandInStage(scope, args[a].value, instruction);
          break;
        case 'shell':
          state.shell = true;
          break;
        case 'cmd':
        case 'entrypoint':
        case 'healthcheck': {
          const previous = lastOf[instruction.cmd];
          if (previous) {
            out.push(finding('MultipleInstructionsDisallowed', { instruction: previous }, [instruction.keyword],
              [{ title: `Remove the overridden ${previous.keyword}`, edits: [replace(wholeLinesRange(analysis.file.text, previous.span), '')] }]));
          }
          lastOf[instruction.cmd] = instruction;
          if (instruction.cmd !== 'healthcheck' && !instruction.json && !state.shell) {
            out.push(finding('JSONArgsRecommended', { instruction }, [instruction.keyword], execFormFix(analysis, instruction)));
          }
          break;
        }
        case 'expose':
          exposeChecks(instruction, out);
          break;
      }
    }
  }
}

/**
 * BuildKit expands heredoc bodies with a lexer that does not process quotes;
 * escaping every quote (and leaving existing escapes alone) gets the same
 * reading from the ordinary word expander. The body's escape character is
 * always the backslash.
 */
function quotesLiteral(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\\') {
      out += ch + (body[i + 1] ?? '');
      i++;
    } else out += ch === '"' || ch === "'" ? '\\' + ch : ch;
  }
  return out;
}

function exposeChecks(instruction: Instruction, out: Finding[]): void {
  for (const arg of instruction.args) {
    const port = arg.value;
    const parts = port.split(':');
    const container = parts[parts.length - 1];
    const slash = container.indexOf('/');
    const proto = slash < 0 ? '' : container.slice(slash + 1);
    if (proto !== proto.toLowerCase()) {
      const fixed = port.slice(0, port.length - proto.length) + proto.toLowerCase();
      out.push(finding('ExposeProtoCasing', { instruction, span: arg.span ?? undefined }, [port],
        arg.span ? [{ title: `Write ${fixed}`, edits: [replace(arg.span, fixed)] }] : []));
    }
    if (parts.length > 1) {
      out.push(finding('ExposeInvalidFormat', { instruction, span: arg.span ?? undefined }, [port],
        arg.span ? [{ title: `Expose only the container port ${container}`, edits: [replace(arg.span, container)] }] : []));
    }
  }
}

function legacyFix(analysis: Analysis, instruction: Instruction, key: Arg): QuickFix[] {
  if (!key.span || instruction.startLine !== instruction.endLine) return [];
  const text = analysis.file.text;
  const valueStart = skipSpaces(text, key.span.end);
  const value = text.slice(valueStart, instruction.span.end).replace(/\s+$/, '');
  if (value === '' || /["'\\`]/.test(value)) return [];
  const written = /\s/.test(value) ? `"${value}"` : value;
  return [{ title: `Write ${instruction.keyword} ${key.value}=${written}`, edits: [replace({ start: key.span.end, end: valueStart + value.length }, `=${written}`)] }];
}

/**
 * Every BuildKit check this module implements, over all stages. Experimental
 * rules are only computed when `experimental` says they may be enabled.
 */
export function buildkitChecks(analysis: Analysis, experimental = true): Finding[] {
  const out: Finding[] = [];
  casingChecks(analysis, out);
  if (experimental) descriptionChecks(analysis, out);
  maintainerChecks(analysis, out);
  // analyze() evaluated the global ARGs with their defaults only, as BuildKit's checks do.
  const globals = analysis.globalArgs;
  fromChecks(analysis, globals, out);
  dispatchChecks(analysis, globals, out);
  return out;
}
