// The designer measured in a real browser (Debian's Chromium through
// Playwright) on the built app (dist/, built first if missing, served
// precompressed from memory like a static host: see static-server.ts):
//   - keystroke -> canvas updated, p50 and p95, on a generated 1,000-line /
//     50-stage and a 10,000-line / 500-stage Dockerfile;
//   - a canvas gesture (change a base image inline, Enter) -> editor text updated;
//   - cold load -> canvas visible, and -> editor ready.
// Targets (issue 3): p95 < 16 ms at 50 stages and < 100 ms at 500; gesture
// < 16 ms; canvas visible < 600 ms; editor ready < 1 s.
//
// How the times are taken, in the page: a keydown listener (capture phase,
// on window) notes the event's timestamp. A MutationObserver on what should
// change (the stage node being typed into, or Monaco's lines for a gesture)
// then takes two times:
//   - updated: when the change is in the DOM, styled and laid out (the
//     observer forces style and layout, work the next frame would do
//     anyway), i.e. ready for the next frame. This is the figure the targets
//     are read against: 16 ms is one frame at 60 Hz, and an update ready
//     within it shows in the very next frame.
//   - painted: after the next animation frame plus a message-channel hop,
//     i.e. once the browser has painted the change. This adds the wait for
//     the display's next frame (anywhere between 0 and 16.7 ms at 60 Hz, so
//     its p95 alone is close to 16 ms) and the frame's own paint.
// Cold-load times come from window.__stagewright.canvasReadyAt /
// editorReadyAt (src/store/instrumentation.ts), performance.now() values
// measured from navigation start.
import { spawnSync } from 'node:child_process';
import type { Server } from 'node:http';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import { generatedDockerfile } from './model.bench.ts';
import { serveDist } from './static-server.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.ts';
import type {} from '../src/store/instrumentation.ts';

const PORT = 4179;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const STORAGE_KEY = 'stagewright:v1';

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

function summary(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1] };
}

const fmt = (ms: number) => `${ms.toFixed(1).padStart(7)} ms`;
const verdict = (ok: boolean) => (ok ? 'target met' : 'target NOT met');

async function startServer(): Promise<Server> {
  if (!existsSync('dist/index.html')) {
    console.log('dist/ is missing: building the app (npx vite build)…');
    const r = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('vite build failed');
  }
  return serveDist('dist', PORT);
}

/** Opens the app with `text` already saved (as after an earlier visit), waits for editor and laid-out canvas. */
async function openWith(browser: Browser, text: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  await context.addInitScript(
    ([key, value]) => {
      if (!sessionStorage.getItem('bench-seeded')) {
        localStorage.setItem(key, value);
        sessionStorage.setItem('bench-seeded', '1');
      }
    },
    [STORAGE_KEY, JSON.stringify({ text, view: {} })] as const,
  );
  const page = await context.newPage();
  await page.goto(ORIGIN);
  await page.waitForFunction(() => window.__stagewright?.editor && window.__stagewright?.canvasReadyAt, undefined, { timeout: 120_000 });
  return page;
}

/**
 * Puts the cursor at the end of stage `index`'s base image, with the editor
 * focused, and selects the stage as the cursor moving into it would (which
 * brings its node into view: a wide graph is shown from its start).
 */
async function cursorAfterBase(page: Page, index: number): Promise<void> {
  await page.evaluate((i) => {
    type Ed = {
      getModel(): { getPositionAt(o: number): { lineNumber: number; column: number } };
      setPosition(p: { lineNumber: number; column: number }): void;
      revealLineInCenter(l: number): void;
      focus(): void;
    };
    type St = { getState(): { analysis: { stageDetails: { baseSpan: { end: number } }[] }; selectStageAtLine(line: number): void } };
    const sw = window.__stagewright!;
    const editor = sw.editor as Ed;
    const end = (sw.store as St).getState().analysis.stageDetails[i].baseSpan.end;
    const pos = editor.getModel().getPositionAt(end);
    editor.setPosition(pos);
    editor.revealLineInCenter(pos.lineNumber);
    editor.focus();
    (sw.store as St).getState().selectStageAtLine(pos.lineNumber);
  }, index);
  await page.locator(`[data-testid="stage-node"][data-stage-index="${index}"]`).waitFor();
  await page.waitForTimeout(400);
}

interface Sample {
  updated: number;
  painted: number;
}
type Probe = { t0: number | null; samples: Sample[] };

/**
 * Installs window.__probe in the page: a keydown (of `key`, or any) starts a
 * sample, and the next mutation inside `selector` ends it (see the header).
 */
async function installProbe(page: Page, key: string | null, selector: string): Promise<void> {
  // tsx (esbuild's keepNames) wraps the probe's named functions in __name(),
  // which the page does not have.
  await page.evaluate('window.__name = (f) => f');
  await page.evaluate(
    ([key, selector]) => {
      const w = window as unknown as { __probe: Probe };
      w.__probe = { t0: null, samples: [] };
      // Whether we are inside a frame's animation callbacks (Monaco renders
      // there): a change made then is painted by that same frame. A message
      // posted from a frame callback arrives after the frame's paint.
      let inFrame = false;
      const frameEnd = new MessageChannel();
      frameEnd.port1.onmessage = () => (inFrame = false);
      const frame = () => {
        if (w.__probe.t0 === null) return;
        inFrame = true;
        frameEnd.port2.postMessage(0);
        requestAnimationFrame(frame);
      };
      window.addEventListener(
        'keydown',
        (e) => {
          if (key !== null && e.key !== key) return;
          w.__probe.t0 = e.timeStamp;
          requestAnimationFrame(frame);
        },
        true,
      );
      const target = document.querySelector(selector)!;
      new MutationObserver(() => {
        const t0 = w.__probe.t0;
        if (t0 === null) return;
        w.__probe.t0 = null;
        target.getBoundingClientRect();
        const updated = performance.now() - t0;
        const afterPaint = () => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => w.__probe.samples.push({ updated, painted: performance.now() - t0 });
          ch.port2.postMessage(0);
        };
        if (inFrame) afterPaint();
        else requestAnimationFrame(afterPaint);
      }).observe(target, { subtree: true, childList: true, characterData: true });
    },
    [key, selector] as const,
  );
}

async function takeSamples(page: Page): Promise<Sample[]> {
  return page.evaluate(() => (window as unknown as { __probe: Probe }).__probe.samples);
}

async function resetSamples(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { __probe: Probe }).__probe.samples = []));
}

/** "updated p50 … p95 …  (painted p50 … p95 …)" with a verdict on the updated p95. */
function report(samples: Sample[], target: number): string {
  const u = summary(samples.map((x) => x.updated));
  const p = summary(samples.map((x) => x.painted));
  return (
    `updated p50 ${fmt(u.p50)}  p95 ${fmt(u.p95)}  max ${fmt(u.max)}; painted p50 ${fmt(p.p50)}  p95 ${fmt(p.p95)}` +
    `  (${u.n} samples; updated p95 < ${target} ms: ${verdict(u.p95 < target)})`
  );
}

async function keystrokes(browser: Browser, label: string, stages: number, linesPerStage: number, count: number, gapMs: number) {
  const text = generatedDockerfile(stages, linesPerStage);
  const page = await openWith(browser, text);
  const index = Math.floor(stages / 2);
  await cursorAfterBase(page, index);
  await installProbe(page, null, `[data-testid="stage-node"][data-stage-index="${index}"]`);
  // Warm up for about a second of typing: the first keystrokes run before the
  // JIT has optimised the code they use, and the figure is about steady typing.
  for (let k = 0; k < 15; k++) {
    await page.keyboard.type('abc'[k % 3]);
    await page.waitForTimeout(gapMs);
  }
  await resetSamples(page);
  const chars = 'xyzw';
  for (let k = 0; k < count; k++) {
    await page.keyboard.type(chars[k % chars.length]);
    await page.waitForTimeout(gapMs);
  }
  const samples = await takeSamples(page);
  const lines = text.split('\n').length - 1;
  console.log(`keystroke -> canvas, ${label} (${lines} lines, ${stages} stages): ${report(samples, stages <= 50 ? 16 : 100)}`);
  if (samples.length < count) console.log(`  note: ${count - samples.length} keystrokes produced no canvas update`);
  await page.context().close();
}

async function gesture(browser: Browser, label: string, stages: number, linesPerStage: number, count: number) {
  const page = await openWith(browser, generatedDockerfile(stages, linesPerStage));
  const index = Math.floor(stages / 2);
  // The stage's lines on screen, so that the change shows in Monaco's lines.
  await cursorAfterBase(page, index);
  await installProbe(page, 'Enter', '[data-testid="editor"] .view-lines');
  const base = page.locator(`[data-testid="stage-node"][data-stage-index="${index}"] [data-testid="stage-base"]`);
  const change = async (k: number) => {
    await base.dispatchEvent('dblclick');
    const input = page.getByTestId('inline-input');
    await input.fill(`alpine:3.${k}`);
    await input.press('Enter');
    await page.waitForTimeout(stages > 100 ? 400 : 150);
  };
  for (let k = 0; k < 8; k++) await change(100 + k);
  await page.waitForTimeout(500);
  await resetSamples(page);
  for (let k = 0; k < count; k++) await change(k);
  await page.waitForTimeout(500);
  console.log(`gesture (change base image, Enter) -> editor text, ${label}: ${report(await takeSamples(page), 16)}`);
  await page.context().close();
}

async function coldLoad(browser: Browser, label: string, text: string | null, runs: number) {
  const canvas: number[] = [];
  const editor: number[] = [];
  for (let r = 0; r < runs; r++) {
    // A fresh context: empty HTTP cache, so every asset is fetched again.
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    if (text !== null) {
      await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, JSON.stringify({ text, view: {} })] as const);
    }
    const page = await context.newPage();
    await page.goto(ORIGIN);
    await page.waitForFunction(() => window.__stagewright?.editorReadyAt && window.__stagewright?.canvasReadyAt, undefined, { timeout: 60_000 });
    const t = await page.evaluate(() => ({ canvas: window.__stagewright!.canvasReadyAt!, editor: window.__stagewright!.editorReadyAt! }));
    canvas.push(t.canvas);
    editor.push(t.editor);
    await context.close();
  }
  const c = summary(canvas);
  const e = summary(editor);
  console.log(
    `cold load, ${label}: canvas visible p50 ${fmt(c.p50)} (max ${fmt(c.max)}; < 600 ms: ${verdict(c.p50 < 600)})   editor ready p50 ${fmt(e.p50)} (max ${fmt(e.max)}; < 1 s: ${verdict(e.p50 < 1000)})   [${runs} loads]`,
  );
}

// `node --import tsx bench/browser.bench.ts gesture keystroke` runs only those parts (cold, keystroke, gesture).
const only = process.argv.slice(2);
const wanted = (part: string) => only.length === 0 || only.includes(part);

const server = await startServer();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  console.log('\nBrowser benchmark (built app, Debian Chromium, headless)\n');
  if (wanted('cold')) {
    await coldLoad(browser, 'first visit (starter file)', null, 5);
    await coldLoad(browser, 'saved 1,000-line / 50-stage file', generatedDockerfile(50, 20), 5);
  }
  if (wanted('keystroke')) {
    await keystrokes(browser, '50 stages', 50, 20, 60, 60);
    await keystrokes(browser, '500 stages', 500, 20, 40, 250);
  }
  if (wanted('gesture')) {
    await gesture(browser, '50 stages', 50, 20, 20);
    await gesture(browser, '500 stages', 500, 20, 10);
  }
} finally {
  await browser.close();
  server.close();
}
