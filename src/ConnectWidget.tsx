import type { QueryClient } from '@tanstack/react-query';
import { Suspense, useDeferredValue, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createFlinksClient, DEFAULT_TIMEOUT_MS, type FlinksClient } from './api';
import { eventListener, type ConnectEventHandler } from './flow/events';
import type { ConnectExitError, ConnectExitMetadata, ConnectSuccessMetadata } from './flow/host';
import type { FlowConfig } from './flow/reducer';
import { FLINKS_SESSION_TTL_MS, isMidConnection, screenKey } from './flow/state';
import { useConnectFlow } from './flow/useConnectFlow';
import type { GuidanceOverrides } from './guidance';
import { I18nProvider, loadedMessages, TextTokens, useLanguage, useUiMessages, type Language } from './i18n';
import { findInstitution } from './institutions';
import { bankLinks } from './institutions/links';
import { StepBoundary, StepFocusContext } from './ui';
import { ExitDialog, forgetFailedDownloads, useBankPages } from './widget/laterSteps';
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
export interface ConnectWidgetProps {
  /** Base URL of the Flinks-compatible API, e.g. `https://toolbox-api.private.fin.ag/v3/{customerId}/BankingServices`. */
  apiBaseUrl: string;
  /** Language of every text and of the bank's answers. Changing it keeps the person's progress. Default `en`. */
  language?: Language;
  /** Colour theme. Default `light`. */
  theme?: 'light' | 'dark';
  /** Lists Flinks Capital, the sandbox bank. */
  demo?: boolean;
  /** Flinks institution id (e.g. `FlinksCapital`, `RBC`): skips the bank list. */
  institution?: string;
  /** The business asking for the connection, named on the consent and account screens. */
  customerName?: string;
  /** Failed credential or MFA attempts in a row before the lock-out guidance. Default 3. */
  maximumRetry?: number;
  /** Free text sent to Flinks with the login and echoed in REDIRECT. */
  tag?: string;
  /** Starts with the consent screen. Default `false`. */
  consentEnable?: boolean;
  /** Shows the close button. Default `true`. */
  closeEnable?: boolean;
  /** Allows going back (credentials -> bank list, MFA -> credentials). Default `true`. */
  backEnable?: boolean;
  /** Shows the search box on the bank list. Default `true`. */
  institutionFilterEnable?: boolean;
  /** Lets the person pick one account after the login (GetAccountsDetail). Default `false`. */
  accountSelectorEnable?: boolean;
  /** Resumes an open MFA session at its challenges. */
  requestId?: string;
  /** Reconnects a saved login (cached Authorize) instead of asking for credentials. */
  loginId?: string;
  /** Single-use token minted server-side, sent once as `flinks-auth-key` on /Authorize. */
  authorizeToken?: string;
  /**
   * The connect session your backend created for this connection (`POST /connect/sessions`, CONTRACT §7). Sent on
   * every API call as `Authorization: Bearer …`, never in a URL. Required when the server requires sessions.
   */
  sessionToken?: string;
  /**
   * Gets a new session from your backend when the server refuses the current one (it expired): the refused call is
   * sent again with it, so the person notices nothing. Without it, an ended session shows the "session ended" screen,
   * with ERROR `ACCESS_DENIED` and then `onExit`, so that you can open the widget again with a new session.
   * Read at call time: an inline arrow is fine.
   */
  getSessionToken?: () => Promise<string>;
  /**
   * For the embed page only: the origin of the page that frames it, told to the connect server, which believes it
   * only from its own origin and checks it against the session's `parentOrigin`.
   */
  frameParentOrigin?: string;
  /** How long one API call may take before TIMEOUT. Default 240000 (above Flinks' 210 s dispatch limit). */
  requestTimeoutMs?: number;
  /** Polling interval of the Async endpoints after a 202. Default 10000. */
  pollIntervalMs?: number;
  /** When polling gives up (TIMEOUT). Default 30 minutes. */
  pollTimeoutMs?: number;
  /** Your own title/body per code and language, in place of the built-in guidance text. */
  guidanceOverrides?: GuidanceOverrides;
  /** Shares your react-query client; the widget brings its own otherwise. */
  queryClient?: QueryClient;
  /**
   * Every event (CONTRACT §4), never with a secret, as `(name, metadata)`. Narrow on the name:
   * `onEvent={(name, metadata) => { if (name === 'ERROR') log(metadata.flinksCode); }}`, or take the name alone:
   * `onEvent={(name) => track(name)}`.
   */
  onEvent?: ConnectEventHandler;
  /** The connection is done: keep `loginId` server-side. Called once, after the REDIRECT event. */
  onSuccess?: (metadata: ConnectSuccessMetadata) => void;
  /** The person left. `error` is the problem on screen when they did, with a developer message; null otherwise. */
  onExit?: (error: ConnectExitError | null, metadata: ConnectExitMetadata) => void;
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
    pollTimeoutMs: props.pollTimeoutMs ?? DEFAULT_POLL_TIMEOUT_MS,
    sessionTtlMs: FLINKS_SESSION_TTL_MS,
    tag: props.tag ?? null,
  };
  const flow = useConnectFlow({
    client: props.client,
    queryClient: props.queryClient,
    config,
    start: {
      consentEnable: props.consentEnable ?? false,
      institution: props.institution ?? null,
      requestId: props.requestId ?? null,
      loginId: props.loginId ?? null,
    },
    language,
    pollIntervalMs: props.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
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

  const bank = state.ctx.institution ? findInstitution(state.ctx.institution) : undefined;
  const pages = useBankPages(bank !== undefined);
  const links = bankLinks(bank, language, props.apiBaseUrl, bank && pages?.[bank.id]);
  const requestExit = () => (isMidConnection(state) ? setConfirmingExit(true) : flow.exit());
  const canGoBack = backEnable && state.step === 'credentials' && !props.institution;
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
                  bankWebsite={links?.website ?? null}
                  bankLinks={links}
                  onExit={requestExit}
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
