import type { Instruction } from '../types';
import { KEYWORDS } from './instruction';

// Argument-count rules that BuildKit's instructions package applies right
// after parsing (instructions/parse.go). They need nothing but the syntax
// tree, so they are reported here as parse errors with BuildKit's wording.
// Flag validation and stage-name rules are left to the analysis and lint
// layers, which know about stages.

const atLeastOne = (kw: string) => kw + ' requires at least one argument';
const exactlyOne = (kw: string) => kw + ' requires exactly one argument';
const noDestination = (kw: string) =>
  kw + ' requires at least two arguments, but only one was provided. Destination could not be determined';

/** "AS" in any case, without a lower-cased copy per FROM. */
export function isAs(word: string): boolean {
  return word.length === 2 && (word.charCodeAt(0) | 0x20) === 0x61 && (word.charCodeAt(1) | 0x20) === 0x73;
}

/** BuildKit's complaint about a top-level instruction's arguments, or null. */
export function argumentProblem(instr: Instruction): string | null {
  const n = instr.args.length;
  switch (instr.cmd) {
    case 'from':
      if (n === 1) return null;
      if (n === 3 && isAs(instr.args[1].value)) return null;
      return 'FROM requires either one or three arguments';
    case 'copy':
    case 'add':
      return n < 2 ? noDestination(instr.cmd.toUpperCase()) : null;
    case 'workdir':
    case 'user':
    case 'stopsignal':
    case 'maintainer':
      return n !== 1 ? exactlyOne(instr.cmd.toUpperCase()) : null;
    case 'env':
    case 'label':
    case 'expose':
    case 'volume':
    case 'arg':
      return n === 0 ? atLeastOne(instr.cmd.toUpperCase()) : null;
    case 'shell':
      if (n === 0) return atLeastOne('SHELL');
      return instr.json ? null : 'SHELL requires the arguments to be in JSON form';
    case 'healthcheck': {
      if (n === 0) return atLeastOne('HEALTHCHECK');
      const type = instr.args[0].value.toUpperCase();
      if (type === 'NONE') return n > 1 ? 'HEALTHCHECK NONE takes no arguments' : null;
      if (type !== 'CMD') return 'Unknown type ' + JSON.stringify(type) + ' in HEALTHCHECK (try CMD)';
      return n < 2 ? 'Missing command after HEALTHCHECK CMD' : null;
    }
    case 'onbuild': {
      if (!instr.inner) return atLeastOne('ONBUILD');
      const trigger = instr.inner.keyword.toUpperCase();
      if (trigger === 'ONBUILD') return 'Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed';
      if (trigger === 'FROM' || trigger === 'MAINTAINER') return trigger + " isn't allowed as an ONBUILD trigger";
      return null;
    }
    default:
      return null;
  }
}

/**
 * BuildKit's message for an unknown keyword, with its suggestion when a known
 * keyword is fewer than 3 edits away (util/suggest), spelled in the keyword's
 * case: "unknown instruction: RUNN (did you mean RUN?)".
 */
export function unknownInstructionMessage(keyword: string): string {
  const message = 'unknown instruction: ' + keyword;
  const lower = keyword.toLowerCase();
  let match = '';
  let best = 3;
  for (const kw of KEYWORDS) {
    const d = levenshtein(lower, kw, best);
    if (d < best) {
      best = d;
      match = kw;
    }
  }
  if (match === '') return message;
  const spelled = keyword === lower ? match : keyword === keyword.toUpperCase() ? match.toUpperCase() : match;
  return message + ' (did you mean ' + spelled + '?)';
}

/** Edit distance (insert, delete, substitute: 1 each); stops early once it cannot be below `limit`. */
function levenshtein(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin >= limit) return limit;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}
