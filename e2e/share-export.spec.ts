// Share links, pasting a Dockerfile, and the exports: pictures of the canvas and the graph as text.
import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { analyze } from '../src/model/index.ts';
import { toDot, toMermaid } from '../src/model/export/index.ts';
import { builtStages } from '../src/model/targets.ts';
import { editorText, expectStages, openApp, setEditorText, waitForEditor } from './helpers.ts';

const TEXT = `FROM golang:1.23 AS build
RUN --mount=type=cache,target=/root/.cache,from=cache-image:1 go build -o /out/app
FROM build AS test
RUN go test ./...
FROM gcr.io/distroless/static AS runtime
COPY --from=build /out/app /app
COPY --from=docker/buildx-bin:0.18 /buildx /usr/bin/buildx
`;
const STAGE_NAMES = ['build', 'test', 'runtime'];
const WORK = 'FROM alpine:3.20 AS mine\nRUN echo my own work\n';

async function saveWork(page: Page, text: string): Promise<void> {
  await setEditorText(page, text);
  await expectStages(page, analyze(text).stages.length);
  await page.waitForTimeout(600); // autosave is debounced
}

async function download(page: Page, testId: string): Promise<{ file: Download; content: Buffer }> {
  await page.getByTestId('export').click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { file, content: readFileSync(await file.path()) };
}

async function shareLink(page: Page): Promise<string> {
  await page.getByTestId('share').click();
  await expect(page).toHaveURL(/#v1:[0-9a-f]{8}:/);
  return page.url();
}

test('share link round trip: another browser opens the same text and target', async ({ page, browser }) => {
  await openApp(page, TEXT);
  await expectStages(page, 3);
  await page.getByTestId('target-select').selectOption('1');
  const link = await shareLink(page);
  await expect(page.getByRole('status').filter({ hasText: 'Share link' })).toBeVisible();

  const other = await browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(link);
  await waitForEditor(fresh);
  await expect.poll(() => editorText(fresh)).toBe(TEXT);
  await expectStages(fresh, 3);
  await expect(fresh.getByTestId('target-select')).toHaveValue('1');
  await expect(fresh.locator('[data-testid="stage-node"][data-stage-name="runtime"]')).toHaveAttribute('data-built', 'false');
  // Once the text moves on, the address bar no longer claims to hold it.
  await setEditorText(fresh, TEXT + 'USER nobody\n');
  await expect(fresh).not.toHaveURL(/#/);
  await other.close();
});

test('a link that would replace your work asks first; keeping your work keeps it', async ({ page, context }) => {
  await openApp(page, TEXT);
  const link = await shareLink(page);
  await saveWork(page, WORK);

  // Opened in a new tab over saved work: an in-page confirmation; Cancel keeps the work.
  const second = await context.newPage();
  await second.goto(link);
  await waitForEditor(second);
  await expect(second.getByTestId('confirm')).toBeVisible();
  await second.getByTestId('cancel').click();
  expect(await editorText(second)).toBe(WORK);
  await expect(second).not.toHaveURL(/#/);

  // Pasted into the address bar of an open tab: the same question; Replace opens it.
  await second.goto(link);
  await second.getByTestId('confirm').click();
  await expect.poll(() => editorText(second)).toBe(TEXT);
  await expectStages(second, 3);
  // The address bar keeps the link: it now matches what is open.
  expect(second.url()).toBe(link);
});

test('a damaged, cut-off or crafted link gives an alert and loses no saved work', async ({ page, context }) => {
  await openApp(page, TEXT);
  const link = await shareLink(page);
  await saveWork(page, WORK);
  const [base, fragment] = link.split('#');
  const damaged = [
    `${base}#${fragment.slice(0, -12)}`, // cut off
    `${base}#${fragment.slice(0, 30)}x${fragment.slice(31)}`, // one character changed
    `${base}#v1:00000000:<script>alert(1)</script>`,
    `${base}#v9:whatever`,
  ];
  for (const url of damaged) {
    const tab = await context.newPage();
    await tab.goto(url);
    await waitForEditor(tab);
    await expect(tab.getByRole('alert')).toContainText(/share link/i);
    await expect(tab.getByRole('alert')).toContainText('was not changed');
    expect(await editorText(tab)).toBe(WORK);
    await expect(tab.getByTestId('confirm')).toHaveCount(0);
    await tab.close();
  }
  await page.reload();
  await waitForEditor(page);
  expect(await editorText(page)).toBe(WORK);
});

test('paste a Dockerfile outside the editor to open it, with a confirmation over work', async ({ page }) => {
  await openApp(page, WORK);
  const paste = (text: string) =>
    page.evaluate((t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      document.querySelector('[data-testid="canvas"]')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);

  await paste('just some notes, not a Dockerfile');
  await expect(page.getByRole('alert')).toContainText('not a Dockerfile');
  expect(await editorText(page)).toBe(WORK);

  await paste(TEXT);
  await expect(page.getByTestId('confirm')).toBeVisible();
  await page.getByTestId('confirm').click();
  await expect.poll(() => editorText(page)).toBe(TEXT);
  await expectStages(page, 3);
  // One undo in the editor brings the previous text back.
  await page.getByTestId('undo').click();
  await expect.poll(() => editorText(page)).toBe(WORK);
});

test('Ctrl+V with the canvas focused opens the Dockerfile on the clipboard; in the editor it is ordinary paste', async ({ page, context }) => {
  await openApp(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  await page.evaluate((t) => navigator.clipboard.writeText(t), TEXT);
  // The first visit's example is nobody's work: no question asked.
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('ControlOrMeta+v');
  await expect.poll(() => editorText(page)).toBe(TEXT);
  await expectStages(page, 3);

  await page.evaluate(() => navigator.clipboard.writeText('# pasted\n'));
  await page.getByTestId('editor').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('ControlOrMeta+v');
  await expect.poll(() => editorText(page)).toBe('# pasted\n' + TEXT);
  await expect(page.getByTestId('confirm')).toHaveCount(0);
});

test('SVG export is a valid image holding every stage', async ({ page }) => {
  await openApp(page, TEXT);
  await expectStages(page, 3);
  const { file, content } = await download(page, 'export-svg');
  expect(file.suggestedFilename()).toBe('stages.svg');
  const svg = content.toString('utf8');
  // Computed styles are copied selectively: a three-stage picture stays well under a megabyte.
  expect(content.length).toBeLessThan(1_000_000);
  expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  const checked = await page.evaluate(async (source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const error = doc.querySelector('parsererror')?.textContent ?? null;
    const img = new Image();
    img.src = URL.createObjectURL(new Blob([source], { type: 'image/svg+xml' }));
    await img.decode();
    const text = doc.documentElement.textContent ?? '';
    // Edges are SVG inside the picture: they must carry their own stroke, since the page's CSS stays behind.
    const strokes = [...doc.querySelectorAll<SVGPathElement>('path.sw-edge-path')].map((path) => path.style.stroke);
    return { error, width: img.naturalWidth, height: img.naturalHeight, text, strokes };
  }, svg);
  expect(checked.strokes).toHaveLength(await page.locator('[data-testid="edge"]').count());
  for (const stroke of checked.strokes) expect(stroke).toMatch(/^rgb/);
  expect(checked.error).toBeNull();
  expect([checked.width, checked.height]).toEqual([1920, 1080]);
  for (const name of STAGE_NAMES) expect(checked.text).toContain(name);
  expect(checked.text).toContain('cache-image:1');
  // Editing handles are not part of the picture.
  expect(svg).not.toContain('react-flow__handle');
});

test('PNG export is a 1920×1080 PNG', async ({ page }) => {
  await openApp(page, TEXT);
  await expectStages(page, 3);
  const { file, content } = await download(page, 'export-png');
  expect(file.suggestedFilename()).toBe('stages.png');
  expect([...content.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // IHDR: width and height, big-endian, right after the chunk header.
  expect([content.readUInt32BE(16), content.readUInt32BE(20)]).toEqual([1920, 1080]);
  expect(content.length).toBeGreaterThan(10_000);
});

test('Mermaid and DOT downloads are the model exports for the chosen target', async ({ page }) => {
  await openApp(page, TEXT);
  await expectStages(page, 3);
  await page.getByTestId('target-select').selectOption('0');
  const analysis = analyze(TEXT);
  const options = { target: { index: 0, built: builtStages(analysis, 0) } };

  const mermaid = await download(page, 'export-mermaid');
  expect(mermaid.file.suggestedFilename()).toBe('stages.mmd');
  expect(mermaid.content.toString('utf8')).toBe(toMermaid(analysis, options));
  expect(mermaid.content.toString('utf8')).toMatch(/class s1,s2 skipped/);

  const dot = await download(page, 'export-dot');
  expect(dot.file.suggestedFilename()).toBe('stages.dot');
  expect(dot.content.toString('utf8')).toBe(toDot(analysis, options));
});

test('Dockerfile export, and the docker build command for a target that is not the last stage', async ({ page }) => {
  await openApp(page, TEXT);
  await expectStages(page, 3);
  const { file, content } = await download(page, 'export-dockerfile');
  expect(file.suggestedFilename()).toBe('Dockerfile');
  expect(content.toString('utf8')).toBe(TEXT);

  await page.getByTestId('export').click();
  await expect(page.getByTestId('build-command-note')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.getByTestId('target-select').selectOption('1');
  await page.getByTestId('export').click();
  await expect(page.getByTestId('build-command')).toHaveText('docker build --target test .');
});

test('on a narrow window the toolbar wraps: every control, Share and Export included, stays in view', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await openApp(page, TEXT);
  const toolbar = page.getByRole('toolbar', { name: 'Stagewright' });
  const controls = toolbar.locator('button:visible, select:visible');
  expect(await controls.count()).toBeGreaterThan(8);
  for (const box of await controls.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))) {
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(800);
  }
  await page.getByTestId('export').click();
  await expect(page.getByTestId('export-dockerfile')).toBeVisible();
  // The edge legend keeps clear of the zoom controls.
  const legend = (await page.getByTestId('legend').boundingBox())!;
  const zoom = (await page.locator('.react-flow__controls').boundingBox())!;
  expect(legend.x + legend.width).toBeLessThanOrEqual(zoom.x);
});
