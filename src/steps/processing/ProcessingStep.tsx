import type { Activity } from '../../flow/state';
import { guidanceEntryFor, type ResolvedGuidance } from '../../guidance';
import { useGuidance, useMessages, useText, type Messages } from '../../i18n';
import { useId } from 'react';
import { Actions, Button, Screen, useNow } from '../../ui';
import './processing.css';

export interface ProcessingStepProps {
  activity: Activity;
  /** When this activity began (ms): the staged messages follow the time spent. */
  since: number;
  onFinishNow(): void;
  onKeepWaiting(): void;
  onExit(): void;
}

/** After how long (ms) each staged message shows: a slow bank gets honest news, never a frozen screen. */
const STAGES_AT = [0, 5_000, 20_000, 60_000] as const;
const STAGE_KEYS = ['first', 'second', 'third', 'fourth'] as const;

/** Waiting for the bank: sign-in, resume, account data (polled), or a pause before an automatic retry. */
export function ProcessingStep({ activity, since, onFinishNow, onKeepWaiting, onExit }: ProcessingStepProps) {
  const messages = useMessages();
  const text = useText();
  const m = messages.screens.processing;
  // The 202 codes have their own words in the guidance catalog: "Gathering your accounts", "{bank} is slow today".
  const waiting = useGuidance(activity.kind === 'waiting' ? activity.code : 'OPERATION_PENDING');
  const offered = activity.kind === 'waiting' ? guidanceEntryFor(activity.code).actions : [];
  const now = useNow(1_000);
  const elapsed = Math.max(0, now - since);
  const stage = STAGES_AT.reduce<number>((reached, at, index) => (elapsed >= at ? index : reached), 0);
  const { title, status } = texts(activity, stage, messages, text, waiting);
  const labelId = `${useId()}-progress`;

  return (
    <Screen title={title} className="cw-screen--processing">
      <p className="cw-progress-label" id={labelId}>
        {text(m.stage, { stage: stage + 1, total: STAGES_AT.length })}
      </p>
      <progress
        className="cw-progress"
        max={STAGES_AT.length}
        value={stage + 1}
        aria-labelledby={labelId}
        aria-valuetext={status}
      />
      <p className="cw-status" role="status">
        {status}
      </p>
      <Actions>
        {offered.includes('finishNow') && (
          <Button onClick={onFinishNow}>{text(messages.guidance.actions.finishNow)}</Button>
        )}
        {offered.includes('keepWaiting') && !(activity.kind === 'waiting' && activity.keepWaiting) && (
          <Button variant="secondary" onClick={onKeepWaiting}>
            {text(messages.guidance.actions.keepWaiting)}
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
  messages: Messages,
  text: (template: string) => string,
  waiting: ResolvedGuidance,
) {
  const m = messages.screens.processing;
  const key = STAGE_KEYS[stage] ?? 'first';
  switch (activity.kind) {
    case 'signingIn':
      return {
        title: text(m.titles.signingIn),
        status: text(m.stages.signingIn[key]),
      };
    case 'resuming':
      return { title: m.titles.resuming, status: text(m.stages.signingIn[key]) };
    case 'gathering':
    case 'questions':
      return { title: m.titles.gathering, status: text(m.stages.gathering[key]) };
    case 'waiting':
      return { title: waiting.title, status: waiting.body };
    case 'retrying':
      return { title: m.titles.retrying, status: messages.guidance.retryingSoon };
    default: {
      const unreachable: never = activity;
      return unreachable;
    }
  }
}
