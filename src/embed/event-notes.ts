import type { ConnectEventName } from '../flow/events';

/**
 * What each event means here, for MIGRATING.md (`npm run docs:migrating`). Its payload fields come from the protocol's
 * own allow-list (`EVENT_FIELDS`); the type below fails to compile when an event has no note. Docs only: no runtime
 * code imports this file.
 */
export const EVENT_NOTES: { readonly [Name in ConnectEventName]: string } = {
  APP_MOUNTED:
    'The page started. parameterNotes (ours) lists each URL value it could not use as given and what it did instead; absent when there is none.',
  COMPONENT_CONSENT_INTRO:
    'The consent screen is shown (consentEnable), right before COMPONENT_LOAD_CONSENT.',
  APP_ONLINE: 'The connection came back; a call that failed offline is sent again.',
  APP_OFFLINE: 'The browser went offline; the widget says so and waits.',
  APP_RESIZE: 'The content’s height changed: size the iframe to it (connect.js and ConnectFrame do).',
  COMPONENT_LOAD_CONSENT: 'The consent screen is shown (consentEnable).',
  COMPONENT_ACCEPT_CONSENT: 'The person accepted.',
  COMPONENT_DENY_CONSENT: 'The person declined; COMPONENT_CLOSE_SESSION follows.',
  COMPONENT_LOAD_INSTITUTION_SELECTOR:
    'The bank list is shown; cached is true when the person came back to it.',
  INSTITUTION_SELECTED: 'A bank was chosen.',
  INSTITUTION_NOT_FOUND:
    'Ours (no Flinks Connect equivalent): the person found no bank of theirs and left from “Can’t find your bank?”; COMPONENT_CLOSE_SESSION follows.',
  COMPONENT_LOAD_CREDENTIAL: 'The sign-in form is shown.',
  SUBMIT_CREDENTIAL: 'The sign-in was sent (never with the password).',
  COMPONENT_LOAD_CREDENTIAL_RETRY: 'The sign-in form is shown again after a refused sign-in.',
  COMPONENT_LOAD_MFA: 'Security questions are shown; mfaTypes lists their Flinks types.',
  SUBMIT_MFA: 'The answers were sent (never the answers themselves).',
  COMPONENT_LOAD_MFA_RETRY: 'Security questions are shown again after a wrong answer.',
  MAXIMUM_RETRY_REACHED: 'maximumRetry failed attempts in a row: the lock-out guidance replaces the form.',
  COMPONENT_LOAD_ACCOUNT_SELECTION:
    'The account selector is shown (accountSelectorEnable): displayedAccounts of totalAccounts.',
  ACCOUNT_SELECTED: 'An account was chosen.',
  COMPONENT_CLOSE_SESSION:
    'The person left (the close button with closeEnable=true, or a screen’s own way out); institution is the bank chosen by then. No other message precedes it.',
  COMPONENT_ACCEPT_PROVIDER_CONSENT:
    'The person chose to go on to an OAuth bank’s own sign-in page (from the bank list, the hand-off’s button or a retry).',
  ERROR:
    'Every error code the widget receives or raises (NETWORK_ERROR, TIMEOUT, MALFORMED_RESPONSE …). Posted in Flinks Connect’s shape for errors: {flinksCode, requestId, institution} with no step (plus source and version); the SDK’s onEvent still names it ERROR.',
  REDIRECT:
    'Success, the last event: url is redirectUrl (or the /connected page) with loginId then institution in its query, then accountId and tag when there are some. A redirectUrl outside CONNECT_REDIRECT_ORIGINS is still in url, but nothing navigates there. tag is null when none was given.',
  COMPONENT_CLICK_RESET_PASSWORD: 'The person opened the bank’s “forgot password” page.',
  DISABLED_INSTITUTION: 'The bank is unavailable (also an ERROR): the person may choose another.',
  POPUP_OPENED: 'An OAuth bank’s sign-in page opened in a popup.',
  COMPONENT_ACCEPT_TERMS: 'The person accepted the consent screen that links your terms (termsUrl).',
  COMPONENT_DENY_TERMS: 'The person declined the consent screen that links your terms (termsUrl).',
  COMPONENT_CLICK_TERMS_URL: 'The person opened your terms (termsUrl) in a new tab.',
  ENHANCED_MFA_HAS_QUESTIONS:
    'enhancedMFA: the login keeps totalQuestions security questions; the person is asked to answer each.',
  ENHANCED_MFA_NO_QUESTIONS: 'enhancedMFA: the login keeps no security question; the connection goes on.',
  POPUP_BLOCKED:
    'The browser blocked that popup: the widget shows a button that opens it from the person’s click.',
};

/** Flinks Connect events this widget does not send, and why: a listener waiting for one of them never fires. */
export const FLINKS_EVENTS_NOT_SENT: Readonly<Record<string, string>> = {
  COMPONENT_HELP2FA_INFO:
    'The security-question screens carry their help inline; there is no separate help page.',
  COMPONENT_HELP2FA_TROUBLESHOOTING: 'As above: no separate troubleshooting page.',
};
