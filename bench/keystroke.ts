/**
 * One keystroke in the bank search over 10,000 institutions, in Chromium on the throttled CPU (x4): the script time
 * the keystroke costs (Chrome's own ScriptDuration, from the key to the frame that shows the new results, React's
 * deferred render included) and how many frames pass before those results are on screen.
 */
import { writeFileSync } from 'node:fs';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { createServerApp } from '../server/app';
import { boundConfig, parseConfig } from '../server/config';
import { createSandbox, SANDBOX_INSTITUTIONS } from '../src/sandbox';
import { listen } from '../src/sandbox/node';
import { THROTTLING } from './budgets';
import { launchChromium, stats, type Stats } from './load';

const CATALOG_SIZE = 10_000;

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
   * the same way. Not subtracted from anything; near zero on a quiet machine, it tells a busy one.
   */
  idleKeyMs: Stats;
  /** What the measuring itself costs (subtracted from each key, by the frames it counted). */
  overhead: Overhead;
  /**
   * The longest task of a cold load, on the same throttled CPU, up to the list showing every bank (ms): what indexing
   * the catalog for the search costs the page before anyone types. No budget; a cheaper keystroke must not buy it.
   */
  listLoadLongestTaskMs?: Stats;
}

const LIST_LOADS = 3;

/** Notes every long task (over 50 ms) of the page from its start. */
const RECORD_LONG_TASKS = `window.benchLongTasks = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.benchLongTasks.push(entry.duration);
}).observe({ type: 'longtask', buffered: true });`;

const listShows = (size: number) =>
  Number(document.querySelector('li[aria-setsize]')?.getAttribute('aria-setsize')) >= size;

/** Cold loads of the bank list on the throttled CPU: each one's longest task, up to the whole list on screen. */
async function listLoads(browser: Browser, url: string): Promise<Stats> {
  const longest: number[] = [];
  for (let run = 0; run < LIST_LOADS; run += 1) {
    const context = await browser.newContext();
    await context.addInitScript(RECORD_LONG_TASKS);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLING.cpuSlowdown });
    await page.goto(url);
    await page.waitForFunction(listShows, CATALOG_SIZE);
    // The frame after the list: a task still running then has ended, and been noted.
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100)))');
    const tasks = await page.evaluate<number[]>('window.benchLongTasks');
    longest.push(Math.max(0, ...tasks));
    await context.close();
  }
  return stats(longest);
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
  const start = () => requestAnimationFrame(tick);
  document.addEventListener('keydown', start, { once: true });
  // The same count started without a key: what the counting itself costs when nothing changes (no widget code runs).
  document.addEventListener('bench-no-key', start, { once: true });
}); true`;

/** Frames the counter waits for a key whose answer looks the same (\`frames > 20\` above). */
const FRAMES_WHEN_UNCHANGED = 21;

/** Chrome's own count of the page's script time (ms), all tasks and microtasks included. */
async function scriptTime(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return (metrics.find((metric) => metric.name === 'ScriptDuration')?.value ?? 0) * 1000;
}

/** What the measuring itself costs, by how many frames the counter ran. */
export interface Overhead {
  /** The evaluations and one frame. */
  oneFrameMs: number;
  /** Each further frame the counter waits (its callback, its MutationObserver), from a count run without a key. */
  perFrameMs: number;
}

const overheadFor = (overhead: Overhead, frames: number) =>
  overhead.oneFrameMs + Math.max(0, frames - 1) * overhead.perFrameMs;

/**
 * What one key costs: Chrome's ScriptDuration from just before the key to just after the frame that painted its
 * results (every task the key set off: the input event, React's deferred render of the search and the list), less
 * what the measuring itself costs for as many frames as it counted (the same steps without a key).
 */
async function press(
  page: Page,
  cdp: CDPSession,
  key: string,
  overhead: Overhead,
): Promise<{ scriptMs: number; frames: number | null }> {
  await page.evaluate(MEASURE_NEXT_KEY);
  const before = await scriptTime(cdp);
  await page.keyboard.press(key);
  const { frames, shown } = await page.evaluate<{ frames: number; shown: boolean }>('window.benchKey');
  const after = await scriptTime(cdp);
  // A key whose answer looks the same (the same banks: "cre" -> "cred") has nothing to paint: its script counts, its
  // frames do not.
  return {
    scriptMs: Math.max(0, after - before - overheadFor(overhead, frames)),
    frames: shown ? frames : null,
  };
}

/**
 * The script the measuring costs without a key, median of a few: the evaluations and one frame, and the counter run
 * to its end with nothing changing (as for a key whose answer looks the same), which gives the cost of each frame.
 */
async function measuringOverhead(page: Page, cdp: CDPSession): Promise<Overhead> {
  const oneFrame: number[] = [];
  const unchanged: number[] = [];
  for (let run = 0; run < 7; run += 1) {
    await page.evaluate('true');
    let before = await scriptTime(cdp);
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))');
    oneFrame.push((await scriptTime(cdp)) - before);

    await page.evaluate(MEASURE_NEXT_KEY);
    before = await scriptTime(cdp);
    await page.evaluate(`document.dispatchEvent(new Event('bench-no-key')); true`);
    await page.evaluate('window.benchKey');
    unchanged.push((await scriptTime(cdp)) - before);
  }
  const oneFrameMs = stats(oneFrame).median;
  const perFrameMs = Math.max(0, (stats(unchanged).median - oneFrameMs) / (FRAMES_WHEN_UNCHANGED - 1));
  return { oneFrameMs, perFrameMs };
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
    await page.waitForFunction(listShows, CATALOG_SIZE);
    const search = page.getByRole('searchbox');
    await search.focus();
    await cdp.send('Performance.enable');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLING.cpuSlowdown });
    const overhead = await measuringOverhead(page, cdp);
    // Warm-up: the first key builds nothing (the index is built when the list first shows) but warms the JIT.
    await press(page, cdp, 'x', overhead);
    await press(page, cdp, 'Backspace', overhead);
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
    for (const key of keys) runs.push({ key, ...(await press(page, cdp, key, overhead)) });
    if (options.profile) {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: unknown };
      writeFileSync(options.profile, JSON.stringify(profile));
    }
    const idle: number[] = [];
    for (let run = 0; run < 5; run += 1) idle.push((await press(page, cdp, 'Shift', overhead)).scriptMs);
    await context.close();
    const listLoadLongestTaskMs = await listLoads(browser, `${widget.url}/embed.html?demo=true`);
    return {
      institutions: CATALOG_SIZE,
      keystrokes: runs.length,
      scriptMs: stats(runs.map((run) => run.scriptMs)),
      frames: stats(runs.flatMap((run) => (run.frames === null ? [] : [run.frames]))),
      perKey: runs,
      idleKeyMs: stats(idle),
      overhead,
      listLoadLongestTaskMs,
    };
  } finally {
    await browser.close();
    await widget.close();
  }
}
