import { useMessages } from '../../i18n';
import { Dialog } from '../../ui';

/** "Leave without connecting?": asked only in the middle of a connection. */
export function ExitDialog({ onStay, onLeave }: { onStay(): void; onLeave(): void }) {
  const m = useMessages().screens.exit;
  return (
    <Dialog
      title={m.title}
      body={m.body}
      cancelLabel={m.stay}
      confirmLabel={m.leave}
      onCancel={onStay}
      onConfirm={onLeave}
    />
  );
}
