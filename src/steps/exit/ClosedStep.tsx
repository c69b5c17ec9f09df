import { useUiMessages } from '../../i18n';
import { Screen } from '../../ui';

/** After the person left: nothing more to do here. */
export function ClosedStep() {
  const m = useUiMessages().ui.closed;
  return (
    <Screen title={m.title}>
      <p>{m.body}</p>
    </Screen>
  );
}
