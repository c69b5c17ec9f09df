import type { FlinksCode } from '../api/codes';
import { guidanceKeyFor, type GuidanceCode } from '../guidance';
import type { ConnectEvent, ConnectEventArgs, ConnectEventHandler } from './events';
import { loadOnce } from '../loadOnce';
import type { ExitReason, FlowState, StepName } from './state';

/**
 * What `onSuccess` receives, from `<ConnectWidget>`, `<ConnectFrame>` and `/connect.js` alike: REDIRECT's fields. Keep
 * `loginId` server-side.
 */
export interface ConnectSuccessMetadata {
  loginId: string;
  requestId: string;
  institution: string | null;
  /** The `tag` the widget was given, or null. */
  tag: string | null;
  /** The account the person picked, with `accountSelectorEnable`. */
  accountId?: string | undefined;
  /** Every account the person picked, with `accountSelectorMultiple`. */
  accountIds?: string[] | undefined;
  /** REDIRECT's `url`: the redirect address with `loginId` and `institution` in its query. */
  url: string;
}

/** Why the person left with a problem on screen. `developerMessage` is for logs, never for the person. */
export interface ConnectExitError {
  flinksCode: FlinksCode;
  developerMessage: string;
  requestId: string | null;
  institution: string | null;
}

/** Where the person left. */
export interface ConnectExitMetadata {
  step: StepName;
  institution: string | null;
  requestId: string | null;
  flinksCode?: FlinksCode | undefined;
  developerMessage?: string | undefined;
  /**
   * Why the person left, when the widget knows: `institution_not_found` (they searched the bank list and left from
   * "Can't find your bank?"), as Plaid's `institution_not_found`. Absent otherwise.
   */
  reason?: ExitReason | undefined;
}

/**
 * The host's callbacks, one type with the same payloads for `<ConnectWidget>`, `<ConnectFrame>` and `/connect.js`:
 * one handlers object can be spread onto either component.
 * @example
 * const handlers: ConnectHandlers = {
 *   onSuccess: ({ loginId }) => saveLogin(loginId),
 *   onExit: (error, { step }) => report(error?.flinksCode ?? step),
 *   onEvent: (name, metadata) => analytics.track(name, metadata),
 * };
 */
export interface ConnectHandlers {
  /** Every event the widget sends, REDIRECT and COMPONENT_CLOSE_SESSION included. */
  onEvent?: ConnectEventHandler | undefined;
  /** The connection succeeded (after REDIRECT): keep `loginId`. */
  onSuccess?: ((metadata: ConnectSuccessMetadata) => void) | undefined;
  /** The person closed the widget; `error` is the problem on screen when they did, or null. */
  onExit?: ((error: ConnectExitError | null, metadata: ConnectExitMetadata) => void) | undefined;
}

/** The callbacks as the flow calls them (`onEvent` as one listener, whichever form the host gave). */
export interface HostCallbacks {
  onEvent?: (...event: ConnectEventArgs) => void;
  onSuccess?: ConnectHandlers['onSuccess'];
  onExit?: ConnectHandlers['onExit'];
}

/**
 * Tells the host about a transition: every event, `onSuccess` after REDIRECT, `onExit` after COMPONENT_CLOSE_SESSION
 * with the problem on screen when the person left.
 */
export function tellHost(host: HostCallbacks, events: readonly ConnectEvent[], state: FlowState): void {
  for (const event of events) {
    host.onEvent?.(...([event.name, event.metadata] as ConnectEventArgs));
    if (event.name === 'REDIRECT') host.onSuccess?.(event.metadata);
    // The developer message of a problem on screen, ready for onExit should the person leave.
    if (event.name === 'ERROR' && host.onExit) void loadDeveloperMessages();
    if (event.name === 'COMPONENT_CLOSE_SESSION' && state.step === 'closed' && host.onExit) {
      reportExit(state, host.onExit);
    }
  }
}

type DeveloperMessages = Readonly<Record<GuidanceCode, string>>;

/** Said instead when the messages' chunk could not be downloaded (the person went offline). */
const DESCRIPTION_UNAVAILABLE =
  'The description of this code could not be downloaded; look the FlinksCode up in the integration guide.';

/** The developer messages are a chunk of their own, fetched once; a failed download is fetched again next time. */
const developerMessages = loadOnce(
  () => import('../guidance/developer').then((module) => module.DEVELOPER_MESSAGES),
  {
    retryOnLoad: true,
  },
);

/**
 * Fetches the developer messages. The flow asks for them as soon as a problem shows, so they are in by the time the
 * person leaves. Null when they could not be downloaded.
 */
function loadDeveloperMessages(): Promise<DeveloperMessages | null> {
  return developerMessages.load().catch(() => null);
}

type ExitArguments = [error: ConnectExitError | null, metadata: ConnectExitMetadata];

/**
 * Calls `report` with the `onExit` arguments of a closed connection: at once, or, when the person left with a problem
 * on screen whose developer message is not in yet, as soon as it is.
 */
function reportExit(
  state: Extract<FlowState, { step: 'closed' }>,
  report: (...exit: ExitArguments) => void,
): void {
  const messages = developerMessages.current();
  if (!state.error || messages) {
    report(...exitArguments(state, messages ?? null));
    return;
  }
  void loadDeveloperMessages().then((messages) => report(...exitArguments(state, messages)));
}

function exitArguments(
  state: Extract<FlowState, { step: 'closed' }>,
  messages: DeveloperMessages | null,
): ExitArguments {
  const { ctx, error } = state;
  const base = {
    step: state.from,
    institution: ctx.institution,
    ...(state.reason ? { reason: state.reason } : {}),
  };
  if (!error) return [null, { ...base, requestId: ctx.requestId }];
  const developerMessage = messages?.[guidanceKeyFor(error.code)] ?? DESCRIPTION_UNAVAILABLE;
  return [
    { flinksCode: error.code, developerMessage, requestId: error.requestId, institution: ctx.institution },
    { ...base, requestId: error.requestId, flinksCode: error.code, developerMessage },
  ];
}
