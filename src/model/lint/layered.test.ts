import { describe, expect, it } from 'vitest';
import { Layered } from './layered';

describe('Layered', () => {
  it('reads through to the layers below and writes only to its own', () => {
    const image = new Map([['PATH', '/bin']]);
    const parent = new Layered(image);
    parent.set('A', '1');
    const child = new Layered(parent);
    child.set('A', '2');
    child.set('B', '3');
    expect([child.get('A'), child.get('B'), child.get('PATH'), child.get('C')]).toEqual(['2', '3', '/bin', undefined]);
    expect([parent.get('A'), parent.get('B')]).toEqual(['1', undefined]);
    expect(image.size).toBe(1);
    expect([...child.entries()]).toEqual([['PATH', '/bin'], ['A', '2'], ['B', '3']]);
  });

  it('keeps a long FROM chain cheap by flattening it, without changing what it holds', () => {
    let layer = new Layered<string>(null);
    for (let i = 0; i < 100; i++) {
      layer.set(`V${i}`, String(i));
      layer.set('LAST', String(i));
      layer = new Layered(layer);
    }
    expect(layer.get('V0')).toBe('0');
    expect(layer.get('V99')).toBe('99');
    expect(layer.get('LAST')).toBe('99');
    expect([...layer.keys()]).toHaveLength(101);
    // Flattening bounds the walk: the depth never passes the limit.
    let depth = 0;
    for (let l: unknown = layer; l instanceof Layered; l = (l as unknown as { below: unknown }).below) depth++;
    expect(depth).toBeLessThanOrEqual(9);
  });
});
