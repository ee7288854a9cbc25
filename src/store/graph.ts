// From an Analysis to the canvas's nodes and edges, as plain data.
//
// Two rules make typing cheap on big files:
// - node and edge *data* objects are reused from the previous graph whenever
//   nothing they show changed, so memo'd node components skip re-rendering;
// - the graph's *shape* (which nodes and edges exist) is summarised in a key,
//   so layout runs only when the shape changes, not on every keystroke.
import type { Analysis, EdgeKind, Instruction } from '../model/types.ts';

export type BaseBadge = 'scratch' | 'distroless' | 'stage' | 'variable';

export interface InstructionSummary {
  keyword: string;
  /** The arguments, shortened for display. */
  text: string;
}

export interface StageNodeData extends Record<string, unknown> {
  index: number;
  /** stageDetails.key: the identity view state is keyed by. */
  key: string;
  name: string | null;
  base: string;
  /** The FROM image after ARG expansion, or null when it reads the same as `base`. */
  resolvedBase: string | null;
  platform: string | null;
  badges: BaseBadge[];
  /** The default build target: the last stage. */
  isFinal: boolean;
  line: number;
  endLine: number;
  instructions: InstructionSummary[];
  errors: number;
  warnings: number;
  /** Whether the current target and builder build this stage; null when unknown. */
  built: boolean | null;
}

export interface ImageNodeData extends Record<string, unknown> {
  image: string;
  uses: number;
}

export interface GraphNode {
  id: string;
  type: 'stage' | 'image';
  data: StageNodeData | ImageNodeData;
}

export interface EdgeData extends Record<string, unknown> {
  kind: EdgeKind;
  /** Index into analysis.edges. */
  edgeIndex: number;
  line: number;
  /** What a COPY copies, when short enough to show; else null. */
  label: string | null;
  /** Full description for the tooltip. */
  title: string;
  /**
   * Where the edge runs among the edges between the same two nodes (two COPY
   * --from=build into one stage, or FROM build and a COPY from it), centred on
   * 0: -0.5 and 0.5 for two, -1, 0 and 1 for three. 0 for an edge of its own.
   */
  lane: number;
  /** Set by the canvas (store/flow.ts): the layout's way between the nodes the edge passes, when it spans columns. */
  route?: readonly { x: number; y: number }[];
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  data: EdgeData;
}

export interface DerivedGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Changes exactly when the set of nodes or edges (ids and endpoints) changes. */
  shapeKey: string;
  /** analysis.stages[i] -> node id. */
  stageIds: string[];
}

export const EMPTY_GRAPH: DerivedGraph = { nodes: [], edges: [], shapeKey: '', stageIds: [] };

export function imageNodeId(ref: string): string {
  return `image:${ref}`;
}

/** Node ids for stages: their key, made unique when names repeat (a duplicate name is a diagnostic, not a crash). */
export function stageNodeIds(analysis: Analysis): string[] {
  const seen = new Set<string>();
  return analysis.stages.map((stage, i) => {
    const key = analysis.stageDetails[i]?.key ?? `#${stage.index}`;
    let id = key;
    if (seen.has(id)) id = `${key}~${i}`;
    seen.add(id);
    return id;
  });
}

const MAX_INSTRUCTION_TEXT = 64;
/** Longer labels would not fit between two columns; the tooltip has them whole. */
const MAX_LABEL = 26;

function shorten(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

function summarise(instruction: Instruction): InstructionSummary {
  const original = instruction.original ?? '';
  let rest = original;
  if (rest.toLowerCase().startsWith(instruction.cmd)) rest = rest.slice(instruction.cmd.length);
  if (instruction.heredocs.length > 0 && rest.length === 0) rest = `<<${instruction.heredocs[0].name}`;
  return {
    keyword: instruction.keyword.toUpperCase(),
    text: shorten(rest, MAX_INSTRUCTION_TEXT),
  };
}

/**
 * Instruction summaries by the stage's exact source text: a keystroke changes
 * one stage, so every other stage's summary (the same array object) is reused
 * without summarising its instructions again.
 */
let summaryCache = new Map<string, InstructionSummary[]>();

function summariesFor(analysis: Analysis): InstructionSummary[][] {
  const text = analysis.file.text;
  const next = new Map<string, InstructionSummary[]>();
  const out = analysis.stageDetails.map((detail) => {
    const source = text.slice(detail.span.start, detail.span.end);
    let summary = next.get(source) ?? summaryCache.get(source);
    if (!summary) summary = detail.instructions.map(summarise);
    next.set(source, summary);
    return summary;
  });
  summaryCache = next;
  return out;
}

export function baseBadges(base: string, resolvedBase: string, baseStage: number | null): BaseBadge[] {
  const badges: BaseBadge[] = [];
  if (baseStage !== null) badges.push('stage');
  const image = resolvedBase.toLowerCase();
  if (image === 'scratch') badges.push('scratch');
  if (/(^|\/)distroless\//.test(image) || image.startsWith('gcr.io/distroless') || /(^|\/)distroless[-:]/.test(image)) {
    badges.push('distroless');
  }
  if (base.includes('$')) badges.push('variable');
  return badges;
}

const NO_PATHS: readonly string[] = [];

/** The paths each edge's data was made from, to tell an unchanged edge without rebuilding its label. */
const edgePaths = new WeakMap<EdgeData, readonly string[]>();

function copyLabel(paths: readonly string[]): { label: string | null; text: string } {
  if (paths.length === 0) return { label: null, text: '' };
  const dest = paths[paths.length - 1];
  const sources = paths.slice(0, -1);
  const text = sources.length > 0 ? `${sources.join(' ')} → ${dest}` : dest;
  return { label: text.length <= MAX_LABEL ? text : null, text };
}

function sameInstructions(a: InstructionSummary[], b: InstructionSummary[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i].keyword !== b[i].keyword || a[i].text !== b[i].text) return false;
  }
  return true;
}

function sameArray<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

export function sameStageData(a: StageNodeData, b: StageNodeData): boolean {
  return (
    a.index === b.index &&
    a.key === b.key &&
    a.name === b.name &&
    a.base === b.base &&
    a.resolvedBase === b.resolvedBase &&
    a.platform === b.platform &&
    a.isFinal === b.isFinal &&
    a.line === b.line &&
    a.endLine === b.endLine &&
    a.errors === b.errors &&
    a.warnings === b.warnings &&
    a.built === b.built &&
    sameArray(a.badges, b.badges) &&
    sameInstructions(a.instructions, b.instructions)
  );
}

function sameEdgeData(a: EdgeData, b: EdgeData): boolean {
  return a.kind === b.kind && a.edgeIndex === b.edgeIndex && a.line === b.line && a.label === b.label && a.title === b.title && a.lane === b.lane;
}

/** Counts diagnostics per stage by line range, in one pass over sorted stage starts. */
function problemsPerStage(analysis: Analysis): { errors: number[]; warnings: number[] } {
  const n = analysis.stages.length;
  const errors = new Array<number>(n).fill(0);
  const warnings = new Array<number>(n).fill(0);
  const starts = analysis.stages.map((s) => s.line);
  for (const d of analysis.diagnostics) {
    // Last stage whose FROM line is at or before the diagnostic.
    let lo = 0;
    let hi = n - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= d.line) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) continue;
    const end = analysis.stageDetails[found]?.endLine ?? Infinity;
    if (d.line > end) continue;
    if (d.severity === 'error') errors[found]++;
    else if (d.severity === 'warning') warnings[found]++;
  }
  return { errors, warnings };
}

/**
 * Node and edge lookups by id for a graph. A keystroke that leaves the graph
 * alone returns the same graph, so the next keystroke finds its index here
 * instead of rebuilding two maps of every node and edge.
 */
const graphIndexes = new WeakMap<DerivedGraph, { nodes: Map<string, GraphNode>; edges: Map<string, GraphEdge> }>();

function indexOf(graph: DerivedGraph): { nodes: Map<string, GraphNode>; edges: Map<string, GraphEdge> } {
  let index = graphIndexes.get(graph);
  if (!index) {
    index = { nodes: new Map(graph.nodes.map((n) => [n.id, n])), edges: new Map(graph.edges.map((e) => [e.id, e])) };
    graphIndexes.set(graph, index);
  }
  return index;
}

/**
 * Derives the graph from an analysis, reusing node and edge objects from
 * `previous` wherever they are unchanged. `built` is the set of stage indexes
 * the current target builds, or null when unknown.
 */
export function deriveGraph(analysis: Analysis, previous: DerivedGraph = EMPTY_GRAPH, built: ReadonlySet<number> | null = null): DerivedGraph {
  const stageIds = stageNodeIds(analysis);
  const { nodes: prevNodes, edges: prevEdges } = indexOf(previous);
  const { errors, warnings } = problemsPerStage(analysis);
  const last = analysis.stages.length - 1;
  const summaries = summariesFor(analysis);

  const nodes: GraphNode[] = [];
  analysis.stages.forEach((stage, i) => {
    const detail = analysis.stageDetails[i];
    const resolved = detail?.resolvedBase ?? stage.base;
    const data: StageNodeData = {
      index: stage.index,
      key: detail?.key ?? `#${stage.index}`,
      name: stage.name,
      base: stage.base,
      resolvedBase: resolved !== stage.base ? resolved : null,
      platform: stage.platform,
      badges: baseBadges(stage.base, resolved, detail?.baseStage ?? null),
      isFinal: i === last,
      line: stage.line,
      endLine: detail?.endLine ?? stage.line,
      instructions: summaries[i] ?? [],
      errors: errors[i],
      warnings: warnings[i],
      built: built ? built.has(stage.index) : null,
    };
    const id = stageIds[i];
    const prev = prevNodes.get(id);
    if (prev && prev.type === 'stage' && sameStageData(prev.data as StageNodeData, data)) nodes.push(prev);
    else nodes.push({ id, type: 'stage', data });
  });

  // External images, in order of first use.
  const imageUses = new Map<string, number>();
  for (const edge of analysis.edges) {
    if (typeof edge.from === 'string') imageUses.set(edge.from, (imageUses.get(edge.from) ?? 0) + 1);
  }
  for (const [image, uses] of imageUses) {
    const id = imageNodeId(image);
    const prev = prevNodes.get(id);
    const prevData = prev?.data as ImageNodeData | undefined;
    if (prev && prev.type === 'image' && prevData?.uses === uses) nodes.push(prev);
    else nodes.push({ id, type: 'image', data: { image, uses } });
  }

  const edges: GraphEdge[] = [];
  const seen = new Map<string, number>();
  // Edges between the same two nodes would be drawn on one another: count
  // them first, so that each can be given a lane of its own.
  const ends: (readonly [source: string, target: string, pair: string] | null)[] = new Array(analysis.edges.length);
  const pairTotals = new Map<string, number>();
  analysis.edges.forEach((edge, i) => {
    const source = typeof edge.from === 'number' ? stageIds[edge.from] : imageNodeId(edge.from);
    const target = stageIds[edge.to];
    if (source === undefined || target === undefined) {
      ends[i] = null;
      return;
    }
    const pair = `${source}->${target}`;
    ends[i] = [source, target, pair];
    pairTotals.set(pair, (pairTotals.get(pair) ?? 0) + 1);
  });
  const pairSeen = new Map<string, number>();
  analysis.edges.forEach((edge, i) => {
    const end = ends[i];
    if (end === null) return;
    const [source, target, pair] = end;
    const total = pairTotals.get(pair) ?? 1;
    let lane = 0;
    if (total > 1) {
      const k = pairSeen.get(pair) ?? 0;
      pairSeen.set(pair, k + 1);
      lane = k - (total - 1) / 2;
    }
    const base = `${edge.kind}:${pair}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    const id = n === 0 ? base : `${base}#${n}`;
    const paths = edge.kind === 'copy' ? (analysis.edgeDetails[i]?.paths ?? NO_PATHS) : NO_PATHS;
    const prev = prevEdges.get(id);
    // An unchanged edge is recognised from what its data is made of, before
    // making that data: on a 500-stage file most of a keystroke's graph work
    // was building 1,600 labels and titles only to find them equal.
    if (
      prev &&
      prev.source === source &&
      prev.target === target &&
      prev.data.kind === edge.kind &&
      prev.data.edgeIndex === i &&
      prev.data.line === edge.line &&
      prev.data.lane === lane &&
      sameArray(edgePaths.get(prev.data) ?? NO_PATHS, paths)
    ) {
      edges.push(prev);
      return;
    }
    const copy = edge.kind === 'copy' ? copyLabel(paths) : { label: null, text: '' };
    const verb = edge.kind === 'from' ? 'FROM' : edge.kind === 'copy' ? 'COPY --from' : 'RUN --mount from=';
    const data: EdgeData = {
      kind: edge.kind,
      edgeIndex: i,
      line: edge.line,
      label: copy.label,
      title: `${verb} (line ${edge.line})${copy.text ? `: ${copy.text}` : ''}`,
      lane,
    };
    edgePaths.set(data, paths);
    if (prev && prev.source === source && prev.target === target && sameEdgeData(prev.data, data)) edges.push(prev);
    else edges.push({ id, source, target, data });
  });

  const shapeKey = `${nodes.map((n) => n.id).join('\n')}\n--\n${edges.map((e) => e.id).join('\n')}`;
  const reused =
    previous.shapeKey === shapeKey &&
    previous.nodes.length === nodes.length &&
    nodes.every((n, i) => n === previous.nodes[i]) &&
    edges.every((e, i) => e === previous.edges[i]);
  if (reused) return previous;
  return { nodes, edges, shapeKey, stageIds };
}

/** The stage a line belongs to (from its FROM up to the next FROM), or -1 before the first FROM. */
export function stageAtLine(analysis: Analysis, line: number): number {
  let lo = 0;
  let hi = analysis.stages.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (analysis.stages[mid].line <= line) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
