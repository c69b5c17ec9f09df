import { useUiMessages } from '../../i18n';
import { Actions, Button, Screen } from '../../ui';

/**
 * What the person left behind: `connected` (they closed after success: the account is connected, the host has it),
 * `unfinished` (the bank had accepted the sign-in: never say nothing was shared), or `cancelled` (nothing happened).
 */
export type ClosedOutcome = 'connected' | 'unfinished' | 'cancelled';

/** After the person left. */
export function ClosedStep({
  outcome = 'cancelled',
  onStartAgain,
}: {
  outcome?: ClosedOutcome;
  /** "Start again": cancelling is not a dead end. */
  onStartAgain?(): void;
}) {
  const m = useUiMessages().ui.closed;
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
