import type { FlinksCode } from '../../api/codes';
import type { StepAction } from '../../flow/reducer';
import {
  actionLabel,
  guidanceFor,
  referenceText,
  type GuidanceAction,
  type GuidanceOverrides,
  type GuidanceVariant,
} from '../../guidance';
import { format, useLanguage, useMessages } from '../../i18n';
import { Actions, Button, ExternalLink, Screen, useNow } from '../../ui';

export interface GuidanceStepProps {
  code: FlinksCode;
  variant: GuidanceVariant | null;
  requestId: string | null;
  /** When the code arrived (ms): a countdown runs from here. */
  at: number;
  bankName: string | null;
  /** The bank's own site, for the actions that send the person there; they are left out without it. */
  bankWebsite: string | null;
  guidanceOverrides?: GuidanceOverrides;
  /** Offer "exit" (closeEnable). */
  exitEnable: boolean;
  onAction(action: StepAction): void;
  onExit(): void;
}

/** Actions that open the bank's site rather than change the step. */
const LINKS: ReadonlySet<GuidanceAction> = new Set([
  'openBankSite',
  'contactBank',
  'forgotPassword',
  'forgotUsername',
]);
const STEP_ACTIONS: ReadonlySet<GuidanceAction> = new Set<StepAction>([
  'tryAgain',
  'answerAgain',
  'reenter',
  'startAgain',
  'doneTryAgain',
  'chooseAnotherBank',
]);

function isStepAction(action: GuidanceAction): action is StepAction {
  return STEP_ACTIONS.has(action);
}

/** Actions that send a request again: held back while a countdown runs. */
const RETRIES: ReadonlySet<GuidanceAction> = new Set(['tryAgain', 'doneTryAgain']);

/** The actions this screen can really offer, in the map's order (primary first). */
export function shownActions(
  actions: readonly GuidanceAction[],
  options: { bankWebsite: string | null; exitEnable: boolean },
): GuidanceAction[] {
  return actions.filter((action) => {
    if (LINKS.has(action)) return options.bankWebsite !== null;
    // A screen whose only way forward is to leave offers it even when the host hid "exit": never a dead end.
    if (action === 'exit') return options.exitEnable || actions.length === 1;
    // Support is reached with the reference below; the wait actions live on the processing screen.
    return isStepAction(action);
  });
}

/**
 * What happened and what to do, for any code: the title is the focused heading, the actions come from the
 * guidance map, and the small print gives support the code and the RequestId's first 8 characters.
 */
export function GuidanceStep(props: GuidanceStepProps) {
  const { code, requestId, at, bankName, bankWebsite, onAction, onExit } = props;
  const messages = useMessages();
  const language = useLanguage();
  const offline = code === 'NETWORK_ERROR' && typeof navigator !== 'undefined' && !navigator.onLine;
  const variant = props.variant ?? (offline ? 'offline' : null);
  const guidance = guidanceFor(code, messages, {
    language,
    ...(bankName ? { bank: bankName } : {}),
    ...(props.guidanceOverrides ? { overrides: props.guidanceOverrides } : {}),
    ...(variant ? { variant } : {}),
  });
  const countdown = guidance.entry.retry.countdownSeconds ?? 0;
  const now = useNow(1_000, countdown > 0);
  const secondsLeft = Math.max(0, Math.ceil((at + countdown * 1_000 - now) / 1_000));
  const actions = shownActions(guidance.entry.actions, { bankWebsite, exitEnable: props.exitEnable });
  const bank = bankName ?? undefined;

  return (
    <Screen title={guidance.title} className="cw-screen--guidance">
      <p>{guidance.body}</p>
      {secondsLeft > 0 && (
        <p className="cw-muted" role="timer">
          {format(messages.guidance.countdown, { seconds: secondsLeft })}
        </p>
      )}
      <Actions>
        {actions.map((action, index) => {
          const label = actionLabel(action, messages, bank);
          const variantOf = index === 0 ? 'primary' : 'secondary';
          if (LINKS.has(action) && bankWebsite) {
            return (
              <ExternalLink key={action} href={bankWebsite} variant="button">
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
      <p className="cw-reference">{referenceText(code, requestId, messages)}</p>
    </Screen>
  );
}
