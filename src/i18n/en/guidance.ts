import type { GuidanceCode, GuidanceVariant } from '../../guidance/map';
import type { GuidanceAction, GuidanceKind, GuidanceText } from '../../guidance/types';

/**
 * English strings of the `guidance` namespace: one screen per code, the action labels and the small print.
 * `{bank}` is the institution's display name.
 */
export const guidance = {
  codes: {
    INVALID_USERNAME: {
      title: '{bank} doesn’t know this username',
      body: 'Look for a typo, or try your card number instead.',
    },
    INVALID_PASSWORD: {
      title: '{bank} didn’t accept this password',
      body: 'Type it again, minding capital letters.',
    },
    INVALID_LOGIN: {
      title: '{bank} didn’t accept this sign-in',
      body: 'The username or the password isn’t right. Check both, then try again.',
    },
    MAXIMUM_RETRY_REACHED: {
      title: 'Too many tries at {bank} for now',
      body: 'To protect your account, check or reset your password on {bank}’s website first. Then come back to connect.',
    },
    INVALID_SECURITY_RESPONSE: {
      title: '{bank} didn’t accept this answer',
      body: 'Enter it exactly as you first set it.',
    },
    INVALID_SECURITY_RESPONSE_NO_RETRY: {
      title: '{bank} can’t take more answers now',
      body: '{bank} didn’t accept the answers and won’t allow another try for now. Come back later, or choose another bank.',
    },
    SECURITYRESPONSES_INCOMPLETE: {
      title: 'Answer every question',
      body: '{bank} needs an answer to each question. Fill in the empty ones and send them again.',
    },
    UNKNOWN_CHALLENGE_KEY: {
      title: '{bank} asked a new question',
      body: '{bank} changed its security question. Answer the new one below.',
    },
    QUESTION_NOT_FOUND: {
      title: '{bank} has a new security question',
      body: '{bank} asked a question that this saved connection has no answer for. Sign in again to answer it.',
    },
    NEW_ACCOUNT: {
      title: 'Action needed on {bank}’s website',
      body: 'Sign in there and do what it asks first, such as accepting new terms. Then come back and try again.',
    },
    DISABLED_LOGIN: {
      title: 'Online access is off at {bank}',
      body: '{bank} has turned off online access for this login. Contact {bank}: only they can turn it back on.',
    },
    UNAUTHORIZED: {
      title: '{bank} didn’t allow the connection',
      body: '{bank} didn’t let us connect to your account. Signing in on its website may show you why.',
    },
    RETRY_LATER: {
      title: 'We can’t reach {bank} right now',
      body: '{bank} might be doing maintenance, or getting too many requests.',
    },
    AGGREGATION_ERROR: {
      title: 'The connection service had a problem',
      body: 'Nothing you did caused this. Try again; if it happens again, contact the support team of the app you’re using and give them the reference below.',
    },
    TOO_MANY_REQUESTS: {
      title: 'Let’s pause for a moment',
      body: 'There were too many tries in a short time.',
    },
    NETWORK_ERROR: {
      title: 'The connection dropped',
      body: 'Your device lost its internet connection. Check it and try again.',
    },
    TIMEOUT: {
      title: '{bank} is taking too long',
      body: '{bank} hasn’t answered in time. Try again, or choose another bank.',
    },
    CONCURRENT_SESSION: {
      title: 'This account is open elsewhere',
      body: 'You’re connecting this account in another window or tab. Close the other one and try again.',
    },
    CARD_IN_USE: {
      title: 'We’re still setting up your account',
      body: '{bank} needs a little more time before this account can be connected. Try again in a few minutes.',
    },
    SESSION_EXPIRED: {
      title: 'Your session closed',
      body: 'For your security, the session closed after 8 minutes without activity. Start again to connect.',
    },
    SESSION_NONEXISTENT: {
      title: 'This session has ended',
      body: 'Start again to connect your account.',
    },
    OPERATION_PENDING: {
      title: 'Gathering your accounts',
      body: '{bank} is sending us your account details. This can take a minute.',
    },
    OPERATION_DISPATCHED: {
      title: '{bank} is responding slowly',
      body: 'Your account details will finish loading in the background, so you can continue now. Or keep waiting here.',
    },
    ALREADY_AUTHORIZED: {
      title: 'You’re already connected',
      body: '{bank} has already approved this connection. We’ll take you to the next step.',
    },
    DISABLED_INSTITUTION: {
      title: '{bank} can’t be connected right now',
      body: 'Connections to {bank} are paused for now. Choose another bank, or come back later.',
    },
    NO_TRANSACTION: {
      title: 'Not enough activity at {bank} yet',
      body: 'This account at {bank} doesn’t have enough transactions yet to connect. Choose another bank, or come back later.',
    },
    OAUTH_DENIED: {
      title: 'Connection not approved at {bank}',
      body: 'Nothing was shared. If you meant to approve it, try again.',
    },
    OAUTH_CANCELLED: {
      title: '{bank}’s page closed',
      body: 'The connection wasn’t approved yet. Reopen the page to finish.',
    },
    OAUTH_STATE_INVALID: {
      title: 'Let’s start this again',
      body: 'The return from {bank} didn’t match this connection, or it was already used. Start again to connect.',
    },
    INVALID_REQUEST: {
      title: 'We couldn’t start the connection',
      body: 'Something on our side stopped it, not anything you did. Try again, or come back later.',
    },
    ACCESS_DENIED: {
      title: 'We couldn’t start the connection',
      body: 'Something on our side stopped it, not anything you did. Try again, or come back later.',
    },
    METHOD_NOT_AVAILABLE: {
      title: 'We couldn’t start the connection',
      body: 'Something on our side stopped it, not anything you did. Try again, or come back later.',
    },
    MALFORMED_RESPONSE: {
      title: 'We couldn’t start the connection',
      body: 'Something on our side stopped it, not anything you did. Try again, or come back later.',
    },
    UNKNOWN: {
      title: 'We couldn’t start the connection',
      body: 'Something on our side stopped it, not anything you did. Try again, or come back later.',
    },
  } satisfies Record<GuidanceCode, GuidanceText>,

  /** Screens that replace their code's usual one in a given situation (see GUIDANCE_VARIANTS). */
  variants: {
    reconnect: {
      title: 'Sign in to {bank} again',
      body: 'This saved connection to {bank} no longer exists. Sign in again to connect your account.',
    },
    lastTry: {
      title: 'Careful: one try left',
      body: '{bank} didn’t accept this answer. Take your time: if it refuses the next one, {bank} may lock your account.',
    },
    answersLocked: {
      title: 'Too many answers at {bank} for now',
      body: 'To protect your account, {bank} won’t take more answers for now. Check your security questions with {bank}, on its website or by phone, then come back.',
    },
    offline: {
      title: 'You’re offline',
      body: 'Your device isn’t connected to the internet. We’ll try again as soon as you’re back online.',
    },
    sessionEnded: {
      title: 'Your secure session has ended',
      body: 'For your security, it closed before your account was connected, and nothing was shared. The app will open a new one for you.',
    },
  } satisfies Record<GuidanceVariant, GuidanceText>,

  actions: {
    tryAgain: 'Try again',
    answerAgain: 'Answer again',
    reenter: 'Sign in again',
    startAgain: 'Start again',
    openBankSite: 'Go to {bank}’s website',
    contactBank: 'How to contact {bank}',
    doneTryAgain: 'I’ve done it, try again',
    chooseAnotherBank: 'Choose another bank',
    reopenBank: 'Reopen the page',
    forgotPassword: 'Forgot your password?',
    forgotUsername: 'Forgot your username?',
    contactSupport: 'Contact support',
    finishNow: 'Continue now',
    keepWaiting: 'Keep waiting',
    exit: 'Exit',
  } satisfies Record<GuidanceAction, string>,

  /** Small print under every screen, for support. */
  /** Small print under the buttons: the first 8 characters of the RequestId, for support. Never the code. */
  reference: 'Support reference: {ref}',
  countdown: 'You can try again in {seconds} seconds.',
  countdownOne: 'You can try again in 1 second.',
  countdownOver: 'You can try again now.',
  /** The countdown when the button opens the sign-in form again (its label is `actions.reenter`). */
  signInCountdown: {
    many: 'You can sign in again in {seconds} seconds.',
    one: 'You can sign in again in 1 second.',
    over: 'You can sign in again now.',
  },
  retryingSoon: 'Trying again in a few seconds…',

  /** The table of every code, for the docs and the Storybook map. */
  map: {
    caption: 'What the widget shows for each code',
    code: 'Code',
    kind: 'Kind',
    title: 'Title',
    actions: 'Actions',
    noActions: 'None',
  },
  kinds: {
    field: 'Sign-in form',
    mfa: 'Security question',
    wait: 'Waiting',
    retry: 'Try again',
    restart: 'Start again',
    bank: 'Action at the bank',
    blocked: 'Bank unavailable',
    setup: 'Setup',
    none: 'No screen',
  } satisfies Record<GuidanceKind, string>,
};
