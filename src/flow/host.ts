import type { FlinksCode } from '../api/codes';
import { guidanceKeyFor, type GuidanceCode } from '../guidance';
import type { FlowState, StepName } from './state';

/** What `onSuccess` receives: the LoginId to keep server-side, and where it came from. */
export interface ConnectSuccessMetadata {
  loginId: string;
  requestId: string;
  institution: string | null;
  /** The account the person picked, with `accountSelectorEnable`. */
  accountId?: string;
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
}

type DeveloperMessages = Readonly<Record<GuidanceCode, string>>;

/** Said instead when the messages' chunk could not be downloaded (the person went offline). */
const DESCRIPTION_UNAVAILABLE =
  'The description of this code could not be downloaded; look the FlinksCode up in the integration guide.';

let developerMessages: DeveloperMessages | null = null;
let developerMessagesLoading: Promise<DeveloperMessages | null> | null = null;

/**
 * Fetches the developer messages (their own chunk) once. The flow asks for them as soon as a problem shows, so they
 * are in by the time the person leaves. A failed download is forgotten, so the next call fetches them again.
 */
export function loadDeveloperMessages(): Promise<DeveloperMessages | null> {
  developerMessagesLoading ??= import('../guidance/developer').then(
    (module) => (developerMessages = module.DEVELOPER_MESSAGES),
    () => {
      developerMessagesLoading = null;
      return null;
    },
  );
  return developerMessagesLoading;
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
  if (!state.error || developerMessages) {
    report(...exitArguments(state, developerMessages));
    return;
  }
  void loadDeveloperMessages().then((messages) => report(...exitArguments(state, messages)));
}

function exitArguments(
  state: Extract<FlowState, { step: 'closed' }>,
  messages: DeveloperMessages | null,
): ExitArguments {
  const { ctx, error } = state;
  const base = { step: state.from, institution: ctx.institution };
  if (!error) return [null, { ...base, requestId: ctx.requestId }];
  const developerMessage = messages?.[guidanceKeyFor(error.code)] ?? DESCRIPTION_UNAVAILABLE;
  return [
    { flinksCode: error.code, developerMessage, requestId: error.requestId },
    { ...base, requestId: error.requestId, flinksCode: error.code, developerMessage },
  ];
}
