import { Hono } from 'hono';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { format } from '../../src/i18n/format';
import {
  FLINKS_CAPITAL_QUESTIONS,
  SANDBOX_ONE_TIME_CODE,
  SANDBOX_PASSWORD,
  TRIANGLE_PNG,
} from '../../src/sandbox';
import { chromiumForFile, cspProblems, type HostSession } from './harness';
import { startStage, type Stage } from './stage';
import { withoutGuids } from '../without-guids';

/**
 * The leak hunt: every persona of CONTRACT §6 through the iframe, with a password, answers and an authorize token
 * that can be recognised anywhere, then a search of every place a secret could end up: what the host received
 * (postMessage payloads and SDK callbacks), every URL a frame visited and every request URL and Referer, local and
 * session storage, IndexedDB, Cache Storage, cookies and the console. The token is the partner's to put in the
 * iframe's address (Flinks Connect's `authorizeToken`), so that address alone may hold it (SECURITY.md).
 */

const BANK = 'Flinks Capital';
const RUN = Date.now().toString(36);
const signInTitle = format(en.ui.credentials.title, { bank: BANK });
const mfaTitle = format(en.mfa.title, { bank: BANK });
const PROCESSING = Object.values(en.screens.processing.titles).map((title) => format(title, { bank: BANK }));
const guidanceTitle = (code: keyof typeof en.guidance.codes) =>
  format(en.guidance.codes[code].title, { bank: BANK });

/** The partner's page for this suite: it mounts the widget when told to, so its own address carries nothing. */
const HOST_SCRIPT = `
window.hostLog = [];
window.hostMessages = [];
window.addEventListener('message', function (event) {
  window.hostMessages.push({ origin: event.origin, data: event.data });
});
window.mountWidget = function (url) {
  window.hostWidget = window.ConnectWidget.mount({
    container: document.getElementById('widget'),
    url: url,
    onEvent: function (name, metadata) { window.hostLog.push({ kind: 'event', name: name, metadata: metadata }); },
    onSuccess: function (success) { window.hostLog.push({ kind: 'success', success: success }); },
    onExit: function (error, metadata) { window.hostLog.push({ kind: 'exit', error: error, metadata: metadata }); },
  });
};
`;

function hostApp(widgetOrigin: () => string): Hono {
  const app = new Hono();
  app.get('/host.html', (c) => {
    const widget = widgetOrigin();
    c.header(
      'Content-Security-Policy',
      `default-src 'none'; script-src 'self' ${widget}; frame-src ${widget}; style-src 'self'; base-uri 'none'`,
    );
    return c.html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner</title>
<script src="${widget}/connect.js"></script><script src="/host.js"></script></head>
<body><h1>Partner</h1><div id="widget"></div></body></html>`);
  });
  app.get('/host.js', (c) => c.body(HOST_SCRIPT, 200, { 'content-type': 'text/javascript' }));
  app.get('/favicon.ico', (c) => c.body(null, 204));
  return app;
}

let stage: Stage;

beforeAll(async () => {
  stage = await startStage(hostApp);
});

afterAll(async () => {
  await stage?.close();
});

const chromium = chromiumForFile();

async function mintToken(): Promise<string> {
  const response = await fetch(`${stage.widgetOrigin}/v3/any/BankingServices/GenerateAuthorizeToken`, {
    method: 'POST',
    headers: { 'flinks-auth-key': `leak-hunt-secret-${RUN}` },
  });
  const { Token } = (await response.json()) as { Token: string };
  return Token;
}

/** What the browser did besides showing pages: every URL a frame went to, and every Referer it sent. */
interface Traces {
  visited: string[];
  referers: Promise<string | null>[];
}

async function openWidget(params: Record<string, string>): Promise<{ current: HostSession; traces: Traces }> {
  const current = await chromium.open({}, stage.hostOrigin);
  const traces: Traces = { visited: [], referers: [] };
  current.page.on('framenavigated', (frame) => traces.visited.push(frame.url()));
  current.context.on('request', (request) => traces.referers.push(request.headerValue('referer')));
  const query = new URLSearchParams({
    demo: 'true',
    consentEnable: 'false',
    institution: 'FlinksCapital',
    ...params,
  });
  const src = `${stage.widgetOrigin}/embed.html?${query.toString()}`;
  await current.page.evaluate(
    (url) => (window as unknown as { mountWidget: (url: string) => void }).mountWidget(url),
    src,
  );
  await current.widget.getByRole('heading', { name: signInTitle }).waitFor();
  return { current, traces };
}

function widgetFrame(page: Page): Frame {
  const frame = page
    .frames()
    .find((candidate) => candidate.url().startsWith(`${stage.widgetOrigin}/embed.html`));
  if (!frame) throw new Error('the widget frame is not there');
  return frame;
}

/** Storage of one frame: local and session storage, every IndexedDB database and every Cache Storage entry. */
function dumpStorage(frame: Frame): Promise<string> {
  return frame.evaluate(async () => {
    const dump: Record<string, unknown> = { local: { ...localStorage }, session: { ...sessionStorage } };
    const databases = typeof indexedDB.databases === 'function' ? await indexedDB.databases() : [];
    const idb: unknown[] = [];
    for (const { name } of databases) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const opening = indexedDB.open(name);
        opening.onsuccess = () => resolve(opening.result);
        opening.onerror = () => reject(opening.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => resolve([]);
        });
        idb.push({ name, store, rows });
      }
      db.close();
    }
    dump.indexedDB = idb;
    const cached: string[] = [];
    if ('caches' in window) {
      for (const key of await caches.keys()) {
        const cache = await caches.open(key);
        cached.push(key, ...(await cache.keys()).map((request) => request.url));
      }
    }
    dump.caches = cached;
    dump.cookie = document.cookie;
    return JSON.stringify(dump);
  });
}

/** Every typed value and the markup of the widget's frame: what stays on screen once a step has moved on. */
function formState(page: Page): Promise<string> {
  return widgetFrame(page).evaluate(() =>
    JSON.stringify({
      values: Array.from(
        document.querySelectorAll('input, textarea'),
        (input) => (input as HTMLInputElement).value,
      ),
      html: document.documentElement.outerHTML,
    }),
  );
}

async function expectNowhere(
  current: HostSession,
  traces: Traces,
  secrets: readonly string[],
  token: string,
) {
  const { page, context } = current;
  // The iframe's own address: where the partner put the token (the SDK adds parentOrigin to it).
  const ownAddress = await page.evaluate(() => document.querySelector('iframe')?.src ?? '');
  expect(ownAddress).toContain(token);
  const hostMessages = await page.evaluate(
    () => (window as unknown as { hostMessages: unknown[] }).hostMessages,
  );
  const frames = page.frames();
  const places: Record<string, string[]> = {
    'postMessage payloads': [JSON.stringify(hostMessages)],
    'SDK callbacks': [JSON.stringify(await current.events())],
    'frame URLs and history': [...traces.visited, ...frames.map((frame) => frame.url())],
    'request URLs': current.requests,
    'Referer headers': (await Promise.all(traces.referers)).filter(
      (value): value is string => value !== null,
    ),
    'storage, IndexedDB, caches': await Promise.all(frames.map(dumpStorage)),
    cookies: [JSON.stringify(await context.cookies())],
    console: current.console,
  };
  expect(hostMessages.length).toBeGreaterThan(0);
  for (const [place, texts] of Object.entries(places)) {
    for (const secret of secrets) {
      const hits = texts.filter((text) => withoutGuids(text).toLowerCase().includes(secret.toLowerCase()));
      expect(hits, `"${secret.slice(0, 40)}" found in ${place}`).toEqual([]);
    }
    // The token: only in the iframe's own address, where the partner put it.
    const tokenHits = texts.filter((text) => text.includes(token) && text !== ownAddress);
    expect(tokenHits, `the authorize token found in ${place}`).toEqual([]);
  }
}

type End = 'success' | 'guidance' | 'field';

interface Persona {
  username: string;
  end: End;
}

const PERSONAS: Persona[] = [
  ...['Greatday', 'greatday_nomfa', 'test_mfa_triple', 'test_mfa_rounds', 'test_mfa_choice'].map(
    (username): Persona => ({ username, end: 'success' }),
  ),
  { username: 'test_mfa_text_or_call', end: 'success' },
  { username: 'test_mfa_image', end: 'success' },
  ...[
    'test_disabled_account',
    'test_service_unavailable',
    'test_new_account',
    'test_unauthorized',
    'test_question_not_found',
    'test_concurrent_session',
    'test_card_in_use',
    'test_aggregation_error',
    'test_disabled_institution',
  ].map((username): Persona => ({ username, end: 'guidance' })),
  { username: 'test_invalid_login', end: 'field' },
  { username: 'test_pending', end: 'success' },
  { username: 'test_dispatched', end: 'success' },
  { username: 'someone_else', end: 'field' },
];

async function nextTitle(widget: FrameLocator): Promise<string> {
  const heading = widget.locator('h2').first();
  const finishNow = widget.getByRole('button', { name: en.guidance.actions.finishNow });
  const escaped = PROCESSING.map((title) => title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const settled = widget
    .locator('h2')
    .filter({ hasNotText: new RegExp(`^(${escaped})$`) })
    .or(finishNow);
  for (let waits = 0; waits < 3; waits++) {
    await settled.first().waitFor({ timeout: 40_000 });
    if ((await finishNow.count()) > 0 && (await finishNow.isVisible())) {
      await finishNow.click();
      continue;
    }
    return ((await heading.textContent()) ?? '').trim();
  }
  throw new Error('The processing screen never gave way');
}

/**
 * Submits, then waits for the form to leave the document: the step changed. (Hidden is not enough: while the next
 * screen's code loads, React keeps the old one in the page, hidden.)
 */
async function submitAndLeave(page: Page, widget: FrameLocator, name: string) {
  const form = await widget.locator('form').first().elementHandle();
  await widget.getByRole('button', { name }).click();
  await widgetFrame(page).waitForFunction((element) => !element?.isConnected, form, { timeout: 30_000 });
}

describe('the leak hunt', () => {
  it.each(PERSONAS)(
    '$username: no secret anywhere, and none left in a form once sent',
    async (persona) => {
      const token = await mintToken();
      const { current, traces } = await openWidget({
        authorizeToken: token,
        tag: `leaks-${persona.username}`,
      });
      const { widget, page } = current;
      const wrongPassword = `Leak-Pw-${persona.username}-${RUN}`;
      const wrongAnswer = `Leak-Answer-${persona.username}-${RUN}`;
      const typed = [wrongPassword, SANDBOX_PASSWORD];
      const secrets = [
        ...typed,
        wrongAnswer,
        ...FLINKS_CAPITAL_QUESTIONS.map(({ answer }) => answer),
        SANDBOX_ONE_TIME_CODE,
        'Rue Sherbrooke',
        TRIANGLE_PNG.slice(0, 120),
      ];
      const sent: string[] = [];
      /** Once a step has moved on, nothing typed and sent before it is still in the frame. */
      const expectFormsEmptied = async () => {
        const state = await formState(page);
        for (const secret of sent) expect(state, `"${secret}" still in the frame`).not.toContain(secret);
      };

      let signIns = 0;
      let wrongAnswerSent = false;
      let end: End | null = null;
      for (let screen = 0; screen < 20 && end === null; screen++) {
        const title = await nextTitle(widget);
        if (title === en.screens.success.title) end = 'success';
        else if (title === signInTitle) {
          const username = widget.getByLabel(en.ui.credentials.username);
          const password = widget.getByLabel(en.ui.credentials.password, { exact: true });
          expect(await password.inputValue()).toBe('');
          if (signIns > 0) expect(await username.inputValue()).toBe(persona.username);
          if (signIns >= 2) {
            await widget.getByRole('alert').first().waitFor();
            end = 'field';
            break;
          }
          // First a wrong password, recognisable anywhere; then the right one.
          const secret = signIns === 0 ? wrongPassword : SANDBOX_PASSWORD;
          if (signIns === 0) await username.fill(persona.username);
          await password.fill(secret);
          await submitAndLeave(page, widget, en.ui.credentials.submit);
          sent.push(secret);
          signIns += 1;
          await expectFormsEmptied();
        } else if (title === mfaTitle) {
          const asked = [];
          for (const { prompt, answer } of FLINKS_CAPITAL_QUESTIONS) {
            if ((await widget.getByLabel(prompt).count()) > 0) asked.push({ prompt, answer });
          }
          if (asked.length > 0 && !wrongAnswerSent) {
            // A wrong answer first: the bank asks again on the same screen.
            for (const { prompt } of asked) await widget.getByLabel(prompt).fill(wrongAnswer);
            await widget.getByRole('button', { name: en.mfa.continue }).click();
            await widget.getByText(guidanceTitle('INVALID_SECURITY_RESPONSE')).first().waitFor();
            sent.push(wrongAnswer);
            wrongAnswerSent = true;
            continue;
          }
          const street = widget.getByRole('radio', { name: 'Rue Sherbrooke' });
          const phone = widget.getByRole('radio', { name: 'Number ending in 42' });
          const image = widget.getByRole('radio', {
            name: format(en.mfa.image.label, { position: 2, total: 3 }),
          });
          const code = widget.getByLabel('Enter the code');
          if ((await street.count()) > 0) await street.check();
          else if ((await phone.count()) > 0) {
            await phone.check();
            await widget.getByRole('radio', { name: en.mfa.delivery.text }).check();
          } else if ((await image.count()) > 0) await image.check();
          else if ((await code.count()) > 0) {
            await code.fill(SANDBOX_ONE_TIME_CODE);
            sent.push(SANDBOX_ONE_TIME_CODE);
          } else {
            for (const { prompt, answer } of asked) {
              await widget.getByLabel(prompt).fill(answer);
              sent.push(answer);
            }
          }
          await submitAndLeave(page, widget, en.mfa.continue);
          await expectFormsEmptied();
        } else {
          end = 'guidance';
        }
      }

      expect(end).toBe(persona.end);
      if (persona.end === 'success') await current.waitForEvent('REDIRECT');
      await expectFormsEmptied();
      await expectNowhere(current, traces, secrets, token);
      expect(cspProblems(current)).toEqual([]);
    },
    120_000,
  );
});

/** What the host heard, APP_RESIZE aside (it comes whenever the frame's height changes). */
async function heard(current: HostSession): Promise<string> {
  const messages = await current.page.evaluate(
    () => (window as unknown as { hostMessages: { data: unknown }[] }).hostMessages,
  );
  const steps = messages
    .map(({ data }) => data as { step?: string })
    .filter((data) => data.step !== 'APP_RESIZE');
  const events = (await current.events()).filter(
    (entry) => !(entry.kind === 'event' && entry.name === 'APP_RESIZE'),
  );
  return JSON.stringify({ steps, events });
}

describe('messages into the frame', () => {
  it('are ignored: the embed page takes no orders, answers nothing and loses nothing typed', async () => {
    const { current } = await openWidget({});
    const { widget, page } = current;
    await widget.getByLabel(en.ui.credentials.username).fill('Greatday');
    await widget.getByLabel(en.ui.credentials.password, { exact: true }).fill(SANDBOX_PASSWORD);
    const before = await heard(current);

    // The test's own probe: it resolves once the last message posted below has reached the frame.
    type Probe = { sentinel: Promise<void> };
    await widgetFrame(page).evaluate(() => {
      (window as unknown as Probe).sentinel = new Promise<void>((resolve) => {
        window.addEventListener('message', (event) => {
          if (event.data === 'leak-hunt-sentinel') resolve();
        });
      });
    });
    // From the allowed parent (the host page) and from a stranger frame, in shapes an attacker might try.
    const forged: unknown[] = [
      { source: 'connect-widget', version: 1, step: 'SUBMIT_CREDENTIAL' },
      { type: 'submit', username: 'attacker', password: 'x' },
      { type: 'getState' },
      { action: 'reveal', field: 'password' },
      '{"source":"connect-widget","version":1,"step":"COMPONENT_CLOSE_SESSION"}',
      '{"__proto__":{"polluted":true}}',
      null,
    ];
    await page.evaluate(
      ({ messages, origin }) => {
        const frame = document.querySelector('iframe');
        for (const message of messages) {
          frame?.contentWindow?.postMessage(message, origin);
          frame?.contentWindow?.postMessage(typeof message === 'string' ? JSON.parse(message) : message, '*');
        }
        const stranger = document.createElement('iframe');
        stranger.srcdoc = '<p>stranger</p>';
        document.body.append(stranger);
        const target = stranger.contentWindow?.parent.frames[0];
        for (const message of messages) target?.postMessage(message, '*');
        target?.postMessage('leak-hunt-sentinel', '*');
      },
      { messages: forged, origin: stage.widgetOrigin },
    );
    await widgetFrame(page).evaluate(() => (window as unknown as Probe).sentinel);

    expect(await widget.getByLabel(en.ui.credentials.username).inputValue()).toBe('Greatday');
    expect(await widget.getByLabel(en.ui.credentials.password, { exact: true }).inputValue()).toBe(
      SANDBOX_PASSWORD,
    );
    await widget.getByRole('heading', { name: signInTitle }).waitFor();
    expect(await heard(current)).toBe(before);
    expect(
      await widgetFrame(page).evaluate(() => (({}) as Record<string, unknown>).polluted),
    ).toBeUndefined();
    expect(current.console.filter((line) => /^(error|pageerror)/.test(line))).toEqual([]);
  });
});
