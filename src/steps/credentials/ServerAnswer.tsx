import type { FieldError } from '../../flow/state';
import { referenceText, useGuidance, useMessages, useText } from '../../i18n';
import { Alert, ExternalLink } from '../../ui';

// The credential form's answers from the bank: shown only after a try, so they come with the later screens' chunk
// (fetched while the person fills in the form), not with the first screen.

/**
 * What the bank said about the last try. Its words are in the later screens' text, which is in by then (it loads
 * while the sign-in is on its way); until it is, the step waits under the widget's loading message.
 */
export function ServerError({
  id,
  error,
  requestId,
}: {
  id: string;
  error: FieldError;
  requestId: string | null;
}) {
  const text = useGuidance(error.code, error.variant);
  const messages = useMessages();
  const fill = useText();
  return (
    <>
      <Alert id={id}>
        <strong className="cw-alert-title">{text.title}</strong> {text.body}
        {/* The next refused try may lock the account: said before it, with the problem, in one announcement. */}
        {error.lastTry && (
          <strong className="cw-alert-warning"> {fill(messages.screens.credentials.lastTry)}</strong>
        )}
      </Alert>
      {/* For support, as under every guidance screen; outside the alert, so it is not announced with it. */}
      <p className="cw-reference">{referenceText(error.code, requestId, messages)}</p>
    </>
  );
}

/**
 * Under a field the bank's answer was about: what to check, and for the username the bank's "forgot" page. The alert
 * above already spoke: this message is read with the field (`aria-describedby`), not announced again.
 */
export function FieldServerNote({
  id,
  field,
  forgotUrl = null,
}: {
  id: string;
  field: 'username' | 'password';
  forgotUrl?: string | null;
}) {
  const m = useMessages().screens.credentials;
  const text = useText();
  return (
    <>
      <p className="cw-field-error" id={id}>
        {text(m.fieldError[field])}
      </p>
      {field === 'username' && forgotUrl && <ExternalLink href={forgotUrl}>{m.forgotUsername}</ExternalLink>}
    </>
  );
}
