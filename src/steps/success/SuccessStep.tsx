import { useMessages } from '../../i18n';
import { Screen, withBank } from '../../ui';

/** The connection is done; the host takes it from here (onSuccess, REDIRECT). */
export function SuccessStep({ bankName }: { bankName: string | null }) {
  const messages = useMessages();
  const m = messages.ui.success;
  return (
    <Screen title={m.title} className="cw-screen--success">
      <p>{withBank(m.body, bankName, messages)}</p>
    </Screen>
  );
}
