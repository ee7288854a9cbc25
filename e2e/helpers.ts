// Small helpers the end-to-end tests drive the app through, so each test reads
// as what a user does. The app exposes its editor and store on
// window.__stagewright (see src/store/instrumentation.ts) for setup and reads.
import { expect, type Locator, type Page } from '@playwright/test';
// window.__stagewright's type.
import type {} from '../src/store/instrumentation.ts';

interface EditorLike {
  getValue(): string;
  setValue(text: string): void;
  getPosition(): { lineNumber: number; column: number } | null;
  getModel(): { getLineCount(): number; getFullModelRange(): unknown; pushEditOperations?: unknown } | null;
  executeEdits(source: string, edits: { range: unknown; text: string }[]): boolean;
  pushUndoStop(): void;
  focus(): void;
}


/** Opens the app with empty storage (each test has a fresh browser context) and waits for the editor. */
export async function openApp(page: Page, text?: string): Promise<void> {
  await page.goto('/');
  await waitForEditor(page);
  if (text !== undefined) await setEditorText(page, text);
}

export async function waitForEditor(page: Page): Promise<void> {
  await page.waitForFunction(() => !!window.__stagewright?.editor);
  await expect(page.getByTestId('editor').locator('.monaco-editor')).toBeVisible();
}

/** Replaces the editor's text as one undoable edit (like a paste over everything). */
export async function setEditorText(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const editor = window.__stagewright!.editor as EditorLike;
    const model = editor.getModel()!;
    editor.pushUndoStop();
    editor.executeEdits('test', [{ range: model.getFullModelRange(), text: t }]);
    editor.pushUndoStop();
  }, text);
}

export async function editorText(page: Page): Promise<string> {
  return page.evaluate(() => (window.__stagewright!.editor as EditorLike).getValue());
}

export async function cursorLine(page: Page): Promise<number> {
  return page.evaluate(() => (window.__stagewright!.editor as EditorLike).getPosition()?.lineNumber ?? 0);
}

/** Clicks into the editor, selects everything and deletes it, with the keyboard. */
export async function clearEditor(page: Page): Promise<void> {
  await page.getByTestId('editor').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
}

/** Types into the editor key by key, like a user. */
export async function typeInEditor(page: Page, text: string): Promise<void> {
  await page.getByTestId('editor').locator('.view-lines').click();
  await page.keyboard.type(text);
}

export function stageNode(page: Page, index: number): Locator {
  return page.locator(`[data-testid="stage-node"][data-stage-index="${index}"]`);
}

export function stageNodes(page: Page): Locator {
  return page.getByTestId('stage-node');
}

/** Waits until the canvas has this many stage nodes, laid out (no longer pending) and the view fitted to them. */
export async function expectStages(page: Page, count: number): Promise<void> {
  await expect(stageNodes(page)).toHaveCount(count);
  if (count === 0) return;
  await expect(page.locator('.react-flow__node.sw-pending')).toHaveCount(0);
  // The view is fitted in the animation frame after a new layout is drawn.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

export async function edgeKinds(page: Page): Promise<string[]> {
  const kinds = await page.locator('[data-testid="edge"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind') ?? ''));
  return kinds.sort();
}

/** Drags from one stage's output handle to another's input handle. */
export async function dragConnection(page: Page, from: number, to: number): Promise<void> {
  const source = stageNode(page, from).locator('.react-flow__handle.source');
  const target = stageNode(page, to).locator('.react-flow__handle.target');
  const a = (await source.boundingBox())!;
  const b = (await target.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
  await page.mouse.up();
}

/** Drags a node by its header by (dx, dy) screen pixels. */
export async function dragNode(page: Page, node: Locator, dx: number, dy: number): Promise<void> {
  const box = (await node.locator('.sw-stage-index').boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 4 });
  await page.mouse.move(x + dx, y + dy, { steps: 4 });
  await page.mouse.up();
}

/** Clicks an edge of a kind (the n-th one), selecting it. */
export async function clickEdge(page: Page, kind: string, n = 0): Promise<void> {
  await page.locator(`[data-testid="edge"][data-kind="${kind}"]`).nth(n).locator('.react-flow__edge-interaction').dispatchEvent('click');
}

/** Presses a key with focus on the page body (not the editor). */
export async function pressOnCanvas(page: Page, key: string): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press(key);
}
