import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import type { FlinksCode } from '../src/api/codes';
import { type GuidanceAction, type GuidanceCode, type GuidanceVariant } from '../src/guidance';
import { actionLabel, guidanceText, referenceText } from '../src/i18n';
import { shownActions } from '../src/steps/guidance';
import { titleAndBody } from '../src/ui';
import { CITY } from './fixtures';
import { CodeScreen, KEPT_USERNAME } from './CodeScreen';
import { BANK_WITH_WEBSITE, REQUEST_ID, collapsed, inWidgetFrame, languageOf, messagesOf } from './support';

/**
 * One story per entry of the error map (src/guidance/map.ts), plus the variants and a code the widget has never
 * heard of: the screen a person lands on, checked against the map and the catalog of the toolbar's language.
 * CSF needs one named export per story, so each is one line; the object at the end makes TypeScript fail when
 * the map gains a code without a story here.
 */
const meta = {
  title: 'Guidance/Every code',
  component: CodeScreen,
  decorators: [inWidgetFrame],
  args: {
    code: 'UNKNOWN',
    onAction: fn(),
    onExit: fn(),
    onFinishNow: fn(),
    onKeepWaiting: fn(),
    onSubmitCredentials: fn(),
    onSubmitAnswers: fn(),
  },
  argTypes: { code: { control: 'text' } },
} satisfies Meta<typeof CodeScreen>;

export default meta;

type Story = StoryObj<typeof meta>;

/** Actions that open the bank's website rather than change the step. */
const LINK_ACTIONS: ReadonlySet<GuidanceAction> = new Set([
  'openBankSite',
  'contactBank',
  'forgotPassword',
  'forgotUsername',
]);

const play: Story['play'] = async ({ canvas, globals, args, userEvent }) => {
  const m = messagesOf(globals);
  const language = languageOf(globals);
  const bank = BANK_WITH_WEBSITE.name[language];
  const { code, variant } = args;
  const guidance = guidanceText(code, m, { language, bank, variant });
  const heading = canvas.getByRole('heading', { level: 2 });
  await expect(heading).toHaveFocus();

  switch (guidance.entry.kind) {
    case 'field': {
      // Back on the sign-in form: the bank's words on top, tied to the field(s) they are about.
      const alert = canvas.getByRole('alert');
      await expect(alert).toHaveTextContent(collapsed(guidance.title));
      await expect(alert).toHaveTextContent(collapsed(guidance.body));
      const username = canvas.getByRole('textbox', { name: m.ui.credentials.username });
      const password = canvas.getByLabelText(m.ui.credentials.password);
      await expect(username).toHaveValue(KEPT_USERNAME);
      await expect(password).toHaveValue('');
      const field = guidance.entry.field ?? 'both';
      if (field !== 'password') await expect(username).toBeInvalid();
      if (field !== 'username') await expect(password).toBeInvalid();
      return;
    }
    case 'mfa': {
      const message = titleAndBody(guidance.title, guidance.body);
      await expect(canvas.getByRole('alert')).toHaveTextContent(collapsed(message));
      // The answer's error message, as on the sign-in form: tied to it, not read a second time after the alert. (Read
      // with its spaces collapsed: French puts no-break ones before its colons.)
      const answer = canvas.getByRole('textbox', { name: CITY.challenge.Prompt });
      await expect(answer).toBeInvalid();
      const errorMessage = document.getElementById(answer.getAttribute('aria-errormessage') ?? '');
      await expect(collapsed(errorMessage?.textContent ?? '')).toBe(collapsed(message));
      return;
    }
    case 'wait':
      await expect(heading).toHaveTextContent(collapsed(guidance.title));
      await expect(canvas.getByRole('status')).toHaveTextContent(collapsed(guidance.body));
      if (code === 'OPERATION_DISPATCHED') {
        await userEvent.click(canvas.getByRole('button', { name: actionLabel('finishNow', m, bank) }));
        await expect(args.onFinishNow).toHaveBeenCalledOnce();
      }
      return;
    case 'none':
      await expect(heading).toHaveTextContent(collapsed(m.screens.processing.titles.gathering));
      return;
    default:
      break;
  }

  // The guidance screen: title as the focused heading, the body, the actions primary first, the reference.
  await expect(heading).toHaveTextContent(collapsed(guidance.title));
  await expect(canvas.getByText(collapsed(guidance.body))).toBeVisible();
  await expect(canvas.getByText(collapsed(referenceText(REQUEST_ID, m) ?? ''))).toBeVisible();
  // The code is the developer's: never in the person's text.
  await expect(canvas.queryByText(new RegExp(code))).not.toBeInTheDocument();
  const actions = shownActions(guidance.entry.actions, {
    bankWebsite: BANK_WITH_WEBSITE.website,
    exitEnable: true,
  });
  await expect(actions.length).toBeGreaterThan(0);
  // "Try again" after a sign-in with a username and password opens the form again: it says "Sign in again".
  const named = (action: GuidanceAction) =>
    action === 'tryAgain' && !code.startsWith('OAUTH_') ? 'reenter' : action;
  for (const action of actions) {
    const label = actionLabel(named(action), m, bank);
    const control = LINK_ACTIONS.has(action)
      ? canvas.getByRole('link', { name: (name) => name.startsWith(label) })
      : canvas.getByRole('button', { name: label });
    await expect(control).toBeVisible();
  }

  const countdown = guidance.entry.retry.countdownSeconds;
  const primary = actions[0];
  if (countdown !== undefined) {
    // "Sign in again" waits for the countdown: it stays in the tab order, and does nothing yet.
    await expect(canvas.getByRole('timer')).toBeVisible();
    const tryAgain = canvas.getByRole('button', { name: actionLabel('reenter', m) });
    await expect(tryAgain).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(tryAgain);
    await expect(args.onAction).not.toHaveBeenCalled();
  } else if (primary === 'exit') {
    await userEvent.click(canvas.getByRole('button', { name: actionLabel(primary, m) }));
    await expect(args.onExit).toHaveBeenCalledOnce();
  } else if (primary !== undefined && !LINK_ACTIONS.has(primary)) {
    await userEvent.click(canvas.getByRole('button', { name: actionLabel(named(primary), m, bank) }));
    await expect(args.onAction).toHaveBeenCalledWith(primary);
  }
};

/** `globals` pins a story to a language or theme: the suite runs a subset of the codes in French and in dark. */
function codeStory(code: FlinksCode, variant?: GuidanceVariant | null, globals?: Story['globals']): Story {
  return { args: variant ? { code, variant } : { code }, play, ...(globals ? { globals } : {}) };
}

export const INVALID_USERNAME = codeStory('INVALID_USERNAME');
export const INVALID_PASSWORD = codeStory('INVALID_PASSWORD');
export const INVALID_LOGIN = codeStory('INVALID_LOGIN');
export const INVALID_LOGIN_reconnect = codeStory('INVALID_LOGIN', 'reconnect', { theme: 'dark' });
export const MAXIMUM_RETRY_REACHED = codeStory('MAXIMUM_RETRY_REACHED');
/** Locked out after wrong security answers: about the answers, never "reset your password". */
export const MAXIMUM_RETRY_REACHED_answersLocked = codeStory('MAXIMUM_RETRY_REACHED', 'answersLocked', {
  language: 'fr',
});
export const INVALID_SECURITY_RESPONSE = codeStory('INVALID_SECURITY_RESPONSE');
export const INVALID_SECURITY_RESPONSE_lastTry = codeStory('INVALID_SECURITY_RESPONSE', 'lastTry');
export const INVALID_SECURITY_RESPONSE_NO_RETRY = codeStory('INVALID_SECURITY_RESPONSE_NO_RETRY');
export const SECURITYRESPONSES_INCOMPLETE = codeStory('SECURITYRESPONSES_INCOMPLETE');
export const UNKNOWN_CHALLENGE_KEY = codeStory('UNKNOWN_CHALLENGE_KEY');
export const QUESTION_NOT_FOUND = codeStory('QUESTION_NOT_FOUND');
export const NEW_ACCOUNT = codeStory('NEW_ACCOUNT', null, { theme: 'dark' });
export const DISABLED_LOGIN = codeStory('DISABLED_LOGIN');
export const UNAUTHORIZED = codeStory('UNAUTHORIZED');
export const RETRY_LATER = codeStory('RETRY_LATER', null, { language: 'fr', theme: 'dark' });
/**
 * The countdown's last seconds: its line stays where it was, saying the wait is over (announced once), so the
 * buttons under it never move; then "Sign in again" opens the form.
 */
export const RETRY_LATER_countdownEnds: Story = {
  args: { code: 'RETRY_LATER', secondsAgo: 13 },
  play: async ({ canvas, globals, args, userEvent }) => {
    const m = messagesOf(globals);
    const signInAgain = canvas.getByRole('button', { name: actionLabel('reenter', m) });
    await expect(signInAgain).toHaveAttribute('aria-disabled', 'true');
    const timer = canvas.getByRole('timer');
    const line = timer.parentElement as HTMLElement;
    const top = signInAgain.getBoundingClientRect().top;
    await expect(
      await canvas.findByText(m.guidance.signInCountdown.over, {}, { timeout: 5_000 }),
    ).toBeVisible();
    await expect(canvas.queryByRole('timer')).not.toBeInTheDocument();
    await expect(canvas.getByRole('status')).toHaveTextContent(m.guidance.signInCountdown.over);
    await expect(line).toBeVisible();
    await expect(signInAgain.getBoundingClientRect().top).toBe(top);
    await expect(signInAgain).not.toHaveAttribute('aria-disabled');
    await userEvent.click(signInAgain);
    await expect(args.onAction).toHaveBeenCalledWith('tryAgain');
  },
};
export const AGGREGATION_ERROR = codeStory('AGGREGATION_ERROR');
export const TOO_MANY_REQUESTS = codeStory('TOO_MANY_REQUESTS');
export const NETWORK_ERROR = codeStory('NETWORK_ERROR');
export const NETWORK_ERROR_offline = codeStory('NETWORK_ERROR', 'offline', { language: 'fr' });
export const TIMEOUT = codeStory('TIMEOUT');
export const CONCURRENT_SESSION = codeStory('CONCURRENT_SESSION');
export const CARD_IN_USE = codeStory('CARD_IN_USE');
export const SESSION_EXPIRED = codeStory('SESSION_EXPIRED', null, { language: 'fr' });
export const SESSION_NONEXISTENT = codeStory('SESSION_NONEXISTENT');
export const OPERATION_PENDING = codeStory('OPERATION_PENDING');
export const OPERATION_DISPATCHED = codeStory('OPERATION_DISPATCHED');
export const ALREADY_AUTHORIZED = codeStory('ALREADY_AUTHORIZED');
export const DISABLED_INSTITUTION = codeStory('DISABLED_INSTITUTION');
export const NO_TRANSACTION = codeStory('NO_TRANSACTION');
export const INVALID_REQUEST = codeStory('INVALID_REQUEST');
export const ACCESS_DENIED = codeStory('ACCESS_DENIED');
/** The connect session ended and the host gave no way to renew it: the person leaves, and the host starts a new one. */
export const ACCESS_DENIED_sessionEnded = codeStory('ACCESS_DENIED', 'sessionEnded');
export const METHOD_NOT_AVAILABLE = codeStory('METHOD_NOT_AVAILABLE');
export const MALFORMED_RESPONSE = codeStory('MALFORMED_RESPONSE');
export const OAUTH_DENIED = codeStory('OAUTH_DENIED');
export const OAUTH_CANCELLED = codeStory('OAUTH_CANCELLED', null, { language: 'fr' });
/** OAUTH_CANCELLED above is pinned to French: the English screen too. */
export const OAUTH_CANCELLED_en = codeStory('OAUTH_CANCELLED', null, { language: 'en' });
export const OAUTH_STATE_INVALID = codeStory('OAUTH_STATE_INVALID');
/** The fallback: a code this widget doesn't know keeps its own name in the reference line. */
export const UNKNOWN = codeStory('FLINKS_CODE_FROM_THE_FUTURE', null, { language: 'fr', theme: 'dark' });

/** Fails the type check when the map has a code without a story above. */
const _everyCodeHasAStory = {
  INVALID_USERNAME,
  INVALID_PASSWORD,
  INVALID_LOGIN,
  MAXIMUM_RETRY_REACHED,
  INVALID_SECURITY_RESPONSE,
  INVALID_SECURITY_RESPONSE_NO_RETRY,
  SECURITYRESPONSES_INCOMPLETE,
  UNKNOWN_CHALLENGE_KEY,
  QUESTION_NOT_FOUND,
  NEW_ACCOUNT,
  DISABLED_LOGIN,
  UNAUTHORIZED,
  RETRY_LATER,
  AGGREGATION_ERROR,
  TOO_MANY_REQUESTS,
  NETWORK_ERROR,
  TIMEOUT,
  CONCURRENT_SESSION,
  CARD_IN_USE,
  SESSION_EXPIRED,
  SESSION_NONEXISTENT,
  OPERATION_PENDING,
  OPERATION_DISPATCHED,
  ALREADY_AUTHORIZED,
  DISABLED_INSTITUTION,
  NO_TRANSACTION,
  INVALID_REQUEST,
  ACCESS_DENIED,
  METHOD_NOT_AVAILABLE,
  MALFORMED_RESPONSE,
  OAUTH_DENIED,
  OAUTH_CANCELLED,
  OAUTH_STATE_INVALID,
  UNKNOWN,
} satisfies Record<GuidanceCode, Story>;
const _everyVariantHasAStory = {
  reconnect: INVALID_LOGIN_reconnect,
  lastTry: INVALID_SECURITY_RESPONSE_lastTry,
  answersLocked: MAXIMUM_RETRY_REACHED_answersLocked,
  offline: NETWORK_ERROR_offline,
  sessionEnded: ACCESS_DENIED_sessionEnded,
} satisfies Record<GuidanceVariant, Story>;
