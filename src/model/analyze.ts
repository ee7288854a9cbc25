// The stage graph of a Dockerfile, derived the way BuildKit derives it
// (frontend/dockerfile/dockerfile2llb: buildDispatchStates, toCommand,
// detectRunMount, validateCircularDependency), from our lossless syntax tree.
//
// The passes, in order:
//   1. split the instructions into global ARGs and stages;
//   2. global ARGs: BuildKit's automatic platform ARGs for linux/amd64, then
//      each global ARG default expanded in order;
//   3. per stage: FROM validation, base and platform expansion, the FROM edge
//      to an earlier stage, stage-name checks;
//   4. per instruction: COPY --from and RUN --mount from= edges;
//   5. cycles, then COPY/mount references to later stages (BuildKit builds in
//      file order, so those fail even without a cycle);
//   6. the build checks of src/model/lint (runChecks), which also apply the
//      `# check=` directive to the BuildKit-named diagnostics above;
//   7. diagnostics sorted by line.

import { expandExpandable, expandWord, mayExpand, unchanged, type ExpandResult } from './expand.ts';
import { edgesOnCycles } from './graph/cycles.ts';
import { graphMessages as M, type GraphMessage } from './graph/messages.ts';
import { parseMountFrom } from './graph/mounts.ts';
import { RESERVED_STAGE_NAMES, STAGE_INDEX, isValidStageName } from './graph/stageNames.ts';
import { suggest } from './graph/suggest.ts';
import { runChecks } from './lint/index.ts';
import { isAs } from './syntax/checks.ts';
import { isKnownKeyword } from './syntax/instruction.ts';
import { parseDockerfile } from './syntax/parse.ts';
import type {
  Analysis,
  Diagnostic,
  DiagnosticDetail,
  DockerfileSyntax,
  EdgeDetail,
  Flag,
  Instruction,
  QuickFix,
  Span,
  StageEdge,
  TextEdit,
} from './types.ts';

/** The platform analyze() builds for, like a plain `docker build` on linux/amd64. */
export const PLATFORM_ARGS: readonly [string, string][] = [
  ['BUILDPLATFORM', 'linux/amd64'],
  ['BUILDOS', 'linux'],
  ['BUILDOSVERSION', ''],
  ['BUILDARCH', 'amd64'],
  ['BUILDVARIANT', ''],
  ['TARGETPLATFORM', 'linux/amd64'],
  ['TARGETOS', 'linux'],
  ['TARGETOSVERSION', ''],
  ['TARGETARCH', 'amd64'],
  ['TARGETVARIANT', ''],
];

const NO_ENV: ReadonlyMap<string, string> = new Map();

/** Analyse a Dockerfile. Never throws: an unexpected failure becomes an InternalError diagnostic. */
export function analyze(text: string): Analysis {
  let file: DockerfileSyntax;
  try {
    file = parseDockerfile(text);
  } catch (e) {
    return failed(emptySyntax(text), e);
  }
  try {
    return analyzeSyntax(file);
  } catch (e) {
    return failed(file, e);
  }
}

export interface AnalyzeOptions {
  /** Run the build checks of src/model/lint (default true); the benchmark times the graph alone with false. */
  checks?: boolean;
}

/** The graph of an already parsed file. */
export function analyzeSyntax(file: DockerfileSyntax, options: AnalyzeOptions = {}): Analysis {
  const analysis: Analysis = {
    stages: [],
    edges: [],
    diagnostics: [],
    stageDetails: [],
    edgeDetails: [],
    diagnosticDetails: [],
    file,
    globalArgs: new Map(),
  };
  const report = reporter(analysis);

  for (const d of file.diagnostics) {
    analysis.diagnostics.push({ line: d.line, severity: d.severity, code: d.code, message: d.message });
    analysis.diagnosticDetails.push({ span: d.span, fixes: [] });
  }

  const { globalArgInstructions, stageGroups } = splitStages(file, report);
  if (stageGroups.length === 0 && file.instructions.length > 0) {
    report(M.NoStages, 1, { start: 0, end: 0 });
  }

  // Stage names first: COPY --from may name any stage, even a later one.
  const shapes = stageGroups.map((g) => fromShape(g.from));
  const targetStage = shapes.length > 0 ? (shapes[shapes.length - 1].lowerName ?? 'default') : 'default';

  const { env, declared } = globalArgs(globalArgInstructions, targetStage, file.escape, report);
  analysis.globalArgs = env;

  // Lower-cased name -> index of the last stage with that name (BuildKit's lookup table for --from),
  // and for each stage the one before it with the same name (-1 if none): together they say what
  // a name meant at any point of the file, with one table instead of one per question.
  const byName = new Map<string, number>();
  const previousSameName: number[] = [];
  for (let i = 0; i < shapes.length; i++) {
    const lower = shapes[i].lowerName;
    if (lower === null) {
      previousSameName.push(-1);
    } else {
      previousSameName.push(byName.get(lower) ?? -1);
      byName.set(lower, i);
    }
  }

  // Many stages share a base text ("golang:${GO_VERSION}"): each distinct word is expanded once.
  const expansions: Expansions = { done: new Map(), env, escape: file.escape };

  stageGroups.forEach((group, index) => {
    const from = group.from;
    const shape = shapes[index];
    const line = from.startLine;

    for (let f = 0; f < from.flags.length; f++) {
      const flag = from.flags[f];
      if (flag.name !== 'platform') report(M.UnknownFlag, line, flag.span, flag.name);
      else if (flag.value === null) report(M.MissingFlagValue, line, flag.span, flag.name);
    }
    const platformFlag = flagNamed(from, 'platform');

    if (shape.name !== null && shape.lowerName !== null && shape.nameSpan !== null) {
      checkStageName(shape.name, shape.lowerName, shape.nameSpan, line, previousSameName[index] >= 0, report);
    }

    // The base image, expanded with the global ARGs.
    const base = shape.base;
    const baseSpan = shape.baseSpan ?? { start: from.keywordSpan.end, end: from.keywordSpan.end };
    let resolvedBase = base;
    let baseStage: number | null = null;
    if (shape.hasBase) {
      const expanded = expandOnce(expansions, base);
      reportUndeclared(expanded.unmatched, env, declared, line, baseSpan, report, file.text);
      if (expanded.error !== null) {
        report(M.ExpansionError, line, baseSpan, expanded.error);
      } else if (expanded.value !== '') {
        // An empty result needs a --build-arg; the lint checks (InvalidDefaultArgInFrom) say so.
        resolvedBase = expanded.value;
        // BuildKit looks the expanded text up as is: "FROM Builder" does not find "AS builder".
        // FROM only sees earlier stages.
        const found = stageNamedBefore(byName, previousSameName, resolvedBase, index);
        if (found >= 0) baseStage = found;
      }
    }
    if (platformFlag !== null && platformFlag.value !== null) {
      checkPlatform(file.text, platformFlag, expandOnce(expansions, platformFlag.value), env, declared, line, report);
    }

    const lastInstruction = group.instructions.length > 0 ? group.instructions[group.instructions.length - 1] : from;
    analysis.stages.push({
      index,
      name: shape.name,
      base,
      platform: platformFlag ? (platformFlag.value ?? '') : null,
      line,
    });
    analysis.stageDetails.push({
      index,
      key: shape.lowerName ?? `#${index}`,
      resolvedBase,
      baseStage,
      fromInstruction: from,
      instructions: group.instructions,
      span: { start: from.span.start, end: lastInstruction.span.end },
      endLine: lastInstruction.endLine,
      baseSpan,
      nameSpan: shape.nameSpan,
      asSpan: shape.asSpan,
      platformFlag,
    });

    if (baseStage !== null) {
      pushEdge(analysis, { from: baseStage, to: index, kind: 'from', line }, { instruction: from, valueSpan: baseSpan, paths: [] });
    }

    // Indexed loops on the per-instruction path: the parser shares one frozen empty array, and for-of over it allocates.
    for (let k = 0; k < group.instructions.length; k++) {
      addInstructionEdges(analysis, group.instructions[k], index, stageGroups.length, byName, report);
    }
  });

  reportCycles(analysis, report);

  // Build checks (src/model/lint) append their diagnostics here, before sorting.
  if (options.checks !== false) runChecks(analysis);

  sortDiagnostics(analysis);
  return analysis;
}

/** Words expanded with the global ARGs so far, by text. */
interface Expansions {
  done: Map<string, ExpandResult>;
  env: ReadonlyMap<string, string>;
  escape: string;
}

/**
 * `word` expanded with the global ARGs, each distinct text once. A word with
 * nothing to expand skips the table: hashing it costs more than looking at it.
 * (A function of its own, not a closure: under tsx, whose keepNames names
 * every closure, naming one costs 0.3 µs each time it is made.)
 */
function expandOnce(expansions: Expansions, word: string): ExpandResult {
  if (!mayExpand(word, expansions.escape)) return unchanged(word);
  let r = expansions.done.get(word);
  if (r === undefined) {
    r = expandExpandable(word, expansions.env, expansions.escape);
    expansions.done.set(word, r);
  }
  return r;
}

// ---------------------------------------------------------------------------
// Diagnostics

type Report = <A extends unknown[]>(
  message: GraphMessage<A>,
  line: number,
  span: Span,
  ...rest: A | [QuickFix[], ...A]
) => void;

/**
 * A function that adds one diagnostic and its detail. Quick fixes, when there
 * are any, come as an array right before the message arguments.
 */
function reporter(analysis: Analysis): Report {
  return (message, line, span, ...rest) => {
    let fixes: QuickFix[] = [];
    let args = rest as unknown[];
    if (Array.isArray(rest[0])) {
      fixes = rest[0] as QuickFix[];
      args = rest.slice(1);
    }
    const text = (message.format as (...a: unknown[]) => string)(...args);
    analysis.diagnostics.push({ line, severity: message.severity, code: message.code, message: text });
    analysis.diagnosticDetails.push({ span, fixes });
  };
}

/** Stable sort of diagnostics by line, keeping the detail array parallel. */
function sortDiagnostics(analysis: Analysis): void {
  const order = analysis.diagnostics.map((_, i) => i);
  order.sort((a, b) => analysis.diagnostics[a].line - analysis.diagnostics[b].line || a - b);
  const diagnostics: Diagnostic[] = order.map((i) => analysis.diagnostics[i]);
  const details: DiagnosticDetail[] = order.map((i) => analysis.diagnosticDetails[i]);
  analysis.diagnostics = diagnostics;
  analysis.diagnosticDetails = details;
}

function reportUndeclared(
  unmatched: ReadonlySet<string>,
  env: ReadonlyMap<string, string>,
  declared: ReadonlySet<string>,
  line: number,
  span: Span,
  report: Report,
  text: string,
): void {
  if (unmatched.size === 0) return;
  const known = new Set<string>([...declared, ...env.keys()]);
  for (const name of unmatched) {
    if (known.has(name)) continue;
    const suggestion = suggest(name, known);
    const fixes: QuickFix[] = [];
    if (suggestion !== '') {
      // Every $NAME / ${NAME...} spelling of the variable inside the word.
      const edits: TextEdit[] = [];
      const word = text.slice(span.start, span.end);
      const pattern = new RegExp(`\\$\\{?(${name.replace(/[^\w]/g, '\\$&')})(?![\\w])`, 'g');
      for (const m of word.matchAll(pattern)) {
        const at = span.start + (m.index ?? 0) + m[0].length - name.length;
        edits.push({ start: at, end: at + name.length, text: suggestion });
      }
      if (edits.length > 0) fixes.push({ title: `Use ${suggestion}`, edits });
    }
    report(M.UndefinedArgInFrom, line, span, fixes, name, suggestion);
  }
}

/** BuildKit's name for a stage in messages: its lower-cased name, else "stage-N". */
function stageLabel(analysis: Analysis, index: number): string {
  const name = analysis.stages[index].name;
  return name !== null ? name.toLowerCase() : `stage-${index}`;
}

/** The last stage before `index` whose lower-cased name is `name`, or -1. */
function stageNamedBefore(byName: ReadonlyMap<string, number>, previousSameName: readonly number[], name: string, index: number): number {
  let stage = byName.get(name) ?? -1;
  while (stage >= index) stage = previousSameName[stage];
  return stage;
}

/** BuildKit's stage-name rules: valid name (checked lower-cased), lowercase, not reserved, unique. */
function checkStageName(name: string, lower: string, span: Span, line: number, duplicate: boolean, report: Report): void {
  if (!isValidStageName(lower)) {
    report(M.InvalidStageName, line, span, name);
  } else {
    if (lower !== name) {
      const fix: QuickFix = { title: `Rename to '${lower}'`, edits: [{ start: span.start, end: span.end, text: lower }] };
      report(M.StageNameCasing, line, span, [fix], name);
    }
    if (RESERVED_STAGE_NAMES.has(lower)) report(M.ReservedStageName, line, span, lower);
    if (duplicate) report(M.DuplicateStageName, line, span, lower);
  }
}

/** A --platform value must expand without error and to something non-empty. */
function checkPlatform(
  text: string,
  flag: Flag,
  expanded: ExpandResult,
  env: ReadonlyMap<string, string>,
  declared: ReadonlySet<string>,
  line: number,
  report: Report,
): void {
  const span = flag.valueSpan ?? flag.span;
  reportUndeclared(expanded.unmatched, env, declared, line, span, report, text);
  if (expanded.error !== null) {
    report(M.ExpansionError, line, span, expanded.error);
  } else if (expanded.value === '') {
    const hint = [...expanded.unmatched].map((u) => suggest(u, env.keys())).find((s) => s !== '') ?? '';
    report(M.EmptyPlatform, line, span, flag.value ?? '', hint);
  }
}

/**
 * Cycles first (BuildKit checks them before building anything), then
 * references to later stages: BuildKit builds stages in file order, so a
 * COPY --from or mount of a stage further down fails even without a cycle.
 */
function reportCycles(analysis: Analysis, report: Report): void {
  const onCycle = new Set<number>();
  for (const i of edgesOnCycles(analysis.stages.length, analysis.edges)) {
    onCycle.add(i);
    const edge = analysis.edges[i];
    report(M.CircularDependency, edge.line, analysis.edgeDetails[i].valueSpan, stageLabel(analysis, edge.to));
  }
  analysis.edges.forEach((edge, i) => {
    if (typeof edge.from !== 'number' || edge.from <= edge.to || onCycle.has(i)) return;
    const detail = analysis.edgeDetails[i];
    const written = analysis.file.text.slice(detail.valueSpan.start, detail.valueSpan.end);
    if (edge.kind === 'copy') {
      const numeric = STAGE_INDEX.test(written);
      report(numeric ? M.CopyFromLaterIndex : M.CopyFromLaterStage, edge.line, detail.valueSpan, written, stageLabel(analysis, edge.to));
    } else if (edge.kind === 'mount') {
      report(M.MountFromLaterStage, edge.line, detail.valueSpan, written, mountTargets.get(detail) ?? '');
    }
  });
}

/** Mount targets by edge, for the "cannot mount from stage" message. */
const mountTargets = new WeakMap<EdgeDetail, string>();

function failed(file: DockerfileSyntax, error: unknown): Analysis {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    stages: [],
    edges: [],
    diagnostics: [{ line: 1, severity: 'error', code: M.InternalError.code, message: M.InternalError.format(detail) }],
    stageDetails: [],
    edgeDetails: [],
    diagnosticDetails: [{ span: { start: 0, end: 0 }, fixes: [] }],
    file,
    globalArgs: new Map(),
  };
}

function emptySyntax(text: string): DockerfileSyntax {
  return { text, hasBom: false, escape: '\\', directives: [], instructions: [], nodes: [], commentLines: [], diagnostics: [], lineStarts: Int32Array.of(0) };
}

// ---------------------------------------------------------------------------
// Stages and global ARGs

interface StageGroup {
  from: Instruction;
  instructions: Instruction[];
}

function splitStages(file: DockerfileSyntax, report: Report) {
  const globalArgInstructions: Instruction[] = [];
  const stageGroups: StageGroup[] = [];
  const all = file.instructions;
  // Each stage's instructions are one slice of the file's (exactly sized, not grown push by push),
  // taken when the next FROM (or the end) closes the stage.
  let stageStart = -1;
  for (let k = 0; k < all.length; k++) {
    const instruction = all[k];
    if (instruction.cmd === 'from') {
      if (stageStart >= 0) stageGroups[stageGroups.length - 1].instructions = all.slice(stageStart + 1, k);
      stageGroups.push({ from: instruction, instructions: [] });
      stageStart = k;
    } else if (stageStart >= 0) {
      continue;
    } else if (instruction.cmd === 'arg') {
      globalArgInstructions.push(instruction);
    } else if (isKnownKeyword(instruction.cmd)) {
      // Unknown keywords are the parser's to report.
      report(M.InstructionBeforeFrom, instruction.startLine, instruction.keywordSpan, instruction.keyword);
    }
  }
  if (stageStart >= 0) stageGroups[stageGroups.length - 1].instructions = all.slice(stageStart + 1);
  return { globalArgInstructions, stageGroups };
}

/**
 * BuildKit's automatic platform ARGs, TARGETSTAGE, then every global ARG with
 * a default, expanded in order. `declared` holds every global ARG name, with
 * or without a default: a declared ARG is never "undefined" in FROM.
 */
function globalArgs(instructions: Instruction[], targetStage: string, escape: string, report: Report) {
  const env = new Map<string, string>(PLATFORM_ARGS);
  env.set('TARGETSTAGE', targetStage);
  const declared = new Set<string>();
  for (const instruction of instructions) {
    for (const arg of instruction.args) {
      const eq = arg.value.indexOf('=');
      const key = eq < 0 ? arg.value : arg.value.slice(0, eq);
      if (key === '') continue;
      declared.add(key);
      if (eq < 0) continue;
      const expanded = expandWord(arg.value.slice(eq + 1), env, escape);
      if (expanded.error !== null) {
        report(M.ExpansionError, instruction.startLine, arg.span ?? instruction.span, expanded.error);
        continue;
      }
      // Re-inserting moves the key to the end, like BuildKit's EnvList.AddOrReplace keeps the latest value.
      env.set(key, expanded.value);
    }
  }
  return { env, declared };
}

interface FromShape {
  base: string;
  hasBase: boolean;
  baseSpan: Span | null;
  name: string | null;
  /** The name lower-cased (how BuildKit looks stages up), computed once. */
  lowerName: string | null;
  nameSpan: Span | null;
  asSpan: Span | null;
}

/**
 * What a FROM says, even when BuildKit would reject it: `FROM img AS name
 * # comment` still shows as stage `name` on `img`, beside the parser's
 * "FROM requires either one or three arguments".
 */
function fromShape(from: Instruction): FromShape {
  const args = from.args;
  const hasAs = args.length >= 3 && isAs(args[1].value);
  const name = hasAs ? args[2].value : null;
  return {
    base: args.length > 0 ? args[0].value : '',
    hasBase: args.length > 0,
    baseSpan: args.length > 0 ? args[0].span : null,
    name,
    lowerName: name !== null ? name.toLowerCase() : null,
    nameSpan: hasAs ? args[2].span : null,
    asSpan: hasAs ? args[1].span : null,
  };
}

// ---------------------------------------------------------------------------
// Edges created inside a stage

/** The first flag called `name` (BuildKit's flag names are case-sensitive). A loop: this runs for every instruction. */
function flagNamed(instruction: Instruction, name: string): Flag | null {
  const flags = instruction.flags;
  for (let i = 0; i < flags.length; i++) if (flags[i].name === name) return flags[i];
  return null;
}

function pushEdge(analysis: Analysis, edge: StageEdge, detail: EdgeDetail): void {
  analysis.edges.push(edge);
  analysis.edgeDetails.push(detail);
}

function addInstructionEdges(
  analysis: Analysis,
  instruction: Instruction,
  to: number,
  stageCount: number,
  byName: ReadonlyMap<string, number>,
  report: Report,
): void {
  const line = instruction.startLine;
  if (instruction.cmd === 'copy') {
    const flag = flagNamed(instruction, 'from');
    if (flag === null || flag.value === null || flag.value === '') return;
    const value = flag.value;
    const valueSpan = flag.valueSpan ?? flag.span;
    if (mayExpand(value, '\\') && expandExpandable(value, NO_ENV).value !== value) {
      report(M.FromVariable, line, valueSpan);
      return;
    }
    const args = instruction.args;
    const paths: string[] = new Array(args.length);
    for (let a = 0; a < args.length; a++) paths[a] = args[a].value;
    if (STAGE_INDEX.test(value) && Number.isSafeInteger(Number(value))) {
      const index = Number(value);
      if (index < 0 || index >= stageCount) {
        report(M.InvalidStageIndex, line, valueSpan, String(index));
        return;
      }
      pushEdge(analysis, { from: index, to, kind: 'copy', line }, { instruction, valueSpan, paths });
      return;
    }
    const found = byName.get(value.toLowerCase());
    pushEdge(analysis, { from: found ?? value, to, kind: 'copy', line }, { instruction, valueSpan, paths });
    return;
  }
  if (instruction.cmd === 'run') {
    for (let f = 0; f < instruction.flags.length; f++) {
      const flag = instruction.flags[f];
      if (flag.name !== 'mount' || flag.value === null) continue;
      const parsed = parseMountFrom(flag.value);
      if (!parsed.ok) {
        report(M.MountParse, line, flag.valueSpan ?? flag.span, parsed.error);
        continue;
      }
      const { value, start, end, target } = parsed.mount;
      if (value === null || value === '') continue;
      const found = byName.get(value.toLowerCase());
      const valueSpan = mountValueSpan(analysis.file.text, flag, value, start, end);
      const detail: EdgeDetail = { instruction, valueSpan, paths: [] };
      if (found !== undefined && found > to) mountTargets.set(detail, target);
      pushEdge(analysis, { from: found ?? value, to, kind: 'mount', line }, detail);
    }
  }
}

/**
 * Where a mount's from= value sits in the source. When the flag is written
 * plainly (no quotes, escapes or continuations) that is an exact slice;
 * otherwise the first literal `from=<value>` in the flag, else the flag value.
 */
function mountValueSpan(text: string, flag: Flag, value: string, start: number | null, end: number | null): Span {
  const valueSpan = flag.valueSpan ?? flag.span;
  const plain = flag.value !== null && valueSpan.end - valueSpan.start === flag.value.length && text.startsWith(flag.value, valueSpan.start);
  if (start !== null && end !== null && plain) {
    return { start: valueSpan.start + start, end: valueSpan.start + end };
  }
  const raw = text.slice(flag.span.start, flag.span.end);
  const m = new RegExp(`from=${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[,"'\\s]|$)`, 'i').exec(raw);
  if (m) return { start: flag.span.start + m.index + 5, end: flag.span.start + m.index + m[0].length };
  return valueSpan;
}
