// Which stage-to-stage edges lie on a cycle. A stage cannot be built when it
// (transitively) needs itself: BuildKit stops with "circular dependency
// detected on stage". Strongly connected components (Tarjan) find every
// such edge at once; a self-loop is a cycle of one.

export interface GraphEdge {
  from: number;
  to: number;
}

/** Indexes (into `edges`) of the edges that close or lie on a cycle. */
export function edgesOnCycles(stageCount: number, edges: readonly GraphEdge[]): number[] {
  const out: number[][] = Array.from({ length: stageCount }, () => []);
  for (const e of edges) if (e.from >= 0 && e.from < stageCount && e.to >= 0 && e.to < stageCount) out[e.from].push(e.to);

  const index = new Array<number>(stageCount).fill(-1);
  const low = new Array<number>(stageCount).fill(0);
  const onStack = new Array<boolean>(stageCount).fill(false);
  const component = new Array<number>(stageCount).fill(-1);
  const stack: number[] = [];
  let counter = 0;
  let components = 0;

  // Iterative Tarjan, so a 10,000-stage chain cannot overflow the call stack.
  for (let root = 0; root < stageCount; root++) {
    if (index[root] !== -1) continue;
    const work: [number, number][] = [[root, 0]];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (work.length > 0) {
      const top = work[work.length - 1];
      const v = top[0];
      if (top[1] < out[v].length) {
        const w = out[v][top[1]++];
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = true;
          work.push([w, 0]);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v], index[w]);
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1][0];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] === index[v]) {
        for (;;) {
          const w = stack.pop() as number;
          onStack[w] = false;
          component[w] = components;
          if (w === v) break;
        }
        components++;
      }
    }
  }

  const result: number[] = [];
  edges.forEach((e, i) => {
    if (e.from < 0 || e.from >= stageCount || e.to < 0 || e.to >= stageCount) return;
    if (e.from === e.to || component[e.from] === component[e.to]) result.push(i);
  });
  return result;
}
