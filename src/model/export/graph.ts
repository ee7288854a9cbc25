// The drawing both text formats (Mermaid, DOT) share: which boxes, which
// arrows, which labels. Built from the analyze() contract only (stages, edges),
// so an export agrees with the canvas, which draws the same analysis.

import type { Analysis, EdgeKind } from '../types.ts';

export interface GraphExportOptions {
  /**
   * The chosen build target (a stage index) and the stages it builds. When
   * given, the target is highlighted and every stage outside `built` is drawn
   * as skipped. Computing `built` belongs to the targets module; exports only
   * draw it: targets.ts builtStages() gives the array form, the store a set.
   */
  target?: { index: number; built: ReadonlySet<number> | readonly boolean[] } | null;
  /** Layout direction: left to right (default) or top to bottom. */
  direction?: 'LR' | 'TB';
}

export interface ExportStageNode {
  id: string;
  index: number;
  /** The stage name, or "#<index>" for an unnamed stage. */
  title: string;
  /** Label lines: title, base image, and the platform when one is set. */
  lines: string[];
  /** Skipped by the chosen target (always false without a target). */
  skipped: boolean;
  isTarget: boolean;
}

export interface ExportImageNode {
  id: string;
  /** The image reference exactly as the --from / from= value wrote it. */
  image: string;
}

export interface ExportEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  /** How many instructions create this same arrow (three COPY --from=build lines draw one arrow). */
  count: number;
  label: string;
}

export interface ExportGraph {
  direction: 'LR' | 'TB';
  stages: ExportStageNode[];
  images: ExportImageNode[];
  edges: ExportEdge[];
}

export function stageTitle(stage: { index: number; name: string | null }): string {
  return stage.name ?? `#${stage.index}`;
}

export function exportGraph(analysis: Pick<Analysis, 'stages' | 'edges'>, options: GraphExportOptions = {}): ExportGraph {
  const target = options.target ?? null;
  const built = target?.built;
  const isBuilt = (index: number): boolean =>
    Array.isArray(built) ? built[index] === true : (built as ReadonlySet<number> | undefined)?.has(index) === true;
  const stageIds = new Map<number, string>();
  const stages: ExportStageNode[] = analysis.stages.map((stage) => {
    const id = `s${stage.index}`;
    stageIds.set(stage.index, id);
    const lines = [stageTitle(stage), stage.base];
    if (stage.platform !== null) lines.push(`--platform=${stage.platform}`);
    return {
      id,
      index: stage.index,
      title: stageTitle(stage),
      lines,
      skipped: target !== null && !isBuilt(stage.index),
      isTarget: target !== null && target.index === stage.index,
    };
  });

  // External images get ids in order of first use, so the output is stable for a given text.
  const imageIds = new Map<string, string>();
  const images: ExportImageNode[] = [];
  const imageId = (image: string): string => {
    let id = imageIds.get(image);
    if (id === undefined) {
      id = `i${images.length}`;
      imageIds.set(image, id);
      images.push({ id, image });
    }
    return id;
  };

  const merged = new Map<string, ExportEdge>();
  for (const edge of analysis.edges) {
    const to = stageIds.get(edge.to);
    // A well-formed analysis never points outside its stages; an export must not throw if one did.
    const from = typeof edge.from === 'string' ? imageId(edge.from) : stageIds.get(edge.from);
    if (to === undefined || from === undefined) continue;
    const key = `${from}\u0000${to}\u0000${edge.kind}`;
    const existing = merged.get(key);
    if (existing) existing.count += 1;
    else merged.set(key, { from, to, kind: edge.kind, count: 1, label: edge.kind });
  }
  const edges = [...merged.values()].map((edge) => ({
    ...edge,
    label: edge.count > 1 ? `${edge.kind} ×${edge.count}` : edge.kind,
  }));

  return { direction: options.direction ?? 'LR', stages, images, edges };
}
