import { QueryClient } from '@tanstack/react-query';
import {
  Suspense,
  useDeferredValue,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ComponentType,
} from 'react';
import { createFlinksClient, DEFAULT_TIMEOUT_MS, type FlinksClient } from './api';
import { loadChecks } from './api/client';
import { eventListener, type ConnectEventHandler } from './flow/events';
import type { ConnectExitError, ConnectExitMetadata, ConnectSuccessMetadata } from './flow/host';
import type { FlowConfig } from './flow/reducer';
import { FLINKS_SESSION_TTL_MS, isMidConnection, screenKey, type FlowState } from './flow/state';
import { useConnectFlow, type ConnectFlow } from './flow/useConnectFlow';
import { guidanceFor, type GuidanceOverrides } from './guidance';
import {
  forgetFailedMessages,
  I18nProvider,
  loadedMessages,
  loadMessages,
  useLanguage,
  useMessages,
  useUiMessages,
  type Language,
} from './i18n';
import { findInstitution } from './institutions';
import { ConsentStep } from './steps/consent';
import { CredentialsStep } from './steps/credentials';
import type * as later from './steps/later';
import { ClosedStep, ExitDialog } from './steps/exit';
import { InstitutionStep } from './steps/institution';
import { promiseStatus, readPromise, tracked } from './suspense';
import { StepBoundary, StepFocusContext, titleAndBody, useCountdown, withBank } from './ui';
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

type LaterSteps = typeof later;

/**
 * The screens after the first one, in one chunk: fetched once. `readPromise` records the promise's outcome, so once
 * the chunk is in, a screen renders without suspending at all. A failed download stays failed (no loop of retries)
 * until the person asks to try again.
 */
let laterSteps: Promise<LaterSteps> | null = null;

function loadLaterSteps(): Promise<LaterSteps> {
  laterSteps ??= tracked(import('./steps/later'));
  return laterSteps;
}

/** "Try again" after a failed download: the next screen that needs the chunk fetches it anew. */
function forgetFailedLaterSteps(): void {
  if (laterSteps && promiseStatus(laterSteps) === 'rejected') laterSteps = null;
}

/** A screen from the later chunk: suspends (see the `<Suspense>` around the steps) until the chunk is in. */
function laterStep<Props extends object>(pick: (steps: LaterSteps) => ComponentType<Props>) {
  return function LaterStep(props: Props) {
    const Step = pick(readPromise(loadLaterSteps()));
    return <Step {...props} />;
  };
}

const AccountsStep = laterStep((steps) => steps.AccountsStep);
const GuidanceStep = laterStep((steps) => steps.GuidanceStep);
const MfaStep = laterStep((steps) => steps.MfaStep);
const ProcessingStep = laterStep((steps) => steps.ProcessingStep);
const SuccessStep = laterStep((steps) => steps.SuccessStep);

/**
 * Starts fetching what the first submit needs, once the person is on the credential form: the later screens, their
 * text, and the client's answer checks.
 */
function prefetchLaterSteps(language: Language): void {
  // A prefetch that failed is forgotten, so the screen that needs the chunk fetches it again.
  loadLaterSteps().catch(forgetFailedLaterSteps);
  loadMessages(language).catch(forgetFailedMessages);
  loadChecks().catch(() => undefined);
}

/** "Try again" on a screen that did not load: what failed to download is fetched anew. */
function forgetFailedDownloads(): void {
  forgetFailedLaterSteps();
  forgetFailedMessages();
}

const DEFAULT_POLL_INTERVAL_MS = 10_000;
const DEFAULT_POLL_TIMEOUT_MS = 30 * 60_000;

/**
 * The bank-connection widget: consent, bank list, sign-in, security questions, account data, with guidance for
 * every Flinks code. Host callbacks are read at call time, so inline arrows never restart anything.
 */
export function ConnectWidget(props: ConnectWidgetProps) {
  const { apiBaseUrl, authorizeToken, requestTimeoutMs = DEFAULT_TIMEOUT_MS } = props;
  const [ownQueryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } }),
  );
  const client = useMemo(
    () =>
      createFlinksClient({
        baseUrl: apiBaseUrl,
        timeoutMs: requestTimeoutMs,
        ...(authorizeToken ? { authorizeToken } : {}),
      }),
    [apiBaseUrl, authorizeToken, requestTimeoutMs],
  );
  // A language whose text is still loading keeps the current one on screen meanwhile.
  const language = props.language ?? 'en';
  const deferredLanguage = useDeferredValue(language);
  return (
    <Suspense fallback={null}>
      <I18nProvider language={loadedMessages(language) ? language : deferredLanguage}>
        <WidgetBody {...props} client={client} queryClient={props.queryClient ?? ownQueryClient} />
      </I18nProvider>
    </Suspense>
  );
}

type BodyProps = ConnectWidgetProps & {
  client: FlinksClient;
  queryClient: QueryClient;
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

  const requestExit = () => (isMidConnection(state) ? setConfirmingExit(true) : flow.exit());
  const canGoBack = backEnable && state.step === 'credentials' && !props.institution;
  const showClose = closeEnable && state.step !== 'closed';

  return (
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
          {flow.online ? null : m.ui.widget.offline}
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
                onExit={requestExit}
                backEnable={backEnable}
                closeEnable={closeEnable}
              />
            </Suspense>
          </StepBoundary>
        </StepFocusContext.Provider>
      </div>
      {confirmingExit && (
        <ExitDialog
          onStay={() => setConfirmingExit(false)}
          onLeave={() => {
            setConfirmingExit(false);
            flow.exit();
          }}
        />
      )}
    </div>
  );
}

interface StepViewProps {
  state: FlowState;
  flow: ConnectFlow;
  props: BodyProps;
  onExit(): void;
  backEnable: boolean;
  closeEnable: boolean;
}

/** One screen per step; the `never` check keeps every step handled. */
function StepView({ state, flow, props, onExit, backEnable, closeEnable }: StepViewProps) {
  const language = useLanguage();
  const bank = state.ctx.institution ? findInstitution(state.ctx.institution) : undefined;
  const bankName = bank?.name[language] ?? state.ctx.institution;
  const bankWebsite = bank?.website ?? null;
  const overrides = props.guidanceOverrides ? { guidanceOverrides: props.guidanceOverrides } : {};

  switch (state.step) {
    case 'consent':
      return (
        <ConsentStep
          customerName={props.customerName ?? null}
          onAccept={flow.acceptConsent}
          onDeny={flow.denyConsent}
        />
      );
    case 'institution':
      return (
        <InstitutionStep
          demo={props.demo ?? false}
          filterEnable={props.institutionFilterEnable ?? true}
          onSelect={flow.selectInstitution}
        />
      );
    case 'credentials':
      return (
        <CredentialsStep
          bankName={bankName}
          bankWebsite={bankWebsite}
          defaultUsername={state.ctx.username}
          error={state.error}
          onSubmit={flow.submitCredentials}
          onEngage={() => prefetchLaterSteps(language)}
          {...overrides}
        />
      );
    case 'mfa':
      return (
        <MfaView
          state={state}
          flow={flow}
          bankName={bankName}
          backEnable={backEnable}
          overrides={props.guidanceOverrides}
        />
      );
    case 'processing':
      return (
        <ProcessingStep
          activity={state.activity}
          since={state.since}
          bankName={bankName}
          onFinishNow={flow.finishNow}
          onKeepWaiting={flow.keepWaiting}
          onExit={onExit}
        />
      );
    case 'accounts':
      return (
        <AccountsStep
          accounts={state.accounts}
          bankName={bankName}
          customerName={props.customerName ?? null}
          onSelect={flow.selectAccount}
        />
      );
    case 'success':
      return <SuccessStep bankName={bankName} />;
    case 'guidance':
      return (
        <GuidanceStep
          code={state.code}
          variant={state.variant}
          requestId={state.requestId}
          at={state.at}
          bankName={bankName}
          bankWebsite={bankWebsite}
          exitEnable={closeEnable}
          onAction={flow.guidanceAction}
          onExit={flow.exit}
          {...overrides}
        />
      );
    case 'closed':
      return <ClosedStep />;
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}

function MfaView({
  state,
  flow,
  bankName,
  backEnable,
  overrides,
}: {
  state: Extract<FlowState, { step: 'mfa' }>;
  flow: ConnectFlow;
  bankName: string | null;
  backEnable: boolean;
  overrides: GuidanceOverrides | undefined;
}) {
  const messages = useMessages();
  const language = useLanguage();
  // The MFA texts start with the bank's name: before it is known, "Your bank".
  const institutionName = withBank('{bank}', bankName, messages);
  // Shown only in the last two minutes of the bank's inactivity window.
  const secondsLeft = useCountdown(state.activeAt + FLINKS_SESSION_TTL_MS, 120_000);
  const text = state.error
    ? guidanceFor(state.error.code, messages, {
        language,
        ...(bankName ? { bank: bankName } : {}),
        ...(overrides ? { overrides } : {}),
        ...(state.error.variant ? { variant: state.error.variant } : {}),
      })
    : null;
  const error = text ? { code: text.code, message: titleAndBody(text.title, text.body) } : null;
  return (
    <MfaStep
      challenges={state.round.challenges}
      institutionName={institutionName}
      round={state.round.number}
      expectsOneTimeCode={state.round.expectsOneTimeCode}
      error={error}
      pending={flow.answerStatus === 'pending'}
      secondsLeft={secondsLeft}
      onSubmit={flow.submitMfa}
      {...(backEnable ? { onBack: flow.back } : {})}
    />
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
