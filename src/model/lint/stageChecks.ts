// Stagewright's own multi-stage checks: the mistakes people make when they
// learn multi-stage builds, each reported with a plain explanation of what
// will really happen.

import { indentationAt, lineEnding } from '../edits/text';
import { imageKind, mayLackShell, stageLabel } from '../explain';
import { lineAt } from '../syntax/lines';
import { builtStages, defaultTarget } from '../targets';
import type { Analysis, Instruction, QuickFix, Span } from '../types';
import { execFormFix } from './execForm';
import { finding, type Finding } from './finding';
import { isPinned, parseImageReference } from './imageReference';

const searchPath = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

function unusedStages(analysis: Analysis, out: Finding[]): void {
  if (analysis.stages.length < 2) return;
  const target = defaultTarget(analysis);
  const built = builtStages(analysis, target, 'buildkit');
  built.forEach((isBuilt, index) => {
    if (isBuilt) return;
    const from = analysis.stageDetails[index].fromInstruction;
    out.push(finding('UnusedStage', { instruction: from, span: from.keywordSpan },
      [stageLabel(analysis, index), stageLabel(analysis, target)]));
  });
}

// --- stages without a shell: scratch and distroless -----------------------------

function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}

/** A path that names the root of a filesystem: "/", ".", "./", "/.", "..", ... */
function isRoot(path: string): boolean {
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c !== 0x2e && c !== 0x2f) return false;
  }
  return true;
}

function resolvePath(workdir: string, path: string): string {
  return normalizePath(path.startsWith('/') ? path : `${workdir}/${path}`);
}

/** A stage that starts without a shell (scratch, distroless), and what is known to exist in it: what was copied in. */
class ShellLessStage {
  /** scratch: empty; distroless: a runtime but no shell (its other files are unknown). */
  kind: 'scratch' | 'distroless' = 'scratch';
  /** The distroless image, for messages. */
  image = '';
  copied: string[] = [];
  workdir = '/';
  shell: string[] = ['/bin/sh', '-c'];
  hasEntrypoint = false;

  clone(): ShellLessStage {
    const copy = new ShellLessStage();
    copy.kind = this.kind;
    copy.image = this.image;
    copy.copied = [...this.copied];
    copy.workdir = this.workdir;
    copy.shell = [...this.shell];
    copy.hasEntrypoint = this.hasEntrypoint;
    return copy;
  }

  provides(path: string): boolean {
    return this.copied.some((dest) => dest === '/' || path === dest || path.startsWith(dest + '/'));
  }

  /** Whether a program named as CMD/RUN would find it: absolute, relative to WORKDIR, or on PATH. */
  providesProgram(program: string): boolean {
    if (program.includes('/')) return this.provides(resolvePath(this.workdir, program));
    return searchPath.some((dir) => this.provides(`${dir}/${program}`));
  }
}

/** A tracker for stages that start without a shell: scratch, or a distroless image other than :debug. */
function shellLessStart(image: string): ShellLessStage | null {
  if (!mayLackShell(image)) return null;
  const kind = imageKind(image);
  if (kind === 'scratch') return new ShellLessStage();
  if (kind !== 'distroless' || /:[^/]*debug/.test(image)) return null;
  const fs = new ShellLessStage();
  fs.kind = 'distroless';
  fs.image = image;
  return fs;
}

function execProgram(instruction: Instruction): string | null {
  const first = instruction.args[0]?.value;
  return first === undefined || first === '' || first.includes('$') ? null : first;
}

function scratchChecks(analysis: Analysis, out: Finding[]): void {
  const filesystems: (ShellLessStage | null)[] = [];
  analysis.stageDetails.forEach((stage, index) => {
    const parentIndex = stage.baseStage;
    let fs: ShellLessStage | null;
    if (parentIndex !== null && parentIndex < index) fs = filesystems[parentIndex]?.clone() ?? null;
    else fs = parentIndex === null ? shellLessStart(stage.resolvedBase) : null;
    filesystems[index] = fs;
    if (!fs) return;

    const entrypointLater = stage.instructions.some((i) => i.cmd === 'entrypoint');
    for (const instruction of stage.instructions) {
      switch (instruction.cmd) {
        case 'workdir':
          if (instruction.args[0] && !instruction.args[0].value.includes('$')) {
            fs.workdir = resolvePath(fs.workdir, instruction.args[0].value);
          }
          break;
        case 'copy':
        case 'add': {
          const dest = instruction.args[instruction.args.length - 1]?.value;
          if (dest !== undefined && !dest.includes('$')) fs.copied.push(resolvePath(fs.workdir, dest));
          break;
        }
        case 'shell':
          fs.shell = instruction.args.map((a) => a.value);
          break;
        case 'user': {
          // A name needs /etc/passwd (and a group name /etc/group); numeric ids need nothing.
          const user = instruction.args[0]?.value ?? '';
          const [name, group = ''] = user.split(':');
          const needs = [/^\d+$/.test(name) ? null : '/etc/passwd', group === '' || /^\d+$/.test(group) ? null : '/etc/group'];
          const missing = needs.some((file) => file !== null && !fs.provides(file));
          if (fs.kind === 'scratch' && user !== '' && !user.includes('$') && missing) {
            out.push(finding('ScratchUserName', { instruction, span: instruction.args[0].span ?? undefined }, [user]));
          }
          break;
        }
        case 'run':
        case 'cmd':
        case 'entrypoint': {
          if (instruction.cmd === 'entrypoint') fs.hasEntrypoint = true;
          const keyword = instruction.keyword.toUpperCase();
          const failsBuild = instruction.cmd === 'run';
          if (!instruction.json) {
            const shell = fs.shell[0] ?? '/bin/sh';
            if (!fs.providesProgram(shell)) {
              const what = failsBuild ? 'RUN' : `The shell form of ${keyword}`;
              const at = { instruction, span: instruction.keywordSpan };
              const fixes = failsBuild ? [] : execFormFix(analysis, instruction, (json) => `Use the exec form ${json} (no shell needed)`);
              const severity = failsBuild ? 'error' : 'warning';
              if (fs.kind === 'scratch') out.push(finding('ScratchNoShell', at, [what], fixes, severity));
              else out.push(finding('DistrolessNoShell', at, [what, fs.image], fixes, severity));
            }
            break;
          }
          // A distroless image has its runtime (java, python, node...), which we cannot list.
          if (fs.kind === 'distroless') break;
          // With an ENTRYPOINT, CMD only supplies its arguments.
          if (instruction.cmd === 'cmd' && (entrypointLater || fs.hasEntrypoint)) break;
          const program = execProgram(instruction);
          if (program !== null && !fs.providesProgram(program)) {
            const span = instruction.args[0].span ?? instruction.span;
            out.push(finding('ScratchMissingProgram', { instruction, span }, [keyword, program], [],
              failsBuild ? 'error' : 'warning'));
          }
          break;
        }
      }
    }
  });
}

// --- text after an instruction that looks like a comment ----------------------

/** Instructions whose shell form hands the text to /bin/sh, where `#` does start a comment. */
const shellForm = new Set(['run', 'cmd', 'entrypoint', 'healthcheck']);

/** Finds a `#` that starts a word outside quotes, before any heredoc body. */
function inlineHash(text: string, from: number, to: number, escape: string): number {
  let quote: string | null = null;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch === '\n') {
      quote = null;
      continue;
    }
    if (quote) {
      if (ch === escape && quote === '"') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === escape) {
      i++;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && (text[i - 1] === ' ' || text[i - 1] === '\t')) {
      // A line of its own inside a continuation is a real comment (BuildKit drops it).
      const lineStart = text.lastIndexOf('\n', i) + 1;
      if (lineStart > from && text.slice(lineStart, i).trim() === '') {
        const next = text.indexOf('\n', i);
        if (next < 0 || next >= to) return -1;
        i = next - 1;
        continue;
      }
      return i;
    }
  }
  return -1;
}

function inlineComments(analysis: Analysis, out: Finding[]): void {
  const { text, escape, lineStarts } = analysis.file;
  const instructions = analysis.file.instructions;
  // The next '#' in the text, found once for all the instructions before it.
  let nextHash = -1;
  for (let k = 0; k < instructions.length; k++) {
    if (nextHash === Infinity) break;
    // An instruction followed by another that starts at or before the next '#'
    // cannot hold it (its text, heredocs included, ends before the next one
    // starts): skip such runs with a galloping search on start offsets instead
    // of reading every instruction of a large file.
    if (nextHash >= 0 && k + 1 < instructions.length && instructions[k + 1].span.start <= nextHash) {
      let lo = k + 1;
      let step = 1;
      while (lo + step < instructions.length && instructions[lo + step].span.start <= nextHash) {
        lo += step;
        step *= 2;
      }
      let hi = Math.min(lo + step, instructions.length) - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (instructions[mid].span.start <= nextHash) lo = mid;
        else hi = mid - 1;
      }
      k = lo;
    }
    const instruction = instructions[k];
    const inner = instruction.inner ?? instruction;
    const argsStart = inner.keywordSpan.end;
    const heredocs = instruction.heredocs;
    let bodyStart = heredocs.length > 0 ? heredocs[0].span.start : instruction.span.end;
    for (let h = 1; h < heredocs.length; h++) bodyStart = Math.min(bodyStart, heredocs[h].span.start);
    if (nextHash !== Infinity && nextHash < argsStart) {
      nextHash = text.indexOf('#', argsStart);
      if (nextHash < 0) nextHash = Infinity;
    }
    if (nextHash >= bodyStart) continue;
    const hash = inlineHash(text, argsStart, bodyStart, escape);
    if (hash < 0) continue;
    const before = text.slice(argsStart, hash).trim();
    // In a shell-form command the shell reads `#` as a comment, as intended;
    // only a would-be exec form ("[...] # note") is broken by it.
    if (shellForm.has(inner.cmd) && !before.startsWith('[')) continue;
    let end = text.indexOf('\n', hash);
    if (end < 0 || end > instruction.span.end) end = Math.min(instruction.span.end, end < 0 ? text.length : end);
    if (text[end - 1] === '\r') end--;
    let commentEnd = end;
    while (commentEnd > hash && /\s/.test(text[commentEnd - 1])) commentEnd--;
    if (text[commentEnd - 1] === escape) continue; // a continued line: too ambiguous to move
    const comment = text.slice(hash, commentEnd);
    let cutStart = hash;
    while (cutStart > argsStart && (text[cutStart - 1] === ' ' || text[cutStart - 1] === '\t')) cutStart--;
    const line = lineAt(analysis.file, hash);
    const indent = indentationAt(text, hash);
    const removal: Span = { start: cutStart, end: commentEnd };
    const fixes: QuickFix[] = [
      { title: 'Move the comment to its own line above', edits: [
        { start: lineStarts[instruction.startLine - 1], end: lineStarts[instruction.startLine - 1], text: `${indent}${comment}${lineEnding(text)}` },
        { ...removal, text: '' },
      ] },
      { title: 'Remove the comment', edits: [{ ...removal, text: '' }] },
    ];
    const severity = inner.cmd === 'from' ? 'error' : 'warning';
    out.push(finding('InlineComment', { instruction, line, span: { start: hash, end: commentEnd } },
      [inner.keyword.toUpperCase(), comment], fixes, severity));
  }
}

// --- COPY --from -------------------------------------------------------------------

function copyFromChecks(analysis: Analysis, out: Finding[]): void {
  analysis.edges.forEach((edge, index) => {
    const detail = analysis.edgeDetails[index];
    if (edge.kind === 'from') return;
    if (typeof edge.from === 'string' && !edge.from.includes('$')) {
      const reference = parseImageReference(edge.from);
      if (reference && !isPinned(reference)) {
        out.push(finding('UnpinnedExternalImage', { instruction: detail.instruction, line: edge.line, span: detail.valueSpan }, [edge.from]));
      }
    }
    if (edge.kind === 'copy') {
      // Every path but the last (the destination); looked at in place, as almost no COPY takes a root.
      const last = detail.paths.length - 1;
      let takesRoot = false;
      for (let p = 0; p < last && !takesRoot; p++) takesRoot = isRoot(detail.paths[p]);
      if (!takesRoot) return;
      const sources = detail.paths.slice(0, last);
      // `COPY --from=x /app . # note` makes "." a source by accident: InlineComment explains that one.
      const accidental = sources.some((source) => source.startsWith('#'));
      // `FROM scratch` + `COPY --from=x / /` is the squash idiom: the whole image on purpose, in one layer.
      const squash = isRoot(detail.paths[detail.paths.length - 1] ?? '') && rootIsScratch(analysis, edge.to);
      if (!accidental && !squash && holdsOperatingSystem(analysis, edge.from)) {
        const label = typeof edge.from === 'number' ? stageLabel(analysis, edge.from) : `the image ${edge.from}`;
        out.push(finding('CopyWholeFilesystem', { instruction: detail.instruction, line: edge.line }, [label]));
      }
    }
  });
}

/**
 * Whether a stage or image carries a whole Linux userland. Copying the root of
 * an export stage built FROM scratch, or of a tool image, is a normal pattern;
 * copying the root of a distribution-based stage drags the OS along.
 */
function holdsOperatingSystem(analysis: Analysis, source: number | string): boolean {
  const image = typeof source === 'string' ? source : rootImage(analysis, source);
  if (image === null) return false;
  const kind = imageKind(image);
  return kind === 'distribution' || kind === 'alpine' || kind === 'slim';
}

/** The external image at the bottom of a stage's FROM chain. */
function rootImage(analysis: Analysis, index: number): string | null {
  let root = index;
  const seen = new Set<number>();
  while (analysis.stageDetails[root]?.baseStage != null && !seen.has(root)) {
    seen.add(root);
    root = analysis.stageDetails[root].baseStage!;
  }
  return analysis.stageDetails[root]?.resolvedBase ?? null;
}

function rootIsScratch(analysis: Analysis, index: number): boolean {
  return rootImage(analysis, index)?.toLowerCase() === 'scratch';
}

/** All of Stagewright's own checks. */
export function stageChecks(analysis: Analysis): Finding[] {
  const out: Finding[] = [];
  unusedStages(analysis, out);
  scratchChecks(analysis, out);
  inlineComments(analysis, out);
  copyFromChecks(analysis, out);
  return out;
}
