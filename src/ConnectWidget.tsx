import type { QueryClient } from '@tanstack/react-query';
import { Suspense, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createFlinksClient, DEFAULT_TIMEOUT_MS, type FlinksClient } from './api';
import { eventListener } from './flow/events';
import type { FlowConfig } from './flow/actions';
import { FLINKS_SESSION_TTL_MS, isMidConnection, screenKey } from './flow/state';
import { useConnectFlow } from './flow/useConnectFlow';
import { I18nProvider, loadedMessages, TextTokens, useLanguage, useUiMessages } from './i18n';
import { findInstitution, signInOf } from './institutions/find';
import { connectInstitutionsQuery } from './institutions/query';
import type { Institution } from './institutions/types';
import { bankLinks } from './institutions/links';
import { ReleasePageLock, StepBoundary, StepFocusContext } from './ui';
import { ExitDialog, forgetFailedDownloads, prefetchBankList, useBankPages } from './widget/laterSteps';
import type { ConnectWidgetProps } from './widget/props';
import { StepView } from './widget/StepView';
import './styles/widget.css';

export type { ConnectWidgetProps } from './widget/props';

const DEFAULT_POLL_INTERVAL_MS = 10_000;
const DEFAULT_POLL_TIMEOUT_MS = 30 * 60_000;

/**
 * The bank-connection widget: consent, bank list, sign-in, security questions, account data, with guidance for
 * every Flinks code. Host callbacks are read at call time, so inline arrows never restart anything.
 */
export function ConnectWidget(props: ConnectWidgetProps) {
  const { apiBaseUrl, authorizeToken, requestTimeoutMs = DEFAULT_TIMEOUT_MS } = props;
  const { sessionToken, frameParentOrigin } = props;
  const getSessionToken = useRef(props.getSessionToken);
  getSessionToken.current = props.getSessionToken;
  const renewable = props.getSessionToken !== undefined;
  const client = useMemo(
    () =>
      createFlinksClient({
        baseUrl: apiBaseUrl,
        timeoutMs: requestTimeoutMs,
        ...(authorizeToken ? { authorizeToken } : {}),
        ...(sessionToken ? { sessionToken } : {}),
        ...(frameParentOrigin ? { parentOrigin: frameParentOrigin } : {}),
        ...(renewable
          ? { getSessionToken: () => getSessionToken.current?.() ?? Promise.reject(new Error('no renewal')) }
          : {}),
      }),
    [apiBaseUrl, authorizeToken, requestTimeoutMs, sessionToken, frameParentOrigin, renewable],
  );
  // A language whose text is still loading keeps the current one on screen meanwhile.
  const language = props.language ?? 'en';
  const deferredLanguage = useDeferredValue(language);
  return (
    <Suspense fallback={null}>
      <I18nProvider language={loadedMessages(language) ? language : deferredLanguage}>
        <WidgetBody {...props} client={client} queryClient={props.queryClient ?? null} />
      </I18nProvider>
    </Suspense>
  );
}

type BodyProps = Omit<ConnectWidgetProps, 'queryClient'> & {
  client: FlinksClient;
  /** The host's, or null: the flow makes its own with the first request. */
  queryClient: QueryClient | null;
};

function WidgetBody(props: BodyProps) {
  const m = useUiMessages();
  const language = useLanguage();
  const closeEnable = props.closeEnable ?? true;
  const backEnable = props.backEnable ?? true;
  const config: FlowConfig = {
    maximumRetry: props.maximumRetry ?? 3,
    accountSelectorEnable: props.accountSelectorEnable ?? false,
    accountSelectorMultiple: props.accountSelectorMultiple ?? false,
    terms: Boolean(props.termsUrl),
    enhancedMfa: props.enhancedMFA ?? false,
    skipEnhancedMfa: props.skipEnhancedMFA ?? false,
    pollTimeoutMs: props.pollTimeoutMs ?? DEFAULT_POLL_TIMEOUT_MS,
    sessionTtlMs: FLINKS_SESSION_TTL_MS,
    tag: props.tag ?? null,
    oauthWindow: props.oauthWindowRedirect ? 'whole' : 'popup',
    redirectUrl: redirectBase(props.redirectUrl, props.apiBaseUrl),
    showAllOperationsAccounts: props.showAllOperationsAccounts ?? false,
    productType: props.productType ?? null,
    data: {
      scheduleRefresh: props.scheduleRefresh,
      daysOfTransactions: props.daysOfTransactions,
      statements: props.detailsAndStatementEnable ? (props.monthsOfStatements ?? 'Months3') : undefined,
    },
  };
  const demoOutbound = props.demoOutbound ?? false;
  // The server's catalog, once the bank list has read it (from the react-query cache or the server).
  const [catalog, setCatalog] = useState<readonly Institution[]>();
  const catalogRef = useRef(catalog);
  catalogRef.current = catalog;
  const [oauthReturn] = useState(() => oauthReturnOf(props.receivedRedirectUri));
  const institution = props.institution ?? oauthReturn?.institution ?? null;
  // The bank list comes in its own chunk, fetched now unless a bank is preset (then it is never part of the bytes).
  useEffect(() => {
    if (!institution) prefetchBankList();
  }, [institution]);
  const flow = useConnectFlow({
    client: props.client,
    queryClient: props.queryClient,
    config,
    start: {
      consentEnable: props.consentEnable ?? false,
      institution,
      signIn: institution ? signInOf(institution, { demoOutbound }) : 'credentials',
      oauthReturn,
      requestId: props.requestId ?? null,
      loginId: props.loginId ?? null,
    },
    language,
    pollIntervalMs: props.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
    signInOf: (id) =>
      signInOf(id, { demoOutbound, ...(catalogRef.current ? { institutions: catalogRef.current } : {}) }),
    oauthReturnTo: props.oauthRedirectUrl ?? null,
    ...(props.onEvent ? { onEvent: eventListener(props.onEvent) } : {}),
    ...(props.onSuccess ? { onSuccess: props.onSuccess } : {}),
    ...(props.onExit ? { onExit: props.onExit } : {}),
  });
  const { state } = flow;
  const [confirmingExit, setConfirmingExit] = useState(false);
  // Set on the element itself: React 18 does not know the `inert` attribute (React 19 does).
  const card = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (card.current) card.current.inert = confirmingExit;
  }, [confirmingExit]);

  // The first screen keeps the host page's focus; every later screen takes it.
  const key = screenKey(state);
  const [firstKey] = useState(key);
  const [moved, setMoved] = useState(false);
  if (!moved && key !== firstKey) setMoved(true);

  // A bank of the catalog is known only there; the built-in list knows the rest.
  const bank = state.ctx.institution
    ? ((catalog && findInstitution(state.ctx.institution, catalog)) ?? findInstitution(state.ctx.institution))
    : undefined;
  const pages = useBankPages(bank !== undefined);
  // No link to the bank until its pages are known: a "forgot password" link must never point at the home page first.
  const links = pages ? bankLinks(bank, language, props.apiBaseUrl, bank && pages[bank.id]) : null;
  // Typed into the sign-in form: closing asks first, as it does mid-connection.
  const [typed, setTyped] = useState(false);
  const requestExit = () =>
    isMidConnection(state) || (state.step === 'credentials' && typed) ? setConfirmingExit(true) : flow.exit();
  const canGoBack =
    backEnable &&
    (state.step === 'credentials' || (state.step === 'oauth' && state.phase !== 'finishing')) &&
    !institution;
  const showClose = closeEnable && state.step !== 'closed';

  return (
    <TextTokens
      bank={bank?.name[language] ?? state.ctx.institution}
      guidanceOverrides={props.guidanceOverrides}
    >
      <div className="cw-widget" data-theme={props.theme ?? 'light'} lang={language}>
        <div ref={card} className="cw-card" role="region" aria-label={m.ui.widget.label}>
          {(canGoBack || showClose) && (
            <div className="cw-toolbar">
              {canGoBack && (
                <button type="button" className="cw-icon-button" onClick={flow.back}>
                  <BackIcon />
                  <span>{m.ui.widget.back}</span>
                </button>
              )}
              {showClose && (
                <button
                  type="button"
                  className="cw-icon-button cw-icon-button--close"
                  aria-label={m.ui.widget.close}
                  onClick={requestExit}
                >
                  <CloseIcon />
                </button>
              )}
            </div>
          )}
          {/* Always in the page, so screen readers announce the text when it appears. */}
          <p className="cw-offline" role="status">
            {state.ctx.online ? null : m.ui.widget.offline}
          </p>
          <StepFocusContext.Provider value={moved}>
            <StepBoundary key={key} text={m.ui.widget.stepUnavailable} onRetry={forgetFailedDownloads}>
              <Suspense
                fallback={
                  <p className="cw-loading" role="status">
                    {m.ui.widget.loading}
                  </p>
                }
              >
                <StepView
                  state={state}
                  flow={flow}
                  props={props}
                  catalog={
                    props.institutionCatalog && {
                      query: connectInstitutionsQuery(props),
                      queryClient: props.queryClient,
                      onList: setCatalog,
                    }
                  }
                  bankWebsite={links?.website ?? null}
                  bankLinks={links}
                  onExit={requestExit}
                  onTypedChange={setTyped}
                  backEnable={backEnable}
                  closeEnable={closeEnable}
                />
                {/* In the same boundary as the screen: it runs once the screen the server drew is hydrated. */}
                <ReleasePageLock />
              </Suspense>
            </StepBoundary>
          </StepFocusContext.Provider>
        </div>
        {confirmingExit && (
          // The dialog's code comes with the later screens, already in on every screen that can ask it.
          <Suspense fallback={null}>
            <ExitDialog
              onStay={() => setConfirmingExit(false)}
              onLeave={() => {
                setConfirmingExit(false);
                flow.exit();
              }}
            />
          </Suspense>
        )}
      </div>
    </TextTokens>
  );
}

/** The host's `redirectUrl`, else the `/connected` page of the server that answers the API. */
function redirectBase(redirectUrl: string | undefined, apiBaseUrl: string): string {
  const page = typeof location === 'undefined' ? 'http://localhost/' : location.href;
  try {
    return new URL(redirectUrl ?? '/connected', redirectUrl ? page : new URL(apiBaseUrl, page)).href;
  } catch {
    return new URL('/connected', page).href;
  }
}

function BackIcon() {
  return (
    <svg className="cw-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M15 5l-7 7 7 7" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

function CloseIcon() {
  return (
    <svg className="cw-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d="M6 6l12 12M18 6L6 18"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      />
    </svg>
  );
}

/** The state (and bank) of a return from an OAuth bank's page in the whole window, or null for any other address. */
function oauthReturnOf(
  uri: string | undefined,
): { state: string; code: string; institution: string | null } | null {
  if (!uri) return null;
  try {
    const params = new URL(uri, 'http://return.invalid').searchParams;
    const state = params.get('state');
    if (!state || (!params.has('loginId') && !params.has('error'))) return null;
    return { state, code: params.get('code') ?? '', institution: params.get('institution') };
  } catch {
    return null;
  }
}
