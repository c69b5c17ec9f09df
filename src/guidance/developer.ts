import type { GuidanceCode } from './map';

/**
 * For developers, in English: what each code means and what to check. The host gets it through `onExit`; the person
 * never sees it. Read only when someone leaves with a problem on screen, so it is its own chunk, off the first screen.
 */
export const DEVELOPER_MESSAGES: Readonly<Record<GuidanceCode, string>> = {
  INVALID_USERNAME:
    'The institution did not recognise the username (401). The person is back on the credential form with the username marked; this counts toward maximumRetry.',
  INVALID_PASSWORD:
    'The institution rejected the password (401). The password field is cleared and marked; this counts toward maximumRetry.',
  INVALID_LOGIN:
    'The username/password pair was rejected, or the LoginId does not exist or does not belong to this CustomerId (400). In reconnect mode the saved LoginId is gone: the person must sign in again. Counts toward maximumRetry.',
  MAXIMUM_RETRY_REACHED:
    'Raised by the widget after maximumRetry failed credential or MFA attempts in a row. The form is replaced by lock-out guidance pointing to the institution website; no further attempt is sent.',
  INVALID_SECURITY_RESPONSE:
    'The MFA answer did not match what the institution expects (401). The same RequestId stays open for another answer; counts toward maximumRetry.',
  INVALID_SECURITY_RESPONSE_NO_RETRY:
    'The institution refused the MFA answers and allows no retry on this RequestId (401). The session cannot continue.',
  SECURITYRESPONSES_INCOMPLETE:
    'Not every prompted MFA question had an answer in SecurityResponses (401). The MFA form should have prevented this before sending; check that every Prompt is keyed in the request.',
  UNKNOWN_CHALLENGE_KEY:
    'SecurityResponses answered a prompt that was not asked (401): the institution changed its challenge, or the answer was keyed to the wrong Prompt. Show the new SecurityChallenges.',
  QUESTION_NOT_FOUND:
    'A cached or background refresh met an MFA prompt with no stored answer (401). The person must sign in interactively to answer it.',
  NEW_ACCOUNT:
    'The institution requires an action on its own website first, such as accepting new terms (401). Retry after the person has signed in there.',
  DISABLED_LOGIN:
    'The institution has deactivated this login (401). Only the account holder can have it reactivated, by contacting the institution.',
  UNAUTHORIZED:
    'The card was not authorized (401): a problem at the institution, or a data endpoint was called before /Authorize completed (e.g. during MFA).',
  RETRY_LATER:
    'Flinks could not open a connection with the institution, often during its maintenance (401). Retry after a delay; back off if it repeats.',
  AGGREGATION_ERROR:
    'Unexpected failure in aggregation (500). Retry once; if it repeats, contact Flinks support with the RequestId.',
  TOO_MANY_REQUESTS:
    'The API rate limit was reached (429). The try-again action is held behind a countdown; check that the integration does not loop on requests.',
  NETWORK_ERROR:
    "Raised by the widget: the request never got an HTTP answer (offline, DNS, CORS or connection reset). Retried automatically when the browser comes back online. When the API could be reached but refused this page's origin (CORS), the console says so in development: add the origin to CONNECT_ALLOWED_ORIGINS.",
  TIMEOUT:
    'Raised by the widget: no answer within CONNECT_REQUEST_TIMEOUT_MS. The institution or the API is slow; the request may still complete server-side.',
  CONCURRENT_SESSION:
    'Another session is already open for this account (same Institution and Username, or LoginId) (401). Retried once automatically; then the person is asked to close the other window.',
  CARD_IN_USE:
    'An operation was requested while the login is still being processed, e.g. DeleteCard right after Authorize (400). Retried once automatically after a delay.',
  SESSION_EXPIRED:
    'The RequestId expired: 8 minutes without activity during Authorize, or 30 minutes of data processing (401). Start a new Authorize; the username is kept.',
  SESSION_NONEXISTENT:
    'The RequestId is unknown or already expired (400). Start a new Authorize; the username is kept.',
  OPERATION_PENDING:
    'The data is still being processed in the background (202). Poll the Async endpoint with the RequestId until it answers 200.',
  OPERATION_DISPATCHED:
    'A synchronous call would have run past 210 s and was dispatched to the background (202). The login is authorized: finishing now returns the LoginId; fetch the data later through the Async endpoint.',
  ALREADY_AUTHORIZED:
    'An MFA answer was sent for a RequestId that is already authorized (401). Not a failure: the widget continues to success.',
  DISABLED_INSTITUTION:
    'The institution is disabled on this Flinks instance or temporarily unavailable (405). Offer another institution.',
  NO_TRANSACTION:
    'The account has too few transactions for the requested data (e.g. an attribute or income report). Nothing to retry until the account has more history.',
  OAUTH_DENIED:
    "Raised by the widget: the bank's OAuth page answered error=access_denied (the person, or the bank, declined). Nothing was shared; the person may try again.",
  OAUTH_CANCELLED:
    "Raised by the widget: the bank's OAuth window was closed (or answered error=cancelled) before it sent the person back to /oauth/return.",
  OAUTH_STATE_INVALID:
    'The OAuth return did not match a connection in progress: its state is unknown, expired with its connect session, or was already used (a refreshed or replayed return). Start a new connection; with the whole-window flow, hand receivedRedirectUri to the widget once.',
  INVALID_REQUEST:
    'The request was malformed: missing or incomplete credentials, a wrong type, a syntax error or a body over 1 MB (400). Check the payload the integration sends.',
  ACCESS_DENIED:
    'Refused access (401/403). From the connect server: the connect session is missing, expired, used from another origin than its parentOrigin, or asked for something outside its scope; create a new one with POST /connect/sessions and remount the widget, or give <ConnectWidget> getSessionToken to renew it by itself. From Flinks directly: no valid authorize token; mint a fresh one server-side for each connection.',
  METHOD_NOT_AVAILABLE:
    'The endpoint is not enabled on this Flinks instance. Ask Flinks to enable it, or stop calling it.',
  MALFORMED_RESPONSE:
    'Raised by the widget: the API answered with a body that is not valid JSON or does not have the Flinks shape. Check CONNECT_API_URL and any proxy in between.',
  UNKNOWN:
    'The API sent a FlinksCode this widget does not know; the original code is kept in `code`. The person sees a generic screen.',
};
