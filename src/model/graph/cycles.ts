// Which stage-to-stage edges lie on a cycle. A stage cannot be built when it
// (transitively) needs itself: BuildKit stops with "circular dependency
// detected on stage". Strongly connected components (Tarjan) find every
// such edge at once; a self-loop is a cycle of one. Edges from images
// (string sources) never close a cycle and are skipped.

export interface GraphEdge {
  from: number | string;
  to: number;
}

/** An edge between two stages that exist. */
function inRange(e: GraphEdge, stageCount: number): boolean {
  return typeof e.from === 'number' && e.from >= 0 && e.from < stageCount && e.to >= 0 && e.to < stageCount;
}

/** Indexes (into `edges`) of the edges that close or lie on a cycle. */
export function edgesOnCycles(stageCount: number, edges: readonly GraphEdge[]): number[] {
  // A cycle needs an edge that does not go down the file (from >= to). Usually
  // there is none, and then there is nothing to search.
  let backward = false;
  for (let i = 0; i < edges.length && !backward; i++) backward = inRange(edges[i], stageCount) && (edges[i].from as number) >= edges[i].to;
  if (!backward) return [];

  // Adjacency in compressed rows (typed arrays: this runs on every keystroke).
  const first = new Int32Array(stageCount + 1);
  for (const e of edges) if (inRange(e, stageCount)) first[(e.from as number) + 1]++;
  for (let i = 0; i < stageCount; i++) first[i + 1] += first[i];
  const targets = new Int32Array(first[stageCount]);
  const fill = first.slice(0, stageCount);
  for (const e of edges) if (inRange(e, stageCount)) targets[fill[e.from as number]++] = e.to;

  const index = new Int32Array(stageCount).fill(-1);
  const low = new Int32Array(stageCount);
  const component = new Int32Array(stageCount).fill(-1);
  const onStack = new Uint8Array(stageCount);
  const stack = new Int32Array(stageCount);
  let stackTop = 0;
  // The iterative DFS: node and the position in its adjacency row.
  const workNode = new Int32Array(stageCount);
  const workEdge = new Int32Array(stageCount);
  let counter = 0;
  let components = 0;

  // Iterative Tarjan, so a 10,000-stage chain cannot overflow the call stack.
  for (let root = 0; root < stageCount; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    workNode[0] = root;
    workEdge[0] = first[root];
    index[root] = low[root] = counter++;
    stack[stackTop++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = workNode[depth];
      if (workEdge[depth] < first[v + 1]) {
        const w = targets[workEdge[depth]++];
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack[stackTop++] = w;
          onStack[w] = 1;
          depth++;
          workNode[depth] = w;
          workEdge[depth] = first[w];
        } else if (onStack[w]) {
          low[v] = Math.min(low[v], index[w]);
        }
        continue;
      }
      depth--;
      if (depth >= 0) {
        const parent = workNode[depth];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] === index[v]) {
        for (;;) {
          const w = stack[--stackTop];
          onStack[w] = 0;
          component[w] = components;
          if (w === v) break;
        }
        components++;
      }
    }
  }

  const result: number[] = [];
  edges.forEach((e, i) => {
    if (!inRange(e, stageCount)) return;
    const from = e.from as number;
    if (from === e.to || component[from] === component[e.to]) result.push(i);
  });
  return result;
}
