import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, load, readView, save, STORAGE_KEY } from './persistence.ts';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    data,
  };
}

describe('persistence', () => {
  it('round-trips the text and the view', () => {
    const storage = memoryStorage();
    const view = { ...DEFAULT_VIEW, positions: { build: { x: 10, y: 20 } }, collapsed: { build: true }, target: 1, builder: 'legacy' as const, split: 0.5 };
    expect(save(storage, { text: 'FROM a\n', view })).toBe(true);
    expect(load(storage)).toEqual({ text: 'FROM a\n', view });
  });

  it('yields nothing for missing or damaged data, and never throws', () => {
    expect(load(memoryStorage())).toBeNull();
    expect(load(memoryStorage({ [STORAGE_KEY]: '{not json' }))).toBeNull();
    expect(load(memoryStorage({ [STORAGE_KEY]: '{"text": 5}' }))).toBeNull();
    expect(load(null)).toBeNull();
    const throwing = { getItem: () => { throw new Error('denied'); } };
    expect(load(throwing)).toBeNull();
  });

  it('keeps the usable parts of a view and drops the rest', () => {
    const view = readView({ positions: { a: { x: 1, y: 2 }, b: { x: 'no' }, c: null }, target: -3, builder: 'docker', split: 7, viewport: { x: 1, y: 2, zoom: 0 } });
    expect(view.positions).toEqual({ a: { x: 1, y: 2 } });
    expect(view.target).toBeNull();
    expect(view.builder).toBe('buildkit');
    expect(view.split).toBe(0.8);
    expect(view.viewport).toBeNull();
    expect(readView('garbage')).toEqual(DEFAULT_VIEW);
  });

  it('reports a refused save', () => {
    const full = { setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(save(full, { text: '', view: DEFAULT_VIEW })).toBe(false);
  });
});
