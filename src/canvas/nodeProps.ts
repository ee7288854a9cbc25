/**
 * memo() comparison for custom nodes: a node draws only its id, data and
 * selection; React Flow also passes its position, size and drag state, which
 * change when nodes are measured, laid out or moved. Comparing just the three
 * keeps those from redrawing every node's instruction list (50 of them at
 * once when a file is opened).
 */
export function sameNodeProps<P extends { id: string; data: unknown; selected?: boolean }>(a: P, b: P): boolean {
  return a.id === b.id && a.data === b.data && !!a.selected === !!b.selected;
}
