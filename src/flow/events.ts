import type { FlinksCode } from '../api/codes';

/**
 * What each event carries besides its name. Names are Flinks Connect's, so hosts migrating from it keep
 * their listeners. No event ever carries a password, an MFA answer or an authorize token.
 */
export interface ConnectEventMetadata {
  /**
   * `parameterNotes` (ours, embed page only): one line per URL value the page could not use as given, and what it did
   * instead; absent when every value was used.
   */
  APP_MOUNTED: { parameterNotes?: string[] };
  APP_ONLINE: Record<string, never>;
  APP_OFFLINE: Record<string, never>;
  APP_RESIZE: { height: number };
  /** The consent screen's introduction is shown (Flinks Connect sends it first when consent is on). */
  COMPONENT_CONSENT_INTRO: Record<string, never>;
  COMPONENT_LOAD_CONSENT: Record<string, never>;
  COMPONENT_ACCEPT_CONSENT: Record<string, never>;
  COMPONENT_DENY_CONSENT: Record<string, never>;
  /** With `termsUrl`: the person accepted the partner's terms (with the consent). */
  COMPONENT_ACCEPT_TERMS: Record<string, never>;
  /** With `termsUrl`: the person declined them (with the consent). */
  COMPONENT_DENY_TERMS: Record<string, never>;
  /** With `termsUrl`: the person opened the terms (in a new tab). */
  COMPONENT_CLICK_TERMS_URL: Record<string, never>;
  /** `cached`: the bank list was on screen before in this connection (the person came back to it). */
  COMPONENT_LOAD_INSTITUTION_SELECTOR: { cached: boolean };
  INSTITUTION_SELECTED: { institution: string };
  COMPONENT_LOAD_CREDENTIAL: { institution: string };
  SUBMIT_CREDENTIAL: { institution: string };
  COMPONENT_LOAD_CREDENTIAL_RETRY: Record<string, never>;
  COMPONENT_LOAD_MFA: { mfaTypes: string[] };
  SUBMIT_MFA: Record<string, never>;
  COMPONENT_LOAD_MFA_RETRY: Record<string, never>;
  MAXIMUM_RETRY_REACHED: Record<string, never>;
  /** `displayedAccounts`: how many of the login's `totalAccounts` the selector lists. */
  COMPONENT_LOAD_ACCOUNT_SELECTION: { totalAccounts: number; displayedAccounts: number };
  ACCOUNT_SELECTED: { accountId: string };
  /**
   * The person left; `institution`, as in Flinks Connect, is the bank chosen by then, if any. With a problem on screen
   * when they did (ours): its `flinksCode` and `requestId`, what `onExit` reports as its error.
   */
  COMPONENT_CLOSE_SESSION: { institution: string | null; flinksCode?: FlinksCode; requestId?: string | null };
  /**
   * Ours, not Flinks Connect's: the person searched, found no bank of theirs and left from "Can't find your bank?".
   * COMPONENT_CLOSE_SESSION follows, and `onExit`'s metadata says `reason: 'institution_not_found'`.
   */
  INSTITUTION_NOT_FOUND: Record<string, never>;
  ERROR: { flinksCode: FlinksCode; requestId: string | null; institution: string | null };
  /** The person chose to go on to an OAuth bank's own sign-in page (the provider's consent). */
  COMPONENT_ACCEPT_PROVIDER_CONSENT: { institution: string };
  /** The bank's OAuth page opened in a popup. */
  POPUP_OPENED: { institution: string };
  /** The browser blocked that popup: the widget shows a button that opens it from a click. */
  POPUP_BLOCKED: { institution: string };
  /**
   * Success, the last event of a connection. `url`, as in Flinks Connect, is an absolute address whose query carries
   * `loginId` and `institution` (and `accountId`): the `redirectUrl` with them appended, or the widget's `/connected`.
   */
  REDIRECT: {
    loginId: string;
    requestId: string;
    institution: string | null;
    tag: string | null;
    accountId?: string;
    /** With `accountSelectorMultiple`: every account the person chose. */
    accountIds?: string[];
    url: string;
  };
  /** The person opened the bank's "forgot password" page. */
  COMPONENT_CLICK_RESET_PASSWORD: { institution: string | null };
  /** The bank is not available through Flinks right now (sent besides ERROR `DISABLED_INSTITUTION`). */
  DISABLED_INSTITUTION: { institution: string | null };
  /** With `enhancedMFA`: the bank keeps security questions for this login; the person is asked them now. */
  ENHANCED_MFA_HAS_QUESTIONS: { totalQuestions: number };
  /** With `enhancedMFA`: the bank keeps no security question for this login; the connection goes on. */
  ENHANCED_MFA_NO_QUESTIONS: Record<string, never>;
}

/** The name of an event, as `onEvent` receives it first. */
export type ConnectEventName = keyof ConnectEventMetadata;

/** Every event name, in the order a connection usually meets them. */
export const CONNECT_EVENT_NAMES = [
  'APP_MOUNTED',
  'APP_ONLINE',
  'APP_OFFLINE',
  'APP_RESIZE',
  'COMPONENT_CONSENT_INTRO',
  'COMPONENT_LOAD_CONSENT',
  'COMPONENT_ACCEPT_CONSENT',
  'COMPONENT_DENY_CONSENT',
  'COMPONENT_CLICK_TERMS_URL',
  'COMPONENT_ACCEPT_TERMS',
  'COMPONENT_DENY_TERMS',
  'COMPONENT_LOAD_INSTITUTION_SELECTOR',
  'INSTITUTION_SELECTED',
  'INSTITUTION_NOT_FOUND',
  'COMPONENT_LOAD_CREDENTIAL',
  'SUBMIT_CREDENTIAL',
  'COMPONENT_LOAD_CREDENTIAL_RETRY',
  'COMPONENT_CLICK_RESET_PASSWORD',
  'DISABLED_INSTITUTION',
  'COMPONENT_LOAD_MFA',
  'SUBMIT_MFA',
  'COMPONENT_LOAD_MFA_RETRY',
  'MAXIMUM_RETRY_REACHED',
  'ENHANCED_MFA_HAS_QUESTIONS',
  'ENHANCED_MFA_NO_QUESTIONS',
  'COMPONENT_LOAD_ACCOUNT_SELECTION',
  'ACCOUNT_SELECTED',
  'COMPONENT_CLOSE_SESSION',
  'COMPONENT_ACCEPT_PROVIDER_CONSENT',
  'POPUP_OPENED',
  'POPUP_BLOCKED',
  'ERROR',
  'REDIRECT',
] as const satisfies readonly ConnectEventName[];

/** One event as data: `{ name: 'ERROR', metadata: { flinksCode, requestId, institution } }`. */
export type ConnectEvent = {
  [Name in ConnectEventName]: { name: Name; metadata: ConnectEventMetadata[Name] };
}[ConnectEventName];

/**
 * The arguments of `onEvent`, as a union of tuples so that checking the name narrows the metadata:
 * `onEvent={(name, metadata) => { if (name === 'ERROR') log(metadata.flinksCode); }}`.
 */
export type ConnectEventArgs = {
  [Name in ConnectEventName]: [name: Name, metadata: ConnectEventMetadata[Name]];
}[ConnectEventName];

/**
 * The type of `onEvent`, called as `onEvent(name, metadata)`. Every handler a host writes fits:
 * - `(name, metadata) => { if (name === 'ERROR') log(metadata.flinksCode); }`: checking the name narrows the metadata;
 * - `(name) => track(name)`: the name alone;
 * - `(...event) => forward(...event)`, or a function declared elsewhere with compatible parameters.
 *
 * Why two members: TypeScript gives a handler its parameter types from the first (the union of tuples that narrows),
 * but does not accept a one-argument function for it. The second accepts those, and gives no parameter types of its
 * own (its generic `never` overload keeps TypeScript from merging its two signatures). test/types/on-event.test-d.ts
 * keeps each case fixed.
 */
export type ConnectEventHandler =
  | ((...event: ConnectEventArgs) => void)
  | { <Unused>(unused: Unused & never): void; (name: ConnectEventName): void };

/** Any `ConnectEventHandler` as what it is at run time: a function called with the name and the metadata. */
export function eventListener(handler: ConnectEventHandler): (...event: ConnectEventArgs) => void {
  return handler as (...event: ConnectEventArgs) => void;
}

export function connectEvent<Name extends ConnectEventName>(
  name: Name,
  metadata: ConnectEventMetadata[Name],
): ConnectEvent {
  return { name, metadata } as ConnectEvent;
}
