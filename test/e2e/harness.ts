import { chromium, type Browser, type BrowserContext, type FrameLocator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';

/** Debian's Chromium, with the flags vitest.config.ts gives every browser suite. */
export function launchChromium(): Promise<Browser> {
  const { executablePath, args } = inject('chromium');
  return chromium.launch({ executablePath, args, headless: true });
}

/** One entry of the host page's log: what the SDK handed to `onEvent`, `onSuccess` and `onExit`. */
export type HostEntry =
  | { kind: 'event'; name: string; metadata: Record<string, unknown> }
  | { kind: 'success'; success: Record<string, unknown> }
  | { kind: 'exit'; error: Record<string, unknown> | null; metadata: Record<string, unknown> };

interface HostWindow {
  hostLog: HostEntry[];
  hostMessages: { origin: string; data: unknown }[];
  ConnectWidget: { mount: unknown };
}

/** Everything a test looks at once the page is open: the host, the widget inside it, and what the browser saw. */
export interface HostSession {
  context: BrowserContext;
  page: Page;
  /** The widget's iframe, for roles and labels. */
  widget: FrameLocator;
  /** Console lines of every frame, errors included. */
  console: string[];
  /** `securitypolicyviolation` events of every frame. */
  violations: string[];
  /** Every URL the browser requested. */
  requests: string[];
  /** The partner page's address as the test opened it (it carries the embed parameters the test chose). */
  hostUrl: string;
  events(): Promise<HostEntry[]>;
  /** The names of the events the host received, in order. */
  eventNames(): Promise<string[]>;
  waitForEvent(name: string): Promise<void>;
  close(): Promise<void>;
}

export const WIDGET_TITLE = 'Connect your bank account';

/**
 * Opens the partner's page, which mounts `/embed.html?{params}` with `/connect.js`.
 * `origin` defaults to the allowed host origin.
 */
export async function openHost(
  browser: Browser,
  params: Record<string, string>,
  origin: string = inject('hostOrigin'),
): Promise<HostSession> {
  const context = await browser.newContext();
  const consoleLines: string[] = [];
  const violations: string[] = [];
  const requests: string[] = [];
  // Every frame reports CSP violations through a binding, so a frame that never loads cannot hide one.
  await context.exposeBinding('reportViolation', (_source, line: string) => {
    violations.push(line);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportViolation: (line: string) => void }).reportViolation;
      report(`${location.origin}: ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => consoleLines.push(`pageerror: ${error.message}`));

  const query = new URLSearchParams(params).toString();
  const hostUrl = `${origin}/host.html?embed=${encodeURIComponent(query ? `?${query}` : '')}`;
  await page.goto(hostUrl);

  const events = () => page.evaluate(() => (window as unknown as HostWindow).hostLog);
  return {
    context,
    page,
    widget: page.frameLocator(
      `iframe[title="${WIDGET_TITLE}"], iframe[title="Connexion de votre compte bancaire"]`,
    ),
    console: consoleLines,
    violations,
    requests,
    hostUrl,
    events,
    eventNames: async () => (await events()).flatMap((entry) => (entry.kind === 'event' ? [entry.name] : [])),
    waitForEvent: async (name) => {
      await page.waitForFunction(
        (wanted) =>
          (window as unknown as HostWindow).hostLog.some(
            (entry) => entry.kind === 'event' && entry.name === wanted,
          ),
        name,
      );
    },
    close: () => context.close(),
  };
}

/** A test file's Chromium, and the host session of the test running. */
export interface FileChromium {
  /** Launched before the file's first test, closed after its last. */
  readonly browser: Browser;
  /** {@link openHost}, whose session is closed once the test ends, pass or fail. */
  open(params: Record<string, string>, origin?: string): Promise<HostSession>;
}

/** Registers the hooks that give a test file one Chromium and close each test's host session after it. */
export function chromiumForFile(): FileChromium {
  let browser: Browser | undefined;
  let session: HostSession | null = null;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await session?.close();
    session = null;
  });

  const file: FileChromium = {
    get browser() {
      if (!browser) throw new Error('`browser` was read before beforeAll launched Chromium');
      return browser;
    },
    open: async (params, origin) => {
      session = await openHost(file.browser, params, origin);
      return session;
    },
  };
  return file;
}

/** Local and session storage and cookies of the host page and of the widget's frame. */
async function storageOf(session: HostSession): Promise<string[]> {
  const dump = () =>
    JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie });
  return Promise.all(session.page.frames().map((frame) => frame.evaluate(dump)));
}

/**
 * No password, MFA answer or token in an event, a URL, a storage entry or a console line. The two addresses the
 * test itself wrote (the partner page's and the embed page's, which carry the token the host chose to pass) are
 * the only URLs left out.
 */
export async function expectNoSecrets(session: HostSession, secrets: readonly string[]): Promise<void> {
  const embedPage = `${inject('widgetOrigin')}/embed.html?`;
  const urls = [...session.requests, session.page.url()].filter(
    (url) => url !== session.hostUrl && !url.startsWith(embedPage),
  );
  const places = {
    events: [JSON.stringify(await session.events())],
    urls,
    storage: await storageOf(session),
    console: session.console,
  };
  for (const [place, texts] of Object.entries(places)) {
    for (const secret of secrets) {
      const leaks = texts.filter((text) => text.toLowerCase().includes(secret.toLowerCase()));
      expect(leaks, `"${secret}" found in ${place}`).toEqual([]);
    }
  }
}

/** CSP violations and CSP console errors seen so far. */
export function cspProblems(session: HostSession): string[] {
  return [...session.violations, ...session.console.filter((line) => /Content Security Policy/i.test(line))];
}
