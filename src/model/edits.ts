// Canvas gestures as text edits. Each gesture is a pure function of the
// current text and its analysis that returns a minimal list of edits (or the
// reason it cannot be done); the store applies them to the editor, the text is
// re-analysed and the canvas redrawn from it. Nothing outside the returned
// ranges changes, so comments, blank lines, casing and continuation style
// survive every gesture.
//
// `applyChange` runs any gesture from a typed `StageChange`, so buttons, keys
// and menus can share one entry point (and tests can run any gesture by name).

import {
  applyEdits,
  breakLength,
  hasWhitespace,
  indentationAt,
  keywordCase,
  lineEnding,
  lineEndOf,
  lineStartOf,
  normalizeEdits,
  wholeLinesRange,
} from './edits/text.ts';
import { RESERVED_STAGE_NAMES, STAGE_INDEX, isValidStageName } from './graph/stageNames.ts';
import type { Analysis, EdgeKind, Flag, Instruction, Span, TextEdit } from './types.ts';

export { applyEdits };

export type EditResult = { ok: true; edits: TextEdit[] } | { ok: false; reason: string };

/** What happened to one reference to a deleted stage. */
export interface StageReference {
  /** Index of the edge in the analysis the deletion was computed from. */
  edge: number;
  kind: EdgeKind;
  /** Index (before the deletion) of the stage holding the reference. */
  stage: number;
  line: number;
  /** removed: the COPY or --mount went with the stage; rebased: the FROM now names `base`. */
  action: 'removed' | 'rebased';
  base?: string;
}

export type DeleteResult = { ok: true; edits: TextEdit[]; references: StageReference[] } | { ok: false; reason: string };

export type StageChange =
  | { op: 'addStage'; base: string; name?: string; platform?: string; after?: number }
  | { op: 'renameStage'; index: number; name: string }
  | { op: 'connectStages'; source: number; target: number; src: string; dest: string }
  | { op: 'removeConnection'; edge: number; base?: string }
  | { op: 'deleteStage'; index: number }
  | { op: 'changeBase'; index: number; image: string }
  | { op: 'changePlatform'; index: number; platform: string | null }
  | { op: 'moveStage'; index: number; direction: 'up' | 'down' };

/** Run any gesture; the one place that knows every op. */
export function applyChange(text: string, analysis: Analysis, change: StageChange): EditResult {
  switch (change.op) {
    case 'addStage':
      return addStage(text, analysis, change);
    case 'renameStage':
      return renameStage(text, analysis, change.index, change.name);
    case 'connectStages':
      return connectStages(text, analysis, change.source, change.target, { src: change.src, dest: change.dest });
    case 'removeConnection':
      return removeConnection(text, analysis, change.edge, { base: change.base });
    case 'deleteStage': {
      const r = deleteStage(text, analysis, change.index);
      return r.ok ? { ok: true, edits: r.edits } : r;
    }
    case 'changeBase':
      return changeBase(text, analysis, change.index, change.image);
    case 'changePlatform':
      return changePlatform(text, analysis, change.index, change.platform);
    case 'moveStage':
      return moveStage(text, analysis, change.index, change.direction);
    default: {
      const unknown: never = change;
      return { ok: false, reason: `unknown change ${JSON.stringify(unknown)}` };
    }
  }
}

// ---------------------------------------------------------------------------
// Validation


/**
 * Why `name` cannot name stage `index` (BuildKit's rules, plus lowercase and
 * uniqueness so the result is free of warnings), or null when it can.
 */
export function stageNameProblem(analysis: Analysis, name: string, index: number | null): string | null {
  if (name === '') return 'A stage name cannot be empty.';
  if (!isValidStageName(name.toLowerCase())) {
    return `"${name}" is not a valid stage name: it must start with a letter and contain only letters, digits, "-", "_" and ".".`;
  }
  if (name !== name.toLowerCase()) return `Stage names should be lowercase: use "${name.toLowerCase()}".`;
  if (RESERVED_STAGE_NAMES.has(name)) return `"${name}" is reserved and cannot name a stage.`;
  const clash = analysis.stages.find((s) => s.index !== index && s.name !== null && s.name.toLowerCase() === name);
  if (clash) return `Stage ${clash.index} (line ${clash.line}) is already called "${clash.name}".`;
  return null;
}

function imageProblem(image: string, what: string): string | null {
  if (image.trim() === '') return `The ${what} cannot be empty.`;
  if (hasWhitespace(image)) return `The ${what} cannot contain spaces or line breaks.`;
  return null;
}

function staleProblem(text: string, analysis: Analysis): string | null {
  return analysis.file.text === text ? null : 'The analysis does not belong to this text; analyse it again first.';
}

function stageProblem(analysis: Analysis, index: number): string | null {
  return Number.isInteger(index) && index >= 0 && index < analysis.stages.length ? null : `There is no stage ${index}.`;
}

function done(edits: TextEdit[]): EditResult {
  return { ok: true, edits: normalizeEdits(edits) };
}

// ---------------------------------------------------------------------------
// Add

/**
 * Add `FROM [--platform=P] base [AS name]`: after stage `after` (-1 = before
 * the first stage), or at the end. Numeric --from references to the stages
 * that move down are renumbered.
 */
export function addStage(
  text: string,
  analysis: Analysis,
  options: { base: string; name?: string; platform?: string; after?: number },
): EditResult {
  const problem =
    staleProblem(text, analysis) ??
    imageProblem(options.base, 'base image') ??
    (options.name !== undefined ? stageNameProblem(analysis, options.name, null) : null) ??
    (options.platform !== undefined ? imageProblem(options.platform, 'platform') : null);
  if (problem) return { ok: false, reason: problem };

  const count = analysis.stages.length;
  const after = options.after ?? count - 1;
  if (!Number.isInteger(after) || after < -1 || after >= count) return { ok: false, reason: `There is no stage ${after}.` };

  // Follow the casing of the neighbouring stage (or of the file's first FROM).
  const neighbour = analysis.stageDetails[Math.max(after, 0)]?.fromInstruction ?? null;
  const kw = (w: string) => (neighbour ? keywordCase(neighbour, w) : w);
  const eol = lineEnding(text);
  let line = `${kw('FROM')} `;
  if (options.platform !== undefined) line += `--platform=${options.platform} `;
  line += options.base;
  if (options.name !== undefined) line += ` ${kw('AS')} ${options.name}`;

  const edits: TextEdit[] = [];
  if (after === -1 && count > 0) {
    const at = lineStartOf(text, analysis.stageDetails[0].fromInstruction.span.start);
    edits.push({ start: at, end: at, text: line + eol + eol });
  } else if (after === count - 1) {
    edits.push(appendAtEnd(text, line, eol));
  } else {
    const at = analysis.stageDetails[after].span.end;
    edits.push({ start: at, end: at, text: eol + eol + line });
  }
  // Stages after the insertion point move down by one.
  edits.push(...renumber(analysis, (i) => (i > after ? i + 1 : i), new Set()));
  return done(edits);
}

function appendAtEnd(text: string, line: string, eol: string): TextEdit {
  const end = text.length;
  if (text.trim() === '') return { start: end, end, text: line + eol };
  if (text.endsWith(eol + eol) || text.endsWith('\n\n')) return { start: end, end, text: line + eol };
  if (text.endsWith('\n')) return { start: end, end, text: eol + line + eol };
  return { start: end, end, text: eol + eol + line + eol };
}

// ---------------------------------------------------------------------------
// Rename

/**
 * Rename stage `index` (or name it with ` AS name` when unnamed) and update
 * every FROM, COPY --from and mount from= that refers to it by name. Numeric
 * references stay valid and stay as they are.
 */
export function renameStage(text: string, analysis: Analysis, index: number, newName: string): EditResult {
  const problem = staleProblem(text, analysis) ?? stageProblem(analysis, index) ?? stageNameProblem(analysis, newName, index);
  if (problem) return { ok: false, reason: problem };
  const stage = analysis.stages[index];
  const detail = analysis.stageDetails[index];
  if (stage.name === newName) return { ok: true, edits: [] };

  // A new name must not capture references that today mean an image.
  for (let i = 0; i < analysis.edges.length; i++) {
    const e = analysis.edges[i];
    if (typeof e.from === 'string' && e.from.toLowerCase() === newName) {
      return { ok: false, reason: `Line ${e.line} already uses "${e.from}" as an image; that reference would start meaning this stage.` };
    }
  }
  for (const other of analysis.stageDetails) {
    if (other.index > index && other.baseStage === null && other.resolvedBase === newName) {
      return { ok: false, reason: `Stage ${other.index} (line ${analysis.stages[other.index].line}) is built FROM an image called "${newName}"; it would start meaning this stage.` };
    }
  }

  const edits: TextEdit[] = [];
  if (detail.nameSpan !== null) {
    edits.push({ start: detail.nameSpan.start, end: detail.nameSpan.end, text: newName });
  } else if (detail.fromInstruction.args.length !== 1) {
    return { ok: false, reason: `The FROM on line ${stage.line} is malformed; fix it before naming the stage.` };
  } else {
    const at = detail.baseSpan.end;
    edits.push({ start: at, end: at, text: ` ${keywordCase(detail.fromInstruction, 'AS')} ${newName}` });
  }

  for (let i = 0; i < analysis.edges.length; i++) {
    const edge = analysis.edges[i];
    if (edge.from !== index) continue;
    const ed = analysis.edgeDetails[i];
    const written = text.slice(ed.valueSpan.start, ed.valueSpan.end);
    if (edge.kind === 'from') {
      if (stage.name === null || written !== stage.name.toLowerCase()) {
        return { ok: false, reason: `Line ${edge.line} reaches this stage through "${written}"; rename it by hand.` };
      }
      edits.push({ start: ed.valueSpan.start, end: ed.valueSpan.end, text: newName });
    } else if (edge.kind === 'copy' && STAGE_INDEX.test(flagValue(ed.instruction, 'from') ?? '')) {
      continue; // a numeric reference keeps pointing at the same stage
    } else {
      edits.push({ start: ed.valueSpan.start, end: ed.valueSpan.end, text: newName });
    }
  }
  return done(edits);
}

function flagValue(instruction: Instruction, name: string): string | null {
  return instruction.flags.find((f) => f.name === name)?.value ?? null;
}

// ---------------------------------------------------------------------------
// Connect

/**
 * Make stage `target` copy `src` to `dest` from stage `source`: a
 * `COPY --from=<source name or index>` after the stage's last COPY (else after
 * its last WORKDIR, else after FROM), always before CMD and ENTRYPOINT.
 */
export function connectStages(
  text: string,
  analysis: Analysis,
  source: number,
  target: number,
  paths: { src: string; dest: string },
): EditResult {
  const problem =
    staleProblem(text, analysis) ??
    stageProblem(analysis, source) ??
    stageProblem(analysis, target) ??
    (source === target ? 'A stage cannot copy from itself.' : null) ??
    (paths.src === '' || paths.dest === '' ? 'Both the source path and the destination are needed.' : null) ??
    (dependsOn(analysis, source, target) ? `Stage ${source} already depends on stage ${target}; copying back would make a cycle.` : null) ??
    (source > target
      ? `Stage ${source} comes after stage ${target}, and BuildKit only copies from stages defined earlier; move it up first.`
      : null);
  if (problem) return { ok: false, reason: problem };

  const detail = analysis.stageDetails[target];
  const from = detail.fromInstruction;
  const name = analysis.stages[source].name;
  const ref = name !== null ? name.toLowerCase() : String(source);
  const args =
    hasWhitespace(paths.src) || hasWhitespace(paths.dest) || paths.src.startsWith('[')
      ? JSON.stringify([paths.src, paths.dest]).replace(/","/g, '", "')
      : `${paths.src} ${paths.dest}`;

  const anchor = insertionAnchor(detail.instructions) ?? from;
  const indentSource = anchor === from ? (detail.instructions[0] ?? from) : anchor;
  const indent = indentationAt(text, indentSource.span.start);
  const line = `${indent}${keywordCase(from, 'COPY')} --from=${ref} ${args}`;
  return done([{ start: anchor.span.end, end: anchor.span.end, text: lineEnding(text) + line }]);
}

function insertionAnchor(instructions: Instruction[]): Instruction | null {
  const stop = instructions.findIndex((i) => i.cmd === 'cmd' || i.cmd === 'entrypoint');
  const candidates = stop < 0 ? instructions : instructions.slice(0, stop);
  for (const wanted of [['copy', 'add'], ['workdir']]) {
    for (let i = candidates.length - 1; i >= 0; i--) if (wanted.includes(candidates[i].cmd)) return candidates[i];
  }
  return null;
}

/** Does stage `a` (transitively) depend on stage `b`? */
function dependsOn(analysis: Analysis, a: number, b: number): boolean {
  const deps: number[][] = analysis.stages.map(() => []);
  for (const e of analysis.edges) if (typeof e.from === 'number') deps[e.to].push(e.from);
  const seen = new Set<number>();
  const todo = [a];
  while (todo.length > 0) {
    const s = todo.pop() as number;
    if (s === b) return true;
    if (seen.has(s)) continue;
    seen.add(s);
    todo.push(...deps[s]);
  }
  return false;
}

// ---------------------------------------------------------------------------
// Remove a connection

/**
 * Remove edge `edgeIndex`: a COPY --from goes as a whole instruction, a mount
 * loses just that --mount flag, and a FROM <stage> is rebased onto `base`
 * (default: the image the source stage itself is ultimately built from).
 */
export function removeConnection(text: string, analysis: Analysis, edgeIndex: number, options: { base?: string } = {}): EditResult {
  const stale = staleProblem(text, analysis);
  if (stale) return { ok: false, reason: stale };
  const edge = analysis.edges[edgeIndex];
  if (edge === undefined) return { ok: false, reason: `There is no connection ${edgeIndex}.` };
  const detail = analysis.edgeDetails[edgeIndex];
  if (edge.kind === 'copy') return done([removalEdit(wholeLinesRange(text, detail.instruction.span))]);
  if (edge.kind === 'mount') {
    const flag = mountFlagFor(analysis, edgeIndex);
    if (flag === null) return { ok: false, reason: `Could not find the --mount flag on line ${edge.line}.` };
    return done([removalEdit(flagRemovalRange(text, flag.span, analysis.file.escape))]);
  }
  const base = options.base ?? rootImage(analysis, edge.from as number);
  const problem = imageProblem(base, 'new base image');
  if (problem) return { ok: false, reason: problem };
  return done([{ start: detail.valueSpan.start, end: detail.valueSpan.end, text: base }]);
}

function removalEdit(range: Span): TextEdit {
  return { start: range.start, end: range.end, text: '' };
}

/** The image at the root of a stage's FROM chain, as written (e.g. "golang:${GO_VERSION}"). */
function rootImage(analysis: Analysis, index: number): string {
  let i = index;
  const seen = new Set<number>();
  while (analysis.stageDetails[i].baseStage !== null && !seen.has(i)) {
    seen.add(i);
    i = analysis.stageDetails[i].baseStage as number;
  }
  return analysis.stages[i].base || 'scratch';
}

/** The --mount flag that holds the edge's from= value (analyze() always points the value span inside it). */
function mountFlagFor(analysis: Analysis, edgeIndex: number): Flag | null {
  const { instruction, valueSpan } = analysis.edgeDetails[edgeIndex];
  return instruction.flags.find((f) => f.name === 'mount' && f.span.start <= valueSpan.start && valueSpan.end <= f.span.end) ?? null;
}

/**
 * What to delete to drop one flag: the flag and the blanks after it; a flag
 * alone on a continuation line takes the whole line; a flag last on its line
 * before a continuation takes the blanks before it instead.
 */
function flagRemovalRange(text: string, span: Span, escape: string): Span {
  const lineStart = lineStartOf(text, span.start);
  const lineEnd = lineEndOf(text, span.end);
  const before = text.slice(lineStart, span.start);
  const after = text.slice(span.end, lineEnd);
  const continuation = new RegExp(`^[ \\t]*${escape === '`' ? '`' : '\\\\'}[ \\t]*$`);
  if (before.trim() === '' && continuation.test(after)) {
    return { start: lineStart, end: lineEnd + breakLength(text, lineEnd) };
  }
  const trailing = /^[ \t]+/.exec(after)?.[0].length ?? 0;
  if (trailing > 0 && !continuation.test(after)) return { start: span.start, end: span.end + trailing };
  const leading = /[ \t]+$/.exec(before)?.[0].length ?? 0;
  return { start: span.start - leading, end: span.end };
}

// ---------------------------------------------------------------------------
// Delete

/**
 * Delete stage `index`. References to it go too: COPY --from instructions and
 * --mount flags are removed, stages built FROM it are rebased onto the image
 * it was built from. Numeric --from indexes of later stages drop by one so
 * every other edge keeps its meaning.
 */
export function deleteStage(text: string, analysis: Analysis, index: number): DeleteResult {
  const problem = staleProblem(text, analysis) ?? stageProblem(analysis, index);
  if (problem) return { ok: false, reason: problem };
  const detail = analysis.stageDetails[index];
  const removed = withoutDoubleBlank(text, wholeLinesRange(text, { start: detail.fromInstruction.span.start, end: detail.span.end }));
  const inside = (s: Span) => s.start >= removed.start && s.end <= removed.end;

  const edits: TextEdit[] = [{ start: removed.start, end: removed.end, text: '' }];
  const references: StageReference[] = [];
  const replacement = rootImage(analysis, index);
  analysis.edges.forEach((edge, i) => {
    if (edge.from !== index || edge.to === index) return;
    const ed = analysis.edgeDetails[i];
    if (edge.kind === 'from') {
      edits.push({ start: ed.valueSpan.start, end: ed.valueSpan.end, text: replacement });
      references.push({ edge: i, kind: edge.kind, stage: edge.to, line: edge.line, action: 'rebased', base: replacement });
      return;
    }
    if (edge.kind === 'copy') {
      edits.push(removalEdit(wholeLinesRange(text, ed.instruction.span)));
    } else {
      const flag = mountFlagFor(analysis, i);
      if (flag !== null) edits.push(removalEdit(flagRemovalRange(text, flag.span, analysis.file.escape)));
    }
    references.push({ edge: i, kind: edge.kind, stage: edge.to, line: edge.line, action: 'removed' });
  });
  const handled = new Set(references.map((r) => r.edge));
  edits.push(...renumber(analysis, (i) => (i > index ? i - 1 : i), handled));
  try {
    return { ok: true, edits: normalizeEdits(edits.filter((e) => e === edits[0] || !inside(e))), references };
  } catch (e) {
    return { ok: false, reason: `Could not compute the deletion: ${(e as Error).message}` };
  }
}

/**
 * Widen a whole-lines removal by one blank line when it would otherwise leave
 * two blank lines together, or a blank line at the start or end of the file.
 */
function withoutDoubleBlank(text: string, range: Span): Span {
  const blankAt = (offset: number) => {
    const end = lineEndOf(text, offset);
    return offset < text.length && text.slice(offset, end).trim() === '' ? end + breakLength(text, end) : -1;
  };
  const before = range.start > 0 ? lineStartOf(text, range.start - 1) : -1;
  const beforeIsBlank = before >= 0 && text.slice(before, range.start).trim() === '';
  const after = blankAt(range.end);
  if (after >= 0 && (range.start === 0 || beforeIsBlank)) return { start: range.start, end: after };
  if (range.end >= text.length && beforeIsBlank) return { start: before, end: range.end };
  return range;
}

/** Edits that rewrite numeric COPY --from values through `map` (skipping edges in `skip`). */
function renumber(analysis: Analysis, map: (i: number) => number, skip: ReadonlySet<number>): TextEdit[] {
  const edits: TextEdit[] = [];
  analysis.edges.forEach((edge, i) => {
    if (skip.has(i) || edge.kind !== 'copy' || typeof edge.from !== 'number') return;
    const ed = analysis.edgeDetails[i];
    if (!STAGE_INDEX.test(flagValue(ed.instruction, 'from') ?? '')) return;
    const next = map(edge.from);
    if (next !== edge.from) edits.push({ start: ed.valueSpan.start, end: ed.valueSpan.end, text: String(next) });
  });
  return edits;
}

// ---------------------------------------------------------------------------
// Base image and platform

export function changeBase(text: string, analysis: Analysis, index: number, image: string): EditResult {
  const problem = staleProblem(text, analysis) ?? stageProblem(analysis, index) ?? imageProblem(image, 'base image');
  if (problem) return { ok: false, reason: problem };
  const detail = analysis.stageDetails[index];
  if (analysis.stages[index].base === image) return { ok: true, edits: [] };
  if (detail.baseSpan.start === detail.baseSpan.end) {
    return done([{ start: detail.baseSpan.start, end: detail.baseSpan.end, text: ` ${image}` }]);
  }
  return done([{ start: detail.baseSpan.start, end: detail.baseSpan.end, text: image }]);
}

export function changePlatform(text: string, analysis: Analysis, index: number, platform: string | null): EditResult {
  const problem =
    staleProblem(text, analysis) ?? stageProblem(analysis, index) ?? (platform !== null ? imageProblem(platform, 'platform') : null);
  if (problem) return { ok: false, reason: problem };
  const detail = analysis.stageDetails[index];
  const flag = detail.platformFlag;
  if (platform === null) {
    if (flag === null) return { ok: true, edits: [] };
    let end = flag.span.end;
    while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
    return done([{ start: flag.span.start, end, text: '' }]);
  }
  if (flag !== null) {
    if (flag.value === platform) return { ok: true, edits: [] };
    if (flag.valueSpan !== null) return done([{ start: flag.valueSpan.start, end: flag.valueSpan.end, text: platform }]);
    return done([{ start: flag.span.start, end: flag.span.end, text: `--platform=${platform}` }]);
  }
  const from = detail.fromInstruction;
  const at = from.flags[0]?.span.start ?? detail.baseSpan.start;
  if (at === from.keywordSpan.end) return done([{ start: at, end: at, text: ` --platform=${platform}` }]);
  return done([{ start: at, end: at, text: `--platform=${platform} ` }]);
}

// ---------------------------------------------------------------------------
// Move

/**
 * Swap stage `index` with its neighbour above or below. Each stage moves as a
 * block (its doc comment lines directly above FROM included); numeric --from
 * indexes follow the stages. Refused when the lower stage is built FROM the
 * upper one, since FROM only sees earlier stages.
 */
export function moveStage(text: string, analysis: Analysis, index: number, direction: 'up' | 'down'): EditResult {
  const problem = staleProblem(text, analysis) ?? stageProblem(analysis, index);
  if (problem) return { ok: false, reason: problem };
  const upper = direction === 'up' ? index - 1 : index;
  const lower = upper + 1;
  if (upper < 0 || lower >= analysis.stages.length) {
    return { ok: false, reason: `Stage ${index} is already the ${direction === 'up' ? 'first' : 'last'} stage.` };
  }
  if (analysis.stageDetails[lower].baseStage === upper) {
    return { ok: false, reason: `Stage ${lower} is built FROM stage ${upper}, so it cannot come before it.` };
  }
  const a = stageBlock(text, analysis, upper);
  const b = stageBlock(text, analysis, lower);
  const map = (i: number) => (i === upper ? lower : i === lower ? upper : i);
  const numberEdits = renumber(analysis, map, new Set());
  const within = (r: Span) => (e: TextEdit) => e.start >= r.start && e.end <= r.end;
  const outside = numberEdits.filter((e) => !within(a)(e) && !within(b)(e));
  const rewrite = (r: Span) =>
    applyEdits(
      text.slice(r.start, r.end),
      numberEdits.filter(within(r)).map((e) => ({ start: e.start - r.start, end: e.end - r.start, text: e.text })),
    );
  return done([
    { start: a.start, end: a.end, text: rewrite(b) },
    { start: b.start, end: b.end, text: rewrite(a) },
    ...outside,
  ]);
}

/** A stage's text for moving: its doc comment lines right above FROM, through its last instruction. */
function stageBlock(text: string, analysis: Analysis, index: number): Span {
  const detail = analysis.stageDetails[index];
  let start = lineStartOf(text, detail.fromInstruction.span.start);
  const nodes = analysis.file.nodes;
  let k = nodes.findIndex((n) => n.kind === 'instruction' && n.instruction === detail.fromInstruction);
  while (k > 0 && nodes[k - 1].kind === 'comment' && nodes[k - 1].span.end >= start - 2) {
    k--;
    start = lineStartOf(text, nodes[k].span.start);
  }
  return { start, end: detail.span.end };
}
