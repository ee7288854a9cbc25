// Teaching features end to end: the build target and builder switch grey out
// what is not built, a quick fix from the problems list edits the text, every
// template loads (asking first when it would replace work), and the schedule
// and stage explanation follow the target.
import { expect, test } from '@playwright/test';
import { editorText, expectStages, openApp, setEditorText, stageNode } from './helpers';
import { templates } from '../src/model/templates/index.ts';

const fourStages = `FROM golang:1.22 AS build
RUN go build -o /out/app

FROM build AS test
RUN go test ./...

FROM alpine:3.20 AS tools
RUN apk add curl

FROM scratch AS final
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
`;

async function builtFlags(page: import('@playwright/test').Page, count: number): Promise<string[]> {
  const flags: string[] = [];
  for (let i = 0; i < count; i++) flags.push((await stageNode(page, i).getAttribute('data-built')) ?? '');
  return flags;
}

test('the target select and the builder switch mark which stages are built', async ({ page }) => {
  await openApp(page, fourStages);
  await expectStages(page, 4);
  const select = page.getByTestId('target-select');
  await expect(select.locator('option')).toHaveCount(4);
  await expect(select).toHaveValue('3');
  await expect.poll(() => builtFlags(page, 4)).toEqual(['true', 'false', 'false', 'true']);

  await select.selectOption('1');
  await expect.poll(() => builtFlags(page, 4)).toEqual(['true', 'true', 'false', 'false']);

  await page.getByTestId('builder-toggle').check();
  await expect.poll(() => builtFlags(page, 4)).toEqual(['true', 'true', 'false', 'false']);
  await select.selectOption('3');
  await expect.poll(() => builtFlags(page, 4)).toEqual(['true', 'true', 'true', 'true']);

  await page.getByTestId('builder-toggle').uncheck();
  await expect.poll(() => builtFlags(page, 4)).toEqual(['true', 'false', 'false', 'true']);
});

test('the schedule and the stage explanation follow the target', async ({ page }) => {
  await openApp(page, fourStages);
  await expectStages(page, 4);
  await page.getByTestId('tab-schedule').click();
  await expect(page.getByTestId('schedule-stage')).toHaveCount(2);
  await expect(page.getByTestId('critical-path')).toContainText('build → final');
  await expect(page.getByTestId('schedule-skipped')).toContainText('test, tools');
  await page.getByTestId('target-select').selectOption('1');
  await expect(page.getByTestId('schedule-level')).toHaveCount(2);
  await expect(page.getByTestId('critical-path')).toContainText('build → test');

  await page.getByTestId('tab-explain').click();
  await stageNode(page, 2).click();
  await expect(page.getByTestId('explanation')).toHaveAttribute('data-stage-index', '2');
  await expect(page.getByTestId('explanation')).toContainText('Alpine Linux');
  await expect(page.getByTestId('explanation-reach')).toContainText('BuildKit does not build it');
});

test("a selected stage lists its problems with their quick fixes", async ({ page }) => {
  await openApp(page, 'FROM alpine:3.20\nMAINTAINER Jane <jane@example.org>\nRUN echo hi\n');
  await expectStages(page, 1);
  await page.getByTestId('tab-explain').click();
  await stageNode(page, 0).click();
  const problem = page.locator('[data-testid="stage-problem"][data-code="MaintainerDeprecated"]');
  await expect(problem).toHaveCount(1);
  await problem.getByTestId('quick-fix').click();
  await expect.poll(() => editorText(page)).toBe('FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane <jane@example.org>"\nRUN echo hi\n');
  await expect(page.getByTestId('stage-problem')).toHaveCount(0);
});

test('a quick fix in the problems list rewrites the text, and undo restores it', async ({ page }) => {
  const text = 'FROM alpine:3.20 as build\nRUN echo hi\n\nFROM scratch\nCOPY --from=build /etc/hostname /hostname\n';
  await openApp(page, text);
  await expectStages(page, 2);
  await page.getByTestId('tab-problems').click();
  const problem = page.locator('[data-testid="problem"][data-code="FromAsCasing"]');
  await expect(problem).toHaveCount(1);
  const fix = page.locator('li', { has: problem }).getByTestId('quick-fix');
  await expect(fix).toHaveText('Write AS');
  await fix.click();
  await expect.poll(() => editorText(page)).toBe(text.replace(' as ', ' AS '));
  await expect(page.locator('[data-testid="problem"][data-code="FromAsCasing"]')).toHaveCount(0);
  await page.getByTestId('undo').click();
  await expect.poll(() => editorText(page)).toBe(text);
});

test("a stage's menu on the canvas offers the quick fixes for its problems", async ({ page }) => {
  const text = 'FROM alpine:3.20 as build\nRUN echo hi\n\nFROM scratch\nCOPY --from=build /etc/hostname /hostname\n';
  await openApp(page, text);
  await expectStages(page, 2);
  await stageNode(page, 1).getByTestId('stage-menu').click();
  await expect(page.getByTestId('stage-quick-fix')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await stageNode(page, 0).getByTestId('stage-menu').click();
  const fix = page.getByTestId('stage-quick-fix');
  await expect(fix).toHaveText('Fix: Write AS');
  await fix.click();
  await expect.poll(() => editorText(page)).toBe(text.replace(' as ', ' AS '));
});

test("the editor's light bulb offers the same quick fix", async ({ page }) => {
  const text = 'FROM alpine:3.20 as build\nRUN echo hi\n\nFROM scratch\nCOPY --from=build /etc/hostname /hostname\n';
  await openApp(page, text);
  await expectStages(page, 2);
  // Put the cursor on the lower-case "as" and ask for quick fixes (Ctrl+.).
  await page.evaluate(() => {
    const editor = window.__stagewright!.editor as { setPosition(p: { lineNumber: number; column: number }): void; focus(): void };
    editor.setPosition({ lineNumber: 1, column: 19 });
    editor.focus();
  });
  await page.keyboard.press('ControlOrMeta+.');
  const action = page.locator('.action-widget').getByText('Write AS');
  await expect(action).toBeVisible();
  await action.click();
  await expect.poll(() => editorText(page)).toBe(text.replace(' as ', ' AS '));
});

test('every template loads from the gallery', async ({ page }) => {
  await openApp(page);
  for (const template of templates) {
    await page.getByTestId('templates').click();
    await page.locator(`[data-testid="template"][data-template-id="${template.id}"]`).click();
    // An untouched template or the starter is replaced without asking.
    await expect(page.getByTestId('confirm')).toHaveCount(0);
    await expect.poll(() => editorText(page)).toBe(template.text);
    await expect(page.getByTestId('stage-node').first()).toBeVisible();
    if (template.mistakes?.length) {
      for (const code of template.mistakes) await expect(page.locator(`[data-testid="problem"][data-code="${code}"]`).first()).toBeAttached();
    }
  }
});

test('replacing edited work asks first, in the page', async ({ page }) => {
  await openApp(page, 'FROM alpine:3.20\nRUN echo my own work\n');
  await page.getByTestId('templates').click();
  await page.locator('[data-testid="template"][data-template-id="go-scratch"]').click();
  await page.getByTestId('cancel').click();
  await expect.poll(() => editorText(page)).toBe('FROM alpine:3.20\nRUN echo my own work\n');

  await page.getByTestId('templates').click();
  await page.locator('[data-testid="template"][data-template-id="go-scratch"]').click();
  await page.getByTestId('confirm').click();
  await expect.poll(() => editorText(page)).toBe(templates.find((t) => t.id === 'go-scratch')!.text);
  await setEditorText(page, 'FROM alpine:3.20\n');
});

test('every dialog has a close button, and opens with the focus on its first field', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('templates').click();
  await expect(page.getByTestId('templates-dialog')).toBeVisible();
  await page.getByTestId('modal-close').click();
  await expect(page.getByTestId('templates-dialog')).toHaveCount(0);

  await page.getByTestId('add-stage').click();
  await expect(page.getByTestId('add-stage-base')).toBeFocused();
  await page.getByTestId('modal-close').click();
  await expect(page.getByTestId('add-stage-dialog')).toHaveCount(0);
});
