/**
 * One keystroke in the bank search over 10,000 institutions, in Chromium on the throttled CPU (x4): the script time
 * the keystroke costs (Chrome's own ScriptDuration, from the key to the frame that shows the new results, React's
 * deferred render included) and how many frames pass before those results are on screen.
 */
import { writeFileSync } from 'node:fs';
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
  /** Frames from the key to the frame showing its results (1: the very next frame), over the keys that changed it. */
  frames: Stats;
  /** Each measured key: its script (ms) and frames (null when it changed nothing on screen). */
  perKey: { key: string; scriptMs: number; frames: number | null }[];
  /**
   * The floor of this measure on this machine at this moment: a key the widget does nothing with (Shift), measured
   * the same way. Not subtracted from anything; it tells a busy machine (tens of ms for nothing) from a quiet one.
   */
  idleKeyMs: Stats;
}

/**
 * Installs, in the page, the frame count of the next key: frames from the key to the frame whose paint shows the new
 * results (any change under the screen but the search box itself, deferred renders included).
 */
const MEASURE_NEXT_KEY = `window.benchKey = new Promise((resolve) => {
  const screen = document.querySelector('section.cw-screen');
  const input = document.querySelector('input[type="search"]');
  let frames = 0;
  let shown = false;
  const observer = new MutationObserver((records) => {
    if (records.some((record) => record.target !== input)) shown = true;
  });
  if (screen) observer.observe(screen, { childList: true, characterData: true, subtree: true });
  function tick() {
    frames += 1;
    if (shown || frames > 20) {
      observer.disconnect();
      // The frame that shows the results is painted after this callback: resolve after it.
      requestAnimationFrame(() => setTimeout(() => resolve({ frames, shown })));
    } else requestAnimationFrame(tick);
  }
  document.addEventListener('keydown', () => requestAnimationFrame(tick), { once: true });
}); true`;

/** Chrome's own count of the page's script time (ms), all tasks and microtasks included. */
async function scriptTime(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return (metrics.find((metric) => metric.name === 'ScriptDuration')?.value ?? 0) * 1000;
}

/**
 * What one key costs: Chrome's ScriptDuration from just before the key to just after the frame that painted its
 * results (every task the key set off: the input event, React's deferred render of the search and the list), less
 * what the measuring itself costs (the same steps without a key, `overheadMs`).
 */
async function press(
  page: Page,
  cdp: CDPSession,
  key: string,
  overheadMs: number,
): Promise<{ scriptMs: number; frames: number | null }> {
  await page.evaluate(MEASURE_NEXT_KEY);
  const before = await scriptTime(cdp);
  await page.keyboard.press(key);
  const { frames, shown } = await page.evaluate<{ frames: number; shown: boolean }>('window.benchKey');
  const after = await scriptTime(cdp);
  // A key whose answer looks the same (the same banks: "cre" -> "cred") has nothing to paint: its script counts, its
  // frames do not.
  return { scriptMs: Math.max(0, after - before - overheadMs), frames: shown ? frames : null };
}

/** The script the measuring costs without a key (two evaluations and a frame), median of a few. */
async function measuringOverhead(page: Page, cdp: CDPSession): Promise<number> {
  const runs: number[] = [];
  for (let run = 0; run < 7; run += 1) {
    await page.evaluate('true');
    const before = await scriptTime(cdp);
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))');
    runs.push((await scriptTime(cdp)) - before);
  }
  return stats(runs).median;
}

export async function measureKeystroke(options: {
  distDir: string;
  /** Writes a CPU profile (Chrome DevTools' .cpuprofile) of the measured keys to this file. */
  profile?: string;
}): Promise<KeystrokeReport> {
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
    await cdp.send('Performance.enable');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLING.cpuSlowdown });
    const overheadMs = await measuringOverhead(page, cdp);
    // Warm-up: the first key builds nothing (the index is built when the list first shows) but warms the JIT.
    await press(page, cdp, 'x', overheadMs);
    await press(page, cdp, 'Backspace', overheadMs);
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
    const runs: { key: string; scriptMs: number; frames: number | null }[] = [];
    if (options.profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    for (const key of keys) runs.push({ key, ...(await press(page, cdp, key, overheadMs)) });
    if (options.profile) {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: unknown };
      writeFileSync(options.profile, JSON.stringify(profile));
    }
    const idle: number[] = [];
    for (let run = 0; run < 5; run += 1) idle.push((await press(page, cdp, 'Shift', overheadMs)).scriptMs);
    await context.close();
    return {
      institutions: CATALOG_SIZE,
      keystrokes: runs.length,
      scriptMs: stats(runs.map((run) => run.scriptMs)),
      frames: stats(runs.flatMap((run) => (run.frames === null ? [] : [run.frames]))),
      perKey: runs,
      idleKeyMs: stats(idle),
    };
  } finally {
    await browser.close();
    await widget.close();
  }
}
