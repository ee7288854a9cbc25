// A stage's variables (and declared ARG names) as a layer over the ones it
// started with: its parent stage's, or its base image's. BuildKit gives each
// stage a copy of its parent's environment; copying a Map per stage was a
// tenth of the checks' time, while lookups walking a short chain cost next to
// nothing. A chain deeper than MAX_DEPTH (a file of stages each built FROM the
// previous one) is flattened into one layer, so a lookup stays cheap.

const MAX_DEPTH = 8;

export class Layered<V> {
  private own: Map<string, V> | null = null;
  private readonly below: Layered<V> | ReadonlyMap<string, V> | null;
  private readonly depth: number;

  constructor(below: Layered<V> | ReadonlyMap<string, V> | null) {
    if (below instanceof Layered && below.depth >= MAX_DEPTH) {
      this.own = new Map(below.entries());
      this.below = null;
      this.depth = 0;
    } else {
      this.below = below;
      this.depth = below instanceof Layered ? below.depth + 1 : 0;
    }
  }

  get(name: string): V | undefined {
    let layer: Layered<V> | ReadonlyMap<string, V> | null = this;
    while (layer instanceof Layered) {
      const value = layer.own?.get(name);
      if (value !== undefined) return value;
      layer = layer.below;
    }
    return layer?.get(name);
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  set(name: string, value: V): void {
    (this.own ??= new Map()).set(name, value);
  }

  /** Every name and its value, as one Map would hold them: earlier layers first, a name where it was first set. */
  entries(): Map<string, V> {
    const layers: (Layered<V> | ReadonlyMap<string, V>)[] = [];
    for (let layer: Layered<V> | ReadonlyMap<string, V> | null = this; layer !== null; ) {
      layers.push(layer);
      layer = layer instanceof Layered ? layer.below : null;
    }
    const all = new Map<string, V>();
    for (let i = layers.length - 1; i >= 0; i--) {
      const layer = layers[i];
      const map = layer instanceof Layered ? layer.own : layer;
      if (map) for (const [name, value] of map) all.set(name, value);
    }
    return all;
  }

  keys(): IterableIterator<string> {
    return this.entries().keys();
  }
}
