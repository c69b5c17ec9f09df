/**
 * Cold loads of `/embed.html` in Chromium on a throttled profile: the page framed by a host on another port, a new
 * browser context (empty cache) per run. Times count from the embed page's own navigation start.
 */
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { chromium, type Browser } from 'playwright-core';
import { createServerApp } from '../server/app';
import { boundConfig, parseConfig } from '../server/config';
import { listen, type Listening } from '../src/sandbox/node';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/chromium';
import { THROTTLING } from './budgets';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

export interface LoadRun {
  /** APP_MOUNTED received by the host, ms after the embed page's navigation start. */
  appMountedMs: number;
  /** The username field in the DOM and enabled, ms after navigation start. */
  formUsableMs: number;
  /** The first paint with content in the embed page. */
  firstContentfulPaintMs: number | null;
  /** The embed page's own requests (API calls excluded) finished before the form was usable. */
  requests: number;
  /** Bytes on the wire for those requests (headers included). */
  transferredBytes: number;
  /** Their bodies as the server sent them, and decoded: equal when nothing was compressed. */
  encodedBytes: number;
  decodedBytes: number;
}

export interface Stats {
  median: number;
  min: number;
  max: number;
}

export function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return { median, min: sorted[0] ?? 0, max: sorted.at(-1) ?? 0 };
}

export interface LoadReport {
  runs: LoadRun[];
  appMounted: Stats;
  formUsable: Stats;
  firstContentfulPaint: Stats | null;
  /** `cache-control` of a hashed asset and of `/embed.html`, as the server sends them. */
  caching: { asset: string | null; assetPath: string | null; page: string | null };
  /** The embed page's first load was served compressed (gzip/br). */
  compressed: boolean;
}

/** The partner page: frames the embed page and notes when each event arrives (its own clock, epoch ms). */
const HOST_PAGE = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Bench host</title></head>
  <body>
    <script>
      window.benchEvents = [];
      addEventListener('message', function (event) {
        var data = typeof event.data === 'string' ? JSON.parse(event.data) : event.data;
        if (data && data.source === 'connect-widget') {
          window.benchEvents.push({ step: data.step, at: performance.timeOrigin + performance.now() });
        }
      });
      var frame = document.createElement('iframe');
      frame.title = 'Connect widget';
      frame.width = '420';
      frame.height = '720';
      frame.src = new URLSearchParams(location.search).get('src');
      document.body.appendChild(frame);
    </script>
  </body>
</html>`;

// Browser-side code is kept as text: tsx would otherwise wrap its functions in helpers the page does not have.

/** In every frame: the embed page notes when its username field is first in the DOM and enabled (epoch ms). */
const WATCH_FOR_FORM = `
if (location.pathname === '/embed.html') {
  var observer = new MutationObserver(function () {
    if (window.benchFormUsableAt === undefined && document.querySelector('input[autocomplete=username]:enabled')) {
      window.benchFormUsableAt = performance.timeOrigin + performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true });
}`;

/** In the embed page, once the form is usable: its timings, and what it loaded until then. */
const READ_TIMING = `(function () {
  var usableMs = window.benchFormUsableAt - performance.timeOrigin;
  var loaded = performance.getEntriesByType('navigation').concat(
    performance.getEntriesByType('resource').filter(function (entry) {
      return entry.responseEnd <= usableMs && new URL(entry.name).pathname.indexOf('/v3/') !== 0;
    }),
  );
  function sum(key) {
    return loaded.reduce(function (total, entry) { return total + entry[key]; }, 0);
  }
  var paint = performance.getEntriesByName('first-contentful-paint')[0];
  return {
    origin: performance.timeOrigin,
    usableMs: usableMs,
    fcp: paint ? paint.startTime : null,
    requests: loaded.length,
    transferred: sum('transferSize'),
    encoded: sum('encodedBodySize'),
    decoded: sum('decodedBodySize'),
  };
})()`;

const APP_MOUNTED_AT = `(function () {
  var mounted = window.benchEvents.find(function (event) { return event.step === 'APP_MOUNTED'; });
  return mounted ? mounted.at : null;
})()`;

const FOCUS_FIELD = `(function () {
  var input = document.querySelector('input[autocomplete=username]:enabled');
  if (!input) return false;
  input.focus();
  return document.activeElement === input;
})()`;

interface FrameTiming {
  origin: number;
  usableMs: number;
  fcp: number | null;
  requests: number;
  transferred: number;
  encoded: number;
  decoded: number;
}

interface Servers {
  widget: Listening;
  host: Listening;
  close(): Promise<void>;
}

async function startServers(distDir: string, gzip: boolean): Promise<Servers> {
  const hostApp = new Hono();
  hostApp.get('/bench-host.html', (c) => c.html(HOST_PAGE));
  const host = await listen({ port: 0, fetch: hostApp.fetch });
  const config = parseConfig({
    PORT: '0',
    CONNECT_ALLOWED_ORIGINS: host.url,
    SANDBOX_RATE_LIMIT_PER_MINUTE: '0',
  });
  let app: Hono | null = null;
  const served = (request: Request) => (app ? app.fetch(request) : new Response('Starting', { status: 503 }));
  const widget = await listen({
    port: 0,
    fetch: gzip ? new Hono().use(compress()).all('*', (c) => served(c.req.raw)).fetch : served,
  });
  // The widget's own origin is only known once it listens: its Host allow-list needs it.
  app = createServerApp(boundConfig(config, widget.port), { distDir });
  return { widget, host, close: async () => void (await Promise.all([widget.close(), host.close()])) };
}

async function coldLoad(browser: Browser, servers: Servers): Promise<LoadRun> {
  const context = await browser.newContext();
  try {
    await context.addInitScript(WATCH_FOR_FORM);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: THROTTLING.latencyMs,
      downloadThroughput: THROTTLING.downloadBytesPerSecond,
      uploadThroughput: THROTTLING.uploadBytesPerSecond,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLING.cpuSlowdown });

    const widget = servers.widget.url;
    const params = new URLSearchParams({
      parentOrigin: servers.host.url,
      demo: 'true',
      institution: 'FlinksCapital',
    });
    const src = `${widget}/embed.html?${params}`;
    await page.goto(`${servers.host.url}/bench-host.html?src=${encodeURIComponent(src)}`);
    await page.waitForFunction(`${APP_MOUNTED_AT} !== null`, undefined, { timeout: 60_000 });
    const frame = page.frames().find((candidate) => candidate.url().startsWith(`${widget}/embed.html`));
    if (!frame) throw new Error('The embed page never loaded in its frame');
    await frame.waitForSelector('input[autocomplete=username]:enabled', { timeout: 60_000 });
    if (!(await frame.evaluate<boolean>(FOCUS_FIELD)))
      throw new Error('The username field did not take focus');

    const mountedAt = await page.evaluate<number>(APP_MOUNTED_AT);
    const timing = await frame.evaluate<FrameTiming>(READ_TIMING);
    return {
      appMountedMs: mountedAt - timing.origin,
      formUsableMs: timing.usableMs,
      firstContentfulPaintMs: timing.fcp,
      requests: timing.requests,
      transferredBytes: timing.transferred,
      encodedBytes: timing.encoded,
      decodedBytes: timing.decoded,
    };
  } finally {
    await context.close();
  }
}

async function cachingHeaders(widget: string, assetPath: string | null) {
  const header = async (path: string) =>
    (await fetch(`${widget}${path}`, { method: 'GET' })).headers.get('cache-control');
  return {
    assetPath,
    asset: assetPath ? await header(assetPath) : null,
    page: await header('/embed.html'),
  };
}

export interface LoadOptions {
  /** The built app (`dist/app`). */
  distDir: string;
  /** Recorded runs, each in a fresh context. */
  runs: number;
  /** A first hashed asset to read the caching headers of, e.g. `/assets/embed-abc.js`. */
  assetPath: string | null;
  /** What-if: serve through gzip (hono/compress) in front of the server app. */
  gzip?: boolean;
}

export async function measureLoad({
  distDir,
  runs,
  assetPath,
  gzip = false,
}: LoadOptions): Promise<LoadReport> {
  const servers = await startServers(distDir, gzip);
  const browser = await launchChromium();
  try {
    // One load first, not recorded: the browser's own first-start costs are not the page's.
    await coldLoad(browser, servers);
    const recorded: LoadRun[] = [];
    for (let run = 0; run < runs; run += 1) recorded.push(await coldLoad(browser, servers));
    const paints = recorded.flatMap((run) =>
      run.firstContentfulPaintMs === null ? [] : [run.firstContentfulPaintMs],
    );
    return {
      runs: recorded,
      appMounted: stats(recorded.map((run) => run.appMountedMs)),
      formUsable: stats(recorded.map((run) => run.formUsableMs)),
      firstContentfulPaint: paints.length > 0 ? stats(paints) : null,
      caching: await cachingHeaders(servers.widget.url, assetPath),
      compressed: recorded.every((run) => run.encodedBytes < run.decodedBytes),
    };
  } finally {
    await browser.close();
    await servers.close();
  }
}
