// Every canvas gesture produces exactly the expected text, and one undo restores the original.
import { expect, test, type Page } from '@playwright/test';
import { clickEdge, dragConnection, dragNode, editorText, expectStages, openApp, pressOnCanvas, stageNode, stageNodes } from './helpers.ts';

const BASE = `# build stage
FROM golang:1.23 AS build
WORKDIR /src
RUN go build -o /out/app .

# runtime
FROM alpine:3.20 AS runtime
COPY --from=build /out/app /usr/bin/app
CMD ["app"]
`;

async function start(page: Page) {
  await openApp(page, BASE);
  await expectStages(page, 2);
}

async function expectText(page: Page, text: string) {
  await expect.poll(() => editorText(page)).toBe(text);
}

/** One Ctrl+Z with the focus outside the editor, then the toolbar's Redo and Undo. */
async function expectUndoRestores(page: Page, changed: string) {
  await pressOnCanvas(page, 'ControlOrMeta+z');
  await expectText(page, BASE);
  await page.getByTestId('redo').click();
  await expectText(page, changed);
  await page.getByTestId('undo').click();
  await expectText(page, BASE);
}

test('add a stage from the toolbar', async ({ page }) => {
  await start(page);
  await page.getByTestId('add-stage').click();
  await page.getByTestId('add-stage-base').fill('nginx:1.27');
  await page.getByTestId('add-stage-name').fill('web');
  await page.getByTestId('add-stage-submit').click();
  const changed = BASE + '\nFROM nginx:1.27 AS web\n';
  await expectText(page, changed);
  await expectStages(page, 3);
  await expect(stageNode(page, 2)).toHaveAttribute('data-stage-name', 'web');
  await expectUndoRestores(page, changed);
  await expectStages(page, 2);
});

test('an invalid stage name is refused with a message, the text unchanged', async ({ page }) => {
  await start(page);
  await page.getByTestId('add-stage').click();
  await page.getByTestId('add-stage-base').fill('nginx');
  await page.getByTestId('add-stage-name').fill('runtime');
  await page.getByTestId('add-stage-submit').click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectText(page, BASE);
});

test('rename a stage by double-clicking its name; every reference follows', async ({ page }) => {
  await start(page);
  // Escape cancels.
  await stageNode(page, 0).getByTestId('stage-name').dblclick();
  await page.getByTestId('inline-input').fill('nope');
  await page.getByTestId('inline-input').press('Escape');
  await expect(page.getByTestId('inline-input')).toHaveCount(0);
  await expectText(page, BASE);
  // Enter commits.
  await stageNode(page, 0).getByTestId('stage-name').dblclick();
  await page.getByTestId('inline-input').fill('compile');
  await page.getByTestId('inline-input').press('Enter');
  const changed = BASE.replace('AS build', 'AS compile').replace('--from=build', '--from=compile');
  await expectText(page, changed);
  await expect(stageNode(page, 0)).toHaveAttribute('data-stage-name', 'compile');
  await expectUndoRestores(page, changed);
});

test('change a base image by double-clicking it', async ({ page }) => {
  await start(page);
  await stageNode(page, 1).getByTestId('stage-base').dblclick();
  await page.getByTestId('inline-input').fill('alpine:3.21');
  await page.getByTestId('inline-input').press('Enter');
  const changed = BASE.replace('alpine:3.20', 'alpine:3.21');
  await expectText(page, changed);
  await expect(stageNode(page, 1)).toContainText('alpine:3.21');
  await expectUndoRestores(page, changed);
});

test('a gesture reaches the editor text in its own event; the node shows the new value while the analysis follows', async ({ page }) => {
  await start(page);
  await stageNode(page, 1).getByTestId('stage-base').dblclick();
  await page.getByTestId('inline-input').fill('alpine:3.21');
  // Enter dispatched in the page, so that everything is read in the same task, before any frame.
  const seen = await page.evaluate(async () => {
    type Ed = { getModel(): { getValue(): string } };
    type St = { getState(): { analysis: { stages: { base: string }[] } } };
    const sw = window.__stagewright!;
    const input = document.querySelector<HTMLInputElement>('[data-testid="inline-input"]')!;
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    // React commits a keydown's updates in a microtask at the end of the event.
    await Promise.resolve();
    const node = document.querySelector('[data-testid="stage-node"][data-stage-index="1"] [data-testid="stage-base"]');
    const lines = [...document.querySelectorAll('[data-testid="editor"] .view-line')].map((l) => l.textContent?.replace(/\u00a0/g, ' '));
    return {
      text: (sw.editor as Ed).getModel().getValue(),
      editorLineDrawn: lines.includes('FROM alpine:3.21 AS runtime'),
      node: node?.textContent,
      analysedBase: (sw.store as St).getState().analysis.stages[1].base,
    };
  });
  expect(seen).toEqual({
    text: BASE.replace('alpine:3.20', 'alpine:3.21'),
    editorLineDrawn: true,
    node: 'alpine:3.21',
    analysedBase: 'alpine:3.20',
  });
  await expect.poll(() => page.evaluate(() => (window.__stagewright!.store as { getState(): { analysis: { stages: { base: string }[] } } }).getState().analysis.stages[1].base)).toBe('alpine:3.21');
  await expect(stageNode(page, 1).getByTestId('stage-base')).toHaveText('alpine:3.21');
});

test('connect two stages by dragging between handles, with the paths asked inline', async ({ page }) => {
  await start(page);
  await dragConnection(page, 0, 1);
  await expect(page.getByTestId('connect-dialog')).toBeVisible();
  await page.getByTestId('connect-src').fill('/src/config.yaml');
  await page.getByTestId('connect-dest').fill('/etc/app/config.yaml');
  await page.getByTestId('connect-dest').press('Enter');
  const changed = BASE.replace(
    'COPY --from=build /out/app /usr/bin/app\n',
    'COPY --from=build /out/app /usr/bin/app\nCOPY --from=build /src/config.yaml /etc/app/config.yaml\n',
  );
  await expectText(page, changed);
  await expect(page.locator('[data-testid="edge"][data-kind="copy"]')).toHaveCount(2);
  await expectUndoRestores(page, changed);
});

test('delete a connection: select it and press Delete', async ({ page }) => {
  await start(page);
  await clickEdge(page, 'copy');
  await expect(page.getByTestId('edge-delete')).toBeVisible();
  await pressOnCanvas(page, 'Delete');
  const changed = BASE.replace('COPY --from=build /out/app /usr/bin/app\n', '');
  await expectText(page, changed);
  await expect(page.locator('[data-testid="edge"]')).toHaveCount(0);
  await expectUndoRestores(page, changed);
});

test('two connections between the same stages are drawn apart, and each can be clicked and deleted', async ({ page }) => {
  const two = BASE.replace('COPY --from=build /out/app /usr/bin/app\n', 'COPY --from=build /out/app /usr/bin/app\nCOPY --from=build /app.yaml /etc/app.yaml\n');
  await openApp(page, two);
  await expectStages(page, 2);
  const labels = page.locator('[data-testid="edge"][data-kind="copy"] .sw-edge-label');
  await expect(labels).toHaveCount(2);
  const [first, second] = [(await labels.nth(0).boundingBox())!, (await labels.nth(1).boundingBox())!];
  // Apart: neither label covers the other.
  expect(first.y + first.height <= second.y || second.y + second.height <= first.y).toBe(true);
  // A real click on the second label (not a dispatched event) selects that connection.
  await page.mouse.click(second.x + second.width / 2, second.y + second.height / 2);
  await expect(page.getByTestId('edge-delete')).toHaveCount(1);
  await pressOnCanvas(page, 'Delete');
  await expectText(page, BASE);
  await expect(page.locator('[data-testid="edge"][data-kind="copy"]')).toHaveCount(1);
});

/** Points along the drawn path of the n-th edge of a kind, in page coordinates. */
async function edgePoints(page: Page, kind: string, n = 0): Promise<{ x: number; y: number }[]> {
  return page.locator(`[data-testid="edge"][data-kind="${kind}"] path.sw-edge-path`).nth(n).evaluate((path: SVGPathElement) => {
    const matrix = path.getScreenCTM()!;
    const length = path.getTotalLength();
    return Array.from({ length: 41 }, (_, i) => {
      const p = path.getPointAtLength((length * i) / 40);
      return { x: matrix.a * p.x + matrix.c * p.y + matrix.e, y: matrix.b * p.x + matrix.d * p.y + matrix.f };
    });
  });
}

test('a connection that spans a column goes around the stage in its way', async ({ page }) => {
  // deps -> build -> runtime and deps -> test: COPY --from=deps into runtime passes the middle column.
  await openApp(
    page,
    'FROM node:22 AS deps\nRUN npm ci\n\nFROM deps AS build\nRUN npm run build\n\nFROM deps AS test\nRUN npm test\n\nFROM node:22-slim AS runtime\nCOPY --from=deps /app/node_modules ./node_modules\nCOPY --from=build /app/dist ./dist\n',
  );
  await expectStages(page, 4);
  const inside = (p: { x: number; y: number }, b: { x: number; y: number; width: number; height: number }) =>
    p.x > b.x && p.x < b.x + b.width && p.y > b.y && p.y < b.y + b.height;
  const middle = [(await stageNode(page, 1).boundingBox())!, (await stageNode(page, 2).boundingBox())!];
  const runtime = (await stageNode(page, 3).boundingBox())!;
  const deps = (await stageNode(page, 0).boundingBox())!;
  // The COPY edges in text order: --from=deps first.
  const points = await edgePoints(page, 'copy', 0);
  expect(points[0].x).toBeCloseTo(deps.x + deps.width, -1);
  expect(points[points.length - 1].x).toBeCloseTo(runtime.x, -1);
  for (const p of points) for (const box of middle) expect(inside(p, box), `${JSON.stringify(p)} crosses a stage`).toBe(false);

  // Dragged further down, the runtime stage is joined to the same way round.
  await dragNode(page, stageNode(page, 3), 0, 120);
  const moved = (await stageNode(page, 3).boundingBox())!;
  expect(moved.y - runtime.y).toBeGreaterThan(60);
  const after = await edgePoints(page, 'copy', 0);
  expect(after[after.length - 1].y).toBeCloseTo(moved.y + moved.height / 2, -1);
  for (const p of after) for (const box of middle) expect(inside(p, box), `${JSON.stringify(p)} crosses a stage`).toBe(false);
});

test('delete a stage others use: asks first, in the page', async ({ page }) => {
  await start(page);
  await stageNode(page, 0).locator('.sw-stage-index').click();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('confirm-dialog')).toBeVisible();
  // Cancel leaves everything alone.
  await page.getByTestId('cancel').click();
  await expectText(page, BASE);
  await stageNode(page, 0).locator('.sw-stage-index').click();
  await page.keyboard.press('Delete');
  await page.getByTestId('confirm').click();
  const changed = '# build stage\n\n# runtime\nFROM alpine:3.20 AS runtime\nCMD ["app"]\n';
  await expectText(page, changed);
  await expectStages(page, 1);
  await expectUndoRestores(page, changed);
});

test('delete an unused stage from its menu without a question', async ({ page }) => {
  await start(page);
  await stageNode(page, 1).getByTestId('stage-menu').click();
  await page.getByTestId('delete-stage').click();
  await expect(page.getByTestId('confirm-dialog')).toHaveCount(0);
  const changed = '# build stage\nFROM golang:1.23 AS build\nWORKDIR /src\nRUN go build -o /out/app .\n\n# runtime\n';
  await expectText(page, changed);
  await expectStages(page, 1);
});

test('Ctrl+Z in the editor undoes a canvas gesture', async ({ page }) => {
  await start(page);
  await stageNode(page, 1).getByTestId('stage-base').dblclick();
  await page.getByTestId('inline-input').fill('alpine:3.21');
  await page.getByTestId('inline-input').press('Enter');
  await expectText(page, BASE.replace('alpine:3.20', 'alpine:3.21'));
  await page.getByTestId('editor').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+z');
  await expectText(page, BASE);
});

test('a renamed stage keeps the place it was dragged to', async ({ page }) => {
  await start(page);
  const node = stageNode(page, 1);
  await dragNode(page, node, 0, 120);
  // Positions on the canvas (not on screen: the view refits when a node's identity changes).
  const position = (id: string) =>
    page.evaluate((nodeId) => {
      type S = { getState(): { nodes: { id: string; position: { x: number; y: number } }[] } };
      return (window.__stagewright!.store as S).getState().nodes.find((n) => n.id === nodeId)?.position ?? null;
    }, id);
  const placed = (await position('runtime'))!;
  await node.getByTestId('stage-name').dblclick();
  await page.getByTestId('inline-input').fill('app');
  await page.getByTestId('inline-input').press('Enter');
  await expect(node).toHaveAttribute('data-stage-name', 'app');
  expect(await position('app')).toEqual(placed);
});

test('the view fits the graph when its shape changes', async ({ page }) => {
  await start(page);
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  for (const name of ['one', 'two', 'three', 'four']) {
    await page.getByTestId('add-stage').click();
    await page.getByTestId('add-stage-base').fill('runtime');
    await page.getByTestId('add-stage-name').fill(name);
    await page.getByTestId('add-stage-submit').click();
  }
  await expectStages(page, 6);
  await expect(async () => {
    for (const box of await stageNodes(page).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))) {
      expect(box.x).toBeGreaterThanOrEqual(canvas.x - 1);
      expect(box.x + box.width).toBeLessThanOrEqual(canvas.x + canvas.width + 1);
      expect(box.y).toBeGreaterThanOrEqual(canvas.y - 1);
      expect(box.y + box.height).toBeLessThanOrEqual(canvas.y + canvas.height + 1);
    }
  }).toPass();
});
