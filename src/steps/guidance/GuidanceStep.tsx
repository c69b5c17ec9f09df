import { useId } from 'react';
import type { FlinksCode } from '../../api/codes';
import type { StepAction } from '../../flow/reducer';
import { ACTION_PLACES, type GuidanceAction, type GuidanceVariant } from '../../guidance';
import { referenceText, useGuidance, useMessages, useText } from '../../i18n';
import type { BankLinks } from '../../institutions/links';
import { Actions, Button, ExternalLink, Screen, useNow } from '../../ui';
import './guidance.css';

export interface GuidanceStepProps {
  code: FlinksCode;
  variant: GuidanceVariant | null;
  requestId: string | null;
  /** When the code arrived (ms): a countdown runs from here. */
  at: number;
  /** The bank's own site, for the actions that send the person there; they are left out without it. */
  bankWebsite: string | null;
  /** The bank's pages for each link action ("contact us", "forgot password"); `bankWebsite` serves them all without. */
  bankLinks?: BankLinks | null;
  /** Offer "exit" (closeEnable). */
  exitEnable: boolean;
  /**
   * "Try again" opens the sign-in form again (username kept, password to type): the button and the countdown say
   * "sign in again", not "try again".
   */
  retrySignsIn?: boolean;
  onAction(action: StepAction): void;
  onExit(): void;
  /** The person opened the bank's "forgot password" page (COMPONENT_CLICK_RESET_PASSWORD). */
  onResetPassword?(): void;
}

function isStepAction(action: GuidanceAction): action is StepAction {
  return ACTION_PLACES[action] === 'step';
}

/** Where a link action goes: the bank's page for it, else its website. */
function linkFor(action: GuidanceAction, links: BankLinks): string {
  if (action === 'contactBank') return links.contact;
  if (action === 'forgotPassword' || action === 'forgotUsername') return links.forgotPassword;
  return links.website;
}

/** Links from a website alone (a bank with no separate pages, or a story). */
function linksOf(bankWebsite: string | null, bankLinks?: BankLinks | null): BankLinks | null {
  if (bankLinks) return bankLinks;
  return bankWebsite ? { website: bankWebsite, forgotPassword: bankWebsite, contact: bankWebsite } : null;
}

/** Actions that send a request again: held back while a countdown runs. */
const RETRIES: ReadonlySet<GuidanceAction> = new Set(['tryAgain', 'doneTryAgain']);

/** The actions this screen can really offer, in the map's order (primary first). */
export function shownActions(
  actions: readonly GuidanceAction[],
  options: { bankWebsite: string | null; exitEnable: boolean },
): GuidanceAction[] {
  return actions.filter((action) => {
    const place = ACTION_PLACES[action];
    if (place === 'link') return options.bankWebsite !== null;
    // A screen whose only way forward is to leave offers it even when the host hid "exit": never a dead end.
    if (place === 'exit') return options.exitEnable || actions.length === 1;
    return place === 'step';
  });
}

/**
 * What happened and what to do, for any code: the title is the focused heading, the actions come from the
 * guidance map, and the small print gives support the RequestId's first 8 characters (the code goes to the host).
 */
export function GuidanceStep(props: GuidanceStepProps) {
  const { code, variant, requestId, at, bankWebsite, onAction, onExit } = props;
  const messages = useMessages();
  const text = useText();
  const guidance = useGuidance(code, variant);
  const countdown = guidance.entry.retry.countdownSeconds ?? 0;
  const now = useNow(1_000, countdown > 0);
  const secondsLeft = Math.max(0, Math.ceil((at + countdown * 1_000 - now) / 1_000));
  const timerId = `${useId()}-timer`;
  const reference = referenceText(requestId, messages);
  const signsIn = props.retrySignsIn ?? false;
  const countdownText = signsIn
    ? messages.guidance.signInCountdown
    : {
        many: messages.guidance.countdown,
        one: messages.guidance.countdownOne,
        over: messages.guidance.countdownOver,
      };
  const links = linksOf(bankWebsite, props.bankLinks);
  const actions = shownActions(guidance.entry.actions, {
    bankWebsite: links?.website ?? null,
    exitEnable: props.exitEnable,
  });
  // At most two buttons (GUIDANCE.md): after the main way forward, Exit is a link (it is shown only with the X).
  const exitLink = actions.indexOf('exit') > 0;
  const buttons = exitLink ? actions.filter((action) => action !== 'exit') : actions;

  return (
    <Screen title={guidance.title} className="cw-screen--guidance">
      <p>{guidance.body}</p>
      {countdown > 0 && (
        // One line, kept once the wait is over so the buttons never jump: the timer is not read every second, and
        // its end is said once, politely.
        <p className="cw-muted">
          {secondsLeft > 0 && (
            <span role="timer" id={timerId}>
              {secondsLeft === 1 ? countdownText.one : text(countdownText.many, { seconds: secondsLeft })}
            </span>
          )}
          <span role="status">{secondsLeft === 0 ? countdownText.over : null}</span>
        </p>
      )}
      <Actions>
        {buttons.map((action, index) => {
          const label = text(
            messages.guidance.actions[action === 'tryAgain' && signsIn ? 'reenter' : action],
          );
          const variantOf = index === 0 ? 'primary' : 'secondary';
          if (ACTION_PLACES[action] === 'link' && links) {
            return (
              <ExternalLink
                key={action}
                href={linkFor(action, links)}
                variant={variantOf}
                {...(action === 'forgotPassword' && props.onResetPassword
                  ? { onOpen: props.onResetPassword }
                  : {})}
              >
                {label}
              </ExternalLink>
            );
          }
          const waiting = RETRIES.has(action) && secondsLeft > 0;
          return (
            <Button
              key={action}
              variant={variantOf}
              aria-disabled={waiting || undefined}
              aria-describedby={waiting ? timerId : undefined}
              onClick={() => {
                if (action === 'exit') onExit();
                else if (isStepAction(action) && !waiting) onAction(action);
              }}
            >
              {label}
            </Button>
          );
        })}
      </Actions>
      {exitLink && (
        // The X exits too: a third way out is a link, never a third full-width button.
        <button type="button" className="cw-link cw-link-button" onClick={onExit}>
          {text(messages.guidance.actions.exit)}
        </button>
      )}
      {reference && <p className="cw-reference">{reference}</p>}
    </Screen>
  );
}
