import type { Activity } from '../../flow/state';
import { guidanceEntryFor, type ResolvedGuidance } from '../../guidance';
import { useGuidance, useMessages, useText, type Messages } from '../../i18n';
import { Actions, Button, Screen, useNow } from '../../ui';
import '../guidance/guidance.css';
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

/**
 * Where the bar stands (of 100) at each stage: signing in fills its first half, gathering the accounts its second, so
 * the bar moves on from one to the other and never starts again. No numbers are shown: the host's page may count its
 * own steps, and "Step 1 of 4" twice over says nothing.
 */
const PROGRESS = {
  signingIn: [10, 20, 30, 40],
  gathering: [55, 70, 80, 90],
} as const;

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
  const showFinish = offered.includes('finishNow');
  const showKeep = offered.includes('keepWaiting') && !(activity.kind === 'waiting' && activity.keepWaiting);
  const phase = activity.kind === 'signingIn' || activity.kind === 'resuming' || activity.kind === 'retrying';

  return (
    <Screen title={title} className="cw-screen--processing">
      <progress
        className="cw-progress"
        max={100}
        value={PROGRESS[phase ? 'signingIn' : 'gathering'][stage] ?? 10}
        aria-label={m.progress}
        aria-valuetext={status}
      />
      <p className="cw-status" role="status">
        {status}
      </p>
      {(showFinish || showKeep) && (
        <Actions>
          {showFinish && <Button onClick={onFinishNow}>{text(messages.guidance.actions.finishNow)}</Button>}
          {showKeep && (
            <Button variant="secondary" onClick={onKeepWaiting}>
              {text(messages.guidance.actions.keepWaiting)}
            </Button>
          )}
        </Actions>
      )}
      {/* The X exits too, and the bank's two choices are the buttons: leaving is a link. */}
      <button type="button" className="cw-link cw-link-button" onClick={onExit}>
        {m.exit}
      </button>
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
