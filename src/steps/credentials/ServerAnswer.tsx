import type { FieldError } from '../../flow/state';
import { referenceText, useGuidance, useMessages, useText } from '../../i18n';
import { Alert, ExternalLink } from '../../ui';
import './server-answer.css';

// The credential form's answers from the bank: shown only after a try, so they come with the later screens' chunk
// (fetched while the person fills in the form), not with the first screen.

/**
 * What the bank said about the last try. Its words are in the later screens' text, which is in by then (it loads
 * while the sign-in is on its way); until it is, the step waits under the widget's loading message.
 */
export function ServerError({ id, error }: { id: string; error: FieldError }) {
  const text = useGuidance(error.code, error.variant);
  const messages = useMessages();
  const fill = useText();
  return (
    <>
      <Alert id={id}>
        <strong className="cw-alert-title" id={`${id}-title`}>
          {text.title}
        </strong>{' '}
        {text.body}
        {/* The next refused try may lock the account: said before it, with the problem, in one announcement. */}
        {error.lastTry && (
          <strong className="cw-alert-warning"> {fill(messages.screens.credentials.lastTry)}</strong>
        )}
      </Alert>
    </>
  );
}

/** For support, under the form's button as under every guidance screen's; outside the alert, never announced. */
export function ServerReference({ requestId }: { requestId: string | null }) {
  const reference = referenceText(requestId, useMessages());
  return reference ? <p className="cw-reference">{reference}</p> : null;
}

/**
 * Under a field the bank's answer was about: the bank's "forgot username" page, and for a password the calm note that
 * it was emptied. The alert above says what happened (its title describes the field too): one message per problem,
 * so nothing here repeats it, and nothing neutral looks like an error.
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
  if (field === 'password') {
    return (
      <p className="cw-hint" id={id}>
        {m.notes.cleared}
      </p>
    );
  }
  return forgotUrl ? <ExternalLink href={forgotUrl}>{m.forgotUsername}</ExternalLink> : null;
}
