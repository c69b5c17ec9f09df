/**
 * One keystroke in the bank search over 10,000 institutions, in Chromium on the throttled CPU (x4): the script time
 * the keystroke costs (Chrome's own ScriptDuration, from the key to the frame that shows the new results) and how
 * many frames pass before those results are on screen.
 */
import type { CDPSession, Page } from 'playwright-core';
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

/** Frames from the next keydown to the frame whose paint shows the new results (the search's status line). */
const FRAMES_UNTIL_RESULTS = `window.benchFrames = new Promise((resolve) => {
  const status = document.querySelector('p[role="status"].cw-muted');
  const before = status ? status.textContent : '';
  let frames = 0;
  let shown = false;
  const observer = new MutationObserver(() => {
    if ((status ? status.textContent : '') !== before) shown = true;
  });
  if (status) observer.observe(status, { childList: true, characterData: true, subtree: true });
  function tick() {
    frames += 1;
    if (shown || frames > 60) {
      observer.disconnect();
      resolve(frames);
    } else requestAnimationFrame(tick);
  }
  document.addEventListener('keydown', () => requestAnimationFrame(tick), { once: true });
}); true`;

/** What one key costs: read in the page (frames) and from Chrome's metrics (script). */
async function press(
  page: Page,
  cdp: CDPSession,
  key: string,
): Promise<{ scriptMs: number; frames: number }> {
  const scriptBefore = await scriptSeconds(cdp);
  // A string, not a function: the bench runs through tsx, whose helpers do not exist in the page.
  await page.evaluate(FRAMES_UNTIL_RESULTS);
  await page.keyboard.press(key);
  const frames = await page.evaluate<number>('window.benchFrames');
  // Let what the keystroke scheduled (React's deferred render, effects) finish before reading the total.
  await page.waitForTimeout(50);
  const scriptMs = ((await scriptSeconds(cdp)) - scriptBefore) * 1000;
  return { scriptMs, frames };
}

async function scriptSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return metrics.find((metric) => metric.name === 'ScriptDuration')?.value ?? 0;
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
    await cdp.send('Performance.enable');
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
    await press(page, cdp, 'x');
    await press(page, cdp, 'Backspace');
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
    for (const key of keys) runs.push(await press(page, cdp, key));
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
