import type { QueryClient } from '@tanstack/react-query';
import { Suspense, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createFlinksClient, DEFAULT_TIMEOUT_MS, type FlinksClient } from './api';
import { eventListener } from './flow/events';
import type { ConnectHandlers } from './flow/host';
import type { FlowConfig, ProductType } from './flow/actions';
import { FLINKS_SESSION_TTL_MS, isMidConnection, screenKey } from './flow/state';
import { useConnectFlow } from './flow/useConnectFlow';
import type { GuidanceOverrides } from './guidance';
import { I18nProvider, loadedMessages, TextTokens, useLanguage, useUiMessages, type Language } from './i18n';
import { findInstitution, signInOf } from './institutions/find';
import { connectInstitutionsQuery } from './institutions/query';
import type { Institution } from './institutions/types';
import { bankLinks } from './institutions/links';
import { StepBoundary, StepFocusContext } from './ui';
import { ExitDialog, forgetFailedDownloads, prefetchBankList, useBankPages } from './widget/laterSteps';
import { StepView } from './widget/StepView';
import './styles/widget.css';

/**
 * Props of `<ConnectWidget>`. Only `apiBaseUrl` is required.
 *
 * @example
 * <ConnectWidget
 *   apiBaseUrl="/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices"
 *   language="fr"
 *   demo
 *   customerName="Acme Lending"
 *   onSuccess={({ loginId }) => saveLogin(loginId)}
 *   onExit={(error, { step }) => close(error?.flinksCode ?? step)}
 * />
 */
export interface ConnectWidgetProps extends ConnectHandlers {
  /** Base URL of the Flinks-compatible API, e.g. `https://toolbox-api.private.fin.ag/v3/{customerId}/BankingServices`. */
  apiBaseUrl: string;
  /** Language of every text and of the bank's answers. Changing it keeps the person's progress. Default `en`. */
  language?: Language | undefined;
  /** Colour theme. Default `light`. */
  theme?: 'light' | 'dark' | undefined;
  /** Lists Flinks Capital, the sandbox bank. */
  demo?: boolean | undefined;
  /** Flinks institution id (e.g. `FlinksCapital`, `RBC`): skips the bank list. */
  institution?: string | undefined;
  /** The business asking for the connection, named on the consent and account screens. */
  customerName?: string | undefined;
  /** Failed credential or MFA attempts in a row before the lock-out guidance. Default 3. */
  maximumRetry?: number | undefined;
  /** Free text sent to Flinks with the login and echoed in REDIRECT. */
  tag?: string | undefined;
  /** Starts with the consent screen. Default `false`. */
  consentEnable?: boolean | undefined;
  /** Shows the close button. Default `true`. */
  closeEnable?: boolean | undefined;
  /** Allows going back (credentials -> bank list, MFA -> credentials). Default `true`. */
  backEnable?: boolean | undefined;
  /** Shows the search box on the bank list. Default `true`. */
  institutionFilterEnable?: boolean | undefined;
  /** Lets the person pick one account after the login (GetAccountsDetail). Default `false`. */
  accountSelectorEnable?: boolean | undefined;
  /**
   * Lets the person pick one or several accounts (checkboxes; "select all" for long lists): ACCOUNT_SELECTED for each,
   * then REDIRECT and `onSuccess` with `accountIds`. Shows the account selector by itself. Default `false`.
   */
  accountSelectorMultiple?: boolean | undefined;
  /**
   * Your terms of use (an absolute http(s) address): the consent screen links them (new tab), and agreeing or
   * declining raises COMPONENT_ACCEPT_TERMS or COMPONENT_DENY_TERMS; opening them COMPONENT_CLICK_TERMS_URL.
   */
  termsUrl?: string | undefined;
  /**
   * Enhanced MFA: after a live sign-in, asks every security question the bank keeps for the login
   * (GetMFAQuestions / AnswerMFAQuestions) so scheduled refreshes never stop on one. Raises
   * ENHANCED_MFA_HAS_QUESTIONS or ENHANCED_MFA_NO_QUESTIONS. Default `false`.
   */
  enhancedMFA?: boolean | undefined;
  /** With `enhancedMFA`: the person may skip those questions. Default `false`. */
  skipEnhancedMFA?: boolean | undefined;
  /** Resumes an open MFA session at its challenges. */
  requestId?: string | undefined;
  /** Reconnects a saved login (cached Authorize) instead of asking for credentials. */
  loginId?: string | undefined;
  /** Single-use token minted server-side, sent once as `flinks-auth-key` on /Authorize. */
  authorizeToken?: string | undefined;
  /**
   * The connect session your backend created for this connection (`POST /connect/sessions` on the widget's server). Sent on
   * every API call as `Authorization: Bearer …`, never in a URL. Required when the server requires sessions.
   */
  sessionToken?: string | undefined;
  /**
   * Gets a new session from your backend when the server refuses the current one (it expired): the refused call is
   * sent again with it, so the person notices nothing. Without it, an ended session shows the "session ended" screen,
   * with ERROR `ACCESS_DENIED` and then `onExit`, so that you can open the widget again with a new session.
   * Read at call time: an inline arrow is fine.
   */
  getSessionToken?: (() => Promise<string>) | undefined;
  /**
   * For the embed page only: the origin of the page that frames it, told to the connect server, which believes it
   * only from its own origin and checks it against the session's `parentOrigin`.
   */
  frameParentOrigin?: string | undefined;
  /**
   * OAuth banks: open the bank's page in the whole window instead of a popup (mobile browsers,
   * webviews). It comes back to `oauthRedirectUrl` (default: this page); hand that address back as
   * `receivedRedirectUri` to finish. Default `false`.
   */
  oauthWindowRedirect?: boolean | undefined;
  /** Where a whole-window trip to an OAuth bank comes back: a page of yours (an allowed origin). Default: this page. */
  oauthRedirectUrl?: string | undefined;
  /**
   * The address your page was opened with after a whole-window trip to an OAuth bank (it carries `state` and
   * `loginId` or `error`), as Plaid's `receivedRedirectUri`: the widget collects the outcome once and carries on where
   * it left off (processing, accounts, REDIRECT). A second use of the same address (a refresh) shows the "start again"
   * screen (OAUTH_STATE_INVALID), never a crash. Remove it from your page's address once `onSuccess` or `onExit` ran.
   *
   * @example
   * <ConnectWidget apiBaseUrl={api} oauthWindowRedirect receivedRedirectUri={window.location.href} />
   */
  receivedRedirectUri?: string | undefined;
  /**
   * Lists the connect server's whole institution catalog (`GET /v3/institutions`: thousands of banks and credit
   * unions) instead of the built-in Canadian banks, fetched when the bank list first shows. Default `false`.
   */
  institutionCatalog?: boolean | undefined;
  /** Flinks Connect's `demoOutbound`: Flinks Capital signs in through the sandbox bank's OAuth page. */
  demoOutbound?: boolean | undefined;
  /**
   * Where success leads, as in Flinks Connect: REDIRECT's `url` (and `onSuccess`'s) is this address with `loginId`,
   * `institution`, `tag` and the chosen account(s) appended. Default: the widget server's `/connected` page.
   */
  redirectUrl?: string | undefined;
  /** With `accountSelectorEnable`, list every account, not only those of `productType`. Default `false`. */
  showAllOperationsAccounts?: boolean | undefined;
  /** Which accounts the connection is for: `banking` (everyday accounts) or `investment`. Default: every kind. */
  productType?: ProductType | undefined;
  /** With `accountSelectorEnable`, the selector's title is hidden from view (still read out, still focused). */
  accountSelectorNoTitle?: boolean | undefined;
  /** Transaction history to ask for: the data call becomes GetAccountsDetail with `DaysOfTransactions`. */
  daysOfTransactions?: 'Days90' | 'Days365' | undefined;
  /** Also asks for the bank's statements (GetStatements), `monthsOfStatements` of them. */
  detailsAndStatementEnable?: boolean | undefined;
  /** How many statements `detailsAndStatementEnable` asks for. Default `Months3`. */
  monthsOfStatements?: 'MostRecent' | 'Months3' | 'Months12' | undefined;
  /** Enrols the login in Flinks' scheduled refresh (`ScheduleRefresh` on Authorize). */
  scheduleRefresh?: boolean | undefined;
  /** How long one API call may take before TIMEOUT. Default 240000 (above Flinks' 210 s dispatch limit). */
  requestTimeoutMs?: number | undefined;
  /** Polling interval of the Async endpoints after a 202. Default 10000. */
  pollIntervalMs?: number | undefined;
  /** When polling gives up (TIMEOUT). Default 30 minutes. */
  pollTimeoutMs?: number | undefined;
  /** Your own title/body per code and language, in place of the built-in guidance text. */
  guidanceOverrides?: GuidanceOverrides | undefined;
  /** Shares your react-query client; the widget brings its own otherwise. */
  queryClient?: QueryClient | undefined;
  /**
   * Every event, never with a secret, as `(name, metadata)`. Narrow on the name:
   * `onEvent={(name, metadata) => { if (name === 'ERROR') log(metadata.flinksCode); }}`, or take the name alone:
   * `onEvent={(name) => track(name)}`.
   */
  onEvent?: ConnectHandlers['onEvent'] | undefined;
  /** The connection is done: keep `loginId` server-side. Called once, after the REDIRECT event. */
  onSuccess?: ConnectHandlers['onSuccess'] | undefined;
  /** The person left. `error` is the problem on screen when they did, with a developer message; null otherwise. */
  onExit?: ConnectHandlers['onExit'] | undefined;
}

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
