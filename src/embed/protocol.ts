import type { ConnectEventMetadata, ConnectEventName } from '../flow/events';

/**
 * The postMessage protocol between the embed page and its host.
 * Framework-free: the embed page, the `/connect.js` SDK and `<ConnectFrame>` all speak it through this file.
 */

export const WIDGET_SOURCE = 'connect-widget';
export const PROTOCOL_VERSION = 1;

/** What an ERROR event carries, and what `onExit` receives as its error. */
export type WidgetError = ConnectEventMetadata['ERROR'];

/** What REDIRECT carries, and what `onSuccess` receives. */
export type WidgetSuccess = ConnectEventMetadata['REDIRECT'];

/**
 * The metadata fields each event may carry. The envelope copies these and nothing else, so a field the widget
 * adds by mistake (a password, an answer, a token) can never leave the page.
 */
export const EVENT_FIELDS: { readonly [N in ConnectEventName]: readonly (keyof ConnectEventMetadata[N])[] } =
  {
    APP_MOUNTED: ['parameterNotes'],
    APP_ONLINE: [],
    APP_OFFLINE: [],
    APP_RESIZE: ['height'],
    COMPONENT_CONSENT_INTRO: [],
    COMPONENT_LOAD_CONSENT: [],
    COMPONENT_ACCEPT_CONSENT: [],
    COMPONENT_DENY_CONSENT: [],
    COMPONENT_LOAD_INSTITUTION_SELECTOR: ['cached'],
    INSTITUTION_SELECTED: ['institution'],
    INSTITUTION_NOT_FOUND: [],
    COMPONENT_LOAD_CREDENTIAL: ['institution'],
    SUBMIT_CREDENTIAL: ['institution'],
    COMPONENT_LOAD_CREDENTIAL_RETRY: [],
    COMPONENT_LOAD_MFA: ['mfaTypes'],
    SUBMIT_MFA: [],
    COMPONENT_LOAD_MFA_RETRY: [],
    MAXIMUM_RETRY_REACHED: [],
    COMPONENT_LOAD_ACCOUNT_SELECTION: ['totalAccounts', 'displayedAccounts'],
    ACCOUNT_SELECTED: ['accountId'],
    COMPONENT_CLOSE_SESSION: ['institution', 'flinksCode', 'requestId'],
    COMPONENT_ACCEPT_PROVIDER_CONSENT: ['institution'],
    POPUP_OPENED: ['institution'],
    POPUP_BLOCKED: ['institution'],
    ERROR: ['flinksCode', 'requestId', 'institution'],
    REDIRECT: ['loginId', 'requestId', 'institution', 'tag', 'accountId', 'accountIds', 'url'],
    COMPONENT_CLICK_RESET_PASSWORD: ['institution'],
    DISABLED_INSTITUTION: ['institution'],
    COMPONENT_ACCEPT_TERMS: [],
    COMPONENT_DENY_TERMS: [],
    COMPONENT_CLICK_TERMS_URL: [],
    ENHANCED_MFA_HAS_QUESTIONS: ['totalQuestions'],
    ENHANCED_MFA_NO_QUESTIONS: [],
  };

export function isWidgetEventName(name: unknown): name is ConnectEventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(EVENT_FIELDS, name);
}

/**
 * One event as it crosses the frame boundary.
 * @example
 * { source: 'connect-widget', version: 1, step: 'INSTITUTION_SELECTED', institution: 'FlinksCapital' }
 */
export type WidgetMessage<N extends ConnectEventName = ConnectEventName> = {
  [K in N]: {
    source: typeof WIDGET_SOURCE;
    version: typeof PROTOCOL_VERSION;
    step: K;
  } & ConnectEventMetadata[K];
}[N];

/** Wraps an event in the envelope, keeping only the fields its name allows. */
export function envelope<N extends ConnectEventName>(
  step: N,
  metadata: ConnectEventMetadata[N],
): WidgetMessage<N> {
  const message: Record<string, unknown> = { source: WIDGET_SOURCE, version: PROTOCOL_VERSION, step };
  const source = metadata as Record<string, unknown>;
  for (const field of EVENT_FIELDS[step] as readonly string[]) {
    if (source[field] !== undefined) message[field] = source[field];
  }
  return message as unknown as WidgetMessage<N>;
}

/**
 * An error as the embed page posts it: Flinks Connect's shape for API errors, `{flinksCode, requestId, institution}`
 * with no `step` (a listener that reads "has a step" as progress never misfiles it), plus our `source` and `version`.
 * @example { source: 'connect-widget', version: 1, flinksCode: 'INVALID_LOGIN', requestId: 'r-1', institution: 'FlinksCapital' }
 */
export interface WidgetErrorMessage extends WidgetError {
  source: typeof WIDGET_SOURCE;
  version: typeof PROTOCOL_VERSION;
}

export function errorEnvelope(error: WidgetError): WidgetErrorMessage {
  return {
    source: WIDGET_SOURCE,
    version: PROTOCOL_VERSION,
    flinksCode: error.flinksCode,
    requestId: error.requestId,
    institution: error.institution,
  };
}

/**
 * `onExit`'s `developerMessage` in `/connect.js` and `<ConnectFrame>`: the page's events carry the code, not its
 * description, and the frame does not ship the descriptions.
 */
export const UNDESCRIBED_EXIT =
  'The widget page sent no description of this code; look the FlinksCode up in the integration guide.';

/** What the embed page posts: the envelope itself, or its JSON text when the host asked for `stringify=true`. */
export function encode<Message extends object>(message: Message, stringify: boolean): Message | string {
  return stringify ? JSON.stringify(message) : message;
}

function parsed(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return null;
  }
}

/**
 * Structural guard for an incoming message: ours, this version, a string step. The step's name is not checked here;
 * the host side (`connectFrame`) drops the names it does not know.
 */
export function isWidgetMessage(value: unknown): value is WidgetMessage {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { source?: unknown; version?: unknown; step?: unknown };
  return (
    candidate.source === WIDGET_SOURCE &&
    candidate.version === PROTOCOL_VERSION &&
    typeof candidate.step === 'string'
  );
}

/** Reads `event.data` as a widget message, parsing JSON text (stringify mode); an error becomes ERROR. Else null. */
export function decode(data: unknown): WidgetMessage | null {
  const value = parsed(data);
  if (isWidgetMessage(value)) return value;
  if (typeof value !== 'object' || value === null) return null;
  const error = value as Partial<WidgetErrorMessage> & { step?: unknown };
  if (
    error.source !== WIDGET_SOURCE ||
    error.version !== PROTOCOL_VERSION ||
    error.step !== undefined ||
    typeof error.flinksCode !== 'string' ||
    error.flinksCode === ''
  )
    return null;
  return {
    ...errorEnvelope({
      flinksCode: error.flinksCode,
      requestId: typeof error.requestId === 'string' ? error.requestId : null,
      institution: typeof error.institution === 'string' ? error.institution : null,
    }),
    step: 'ERROR',
  };
}
