// Files in and out, keeping work across reloads, and a page that talks to no one else.
import { expect, test } from '@playwright/test';
import { dragNode, editorText, expectStages, openApp, setEditorText, stageNode, waitForEditor } from './helpers.ts';

const TEXT = 'FROM node:22 AS deps\nRUN npm ci\n\nFROM node:22-slim AS app\nCOPY --from=deps /app/node_modules ./node_modules\n';

test('reload keeps the text, dragged positions and the view', async ({ page }) => {
  await openApp(page, TEXT);
  await expectStages(page, 2);
  const node = stageNode(page, 1);
  const before = (await node.boundingBox())!;
  await dragNode(page, node, 60, 90);
  const moved = (await node.boundingBox())!;
  expect(Math.round(moved.y - before.y)).toBeGreaterThan(40);
  // Typing that does not change the graph's shape leaves the dragged node where it is.
  await setEditorText(page, TEXT + 'RUN echo hi\n');
  await expect(node.locator('.sw-instructions li')).toHaveCount(2);
  const stillMoved = (await node.boundingBox())!;
  expect(Math.abs(stillMoved.x - moved.x)).toBeLessThan(2);
  expect(Math.abs(stillMoved.y - moved.y)).toBeLessThan(2);
  await page.waitForTimeout(500); // autosave is debounced
  await page.reload();
  await waitForEditor(page);
  expect(await editorText(page)).toBe(TEXT + 'RUN echo hi\n');
  await expectStages(page, 2);
  const after = (await stageNode(page, 1).boundingBox())!;
  expect(Math.abs(after.x - stillMoved.x)).toBeLessThan(3);
  expect(Math.abs(after.y - stillMoved.y)).toBeLessThan(3);
});

test('open a Dockerfile with the file input; undo brings the old text back', async ({ page }) => {
  await openApp(page, TEXT);
  await page.getByTestId('open-file').setInputFiles({ name: 'Dockerfile', mimeType: 'text/plain', buffer: Buffer.from('FROM alpine AS one\nFROM one AS two\n') });
  await expect.poll(() => editorText(page)).toBe('FROM alpine AS one\nFROM one AS two\n');
  await expect(stageNode(page, 1)).toHaveAttribute('data-stage-name', 'two');
  await page.getByTestId('undo').click();
  await expect.poll(() => editorText(page)).toBe(TEXT);
});

test('a binary or huge file is refused with a message and loses nothing', async ({ page }) => {
  await openApp(page, TEXT);
  await page.getByTestId('open-file').setInputFiles({ name: 'app.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe]) });
  await expect(page.getByRole('alert')).toContainText('binary');
  expect(await editorText(page)).toBe(TEXT);
  await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();
  await page.getByTestId('open-file').setInputFiles({ name: 'huge', mimeType: 'text/plain', buffer: Buffer.alloc(3 * 1024 * 1024, 'RUN x\n') });
  await expect(page.getByRole('alert')).toContainText('too large');
  expect(await editorText(page)).toBe(TEXT);
});

test('drop a file on the page to open it', async ({ page }) => {
  await openApp(page, TEXT);
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['FROM busybox AS dropped\n'], 'Dockerfile', { type: 'text/plain' }));
    const target = document.querySelector('[data-testid="canvas"]')!;
    target.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await expect.poll(() => editorText(page)).toBe('FROM busybox AS dropped\n');
  await expect(stageNode(page, 0)).toHaveAttribute('data-stage-name', 'dropped');
});

test('download the text as Dockerfile', async ({ page }) => {
  await openApp(page, TEXT);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  expect(download.suggestedFilename()).toBe('Dockerfile');
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  expect(readFileSync(path, 'utf8')).toBe(TEXT);
});

test('copy the text to the clipboard', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL!).origin });
  await openApp(page, TEXT);
  await page.getByTestId('copy').click();
  await expect(page.getByRole('status').filter({ hasText: 'copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(TEXT);
});

test('no request leaves the origin', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin !== origin && url.protocol !== 'blob:' && url.protocol !== 'data:') foreign.push(r.url());
  });
  await openApp(page, TEXT);
  await expectStages(page, 2);
  await page.getByTestId('add-stage').click();
  await page.getByTestId('add-stage-base').fill('nginx');
  await page.getByTestId('add-stage-submit').click();
  await expectStages(page, 3);
  await page.reload();
  await waitForEditor(page);
  await expectStages(page, 3);
  expect(foreign).toEqual([]);
});

test('Tidy forgets dragged positions and lays the graph out again', async ({ page }) => {
  await openApp(page, TEXT);
  await expectStages(page, 2);
  const node = stageNode(page, 1);
  const laidOut = (await node.boundingBox())!;
  await dragNode(page, node, 0, 150);
  expect((await node.boundingBox())!.y - laidOut.y).toBeGreaterThan(100);
  await page.getByTestId('relayout').click();
  await expect.poll(async () => Math.abs((await node.boundingBox())!.y - laidOut.y)).toBeLessThan(3);
  // Escape clears the selection the drag made.
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(0);
});
