// How the problems list is laid out: in line order, except that an info-level
// code reported many times (UnusedStage on a file with many alternative
// targets, say) becomes one collapsed group where its first entry would be,
// so that errors and warnings are not buried under notes.
import type { Diagnostic } from '../model/types.ts';

/** An info code reported at least this often is grouped. */
export const GROUP_AT = 4;

export type ProblemRow =
  | { kind: 'single'; index: number }
  | { kind: 'group'; code: string; indexes: number[] };

/** Rows for the list; `index` values point into `diagnostics`. */
export function problemRows(diagnostics: readonly Diagnostic[]): ProblemRow[] {
  const infoCounts = new Map<string, number>();
  for (const d of diagnostics) if (d.severity === 'info') infoCounts.set(d.code, (infoCounts.get(d.code) ?? 0) + 1);
  const groups = new Map<string, { kind: 'group'; code: string; indexes: number[] }>();
  const rows: ProblemRow[] = [];
  diagnostics.forEach((d, index) => {
    if (d.severity !== 'info' || (infoCounts.get(d.code) ?? 0) < GROUP_AT) {
      rows.push({ kind: 'single', index });
      return;
    }
    let group = groups.get(d.code);
    if (!group) {
      group = { kind: 'group', code: d.code, indexes: [] };
      groups.set(d.code, group);
      rows.push(group);
    }
    group.indexes.push(index);
  });
  return rows;
}
