// Typing in the editor builds the graph; the editor and the canvas follow each other.
import { expect, test } from '@playwright/test';
import { clearEditor, cursorLine, edgeKinds, editorText, expectStages, openApp, setEditorText, stageNode, stageNodes, typeInEditor } from './helpers.ts';

test('typing a Dockerfile builds the graph', async ({ page }) => {
  await openApp(page);
  await clearEditor(page);
  await expectStages(page, 0);
  await typeInEditor(page, 'FROM golang:1.23 AS build\nRUN go build -o /app .\n\nFROM alpine:3.20\nCOPY --from=build /app /usr/local/bin/app\n');
  await expectStages(page, 2);
  await expect(stageNode(page, 0)).toHaveAttribute('data-stage-name', 'build');
  await expect(stageNode(page, 1)).toHaveAttribute('data-stage-name', '');
  await expect(stageNode(page, 1)).toContainText('#1');
  await expect(stageNode(page, 1)).toContainText('alpine:3.20');
  expect(await edgeKinds(page)).toEqual(['copy']);
  await expect(page.locator('.sw-edge-label')).toContainText('/app → /usr/local/bin/app');
  await expect(page.getByTestId('status-stages')).toHaveText('2 stages');

  // Another stage built FROM the first, and an external image mounted.
  await typeInEditor(page, '');
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\nFROM build AS test\nRUN --mount=type=bind,from=busybox:1.36,target=/bb true\n');
  await expectStages(page, 3);
  expect(await edgeKinds(page)).toEqual(['copy', 'from', 'mount']);
  await expect(page.locator('[data-testid="image-node"][data-image="busybox:1.36"]')).toHaveCount(1);
});

test('spaces typed into the editor arrive', async ({ page }) => {
  await openApp(page);
  await clearEditor(page);
  await typeInEditor(page, 'FROM alpine AS a b  c');
  expect(await editorText(page)).toBe('FROM alpine AS a b  c');
});

test('the graph shows base images, resolved ARGs, platform and badges', async ({ page }) => {
  await openApp(
    page,
    'ARG BASE=debian:12\nFROM --platform=linux/arm64 ${BASE} AS deps\nRUN true\nFROM scratch AS empty\nFROM gcr.io/distroless/static AS final\nCOPY --from=deps /x /x\n',
  );
  await expectStages(page, 3);
  const deps = stageNode(page, 0);
  await expect(deps).toContainText('${BASE}');
  await expect(deps.locator('.sw-stage-resolved')).toContainText('debian:12');
  await expect(deps.locator('.sw-badge-platform')).toHaveText('linux/arm64');
  await expect(stageNode(page, 1).locator('.sw-badge-scratch')).toHaveCount(1);
  await expect(stageNode(page, 2).locator('.sw-badge-distroless')).toHaveCount(1);
  await expect(stageNode(page, 2).locator('.sw-pill-final')).toHaveCount(1);
  await expect(stageNode(page, 0).locator('.sw-pill-final')).toHaveCount(0);
});

test('instruction lists collapse and expand', async ({ page }) => {
  await openApp(page, 'FROM alpine AS a\nRUN one\nRUN two\n');
  await expectStages(page, 1);
  const node = stageNode(page, 0);
  await expect(node.locator('.sw-instructions li')).toHaveCount(2);
  await node.locator('.sw-instructions-toggle').click();
  await expect(node.locator('.sw-instructions')).toHaveCount(0);
  await node.locator('.sw-instructions-toggle').click();
  await expect(node.locator('.sw-instructions li')).toHaveCount(2);
});

test('selecting a node highlights its lines; moving the cursor into a stage selects its node', async ({ page }) => {
  await openApp(page, 'FROM alpine AS a\nRUN one\n\nFROM busybox AS b\nRUN two\nRUN three\n');
  await expectStages(page, 2);
  await stageNode(page, 1).locator('.sw-stage-index').click();
  await expect(page.locator('.react-flow__node.selected [data-stage-name="b"]')).toHaveCount(1);
  await expect(page.locator('.sw-editor-selected')).not.toHaveCount(0);
  expect(await cursorLine(page)).toBe(4);

  // Now the other way: put the cursor on line 2 with the keyboard.
  await page.getByTestId('editor').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.react-flow__node.selected [data-stage-name="a"]')).toHaveCount(1);
});

test('a stage named like HTML is shown as text', async ({ page }) => {
  await openApp(page, 'FROM alpine AS <img src=x onerror=alert(1)>\nFROM <b>bold</b>\n');
  await expect(stageNodes(page)).toHaveCount(2);
  await expect(page.locator('.react-flow img')).toHaveCount(0);
  await expect(page.locator('.react-flow b')).toHaveCount(0);
  await expect(stageNode(page, 1)).toContainText('<b>bold</b>');
});

test('broken text shows what it can plus problems, never a blank page', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openApp(page);
  for (const text of [
    'FROM\nRUN x\nFROM alpine AS a\nCOPY --from=a / /\nBOGUS thing\n',
    '\u0000\u0001garbage\n\\\n<<EOF\nFROM',
    'FROM a AS x\nFROM b AS x\nFROM c AS y\nCOPY --from=y / /\nFROM d AS y2\nCOPY --from=y2 / /\n',
    'ARG\nFROM ${',
  ]) {
    await setEditorText(page, text);
    await expect(page.getByRole('toolbar')).toBeVisible();
    await expect(page.getByTestId('canvas')).toBeVisible();
    await expect(page.getByTestId('problems')).toBeVisible();
  }
  await setEditorText(page, 'FROM\nRUN x\nFROM alpine AS a\nCOPY --from=a / /\nBOGUS thing\n');
  await expect(page.getByTestId('problem').first()).toBeVisible();
  const severities = await page.getByTestId('problem').evaluateAll((els) => els.map((e) => e.getAttribute('data-severity')));
  expect(severities).toContain('error');
  await expect(stageNode(page, 1)).toHaveAttribute('data-stage-name', 'a');
  expect(errors).toEqual([]);
});

test('clicking a problem reveals its line in the editor', async ({ page }) => {
  const lines = ['FROM alpine AS a'];
  for (let i = 0; i < 60; i++) lines.push(`RUN echo ${i}`);
  lines.push('FROM a AS b', 'COPY --from=nowhere-stage-9 /x /x', 'FROM b AS b');
  await openApp(page, lines.join('\n') + '\n');
  await expect(page.getByTestId('problem').first()).toBeVisible();
  const line = Number(await page.getByTestId('problem').last().getAttribute('data-line'));
  await page.getByTestId('problem').last().click();
  expect(await cursorLine(page)).toBe(line);
  await expect(page.getByTestId('editor').locator('.line-numbers', { hasText: new RegExp(`^${line}$`) })).toBeVisible();
});

test('moving the cursor into a stage off screen brings its node into view', async ({ page }) => {
  const lines: string[] = ['FROM alpine AS s0'];
  for (let i = 1; i < 30; i++) lines.push(`FROM s${i - 1} AS s${i}`, `RUN step ${i}`);
  await openApp(page, lines.join('\n') + '\n');
  await expectStages(page, 30);
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  const inView = async (index: number) => {
    const box = await stageNode(page, index).boundingBox();
    return !!box && box.x >= canvas.x && box.x + box.width <= canvas.x + canvas.width;
  };
  expect(await inView(29)).toBe(false);
  await page.getByTestId('editor').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('.react-flow__node.selected [data-stage-name="s29"]')).toHaveCount(1);
  await expect.poll(() => inView(29)).toBe(true);
});

test('typing that keeps the graph\'s shape does not lay it out again; a new edge does', async ({ page }) => {
  await openApp(page, 'FROM alpine AS a\nRUN one\n\nFROM busybox AS b\nRUN two\n');
  await expectStages(page, 2);
  const generation = () =>
    page.evaluate(() => (window.__stagewright!.store as { getState(): { layout: { generation: number } } }).getState().layout.generation);
  const before = await generation();
  const box = await stageNode(page, 0).boundingBox();
  await page.getByTestId('editor').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('RUN three\nENV X=1\n');
  await expect(stageNode(page, 1).locator('.sw-instructions li')).toHaveCount(3);
  await page.waitForTimeout(300);
  expect(await generation()).toBe(before);
  expect(await stageNode(page, 0).boundingBox()).toEqual(box);
  await page.keyboard.type('COPY --from=a /x /y\n');
  await expect.poll(generation).toBeGreaterThan(before);
});

test('a stage that grows while typing never covers its neighbour', async ({ page }) => {
  await openApp(page, 'FROM alpine AS base\n\nFROM base AS one\nRUN a\n\nFROM base AS two\nRUN b\n');
  await expectStages(page, 3);
  await page.getByTestId('editor').locator('.view-lines').click();
  // The end of stage "one" (line 4).
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.type('\nRUN c\nRUN d\nRUN e\nRUN f\nRUN g');
  await expect(stageNode(page, 1).locator('.sw-instructions li')).toHaveCount(6);
  // And stage "two" (at the end), so whichever sits on top grows into the other.
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('RUN c\nRUN d\nRUN e\nRUN f\nRUN g\n');
  await expect(stageNode(page, 2).locator('.sw-instructions li')).toHaveCount(6);
  await expect(async () => {
    const a = (await stageNode(page, 1).boundingBox())!;
    const b = (await stageNode(page, 2).boundingBox())!;
    const apart = a.y + a.height <= b.y + 1 || b.y + b.height <= a.y + 1 || a.x + a.width <= b.x + 1 || b.x + b.width <= a.x + 1;
    expect(apart).toBe(true);
  }).toPass({ timeout: 10_000 });
});

test('diagnostics show as markers in the editor and go when fixed', async ({ page }) => {
  await openApp(page, 'FROM alpine AS a\nCOPY --from=a /x /y\n');
  await expect(page.getByTestId('editor').locator('.squiggly-error')).not.toHaveCount(0);
  await setEditorText(page, 'FROM alpine AS a\nFROM alpine AS b\nCOPY --from=a /x /y\n');
  await expect(page.getByTestId('editor').locator('.squiggly-error')).toHaveCount(0);
});

test('an info note reported for many stages is one folded group; errors stay in line order around it', async ({ page }) => {
  const { readFileSync } = await import('node:fs');
  const cli = readFileSync(new URL('../../shared/corpus/real-world/docker__cli__Dockerfile.Dockerfile', import.meta.url), 'utf8');
  // An error on the first line, before every UnusedStage note.
  await openApp(page, 'FROM\n' + cli);
  const list = page.getByTestId('problems');
  const group = list.getByTestId('problem-group');
  await expect(group).toHaveCount(1);
  await expect(group).toHaveAttribute('data-code', 'UnusedStage');
  await expect(group.locator('summary')).toContainText('A stage the build target never uses');
  const notes = group.getByTestId('problem');
  const count = await notes.count();
  expect(count).toBeGreaterThanOrEqual(4);
  await expect(group.locator('summary')).toContainText(`${count} ×`);
  // The status bar counts the notes beside errors and warnings.
  const infos = await list.locator('[data-testid="problem"][data-severity="info"]').count();
  await expect(page.getByTestId('status-notes')).toHaveText(`ℹ ${infos} notes`);
  await expect(notes.first()).toBeHidden();
  await expect(list.locator('[data-testid="problem"][data-severity="error"]').first()).toBeVisible();
  await group.locator('summary').click();
  await expect(notes.first()).toBeVisible();
  await notes.nth(1).click();
  const line = Number(await notes.nth(1).getAttribute('data-line'));
  await expect.poll(() => cursorLine(page)).toBe(line);
});

test('a graph too wide to fit is shown from its start, not centred with both ends cut off', async ({ page }) => {
  // A chain of 60 stages: one layer each, far wider than the pane at the smallest fitting zoom.
  const chain = ['FROM alpine AS s0', ...Array.from({ length: 59 }, (_, i) => `FROM s${i} AS s${i + 1}`)].join('\n') + '\n';
  await openApp(page, chain);
  await expect(stageNodes(page).first()).toBeVisible();
  await expect
    .poll(() =>
      page.evaluate(() => {
        const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
        const lefts = [...document.querySelectorAll('.react-flow__node')].map((n) => n.getBoundingClientRect().left);
        return Math.round(Math.min(...lefts) - pane.left);
      }),
    )
    .toBe(24);
});

test('a mid-sized graph is fitted whole', async ({ page }) => {
  const { readFileSync } = await import('node:fs');
  const cli = readFileSync(new URL('../../shared/corpus/real-world/docker__cli__Dockerfile.Dockerfile', import.meta.url), 'utf8');
  await openApp(page, cli);
  await expectStages(page, 23);
  const outside = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    return [...document.querySelectorAll('.react-flow__node')].filter((n) => {
      const r = n.getBoundingClientRect();
      return r.left < pane.left || r.right > pane.right || r.top < pane.top || r.bottom > pane.bottom;
    }).length;
  });
  expect(outside).toBe(0);
});

test('heredoc bodies read as content in the editor, even a line that starts like an instruction', async ({ page }) => {
  await openApp(page, 'FROM alpine AS build\nRUN <<EOF\nset -e\nFROM this is shell, not an instruction\nEOF\nCOPY --from=build / /\n');
  await expectStages(page, 1);
  const body = page.getByTestId('editor').locator('.view-lines .sw-heredoc-text');
  await expect(body.first()).toBeVisible();
  await expect.poll(async () => (await body.allTextContents()).join('').replace(/\u00a0/g, ' ')).toContain('FROM this is shell');
  // The opener and the terminator.
  await expect(page.getByTestId('editor').locator('.view-lines .sw-heredoc-delimiter')).toHaveText(['<<EOF', 'EOF']);
  // Outside the heredoc, nothing is marked.
  await expect.poll(async () => (await body.allTextContents()).join('')).not.toContain('COPY');
});

test('stages are symbols in the editor: completion, go to definition, rename, hover', async ({ page }) => {
  const text = 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\n\nFROM build AS test\nRUN go test ./...\n\nFROM alpine:3.20 AS runtime\nCOPY --from=build /out/app /bin/app\n';
  await openApp(page, text);
  await expectStages(page, 3);
  const editor = page.getByTestId('editor');
  const place = (lineNumber: number, column: number) =>
    page.evaluate(([l, c]) => {
      const e = window.__stagewright!.editor as { setPosition(p: object): void; focus(): void };
      e.setPosition({ lineNumber: l, column: c });
      e.focus();
    }, [lineNumber, column] as const);

  // Completion after --from= offers the stages above, nearest first; Enter takes one.
  await place(9, 1);
  await page.keyboard.type('COPY --from=');
  const rows = editor.locator('.suggest-widget .monaco-list-row .label-name');
  await expect(rows).toHaveText(['test', 'build']);
  await page.keyboard.press('Enter');
  await page.keyboard.type(' /report.xml /report.xml');
  await expect.poll(() => editorText(page)).toBe(text + 'COPY --from=test /report.xml /report.xml');

  // With the cursor on a reference, every mention of the stage is highlighted: its name, FROM build, --from=build.
  await place(8, 15);
  await expect(editor.locator('.cdr.wordHighlightStrong')).toHaveCount(1);
  await expect(editor.locator('.cdr.wordHighlight')).toHaveCount(2);

  // F12 on the reference in line 8 goes to the AS name in line 1.
  await place(8, 15);
  await page.keyboard.press('F12');
  await expect.poll(() => cursorLine(page)).toBe(1);

  // F2 on the name renames the stage and every reference, through the canvas's rename edit.
  await place(1, 23);
  await page.keyboard.press('F2');
  const input = editor.locator('.rename-box input');
  await expect(input).toBeVisible();
  await input.fill('builder');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => editorText(page))
    .toBe(text.replaceAll('AS build\n', 'AS builder\n').replace('FROM build AS', 'FROM builder AS').replace('--from=build ', '--from=builder ') + 'COPY --from=test /report.xml /report.xml');
  await expect(stageNode(page, 0)).toHaveAttribute('data-stage-name', 'builder');

  // A name the stage cannot take is refused with the reason.
  await place(1, 23);
  await page.keyboard.press('F2');
  await input.fill('test');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Cannot rename to "test"');
  expect(await editorText(page)).toContain('AS builder\n');

  // Hovering a reference names the stage it reaches.
  await place(4, 8);
  await page.keyboard.press('ControlOrMeta+k');
  await page.keyboard.press('ControlOrMeta+i');
  await expect(page.locator('.monaco-hover-content').first()).toContainText('Stage builder (#0), line 1: FROM golang:1.23');
  await page.keyboard.press('Escape');
  // ... and an image, that it is one.
  await place(7, 9);
  await page.keyboard.press('ControlOrMeta+k');
  await page.keyboard.press('ControlOrMeta+i');
  await expect(page.locator('.monaco-hover-content').first()).toContainText('Image alpine:3.20');
  await page.keyboard.press('Escape');

  // Each stage folds from its FROM line: folding the first hides its RUN.
  await place(1, 1);
  await page.keyboard.press('ControlOrMeta+Shift+BracketLeft');
  await expect(editor.locator('.view-line').filter({ hasText: 'go build -o /out/app' })).toHaveCount(0);
});

test('after $ the editor offers the build variables in scope there', async ({ page }) => {
  const text = 'ARG GO_VERSION=1.23\nFROM golang:1.23 AS build\nENV CGO_ENABLED=0\nARG TARGETARCH\n';
  await openApp(page, text);
  await expectStages(page, 1);
  const rows = page.getByTestId('editor').locator('.suggest-widget .monaco-list-row .label-name');
  await page.evaluate((line) => {
    const e = window.__stagewright!.editor as { setPosition(p: object): void; focus(): void };
    e.setPosition({ lineNumber: line, column: 1 });
    e.focus();
  }, 5);
  // Inside the stage: its ARG and ENV, not the global GO_VERSION it never declared.
  await page.keyboard.type('RUN echo $');
  await expect(rows).toHaveText(['TARGETARCH', 'CGO_ENABLED']);
  await page.keyboard.press('Enter');
  await expect.poll(() => editorText(page)).toBe(text + 'RUN echo $TARGETARCH');
  // On a FROM line: the global ARGs first, then BuildKit's automatic ones.
  await page.keyboard.type('\nFROM alpine:${');
  await expect(rows.first()).toHaveText('GO_VERSION');
  await expect(rows.filter({ hasText: 'BUILDPLATFORM' })).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect.poll(() => editorText(page)).toBe(text + 'RUN echo $TARGETARCH\nFROM alpine:${GO_VERSION}');

  // A use of a variable: the hover says what it is there, F12 goes to its declaration.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ControlOrMeta+k');
  await page.keyboard.press('ControlOrMeta+i');
  await expect(page.locator('.monaco-hover-content').first()).toContainText('GO_VERSION: global ARG, = 1.23 (line 1)');
  await page.keyboard.press('Escape');
  await page.keyboard.press('F12');
  await expect.poll(() => cursorLine(page)).toBe(1);
});
