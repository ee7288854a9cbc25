// A stage explained in plain language, for people learning multi-stage builds:
// what it starts from, what it takes from other stages and images, who takes
// what from it, and whether any of it ends up in the image the target builds.

import { parseImageReference } from './lint/imageReference';
import { builtStages, defaultTarget, type Builder } from './targets';
import type { Analysis, EdgeKind } from './types';

export type BaseKind = 'scratch' | 'distroless' | 'alpine' | 'slim' | 'distribution' | 'stage' | 'variable' | 'image';

/** How the stage's files relate to the image the target produces. */
export type Reach =
  | 'target' // it is the target
  | 'base' // the target is built FROM it (directly or through other stages): all its files are in the image
  | 'copied' // files from it are copied (possibly through other stages) into the image
  | 'build-only' // it is built, but only helps the build (mounts, or stages whose output is not kept)
  | 'unused'; // the builder does not build it for this target

export interface Transfer {
  /** The other stage's index, or the external image reference. */
  other: number | string;
  kind: EdgeKind;
  /** Source paths (for copies): what moves. */
  paths: string[];
  line: number;
}

export interface StageExplanation {
  index: number;
  label: string;
  baseKind: BaseKind;
  takes: Transfer[];
  givesTo: Transfer[];
  built: boolean;
  reach: Reach;
  /** What the stage starts from. */
  baseSentence: string;
  /** What it takes and what others take from it, one sentence each. */
  transferSentences: string[];
  /** Whether its files reach the target's image. */
  reachSentence: string;
  /** All of the above, in reading order. */
  sentences: string[];
}

const distributions = new Set([
  'ubuntu', 'debian', 'fedora', 'centos', 'rockylinux', 'almalinux', 'amazonlinux', 'archlinux', 'opensuse/leap',
  'opensuse/tumbleweed', 'oraclelinux', 'redhat/ubi8', 'redhat/ubi9', 'buildpack-deps',
]);

export function stageLabel(analysis: Analysis, index: number): string {
  const name = analysis.stages[index]?.name;
  return name ? `stage '${name}'` : `stage #${index}`;
}

/** What kind of starting point a stage's FROM is. */
export function baseKind(analysis: Analysis, index: number): BaseKind {
  const stage = analysis.stages[index];
  const detail = analysis.stageDetails[index];
  if (detail.baseStage !== null) return 'stage';
  if (stage.base.includes('$')) return 'variable';
  return imageKind(detail.resolvedBase);
}

/**
 * Whether imageKind(image) can say scratch or distroless: a test on the text
 * alone, kept beside imageKind so the two change together. Checks that only
 * care about images without a shell ask this first, for every stage, instead
 * of parsing each reference.
 */
export function mayLackShell(image: string): boolean {
  const lower = image.toLowerCase();
  return lower === 'scratch' || lower.includes('distroless') || lower.includes('chainguard/static');
}

/** What kind of image an external reference names, judged from its name and tag. */
export function imageKind(image: string): Exclude<BaseKind, 'stage' | 'variable'> {
  const resolved = image.toLowerCase();
  if (resolved === 'scratch') return 'scratch';
  const reference = parseImageReference(resolved);
  const path = reference?.path ?? resolved;
  const tag = reference?.tag ?? '';
  if (path.includes('distroless') || path.startsWith('chainguard/static')) return 'distroless';
  if (path === 'alpine' || path.endsWith('/alpine') || /(^|[-.])alpine/.test(tag)) return 'alpine';
  if (/(^|-)slim/.test(tag) || path.endsWith('-slim')) return 'slim';
  const repo = path.replace(/^library\//, '');
  return distributions.has(repo) || isLanguageImage(repo) ? 'distribution' : 'image';
}

// Official language images without -slim/-alpine are built on a full Debian.
function isLanguageImage(repo: string): boolean {
  return ['golang', 'node', 'python', 'ruby', 'rust', 'openjdk', 'eclipse-temurin', 'maven', 'gradle', 'php', 'perl', 'elixir', 'erlang', 'haskell', 'swift', 'gcc'].includes(repo);
}

const baseSentences: Record<BaseKind, (analysis: Analysis, index: number) => string> = {
  scratch: () => 'It starts FROM scratch: an empty filesystem with no shell, no package manager and no libraries. Only what is copied into it exists, so it suits a single static binary.',
  distroless: (a, i) => `It starts from ${a.stageDetails[i].resolvedBase}, a distroless image: just a language runtime or libc and certificates, with no shell and no package manager. Small and hard to attack, but nothing can be installed with RUN.`,
  alpine: (a, i) => `It starts from ${a.stageDetails[i].resolvedBase}, based on Alpine Linux: a few megabytes, with a shell and the apk package manager, and musl instead of glibc.`,
  slim: (a, i) => `It starts from ${a.stageDetails[i].resolvedBase}, a slim image: a trimmed Debian with a shell and apt, but without compilers and most tools.`,
  distribution: (a, i) => `It starts from ${a.stageDetails[i].resolvedBase}, a full Linux distribution with a shell, a package manager and common tools: convenient for building, large for shipping.`,
  stage: (a, i) => `It starts from ${stageLabel(a, a.stageDetails[i].baseStage!)}: everything that stage produced is its starting point.`,
  variable: (a, i) => {
    const resolved = a.stageDetails[i].resolvedBase;
    const written = a.stages[i].base;
    return resolved !== written
      ? `Its base image comes from a build argument: ${written}, which is ${resolved} unless --build-arg changes it.`
      : `Its base image comes from a build argument: ${written}, which has no default, so the build needs --build-arg.`;
  },
  image: (a, i) => `It starts from the image ${a.stageDetails[i].resolvedBase}.`,
};

function describeTransfer(analysis: Analysis, transfer: Transfer, direction: 'takes' | 'gives'): string {
  const other = typeof transfer.other === 'number' ? stageLabel(analysis, transfer.other) : `the image ${transfer.other}`;
  const paths = transfer.paths.length ? transfer.paths.join(', ') : 'files';
  if (direction === 'takes') {
    if (transfer.kind === 'mount') return `Line ${transfer.line}: mounts ${other} while a RUN executes (nothing from it is kept).`;
    return `Line ${transfer.line}: copies ${paths} from ${other}.`;
  }
  const capital = other[0].toUpperCase() + other.slice(1);
  if (transfer.kind === 'mount') return `Line ${transfer.line}: ${other} mounts it while a RUN executes.`;
  if (transfer.kind === 'from') return `Line ${transfer.line}: ${capital} is built FROM it and starts with all of its files.`;
  return `Line ${transfer.line}: ${capital} copies ${paths} from it.`;
}

/** How each stage's files relate to the target's image (see Reach). */
export function stageReach(analysis: Analysis, target: number, builder: Builder = 'buildkit'): Reach[] {
  const built = builtStages(analysis, target, builder);
  const reach: Reach[] = analysis.stages.map((_, i) => (built[i] ? 'build-only' : 'unused'));
  if (target < 0 || target >= analysis.stages.length) return reach;
  reach[target] = 'target';
  for (let at = analysis.stageDetails[target].baseStage; at !== null && reach[at] !== 'base'; at = analysis.stageDetails[at].baseStage) {
    reach[at] = 'base';
  }
  // Files flow along copies into the image, and a copied-from stage holds its own base's files.
  let changed = true;
  while (changed) {
    changed = false;
    analysis.edges.forEach((edge) => {
      if (typeof edge.from !== 'number' || edge.kind === 'mount') return;
      const into = reach[edge.to];
      if ((into === 'target' || into === 'base' || into === 'copied') && reach[edge.from] === 'build-only') {
        reach[edge.from] = 'copied';
        changed = true;
      }
    });
  }
  return reach;
}

function reachSentence(reach: Reach, target: string, builder: Builder, neededByTarget: boolean): string {
  switch (reach) {
    case 'target':
      return `It is the build target (${target}): this stage's filesystem and settings are the image the build produces.`;
    case 'base':
      return `All of its files reach the final image: the target (${target}) is built on top of it.`;
    case 'copied':
      return `Some of its files reach the final image of the target (${target}), through the copies above; everything else it contains is left behind.`;
    case 'build-only':
      return neededByTarget
        ? `It is built for the target (${target}), but none of its files reach the final image: it only helps the build.`
        : `The legacy builder builds it because it comes before the target (${target}), but nothing in the target uses it: time spent for nothing. BuildKit skips it.`;
    case 'unused':
      return builder === 'legacy'
        ? `The legacy builder stops after the target (${target}), so it does not build this stage.`
        : `Nothing in the target (${target}) needs it: BuildKit does not build it at all (the legacy builder still would, if it comes before the target).`;
  }
}

export function explainStage(
  analysis: Analysis,
  index: number,
  target: number = defaultTarget(analysis),
  builder: Builder = 'buildkit',
): StageExplanation {
  const kind = baseKind(analysis, index);
  const takes: Transfer[] = [];
  const givesTo: Transfer[] = [];
  analysis.edges.forEach((edge, i) => {
    const paths = edge.kind === 'copy' ? analysis.edgeDetails[i].paths.slice(0, -1) : [];
    if (edge.to === index && edge.kind !== 'from') takes.push({ other: edge.from, kind: edge.kind, paths, line: edge.line });
    if (edge.from === index) givesTo.push({ other: edge.to, kind: edge.kind, paths, line: edge.line });
  });
  const reach = stageReach(analysis, target, builder)[index];
  const built = builtStages(analysis, target, builder)[index];
  const targetLabel = target >= 0 && target < analysis.stages.length ? stageLabel(analysis, target) : 'none';

  const baseSentence = baseSentences[kind](analysis, index);
  const transferSentences: string[] = [];
  if (takes.length === 0 && kind !== 'stage') transferSentences.push('It takes nothing from other stages or images.');
  transferSentences.push(...takes.map((t) => describeTransfer(analysis, t, 'takes')));
  if (givesTo.length === 0) transferSentences.push('No other stage takes anything from it.');
  transferSentences.push(...givesTo.map((t) => describeTransfer(analysis, t, 'gives')));
  const neededByTarget = builtStages(analysis, target, 'buildkit')[index] ?? false;
  const reachText = reachSentence(reach, targetLabel, builder, neededByTarget);

  return {
    index,
    label: stageLabel(analysis, index),
    baseKind: kind,
    takes,
    givesTo,
    built,
    reach,
    baseSentence,
    transferSentences,
    reachSentence: reachText,
    sentences: [baseSentence, ...transferSentences, reachText],
  };
}
