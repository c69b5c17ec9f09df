import type { FlowState } from '../../flow/state';
import { useMessages } from '../../i18n';
import { Actions, Button, Screen } from '../../ui';

/**
 * What the person left behind: `connected` (they closed after success: the account is connected, the host has it),
 * `unfinished` (the bank had accepted the sign-in: never say nothing was shared), or `cancelled` (nothing happened).
 */
export type ClosedOutcome = 'connected' | 'unfinished' | 'cancelled';

/**
 * What a closed connection left behind: the account connected (closed from success), a login at the bank without the
 * end of the flow (never "nothing was shared" once a login exists), or nothing at all. Here, with the screen, so that
 * both come with the later chunk.
 */
export function closedOutcome(state: Extract<FlowState, { step: 'closed' }>): ClosedOutcome {
  if (state.from === 'success') return 'connected';
  return state.ctx.loginId ? 'unfinished' : 'cancelled';
}

/** After the person left. */
export function ClosedStep({
  outcome = 'cancelled',
  onStartAgain,
}: {
  outcome?: ClosedOutcome;
  /** "Start again": cancelling is not a dead end. */
  onStartAgain?(): void;
}) {
  const m = useMessages().screens.closed;
  if (outcome === 'connected') {
    return (
      <Screen title={m.connected.title}>
        <p>{m.connected.body}</p>
      </Screen>
    );
  }
  return (
    <Screen title={m.title}>
      <p>{outcome === 'unfinished' ? m.unfinished : m.body}</p>
      {onStartAgain && (
        <Actions>
          <Button onClick={onStartAgain}>{m.startAgain}</Button>
        </Actions>
      )}
    </Screen>
  );
}
