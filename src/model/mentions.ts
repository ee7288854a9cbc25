// Where each stage is named or referred to in the text: its own AS name, and
// the FROM, COPY --from and --mount from= values that reach it (by name or by
// index); where the same places name an image instead; and where the text
// expects a stage name. The editor's go to definition, find references,
// rename, hover and stage-name completion stand on this.

import { lineStartOf } from './edits/text.ts';
import type { Analysis, EdgeKind, Span } from './types.ts';

export interface StageMention {
  stage: number;
  /** 'name': the stage's own AS name; otherwise the kind of reference. */
  kind: 'name' | EdgeKind;
  span: Span;
  /** For a reference, its index in analysis.edges. */
  edge: number | null;
}

/** Every mention of a stage, in text order. */
export function stageMentions(analysis: Analysis): StageMention[] {
  const out: StageMention[] = [];
  analysis.stageDetails.forEach((detail, stage) => {
    if (detail.nameSpan !== null) out.push({ stage, kind: 'name', span: detail.nameSpan, edge: null });
  });
  analysis.edges.forEach((edge, i) => {
    // A string source is an external image, not a stage.
    if (typeof edge.from === 'number') out.push({ stage: edge.from, kind: edge.kind, span: analysis.edgeDetails[i].valueSpan, edge: i });
  });
  return out.sort((a, b) => a.span.start - b.span.start);
}

/**
 * Whether a cursor at `offset` is on the (non-empty) span: its end included,
 * as a cursor right after the last letter is still on the word.
 */
function isOn(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end && span.end > span.start;
}

/** The mention under a cursor at `offset`, or null. */
export function mentionAt(analysis: Analysis, offset: number): StageMention | null {
  return stageMentions(analysis).find((mention) => isOn(mention.span, offset)) ?? null;
}

/** A place where the text names an image rather than a stage. */
export interface ImageMention {
  /** The image as BuildKit would pull it (a FROM's global ARGs expanded). */
  image: string;
  /** As written, when that differs (a FROM with variables). */
  written: string | null;
  kind: EdgeKind;
  span: Span;
}

/** The image a cursor at `offset` is on: a FROM's base image, or a COPY --from or mount from= that is no stage. */
export function imageMentionAt(analysis: Analysis, offset: number): ImageMention | null {
  for (let i = 0; i < analysis.stageDetails.length; i++) {
    const detail = analysis.stageDetails[i];
    if (detail.baseStage !== null || !isOn(detail.baseSpan, offset)) continue;
    const written = analysis.stages[i].base;
    return { image: detail.resolvedBase, written: written !== detail.resolvedBase ? written : null, kind: 'from', span: detail.baseSpan };
  }
  for (let i = 0; i < analysis.edges.length; i++) {
    const edge = analysis.edges[i];
    const span = analysis.edgeDetails[i].valueSpan;
    if (typeof edge.from === 'string' && isOn(span, offset)) return { image: edge.from, written: null, kind: edge.kind, span };
  }
  return null;
}

/** Where a stage is declared: its AS name, else (an unnamed stage) its FROM keyword. */
export function stageDeclaration(analysis: Analysis, stage: number): Span {
  const detail = analysis.stageDetails[stage];
  return detail.nameSpan ?? detail.fromInstruction.keywordSpan;
}

/** What stage-name completion offers at a cursor. */
export interface StageCompletion {
  /** The partly typed name the chosen one replaces. */
  replace: Span;
  /** The named stages it may refer to, in file order. */
  stages: number[];
}

// A stage name as BuildKit accepts it, partly typed.
const PARTIAL_NAME = '[A-Za-z0-9_.-]*';
// Where a line (as far as the cursor) expects a stage: the image of a FROM
// (after any --flags), a COPY or ADD --from=, a RUN --mount's from=.
const FROM_IMAGE = new RegExp(`^\\s*from\\s+(?:--\\S+\\s+)*(${PARTIAL_NAME})$`, 'i');
const COPY_FROM = new RegExp(`(?:^|\\s)--from=(${PARTIAL_NAME})$`, 'i');
const MOUNT_FROM = new RegExp(`(?:^|\\s)--mount=(?:[^\\s,]*,)*from=(${PARTIAL_NAME})$`, 'i');

/**
 * The partly typed stage name at the end of `prefix` (a line as far as the
 * cursor) when the line expects a stage there, else null. Cheap, so an editor
 * can ask on every keystroke before it needs an analysis.
 */
export function stageSlotBefore(prefix: string): string | null {
  const match = FROM_IMAGE.exec(prefix) ?? COPY_FROM.exec(prefix) ?? MOUNT_FROM.exec(prefix);
  return match === null ? null : match[1];
}

/**
 * The stage names that fit at `offset`, where the text expects a stage:
 * BuildKit builds stages in file order, so a FROM, COPY --from or mount can
 * only use a stage that starts before its own. Null anywhere else.
 */
export function stageCompletionsAt(analysis: Analysis, offset: number): StageCompletion | null {
  const text = analysis.file.text;
  const lineStart = lineStartOf(text, offset);
  const typed = stageSlotBefore(text.slice(lineStart, offset));
  if (typed === null) return null;
  const stages: number[] = [];
  // The stages that end before this line: not the one the cursor is in.
  analysis.stageDetails.forEach((detail, stage) => {
    if (detail.nameSpan !== null && detail.span.end <= lineStart) stages.push(stage);
  });
  return { replace: { start: offset - typed.length, end: offset }, stages };
}
