/**
 * Cold loads of `/embed.html` in Chromium on a throttled profile: the page framed by a host on another port, a new
 * browser context (empty cache) per run. Times count from the embed page's own navigation start.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { createServerApp } from '../server/app';
import { boundConfig, parseConfig } from '../server/config';
import { embedPagePolicy } from '../server/security';
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
  /**
   * The floor: a bare HTML page with the same sign-in form (no script), served the same way, framed the same way,
   * loaded cold in the same run, interleaved with the widget's loads.
   */
  floor: { formUsable: Stats; runs: number[] };
  /** The widget's median time to a usable form over the floor's. */
  formUsableVsFloor: number;
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

/** The floor page's path: written beside the built app for the run, removed after. */
const FLOOR_PATH = '/bench-floor.html';

/**
 * The floor: the credential screen as plain HTML (the widget's markup, classes and wording, and the embed page's own
 * stylesheets), and no script. What any page with this form costs on the same network and CPU.
 */
function floorPage(stylesheets: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Connect your bank account</title>
    ${stylesheets}
  </head>
  <body>
    <div class="cw-embed">
      <div class="cw-widget" data-theme="light" lang="en">
        <div class="cw-card" role="region" aria-label="Bank connection">
          <section class="cw-screen" aria-labelledby="heading">
            <h2 class="cw-heading" id="heading" tabindex="-1">Sign in to Flinks Capital</h2>
            <p>Use the username and password you use for Flinks Capital’s online banking.</p>
            <form class="cw-form" novalidate>
              <div class="cw-field">
                <label class="cw-label" for="username">Username or card number</label>
                <input id="username" class="cw-input" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false">
              </div>
              <div class="cw-field">
                <label class="cw-label" for="password">Password</label>
                <div class="cw-password">
                  <input id="password" class="cw-input" name="password" type="password" autocomplete="current-password" autocapitalize="none" spellcheck="false">
                  <button type="button" class="cw-button cw-button--quiet cw-password-toggle" aria-pressed="false" aria-controls="password">Show password</button>
                </div>
              </div>
              <p class="cw-muted">Your password goes straight to Flinks Capital over a secure connection. It is never saved.</p>
              <button type="submit" class="cw-button cw-button--primary">Connect</button>
            </form>
          </section>
        </div>
      </div>
    </div>
  </body>
</html>
`;
}

/** In every frame: the embed page notes when its username field is first in the DOM and enabled (epoch ms). */
const WATCH_FOR_FORM = `
if (location.pathname === '/embed.html' || location.pathname === '${FLOOR_PATH}') {
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
  // The floor is framed like the embed page, so it gets the embed page's policy (the server frames nothing else).
  const embedPolicy = embedPagePolicy({ apiBaseUrl: config.apiUrl, allowedOrigins: config.allowedOrigins });
  const framed = new Hono()
    .use(async (c, next) => {
      await next();
      if (c.req.path === FLOOR_PATH) c.res.headers.set('Content-Security-Policy', embedPolicy);
    })
    .all('*', (c) => served(c.req.raw));
  const widget = await listen({
    port: 0,
    fetch: gzip ? new Hono().use(compress()).all('*', (c) => framed.fetch(c.req.raw)).fetch : framed.fetch,
  });
  // The widget's own origin is only known once it listens: its Host allow-list needs it.
  app = createServerApp(boundConfig(config, widget.port), { distDir });
  return { widget, host, close: async () => void (await Promise.all([widget.close(), host.close()])) };
}

/** One cold load of the floor page: when its form is usable, ms after its navigation start. */
async function coldFloorLoad(browser: Browser, servers: Servers): Promise<number> {
  const context = await browser.newContext();
  try {
    await context.addInitScript(WATCH_FOR_FORM);
    const page = await context.newPage();
    await throttle(context, page);
    const src = `${servers.widget.url}${FLOOR_PATH}`;
    await page.goto(`${servers.host.url}/bench-host.html?src=${encodeURIComponent(src)}`);
    const frame = await frameAt(page, src);
    await frame.waitForSelector('input[autocomplete=username]:enabled', { timeout: 60_000 });
    await frame.waitForFunction('window.benchFormUsableAt !== undefined', undefined, { timeout: 60_000 });
    if (!(await frame.evaluate<boolean>(FOCUS_FIELD))) throw new Error('The floor page did not take focus');
    return (await frame.evaluate<FrameTiming>(READ_TIMING)).usableMs;
  } finally {
    await context.close();
  }
}

async function frameAt(page: Page, src: string): Promise<Frame> {
  for (let tries = 0; tries < 600; tries += 1) {
    const frame = page.frames().find((candidate) => candidate.url() === src);
    if (frame) return frame;
    await page.waitForTimeout(100);
  }
  throw new Error(`No frame loaded ${src}`);
}

async function throttle(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: THROTTLING.latencyMs,
    downloadThroughput: THROTTLING.downloadBytesPerSecond,
    uploadThroughput: THROTTLING.uploadBytesPerSecond,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLING.cpuSlowdown });
}

async function coldLoad(browser: Browser, servers: Servers): Promise<LoadRun> {
  const context = await browser.newContext();
  try {
    await context.addInitScript(WATCH_FOR_FORM);
    const page = await context.newPage();
    await throttle(context, page);

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
  const floorFile = writeFloorPage(distDir);
  const servers = await startServers(distDir, gzip);
  const browser = await launchChromium();
  try {
    // One load of each first, not recorded: the browser's own first-start costs are not the page's.
    await coldLoad(browser, servers);
    await coldFloorLoad(browser, servers);
    const recorded: LoadRun[] = [];
    const floorRuns: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      recorded.push(await coldLoad(browser, servers));
      floorRuns.push(await coldFloorLoad(browser, servers));
    }
    const formUsable = stats(recorded.map((run) => run.formUsableMs));
    const floor = { formUsable: stats(floorRuns), runs: floorRuns };
    const paints = recorded.flatMap((run) =>
      run.firstContentfulPaintMs === null ? [] : [run.firstContentfulPaintMs],
    );
    return {
      runs: recorded,
      appMounted: stats(recorded.map((run) => run.appMountedMs)),
      formUsable,
      floor,
      formUsableVsFloor: formUsable.median / floor.formUsable.median,
      firstContentfulPaint: paints.length > 0 ? stats(paints) : null,
      caching: await cachingHeaders(servers.widget.url, assetPath),
      compressed: recorded.every((run) => run.encodedBytes < run.decodedBytes),
    };
  } finally {
    await browser.close();
    await servers.close();
    for (const file of floorFile) rmSync(file, { force: true });
  }
}

/** Writes the floor page and its brotli and gzip copies into the built app, as the build does for its own pages. */
function writeFloorPage(distDir: string): string[] {
  const embedPage = readFileSync(join(distDir, 'embed.html'), 'utf8');
  const stylesheets = (embedPage.match(/<link rel="stylesheet"[^>]*>/g) ?? []).join('\n    ');
  const path = join(distDir, FLOOR_PATH.slice(1));
  const content = Buffer.from(floorPage(stylesheets));
  writeFileSync(path, content);
  writeFileSync(
    `${path}.br`,
    brotliCompressSync(content, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
    }),
  );
  writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
  return [path, `${path}.br`, `${path}.gz`];
}
