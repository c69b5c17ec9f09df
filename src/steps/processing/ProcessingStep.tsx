import type { Activity } from '../../flow/state';
import { actionLabel, guidanceFor } from '../../guidance';
import { useLanguage, useMessages, type Messages } from '../../i18n';
import { Actions, Button, Screen, useNow, withBank } from '../../ui';

export interface ProcessingStepProps {
  activity: Activity;
  /** When this activity began (ms): the staged messages follow the time spent. */
  since: number;
  /** Null until the bank is known (resuming a session). */
  bankName: string | null;
  onFinishNow(): void;
  onKeepWaiting(): void;
  onExit(): void;
}

/** After how long (ms) each staged message shows: a slow bank gets honest news, never a frozen screen. */
const STAGES_AT = [0, 5_000, 20_000, 60_000] as const;
const STAGE_KEYS = ['first', 'second', 'third', 'fourth'] as const;

/** Waiting for the bank: sign-in, resume, account data (polled), or a pause before an automatic retry. */
export function ProcessingStep({
  activity,
  since,
  bankName,
  onFinishNow,
  onKeepWaiting,
  onExit,
}: ProcessingStepProps) {
  const messages = useMessages();
  const language = useLanguage();
  const m = messages.ui.processing;
  const now = useNow(1_000);
  const elapsed = Math.max(0, now - since);
  const stage = STAGES_AT.reduce<number>((reached, at, index) => (elapsed >= at ? index : reached), 0);
  const { title, status } = texts(activity, stage, bankName, messages, language);
  const offerFinish = activity.kind === 'waiting' && activity.code === 'OPERATION_DISPATCHED';

  return (
    <Screen title={title} className="cw-screen--processing">
      <progress
        className="cw-progress"
        max={STAGES_AT.length}
        value={stage + 1}
        aria-label={m.progress}
        aria-valuetext={status}
      />
      <p className="cw-status" role="status">
        {status}
      </p>
      <Actions>
        {offerFinish && <Button onClick={onFinishNow}>{actionLabel('finishNow', messages)}</Button>}
        {offerFinish && !activity.keepWaiting && (
          <Button variant="secondary" onClick={onKeepWaiting}>
            {actionLabel('keepWaiting', messages)}
          </Button>
        )}
        <Button variant="quiet" onClick={onExit}>
          {m.exit}
        </Button>
      </Actions>
    </Screen>
  );
}

function texts(
  activity: Activity,
  stage: number,
  bank: string | null,
  messages: Messages,
  language: 'en' | 'fr',
) {
  const m = messages.ui.processing;
  const key = STAGE_KEYS[stage] ?? 'first';
  switch (activity.kind) {
    case 'signingIn':
      return {
        title: withBank(m.titles.signingIn, bank, messages),
        status: withBank(m.stages.signingIn[key], bank, messages),
      };
    case 'resuming':
      return { title: m.titles.resuming, status: withBank(m.stages.signingIn[key], bank, messages) };
    case 'gathering':
      return { title: m.titles.gathering, status: withBank(m.stages.gathering[key], bank, messages) };
    case 'waiting': {
      // The 202 codes have their own words in the guidance catalog: "Gathering your accounts", "{bank} is slow today".
      const guidance = guidanceFor(activity.code, messages, { language, ...(bank ? { bank } : {}) });
      return { title: guidance.title, status: guidance.body };
    }
    case 'retrying':
      return { title: m.titles.retrying, status: messages.guidance.retryingSoon };
    default: {
      const unreachable: never = activity;
      return unreachable;
    }
  }
}
