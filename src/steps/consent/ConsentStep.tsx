import { format, useUiMessages } from '../../i18n';
import { Actions, Button, ExternalLink, Screen } from '../../ui';

export interface ConsentStepProps {
  /** The business asking for the connection, named in the text; a neutral wording without it. */
  customerName: string | null;
  /** The partner's terms (`termsUrl`): linked, opened in a new tab; agreeing accepts them too. */
  termsUrl?: string | null;
  /** The person opened the terms. */
  onOpenTerms?(): void;
  onAccept(): void;
  onDeny(): void;
}

/** What will be shared, and with whom, before anything is asked. */
export function ConsentStep({ customerName, termsUrl, onOpenTerms, onAccept, onDeny }: ConsentStepProps) {
  const m = useUiMessages().ui.consent;
  const customer = customerName ?? '';
  return (
    <Screen title={m.title}>
      <p>{customerName ? format(m.intro, { customer }) : m.introAnonymous}</p>
      <h3 className="cw-subheading">{m.sharedHeading}</h3>
      <ul className="cw-list">
        <li>{m.shared.accounts}</li>
        <li>{m.shared.balances}</li>
        <li>{m.shared.transactions}</li>
        <li>{m.shared.identity}</li>
      </ul>
      <p className="cw-muted">{customerName ? format(m.notShared, { customer }) : m.notSharedAnonymous}</p>
      {termsUrl && (
        <p>
          {m.termsNote}{' '}
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
