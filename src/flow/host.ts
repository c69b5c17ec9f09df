import type { FlinksCode } from '../api/codes';
import { guidanceKeyFor, type GuidanceCode } from '../guidance';
import type { ConnectEvent, ConnectEventArgs } from './events';
import { loadOnce } from '../loadOnce';
import type { ExitReason, FlowState, StepName } from './state';

/** What `onSuccess` receives: the LoginId to keep server-side, and where it came from. */
export interface ConnectSuccessMetadata {
  loginId: string;
  requestId: string;
  institution: string | null;
  /** The account the person picked, with `accountSelectorEnable`. */
  accountId?: string;
  /** Every account the person picked, with `accountSelectorMultiple`. */
  accountIds?: string[];
  /** REDIRECT's `url`: the redirect address with `loginId` and `institution` in its query. */
  url: string;
}

/** Why the person left with a problem on screen. `developerMessage` is for logs, never for the person. */
export interface ConnectExitError {
  flinksCode: FlinksCode;
  developerMessage: string;
  requestId: string | null;
}

/** Where the person left. */
export interface ConnectExitMetadata {
  step: StepName;
  institution: string | null;
  requestId: string | null;
  flinksCode?: FlinksCode;
  developerMessage?: string;
  /**
   * Why the person left, when the widget knows: `institution_not_found` (they searched the bank list and left from
   * "Can't find your bank?"), as Plaid's `institution_not_found`. Absent otherwise.
   */
  reason?: ExitReason;
}

/** The host's callbacks, with the same meaning in `<ConnectWidget>`, `<ConnectFrame>` and `/connect.js`. */
export interface HostCallbacks {
  onEvent?: (...event: ConnectEventArgs) => void;
  onSuccess?: (metadata: ConnectSuccessMetadata) => void;
  onExit?: (error: ConnectExitError | null, metadata: ConnectExitMetadata) => void;
}

/**
 * Tells the host about a transition: every event, `onSuccess` after REDIRECT, `onExit` after COMPONENT_CLOSE_SESSION
 * with the problem on screen when the person left.
 */
export function tellHost(host: HostCallbacks, events: readonly ConnectEvent[], state: FlowState): void {
  for (const event of events) {
    host.onEvent?.(...([event.name, event.metadata] as ConnectEventArgs));
    if (event.name === 'REDIRECT') {
      const { tag: _tag, ...success } = event.metadata;
      host.onSuccess?.(success);
    }
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
export function loadDeveloperMessages(): Promise<DeveloperMessages | null> {
  return developerMessages.load().catch(() => null);
}

type ExitArguments = [error: ConnectExitError | null, metadata: ConnectExitMetadata];

/**
 * Calls `report` with the `onExit` arguments of a closed connection: at once, or, when the person left with a problem
 * on screen whose developer message is not in yet, as soon as it is.
 */
export function reportExit(
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
    { flinksCode: error.code, developerMessage, requestId: error.requestId },
    { ...base, requestId: error.requestId, flinksCode: error.code, developerMessage },
  ];
}
