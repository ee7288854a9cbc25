// Keeping work across reloads and crashes: the text and the view state, in
// localStorage under one key. Reading is defensive: whatever is stored (an
// older shape, a hand-edited value, garbage) yields a usable state.

export interface XY {
  x: number;
  y: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export type Builder = 'buildkit' | 'legacy';

export interface ViewState {
  /** Positions the user dragged, by node id (a stage's key, or image:<ref>). */
  positions: Record<string, XY>;
  /** Instruction lists the user collapsed (true) or expanded (false), by node id. */
  collapsed: Record<string, boolean>;
  viewport: Viewport | null;
  /** Build target: a stage index, or null for the default (the last stage). */
  target: number | null;
  builder: Builder;
  /** Share of the width the editor takes, 0..1. */
  split: number;
  /** The side panel's open tab. */
  panelTab: string;
}

export interface Saved {
  text: string;
  view: ViewState;
}

export const STORAGE_KEY = 'stagewright:v1';

export const DEFAULT_VIEW: ViewState = {
  positions: {},
  collapsed: {},
  viewport: null,
  target: null,
  builder: 'buildkit',
  split: 0.42,
  panelTab: 'problems',
};

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function readPositions(v: unknown): Record<string, XY> {
  const out: Record<string, XY> = {};
  if (!isObj(v)) return out;
  for (const [id, p] of Object.entries(v)) {
    if (isObj(p) && isNum(p.x) && isNum(p.y)) out[id] = { x: p.x, y: p.y };
  }
  return out;
}

function readCollapsed(v: unknown): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  if (!isObj(v)) return out;
  for (const [id, c] of Object.entries(v)) if (typeof c === 'boolean') out[id] = c;
  return out;
}

export function readView(v: unknown): ViewState {
  if (!isObj(v)) return { ...DEFAULT_VIEW };
  const vp = v.viewport;
  return {
    positions: readPositions(v.positions),
    collapsed: readCollapsed(v.collapsed),
    viewport: isObj(vp) && isNum(vp.x) && isNum(vp.y) && isNum(vp.zoom) && vp.zoom > 0 ? { x: vp.x, y: vp.y, zoom: vp.zoom } : null,
    target: isNum(v.target) && v.target >= 0 ? Math.floor(v.target) : null,
    builder: v.builder === 'legacy' ? 'legacy' : 'buildkit',
    split: isNum(v.split) ? Math.min(0.8, Math.max(0.2, v.split)) : DEFAULT_VIEW.split,
    panelTab: typeof v.panelTab === 'string' ? v.panelTab : DEFAULT_VIEW.panelTab,
  };
}

export function load(storage: Pick<Storage, 'getItem'> | null): Saved | null {
  if (!storage) return null;
  let raw: string | null;
  try {
    raw = storage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!isObj(parsed) || typeof parsed.text !== 'string') return null;
    return { text: parsed.text, view: readView(parsed.view) };
  } catch {
    return null;
  }
}

/** Returns false when the browser refused (quota, private mode). */
export function save(storage: Pick<Storage, 'setItem'> | null, saved: Saved): boolean {
  if (!storage) return false;
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(saved));
    return true;
  } catch {
    return false;
  }
}
