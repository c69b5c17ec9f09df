import { format, useUiMessages } from '../../i18n';
import { Actions, Button, ExternalLink, Screen } from '../../ui';

export interface ConsentStepProps {
  /** The business asking for the connection, named in the text; a neutral wording without it. */
  customerName: string | null;
  /** With `scheduleRefresh`: the data keeps being shared until the person stops it, which the screen says. */
  ongoing?: boolean;
  /** The partner's terms (`termsUrl`): linked, opened in a new tab; agreeing accepts them too. */
  termsUrl?: string | null;
  /** The person opened the terms. */
  onOpenTerms?(): void;
  onAccept(): void;
  onDeny(): void;
}

/** What will be shared, and with whom, before anything is asked. */
export function ConsentStep({
  customerName,
  ongoing,
  termsUrl,
  onOpenTerms,
  onAccept,
  onDeny,
}: ConsentStepProps) {
  const m = useUiMessages().ui.consent;
  const customer = customerName ?? '';
  const named = (withName: string, anonymous: string) =>
    customerName ? format(withName, { customer }) : anonymous;
  return (
    <Screen title={m.title}>
      <p>{named(m.intro, m.introAnonymous)}</p>
      <h3 className="cw-subheading">{m.sharedHeading}</h3>
      <ul className="cw-list">
        <li>{m.shared.accounts}</li>
        <li>{m.shared.balances}</li>
        <li>{m.shared.transactions}</li>
        <li>{m.shared.identity}</li>
      </ul>
      <p>{ongoing ? named(m.ongoing, m.ongoingAnonymous) : m.once}</p>
      <p className="cw-muted">{named(m.notShared, m.notSharedAnonymous)}</p>
      {termsUrl && (
        <p>
          {named(m.termsNote, m.termsNoteAnonymous)}{' '}
          <ExternalLink href={termsUrl} {...(onOpenTerms ? { onOpen: onOpenTerms } : {})}>
            {m.terms}
          </ExternalLink>
        </p>
      )}
      <Actions>
        <Button onClick={onAccept}>{m.accept}</Button>
        <Button variant="secondary" onClick={onDeny}>
          {m.deny}
        </Button>
      </Actions>
    </Screen>
  );
}
