import type { FlinksCode } from '../api/codes';
import type {
  ApiError,
  OAuthOutcome,
  OAuthRedeemResult,
  OAuthReturnTicket,
  OAuthStartResult,
} from '../api/types';
import { OAUTH_MESSAGE_SOURCE } from '../api/oauth-message';
import type { OAuthReturnMessage } from '../api/wire';
import type { BankWindow, OAuthBrowser } from './bank-window';
import type { OAuthResult } from './actions';

/**
 * Following the bank's page once it is open: a chunk of its own, fetched after the click (the popup itself opens
 * within the click, in the runner). Only the return page's message, from that popup, at the server's exact origin,
 * for that state, counts; a popup closed without one is "cancelled".
 */

/** Every field the return page's message may carry, whichever outcome it tells. */
type MessageField = OAuthReturnMessage extends infer M ? (M extends unknown ? keyof M : never) : never;

/** How often the widget looks whether the bank's popup is still open. */
const POPUP_WATCH_MS = 400;
/** The return page posts, then closes itself: its message may still be on its way when the popup shows closed. */
const POPUP_CLOSE_GRACE_MS = 600;

/**
 * An error the widget raises about the bank's page, in the client's shape. Only this chunk raises one: importing it
 * from oauth.ts would split the reducer's own modules into a chunk of their own, shared with this one.
 */
export function oauthProblem(code: FlinksCode, message: string): ApiError {
  return { kind: 'error', httpStatus: null, flinksCode: code, message, requestId: null, cause: 'http' };
}

/** The bank's error words (OAuth's, and Flinks' `cancelled`) and the code each one shows. */
const BANK_ERRORS: Readonly<Record<string, FlinksCode>> = {
  access_denied: 'OAUTH_DENIED',
  cancelled: 'OAUTH_CANCELLED',
  canceled: 'OAUTH_CANCELLED',
  user_cancelled: 'OAUTH_CANCELLED',
  state_invalid: 'OAUTH_STATE_INVALID',
  temporarily_unavailable: 'RETRY_LATER',
};

/** The outcome the bank's page gave, as a result; a bank error the widget has no word for is UNAUTHORIZED. */
export function oauthResultOf(outcome: OAuthOutcome): OAuthResult {
  if ('loginId' in outcome) return { kind: 'allowed', ...outcome };
  const code = BANK_ERRORS[outcome.error] ?? 'UNAUTHORIZED';
  return oauthProblem(code, `The bank's OAuth page answered error=${outcome.error}.`);
}

/** The bank's window closed before it sent the person back. */
export const popupClosed = (): ApiError =>
  oauthProblem('OAUTH_CANCELLED', "The bank's OAuth window closed before it returned an outcome.");

export interface FollowPopup {
  popup: BankWindow;
  browser: OAuthBrowser;
  /** Asks the server for the state (coming back to `returnTo`, if given); null when the widget went away meanwhile. */
  start(returnTo?: string): Promise<OAuthStartResult | null>;
  /** Collects the outcome of a return from the server with the code the popup's message carried; null when gone. */
  redeem(ticket: OAuthReturnTicket): Promise<OAuthRedeemResult | null>;
  /** Called once, with the outcome. */
  settle(result: OAuthResult): void;
  later(delayMs: number, task: () => void): void;
}

/** Sends the open popup to the bank once the state is there, and listens for its return. Returns the stop. */
export function followPopup({ popup, browser, start, redeem, settle, later }: FollowPopup): () => void {
  let expected: { state: string; origin: string } | null = null;
  /** The return's message came: the popup closing now is not a cancel, the outcome is on its way. */
  let returned = false;
  const unlisten = browser.onMessage(({ origin, source, data }) => {
    if (!expected || returned || source !== popup.source || origin !== expected.origin) return;
    // The message's shape is the wire contract's (src/api/wire.ts); only what the widget uses is read, and checked.
    const message = data as { [K in MessageField]?: unknown } | null;
    if (message?.source !== OAUTH_MESSAGE_SOURCE || message.state !== expected.state) return;
    if (typeof message.code === 'string') {
      // The message is only the popup's word: the outcome is what the server hands over for the code.
      returned = true;
      void redeem({ state: expected.state, code: message.code }).then((result) => {
        if (result !== null) settle(result.kind === 'error' ? result : oauthResultOf(result.outcome));
      });
    } else if (typeof message.error === 'string') {
      // No code: a return the server did not honour (replayed, expired). A LoginId without a code is never believed.
      settle(oauthResultOf({ error: message.error }));
    }
  });
  const watch = setInterval(() => {
    if (!popup.closed) return;
    clearInterval(watch);
    later(POPUP_CLOSE_GRACE_MS, () => {
      if (!returned) settle(popupClosed());
    });
  }, POPUP_WATCH_MS);
  void start().then((started) => {
    if (started === null) return;
    if (started.kind === 'error') {
      popup.close();
      settle(started);
      return;
    }
    expected = { state: started.state, origin: new URL(started.authorizeUrl).origin };
    if (!popup.closed) popup.go(started.authorizeUrl);
  });
  return () => {
    unlisten();
    clearInterval(watch);
  };
}

export interface FollowBank extends Omit<FollowPopup, 'popup'> {
  /** The popup opened within the click; null for the whole-window trip. */
  popup: BankWindow | null;
  /** Where a whole-window trip comes back (the host's `redirectUrl`); the widget's own page when null. */
  returnTo: string | null;
}

/**
 * The bank's page once the person clicked: the popup followed (above), or the whole window sent to the bank once the
 * server gave the state; it comes back to `returnTo` with the outcome. Returns the stop.
 */
export function followBank({ popup, returnTo, ...rest }: FollowBank): () => void {
  if (popup) return followPopup({ popup, ...rest });
  let live = true;
  void rest.start(returnTo ?? rest.browser.currentUrl()).then((started) => {
    if (started === null || !live) return;
    if (started.kind === 'error') rest.settle(started);
    else rest.browser.leaveFor(started.authorizeUrl);
  });
  return () => {
    live = false;
  };
}
