import { useMessages, useText } from '../../i18n';
import { Screen } from '../../ui';

/** The connection is done; the host takes it from here (onSuccess, REDIRECT). */
export function SuccessStep() {
  const m = useMessages().screens.success;
  const text = useText();
  return (
    <Screen title={m.title} className="cw-screen--success">
      <p>{text(m.body)}</p>
    </Screen>
  );
}
