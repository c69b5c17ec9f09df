/**
 * One keystroke in the bank search over 10,000 institutions, in Chromium on the throttled CPU (x4): the script time
 * the keystroke costs (Chrome's own ScriptDuration, from the key to the frame that shows the new results) and how
 * many frames pass before those results are on screen.
 */
import type { Page } from 'playwright-core';
import { createServerApp } from '../server/app';
import { boundConfig, parseConfig } from '../server/config';
import { createSandbox, SANDBOX_INSTITUTIONS } from '../src/sandbox';
import { listen } from '../src/sandbox/node';
import { THROTTLING } from './budgets';
import { launchChromium, stats, type Stats } from './load';

export const CATALOG_SIZE = 10_000;

export interface KeystrokeReport {
  institutions: number;
  keystrokes: number;
  /** Script per keystroke (ms, throttled). */
  scriptMs: Stats;
  /** Frames from the key to the frame showing its results (1: the very next frame). */
  frames: Stats;
}

/**
 * Installs, in the page, what one keystroke is measured by: the work its input event sets off (from the event's start
 * to the first task after it, so every microtask React or Preact queued for it has run), and the frames from the key
 * to the frame whose paint shows the new results (any change under the screen but the search box itself).
 */
const MEASURE_NEXT_KEY = `window.benchKey = new Promise((resolve) => {
  const screen = document.querySelector('section.cw-screen');
  const input = document.querySelector('input[type="search"]');
  let frames = 0;
  let shown = false;
  let work = null;
  window.addEventListener('input', () => {
    const start = performance.now();
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      work = performance.now() - start;
    };
    channel.port2.postMessage(null);
  }, { capture: true, once: true });
  const observer = new MutationObserver((records) => {
    if (records.some((record) => record.target !== input)) shown = true;
  });
  if (screen) observer.observe(screen, { childList: true, characterData: true, subtree: true });
  function tick() {
    frames += 1;
    if ((shown && work !== null) || frames > 60) {
      observer.disconnect();
      resolve({ frames, work: work === null ? -1 : work });
    } else requestAnimationFrame(tick);
  }
  document.addEventListener('keydown', () => requestAnimationFrame(tick), { once: true });
}); true`;

/** What one key costs, measured in the page (a string, not a function: tsx's helpers do not exist there). */
async function press(page: Page, key: string): Promise<{ scriptMs: number; frames: number }> {
  await page.evaluate(MEASURE_NEXT_KEY);
  await page.keyboard.press(key);
  const { frames, work } = await page.evaluate<{ frames: number; work: number }>('window.benchKey');
  return { scriptMs: work, frames };
}

export async function measureKeystroke(options: { distDir: string }): Promise<KeystrokeReport> {
  const sandbox = createSandbox({ latencyMs: 0, catalogSize: CATALOG_SIZE - SANDBOX_INSTITUTIONS.length });
  let app: ReturnType<typeof createServerApp> | null = null;
  const widget = await listen({
    port: 0,
    fetch: (request, env) => (app ? app.fetch(request, env) : new Response('Starting', { status: 503 })),
  });
  const config = parseConfig({ PORT: String(widget.port), SANDBOX_LATENCY_MS: '0' });
  app = createServerApp(boundConfig(config, widget.port), {
    sandbox,
    distDir: options.distDir,
    log: () => {},
  });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(`${widget.url}/embed.html?demo=true`);
    // The whole catalog is in: the first row knows the list's length.
    await page.waitForFunction(
      (size) => Number(document.querySelector('li[aria-setsize]')?.getAttribute('aria-setsize')) >= size,
      CATALOG_SIZE,
    );
    const search = page.getByRole('searchbox');
    await search.focus();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLING.cpuSlowdown });
    // Warm-up: the first key builds nothing (the index is built when the list first shows) but warms the JIT.
    await press(page, 'x');
    await press(page, 'Backspace');
    const keys = [
      'c',
      'r',
      'e',
      'd',
      'i',
      't',
      'Backspace',
      'Backspace',
      'Backspace',
      'Backspace',
      'Backspace',
      'b',
      'n',
      'c',
    ];
    const runs: { scriptMs: number; frames: number }[] = [];
    for (const key of keys) runs.push(await press(page, key));
    await context.close();
    return {
      institutions: CATALOG_SIZE,
      keystrokes: runs.length,
      scriptMs: stats(runs.map((run) => run.scriptMs)),
      frames: stats(runs.map((run) => run.frames)),
    };
  } finally {
    await browser.close();
    await widget.close();
  }
}
