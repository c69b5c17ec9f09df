import { describe, expect, it, vi } from 'vitest';
import { createFlinksClient } from '../../src/api';
import type { AccountsDataResult, FlinksClient } from '../../src/api/types';
import { createEmbedBridge, postToApp } from '../../src/embed/bridge';
import { adjustToContrast, colourTokens, contrast } from '../../src/embed/colours';
import type { DeploymentConfig } from '../../src/embed/config';
import { PARAMETER_NOTES } from '../../src/embed/parameter-notes';
import { PARAMETER_NAMES } from '../../src/embed/parameters';
import { parseColour, parseEmbedParams } from '../../src/embed/params';
import type { FlowConfig } from '../../src/flow/actions';
import { accountsMutation } from '../../src/flow/mutations';
import { requestsOf } from '../../src/flow/requests';
import { initialState } from '../../src/flow/state';

const config: DeploymentConfig = {
  apiBaseUrl: '/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices',
  allowedOrigins: ['https://shop.example'],
  requestTimeoutMs: 240000,
};

/** CONTRACT §3's list, but for termsUrl, accountSelectorMultiple, enhancedMFA and skipEnhancedMFA (issue 13b). */
const CONTRACT_PARAMETERS = [
  'parentOrigin',
  'sessionToken',
  'language',
  'demo',
  'institution',
  'customerName',
  'theme',
  'maximumRetry',
  'tag',
  'consentEnable',
  'closeEnable',
  'backEnable',
  'institutionFilterEnable',
  'accountSelectorEnable',
  'requestId',
  'loginId',
  'authorizeToken',
  'redirectUrl',
  'stringify',
  'headerEnable',
  'headerImgEnable',
  'termsUrl',
  'accountSelectorMultiple',
  'accountSelectorNoTitle',
  'showAllOperationsAccounts',
  'daysOfTransactions',
  'detailsAndStatementEnable',
  'monthsOfStatements',
  'scheduleRefresh',
  'enhancedMFA',
  'skipEnhancedMFA',
  'innerRedirect',
  'jsRedirect',
  'webview',
  'oauthWindowRedirect',
  'demoOutbound',
  'backgroundColor',
  'foregroundColor1',
  'desktopLayout',
  'fixedHeightEnable',
  'removePadding',
  'boxLayout',
  'staticLoadingEnable',
  'loadingType',
  'productType',
];

/** A value each kind accepts. */
const EVERY_PARAMETER = [
  'parentOrigin=https%3A%2F%2Fshop.example',
  'sessionToken=session-1',
  'language=fr',
  'demo=true',
  'institution=FlinksCapital',
  'customerName=Boutique',
  'theme=dark',
  'maximumRetry=4',
  'tag=t-1',
  'consentEnable=true',
  'closeEnable=true',
  'backEnable=false',
  'institutionFilterEnable=true',
  'accountSelectorEnable=true',
  'requestId=req-1',
  'loginId=login-1',
  'authorizeToken=tok-1',
  'redirectUrl=https%3A%2F%2Fshop.example%2Fdone',
  'stringify=true',
  'headerEnable=true',
  'headerImgEnable=true',
  'termsUrl=https%3A%2F%2Fshop.example%2Fterms',
  'accountSelectorMultiple=true',
  'accountSelectorNoTitle=true',
  'showAllOperationsAccounts=true',
  'daysOfTransactions=Days365',
  'detailsAndStatementEnable=true',
  'monthsOfStatements=Months12',
  'scheduleRefresh=true',
  'enhancedMFA=true',
  'skipEnhancedMFA=true',
  'innerRedirect=true',
  'jsRedirect=false',
  'webview=false',
  'oauthWindowRedirect=true',
  'demoOutbound=true',
  'backgroundColor=F5F0E6',
  'foregroundColor1=%23123',
  'desktopLayout=true',
  'fixedHeightEnable=true',
  'removePadding=true',
  'boxLayout=true',
  'staticLoadingEnable=true',
  'loadingType=text',
  'productType=banking',
].join('&');

describe('the parameter table', () => {
  it('names every parameter of CONTRACT §3, and only those', () => {
    expect([...PARAMETER_NAMES].sort()).toEqual([...CONTRACT_PARAMETERS].sort());
  });

  it('says what each one does', () => {
    for (const name of PARAMETER_NAMES) expect(PARAMETER_NOTES[name].length).toBeGreaterThan(20);
  });

  it('reads a URL with every parameter set, each to the widget or the page', () => {
    const parsed = parseEmbedParams(EVERY_PARAMETER, { config, framed: true });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.settings.widget).toEqual({
      sessionToken: 'session-1',
      language: 'fr',
      demo: true,
      institution: 'FlinksCapital',
      customerName: 'Boutique',
      theme: 'dark',
      maximumRetry: 4,
      tag: 't-1',
      consentEnable: true,
      closeEnable: true,
      backEnable: false,
      institutionFilterEnable: true,
      accountSelectorEnable: true,
      requestId: 'req-1',
      loginId: 'login-1',
      authorizeToken: 'tok-1',
      accountSelectorNoTitle: true,
      showAllOperationsAccounts: true,
      daysOfTransactions: 'Days365',
      detailsAndStatementEnable: true,
      monthsOfStatements: 'Months12',
      scheduleRefresh: true,
      productType: 'banking',
      termsUrl: 'https://shop.example/terms',
      accountSelectorMultiple: true,
      enhancedMFA: true,
      skipEnhancedMFA: true,
      oauthWindowRedirect: true,
      demoOutbound: true,
    });
    expect(parsed.settings.page).toEqual({
      headerEnable: true,
      headerImgEnable: true,
      innerRedirect: true,
      jsRedirect: false,
      webview: false,
      backgroundColor: '#f5f0e6',
      foregroundColor1: '#112233',
      desktopLayout: true,
      fixedHeightEnable: true,
      removePadding: true,
      boxLayout: true,
      staticLoadingEnable: true,
      loadingType: 'text',
    });
    expect(parsed.settings.stringify).toBe(true);
  });

  it.each([
    ['daysOfTransactions=Days30', { code: 'choice', param: 'daysOfTransactions' }],
    ['monthsOfStatements=Months6', { code: 'choice', param: 'monthsOfStatements' }],
    ['productType=loans', { code: 'choice', param: 'productType' }],
    ['backgroundColor=red', { code: 'colour', param: 'backgroundColor' }],
    ['foregroundColor1=%2312345', { code: 'colour', param: 'foregroundColor1' }],
    ['boxLayout=yes', { code: 'boolean', param: 'boxLayout' }],
    [`loadingType=${'x'.repeat(33)}`, { code: 'tooLong', param: 'loadingType' }],
  ])('%s is a configuration problem', (search, problem) => {
    const parsed = parseEmbedParams(`parentOrigin=https%3A%2F%2Fshop.example&${search}`, {
      config,
      framed: true,
    });
    expect(parsed.ok ? [] : parsed.problems).toEqual([problem]);
  });

  it.each([
    ['0b5cad', '#0b5cad'],
    ['#0B5CAD', '#0b5cad'],
    ['fa0', '#ffaa00'],
    ['#12', null],
    ['0b5cag', null],
  ])('colour %s -> %s', (value, expected) => {
    expect(parseColour(value)).toBe(expected);
  });
});

describe('webview=true', () => {
  it('takes a deep link as redirectUrl and posts to no parent', () => {
    const parsed = parseEmbedParams('webview=true&redirectUrl=myapp%3A%2F%2Fconnected', {
      config,
      framed: true,
    });
    expect(parsed).toMatchObject({
      ok: true,
      settings: { parentOrigin: null, redirectUrl: new URL('myapp://connected') },
    });
  });

  it.each(['redirectUrl=myapp%3A%2F%2Fconnected', 'webview=true&redirectUrl=javascript%3Aalert(1)'])(
    'refuses %s',
    (search) => {
      const parsed = parseEmbedParams(`parentOrigin=https%3A%2F%2Fshop.example&${search}`, {
        config,
        framed: true,
      });
      expect(parsed.ok).toBe(false);
    },
  );

  it('sends every message as JSON to React Native first, else iOS, else Android, never to the parent', () => {
    const react = vi.fn();
    const ios = vi.fn();
    const android = vi.fn();
    const parent = { postMessage: vi.fn() };
    const app = { ReactNativeWebView: { postMessage: react } } as unknown as Window;
    const bridge = createEmbedBridge({
      parent: parent as unknown as Window,
      parentOrigin: 'https://shop.example',
      stringify: false,
      webview: app,
    });
    bridge.post('INSTITUTION_SELECTED', { institution: 'FlinksCapital' });
    bridge.postExit(null, 'institution');
    expect(react.mock.calls.map(([message]) => JSON.parse(message as string))).toEqual([
      { source: 'connect-widget', version: 1, step: 'INSTITUTION_SELECTED', institution: 'FlinksCapital' },
      { source: 'connect-widget', version: 1, exit: { error: null, from: 'institution' } },
    ]);
    expect(parent.postMessage).not.toHaveBeenCalled();

    expect(
      postToApp({ webkit: { messageHandlers: { flinksEvent: { postMessage: ios } } } } as never, '{}'),
    ).toBe(true);
    expect(ios).toHaveBeenCalledWith('{}');
    expect(postToApp({ FlinksAndroid: { postMessage: android } } as never, '{"a":1}')).toBe(true);
    expect(android).toHaveBeenCalledWith('{"a":1}');
    expect(postToApp({} as Window, '{}')).toBe(false);
  });
});

describe('colours keep WCAG AA contrast', () => {
  it('measures contrast as WCAG 2 does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('keeps a colour that passes, and adjusts one that fails until it passes', () => {
    expect(adjustToContrast('#0b5cad', '#ffffff')).toBe('#0b5cad');
    const adjusted = adjustToContrast('#ffcc00', '#ffffff');
    expect(adjusted).not.toBe('#ffcc00');
    expect(contrast(adjusted, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('turns the partner’s colours into tokens whose every text pair passes, and says what it changed', () => {
    const { tokens, notes } = colourTokens(
      { backgroundColor: '#1b1f24', foregroundColor1: '#ffcc00' },
      'light',
    );
    expect(contrast(tokens['--cw-color-text']!, tokens['--cw-color-surface']!)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(tokens['--cw-color-danger']!, tokens['--cw-color-surface']!)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(tokens['--cw-color-accent']!, tokens['--cw-color-surface']!)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(tokens['--cw-color-accent-text']!, tokens['--cw-color-accent']!)).toBeGreaterThanOrEqual(
      4.5,
    );
    expect(notes).toEqual([expect.stringContaining('backgroundColor #1b1f24')]);

    const failing = colourTokens({ foregroundColor1: '#ffcc00' }, 'light');
    expect(failing.notes).toEqual([expect.stringMatching(/foregroundColor1 #ffcc00 .* below WCAG AA/)]);
    expect(colourTokens({ backgroundColor: '#ffffff', foregroundColor1: '#0b5cad' }, 'light').notes).toEqual(
      [],
    );
  });
});

describe('data parameters reach the API calls', () => {
  function recordingClient() {
    const bodies: { path: string; body: unknown }[] = [];
    const client = createFlinksClient({
      baseUrl: 'https://api.example/v3/c/BankingServices',
      fetch: async (input, init) => {
        const path = new URL(String(input)).pathname.split('/').pop() ?? '';
        bodies.push({ path, body: JSON.parse(String(init?.body ?? 'null')) });
        return new Response(
          JSON.stringify({ HttpStatusCode: 400, FlinksCode: 'INVALID_REQUEST', Message: 'x' }),
          {
            status: 400,
            headers: { 'content-type': 'application/json' },
          },
        );
      },
    });
    return { client, bodies };
  }

  it('scheduleRefresh: Authorize carries ScheduleRefresh', async () => {
    const { client, bodies } = recordingClient();
    await client.authorize({
      institution: 'FlinksCapital',
      username: 'u',
      password: 'p',
      scheduleRefresh: true,
    });
    expect(bodies[0]).toMatchObject({ path: 'Authorize', body: { ScheduleRefresh: true } });
    await client.authorize({ institution: 'FlinksCapital', username: 'u', password: 'p' });
    expect(bodies[1]?.body).not.toHaveProperty('ScheduleRefresh');
  });

  it('daysOfTransactions: GetAccountsDetail with WithTransactions and DaysOfTransactions', async () => {
    const { client, bodies } = recordingClient();
    const mutation = accountsMutation(client);
    await mutation.mutationFn?.(
      { requestId: 'req-1', detail: true, poll: false, daysOfTransactions: 'Days365' },
      undefined as never,
    );
    expect(bodies).toEqual([
      {
        path: 'GetAccountsDetail',
        body: expect.objectContaining({
          RequestId: 'req-1',
          WithTransactions: true,
          DaysOfTransactions: 'Days365',
        }),
      },
    ]);
  });

  it('detailsAndStatementEnable: GetStatements with NumberOfStatements once the accounts are in', async () => {
    const accounts: AccountsDataResult = { kind: 'accounts', body: {} } as unknown as AccountsDataResult;
    const getStatements = vi.fn(() => Promise.resolve(accounts));
    const getAccountsDetail = vi.fn(() => Promise.resolve(accounts));
    const client = { getAccountsDetail, getStatements } as unknown as FlinksClient;
    await accountsMutation(client).mutationFn?.(
      { requestId: 'req-1', detail: true, poll: false, statements: 'Months12' },
      undefined as never,
    );
    expect(getAccountsDetail).toHaveBeenCalledWith(
      { requestId: 'req-1', withTransactions: true },
      expect.anything(),
    );
    expect(getStatements).toHaveBeenCalledWith(
      { requestId: 'req-1', numberOfStatements: 'Months12' },
      expect.anything(),
    );

    const { client: recording, bodies } = recordingClient();
    await recording.getStatements({ requestId: 'req-1', numberOfStatements: 'MostRecent' });
    expect(bodies).toEqual([
      { path: 'GetStatements', body: { RequestId: 'req-1', NumberOfStatements: 'MostRecent' } },
    ]);
  });

  it('asks for the detail (not the summary) when transactions or statements are wanted', () => {
    const base: FlowConfig = {
      maximumRetry: 3,
      accountSelectorEnable: false,
      pollTimeoutMs: 60_000,
      sessionTtlMs: 480_000,
      tag: null,
      redirectUrl: 'https://shop.example/done',
      showAllOperationsAccounts: false,
      productType: null,
    };
    const start = initialState(
      { consentEnable: false, institution: null, requestId: null, loginId: null, online: true },
      0,
    );
    const detailOf = (flowConfig: FlowConfig) =>
      requestsOf(
        start,
        {
          step: 'processing',
          since: 0,
          activity: { kind: 'gathering', requestId: 'req-1' },
          ctx: { ...start.ctx, attempt: 1 },
        } as never,
        { type: 'FINISH_NOW' },
        flowConfig,
      ).find((request) => request.kind === 'gather');
    expect(detailOf(base)).toMatchObject({ detail: false });
    expect(detailOf({ ...base, data: { daysOfTransactions: 'Days90' } })).toMatchObject({ detail: true });
    expect(detailOf({ ...base, data: { statements: 'Months3' } })).toMatchObject({ detail: true });
  });
});
